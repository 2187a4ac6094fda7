//! Import and export of a project of 1,000 articles of about 2 KB, each with 50
//! mentions and 10 events (made by `common`), in every format of the table.
//!
//! - `export`: the project written in each format that eventail exports, files written
//!   and synced, into a new folder or file each time (`formats::export_project`, what
//!   `eventail export` and File > Export do);
//! - `import`: each format that eventail reads, from what its export wrote (plain text:
//!   the articles as 1,000 `.txt` files), into a new project (`formats::import_project`).
//!
//! Run: `cargo bench --bench formats`.

// A benchmark states what it expects with expect/unwrap, as tests do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use divan::Bencher;
use eventail::formats::{Format, ImportOptions, Input, Output, export_project, import_project};
use eventail::model::Project;
use std::path::PathBuf;
use std::sync::LazyLock;

fn main() {
    LazyLock::force(&PROJECT);
    divan::main();
}

const DOCUMENTS: usize = 1_000;

static PROJECT: LazyLock<Project> = LazyLock::new(|| common::first_project(DOCUMENTS));

const EXPORTED: [Format; 5] = [
    Format::Brat,
    Format::Json,
    Format::Csv,
    Format::Conll,
    Format::Doccano,
];

const IMPORTED: [Format; 3] = [Format::Text, Format::Brat, Format::Doccano];

#[divan::bench(args = EXPORTED, sample_count = 10, sample_size = 1)]
fn export(bencher: Bencher, format: Format) {
    let dir = tempfile::tempdir().unwrap();
    let project = &*PROJECT;
    let mut n = 0;
    bencher
        .with_inputs(|| {
            n += 1;
            dir.path().join(format!("out-{n}"))
        })
        .bench_local_values(|out: PathBuf| {
            let report = export_project(project, format, &out, &mut |_, _| true).unwrap();
            assert!(!report.written.is_empty());
        });
}

#[divan::bench(args = IMPORTED, sample_count = 10, sample_size = 1)]
fn import(bencher: Bencher, format: Format) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = exported_for_import(format, dir.path());
    bencher.bench(|| {
        let options = ImportOptions::default();
        let import = import_project(format, &inputs, None, options, &mut |_, _| true).unwrap();
        assert_eq!(import.documents.len(), DOCUMENTS);
    });
}

/// What an import of `format` reads, written into `dir`.
fn exported_for_import(format: Format, dir: &std::path::Path) -> Vec<PathBuf> {
    if format == Format::Text {
        let texts = dir.join("texts");
        std::fs::create_dir(&texts).unwrap();
        for doc in &PROJECT.documents {
            std::fs::write(texts.join(format!("{}.txt", doc.id)), &doc.text).unwrap();
        }
        return vec![texts];
    }
    let out = match format.export_output() {
        Some(Output::File { extension }) => dir.join(format!("p.{extension}")),
        _ => dir.join("out"),
    };
    export_project(&PROJECT, format, &out, &mut |_, _| true).unwrap();
    assert!(matches!(
        format.import_input(),
        Some(Input::Files { .. } | Input::File { .. } | Input::Folder)
    ));
    vec![out]
}
