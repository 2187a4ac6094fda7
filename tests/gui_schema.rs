//! The schema editor driven like a person: open it from the palette, add an entity
//! type, rename it, give it a key, undo; delete a type in use through its dialog; load
//! a schema file and brat's annotation.conf with scripted file dialogs.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::edit::schema_ops::{TypeKind, uses_of_type};
use eventail::model::Rgb;
use eventail::ui::EventailApp;
use eventail::ui::file_dialog::FilePurpose;
use gui_common::*;

/// Types `text` into the field named `name` and presses Enter.
fn type_into(harness: &mut Harness<'_, EventailApp>, name: &str, text: &str) {
    harness.get_by_label(name).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.event(egui::Event::Text(text.to_string()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn add_rename_key_and_undo_in_the_schema_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(sample_project(dir.path()));
    run_command(&mut harness, "Edit schema");
    assert!(
        harness.state().schema_editor().is_some(),
        "the editor is open"
    );
    type_into(&mut harness, "New entity type:", "weapon_x");
    let schema = &harness.state().project().schema;
    assert!(schema.entity_type("weapon_x").is_some(), "added");
    type_into(&mut harness, "Name of weapon_x", "arms");
    let schema = &harness.state().project().schema;
    assert!(schema.entity_type("weapon_x").is_none());
    assert_eq!(schema.entity_type("arms").unwrap().label, "arms");
    type_into(&mut harness, "Key of arms", "k");
    assert_eq!(
        harness
            .state()
            .project()
            .schema
            .entity_type("arms")
            .unwrap()
            .shortcut,
        Some('k')
    );
    // Ctrl+Z undoes the key, then the rename, then the addition.
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    let schema = &harness.state().project().schema;
    assert!(schema.entity_type("arms").is_none());
    assert!(schema.entity_type("weapon_x").is_none());
}

#[test]
fn a_key_another_type_has_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(sample_project(dir.path()));
    run_command(&mut harness, "Edit schema");
    let schema = harness.state().project().schema.clone();
    let (first, second) = (&schema.entity_types[0], &schema.entity_types[1]);
    let key = second.shortcut.unwrap();
    type_into(
        &mut harness,
        &format!("Key of {}", first.name),
        &key.to_string(),
    );
    assert_eq!(harness.state().project().schema, schema, "nothing changed");
    assert!(
        harness.state().status().contains(&second.label),
        "{}",
        harness.state().status()
    );
}

#[test]
fn deleting_a_type_in_use_asks_and_can_retype_then_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(sample_copy(dir.path()));
    let before = harness.state().project().clone();
    let people = uses_of_type(&before, TypeKind::Entity, "person");
    assert!(people > 0);
    run_command(&mut harness, "Edit schema");
    harness.get_by_label("Delete person").click();
    harness.run();
    assert!(harness.state().schema_editor().unwrap().delete.is_some());
    harness
        .get_by_label_contains(&format!("{people} annotations use"))
        .rect();
    harness.get_by_label("Change them to").click();
    harness.run();
    let project = harness.state().project();
    assert!(project.schema.entity_type("person").is_none());
    assert_eq!(uses_of_type(project, TypeKind::Entity, "person"), 0);
    assert!(harness.state().schema_editor().unwrap().delete.is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(*harness.state().project() == before, "undo restores it all");
    // Cancel keeps it.
    harness.get_by_label("Delete person").click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(*harness.state().project() == before);
}

#[test]
fn a_brat_annotation_conf_becomes_the_schema_keeping_what_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, files) = open_with_files(Some(sample_copy(dir.path())));
    let conf = std::path::Path::new("tests/fixtures/brat/news-tutorial/annotation.conf");
    files.will_answer(vec![conf.to_path_buf()]);
    run_command(&mut harness, "Import brat annotation.conf");
    assert_eq!(files.asked()[0].purpose, FilePurpose::ImportBratSchema);
    let schema = &harness.state().project().schema;
    let person = schema.entity_type("Person").unwrap();
    assert_eq!(person.color, Rgb([0xff, 0x82, 0x1c]));
    assert!(schema.event_type("Be-born").is_some());
    // The sample's types are in use: kept, and the report says so.
    assert!(schema.entity_type("armed_group").is_some());
    let message = harness.state().error_message().unwrap();
    assert!(
        message.contains("kept entity type armed_group"),
        "{message}"
    );
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .project()
            .schema
            .entity_type("Person")
            .is_none()
    );
}

#[test]
fn a_schema_saved_and_loaded_through_the_file_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, files) = open_with_files(Some(sample_copy(dir.path())));
    let path = dir.path().join("codebook.ron");
    files.will_answer(vec![path.clone()]);
    run_command(&mut harness, "Save schema as");
    let saved = eventail::io::load_schema(&path).unwrap();
    assert_eq!(saved, harness.state().project().schema);
    let before = harness.state().project().clone();
    files.will_answer(vec![path]);
    run_command(&mut harness, "Load schema");
    let after = harness.state().project();
    assert_eq!(after.schema, saved, "the same schema back");
    assert!(
        after.documents == before.documents,
        "the annotations untouched"
    );
    assert!(
        !harness.state().has_dialog(),
        "nothing kept: nothing to report"
    );
}
