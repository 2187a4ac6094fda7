//! Inputs shaped to cost too much: each check, repair and import must stay near-linear
//! in its input, so that a hostile or merely huge file costs a second at worst, never
//! minutes or all the memory. The inputs are those of `tests/hostile_input.rs`, which
//! checks what they give:
//!
//! - a 188 KB `annotation.conf` of 12,000 event types each with a role taking
//!   `<EVENT>` (expanded naively: 144 million names), and a 1 MB one of 50,000 entity
//!   and 50,000 event types;
//! - a chain of 40,000 nested events (E1 about E2, E2 about E3...), validated, and
//!   imported from brat;
//! - 4,000 doccano lines with one id;
//! - the repair of 20,000 documents with one id;
//! - the validation of a project of 50,000 entity and 50,000 event types, each used;
//! - the three-way merge of that project into the chain of 40,000 nested events, every
//!   id of one colliding with one of the other.
//!
//! Run: `cargo bench --bench hostile`.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/hostile_inputs/mod.rs"]
mod hostile_inputs;

use divan::Bencher;
use eventail::formats::brat::read_brat;
use eventail::formats::{Format, ImportOptions, import_project};
use eventail::model::{repair::repair, validate};
use eventail::review::three_way_merge;
use hostile_inputs::*;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn conf_event_macro_188kb(bencher: Bencher) {
    let dir = brat_collection(&event_macro_conf(), "");
    bencher.bench(|| read_brat(dir.path(), false).unwrap());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn conf_100k_types(bencher: Bencher) {
    let dir = brat_collection(&many_types_conf(50_000), "");
    bencher.bench(|| read_brat(dir.path(), false).unwrap());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn validate_chain_40k(bencher: Bencher) {
    let project = chain_project(40_000);
    bencher.bench(|| validate(&project));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn brat_chain_40k(bencher: Bencher) {
    let (conf, ann) = brat_chain(40_000);
    let dir = brat_collection(&conf, &ann);
    bencher.bench(|| read_brat(dir.path(), false).unwrap());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn doccano_4000_same_id(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("same.jsonl");
    std::fs::write(&path, same_id_jsonl(4_000)).unwrap();
    let inputs = [path];
    bencher.bench(|| {
        let options = ImportOptions::default();
        import_project(Format::Doccano, &inputs, None, options, &mut |_, _| true).unwrap()
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn repair_20000_same_id(bencher: Bencher) {
    let project = same_id_project(20_000);
    bencher
        .with_inputs(|| project.clone())
        .bench_local_values(|mut project| repair(&mut project));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn validate_100k_types(bencher: Bencher) {
    let project = many_types_project(50_000);
    bencher.bench(|| validate(&project));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn merge_140k_colliding(bencher: Bencher) {
    let (base, ours, theirs) = colliding_merge();
    bencher.bench(|| three_way_merge(&base, &ours, &theirs, "ours", "theirs").unwrap());
}
