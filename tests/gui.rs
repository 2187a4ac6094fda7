//! The GUI driven like a person would: pointer drags and clicks, buttons found by their
//! names, keyboard shortcuts. Each test opens a project written to a temporary folder.

use egui::{Key, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::{default_schema, load_project, save_project};
use eventail::model::{Document, Filler, Project};
use eventail::ui::EventailApp;
use std::path::{Path, PathBuf};

const TITLE: &str = "Daech recule à Palmyre et Mossoul";
const BODY: &str = "L’armée syrienne est entrée dans Palmyre ce jeudi.";

fn sample_project(dir: &Path) -> PathBuf {
    let mut project = Project::new("Test", default_schema());
    project
        .documents
        .push(Document::new("d1", TITLE, format!("{TITLE}\n\n{BODY}\n")));
    project
        .documents
        .push(Document::new("d2", "Second", "Un autre article.\n"));
    let path = dir.join("test.ron");
    save_project(&path, &project).expect("write the test project");
    path
}

fn open(path: PathBuf) -> Harness<'static, EventailApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| EventailApp::new(cc, Some(path)));
    harness.run();
    harness
}

/// The on-screen rectangle of the article paragraph that reads `text`.
fn paragraph(harness: &Harness<'_, EventailApp>, text: &str) -> Rect {
    harness.get_by_label(text).rect()
}

/// Drags the pointer from `a` to `b` as a person selecting text.
fn drag(harness: &mut Harness<'_, EventailApp>, a: Pos2, b: Pos2) {
    harness.hover_at(a);
    harness.run();
    harness.drag_at(a);
    harness.run();
    for i in 1..=4 {
        harness.hover_at(a + (b - a) * (i as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(b);
    harness.run();
}

fn click_at(harness: &mut Harness<'_, EventailApp>, p: Pos2) {
    harness.hover_at(p);
    harness.run();
    harness.drag_at(p);
    harness.drop_at(p);
    harness.run();
}

fn label_with_key(label: &str, key: Option<char>) -> String {
    format!(
        "{label}{}",
        key.map(|c| format!(" ({c})")).unwrap_or_default()
    )
}

#[test]
fn tag_a_word_build_an_event_undo_redo_and_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let mut harness = open(path.clone());
    let schema = default_schema();

    // Select part of the first word: the selection snaps to "Daech".
    let title = paragraph(&harness, TITLE);
    let y = title.center().y;
    drag(
        &mut harness,
        Pos2::new(title.min.x + 3.0, y),
        Pos2::new(title.min.x + 20.0, y),
    );
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

/// A copy of the sample project in a temporary folder.
fn sample_copy(dir: &Path) -> PathBuf {
    let path = dir.join("palmyre.ron");
    std::fs::copy("projects/palmyre.ron", &path).expect("copy the sample");
    path
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

#[test]
fn selecting_an_event_in_the_list_opens_its_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let event = harness.state().project().documents[0].events[1].clone();
    harness
        .get_all_by_label_contains(&format!("{} ", event.id))
        .next()
        .expect("the event is listed")
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(Filler::Event(event.id)));
    harness.get_by_label("🗑 Delete event").click();
    harness.run();
    assert!(
        harness.state().project().documents[0]
            .event(event.id)
            .is_none()
    );
    assert!(harness.state().is_dirty());
}

#[test]
fn imported_texts_appear_in_the_list_and_undo_removes_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_project(dir.path()));
    let a = dir.path().join("alep.txt");
    let b = dir.path().join("homs.txt");
    std::fs::write(&a, "Alep, décembre 2016\r\n\r\nLa bataille d’Alep.\r\n").expect("write");
    std::fs::write(&b, b"Homs\n\nLe si\xe8ge de Homs.\n").expect("write"); // Windows-1252
    harness.state_mut().import_text_paths(&[a, b]);
    harness.run();
    let project = harness.state().project();
    assert_eq!(project.documents.len(), 4);
    assert_eq!(project.documents[3].text, "Homs\n\nLe siège de Homs.\n");
    assert_eq!(
        harness.state().current_document(),
        2,
        "the first import is shown"
    );
    // In the list and, shown, in the article.
    assert_eq!(
        harness
            .get_all_by_label_contains("Alep, décembre 2016")
            .count(),
        2
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().project().documents.len(), 2);
}

#[test]
fn an_unreadable_import_adds_nothing_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_project(dir.path()));
    let empty = dir.path().join("vide.txt");
    std::fs::write(&empty, "").expect("write");
    harness.state_mut().import_text_paths(&[empty]);
    harness.run();
    let message = harness
        .state()
        .error_message()
        .expect("an error")
        .to_string();
    assert!(message.contains("vide.txt"), "{message}");
    assert_eq!(harness.state().project().documents.len(), 2);
}

