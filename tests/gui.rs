//! The annotation workbench driven like a person would: pointer drags and clicks,
//! buttons found by their names, keyboard shortcuts. Each test opens a project written
//! to a temporary folder.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::{default_schema, load_project};
use eventail::model::Filler;
use eventail::ui::EventailApp;
use gui_common::*;

/// Drags over part of the title's first word: the selection snaps to "Daech".
fn select_the_first_title_word(harness: &mut Harness<'_, EventailApp>) {
    let title = paragraph(harness, TITLE);
    let y = title.center().y;
    drag(
        harness,
        Pos2::new(title.min.x + 3.0, y),
        Pos2::new(title.min.x + 20.0, y),
    );
}

#[test]
fn tag_a_word_build_an_event_undo_redo_and_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let mut harness = open(path.clone());
    let schema = default_schema();

    // Select part of the first word: the selection snaps to "Daech".
    select_the_first_title_word(&mut harness);
    let selection = harness.state().text_selection().expect("text is selected");
    assert_eq!((selection.start, selection.end), (0, 5));

    // Tag it from the popup with the armed-group type.
    let armed = schema
        .entity_type("armed_group")
        .expect("schema has armed groups");
    harness
        .get_by_label(&label_with_key(&armed.label, armed.shortcut))
        .click();
    harness.run();
    let doc = &harness.state().project().documents[0];
    assert_eq!(doc.mentions.len(), 1);
    let mention = &doc.mentions[0];
    assert_eq!(mention.entity_type, "armed_group");
    let mention_id = mention.id;

    // Select "entrée" and make it the trigger of a withdrawal... of a capture event.
    let body = paragraph(&harness, BODY);
    let y = body.center().y;
    let entree_x =
        body.min.x + body.width() * (BODY.find("entrée").unwrap_or(0) as f32 / BODY.len() as f32);
    drag(
        &mut harness,
        Pos2::new(entree_x + 6.0, y),
        Pos2::new(entree_x + 12.0, y),
    );
    assert!(harness.state().text_selection().is_some());
    let capture = schema.event_type("capture").expect("schema has captures");
    let key = capture
        .shortcut
        .map(|c| format!(" (Shift+{})", c.to_uppercase()))
        .unwrap_or_default();
    harness
        .get_by_label(&format!("{}{key}", capture.label))
        .click();
    harness.run();
    let doc = &harness.state().project().documents[0];
    assert_eq!(doc.events.len(), 1);
    let event = &doc.events[0];
    assert_eq!(event.event_type, "capture");
    let event_id = event.id;
    let trigger = eventail::model::span::covered_text(&doc.text, &event.trigger);
    assert!(trigger.contains("entrée"), "trigger is {trigger:?}");
    assert_eq!(harness.state().selected(), Some(Filler::Event(event_id)));

    // Fill the first role whose fillers allow armed groups, by clicking the highlight.
    let role_index = capture
        .roles
        .iter()
        .position(|r| r.fillers.iter().any(|f| f == "armed_group"))
        .expect("a role takes armed groups");
    let role_name = capture.roles[role_index].name.clone();
    harness
        .get_all_by_label("🎯 pick")
        .nth(role_index)
        .expect("one pick button per role")
        .click();
    harness.run();
    let title = paragraph(&harness, TITLE);
    click_at(
        &mut harness,
        Pos2::new(title.min.x + 10.0, title.center().y),
    );
    let has_argument = |h: &Harness<'_, EventailApp>| {
        h.state().project().documents[0]
            .event(event_id)
            .is_some_and(|e| {
                e.arguments
                    .iter()
                    .any(|a| a.role == role_name && a.filler == Filler::Mention(mention_id))
            })
    };
    assert!(has_argument(&harness), "the role is filled");

    // Undo removes the argument, redo brings it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!has_argument(&harness));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(has_argument(&harness));

    // Save with Ctrl+S and read the file back.
    assert!(harness.state().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    wait_for_saves(&mut harness);
    assert!(!harness.state().is_dirty());
    let saved = load_project(&path).expect("the saved project loads");
    let doc = &saved.documents[0];
    assert_eq!(doc.mentions.len(), 1);
    assert_eq!(
        eventail::model::span::covered_text(&doc.text, &doc.mentions[0].ranges),
        "Daech"
    );
    let event = doc.event(event_id).expect("the event was saved");
    assert!(
        event
            .arguments
            .iter()
            .any(|a| a.filler == Filler::Mention(mention_id))
    );
}

