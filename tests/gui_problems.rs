//! The Problems panel as a person uses it: an article's event lacks a required role, the
//! panel lists it, a click shows the article with the event selected, and deleting the
//! event (or undoing that) updates the list.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui_kittest::kittest::Queryable;
use eventail::edit::{Stamp, ops};
use eventail::io::{load_project, save_project};
use eventail::model::conformance::ProblemKind;
use eventail::model::{Filler, project_problems};
use gui_common::*;

#[test]
fn an_event_without_its_required_role_is_listed_shown_and_gone_once_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_copy(dir.path());
    // The third article's first event loses every argument.
    let mut project = load_project(&path).expect("load");
    let event = &project.documents[2].events[0];
    let (id, count) = (event.id, event.arguments.len());
    for _ in 0..count {
        let edit = ops::remove_argument(&project, 2, id, 0, &Stamp::default()).expect("edit");
        edit.apply(&mut project).expect("applies");
    }
    let expected = project_problems(&project);
    assert!(!expected.is_empty());
    assert!(expected.iter().all(|p| p.doc == 2));
    let line = expected[0].line(&project);
    save_project(&path, &project).expect("save");

    let mut harness = open(path);
    assert_eq!(harness.state().current_document(), 0);
    run_command(&mut harness, "Problems");
    let problems = harness.state().problems().expect("the panel is open");
    assert_eq!(problems.all().len(), expected.len());
    assert!(expected.iter().any(|p| p.kind == ProblemKind::MissingRole));
    harness.get_by_label_contains(&format!("{} in the project", expected.len()));

    harness.get_by_label(&line).click();
    harness.run();
    assert_eq!(harness.state().current_document(), 2);
    assert_eq!(harness.state().selected(), Some(Filler::Event(id)));

    run_command(&mut harness, "Delete selected");
    assert!(harness.state().problems().expect("open").all().is_empty());
    harness.get_by_label_contains("No problem");

    run_command(&mut harness, "Undo");
    assert_eq!(
        harness.state().problems().expect("open").all().len(),
        expected.len()
    );
    harness.get_by_label(&line);
}
