//! `eventail agree` through the built binary, on two versions of a real brat collection
//! (the news tutorial): the second derived from the first by a few edits whose effect
//! on every figure is known.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{derived, eventail, imported_from};
use eventail::edit::{Stamp, ops};
use eventail::io::load_project;
use eventail::model::{Filler, Project};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The news tutorial imported as a project in `dir`.
fn imported(dir: &Path) -> PathBuf {
    imported_from(dir, "tests/fixtures/brat/news-tutorial", "a")
}

/// Deletes the first mention of the first document, and what uses it.
fn delete_first_mention(p: &mut Project) {
    let first = Filler::Mention(p.documents[0].mentions[0].id);
    let edit = ops::delete(p, 0, first, &Stamp::default()).expect("delete");
    edit.apply(p).expect("applies");
}

fn json_of(args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = eventail(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn identical_versions_agree_fully() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = imported(dir.path());
    let json = json_of(&[
        "agree".as_ref(),
        a.as_os_str(),
        a.as_os_str(),
        "--json".as_ref(),
    ]);
    for path in [
        "/mentions/exact/f1",
        "/mentions/overlap/f1",
        "/mentions/kappa",
        "/mentions/alpha",
        "/mentions/fleiss_kappa",
        "/events/trigger/f1",
        "/events/arguments/f1",
        "/relations/f1",
    ] {
        let value = json.pointer(path).and_then(|v| v.as_f64());
        assert_eq!(value, Some(1.0), "{path} in {json}");
    }
}

#[test]
fn a_dropped_and_a_retyped_mention_lower_exact_agreement_by_what_is_known() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = imported(dir.path());
    let project = load_project(&a).expect("load");
    let mentions: usize = project.documents.iter().map(|d| d.mentions.len()).sum();
    // B deletes one mention (with what uses it) and gives another a new type, both
    // through the edits the app makes.
    let b = derived(dir.path(), &a, "b.ron", |p| {
        let doc = p
            .documents
            .iter()
            .position(|d| d.mentions.len() >= 2)
            .expect("a document with two mentions");
        let first = p.documents[doc].mentions[0].clone();
        let second = p.documents[doc].mentions[1].id;
        let stamp = Stamp::default();
        let other_type = p
            .schema
            .entity_types
            .iter()
            .find(|t| t.name != first.entity_type)
            .expect("another entity type")
            .name
            .clone();
        let retype = ops::set_mention_type(p, doc, first.id, &other_type, &stamp).expect("retype");
        retype.apply(p).expect("applies");
        let delete = ops::delete(p, doc, Filler::Mention(second), &stamp).expect("delete");
        delete.apply(p).expect("applies");
    });
    let json = json_of(&[
        "agree".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ]);
    let exact = |key: &str| {
        json.pointer(&format!("/mentions/exact/{key}"))
            .and_then(|v| v.as_f64())
            .expect(key)
    };
    let matches = (mentions - 2) as f64;
    assert!(
        (exact("recall") - matches / mentions as f64).abs() < 1e-12,
        "{json}"
    );
    assert!(
        (exact("precision") - matches / (mentions - 1) as f64).abs() < 1e-12,
        "{json}"
    );
    assert!(
        json.pointer("/mentions/kappa")
            .and_then(|v| v.as_f64())
            .expect("kappa")
            < 1.0
    );
}

#[test]
fn three_projects_give_every_pair_and_the_group() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = imported(dir.path());
    let b = derived(dir.path(), &a, "b.ron", delete_first_mention);
    let json = json_of(&[
        "agree".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        a.as_os_str(),
        "--json".as_ref(),
    ]);
    let pairs = json["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), 3);
    assert_eq!(
        pairs[1]["mentions"]["exact"]["f1"].as_f64(),
        Some(1.0),
        "A with A"
    );
    assert!(
        json.pointer("/mentions/alpha")
            .and_then(|v| v.as_f64())
            .is_some()
    );
    assert!(
        json.pointer("/mentions/fleiss_kappa")
            .and_then(|v| v.as_f64())
            .is_some()
    );
}

#[test]
fn csv_tables_list_documents_types_and_every_disagreement() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = imported(dir.path());
    let b = derived(dir.path(), &a, "b.ron", delete_first_mention);
    let out_dir = dir.path().join("agreement");
    let out = eventail(&[
        "agree".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--csv".as_ref(),
        out_dir.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("mentions (exact)"), "{text}");
    for name in ["documents.csv", "types.csv", "disagreements.csv"] {
        let csv = std::fs::read_to_string(out_dir.join(name)).expect(name);
        assert!(csv.starts_with('\u{feff}'), "{name} has a BOM for Excel");
        assert!(csv.lines().count() > 1, "{name} has rows");
    }
    let disagreements = std::fs::read_to_string(out_dir.join("disagreements.csv")).expect("read");
    assert!(
        disagreements.lines().any(|l| l.contains(",mention,")),
        "{disagreements}"
    );
}

