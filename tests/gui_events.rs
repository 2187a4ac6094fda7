//! The event table driven like a person would: read its rows, sort by a header, filter
//! by text, select an event by its row, change its type from the table and undo; fill a
//! role from a cell's popup (by the mouse and by the keyboard, with a mention or another
//! event), set an attribute from its cell, make another event on the same trigger.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::model::{AttrKind, AttrValue, AttributeDef, EventId, Filler};
use eventail::ui::EventailApp;
use eventail::ui::event_table::EventColumn;
use eventail::ui::filler_candidates::{Candidate, matching, role_candidates};
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

/// The columns of the first document's table, as the app shows them at first.
fn columns_of(harness: &Harness<'_, EventailApp>) -> Vec<(EventColumn, String)> {
    let project = harness.state().project();
    eventail::ui::event_table::columns(project, &project.documents[0])
}

/// How many presses of → take the cursor from the first column to `column`.
fn steps_to(harness: &Harness<'_, EventailApp>, column: &EventColumn) -> usize {
    columns_of(harness)
        .iter()
        .position(|(c, _)| c == column)
        .expect("a column of the table")
}

/// The allowed candidates of `role` of `event`, as the filler popup lists them.
fn popup_lines(harness: &Harness<'_, EventailApp>, event: EventId, role: &str) -> Vec<Candidate> {
    let project = harness.state().project();
    let doc = &project.documents[0];
    let event = doc.event(event).expect("the event");
    role_candidates(project, doc, event, role)
        .into_iter()
        .filter(|c| c.allowed)
        .collect()
}

fn fillers_of(harness: &Harness<'_, EventailApp>, event: EventId, role: &str) -> Vec<Filler> {
    let doc = &harness.state().project().documents[0];
    let event = doc.event(event).expect("the event");
    let of_role = event.arguments.iter().filter(|a| a.role == role);
    of_role.map(|a| a.filler).collect()
}

fn press(harness: &mut Harness<'_, EventailApp>, key: Key, times: usize) {
    for _ in 0..times {
        harness.key_press(key);
        harness.run();
    }
}

/// The first event of `event_type` in the first document.
fn first_of_type(harness: &Harness<'_, EventailApp>, event_type: &str) -> EventId {
    let doc = &harness.state().project().documents[0];
    let found = doc.events.iter().find(|e| e.event_type == event_type);
    found.expect("an event of that type").id
}

