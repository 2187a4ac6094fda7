//! The project file at the size of a real corpus: 1,000 articles of about 2 KB, each
//! with 50 mentions and 10 events (made by `common`, about 4 MB of RON).
//!
//! - `parse`, `validate`, `load`: the file's text read into a project, checked, both
//!   (`io::project_from_str`, what opening a project costs beside reading the file);
//! - `load_file`: the same from the file on disk (`io::load_project`);
//! - `open_first_document`: what the app waits for before it shows the first article
//!   of such a file, the others read after (`io::open_project`);
//! - `serialize`: the project as the text of its file (`io::project_to_string`);
//! - `clone`: a copy of the project in memory, what a snapshot to save or autosave off
//!   the UI thread costs the UI thread;
//! - `save`: serialised and written atomically beside the old file, which is kept as the
//!   backup (`io::save_project`);
//! - `autosave_ui_thread`: what the UI thread pays to have the project autosaved after
//!   one document changed (`io::Autosaver::save`), and `autosave_written`: the same,
//!   waiting until the recovery file is written.
//!
//! Memory at 10,000 articles is measured by `cargo run --release --example
//! project_memory`, in a process of its own.
//!
//! Run: `cargo bench --bench project_file`.

// A benchmark states what it expects with expect/unwrap, as tests do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use divan::Bencher;
use eventail::io::{
    AutosaveOutcome, Autosaver, Opening, load_project, open_project, parse_project,
    project_from_str, project_to_string, save_project,
};
use eventail::model::{DocStatus, Project, validate};
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    // Made before the table is printed, so that its size does not land in it.
    LazyLock::force(&TEXT);
    divan::main();
}

const DOCUMENTS: usize = 1_000;

/// The project, as made.
static PROJECT: LazyLock<Project> = LazyLock::new(|| common::first_project(DOCUMENTS));

/// The text of its file.
static TEXT: LazyLock<String> = LazyLock::new(|| {
    let text = project_to_string(&PROJECT).unwrap();
    eprintln!(
        "a project of {DOCUMENTS} articles: {} KB of RON",
        text.len() / 1024
    );
    text
});

#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse(bencher: Bencher) {
    let path = Path::new("bench.ron");
    bencher.bench(|| parse_project(&TEXT, path).unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn validate_only(bencher: Bencher) {
    let project = &*PROJECT;
    bencher.bench(|| assert!(validate(project).is_empty()));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn load(bencher: Bencher) {
    let path = Path::new("bench.ron");
    bencher.bench(|| project_from_str(&TEXT, path).unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_file(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, &*TEXT).unwrap();
    bencher.bench(|| load_project(&path).unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_first_document(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    std::fs::write(&path, &*TEXT).unwrap();
    bencher.bench(|| {
        let Ok(Opening::FirstOfMany(first)) = open_project(&path) else {
            panic!("opens on its first document");
        };
        first
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn serialize(bencher: Bencher) {
    let project = &*PROJECT;
    bencher.bench(|| project_to_string(project).unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn clone(bencher: Bencher) {
    let project = &*PROJECT;
    bencher.bench(|| project.clone());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn save(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let project = &*PROJECT;
    bencher.bench(|| save_project(&path, project).unwrap());
}

/// The project with document `n` marked done: one changed document.
fn changed(n: usize) -> Project {
    let mut project = PROJECT.clone();
    let doc = &mut project.documents[n % DOCUMENTS];
    doc.status = match doc.status {
        DocStatus::Done => DocStatus::InProgress,
        _ => DocStatus::Done,
    };
    project
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn autosave_ui_thread(bencher: Bencher) {
    autosave(bencher, false);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn autosave_written(bencher: Bencher) {
    autosave(bencher, true);
}

/// Autosaves the project, one document changed each time; with `wait`, until the
/// recovery file is written.
fn autosave(bencher: Bencher, wait: bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut writer = Autosaver::new();
    let mut n = 0;
    bencher
        .with_inputs(|| {
            n += 1;
            changed(n)
        })
        .bench_local_refs(|project| {
            writer.save(&path, project).unwrap();
            if !wait {
                return;
            }
            loop {
                match writer.outcomes().pop() {
                    Some(AutosaveOutcome::Written(_)) => break,
                    Some(AutosaveOutcome::Failed(e)) => panic!("{e}"),
                    None => std::thread::sleep(std::time::Duration::from_micros(200)),
                }
            }
        });
}
