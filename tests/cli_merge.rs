//! `eventail merge` through the built binary, on versions of a real brat collection (the
//! news tutorial) derived by edits whose effect is known: A as imported; B without
//! "Larry Page" and with "California" retyped as an Organization (document 040); C with
//! an argument added (CNN as a further Org-Arg of the merger of document 100). Then an
//! adjudication through the library, and the merge run again over it.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{derived, eventail, failure, imported_from, stderr};
use eventail::edit::{History, Stamp, ops};
use eventail::io::{load_project, save_project};
use eventail::model::span::slice;
use eventail::model::{Document, Filler, Project, Span, Unit, Verdict};
use eventail::review::merge::{self as adjudication, Source};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The three versions, in `dir`: a.ron, b.ron, c.ron.
fn versions(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let a = imported_from(dir, "tests/fixtures/brat/news-tutorial", "a");
    let stamp = Stamp::default();
    let b = derived(dir, &a, "b.ron", |p| {
        let doc = position(p, "040");
        let larry = mention_at(&p.documents[doc], 206);
        let edit = ops::delete(p, doc, larry, &stamp).unwrap();
        edit.apply(p).unwrap();
        let california = mention_at(&p.documents[doc], 236);
        let Filler::Mention(id) = california else {
            panic!("a mention")
        };
        let edit = ops::set_mention_type(p, doc, id, "Organization", &stamp).unwrap();
        edit.apply(p).unwrap();
    });
    let c = derived(dir, &a, "c.ron", |p| {
        let doc = position(p, "100");
        let d = &p.documents[doc];
        let merger = d
            .events
            .iter()
            .find(|e| e.trigger == [Span::new(557, 563)])
            .unwrap()
            .id;
        let cnn = mention_at(d, 597);
        let edit = ops::add_argument(p, doc, merger, "Org-Arg", cnn, &stamp).unwrap();
        edit.apply(p).unwrap();
    });
    (a, b, c)
}

/// The position of the document whose id starts with `prefix`.
fn position(p: &Project, prefix: &str) -> usize {
    p.documents
        .iter()
        .position(|d| d.id.starts_with(prefix))
        .unwrap()
}

/// The mention that starts at `start`.
fn mention_at(d: &Document, start: usize) -> Filler {
    let m = d.mentions.iter().find(|m| m.ranges[0].start == start);
    Filler::Mention(m.unwrap().id)
}

/// `eventail merge INPUTS -o GOLD [extra...]`.
fn merge(inputs: &[&Path], gold: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&OsStr> = vec!["merge".as_ref()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.extend(["-o".as_ref(), gold.as_os_str()]);
    args.extend(extra.iter().map(OsStr::new));
    eventail(&args)
}

/// `eventail merge INPUTS -o GOLD [extra...] --json`, which must succeed; its JSON.
fn merge_json(inputs: &[&Path], gold: &Path, extra: &[&str]) -> serde_json::Value {
    let extra: Vec<&str> = extra.iter().copied().chain(["--json"]).collect();
    let out = merge(inputs, gold, &extra);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The report's entry for the document whose name starts with `prefix` in `gold`.
fn entry<'j>(json: &'j serde_json::Value, gold: &Project, prefix: &str) -> &'j serde_json::Value {
    let name = &gold.documents[position(gold, prefix)].name;
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name.as_str())
        .unwrap()
}

fn counts(entry: &serde_json::Value) -> (u64, u64, u64) {
    let n = |key: &str| entry[key].as_u64().unwrap();
    (n("agreed"), n("open_items"), n("open_units"))
}

fn total_mentions(p: &Project) -> usize {
    p.documents.iter().map(|d| d.mentions.len()).sum()
}