#[test]
fn keyboard_moves_between_documents_and_marks_status() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_project(dir.path()));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().current_document(), 1);
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    assert_eq!(
        harness.state().project().documents[1].status,
        eventail::model::DocStatus::Done
    );
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().current_document(), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().project().documents[1].status,
        eventail::model::DocStatus::New
    );
    // Undo shows the document it changed.
    assert_eq!(harness.state().current_document(), 1);
}

#[test]
fn a_broken_project_shows_an_error_and_is_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.ron");
    let broken = "(format_version: 1, name: \"x\", schema: (), documents: [(id: \"d\"";
    std::fs::write(&path, broken).expect("write");
    let mut harness = open(path.clone());
    let message = harness
        .state()
        .error_message()
        .expect("an error is shown")
        .to_string();
    assert!(message.contains("broken.ron"), "{message}");
    assert!(message.contains("line 1"), "{message}");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().error_message().is_none());
    // The app runs on, and nothing is written to the broken file.
    assert_eq!(harness.state().project_path(), None);
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
}

#[test]
fn on_the_sample_tag_a_word_with_its_key_undo_redo_and_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_copy(dir.path());
    let mut harness = open(path.clone());
    // The third article, still new: its first line is the word "Retour".
    harness.get_by_label_contains("Retour").click();
    harness.run();
    assert_eq!(harness.state().current_document(), 2);
    let before = harness.state().project().documents[2].mentions.len();

    let line = paragraph(&harness, "Retour");
    let y = line.center().y;
    drag(
        &mut harness,
        Pos2::new(line.min.x + 2.0, y),
        Pos2::new(line.min.x + 12.0, y),
    );
    let selection = harness.state().text_selection().expect("selected");
    assert_eq!((selection.start, selection.end), (0, 6));
    // Close the popup as a person would, then use the person type's key.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.state().text_selection().is_none(),
        "Escape drops the selection"
    );
    drag(
        &mut harness,
        Pos2::new(line.min.x + 2.0, y),
        Pos2::new(line.min.x + 12.0, y),
    );
    harness.event(egui::Event::Text("l".into()));
    harness.run();
    let mentions = |h: &Harness<'_, EventailApp>| h.state().project().documents[2].mentions.len();
    assert_eq!(mentions(&harness), before + 1);
    let doc = &harness.state().project().documents[2];
    let added = doc.mentions.last().expect("a mention");
    assert_eq!(added.entity_type, "place");
    assert_eq!(
        eventail::model::span::covered_text(&doc.text, &added.ranges),
        "Retour"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(mentions(&harness), before);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(mentions(&harness), before + 1);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    wait_for_saves(&mut harness);
    let saved = load_project(&path).expect("reload");
    assert_eq!(saved.documents[2].mentions.len(), before + 1);
    assert!(dir.path().join("palmyre.ron.bak").exists());
}

#[test]
fn clicking_a_highlight_selects_it_and_delete_removes_it_with_its_arguments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let title = paragraph(&harness, TITLE);
    click_at(
        &mut harness,
        Pos2::new(title.min.x + 10.0, title.center().y),
    );
    let Some(Filler::Mention(id)) = harness.state().selected() else {
        panic!("clicking “Daech” selects its mention");
    };
    let doc = &harness.state().project().documents[0];
    assert!(
        doc.events_with_argument(Filler::Mention(id)).count() > 0,
        "the sample uses Daech in an event"
    );
    // The mention panel lists the events it takes part in.
    harness.get_by_label(&format!("Mention {id}"));
    harness.key_press(Key::Delete);
    harness.run();
    let doc = &harness.state().project().documents[0];
    assert!(doc.mention(id).is_none());
    assert_eq!(doc.events_with_argument(Filler::Mention(id)).count(), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = &harness.state().project().documents[0];
    assert!(doc.mention(id).is_some());
    assert!(doc.events_with_argument(Filler::Mention(id)).count() > 0);
}

/// Clicks the event at `index` of the first document in the event list; returns it.
fn click_the_event_in_the_list(
    harness: &mut Harness<'_, EventailApp>,
    index: usize,
) -> eventail::model::Event {
    let event = harness.state().project().documents[0].events[index].clone();
    harness.get_by_label(&event.id.to_string()).click();
    harness.run();
    event
}

#[test]
fn selecting_an_event_in_the_list_opens_its_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let event = click_the_event_in_the_list(&mut harness, 1);
    assert_eq!(harness.state().selected(), Some(Filler::Event(event.id)));
    // The editor scrolls apart from the table: scroll down to its last button.
    harness.get_by_label("🗑 Delete event").scroll_to_me();
    harness.run();
    harness.get_by_label("🗑 Delete event").click();
    harness.run();
    assert!(
        harness.state().project().documents[0]
            .event(event.id)
            .is_none()
    );
    assert!(harness.state().is_dirty());
}

