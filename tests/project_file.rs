//! The RON project file: round trips, determinism, versions and validation errors.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::edit::{History, Stamp, ops};
use eventail::io::{LoadError, load_project, project_from_str, project_to_string, save_project};
use eventail::model::{Filler, Project, Span};
use std::path::Path;

fn sample() -> Project {
    load_project(Path::new("projects/palmyre.ron")).expect("the sample project loads")
}

#[test]
fn sample_project_keeps_the_corpus_texts_byte_for_byte() {
    let project = sample();
    assert_eq!(project.documents.len(), 5);
    for doc in &project.documents {
        let path = Path::new("tests/fixtures/palmyre").join(format!("{}.txt", doc.id));
        let original = std::fs::read_to_string(&path).expect("corpus text");
        assert_eq!(doc.text, original, "{}", doc.id);
    }
    let first = &project.documents[0];
    assert!(first.mentions.len() >= 20 && first.events.len() >= 5);
}

#[test]
fn saving_then_loading_gives_the_same_project_and_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = sample();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    save_project(&a, &project).expect("save");
    let loaded = load_project(&a).expect("load");
    assert_eq!(loaded, project);
    save_project(&b, &loaded).expect("save again");
    assert_eq!(std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    // The sample on disk is already in the canonical layout: saving it changes nothing.
    let on_disk = std::fs::read_to_string("projects/palmyre.ron").expect("sample");
    assert_eq!(project_to_string(&project).expect("serialize"), on_disk);
}

#[test]
fn saving_keeps_the_previous_version_as_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.ron");
    let mut project = sample();
    save_project(&path, &project).expect("first save");
    let first = std::fs::read(&path).expect("read");
    project.name = "Renamed".into();
    save_project(&path, &project).expect("second save");
    assert_eq!(
        std::fs::read(dir.path().join("p.ron.bak")).expect("backup"),
        first
    );
    assert_eq!(load_project(&path).expect("load").name, "Renamed");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        save_project(&path, &project).expect("third save");
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "saving keeps the file's permissions");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn accents_and_line_ends_survive_the_file() {
    let mut project = Project::new("t", eventail::io::default_schema());
    let text = "Khaled al-Asaad\u{a0}: « خالد الأسعد » 👍🏽 e\u{301}\r\nfin\n";
    project
        .documents
        .push(eventail::model::Document::new("d", "d", text));
    let (edit, _) = ops::add_mention(
        &project,
        0,
        "person",
        vec![Span::new(20, 31)],
        &Stamp::default(),
    )
    .expect("mention");
    History::default().apply(&mut project, edit).expect("apply");
    let ron = project_to_string(&project).expect("serialize");
    let back = project_from_str(&ron, Path::new("t.ron")).expect("parse");
    assert_eq!(back.documents[0].text, text);
    let m = &back.documents[0].mentions[0];
    assert_eq!(
        eventail::model::span::covered_text(text, &m.ranges),
        "خالد الأسعد"
    );
}

fn load_err(text: &str) -> LoadError {
    project_from_str(text, Path::new("/data/bad.ron")).expect_err("must fail")
}

#[test]
fn syntax_errors_name_the_file_and_the_line() {
    let err = load_err(
        "(\n  format_version: 1,\n  name: \"x\",\n  schema: (),\n  documents: [(id: 3)],\n)",
    );
    let message = err.to_string();
    assert!(
        matches!(err, LoadError::Syntax { line: 5, .. }),
        "{message}"
    );
    assert!(message.ends_with("/data/bad.ron"), "{message}");
}

#[test]
fn newer_versions_are_refused_with_the_version_needed() {
    let err = load_err("(format_version: 99, name: \"x\", schema: (), future_field: 1)");
    let message = err.to_string();
    assert!(matches!(err, LoadError::TooNew { found: 99, .. }));
    assert!(message.contains("version 99"), "{message}");
}

