//! The incidents view as a person uses it on the sample: Ctrl+Shift+I opens it, a header
//! click sorts the table, typing filters it, a click on a row shows the incident; a
//! disputed date is taken from a source and Ctrl+Z undoes it; incidents are merged and
//! split; a report (in the detail and on the timeline) opens its article at the event.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::model::{DateRange, EventId, Filler, IncidentId, Report};
use eventail::ui::EventailApp;
use eventail::ui::incident_table::IncidentColumn;
use eventail::ui::timeline::report_text;
use gui_common::*;

/// The app on a copy of the sample, with the incidents view opened by its shortcut.
fn opened(dir: &std::path::Path) -> Harness<'static, EventailApp> {
    let mut harness = open(sample_copy(dir));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    harness.run();
    assert!(
        harness.state().incidents().is_some(),
        "Ctrl+Shift+I opens it"
    );
    harness
}

/// Clicks the table row of incident `id` (its id cell).
fn click_row(harness: &mut Harness<'static, EventailApp>, id: u32) {
    harness.get_by_label(&format!("I{id}")).click();
    harness.run();
    let selected = harness.state().incidents().and_then(|s| s.selected);
    assert_eq!(selected, Some(IncidentId(id)));
}

/// Scrolls the node labelled `label` into view and clicks it.
fn scroll_and_click(harness: &mut Harness<'static, EventailApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn top_of(harness: &Harness<'static, EventailApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().top()
}

#[test]
fn sort_by_a_header_filter_by_text_and_select_a_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = opened(dir.path());
    harness.get_by_label("I6");
    // The event table beside the article has a Date column too: this one is below it.
    let header = harness
        .get_all_by_label("Date")
        .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .expect("the Date header");
    header.click();
    harness.run();
    let sort = harness.state().incidents().and_then(|s| s.sort);
    assert_eq!(sort, Some((IncidentColumn::Date, false)));
    // 2015-05 (I3) before 2015-11 (I5) before 2016-03-27 (I1) before 2016-12 (I2).
    let order: Vec<f32> = ["I3", "I5", "I1", "I2"]
        .iter()
        .map(|l| top_of(&harness, l))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Again: the other way.
    harness.get_by_label("Date ⏶").click();
    harness.run();
    assert!(top_of(&harness, "I2") < top_of(&harness, "I3"));

    harness.get_by_label("Filter incidents").click();
    harness.run();
    harness.get_by_label("Filter incidents").type_text("sinjar");
    harness.run();
    harness.get_by_label("I5");
    assert!(harness.query_by_label("I1").is_none(), "filtered out");
    harness.get_by_label_contains("1 of 6");

    click_row(&mut harness, 5);
    harness.get_by_label("I5 Prise de contrôle");

    // The same shortcut closes it; the command palette opens it again.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::I);
    harness.run();
    assert!(harness.state().incidents().is_none());
    run_command(&mut harness, "Incidents");
    assert!(harness.state().incidents().is_some());
}

#[test]
fn a_date_that_is_not_iso_is_said_and_not_taken() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = opened(dir.path());
    click_row(&mut harness, 2);
    scroll_and_click(&mut harness, "Date of I2");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Date of I2").type_text("8 décembre");
    harness.run();
    harness.get_by_label_contains("is not an ISO 8601 date");
    harness.key_press(Key::Enter);
    harness.run();
    let date = harness
        .state()
        .project()
        .incident(IncidentId(2))
        .and_then(|i| i.date)
        .map(|d| d.to_string());
    assert_eq!(date.as_deref(), Some("2016-12-08/2016-12-11"), "unchanged");
    assert!(
        harness.state().status().starts_with("Not done"),
        "{}",
        harness.state().status()
    );
    assert!(!harness.state().is_dirty());
}

#[test]
fn choose_a_disputed_date_from_its_source_then_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = opened(dir.path());
    click_row(&mut harness, 1);
    let date = |h: &Harness<'static, EventailApp>| {
        h.state()
            .project()
            .incident(IncidentId(1))
            .and_then(|i| i.date)
            .map(|d| d.to_string())
    };
    assert_eq!(date(&harness).as_deref(), Some("2016-03-27"));
    // The source of 2016-03-24 is listed with its document and date.
    assert!(
        harness
            .get_all_by_label_contains("(2016-03-24), E87")
            .next()
            .is_some()
    );
    scroll_and_click(&mut harness, "Use 2016-03-24");
    assert_eq!(date(&harness).as_deref(), Some("2016-03-24"));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(date(&harness).as_deref(), Some("2016-03-27"), "undone");

    // Typed by hand: a range, checked by the calendar.
    scroll_and_click(&mut harness, "Date of I1");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Date of I1")
        .type_text("2016-03-24/2016-03-27");
    harness.key_press(Key::Enter);
    harness.run();
    let expected: DateRange = "2016-03-24/2016-03-27".parse().expect("a range");
    let got = harness
        .state()
        .project()
        .incident(IncidentId(1))
        .and_then(|i| i.date);
    assert_eq!(got, Some(expected));
}

#[test]
fn merge_two_incidents_then_split_one_off_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = opened(dir.path());
    click_row(&mut harness, 3);
    harness.get_by_label("Merge another into this…").click();
    harness.run();
    harness.get_by_label_contains("I5 ").click();
    harness.run();
    let project = harness.state().project();
    assert!(project.incident(IncidentId(5)).is_none(), "I5 merged away");
    let sinjar = Report::new("003_5eb4d5925796b335", EventId(11));
    let merged = project.incident(IncidentId(3)).expect("I3 kept");
    assert_eq!(merged.reports.len(), 3);
    assert!(merged.reports.contains(&sinjar));

    scroll_and_click(&mut harness, &format!("Split off {sinjar}"));
    scroll_and_click(&mut harness, "Split 1 ticked into a new incident");
    let project = harness.state().project();
    let split = project.incident(IncidentId(7)).expect("a new incident I7");
    assert_eq!(split.reports, [sinjar]);
    assert_eq!(split.places, ["Sinjar"], "pre-filled from its report");
    assert_eq!(
        project.incident(IncidentId(3)).expect("I3").reports.len(),
        2
    );

    // Both undo.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let project = harness.state().project();
    assert!(project.incident(IncidentId(5)).is_some());
    assert!(project.incident(IncidentId(7)).is_none());
}

#[test]
fn a_report_opens_its_article_at_its_event_from_the_detail_and_the_timeline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = opened(dir.path());
    click_row(&mut harness, 1);
    let report = Report::new("001_4cb14d4706432b3e", EventId(12));
    let text = report_text(harness.state().project(), &report);
    // The detail's list of reports (the same text may be a source of a disputed value).
    harness
        .get_all_by_label(&text)
        .last()
        .expect("listed")
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label(&text)
        .last()
        .expect("listed")
        .click();
    harness.run();
    assert_eq!(harness.state().current_document(), 1);
    assert_eq!(harness.state().selected(), Some(Filler::Event(EventId(12))));

    harness.get_by_label("Timeline").click();
    harness.run();
    let other = Report::new("004_26982d2e0aff68f9", EventId(12));
    let text = report_text(harness.state().project(), &other);
    harness
        .get_by_label_contains(&format!("Open {text}"))
        .click();
    harness.run();
    assert_eq!(harness.state().current_document(), 4);
    assert_eq!(harness.state().selected(), Some(Filler::Event(EventId(12))));
    // A click on a bar shows the incident.
    harness.get_by_label_contains("Show I2 ").click();
    harness.run();
    let selected = harness.state().incidents().and_then(|s| s.selected);
    assert_eq!(selected, Some(IncidentId(2)));
}
