//! `eventail search` through the built binary: plain, case- and accent-insensitive and
//! regular-expression searches of the text, annotation searches by type, the JSON
//! shape, offsets in code points on text with emoji and Arabic, and grep's exit
//! statuses (0 hits, 1 none, 2 error).

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{eventail, stderr, stdout};
use eventail::edit::{Stamp, ops};
use eventail::io::{default_schema, save_project};
use eventail::model::{Document, Project, Span};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The text of the first document: accents, Arabic, a flag emoji (two code points),
/// typographic quotes and apostrophe.
const TEXT: &str = "Palmyre (تدمر) 🇸🇾 « C’est » l’État islamique qui a perdu Palmyre.";

/// A two-document project in `dir`, "Palmyre" tagged as a place at the start of the
/// first.
fn project(dir: &Path) -> PathBuf {
    let mut project = Project::new("search", default_schema());
    project.documents.push(Document::new("d1", "Un", TEXT));
    project.documents.push(Document::new(
        "d2",
        "Deux",
        "Retour à palmyre.\nL'etat recule.",
    ));
    let (edit, _) = ops::add_mention(
        &project,
        0,
        "place",
        vec![Span::new(0, 7)],
        &Stamp::default(),
    )
    .expect("tag");
    edit.apply(&mut project).expect("applies");
    let path = dir.join("p.ron");
    save_project(&path, &project).expect("save");
    path
}

fn search(project: &Path, args: &[&str]) -> std::process::Output {
    let mut all: Vec<&OsStr> = vec!["search".as_ref(), project.as_os_str()];
    all.extend(args.iter().map(|a| OsStr::new(*a)));
    eventail(&all)
}

/// The `document:start-end` of each printed hit.
fn places(out: &std::process::Output) -> Vec<String> {
    stdout(out)
        .lines()
        .map(|l| l.split(": ").next().unwrap().to_string())
        .collect()
}

fn json(out: &std::process::Output) -> Vec<serde_json::Value> {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .expect("JSON")
        .as_array()
        .expect("an array")
        .clone()
}

#[test]
fn plain_search_prints_one_hit_per_line_in_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out = search(&p, &["Palmyre"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let last = TEXT.chars().count() - 8;
    assert_eq!(
        places(&out),
        vec!["d1:0-7".to_string(), format!("d1:{last}-{}", last + 7)]
    );
    let first = stdout(&out).lines().next().unwrap().to_string();
    assert!(
        first.ends_with(": Palmyre (تدمر) 🇸🇾 « C’est » l’État islamique qu"),
        "{first}"
    );
    // The quoted phrase after the flag emoji: code points, not bytes nor UTF-16 units.
    let out = search(&p, &["C’est"]);
    assert_eq!(places(&out), vec!["d1:20-25"]);
}

#[test]
fn case_and_accents_are_ignored_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    assert_eq!(places(&search(&p, &["palmyre"])), vec!["d2:9-16"]);
    let out = search(&p, &["palmyre", "--ignore-case"]);
    assert_eq!(places(&out).len(), 3);
    let out = search(&p, &["etat", "-i", "-a"]);
    assert_eq!(places(&out), vec!["d1:30-34", "d2:20-24"]);
    assert!(stdout(&out).contains("l’État islamique"));
    // Without the options, nothing: exit status 1, like grep, and no output.
    let out = search(&p, &["etat"]);
    assert_eq!(places(&out), vec!["d2:20-24"]);
    let out = search(&p, &["ÉTAT"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn regular_expressions_and_their_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out = search(&p, &[r"\p{Arabic}+", "--regex"]);
    assert_eq!(places(&out), vec!["d1:9-13"]);
    let out = search(&p, &[r"[Pp]alm\w+", "--regex"]);
    assert_eq!(places(&out).len(), 3);
    let out = search(&p, &["Palm(yre", "--regex"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("\"Palm(yre\"") && err.contains("character 5"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // A pattern that compiles too large is refused, not run.
    let out = search(&p, &[r"(\w{500}){500}", "--regex"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
}

#[test]
fn type_filter_searches_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out = search(&p, &["Palmyre", "--type", "place"]);
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>().len(), 1);
    assert!(
        stdout(&out).starts_with("d1:0-7 T1: Palmyre"),
        "{}",
        stdout(&out)
    );
    let out = search(&p, &["", "--type", "place"]);
    assert_eq!(places(&out), vec!["d1:0-7 T1"]);
    let out = search(&p, &["Palmyre", "--type", "person"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_is_an_array_of_hits_with_document_offsets_and_context() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let hits = json(&search(&p, &["Palmyre", "-i", "--json"]));
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0]["document"], "d1");
    assert_eq!(hits[0]["start"], 0);
    assert_eq!(hits[0]["end"], 7);
    assert_eq!(hits[2]["document"], "d2");
    assert_eq!(hits[2]["name"], "Deux");
    assert_eq!(hits[2]["context"], "Retour à palmyre.");
    assert_eq!(hits[2]["matched"], "palmyre");
    // The offsets slice the document's text, counted in code points.
    for hit in &hits[..2] {
        let (start, end) = (
            hit["start"].as_u64().unwrap() as usize,
            hit["end"].as_u64().unwrap() as usize,
        );
        let text: String = TEXT.chars().skip(start).take(end - start).collect();
        assert_eq!(text, "Palmyre");
    }
    let annotations = json(&search(&p, &["", "--type", "place", "--json"]));
    assert_eq!(annotations[0]["annotation"], "T1");
    let none = search(&p, &["Raqqa", "--json"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stdout(&none).trim(), "[]");
}
