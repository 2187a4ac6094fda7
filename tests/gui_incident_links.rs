//! Incidents, dates and the event dataset driven like a person would: link an event of
//! the sample to a ranked incident with the mouse (row menu, popup line) and with the
//! keyboard (Ctrl+Shift+L, arrows, Enter), make a new incident from an event, unlink
//! it from the editor, undo and redo each; accept a suggested date with Ctrl+D and undo
//! it; change a rule of the event dataset's mapping in the schema editor and see the
//! exported row change.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::model::dates::DATE_ATTRIBUTE;
use eventail::model::{AttrValue, EventId, Filler, IncidentId, MentionId, Project};
use eventail::ui::EventailApp;
use eventail::ui::incident_link::{LinkLine, link_lines};
use gui_common::*;

/// The incident that event `event` of the first document reports, if any.
fn incident_of(harness: &Harness<'_, EventailApp>, event: EventId) -> Option<IncidentId> {
    let project = harness.state().project();
    let doc = &project.documents[0];
    project.incident_reported_by(&doc.id, event).map(|i| i.id)
}

/// The first event of the first document that reports no incident and has a row in
/// view.
fn unlinked_event(harness: &Harness<'_, EventailApp>) -> EventId {
    let project = harness.state().project();
    let doc = &project.documents[0];
    doc.events
        .iter()
        .map(|e| e.id)
        .find(|id| {
            project.incident_reported_by(&doc.id, *id).is_none()
                && harness.query_by_label(&id.to_string()).is_some()
        })
        .expect("an unlinked event in view")
}

/// The incidents offered for `event`, best first.
fn ranked(project: &Project, event: EventId) -> Vec<(IncidentId, String)> {
    link_lines(project, 0, event)
        .into_iter()
        .filter_map(|l| match l {
            LinkLine::Incident { id, text, .. } => Some((id, text)),
            LinkLine::New => None,
        })
        .collect()
}

fn undo(harness: &mut Harness<'_, EventailApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

fn redo(harness: &mut Harness<'_, EventailApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
}

#[test]
fn an_event_is_linked_by_mouse_and_keyboard_then_undone_and_redone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let event = unlinked_event(&harness);
    let offered = ranked(harness.state().project(), event);
    assert!(
        offered.len() >= 2,
        "the sample offers incidents: {offered:?}"
    );

    // The mouse: the row's menu, then the best candidate's line.
    harness.get_by_label(&event.to_string()).click_secondary();
    harness.run();
    harness
        .get_by_label_contains("🔗 Link event to incident…")
        .click();
    harness.run();
    harness.get_by_label(&format!("Link {event} to an incident"));
    let (best, best_text) = &offered[0];
    harness.get_by_label_contains(best_text).click();
    harness.run();
    assert_eq!(incident_of(&harness, event), Some(*best));
    assert!(
        harness
            .query_by_label(&format!("Link {event} to an incident"))
            .is_none(),
        "the popup closed"
    );
    harness.get_by_label(&format!("Incident of {event}: {best}"));
    undo(&mut harness);
    assert_eq!(incident_of(&harness, event), None, "undone");
    redo(&mut harness);
    assert_eq!(incident_of(&harness, event), Some(*best), "redone");
    undo(&mut harness);

    // The keyboard: the event (still selected from the menu), Ctrl+Shift+L, the filter
    // narrows, Esc closes.
    assert_eq!(harness.state().selected(), Some(Filler::Event(event)));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    harness.event(egui::Event::Text("zzz nothing".into()));
    harness.run();
    harness.get_by_label("No incident matches the filter");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label(&format!("Link {event} to an incident"))
            .is_none(),
        "Esc closed the popup"
    );
    // Again: Down twice past the new incident to the second candidate, Enter.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let second = offered[1].0;
    assert_eq!(incident_of(&harness, event), Some(second));
    undo(&mut harness);
    assert_eq!(incident_of(&harness, event), None);
    redo(&mut harness);
    assert_eq!(incident_of(&harness, event), Some(second));

    // From the editor: Unlink; the incident stays, without this report.
    harness.get_by_label("Unlink").scroll_to_me();
    harness.run();
    harness.get_by_label("Unlink").click();
    harness.run();
    assert_eq!(incident_of(&harness, event), None);
    assert!(harness.state().project().incident(second).is_some());
    undo(&mut harness);
    assert_eq!(incident_of(&harness, event), Some(second), "unlink undone");
    redo(&mut harness);
    assert_eq!(incident_of(&harness, event), None, "unlink redone");
}

