//! `eventail validate --warnings`, through the built binary: what does not fit the
//! schema is listed, one line per problem naming document and annotation, and the exit
//! status stays 0 since these are warnings.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{eventail, stdout};
use eventail::edit::{Stamp, ops};
use eventail::io::{load_project, save_project};
use eventail::model::project_problems;
use std::ffi::OsStr;

#[test]
fn validate_with_warnings_lists_an_event_without_its_required_role() {
    let dir = tempfile::tempdir().unwrap();
    let mut project = load_project(std::path::Path::new("projects/palmyre.ron")).unwrap();
    assert_eq!(project_problems(&project), []);
    let event = &project.documents[0].events[0];
    let (id, count) = (event.id, event.arguments.len());
    for _ in 0..count {
        let edit = ops::remove_argument(&project, 0, id, 0, &Stamp::default()).unwrap();
        edit.apply(&mut project).unwrap();
    }
    let problems = project_problems(&project);
    assert!(!problems.is_empty());
    let path = dir.path().join("incomplete.ron");
    save_project(&path, &project).unwrap();

    let plain = eventail(&[OsStr::new("validate"), path.as_os_str()]);
    assert!(plain.status.success());
    assert!(!stdout(&plain).contains("warning"));

    let out = eventail(&[
        OsStr::new("validate"),
        path.as_os_str(),
        OsStr::new("--warnings"),
    ]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    let first = problems[0].line(&project);
    assert!(text.contains(&format!("warning: {first}")), "{text}");
    assert!(first.starts_with(&project.documents[0].name), "{first}");
    assert!(first.contains(&format!("{id} ")), "{first}");
    assert!(text.contains("needs"), "{text}");
}