#[test]
fn a_role_cell_opens_a_popup_whose_filter_narrows_and_enter_picks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let attack = first_of_type(&harness, "attack");
    let role = "attacker";
    let (_, title) = columns_of(&harness)
        .into_iter()
        .find(|(c, _)| *c == EventColumn::Role(role.into()))
        .expect("an attacker column");
    let before = fillers_of(&harness, attack, role);

    // A mention the role takes and does not have yet, whose words find it first.
    let lines = popup_lines(&harness, attack, role);
    let (filter, wanted) = lines
        .iter()
        .filter(|c| c.argument.is_none())
        .find_map(|c| {
            let first = matching(&lines, &c.words).first().map(|l| l.filler);
            (first == Some(c.filler)).then(|| (c.words.clone(), c.filler))
        })
        .expect("a candidate its words find first");

    // Click the cell: the popup opens with the keyboard in its filter.
    // (On its left end: the column goes on out of view, to the right.)
    let cell = harness.get_by_label(&format!("{title} of {attack}")).rect();
    click_at(&mut harness, egui::pos2(cell.min.x + 10.0, cell.center().y));
    let field = format!("Filter the candidates for {title}");
    harness.get_by_label(&field);
    assert_eq!(harness.state().selected(), Some(Filler::Event(attack)));

    // Type, Enter: the highlighted (first) line fills the role, the popup closes.
    harness.event(egui::Event::Text(filter.clone()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let after = fillers_of(&harness, attack, role);
    assert_eq!(after.len(), before.len() + 1, "«{filter}» added: {after:?}");
    assert!(after.contains(&wanted));
    assert!(harness.query_by_label(&field).is_none(), "the popup closed");

    // One undo takes it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(fillers_of(&harness, attack, role), before);
}

#[test]
fn arrows_move_between_rows_and_cells_and_enter_edits_the_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let doc = harness.state().project().documents[0].clone();
    let (first, second) = (doc.events[0].id, doc.events[1].id);

    // A click on the first row gives the table the keyboard; ↓ selects the next row.
    harness.get_by_label(&first.to_string()).click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(Filler::Event(first)));
    press(&mut harness, Key::ArrowDown, 1);
    assert_eq!(harness.state().selected(), Some(Filler::Event(second)));
    press(&mut harness, Key::ArrowUp, 1);
    press(&mut harness, Key::ArrowDown, 1);
    assert_eq!(harness.state().selected(), Some(Filler::Event(second)));

    // → to a role of its type, Enter: the role's popup; ↓ Enter picks the second line.
    let event = doc.event(second).unwrap();
    let schema = harness.state().project().schema.clone();
    let role = schema.event_type(&event.event_type).unwrap().roles[0].clone();
    let steps = steps_to(&harness, &EventColumn::Role(role.name.clone()));
    press(&mut harness, Key::ArrowRight, steps);
    press(&mut harness, Key::Enter, 1);
    let (_, title) = columns_of(&harness)
        .into_iter()
        .find(|(c, _)| *c == EventColumn::Role(role.name.clone()))
        .unwrap();
    let field = format!("Filter the candidates for {title}");
    harness.get_by_label(&field);
    let lines = popup_lines(&harness, second, &role.name);
    assert!(lines.len() >= 2, "candidates for {}", role.name);
    let before = fillers_of(&harness, second, &role.name);
    press(&mut harness, Key::ArrowDown, 1);
    press(&mut harness, Key::Enter, 1);
    let after = fillers_of(&harness, second, &role.name);
    let picked = &lines[1];
    if picked.argument.is_some() {
        assert!(
            !after.contains(&picked.filler),
            "a filler already there is removed"
        );
    } else {
        assert!(after.contains(&picked.filler), "{after:?}");
        if !role.cardinality.allows_many() {
            assert_eq!(after, [picked.filler], "a role of one filler: replaced");
        }
    }
    assert!(harness.query_by_label(&field).is_none(), "the popup closed");

    // The keyboard is back in the table: Enter opens the popup again, Esc closes it
    // without a change.
    press(&mut harness, Key::Enter, 1);
    harness.get_by_label(&field);
    press(&mut harness, Key::Escape, 1);
    assert!(harness.query_by_label(&field).is_none(), "Esc closed it");
    assert_eq!(fillers_of(&harness, second, &role.name), after);

    // Undo restores the role.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(fillers_of(&harness, second, &role.name), before);
}

#[test]
fn an_event_becomes_the_argument_of_another_from_the_filler_popup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let doc = harness.state().project().documents[0].clone();
    let statement = first_of_type(&harness, "statement");
    let before = fillers_of(&harness, statement, "topic");
    // An event the topic does not have yet, found by its id.
    let lines = popup_lines(&harness, statement, "topic");
    let other = lines
        .iter()
        .find(|c| matches!(c.filler, Filler::Event(_)) && c.argument.is_none())
        .expect("another event")
        .filler;
    let filter = format!("{other} ");
    assert_eq!(matching(&lines, &filter)[0].filler, other);

    // Walk to the statement's row and its topic column with the keyboard.
    harness.get_by_label(&doc.events[0].id.to_string()).click();
    harness.run();
    let row = doc.events.iter().position(|e| e.id == statement).unwrap();
    press(&mut harness, Key::ArrowDown, row);
    assert_eq!(harness.state().selected(), Some(Filler::Event(statement)));
    let steps = steps_to(&harness, &EventColumn::Role("topic".into()));
    press(&mut harness, Key::ArrowRight, steps);
    press(&mut harness, Key::Enter, 1);
    harness.event(egui::Event::Text(filter));
    harness.run();
    press(&mut harness, Key::Enter, 1);
    let topic = fillers_of(&harness, statement, "topic");
    assert!(topic.contains(&other), "{topic:?}");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(fillers_of(&harness, statement, "topic"), before);
}