#[test]
fn documents_with_other_texts_are_listed_not_compared() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = imported(dir.path());
    let b = derived(dir.path(), &a, "b.ron", |p| {
        p.documents[0].text.push('!');
    });
    let out = eventail(&["agree".as_ref(), a.as_os_str(), b.as_os_str()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("different texts: not compared"), "{err}");
}

#[test]
fn a_missing_project_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = imported(dir.path());
    let missing = dir.path().join("nope.ron");
    let out = eventail(&["agree".as_ref(), a.as_os_str(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nope.ron") && !err.contains("panicked"),
        "{err}"
    );
}

/// `bratiaa` (exact instance match) on tests/fixtures/iaa gives a total F1 of 8/13 and,
/// per label, Organization 0.8, Person 2/3, Place 0.4: `agree` must say the same.
#[test]
fn exact_mention_f1_is_the_one_bratiaa_computes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let import = |annotator: &str| {
        imported_from(
            dir.path(),
            &format!("tests/fixtures/iaa/{annotator}"),
            annotator,
        )
    };
    let (a, b) = (import("ann1"), import("ann2"));
    let json = json_of(&[
        "agree".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ]);
    let f1 = json
        .pointer("/mentions/exact/f1")
        .and_then(|v| v.as_f64())
        .expect("f1");
    assert!((f1 - 8.0 / 13.0).abs() < 1e-12, "{json}");
    let csv_dir = dir.path().join("csv");
    let out = eventail(&[
        "agree".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--csv".as_ref(),
        csv_dir.as_os_str(),
    ]);
    assert!(out.status.success());
    let types = std::fs::read_to_string(csv_dir.join("types.csv")).expect("types.csv");
    for (label, f1) in [
        ("Organization", "0.8000"),
        ("Person", "0.6667"),
        ("Place", "0.4000"),
    ] {
        let row = types
            .lines()
            .find(|l| l.contains(&format!(",entity_type,{label},")))
            .unwrap_or_else(|| panic!("{label} in {types}"));
        assert!(row.ends_with(f1), "{row}");
    }
}

/// A reader that stops reading (`eventail agree ... | head`) is no reason to panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = imported(dir.path());
    for args in [vec!["agree", "--json"], vec!["stats"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_eventail"))
            .args(&args)
            .arg(&a)
            .args(if args[0] == "agree" {
                vec![a.as_os_str()]
            } else {
                vec![]
            })
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(out.status.success(), "{args:?}: {err}");
    }
}

/// How two annotators grouped the sample's reports into incidents: B merged the
/// coalition's strikes (I4, two reports) into the recapture (I1, ten reports).
#[test]
fn incidents_are_scored_as_coreference_of_reports() {
    let dir = tempfile::tempdir().unwrap();
    let a = Path::new("projects/palmyre.ron");
    let b = derived(dir.path(), a, "b.ron", |p| {
        let edit = eventail::edit::incident_ops::merge_incidents(
            p,
            eventail::model::IncidentId(1),
            eventail::model::IncidentId(4),
            &Stamp::default(),
        )
        .expect("merge");
        edit.apply(p).expect("applies");
    });
    let json = json_of(&[
        "agree".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ]);
    let incidents = &json["incidents"];
    // MUC: B keeps every link of A (recall 1); of B's 12 links (11 in its merged incident
    // of 12 reports, 1 in I3), the merged one is 2 parts of A: 10 + 1 are A's.
    assert_eq!(incidents["muc"]["recall"], 1.0);
    let precision = incidents["muc"]["precision"].as_f64().unwrap();
    assert!((precision - 11.0 / 12.0).abs() < 1e-12, "{incidents}");
    for metric in ["muc", "b3", "ceafe"] {
        for figure in ["precision", "recall", "f1"] {
            assert!(incidents[metric][figure].is_number(), "{metric} {figure}");
        }
    }
    let conll = incidents["conll"].as_f64().unwrap();
    assert!(conll > 0.5 && conll < 1.0, "{incidents}");
    let text = eventail(&["agree".as_ref(), a.as_os_str(), b.as_os_str()]);
    let said = String::from_utf8(text.stdout).unwrap();
    assert!(
        said.contains("incidents (reports grouped, f1): MUC "),
        "{said}"
    );
}