#[test]
fn two_versions_give_what_both_have_and_report_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, _) = versions(dir.path());
    let gold_path = dir.path().join("gold.ron");
    let json = merge_json(&[&a, &b], &gold_path, &[]);
    let gold = load_project(&gold_path).expect("the gold project loads: it is valid");
    let source = load_project(&a).unwrap();
    assert_eq!(json["strategy"], "majority");
    assert_eq!(json["threshold"], 2);
    assert_eq!(json["sources"], serde_json::json!(["a", "b"]));
    assert_eq!(json["created"], true);
    assert_eq!(gold.name, "gold");
    assert_eq!(gold.annotators, ["a", "b"]);
    assert_eq!(gold.schema, source.schema);
    assert_eq!(gold.documents.len(), source.documents.len());
    // Everything but Larry Page and California, each from both.
    assert_eq!(total_mentions(&gold), total_mentions(&source) - 2);
    let d = &gold.documents[position(&gold, "040")];
    let kept: Vec<&str> = d
        .mentions
        .iter()
        .map(|m| slice(&d.text, m.ranges[0]).unwrap())
        .collect();
    assert_eq!(kept, ["Google", "Sergey Brin"]);
    assert!(gold.documents.iter().all(|d| {
        d.mentions.iter().all(|m| m.sources == ["a", "b"])
            && d.events.iter().all(|e| e.sources == ["a", "b"])
            && d.relations.iter().all(|r| r.sources == ["a", "b"])
    }));
    // 040: two agreed; Larry Page alone, California as a GPE or an Organization.
    assert_eq!(counts(entry(&json, &gold, "040")), (2, 2, 3));
    assert_eq!(json["open_items"], 2);
    assert_eq!(json["open_units"], 3);
    let units: usize = gold.documents.iter().map(|d| d.decisions.len()).sum();
    assert_eq!(json["agreed"].as_u64(), Some(units as u64));
    assert!(json["not_merged"].as_array().unwrap().is_empty());
    // The notes come along: 110's first place has one.
    let notes = &gold.documents[position(&gold, "110")];
    assert_eq!(
        notes.mentions[0].note,
        "Should fictional places be annotated?"
    );

    // The same, in words.
    let gold_2 = dir.path().join("gold-2.ron");
    let out = merge(&[&a, &b], &gold_2, &[]);
    let text = common::stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.starts_with("created ")
            && text.contains("(strategy majority: 2 of 2 annotators: a, b)"),
        "{text}"
    );
    assert!(
        text.contains("2 items open (3 versions), 0 not merged"),
        "{text}"
    );
}

#[test]
fn three_versions_take_the_majority_and_leave_the_added_argument_open() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = versions(dir.path());
    let gold_path = dir.path().join("gold.ron");
    let json = merge_json(&[&a, &b, &c], &gold_path, &[]);
    let gold = load_project(&gold_path).unwrap();
    let source = load_project(&a).unwrap();
    assert_eq!(json["threshold"], 2);
    // A and C outvote B; C's argument is its own.
    assert_eq!(total_mentions(&gold), total_mentions(&source));
    for (g, s) in gold.documents.iter().zip(&source.documents) {
        let args = |d: &Document| d.events.iter().map(|e| e.arguments.len()).sum::<usize>();
        assert_eq!(args(g), args(s), "{}", g.id);
        assert_eq!(g.relations.len(), s.relations.len());
    }
    assert_eq!(counts(entry(&json, &gold, "040")).1, 1, "B's Organization");
    assert_eq!(counts(entry(&json, &gold, "100")).1, 1, "C's argument");
    assert_eq!(json["open_items"], 2);
    // Sources say who had what: Larry Page was A's and C's.
    let d = &gold.documents[position(&gold, "040")];
    let larry = d
        .mentions
        .iter()
        .find(|m| m.ranges[0].start == 206)
        .unwrap();
    assert_eq!(larry.sources, ["a", "c"]);

    // Everyone must agree: B's deletion and retyping, and C's addition, are all open.
    let strict = dir.path().join("strict.ron");
    let json = merge_json(&[&a, &b, &c], &strict, &["--strategy", "all"]);
    let strict = load_project(&strict).unwrap();
    assert_eq!(json["threshold"], 3);
    assert_eq!(total_mentions(&strict), total_mentions(&source) - 2);
    assert_eq!(json["open_items"], 3);
    let open: Vec<String> = adjudication::open_items(&strict, &named(&[a, b, c].map(load)))
        .iter()
        .flat_map(|i| i.versions.iter().map(|v| v.label.clone()))
        .collect();
    assert_eq!(
        open,
        [
            "Person «Larry Page» 206-216",
            "GPE «California» 236-246",
            "Organization «California» 236-246",
            "Org-Arg of Merge-org «merger» 557-563: Organization «CNN» 597-600",
        ]
    );
}

fn load(path: PathBuf) -> Project {
    load_project(&path).unwrap()
}

/// Sources named after the files, as the command line names them.
fn named(projects: &[Project]) -> Vec<Source<'_>> {
    Source::named(
        projects
            .iter()
            .zip(["a", "b", "c"])
            .map(|(p, n)| (p, n.to_string())),
    )
}

