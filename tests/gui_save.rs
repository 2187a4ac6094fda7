//! Saving off the UI thread, through the real commands: the window goes on while the
//! file is written, edits made meanwhile stay unsaved, quitting waits for the save, and
//! a failed save says which file. Saves are held back with `hold_saves` so that the
//! test acts while one is under way, whatever the speed of the disk.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::load_project;
use eventail::model::DocStatus;
use eventail::ui::EventailApp;
use gui_common::*;

/// Marks the shown document done: one undoable change.
fn mark_done(harness: &mut Harness<'_, EventailApp>) {
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
}

fn press_save(harness: &mut Harness<'_, EventailApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
}

#[test]
fn edits_made_while_saving_stay_unsaved_and_quitting_waits_for_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_project(dir.path());
    let mut harness = open(path.clone());
    let before = std::fs::read(&path).unwrap();
    let hold = harness.state().hold_saves();
    mark_done(&mut harness);
    press_save(&mut harness);
    assert!(harness.state().is_saving());
    assert!(harness.state().status().starts_with("Saving "));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "held: nothing written yet"
    );

    // The window goes on: another document, another change, while the save waits.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().current_document(), 1);
    mark_done(&mut harness);
    assert_eq!(
        harness.state().project().documents[1].status,
        DocStatus::Done
    );

    // Quitting waits for the save in flight.
    close_the_window(&mut harness);
    assert!(!harness.state().is_closing());
    assert!(
        harness
            .state()
            .status()
            .contains("once the project is saved"),
        "{}",
        harness.state().status()
    );

    drop(hold);
    wait_for_saves(&mut harness);
    harness.run();
    // The file holds the project as it was when the save began.
    let saved = load_project(&path).unwrap();
    assert_eq!(saved.documents[0].status, DocStatus::Done);
    assert_eq!(saved.documents[1].status, DocStatus::New);
    // The change made during the save is not saved: quitting, resumed, asks about it.
    assert!(harness.state().is_dirty());
    assert!(!harness.state().is_closing());
    harness.get_by_label("Unsaved changes");
}

#[test]
fn a_save_asked_to_quit_closes_once_written_and_a_second_save_waits_its_turn() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_project(dir.path());
    let mut harness = open(path.clone());
    let hold = harness.state().hold_saves();
    mark_done(&mut harness);
    press_save(&mut harness);
    // A second Ctrl+S while the first is held: it follows the first.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    mark_done(&mut harness);
    press_save(&mut harness);
    close_the_window(&mut harness);
    assert!(!harness.state().is_closing());
    drop(hold);
    wait_for_saves(&mut harness);
    harness.run();
    let saved = load_project(&path).unwrap();
    assert_eq!(saved.documents[0].status, DocStatus::Done);
    assert_eq!(saved.documents[1].status, DocStatus::Done);
    assert!(!harness.state().is_dirty());
    assert!(harness.state().is_closing(), "nothing left to save: closed");
}

#[cfg(unix)]
#[test]
fn a_failed_save_names_the_file_and_leaves_the_changes_unsaved() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = sample_project(dir.path());
    let mut harness = open(path.clone());
    mark_done(&mut harness);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    press_save(&mut harness);
    wait_for_saves(&mut harness);
    harness.run();
    let message = harness
        .state()
        .error_message()
        .expect("the failure is shown");
    assert!(message.contains("write-protected"), "{message}");
    assert!(message.ends_with(&path.display().to_string()), "{message}");
    assert!(harness.state().is_dirty());
    assert_eq!(
        load_project(&path).unwrap().documents[0].status,
        DocStatus::New
    );
}
