//! What the GUI tests share: a project in a temporary folder, the app opened on it with
//! scripted file dialogs, and the gestures of a person (drags, clicks, the palette).

#![allow(dead_code)]

use egui::{Key, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use eventail::io::{default_schema, save_project};
use eventail::model::{Document, Project};
use eventail::ui::EventailApp;
use eventail::ui::file_dialog::ScriptedFileDialogs;
use std::path::{Path, PathBuf};

/// The title line of the first test document.
pub const TITLE: &str = "Daech recule à Palmyre et Mossoul";
/// Its body.
pub const BODY: &str = "L’armée syrienne est entrée dans Palmyre ce jeudi.";

/// A two-document project saved in `dir`.
pub fn sample_project(dir: &Path) -> PathBuf {
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

/// A copy of the sample project in `dir`.
pub fn sample_copy(dir: &Path) -> PathBuf {
    let path = dir.join("palmyre.ron");
    std::fs::copy("projects/palmyre.ron", &path).expect("copy the sample");
    path
}

/// The app on `path` (the sample when `None`), with file dialogs the test answers.
pub fn open_with_files(
    path: Option<PathBuf>,
) -> (Harness<'static, EventailApp>, ScriptedFileDialogs) {
    let files = ScriptedFileDialogs::default();
    let given = files.clone();
    // A held-back action (a text field committing its draft first) takes a few frames.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_eframe(move |cc| EventailApp::with_file_dialogs(cc, path, Box::new(given)));
    settle(&mut harness);
    (harness, files)
}

/// The app on `path`; a file dialog, if one opens, is cancelled.
pub fn open(path: PathBuf) -> Harness<'static, EventailApp> {
    open_with_files(Some(path)).0
}

/// The on-screen rectangle of the article paragraph that reads `text`.
pub fn paragraph(harness: &Harness<'_, EventailApp>, text: &str) -> Rect {
    harness.get_by_label(text).rect()
}

/// Drags the pointer from `a` to `b` as a person selecting text.
pub fn drag(harness: &mut Harness<'_, EventailApp>, a: Pos2, b: Pos2) {
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

/// A click of the primary button at `p`.
pub fn click_at(harness: &mut Harness<'_, EventailApp>, p: Pos2) {
    harness.hover_at(p);
    harness.run();
    harness.drag_at(p);
    harness.drop_at(p);
    harness.run();
}

/// A type's label as the tag popup shows it, with its key.
pub fn label_with_key(label: &str, key: Option<char>) -> String {
    format!(
        "{label}{}",
        key.map(|c| format!(" ({c})")).unwrap_or_default()
    )
}

/// Runs the command whose text starts with `text` from the command palette, as a
/// person would: Ctrl+Shift+P, type, Enter.
pub fn run_command(harness: &mut Harness<'_, EventailApp>, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.event(egui::Event::Text(text.to_string()));
    harness.run();
    harness.key_press(Key::Enter);
    // A frame to run the command, one to take the file dialog's answer; then, unless
    // the work goes on in the background, until the window settles.
    harness.run_steps(2);
    settle(harness);
}

/// Runs frames until the window settles; while a background job shows its progress
/// (which animates), one frame. A save under way is waited for first: it is written
/// off the UI thread, and the test reads the file next.
pub fn settle(harness: &mut Harness<'_, EventailApp>) {
    wait_for_saves(harness);
    if harness.state().background_job().is_some() {
        harness.run_steps(1);
    } else {
        harness.run();
    }
}

/// Runs frames until no save is under way (nor one queued behind it).
pub fn wait_for_saves(harness: &mut Harness<'_, EventailApp>) {
    for _ in 0..1000 {
        if !harness.state().is_saving() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.run_steps(1);
    }
    assert!(!harness.state().is_saving(), "the save ended");
}

/// Runs frames until the background job is over.
pub fn wait_for_job(harness: &mut Harness<'_, EventailApp>) {
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

/// Runs frames (letting background threads work) until `done` holds, or fails.
pub fn wait_until(
    harness: &mut Harness<'_, EventailApp>,
    what: &str,
    done: impl Fn(&Harness<'_, EventailApp>) -> bool,
) {
    for _ in 0..300 {
        if done(harness) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.run_steps(1);
    }
    assert!(done(harness), "timed out waiting: {what}");
}

/// Asks the window to close, as its close button does.
pub fn close_the_window(harness: &mut Harness<'_, EventailApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}
