//! Reviewing a colleague's work in the app: their project opened beside one's own, the
//! agreement figures, and the walk through the disagreements with the keyboard.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
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
    let differences = review.disagreements().len();
    assert!(differences >= 1, "the deleted mention differs");
    assert!(review.report.mentions.exact.recall < 1.0);
    harness.get_by_label_contains("B: exemple");

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
        h.state().review().map_or(0, |r| r.disagreements().len())
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

/// Saves a copy of the project at `mine` changed by `change`, as annotator `name`.
fn colleague(
    mine: &std::path::Path,
    name: &str,
    change: impl FnOnce(&eventail::model::Project) -> eventail::edit::Edit,
) -> std::path::PathBuf {
    let mut theirs = load_project(mine).expect("load");
    theirs.annotators = vec![name.to_string()];
    change(&theirs).apply(&mut theirs).expect("applies");
    let path = mine.with_file_name(format!("{name}.ron"));
    save_project(&path, &theirs).expect("save");
    path
}

#[test]
fn three_annotators_choose_the_pair_sort_the_tables_and_go_to_a_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = sample_copy(dir.path());
    let project = load_project(&mine).expect("load");
    let first = project.documents[0].mentions[0].clone();
    let retyped = if first.entity_type == "person" {
        "place"
    } else {
        "person"
    };
    let bob = colleague(&mine, "bob", |p| {
        ops::set_mention_type(p, 0, first.id, retyped, &Stamp::default()).expect("edit")
    });
    let gone = project.documents[1].mentions[0].id;
    let chloe = colleague(&mine, "chloe", |p| {
        ops::delete(p, 1, Filler::Mention(gone), &Stamp::default()).expect("edit")
    });

    let (mut harness, files) = open_with_files(Some(mine));
    files.will_answer(vec![bob, chloe]);
    run_command(&mut harness, "Compare with");
    let review = harness.state().review().expect("the review panel is open");
    assert_eq!(review.names.len(), 3);
    assert_eq!(review.pairs.len(), 3);
    assert_eq!(review.pair_names().1, "bob");
    // Yours against bob: the retyped mention, drawn in the first article.
    assert!(
        review
            .disagreements()
            .iter()
            .any(|d| d.kind == eventail::review::DisagreementKind::MentionType)
    );
    assert!(!review.marks(&project.documents[0].name).is_empty());
    assert!(review.marks(&project.documents[1].name).is_empty());

    // The pairwise table: bob against chloe is the third cell.
    harness.get_by_label("Pairs (3)").click();
    harness.run();
    // A cell reads `0.98 / 1.00`.
    let is_cell = |label: &str| {
        let parts: Vec<&str> = label.split(" / ").collect();
        parts.len() == 2 && parts.iter().all(|p| p.parse::<f64>().is_ok())
    };
    let cells = harness
        .get_all_by_label_contains(" / ")
        .filter(|n| n.accesskit_node().label().is_some_and(|l| is_cell(&l)))
        .collect::<Vec<_>>();
    assert_eq!(cells.len(), 3, "one cell per pair");
    cells[2].click();
    harness.run();
    let review = harness.state().review().expect("open");
    assert_eq!(review.pair, (1, 2));
    assert_eq!(review.pair_names(), ("bob", "chloe"));
    let kinds: Vec<_> = review.disagreements().iter().map(|d| d.kind).collect();
    assert!(kinds.contains(&eventail::review::DisagreementKind::MentionType));
    assert!(kinds.contains(&eventail::review::DisagreementKind::Mention));
    assert!(!review.marks(&project.documents[1].name).is_empty());

    // Per type: sorted by F1 with a click on its header, the other way with another.
    harness.get_by_label("By type").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "F1")
        .click();
    harness.run();
    let sort = harness.state().review().expect("open").sort;
    assert_eq!((sort.column, sort.descending), (7, false));
    harness.get_by_label("F1 ⏶").click();
    harness.run();
    assert!(harness.state().review().expect("open").sort.descending);

    // Per document: a click on a document's name shows it.
    harness.get_by_label("By document").click();
    harness.run();
    let name = project.documents[3].name.clone();
    harness.get_by_label(&name).click();
    harness.run();
    assert_eq!(harness.state().current_document(), 3);
}

#[test]
fn a_merge_conflict_is_listed_and_either_version_can_be_kept_and_undone() {
    use eventail::model::{AnnotationRef, Conflict, OtherVersion};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_copy(dir.path());
    let mut project = load_project(&path).expect("load");
    let mut theirs = project.documents[2].mentions[0].clone();
    let ours_type = theirs.entity_type.clone();
    theirs.entity_type = if ours_type == "person" {
        "place".into()
    } else {
        "person".into()
    };
    project.documents[2].conflicts.push(Conflict {
        target: AnnotationRef::Mention(theirs.id),
        kept: "ana".into(),
        other_side: "bob".into(),
        other: OtherVersion::Mention(theirs.clone()),
    });
    save_project(&path, &project).expect("save");

    let mut harness = open(path);
    harness.get_by_label_contains("were changed differently by two people");
    harness.get_by_label_contains("Keep bob's").click();
    harness.run();
    let doc = &harness.state().project().documents[2];
    assert!(doc.conflicts.is_empty());
    assert_eq!(doc.mentions[0].entity_type, theirs.entity_type);
    assert!(
        harness
            .query_by_label_contains("were changed differently")
            .is_none(),
        "the panel goes with the last conflict"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = &harness.state().project().documents[2];
    assert_eq!(doc.conflicts.len(), 1);
    assert_eq!(doc.mentions[0].entity_type, ours_type);
    harness.get_by_label_contains("Keep ana's").click();
    harness.run();
    let doc = &harness.state().project().documents[2];
    assert!(doc.conflicts.is_empty());
    assert_eq!(doc.mentions[0].entity_type, ours_type);
}