#[test]
fn a_new_incident_is_made_from_an_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let event = unlinked_event(&harness);
    let before = harness.state().project().incidents.len();
    let next = IncidentId(harness.state().project().next_incident_id);

    // The editor's button opens the popup; Enter on its first line makes the incident.
    harness.get_by_label(&event.to_string()).click();
    harness.run();
    harness.get_by_label("🔗 Link to incident…").click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let project = harness.state().project();
    assert_eq!(project.incidents.len(), before + 1);
    assert_eq!(incident_of(&harness, event), Some(next));
    let doc = &project.documents[0];
    let made = project.incident(next).expect("the new incident");
    let event_type = &doc.event(event).expect("the event").event_type;
    assert_eq!(&made.incident_type, event_type, "pre-filled from the event");
    harness.get_by_label(&format!("Incident of {event}: {next}"));

    undo(&mut harness);
    assert_eq!(harness.state().project().incidents.len(), before);
    assert_eq!(incident_of(&harness, event), None);
    redo(&mut harness);
    assert_eq!(incident_of(&harness, event), Some(next));
}

#[test]
fn a_suggested_date_is_accepted_with_ctrl_d_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    // 000 T23: "[la] veille", the day before the article's 24 March 2016.
    let mention = MentionId(23);
    let project = harness.state().project().clone();
    let doc = &project.documents[0];
    let event = doc
        .events_with_argument(Filler::Mention(mention))
        .next()
        .expect("an event with T23 as argument")
        .id;
    let date_of = |harness: &Harness<'_, EventailApp>| {
        let doc = &harness.state().project().documents[0];
        doc.mention(mention)
            .and_then(|m| m.attributes.get(DATE_ATTRIBUTE))
            .cloned()
    };
    assert_eq!(date_of(&harness), None);

    // Its event selected, then the argument's link in the editor: the mention's editor
    // offers the date and says what it was read from.
    harness.get_by_label(&event.to_string()).scroll_to_me();
    harness.run();
    harness.get_by_label(&event.to_string()).click();
    harness.run();
    let words = doc.covered_text(&doc.mention(mention).expect("T23").ranges);
    let link = format!("{mention} {} «{words}»", project.schema.label("date"));
    harness.get_by_label(&link).scroll_to_me();
    harness.run();
    harness.get_by_label(&link).click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(Filler::Mention(mention)));
    harness.get_by_label("Suggested date: 2016-03-23");
    harness.get_by_label(&format!(
        "read from «{words}» relative to the document's date 2016-03-24"
    ));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    assert_eq!(
        date_of(&harness),
        Some(AttrValue::Value("2016-03-23".into()))
    );
    harness.get_by_label("✔ accepted");
    undo(&mut harness);
    assert_eq!(date_of(&harness), None, "undone");
}

#[test]
fn a_mapping_rule_changes_the_exported_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, files) = open_with_files(Some(sample_copy(dir.path())));
    let export = |harness: &mut Harness<'_, EventailApp>, name: &str| {
        let out = dir.path().join(name);
        files.will_answer(vec![out.clone()]);
        run_command(harness, "Export as Event dataset");
        wait_for_job(harness);
        assert!(harness.state().failure().is_none());
        if harness.state().error_message().is_some() {
            harness.get_by_label("OK").click_accesskit();
            harness.run();
        }
        let text = std::fs::read_to_string(&out).expect("events.csv written");
        let reports = dir.path().join(name.replace(".csv", "-reports.csv"));
        assert!(reports.exists(), "{} written", reports.display());
        text.lines()
            .find(|l| l.starts_with("I1,"))
            .expect("the row of I1")
            .to_string()
    };
    let before = export(&mut harness, "events.csv");
    assert!(
        before.contains(",Battles,Government regains territory,"),
        "{before}"
    );

    // Schema > Edit schema…, the Event dataset section, the first rule's event type.
    run_command(&mut harness, "Edit schema");
    harness.get_by_label("Event dataset").scroll_to_me();
    harness.run();
    harness.get_by_label("Event dataset").click();
    harness.run();
    let combo = "Event type of rule 1 (capture)";
    harness.get_by_label(combo).scroll_to_me();
    harness.run();
    harness.get_by_label(combo).click();
    harness.run();
    harness.get_by_label("Riots").click();
    harness.run();
    let rule = harness.state().project().schema.event_dataset.types[0].clone();
    assert_eq!(
        (rule.event_type.as_str(), rule.sub_event_type.as_str()),
        ("Riots", "Violent demonstration"),
        "a new event type takes its first sub-event type"
    );
    let after = export(&mut harness, "events2.csv");
    assert!(after.contains(",Riots,Violent demonstration,"), "{after}");

    undo(&mut harness);
    let rule = harness.state().project().schema.event_dataset.types[0].clone();
    assert_eq!(rule.event_type, "Battles", "the mapping's change is undone");
}
