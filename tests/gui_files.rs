//! Files in the GUI, driven through the real commands with scripted file dialogs: open,
//! save, save as, import, export, repair, locks, autosave and recovery; and the
//! data-safety bugs of issue 7, each with its regression test.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::{load_project, recovery_path};
use eventail::model::DocStatus;
use eventail::ui::EventailApp;
use eventail::ui::file_dialog::FilePurpose;
use gui_common::*;
use std::path::Path;

/// Marks the shown document done: one undoable change.
fn change_something(harness: &mut Harness<'_, EventailApp>) {
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    assert!(harness.state().is_dirty());
}

/// Makes a change and waits until the autosave holds it at `recovery`.
fn change_and_wait_for_the_autosave(harness: &mut Harness<'_, EventailApp>, recovery: &Path) {
    change_something(harness);
    wait_until(harness, "an autosave is written", |_| recovery.exists());
}

/// Writes a lock file that names a live process (init) of this machine.
fn lock_by_another_eventail(project: &Path) {
    let host = eventail::io::host_name();
    std::fs::write(
        eventail::io::lock_path(project),
        format!("1\n{host}\nearlier\n"),
    )
    .expect("lock");
}

#[test]
fn imported_texts_appear_in_the_list_and_undo_removes_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, files) = open_with_files(Some(sample_project(dir.path())));
    let a = dir.path().join("alep.txt");
    let b = dir.path().join("homs.txt");
    std::fs::write(&a, "Alep, décembre 2016\r\n\r\nLa bataille d’Alep.\r\n").expect("write");
    std::fs::write(&b, b"Homs\n\nLe si\xe8ge de Homs.\n").expect("write"); // Windows-1252
    files.will_answer(vec![a, b]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    assert_eq!(files.asked()[0].purpose, FilePurpose::ImportText);
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
    let (mut harness, files) = open_with_files(Some(sample_project(dir.path())));
    let empty = dir.path().join("vide.txt");
    std::fs::write(&empty, "").expect("write");
    files.will_answer(vec![empty]);
    run_command(&mut harness, "Import text");
    let message = harness.state().error_message().expect("an error");
    assert!(message.contains("vide.txt"), "{message}");
    assert_eq!(harness.state().project().documents.len(), 2);
}

#[test]
fn a_cancelled_file_dialog_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, files) = open_with_files(Some(sample_project(dir.path())));
    for command in ["Import text", "Open…", "Save as…", "Export as JSON"] {
        run_command(&mut harness, command);
        assert!(!harness.state().has_dialog(), "{command}");
        assert_eq!(harness.state().project().documents.len(), 2);
        assert_eq!(harness.state().background_job(), None);
    }
    assert_eq!(files.asked().len(), 4, "every command asked for a file");
}

#[test]
fn a_project_open_elsewhere_opens_read_only_and_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    lock_by_another_eventail(&path);
    let before = std::fs::read(&path).expect("read");
    let (mut harness, files) = open_with_files(Some(path.clone()));
    harness.get_by_label("Open read-only").click();
    harness.run();
    assert_eq!(harness.state().project_path(), Some(path.as_path()));
    change_something(&mut harness);
    // Saving to the locked file asks for another file; cancelled, nothing is written.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(matches!(
        files.asked()[0].purpose,
        FilePurpose::SaveAs { .. }
    ));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(harness.state().is_dirty());
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_on_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let recovery = recovery_path(&path);
    {
        let mut harness = open(path.clone());
        change_and_wait_for_the_autosave(&mut harness, &recovery);
        // The app "crashes": dropped without saving.
    }
    let mut harness = open(path.clone());
    harness.get_by_label("Recover").click();
    harness.run();
    assert!(harness.state().is_dirty());
    assert_eq!(
        harness.state().project().documents[0].status,
        DocStatus::Done
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    wait_for_saves(&mut harness);
    assert_eq!(
        load_project(&path).expect("saved").documents[0].status,
        DocStatus::Done
    );
    wait_until(&mut harness, "saving removes the autosave", |_| {
        !recovery.exists()
    });
}