#[test]
fn broken_references_and_ranges_are_listed_with_document_and_annotation() {
    let mut project = sample();
    let doc = &mut project.documents[1];
    let len = doc.char_len();
    doc.mentions[0].ranges = vec![Span::new(len - 2, len + 5)];
    let event = doc.events[0].id;
    doc.events[0].arguments.push(eventail::model::RoleArg {
        role: "agent".into(),
        filler: Filler::Mention(eventail::model::MentionId(9999)),
    });
    let ron = project_to_string(&project).expect("serialize");
    let err = load_err(&ron);
    let LoadError::Invalid { problems, .. } = &err else {
        panic!("expected validation problems, got {err}");
    };
    let text = err.to_string();
    assert!(problems.len() >= 2, "{text}");
    assert!(text.contains("001_4cb14d4706432b3e"), "{text}");
    assert!(text.contains("ends past the text"), "{text}");
    assert!(
        text.contains(&format!("{event}")) && text.contains("T9999"),
        "{text}"
    );
}

#[test]
fn unreadable_files_are_reported_not_panicked_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.ron");
    assert!(matches!(
        load_project(&missing),
        Err(LoadError::Read { .. })
    ));
    let latin1 = dir.path().join("latin1.ron");
    std::fs::write(&latin1, b"(format_version: 1,\n name: \"caf\xe9\")").expect("write");
    let err = load_project(&latin1).expect_err("not UTF-8");
    assert!(matches!(err, LoadError::NotUtf8 { line: 2, .. }), "{err}");
    for junk in ["", "\0\0\0", "[1, 2, 3]", "(format_version: -1)"] {
        assert!(
            project_from_str(junk, Path::new("junk.ron")).is_err(),
            "{junk:?}"
        );
    }
}

/// Every released format version still loads (migrated to the current one); add a
/// fixture here with each new version.
#[test]
fn every_released_version_loads() {
    const RELEASED: &[(u32, &str)] = &[
        (1, "tests/fixtures/versions/v1.ron"),
        (2, "tests/fixtures/versions/v2.ron"),
    ];
    for &(version, file) in RELEASED {
        let project = load_project(Path::new(file)).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(project.format_version, eventail::model::FORMAT_VERSION);
        assert_eq!(project.documents.len(), 5, "v{version}");
        // Incidents came with version 2: a file of version 1 has none.
        assert_eq!(project.incidents.is_empty(), version < 2, "v{version}");
    }
}

/// A document whose id counter is at the largest id has no id left to hand out: the
/// file is refused with the document named, and `repair` mends it (bug 4).
#[test]
fn an_exhausted_next_id_is_refused_on_load_and_repaired() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("exhausted.ron");
    let sample_text = std::fs::read_to_string("projects/palmyre.ron").expect("sample");
    let text = sample_text.replacen("next_id: 21,", "next_id: 4294967295,", 1);
    assert_ne!(text, sample_text, "the second document's counter");
    std::fs::write(&path, &text).expect("write");

    let err = load_project(&path).expect_err("no id left");
    let message = err.to_string();
    assert!(matches!(err, LoadError::Invalid { .. }), "{message}");
    assert!(
        message.contains("document \"001_4cb14d4706432b3e\": next_id is 4294967295"),
        "{message}"
    );
    assert!(
        message.ends_with(&format!("{}", path.display())),
        "{message}"
    );

    let mut project = eventail::io::load_project_unchecked(&path).expect("parses");
    let report = eventail::model::repair::repair(&mut project);
    assert_eq!(
        eventail::model::validate(&project),
        Vec::new(),
        "{report:?}"
    );
    assert_eq!(report.len(), 1, "{report:?}");
    let doc = &project.documents[1];
    let largest = doc.mentions.iter().map(|m| m.id.0);
    let largest = largest
        .chain(doc.events.iter().map(|e| e.id.0))
        .chain(doc.relations.iter().map(|r| r.id.0))
        .max()
        .expect("annotations");
    assert_eq!(doc.next_id, largest + 1);
    // Nothing else changed.
    let mut expected = sample();
    expected.documents[1].next_id = doc.next_id;
    assert_eq!(project, expected);
    // And the document takes new annotations again.
    let (edit, _) = ops::add_mention(
        &project,
        1,
        "place",
        vec![Span::new(0, 3)],
        &Stamp::default(),
    )
    .expect("an id is left");
    History::default().apply(&mut project, edit).expect("apply");
}
