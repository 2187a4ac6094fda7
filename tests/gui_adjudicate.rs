//! Building a gold version in the app and adjudicating it with the keyboard: two
//! annotators' versions of the sample are merged, the walk accepts one version,
//! rejects another, edits a third, undoes, and a merge run again leaves all of it be.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use eventail::edit::{Stamp, ops};
use eventail::io::{load_project, save_project};
use eventail::model::{Filler, Project, Verdict};
use gui_common::*;
use std::path::{Path, PathBuf};

/// Ana's version: the sample as it is. Bob's: the first mention of the first article
/// retyped, the first mention of the second deleted.
fn two_annotators(dir: &Path) -> (Project, PathBuf, PathBuf) {
    let sample = sample_copy(dir);
    let mut ana = load_project(&sample).expect("load");
    ana.annotators = vec!["ana".into()];
    let mut bob = ana.clone();
    bob.annotators = vec!["bob".into()];
    let first = bob.documents[0].mentions[0].clone();
    let retyped = if first.entity_type == "person" {
        "place"
    } else {
        "person"
    };
    let stamp = Stamp::default();
    let edit = ops::set_mention_type(&bob, 0, first.id, retyped, &stamp).expect("edit");
    edit.apply(&mut bob).expect("applies");
    let gone = bob.documents[1].mentions[0].id;
    let edit = ops::delete(&bob, 1, Filler::Mention(gone), &stamp).expect("edit");
    edit.apply(&mut bob).expect("applies");
    let (ana_path, bob_path) = (dir.join("ana.ron"), dir.join("bob.ron"));
    save_project(&ana_path, &ana).expect("save");
    save_project(&bob_path, &bob).expect("save");
    (ana, ana_path, bob_path)
}

fn items(harness: &egui_kittest::Harness<'_, eventail::ui::EventailApp>) -> usize {
    harness
        .state()
        .adjudication()
        .expect("adjudicating")
        .items
        .len()
}

#[test]
fn build_a_gold_version_and_walk_it_with_the_keyboard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ana, ana_path, bob_path) = two_annotators(dir.path());
    let (mut harness, files) = open_with_files(None);
    files.will_answer(vec![ana_path.clone(), bob_path.clone()]);
    run_command(&mut harness, "Build a gold version");
    let state = harness
        .state()
        .adjudication()
        .expect("the adjudication panel");
    let names: Vec<&str> = state.annotators.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["ana", "bob"]);
    let open = state.items.len();
    assert!(
        open >= 2,
        "the retyped and the deleted mention are left: {open}"
    );
    let agreed = state.progress.project.agreed;
    assert!(agreed > 100, "what both have is taken: {agreed}");
    assert!(
        harness.state().is_dirty(),
        "a new gold version is not saved yet"
    );
    assert_eq!(harness.state().project().name, "gold");
    harness.get_by_label_contains("gold version from ana, bob");

    // F8 shows the first item: its document, its words selected.
    harness.key_press(Key::F8);
    harness.run();
    let state = harness.state().adjudication().expect("adjudicating");
    let item = state.current_item().expect("shown").clone();
    assert_eq!(harness.state().current_document(), item.doc);
    assert_eq!(
        harness.state().text_selection().map(|s| s.start),
        Some(item.start())
    );
    // Accept the last version of it (B's when both have one).
    let v = item.versions.len() - 1;
    let keys = [Key::Num1, Key::Num2, Key::Num3];
    harness.key_press_modifiers(Modifiers::COMMAND, keys[v]);
    harness.run();
    assert_eq!(items(&harness), open - 1);
    let gold = harness.state().project();
    let decided = &gold.documents[item.doc].decisions;
    let accepted = decided
        .iter()
        .find(|d| d.unit == item.versions[v].unit)
        .expect("recorded");
    assert_eq!(accepted.verdict, Verdict::Accepted);
    assert_eq!(accepted.sources, item.versions[v].sources);
    let progress = harness
        .state()
        .adjudication()
        .expect("adjudicating")
        .progress
        .project;
    assert_eq!(progress.accepted, 1);
    assert_eq!(
        progress.rejected,
        item.versions.len() - 1,
        "the other versions are rejected"
    );

    // The next item is shown in its place; reject it with Ctrl+0: counted like an
    // acceptance.
    let before = harness
        .state()
        .adjudication()
        .expect("adjudicating")
        .progress
        .project;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(items(&harness), open - 2);
    let after = harness
        .state()
        .adjudication()
        .expect("adjudicating")
        .progress
        .project;
    assert!(after.rejected > before.rejected);
    assert_eq!(
        after.decided() - before.decided(),
        after.rejected - before.rejected,
        "every version of the item is recorded rejected"
    );

    // Undo brings the rejected item back; redo decides it again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(items(&harness), open - 1);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(items(&harness), open - 2);

    // The merge run again (the gold version is open) leaves every decision be.
    let gold_before = harness.state().project().clone();
    files.will_answer(vec![ana_path, bob_path]);
    run_command(&mut harness, "Build a gold version");
    assert_eq!(items(&harness), open - 2);
    let gold_after = harness.state().project();
    for (a, b) in gold_before.documents.iter().zip(&gold_after.documents) {
        assert_eq!(a.decisions, b.decisions);
        assert_eq!(a.mentions, b.mentions);
    }
    assert_eq!(gold_after.documents.len(), ana.documents.len());
}

#[test]
fn edit_accepts_version_a_and_selects_it_to_change_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, ana_path, bob_path) = two_annotators(dir.path());
    let (mut harness, files) = open_with_files(None);
    files.will_answer(vec![ana_path, bob_path]);
    run_command(&mut harness, "Build a gold version");
    let open = items(&harness);
    // A key that decides, pressed before any item is shown, only shows the first.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(items(&harness), open, "nothing decided unseen");
    let state = harness.state().adjudication().expect("adjudicating");
    assert_eq!(state.current, Some(0));
    let second = state.items[1].clone();
    harness.key_press(Key::F2);
    harness.run();
    assert_eq!(items(&harness), open - 1);
    let selected = harness
        .state()
        .selected()
        .expect("the accepted annotation is selected");
    let doc = &harness.state().project().documents[harness.state().current_document()];
    let Filler::Mention(id) = selected else {
        panic!("a mention: {selected:?}")
    };
    let mention = doc.mention(id).expect("in the gold version");
    assert!(!mention.sources.is_empty(), "it says who had it");
    // F8 then shows the item that took the accepted one's place, skipping none.
    harness.key_press(Key::F8);
    harness.run();
    let state = harness.state().adjudication().expect("adjudicating");
    assert_eq!(state.current_item(), Some(&second));
}