/// Bug 1: undo back to the saved state after an autosave, then quit.
#[test]
fn undoing_to_the_saved_state_removes_the_autosave_and_quitting_asks_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = open(path.clone());
    change_and_wait_for_the_autosave(&mut harness, &recovery);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().is_dirty());
    wait_until(&mut harness, "the autosave follows the undo", |_| {
        !recovery.exists()
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    assert!(!harness.state().has_dialog(), "nothing to ask");
    drop(harness);
    // The next start offers nothing.
    let harness = open(path);
    assert!(!harness.state().has_dialog());
}

/// Bug 1, second half: an autosave that holds what the file holds is not offered.
#[test]
fn an_autosave_identical_to_the_file_is_not_offered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::copy(&path, recovery_path(&path)).expect("copy");
    let harness = open(path);
    assert!(!harness.state().has_dialog());
}

/// Bug 2: "Discard changes", then cancel the Open dialog.
#[test]
fn discarding_then_cancelling_open_keeps_the_changes_unsaved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let recovery = recovery_path(&path);
    let (mut harness, files) = open_with_files(Some(path));
    change_and_wait_for_the_autosave(&mut harness, &recovery);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert_eq!(files.asked()[0].purpose, FilePurpose::Open);
    // The dialog was cancelled: the edits are still there, unsaved, and autosaved.
    assert!(harness.state().is_dirty());
    assert_eq!(
        harness.state().project().documents[0].status,
        DocStatus::Done
    );
    harness.run_steps(5);
    assert!(recovery.exists(), "the autosave stays");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Discard changes");
}

/// Bug 3: Save as onto a project that another eventail has open.
#[test]
fn save_as_onto_a_project_open_elsewhere_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let other = dir.path().join("other.ron");
    std::fs::copy(&path, &other).expect("copy");
    lock_by_another_eventail(&other);
    let before = std::fs::read(&other).expect("read");
    let (mut harness, files) = open_with_files(Some(path.clone()));
    change_something(&mut harness);
    files.will_answer(vec![other.clone()]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    harness.get_by_label("That project is open elsewhere");
    assert_eq!(std::fs::read(&other).expect("read"), before, "not written");
    assert_eq!(harness.state().project_path(), Some(path.as_path()));
    assert!(harness.state().is_dirty());
    // Choosing another file saves there.
    let third = dir.path().join("third.ron");
    files.will_answer(vec![third.clone()]);
    harness.get_by_label("Choose another file…").click();
    harness.run();
    wait_for_saves(&mut harness);
    assert_eq!(harness.state().project_path(), Some(third.as_path()));
    assert!(!harness.state().is_dirty());
    assert_eq!(
        load_project(&third).expect("saved").documents[0].status,
        DocStatus::Done
    );
}

/// Bug 4: a document whose ids are exhausted is refused on opening.
#[test]
fn a_document_with_exhausted_ids_is_explained_not_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let text = std::fs::read_to_string(&path).expect("read");
    let exhausted = text.replacen("next_id: 1,", "next_id: 4294967295,", 1);
    assert_ne!(text, exhausted, "the test project has a next_id");
    std::fs::write(&path, &exhausted).expect("write");
    let harness = open(path.clone());
    let message = harness.state().error_message().expect("explained");
    assert!(message.contains("next_id"), "{message}");
    assert!(message.contains("d1"), "{message}");
    assert_eq!(harness.state().project_path(), None);
}