/// Shift and the capture type's key: a capture event with the selection as trigger.
fn press_the_capture_key(harness: &mut Harness<'_, EventailApp>) {
    let capture = default_schema()
        .event_type("capture")
        .and_then(|t| t.shortcut)
        .expect("captures have a key");
    harness.event(egui::Event::Text(capture.to_uppercase().to_string()));
    harness.run();
}

/// Bug 8: an event key with nothing selected makes nothing, and says why.
#[test]
fn an_event_key_with_nothing_selected_makes_no_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_project(dir.path()));
    press_the_capture_key(&mut harness);
    assert!(harness.state().project().documents[0].events.is_empty());
    assert!(!harness.state().is_dirty());
    assert!(
        harness.state().status().contains("Select the trigger"),
        "{}",
        harness.state().status()
    );
}

/// Bug 8: a new event is selected and scrolled into view in a long event list.
#[test]
fn a_new_event_is_selected_and_shown_at_the_end_of_a_long_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let mut project = load_project(&path).expect("load");
    let stamp = eventail::edit::Stamp::default();
    for _ in 0..80 {
        let (edit, _) = eventail::edit::ops::add_event(&project, 0, "attack", Vec::new(), &stamp)
            .expect("an event");
        edit.apply(&mut project).expect("applies");
    }
    eventail::io::save_project(&path, &project).expect("save");
    let mut harness = open(path);
    select_the_first_title_word(&mut harness);
    assert!(harness.state().text_selection().is_some());
    press_the_capture_key(&mut harness);
    let events = &harness.state().project().documents[0].events;
    assert_eq!(events.len(), 81);
    let new = events.last().expect("the new event").id;
    assert_eq!(harness.state().selected(), Some(Filler::Event(new)));
    // Its row in the table is scrolled into view (rows out of view are not laid out),
    // and so is its editor.
    let row = harness.get_by_label(&new.to_string()).rect();
    assert!(row.max.y <= 900.0 && row.min.y >= 0.0, "in view: {row:?}");
    let editor = harness
        .get_all_by_label_contains(&format!("{new} "))
        .next()
        .expect("the new event's editor")
        .rect();
    assert!(
        editor.max.y <= 900.0 && editor.min.y >= 0.0,
        "in view: {editor:?}"
    );
}

/// Opens the first event of the shown document and types `text` in its note, leaving
/// the note field with the keyboard; returns the event.
fn type_in_the_first_events_note(
    harness: &mut Harness<'_, EventailApp>,
    text: &str,
) -> eventail::model::Event {
    let event = click_the_event_in_the_list(harness, 0);
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note")
        .focus();
    harness.run();
    harness.event(egui::Event::Text(text.into()));
    harness.run();
    event
}

/// Review: a note being typed is committed to its own annotation, in its own document,
/// when the user clicks another document.
#[test]
fn a_note_being_typed_is_kept_when_leaving_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let event = type_in_the_first_events_note(&mut harness, "à vérifier");
    // Another document, clicked in the list while the note has the keyboard.
    harness.get_by_label_contains("Retour").click();
    harness.run();
    harness.run();
    let note = |h: &Harness<'_, EventailApp>| {
        h.state().project().documents[0]
            .event(event.id)
            .map(|e| e.note.clone())
            .unwrap_or_default()
    };
    assert!(
        note(&harness).ends_with("à vérifier"),
        "{:?}",
        note(&harness)
    );
    assert_eq!(harness.state().current_document(), 2);
    assert!(harness.state().is_dirty());
}

/// Review: quitting with a shortcut while a note is being typed commits it first, so
/// the unsaved note is asked about rather than lost.
#[test]
fn quitting_while_typing_a_note_asks_about_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    assert!(!harness.state().is_dirty());
    type_in_the_first_events_note(&mut harness, "à vérifier");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    assert!(harness.state().is_dirty(), "the note was committed");
    harness.get_by_label("Unsaved changes");
}

#[test]
fn an_idle_window_asks_for_no_frame_even_with_the_frame_time_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, _) = open_with_files(Some(sample_copy(dir.path())));
    // Settled: one more frame, and the window asks for no other (a repaint loop would
    // make `try_run` run into its step limit).
    harness.run_steps(1);
    let steps = harness.try_run().expect("the window goes idle");
    assert!(steps <= 2, "{steps} frames with nothing changing");

    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Show frame time").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().shows_frame_time());
    harness.run_steps(1);
    let steps = harness.try_run().expect("the window goes idle");
    assert!(steps <= 2, "{steps} frames with the frame time shown");
}
