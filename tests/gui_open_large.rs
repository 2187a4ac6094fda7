//! A large project opens on its first document, editable at once, while the others
//! are read: what needs the whole project waits, saves are queued, and if the rest of
//! the file turns out broken, the file is left as it was and the changes are kept.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::{default_schema, load_project, save_project};
use eventail::model::{Document, Project};
use eventail::ui::EventailApp;
use eventail::ui::file_dialog::ScriptedFileDialogs;
use gui_common::{
    BODY, TITLE, drag, label_with_key, open_with_files, paragraph, run_command, sample_project,
    wait_for_job, wait_for_saves, wait_until,
};
use std::path::{Path, PathBuf};

/// Documents in the large project: enough text to be read in the background.
const DOCUMENTS: usize = 300;

/// A project of [`DOCUMENTS`] articles of about 16 KB, the first titled [`TITLE`].
fn large_project(dir: &Path) -> PathBuf {
    let mut project = Project::new("Grand", default_schema());
    let filler = "Les combats continuent autour de la ville ancienne. ".repeat(300);
    for n in 0..DOCUMENTS {
        let title = if n == 0 {
            TITLE.to_string()
        } else {
            format!("Article {n}")
        };
        let text = format!("{title}\n\n{BODY}\n\n{filler}\n");
        project
            .documents
            .push(Document::new(format!("d{n}"), title, text));
    }
    let path = dir.join("grand.ron");
    save_project(&path, &project).expect("write the large project");
    assert!(std::fs::metadata(&path).map_or(0, |m| m.len()) > 4 * 1024 * 1024);
    path
}

/// Opens `path` from the sample app with the reading of its rest held back, and tags
/// the first title word of its first document as an armed group.
fn open_held_and_tag(
    dir: &Path,
    path: &Path,
) -> (
    Harness<'static, EventailApp>,
    ScriptedFileDialogs,
    eventail::ui::gate::Hold,
) {
    let (mut harness, files) = open_with_files(Some(sample_project(dir)));
    let hold = harness.state().hold_reading();
    files.will_answer(vec![path.to_path_buf()]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    wait_for_job(&mut harness);
    assert_eq!(harness.state().documents_to_come(), Some(DOCUMENTS - 1));
    assert_eq!(harness.state().project().documents.len(), 1);
    harness.get_by_label(&format!("Reading {} more…", DOCUMENTS - 1));

    let title = paragraph(&harness, TITLE);
    let y = title.center().y;
    drag(
        &mut harness,
        Pos2::new(title.min.x + 3.0, y),
        Pos2::new(title.min.x + 20.0, y),
    );
    let schema = default_schema();
    let armed = schema.entity_type("armed_group").expect("armed groups");
    harness
        .get_by_label(&label_with_key(&armed.label, armed.shortcut))
        .click();
    harness.run();
    assert_eq!(harness.state().project().documents[0].mentions.len(), 1);
    (harness, files, hold)
}

#[test]
fn the_first_document_is_edited_while_the_rest_is_read_then_all_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = large_project(dir.path());
    let (mut harness, _files, hold) = open_held_and_tag(dir.path(), &path);

    // What needs the whole project waits; a save is queued, not refused.
    run_command(&mut harness, "Search");
    assert!(
        harness.state().status().starts_with("Still reading"),
        "{}",
        harness.state().status()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().is_saving());
    assert_eq!(
        harness.state().status(),
        "Saving once the whole project is read…"
    );

    drop(hold);
    wait_until(&mut harness, "the rest is read", |h| {
        h.state().documents_to_come().is_none()
    });
    wait_for_saves(&mut harness);
    let project = harness.state().project();
    assert_eq!(project.documents.len(), DOCUMENTS);
    assert_eq!(project.documents[0].mentions.len(), 1, "the edit is kept");
    assert_eq!(
        project.documents[DOCUMENTS - 1].name,
        format!("Article {}", DOCUMENTS - 1)
    );
    assert!(!harness.state().is_dirty(), "the queued save ran");
    let saved = load_project(&path).expect("the saved file loads");
    assert_eq!(saved.documents.len(), DOCUMENTS);
    assert_eq!(saved.documents[0].mentions.len(), 1);

    // The edit made while reading is undone like any other.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().project().documents[0].mentions.is_empty());
    assert_eq!(harness.state().project().documents.len(), DOCUMENTS);
}

#[test]
fn a_rest_that_cannot_be_read_leaves_the_file_and_keeps_the_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = large_project(dir.path());
    let text = std::fs::read_to_string(&path).expect("reads");
    let at = text.rfind("text:").expect("a text field");
    let broken = format!("{}tekst:{}", &text[..at], &text[at + 5..]);
    std::fs::write(&path, &broken).expect("break the last document");

    let (mut harness, files, hold) = open_held_and_tag(dir.path(), &path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    drop(hold);
    wait_until(&mut harness, "the rest fails", |h| h.state().has_dialog());

    let message = harness.state().error_message().expect("an error is shown");
    assert!(message.contains("grand.ron"), "{message}");
    assert!(message.contains("line"), "{message}");
    assert_eq!(
        harness.state().project_path(),
        None,
        "not tied to the broken file"
    );
    let project = harness.state().project();
    assert_eq!(project.documents.len(), 1);
    assert_eq!(project.documents[0].mentions.len(), 1, "the edit is kept");
    assert!(harness.state().is_dirty());
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), broken);

    // Saving the kept changes over the file that could not be read is refused.
    harness.run();
    let answer = if harness.query_by_label("OK").is_some() {
        "OK"
    } else {
        "Cancel"
    };
    harness.get_by_label(answer).click();
    harness.run();
    files.will_answer(vec![path.clone()]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    wait_for_saves(&mut harness);
    let message = harness.state().error_message().expect("refused");
    assert!(message.contains("could not be read whole"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), broken);
    assert!(harness.state().is_dirty());
}