#[test]
fn an_inconsistent_project_is_explained_and_can_be_repaired_into_a_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, text) = inconsistent_project(dir.path());
    let (mut harness, files) = open_with_files(Some(path.clone()));
    let message = harness.state().error_message().expect("explained");
    assert!(message.contains("document \"d1\", T1"), "{message}");
    let copy = dir.path().join("repaired.ron");
    files.will_answer(vec![copy.clone()]);
    harness.get_by_label("Repair into a copy…").click();
    harness.run();
    assert_eq!(harness.state().project_path(), Some(copy.as_path()));
    assert!(harness.state().project().documents[0].mentions.is_empty());
    let report = harness
        .state()
        .error_message()
        .expect("the changes are listed");
    assert!(report.contains("T1: dropped"), "{report}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "the original stays"
    );
}

/// Bug 5: another spelling of the original's path is still the original.
#[test]
fn repair_into_a_copy_refuses_another_spelling_of_the_original() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, text) = inconsistent_project(dir.path());
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let (mut harness, files) = open_with_files(Some(path.clone()));
    files.will_answer(vec![dir.path().join("sub/../test.ron")]);
    harness.get_by_label("Repair into a copy…").click();
    harness.run();
    let message = harness.state().error_message().expect("refused");
    assert!(message.contains("another file"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

/// A project whose first document has a mention past the end of its text.
fn inconsistent_project(dir: &Path) -> (std::path::PathBuf, String) {
    let path = sample_project(dir);
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
            sources: Vec::new(),
        });
    project.documents[0].next_id += 1;
    let text = eventail::io::project_to_string(&project).expect("serialize");
    std::fs::write(&path, &text).expect("write");
    (path, text)
}

/// Bug 6: a failing autosave is said, and retried until it works.
#[test]
fn a_failing_autosave_is_said_in_the_status_bar_and_retried() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let recovery = recovery_path(&path);
    // A folder where the recovery file should go: every write fails.
    std::fs::create_dir(&recovery).expect("mkdir");
    let mut harness = open(path);
    change_something(&mut harness);
    wait_until(&mut harness, "the failure is shown", |h| {
        h.query_by_label_contains("autosave failed").is_some()
    });
    std::fs::remove_dir(&recovery).expect("rmdir");
    // The next attempt, a few seconds later (a step is a quarter of a second), works
    // and the warning goes.
    wait_until(&mut harness, "the retry succeeds", |h| {
        recovery.is_file() && h.query_by_label_contains("autosave failed").is_none()
    });
}

/// Bug 9: cancelling "already open" leaves nothing that is not the user's on screen.
#[test]
fn cancelling_already_open_keeps_an_empty_start_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    lock_by_another_eventail(&path);
    let mut harness = open(path);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().project_path(), None);
    assert!(harness.state().project().documents.is_empty());
    assert!(
        harness.state().title().starts_with("Untitled"),
        "{}",
        harness.state().title()
    );
    harness.get_by_label("No article to annotate yet");
}

#[test]
fn a_large_import_runs_in_the_background_with_progress() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, files) = open_with_files(Some(sample_project(dir.path())));
    let big = dir.path().join("grand.txt");
    let paragraph = "L’armée syrienne progresse vers Palmyre.\u{a0}Les combats continuent.\n\n";
    std::fs::write(&big, paragraph.repeat(80_000)).expect("write 6 MB");
    files.will_answer(vec![big]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run_steps(1);
    // The command returns at once: the file is read on another thread.
    assert_eq!(
        harness.state().background_job(),
        Some("Importing 1 file(s)")
    );
    wait_for_job(&mut harness);
    let project = harness.state().project();
    assert_eq!(project.documents.len(), 3, "the import finished");
    assert_eq!(project.documents[2].text.len(), paragraph.len() * 80_000);
}

