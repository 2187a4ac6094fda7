//! Searching in the app like a person: Ctrl+F, type, click a hit to see it in its
//! document with its words selected; and "Annotate all": every occurrence of the
//! selected words tagged in one step, which one Ctrl+Z undoes.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::{default_schema, save_project};
use eventail::model::{Document, Project, Span};
use eventail::ui::EventailApp;
use gui_common::*;

#[test]
fn ctrl_f_type_and_click_a_hit_shows_its_document_and_selects_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, _) = open_with_files(Some(sample_project(dir.path())));
    assert_eq!(harness.state().current_document(), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.state().search().is_some(), "Ctrl+F opens the panel");
    // The field has the keyboard: typed letters search, they do not tag.
    harness.event(egui::Event::Text("ARTICLE".into()));
    harness.run();
    let search = harness.state().search().expect("open");
    assert_eq!(search.query, "ARTICLE");
    assert_eq!(search.hits().len(), 1, "case is ignored by default");
    let hit = search.hits()[0].clone();
    assert_eq!((hit.doc, hit.start, hit.end), (1, 9, 16));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, &hit.context)
        .click();
    harness.run();
    assert_eq!(harness.state().current_document(), 1);
    assert_eq!(harness.state().text_selection(), Some(Span::new(9, 16)));
    assert!(harness.state().project().documents[1].mentions.is_empty());

    // Accents are ignored by default too: "armee" finds "armée".
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search");
    field.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("armee".into()));
    harness.run();
    let search = harness.state().search().expect("open");
    assert_eq!(search.query, "armee");
    assert_eq!(search.hits().len(), 1);
    assert_eq!(search.hits()[0].matched, "armée");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().search().is_none());
}

#[test]
fn annotate_all_tags_every_occurrence_in_one_step_that_ctrl_z_undoes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, _) = open_with_files(Some(sample_project(dir.path())));
    // Select the first "Palmyre" through the search.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.event(egui::Event::Text("Palmyre".into()));
    harness.run();
    let first = harness.state().search().expect("open").hits()[0].clone();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, &first.context)
        .click();
    harness.run();
    assert_eq!(harness.state().text_selection(), Some(first.span()));

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    let state = harness.state().annotate_all().expect("the dialog is open");
    assert_eq!(state.text, "Palmyre");
    assert_eq!(state.hits.len(), 2, "both occurrences of the document");
    let entity_type = state.entity_type.clone();
    // Both are checked; skipping one and checking it again leaves two to tag.
    let second = format!("d1: {}", state.hits[1].context);
    harness.get_by_label(&second).click();
    harness.run();
    assert_eq!(harness.state().annotate_all().unwrap().targets().len(), 1);
    harness.get_by_label(&second).click();
    harness.run();
    harness.get_by_label("Tag 2").click();
    harness.run();
    assert!(
        harness.state().annotate_all().is_none(),
        "the dialog closes"
    );
    let mentions = &harness.state().project().documents[0].mentions;
    assert_eq!(mentions.len(), 2);
    assert_ne!(mentions[0].id, mentions[1].id);
    assert!(mentions.iter().all(|m| m.entity_type == entity_type));
    assert_eq!(mentions[0].ranges, vec![first.span()]);

    // One undo removes them all.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().project().documents[0].mentions.is_empty());
    // Done again, nothing is offered that is tagged already.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().project().documents[0].mentions.len(), 2);
}

#[test]
fn note_and_attribute_fields_search_the_annotations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_copy(dir.path());
    let (mut harness, _) = open_with_files(Some(path));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Note")
        .click();
    harness.run();
    harness.event(egui::Event::Text("site antique".into()));
    harness.run();
    let search = harness.state().search().expect("open");
    assert_eq!(search.options.note.as_deref(), Some("site antique"));
    let project = harness.state().project();
    let expected = project
        .documents
        .iter()
        .flat_map(|d| &d.mentions)
        .filter(|m| m.note.to_lowercase().contains("site antique"))
        .count();
    assert!(expected > 0, "the sample has such a note");
    assert_eq!(search.hits().len(), expected);
    assert!(search.hits().iter().all(|h| h.annotation.is_some()));

    // Emptied, the field filters nothing: back to the text, and no query means no hit.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    let search = harness.state().search().expect("open");
    assert_eq!(search.options.note, None);
    assert!(search.hits().is_empty());

    // An attribute name finds the annotations that carry it.
    let Some((name, count)) = first_attribute(harness.state().project()) else {
        panic!("the sample has attributes");
    };
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Attribute")
        .click();
    harness.run();
    harness.event(egui::Event::Text(name.clone()));
    harness.run();
    let search = harness.state().search().expect("open");
    assert_eq!(search.options.attribute.as_deref(), Some(name.as_str()));
    assert_eq!(search.hits().len(), count);
}

/// The name of an attribute used in `project`, and how many annotations carry it.
fn first_attribute(project: &Project) -> Option<(String, usize)> {
    let documents = &project.documents;
    let carried: Vec<_> = documents
        .iter()
        .flat_map(|d| d.mentions.iter().map(|m| &m.attributes))
        .chain(
            documents
                .iter()
                .flat_map(|d| d.events.iter().map(|e| &e.attributes)),
        )
        .chain(
            documents
                .iter()
                .flat_map(|d| d.relations.iter().map(|r| &r.attributes)),
        )
        .collect();
    let name = carried.iter().find_map(|a| a.keys().next().cloned())?;
    let count = carried.iter().filter(|a| a.contains_key(&name)).count();
    Some((name, count))
}

#[test]
fn annotate_all_can_take_occurrences_inside_words_and_in_any_case() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = Project::new("Test", default_schema());
    let text = "Palmyre, palmyrene et PALMYRE.\n";
    project.documents.push(Document::new("d1", "Titre", text));
    let path = dir.path().join("case.ron");
    save_project(&path, &project).expect("write the project");
    let (mut harness, _) = open_with_files(Some(path));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.event(egui::Event::Text("Palmyre".into()));
    harness.run();
    // Case counts here, so that one hit (one button) bears the line as its label.
    harness.get_by_label("Ignore case").click();
    harness.run();
    let hits = harness.state().search().expect("open").hits().to_vec();
    assert_eq!(hits.len(), 1);
    let first = hits[0].clone();
    assert_eq!(first.span(), Span::new(0, 7));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, &first.context)
        .click();
    harness.run();
    harness.get_by_label("Close").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    let spans = |harness: &Harness<'_, EventailApp>| {
        let state = harness.state().annotate_all().expect("the dialog is open");
        state.hits.iter().map(|h| h.span()).collect::<Vec<_>>()
    };
    assert_eq!(
        spans(&harness),
        vec![Span::new(0, 7)],
        "whole words, same case"
    );
    harness.get_by_label("Ignore case").click();
    harness.run();
    assert_eq!(spans(&harness), vec![Span::new(0, 7), Span::new(22, 29)]);
    harness.get_by_label("Whole words").click();
    harness.run();
    assert_eq!(
        spans(&harness),
        vec![Span::new(0, 7), Span::new(9, 16), Span::new(22, 29)]
    );
    harness.get_by_label("Tag 3").click();
    harness.run();
    let mentions = &harness.state().project().documents[0].mentions;
    assert_eq!(mentions.len(), 3);
}
