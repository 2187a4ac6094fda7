//! Relations and discontinuous mentions driven like a person would: clicks on
//! highlights, Ctrl+L, the relation type window, Ctrl+drag, Shift+arrows.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::{default_schema, save_project};
use eventail::model::{Document, Filler, Mention, MentionId, Project, Span};
use eventail::ui::EventailApp;
use gui_common::*;
use std::path::{Path, PathBuf};

const T1: MentionId = MentionId(1);
const T2: MentionId = MentionId(2);

/// The test project with "Daech" (T1, armed group) and "Palmyre" (T2, place) of the
/// title tagged.
fn tagged_project(dir: &Path) -> PathBuf {
    let mut project = Project::new("Test", default_schema());
    project
        .documents
        .push(Document::new("d1", TITLE, format!("{TITLE}\n\n{BODY}\n")));
    let stamp = eventail::edit::Stamp::default();
    for (t, span) in [
        ("armed_group", Span::new(0, 5)),
        ("place", Span::new(15, 22)),
    ] {
        let (edit, _) = eventail::edit::ops::add_mention(&project, 0, t, vec![span], &stamp)
            .expect("a mention");
        edit.apply(&mut project).expect("applies");
    }
    let path = dir.join("test.ron");
    save_project(&path, &project).expect("write the test project");
    path
}

/// Where character `c` of the title is drawn (roughly: in proportion to the width).
fn title_char(harness: &Harness<'_, EventailApp>, c: f32) -> Pos2 {
    let title = paragraph(harness, TITLE);
    let x = title.min.x + title.width() * (c / TITLE.chars().count() as f32);
    Pos2::new(x, title.center().y)
}

fn mention(harness: &Harness<'_, EventailApp>, id: MentionId) -> Mention {
    harness.state().project().documents[0]
        .mention(id)
        .expect("the mention")
        .clone()
}

#[test]
fn link_two_highlights_list_delete_and_undo_the_relation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(tagged_project(dir.path()));

    // Select "Daech" by clicking its highlight, Ctrl+L, click "Palmyre".
    let daech = title_char(&harness, 2.5);
    click_at(&mut harness, daech);
    assert_eq!(harness.state().selected(), Some(Filler::Mention(T1)));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    let palmyre = title_char(&harness, 18.5);
    click_at(&mut harness, palmyre);
    assert_eq!(
        harness.state().selected(),
        Some(Filler::Mention(T1)),
        "the click made the link's end, not a new selection"
    );

    // The type window: "Situé à" (located_in) is allowed from an armed group to a place.
    let located = default_schema()
        .relation_type("located_in")
        .expect("the schema has located_in")
        .label
        .clone();
    harness.get_by_label_contains(&located).click();
    harness.run();
    let relations = harness.state().project().documents[0].relations.clone();
    assert_eq!(relations.len(), 1, "{relations:?}");
    let r = &relations[0];
    assert_eq!(
        (r.relation_type.as_str(), r.arg1, r.arg2),
        ("located_in", Filler::Mention(T1), Filler::Mention(T2))
    );

    // Listed in the side panel, with a delete button.
    let delete = format!("🗑 Delete {}", r.id);
    harness.get_by_label(&delete).click();
    harness.run();
    assert!(harness.state().project().documents[0].relations.is_empty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().project().documents[0].relations,
        relations,
        "undo brings it back"
    );
}

#[test]
fn link_with_the_keyboard_only_tab_enter_and_a_digit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(tagged_project(dir.path()));
    let daech = title_char(&harness, 2.5);
    click_at(&mut harness, daech);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    // Enter before any Tab takes nothing.
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().project().documents[0].relations.is_empty());
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    // The type window lists the allowed types first, numbered: 1 takes the first.
    harness.get_by_label_contains("1  ");
    harness.key_press(Key::Num1);
    harness.run();
    let relations = &harness.state().project().documents[0].relations;
    assert_eq!(relations.len(), 1, "{relations:?}");
    assert_eq!(
        (relations[0].arg1, relations[0].arg2),
        (Filler::Mention(T1), Filler::Mention(T2))
    );
}

#[test]
fn equivalent_annotations_are_listed_and_a_click_selects_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = tagged_project(dir.path());
    let mut project = eventail::io::load_project(&path).expect("load");
    project.documents[0]
        .equivalences
        .push(eventail::model::Equivalence {
            relation_type: default_schema().relation_types[0].name.clone(),
            members: vec![Filler::Mention(T1), Filler::Mention(T2)],
        });
    save_project(&path, &project).expect("save");
    let mut harness = open(path);
    harness.get_by_label("Equivalent annotations (1)");
    harness.get_by_label_contains("T2 ").click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(Filler::Mention(T2)));
}

#[test]
fn ctrl_drag_adds_a_range_and_the_editor_removes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(tagged_project(dir.path()));
    let at = title_char(&harness, 18.5);
    click_at(&mut harness, at);
    assert_eq!(harness.state().selected(), Some(Filler::Mention(T2)));

    // Ctrl+drag over part of "Mossoul" (characters 26..33).
    let (a, b) = (title_char(&harness, 27.0), title_char(&harness, 30.0));
    harness.event(egui::Event::ModifiersChanged(Modifiers::COMMAND));
    drag(&mut harness, a, b);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    assert_eq!(
        mention(&harness, T2).ranges,
        vec![Span::new(15, 22), Span::new(26, 33)]
    );
    assert_eq!(harness.state().text_selection(), None);

    // The mention editor lists both pieces; removing one leaves the other.
    harness.get_by_label("Remove “Palmyre”").click();
    harness.run();
    assert_eq!(mention(&harness, T2).ranges, vec![Span::new(26, 33)]);
}

#[test]
fn shift_arrows_grow_and_shrink_the_selected_mention_by_a_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(tagged_project(dir.path()));
    let at = title_char(&harness, 2.5);
    click_at(&mut harness, at);
    assert_eq!(harness.state().selected(), Some(Filler::Mention(T1)));

    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run();
    assert_eq!(
        mention(&harness, T1).ranges,
        vec![Span::new(0, 12)],
        "Daech recule"
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    assert_eq!(mention(&harness, T1).ranges, vec![Span::new(0, 5)]);

    // On "Palmyre", Ctrl+Shift+← takes in the word before it.
    let at = title_char(&harness, 18.5);
    click_at(&mut harness, at);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    assert_eq!(
        mention(&harness, T2).ranges,
        vec![Span::new(13, 22)],
        "à Palmyre"
    );
}

#[test]
fn alt_drag_keeps_the_selection_as_dragged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(tagged_project(dir.path()));
    let (a, b) = (title_char(&harness, 27.4), title_char(&harness, 30.6));
    harness.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    drag(&mut harness, a, b);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let selection = harness.state().text_selection().expect("a selection");
    assert!(
        selection.start > 26 && selection.end < 33,
        "not snapped to “Mossoul”: {selection:?}"
    );
}
