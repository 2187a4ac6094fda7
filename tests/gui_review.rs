//! Reviewing a colleague's work in the app: their project opened beside one's own, the
//! agreement figures, and the walk through the disagreements with the keyboard.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::Key;
use egui_kittest::kittest::Queryable;
use eventail::edit::{Stamp, ops};
use eventail::io::{load_project, save_project};
use eventail::model::Filler;
use gui_common::*;

#[test]
fn compare_with_a_colleague_walk_the_disagreements_and_see_edits_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = sample_copy(dir.path());
    // The colleague's version: the third article's first mention deleted.
    let mut theirs = load_project(&mine).expect("load");
    let gone = theirs.documents[2].mentions[0].clone();
    let edit = ops::delete(&theirs, 2, Filler::Mention(gone.id), &Stamp::default()).expect("edit");
    edit.apply(&mut theirs).expect("applies");
    let theirs_path = dir.path().join("theirs.ron");
    save_project(&theirs_path, &theirs).expect("save");

    let (mut harness, files) = open_with_files(Some(mine));
    files.will_answer(vec![theirs_path]);
    run_command(&mut harness, "Compare with");
    let review = harness.state().review().expect("the review panel is open");
    let differences = review.disagreements.len();
    assert!(differences >= 1, "the deleted mention differs");
    assert!(review.report.mentions.exact.recall < 1.0);
    harness.get_by_label_contains("yours (A) against");

    // F8 shows the first disagreement: its document, its words selected.
    harness.key_press(Key::F8);
    harness.run();
    assert_eq!(harness.state().current_document(), 2);
    let selection = harness.state().text_selection().expect("selected");
    assert_eq!(selection.start, gone.ranges[0].start);

    // An edit of one's own is compared at once, and so is its undo.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::Num1);
    harness.run();
    let line = paragraph(&harness, "Retour");
    drag(
        &mut harness,
        egui::Pos2::new(line.min.x + 2.0, line.center().y),
        egui::Pos2::new(line.min.x + 12.0, line.center().y),
    );
    harness.event(egui::Event::Text("l".into()));
    harness.run();
    let count = |h: &egui_kittest::Harness<'_, eventail::ui::EventailApp>| {
        h.state().review().map_or(0, |r| r.disagreements.len())
    };
    assert_eq!(
        count(&harness),
        differences + 1,
        "the new mention is a difference"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(count(&harness), differences);
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().review().is_none());
}
