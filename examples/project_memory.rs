//! How much memory opening a large project takes beside the size of its file: a project
//! of 10,000 articles of about 2 KB with 50 mentions and 10 events each (made by the
//! benchmarks' `common`), written to a temporary file, then opened in a process of its
//! own, where the kernel's counters of this process (`VmRSS`, `VmHWM` in
//! `/proc/self/status`) say what it holds: once by `io::load_project` alone, once by the
//! whole app (the real `EventailApp`, headless, until every document is read and drawn
//! in the list).
//!
//! Run: `cargo run --release --example project_memory [-- DOCUMENTS]` (Linux only, where
//! `/proc/self/status` exists).

// A measuring tool states what it expects with expect/unwrap, as tests do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const DEFAULT_DOCUMENTS: usize = 10_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [how, path] if how == "--load" => measure(Path::new(path), false),
        [how, path] if how == "--app" => measure(Path::new(path), true),
        rest => {
            let documents = rest.first().map_or(DEFAULT_DOCUMENTS, |n| {
                n.parse().expect("a number of documents")
            });
            run(documents);
        }
    }
}

/// Writes the project, then measures its opening in two fresh processes.
fn run(documents: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("large.ron");
    let text = eventail::io::project_to_string(&common::first_project(documents)).unwrap();
    std::fs::write(&path, &text).unwrap();
    let size = text.len() as f64;
    drop(text);
    println!("{documents} documents, file {:.1} MB", size / 1_048_576.0);
    for how in ["--load", "--app"] {
        let out = Command::new(std::env::current_exe().unwrap())
            .arg(how)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8_lossy(&out.stdout);
        let mut figures = line.split_whitespace().map(|f| f.parse::<f64>().unwrap());
        let (base, peak, after) = (
            figures.next().unwrap(),
            figures.next().unwrap(),
            figures.next().unwrap(),
        );
        let what = if how == "--load" {
            "io::load_project"
        } else {
            "the app, every document read"
        };
        println!(
            "{what}: peak {:.1} MB ({:.2}x the file), resident after {:.1} MB ({:.2}x)",
            (peak - base) / 1_048_576.0,
            (peak - base) / size,
            (after - base) / 1_048_576.0,
            (after - base) / size,
        );
    }
}

/// In the child: the bytes resident before, at the peak and after opening `path`,
/// printed on one line.
fn measure(path: &Path, app: bool) {
    #[cfg(feature = "gui")]
    let harness = app.then(app_harness);
    #[cfg(not(feature = "gui"))]
    assert!(!app, "the app needs the `gui` feature");
    let base = status("VmRSS:");
    reset_peak();
    #[cfg(feature = "gui")]
    let kept = match harness {
        Some(mut app) => {
            open_in_app(&mut app, path.to_path_buf());
            Box::new(app) as Box<dyn std::any::Any>
        }
        None => Box::new(eventail::io::load_project(path).unwrap()) as Box<dyn std::any::Any>,
    };
    #[cfg(not(feature = "gui"))]
    let kept = eventail::io::load_project(path).unwrap();
    let peak = status("VmHWM:");
    let after = status("VmRSS:");
    println!("{base} {} {after}", peak.max(after));
    drop(kept);
}

/// The app with no project open, its first frame drawn, and the file dialogs that
/// will answer its Open: what is there before opening.
#[cfg(feature = "gui")]
fn app_harness() -> (
    egui_kittest::Harness<'static, eventail::ui::EventailApp>,
    eventail::ui::file_dialog::ScriptedFileDialogs,
) {
    use eventail::ui::file_dialog::ScriptedFileDialogs;
    let files = ScriptedFileDialogs::default();
    let given = files.clone();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_eframe(move |cc| {
            eventail::ui::EventailApp::with_file_dialogs(cc, None, Box::new(given))
        });
    harness.run();
    (harness, files)
}

/// Opens `path` in the app as a person would (Ctrl+O, the file chosen), and draws until
/// it is on screen, every document read.
#[cfg(feature = "gui")]
fn open_in_app(
    (harness, files): &mut (
        egui_kittest::Harness<'static, eventail::ui::EventailApp>,
        eventail::ui::file_dialog::ScriptedFileDialogs,
    ),
    path: PathBuf,
) {
    files.will_answer(vec![path.clone()]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    for _ in 0..10_000 {
        harness.run_steps(1);
        // Drawn on its first document, then the others read in the background.
        if harness.state().project_path() == Some(path.as_path())
            && harness.state().background_job().is_none()
            && harness.state().documents_to_come().is_none()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(2);
    assert_eq!(harness.state().project_path(), Some(path.as_path()));
}

/// A figure of `/proc/self/status`, in bytes.
fn status(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap();
    let kb: u64 = line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .unwrap();
    kb * 1024
}

/// Resets `VmHWM` to the current resident size, so that the peak is that of opening.
fn reset_peak() {
    // Writing 5 to clear_refs resets the peak resident size (Linux 4.0 and later).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}
