//! Comparing and merging two annotators' projects of 1,000 articles (about 2 KB of
//! text, 50 mentions and 10 events of 3 arguments each per article; the second
//! annotator retypes one mention in 7, leaves out one in 11 and adds an argument to one
//! event in 3; made by `common`): what `eventail agree` and `eventail merge` cost beside
//! loading the two files, which they must do anyway.
//!
//! - `load_both`: both project files parsed and validated (`io::project_from_str`);
//! - `agree`: the alignment and every figure `agree` prints (`agreement_report`);
//! - `merge_edit`: the merge into an empty gold project (majority), report included;
//! - `open_items` and `progress`: what is left to adjudicate after that merge.
//!
//! Run: `cargo bench --bench agree`.

// A benchmark states what it expects with expect/unwrap, as tests do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use divan::Bencher;
use eventail::edit::Stamp;
use eventail::io::{default_schema, project_from_str, project_to_string};
use eventail::model::Project;
use eventail::review::align;
use eventail::review::merge::{self, Source, Strategy};
use eventail::review::report::agreement_report;
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    // Made before the table is printed, so that its size does not land in it.
    LazyLock::force(&FILES);
    divan::main();
}

const DOCUMENTS: usize = 1_000;

/// The two project files, as text.
static FILES: LazyLock<(String, String)> = LazyLock::new(|| {
    let text = |p: &Project| project_to_string(p).unwrap();
    let files = (
        text(&common::first_project(DOCUMENTS)),
        text(&common::second_project(DOCUMENTS)),
    );
    eprintln!(
        "two projects of {DOCUMENTS} articles: {} KB and {} KB of RON",
        files.0.len() / 1024,
        files.1.len() / 1024
    );
    files
});

/// The two projects, loaded.
static PROJECTS: LazyLock<(Project, Project)> = LazyLock::new(|| {
    let path = Path::new("bench.ron");
    (
        project_from_str(&FILES.0, path).unwrap(),
        project_from_str(&FILES.1, path).unwrap(),
    )
});

fn sources() -> Vec<Source<'static>> {
    let (a, b) = &*PROJECTS;
    Source::named([(a, "a".to_string()), (b, "b".to_string())])
}

/// The gold project merged from both, majority.
static GOLD: LazyLock<Project> = LazyLock::new(|| {
    let mut gold = Project::new("gold", default_schema());
    let (edit, _) =
        merge::merge_edit(&gold, &sources(), Strategy::Majority, &Stamp::default()).unwrap();
    edit.apply(&mut gold).unwrap();
    gold
});

#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_both(bencher: Bencher) {
    let (a, b) = &*FILES;
    let path = Path::new("bench.ron");
    bencher.bench(|| {
        (
            project_from_str(a, path).unwrap(),
            project_from_str(b, path).unwrap(),
        )
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn agree(bencher: Bencher) {
    let (a, b) = &*PROJECTS;
    let names = ["a.ron".to_string(), "b.ron".to_string()];
    bencher.bench(|| {
        let alignment = align(&[a, b]);
        agreement_report(&alignment, &names)
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn merge_edit(bencher: Bencher) {
    let sources = sources();
    let gold = Project::new("gold", default_schema());
    bencher.bench(|| {
        merge::merge_edit(&gold, &sources, Strategy::Majority, &Stamp::default()).unwrap()
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_items(bencher: Bencher) {
    let sources = sources();
    let gold = &*GOLD;
    bencher.bench(|| merge::open_items(gold, &sources));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn progress(bencher: Bencher) {
    let sources = sources();
    let gold = &*GOLD;
    bencher.bench(|| merge::progress(gold, &sources));
}