#[test]
fn a_project_open_elsewhere_opens_read_only_and_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    // Process 1 (init) runs as long as the machine does: a live owner.
    let host = eventail::io::host_name();
    std::fs::write(
        eventail::io::lock_path(&path),
        format!("1\n{host}\nearlier\n"),
    )
    .expect("lock");
    let before = std::fs::read(&path).expect("read");
    let mut harness = open(path.clone());
    harness.get_by_label("Open read-only").click();
    harness.run();
    assert_eq!(harness.state().project_path(), Some(path.as_path()));
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    assert!(harness.state().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    // Saving to the locked file is refused (Save as would ask for another file).
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_on_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let recovery = eventail::io::recovery_path(&path);
    {
        let mut harness = open(path.clone());
        harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
        harness.run();
        // The autosave thread writes the recovery file soon after the first change.
        for _ in 0..200 {
            if recovery.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
            harness.run();
        }
        assert!(recovery.exists(), "an autosave was written");
        // The app "crashes": dropped without saving.
    }
    let mut harness = open(path.clone());
    harness.get_by_label("Recover").click();
    harness.run();
    assert!(harness.state().is_dirty());
    assert_eq!(
        harness.state().project().documents[0].status,
        eventail::model::DocStatus::Done
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        load_project(&path).expect("saved").documents[0].status,
        eventail::model::DocStatus::Done
    );
    for _ in 0..200 {
        if !recovery.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!recovery.exists(), "saving removes the autosave");
}

#[test]
fn a_large_import_runs_in_the_background_with_progress() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_project(dir.path()));
    let big = dir.path().join("grand.txt");
    let paragraph = "L’armée syrienne progresse vers Palmyre.\u{a0}Les combats continuent.\n\n";
    std::fs::write(&big, paragraph.repeat(80_000)).expect("write 6 MB");
    harness
        .state_mut()
        .import_text_paths(std::slice::from_ref(&big));
    // The call returns at once: the file is read on another thread.
    assert_eq!(
        harness.state().background_job(),
        Some("Importing 1 file(s)")
    );
    for _ in 0..500 {
        if harness.state().project().documents.len() == 3 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.run_steps(1);
    }
    let project = harness.state().project();
    assert_eq!(project.documents.len(), 3, "the import finished");
    assert_eq!(harness.state().background_job(), None);
    assert_eq!(project.documents[2].text.len(), paragraph.len() * 80_000);
}

#[test]
fn an_inconsistent_project_is_explained_and_can_be_repaired_into_a_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let mut project = load_project(&path).expect("load");
    let id = project.documents[0].next_id;
    project.documents[0]
        .mentions
        .push(eventail::model::Mention {
            id: eventail::model::MentionId(id),
            entity_type: "person".into(),
            ranges: vec![eventail::model::Span::new(5, 5000)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
        });
    project.documents[0].next_id += 1;
    let text = eventail::io::project_to_string(&project).expect("serialize");
    std::fs::write(&path, &text).expect("write");
    let mut harness = open(path.clone());
    let message = harness
        .state()
        .error_message()
        .expect("explained")
        .to_string();
    assert!(message.contains("document \"d1\", T1"), "{message}");
    harness.get_by_label("Repair into a copy…");
    let copy = dir.path().join("repaired.ron");
    harness.state_mut().repair_to(&path, copy.clone());
    harness.run();
    assert_eq!(harness.state().project_path(), Some(copy.as_path()));
    assert!(harness.state().project().documents[0].mentions.is_empty());
    let report = harness
        .state()
        .error_message()
        .expect("the changes are listed")
        .to_string();
    assert!(report.contains("T1: dropped"), "{report}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "the original stays"
    );
}

/// Runs frames until the background job is over.
fn wait_for_job(harness: &mut Harness<'_, EventailApp>) {
    for _ in 0..1000 {
        if harness.state().background_job().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.run_steps(1);
    }
    harness.run();
    assert_eq!(harness.state().background_job(), None, "the job ended");
}

#[test]
fn export_then_import_brat_through_the_file_menu_actions() {
    use eventail::ui::transfer::ExportFormat;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(sample_copy(dir.path()));
    let original = harness.state().project().clone();
    for format in ExportFormat::ALL {
        let out = dir.path().join(format!("{format:?}"));
        harness.state_mut().export_to(format, out.clone());
        wait_for_job(&mut harness);
        assert!(harness.state().error_message().is_none(), "{format:?}");
        assert!(out.exists(), "{format:?} wrote {}", out.display());
    }
    harness.state_mut().import_brat(dir.path().join("Brat"));
    wait_for_job(&mut harness);
    let imported = harness.state().project();
    assert_eq!(imported.documents.len(), original.documents.len());
    for (a, b) in imported.documents.iter().zip(&original.documents) {
        assert_eq!(a.text, b.text);
        assert_eq!(a.mentions.len(), b.mentions.len(), "{}", a.id);
    }
    assert!(
        harness.state().is_dirty(),
        "an imported project is not saved yet"
    );
}