#[test]
fn a_merge_again_leaves_adjudicated_work_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = versions(dir.path());
    let gold_path = dir.path().join("gold.ron");
    merge_json(&[&a, &b], &gold_path, &[]);

    // The adjudicator, through the library: rejects Larry Page, takes B's Organization
    // for California, and deletes the agreed "Google" of 040.
    let mut gold = load_project(&gold_path).unwrap();
    let projects = [a.clone(), b.clone()].map(load);
    let sources = named(&projects);
    let judge = Stamp::now("judge");
    let mut history = History::default();
    let items = adjudication::open_items(&gold, &sources);
    assert_eq!(items.len(), 2);
    let edit = adjudication::reject(&gold, &items[0], &judge).unwrap();
    history.apply(&mut gold, edit).unwrap();
    let organization = items[1]
        .versions
        .iter()
        .position(|v| v.label.starts_with("Organization"))
        .unwrap();
    let (edit, _) = adjudication::accept(&gold, &sources, &items[1], organization, &judge).unwrap();
    history.apply(&mut gold, edit).unwrap();
    let doc = position(&gold, "040");
    let Filler::Mention(google) = mention_at(&gold.documents[doc], 184) else {
        panic!("a mention")
    };
    let edit = ops::delete_mention(&gold, doc, google, &judge).unwrap();
    history.apply(&mut gold, edit).unwrap();
    assert!(adjudication::progress(&gold, &sources).project.is_done());
    save_project(&gold_path, &gold).unwrap();
    let adjudicated = load_project(&gold_path).unwrap();

    // The same merge again changes nothing.
    let json = merge_json(&[&a, &b], &gold_path, &[]);
    assert_eq!(json["created"], false);
    assert_eq!(json["agreed"], 0);
    assert_eq!(json["open_items"], 0);
    assert_eq!(load_project(&gold_path).unwrap(), adjudicated);

    // With C, A and C now outvote B on Larry Page and California: both were decided, so
    // nothing moves; only C's argument is new, and open.
    let json = merge_json(&[&a, &b, &c], &gold_path, &[]);
    assert_eq!(json["agreed"], 0);
    assert_eq!(json["open_items"], 1);
    let gold = load_project(&gold_path).unwrap();
    assert_eq!(gold.annotators, ["a", "b", "c"]);
    assert_eq!(gold.documents, adjudicated.documents);
    let d = &gold.documents[doc];
    let texts: Vec<(&str, &str)> = d
        .mentions
        .iter()
        .map(|m| (m.entity_type.as_str(), slice(&d.text, m.ranges[0]).unwrap()))
        .collect();
    assert_eq!(
        texts,
        [("Person", "Sergey Brin"), ("Organization", "California")]
    );
    let verdict = |entity_type: &str, start: usize, end: usize| {
        d.decision(&Unit::Mention {
            entity_type: entity_type.into(),
            ranges: vec![Span::new(start, end)],
        })
        .map(|x| x.verdict)
    };
    assert_eq!(verdict("Person", 206, 216), Some(Verdict::Rejected));
    assert_eq!(verdict("GPE", 236, 246), Some(Verdict::Rejected));
    assert_eq!(verdict("Organization", 236, 246), Some(Verdict::Accepted));
    assert_eq!(
        verdict("Organization", 184, 190),
        Some(Verdict::Agreed),
        "deleted"
    );
}

#[test]
fn the_gold_project_is_never_an_input_and_the_strategy_must_be_possible() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, _) = versions(dir.path());
    let before = std::fs::read(&a).unwrap();
    let out = merge(&[&a, &b], &dir.path().join(".").join("a.ron"), &[]);
    let err = failure(&out);
    assert!(err.contains("would overwrite the input"), "{err}");
    assert_eq!(std::fs::read(&a).unwrap(), before);

    let gold = dir.path().join("gold.ron");
    let out = merge(&[&a, &b], &gold, &["--strategy", "at-least-3"]);
    let err = failure(&out);
    assert!(
        err.contains("at-least-3 needs 3 annotators to agree, and there are 2"),
        "{err}"
    );
    assert!(!gold.exists());

    let out = merge(&[&a, &b], &gold, &["--strategy", "most"]);
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(stderr(&out).contains("expected all, majority or at-least-N"));

    // A gold file that does not load is not replaced.
    std::fs::write(&gold, "not a project").unwrap();
    let out = merge(&[&a, &b], &gold, &[]);
    let err = failure(&out);
    assert!(err.contains("does not load (nothing written)"), "{err}");
    assert_eq!(std::fs::read_to_string(&gold).unwrap(), "not a project");
}