#[test]
fn export_in_every_format_then_import_brat_through_the_commands() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, files) = open_with_files(Some(sample_copy(dir.path())));
    let original = harness.state().project().clone();
    let exports = ["brat", "JSON", "CSV", "CoNLL", "doccano"];
    for format in exports {
        let out = dir.path().join(format);
        files.will_answer(vec![out.clone()]);
        run_command(&mut harness, &format!("Export as {format}"));
        wait_for_job(&mut harness);
        assert!(harness.state().failure().is_none(), "{format}");
        assert!(out.exists(), "{format} wrote {}", out.display());
        if let Some(report) = harness.state().error_message() {
            // What the format cannot hold is a report to read, not a failure.
            assert!(report.starts_with("Exported;"), "{report}");
            // Through accesskit: a report of another length resizes the modal over a
            // frame or two, and a pointer click at the node's last place may miss it.
            harness.get_by_label("OK").click_accesskit();
            harness.run();
        }
    }
    files.will_answer(vec![dir.path().join("brat")]);
    run_command(&mut harness, "Import brat");
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

/// Where no native dialog can open (no desktop portal), a dialog drawn in the window
/// answers, and the rest of the window waits for it.
#[test]
fn the_file_dialog_drawn_in_the_window_opens_a_project() {
    use eventail::ui::file_dialog::EguiFileDialogs;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let other = dir.path().join("other.ron");
    std::fs::copy(&path, &other).expect("copy");
    // egui_file's own fields carry no accessible names: the check is off for this test.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_accessibility_check(false)
        .build_eframe(move |cc| {
            EventailApp::with_file_dialogs(cc, Some(path), Box::new(EguiFileDialogs::default()))
        });
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label_contains("Open a project");
    // The window behind is modal: its shortcuts wait.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num3);
    harness.run();
    assert!(!harness.state().is_dirty());
    harness.get_by_label("🗋 other.ron").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().project_path(), Some(other.as_path()));
}

/// Bug 7: cancelling an export either stops it before anything is written, or says
/// that it was too late and what was written; never "nothing changed" while it writes.
#[test]
fn cancelling_an_export_says_truly_what_was_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let mut project = eventail::model::Project::new("big", eventail::io::default_schema());
    for i in 0..3000 {
        let text = format!("Article {i}\n\nL’armée syrienne progresse vers Palmyre.\n");
        project.documents.push(eventail::model::Document::new(
            format!("d{i}"),
            format!("Article {i}"),
            text,
        ));
    }
    eventail::io::save_project(&path, &project).expect("save");
    let (mut harness, files) = open_with_files(Some(path));
    wait_for_job(&mut harness);
    let out = dir.path().join("big.json");
    files.will_answer(vec![out.clone()]);
    run_command(&mut harness, "Export as JSON");
    // The export may end before the cancel arrives: both orders must be told truly.
    if harness.state().background_job().is_some() {
        harness.run_steps(1);
        if let Some(cancel) = harness.query_by_label("Cancel") {
            cancel.click();
        }
        harness.run_steps(1);
        wait_for_job(&mut harness);
    }
    // Whichever came first, the cancel or the end of the export, the status says what
    // is on disk.
    let status = harness.state().status().to_string();
    if out.exists() {
        assert!(status.contains("Exported 3000 document(s)"), "{status}");
        assert!(!status.contains("nothing"), "{status}");
    } else {
        assert!(status.contains("nothing was written"), "{status}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp") || n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

/// Review: a close request while a question is open keeps the question.
#[test]
fn closing_the_window_keeps_an_open_question() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = inconsistent_project(dir.path());
    let mut harness = open(path);
    harness.get_by_label("Repair into a copy…");
    close_the_window(&mut harness);
    harness.get_by_label("Repair into a copy…");
    assert!(
        harness.state().status().contains("Answer"),
        "{}",
        harness.state().status()
    );
}

