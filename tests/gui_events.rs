//! The event table driven like a person would: read its rows, sort by a header, filter
//! by text, select an event by its row, change its type from the table and undo.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::model::{EventId, Filler};
use eventail::ui::EventailApp;
use gui_common::*;

/// The events of the first document whose row is laid out, top to bottom.
fn rows_shown(harness: &Harness<'_, EventailApp>) -> Vec<EventId> {
    let doc = &harness.state().project().documents[0];
    let mut rows: Vec<(f32, EventId)> = doc
        .events
        .iter()
        .filter_map(|e| {
            harness
                .query_by_label(&e.id.to_string())
                .map(|node| (node.rect().min.y, e.id))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, id)| id).collect()
}

#[test]
fn the_event_table_sorts_filters_selects_and_edits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let doc = harness.state().project().documents[0].clone();
    assert!(
        doc.events.len() >= 3,
        "the sample's first article has events"
    );

    // A row per event, in the document's order; only the rows in view are laid out
    // (the article has more events than the table shows at once).
    let shown = rows_shown(&harness);
    let ids: Vec<EventId> = doc.events.iter().map(|e| e.id).collect();
    assert!(shown.len() >= 3, "rows are shown: {shown:?}");
    assert_eq!(shown[..], ids[..shown.len()], "a row per event, in order");
    assert!(shown.len() < ids.len(), "rows out of view are not laid out");

    // Sort by type: the rows come in the order of their types' labels, from the first.
    harness.get_by_label("Type").click();
    harness.run();
    let schema = harness.state().project().schema.clone();
    let label_of = |id: EventId| {
        let event = doc.event(id).unwrap();
        schema.label(&event.event_type).to_lowercase()
    };
    let mut by_type = ids.clone();
    by_type.sort_by_key(|id| label_of(*id));
    let sorted = rows_shown(&harness);
    assert_eq!(sorted[..], by_type[..sorted.len()], "sorted by type");
    harness.get_by_label("Type ⏶");

    // Filter by the trigger of the first event: fewer rows, that one among them.
    let first = &doc.events[0];
    let trigger = eventail::model::span::covered_text(&doc.text, &first.trigger);
    assert!(!trigger.is_empty(), "the first event has a trigger");
    harness.get_by_label("Filter events").click();
    harness.run();
    harness.event(egui::Event::Text(trigger.clone()));
    harness.run();
    let state = eventail::ui::event_table::EventTableState {
        text: trigger.clone(),
        ..Default::default()
    };
    let expected = eventail::ui::event_table::event_table(harness.state().project(), &doc, &state);
    assert!(expected.rows.len() < ids.len());
    let filtered = rows_shown(&harness);
    assert_eq!(filtered.len(), expected.rows.len().min(shown.len()));
    assert!(filtered.contains(&first.id), "«{trigger}» keeps its event");
    harness.get_by_label(&format!("{} of {}", expected.rows.len(), ids.len()));

    // Click its row: the event is selected (and its editor opens).
    harness.get_by_label(&first.id.to_string()).click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(Filler::Event(first.id)));
    harness.get_by_label("Event type");

    // Change its type from the table's combo to a type no row shows yet.
    let used: Vec<&str> = doc.events.iter().map(|e| e.event_type.as_str()).collect();
    let other = schema
        .event_types
        .iter()
        .find(|t| !used.contains(&t.name.as_str()))
        .expect("a type the article does not use")
        .clone();
    harness
        .get_by_label(&format!("Type of {}", first.id))
        .click();
    harness.run();
    harness.get_by_label(&other.label).click();
    harness.run();
    let changed = harness.state().project().documents[0]
        .event(first.id)
        .unwrap();
    assert_eq!(changed.event_type, other.name);

    // Ctrl+Z restores the old type.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let restored = harness.state().project().documents[0]
        .event(first.id)
        .unwrap();
    assert_eq!(restored.event_type, first.event_type);
}

#[test]
fn columns_hide_and_problem_rows_filter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));

    // Hide the trigger column from the Columns menu: its header goes.
    assert!(harness.query_by_label("Trigger").is_some());
    harness.get_by_label("Columns").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Trigger")
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Trigger").is_none(),
        "the column is hidden"
    );

    // Only the events with a problem: every row shown has one.
    harness.get_by_label("⚠ only").click();
    harness.run();
    let project = harness.state().project().clone();
    let doc = &project.documents[0];
    let with_problems: Vec<EventId> = doc
        .events
        .iter()
        .filter(|e| {
            !eventail::model::conformance::event_warnings(&project.schema, doc, e).is_empty()
        })
        .map(|e| e.id)
        .collect();
    let shown = rows_shown(&harness);
    assert!(
        shown.iter().all(|id| with_problems.contains(id)),
        "{shown:?}"
    );
    assert_eq!(shown.is_empty(), with_problems.is_empty());
    if with_problems.len() < doc.events.len() {
        harness.get_by_label(&format!("{} of {}", with_problems.len(), doc.events.len()));
    }
}