#[test]
fn the_attributes_cell_toggles_a_flag_and_picks_a_value() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The sample's events have lists of values; give them a flag too.
    let mut project = eventail::io::load_project(&sample_copy(dir.path())).unwrap();
    project.schema.attributes.push(AttributeDef {
        name: "hypothetical".into(),
        label: "Hypothétique".into(),
        applies_to: Vec::new(),
        kind: AttrKind::Flag,
    });
    let path = dir.path().join("flag.ron");
    eventail::io::save_project(&path, &project).unwrap();
    let mut harness = open(path);
    let event = project.documents[0].events[0].clone();

    // Select the row, → to the attributes, Enter: their popup.
    harness.get_by_label(&event.id.to_string()).click();
    harness.run();
    let steps = steps_to(&harness, &EventColumn::Attributes);
    press(&mut harness, Key::ArrowRight, steps);
    // The table scrolled sideways to the column under the cursor.
    let header = harness.get_by_label("Attributes").rect();
    let panel = harness.get_by_label("Type").rect();
    assert!(
        header.max.x <= 1400.0 && header.min.x > panel.min.x,
        "the column is in view: {header:?}"
    );
    let heading = format!("Attributes of {}", event.id);
    press(&mut harness, Key::Enter, 1);
    assert_eq!(
        harness.get_all_by_label(&heading).count(),
        2,
        "the cell and the popup"
    );

    // The flag's checkbox sets it; undo clears it.
    let flag = |h: &Harness<'_, EventailApp>| {
        let doc = &h.state().project().documents[0];
        doc.event(event.id)
            .unwrap()
            .attributes
            .get("hypothetical")
            .cloned()
    };
    let popup_checkbox = |h: &Harness<'_, EventailApp>| {
        h.get_all_by_role_and_label(egui::accesskit::Role::CheckBox, "Hypothétique")
            .count()
    };
    assert_eq!(
        popup_checkbox(&harness),
        2,
        "in the popup and in the editor"
    );
    harness
        .get_all_by_role_and_label(egui::accesskit::Role::CheckBox, "Hypothétique")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(flag(&harness), Some(AttrValue::Flag));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(flag(&harness), None);

    // A list of values is a combo: pick another certainty.
    let certainty = |h: &Harness<'_, EventailApp>| {
        let doc = &h.state().project().documents[0];
        doc.event(event.id)
            .unwrap()
            .attributes
            .get("certainty")
            .cloned()
    };
    let before = certainty(&harness);
    let other = ["certain", "probable", "possible"]
        .into_iter()
        .find(|v| before != Some(AttrValue::Value(v.to_string())))
        .unwrap();
    harness
        .get_all_by_role_and_label(egui::accesskit::Role::ComboBox, "Certitude")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label(other).click();
    harness.run();
    assert_eq!(certainty(&harness), Some(AttrValue::Value(other.into())));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(certainty(&harness), before);
}

#[test]
fn another_event_on_the_same_trigger_is_made_selected_and_shown_in_the_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let doc = harness.state().project().documents[0].clone();
    let first = &doc.events[0];
    let schema = harness.state().project().schema.clone();
    let other = schema
        .event_types
        .iter()
        .find(|t| t.name != first.event_type)
        .unwrap()
        .clone();
    assert!(
        !rows_shown(&harness).contains(&doc.events.last().unwrap().id),
        "the last row is out of view"
    );

    harness.get_by_label(&first.id.to_string()).click();
    harness.run();
    harness.get_by_label("➕ Another event here").click();
    harness.run();
    harness.get_by_label(&other.label).click();
    harness.run();

    let after = harness.state().project().documents[0].clone();
    assert_eq!(after.events.len(), doc.events.len() + 1);
    let new = after.events.last().unwrap();
    assert_eq!(new.trigger, first.trigger, "the same words");
    assert_eq!(new.event_type, other.name);
    assert_eq!(harness.state().selected(), Some(Filler::Event(new.id)));
    harness.run();
    assert!(rows_shown(&harness).contains(&new.id), "scrolled into view");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project().documents[0].events, doc.events);
}