/// Review: exporting over the open project's own file is refused.
#[test]
fn an_export_over_the_open_project_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let before = std::fs::read(&path).expect("read");
    let (mut harness, files) = open_with_files(Some(path.clone()));
    files.will_answer(vec![dir.path().join("sub/../test.ron")]);
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    run_command(&mut harness, "Export as JSON");
    let message = harness.state().error_message().expect("refused");
    assert!(
        message.contains("another file than the open project"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

/// Review: the repaired copy may be neither the open project nor one open elsewhere.
#[test]
fn repair_into_a_copy_refuses_a_project_open_elsewhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = inconsistent_project(dir.path());
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "keep me").expect("write");
    lock_by_another_eventail(&other);
    let (mut harness, files) = open_with_files(Some(path));
    files.will_answer(vec![other.clone()]);
    harness.get_by_label("Repair into a copy…").click();
    harness.run();
    let message = harness.state().error_message().expect("refused");
    assert!(message.contains("open in another eventail"), "{message}");
    assert_eq!(std::fs::read_to_string(&other).expect("read"), "keep me");
}

/// Review: reopening the open project after "Discard changes" does not offer back the
/// autosave of the changes just discarded, and leaves no autosave behind.
#[test]
fn reopening_after_discarding_offers_no_recovery() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let recovery = recovery_path(&path);
    let mut harness = open(path.clone());
    change_and_wait_for_the_autosave(&mut harness, &recovery);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    let shown = std::fs::canonicalize(&path).expect("canonical");
    harness.get_by_label(&shown.display().to_string()).click();
    harness.run();
    harness.get_by_label("Discard changes").click();
    harness.run();
    assert!(!harness.state().has_dialog(), "no recovery offered");
    assert!(!harness.state().is_dirty());
    assert_eq!(
        harness.state().project().documents[0].status,
        DocStatus::New,
        "the file as it was"
    );
    harness.run_steps(10);
    assert!(!recovery.exists(), "the discarded work's autosave is gone");
}

/// Review: undoing an import while one of its documents is shown shows another.
#[test]
fn undoing_an_import_shows_a_document_that_exists() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, files) = open_with_files(Some(sample_project(dir.path())));
    let a = dir.path().join("alep.txt");
    std::fs::write(&a, "Alep\n\nLa bataille.\n").expect("write");
    files.will_answer(vec![a]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    assert_eq!(harness.state().current_document(), 2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().current_document() < harness.state().project().documents.len());
}

/// Issue 8: saving over a file that another program changed since it was read asks
/// first, and writes nothing until the user chooses.
#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let (mut harness, files) = open_with_files(Some(path.clone()));
    change_something(&mut harness);
    // Another program (a sync, git) rewrites the file.
    let mut theirs = load_project(&path).expect("load");
    theirs.name = "Theirs".into();
    eventail::io::save_project(&path, &theirs).expect("save");
    let their_bytes = std::fs::read(&path).expect("read");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file changed on disk");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        their_bytes,
        "nothing written"
    );
    // Save as keeps both.
    let mine = dir.path().join("mine.ron");
    files.will_answer(vec![mine.clone()]);
    harness.get_by_label("Save as…").click();
    harness.run();
    wait_for_saves(&mut harness);
    assert_eq!(std::fs::read(&path).expect("read"), their_bytes);
    assert_eq!(
        load_project(&mine).expect("mine").documents[0].status,
        DocStatus::Done
    );
    assert_eq!(harness.state().project_path(), Some(mine.as_path()));
}

/// Review: opening the open project again, when that fails, leaves its lock in place
/// (another eventail must still be told it is open).
#[test]
fn a_failed_reopening_keeps_the_projects_lock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_project(dir.path());
    let mut harness = open(path.clone());
    let lock = eventail::io::lock_path(&path);
    let held = std::fs::read(&lock).expect("the open project is locked");
    // Another program breaks the file; reopening it fails.
    std::fs::write(&path, "(format_version: 1, broken").expect("write");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    let shown = std::fs::canonicalize(&path).expect("canonical");
    harness.get_by_label(&shown.display().to_string()).click();
    harness.run();
    assert!(
        harness.state().error_message().is_some(),
        "the failure is shown"
    );
    assert_eq!(std::fs::read(&lock).expect("still locked"), held);
}
