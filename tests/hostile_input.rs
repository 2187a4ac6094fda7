//! Large and odd inputs: a clear error or a correct result, quickly, never a panic.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::formats::brat::read_brat;
use std::fmt::Write as _;

#[test]
fn a_ten_thousand_line_ann_imports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let word = "Palmyre ";
    let text = word.repeat(10_000);
    let mut ann = String::new();
    for i in 0..10_000 {
        let start = i * word.chars().count();
        let _ = writeln!(ann, "T{}\tLocation {} {}\tPalmyre", i + 1, start, start + 7);
    }
    std::fs::write(dir.path().join("a.txt"), &text).expect("txt");
    std::fs::write(dir.path().join("a.ann"), &ann).expect("ann");
    let import = read_brat(dir.path(), false).expect("imports");
    let doc = &import.project.documents[0];
    assert_eq!(doc.mentions.len(), 10_000);
    assert!(eventail::model::validate(&import.project).is_empty());
}

#[test]
fn odd_brat_lines_are_errors_with_their_line_not_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), "ﺧﺎﻟﺪ e\u{301} 👍🏽").expect("txt");
    let long = "x".repeat(200_000);
    let ann = format!(
        "T1\tPerson 0 99999999999999999999999\tx\nT2\tPerson 5 3\tx\n\u{0}\u{0}\nE1\tAttack:T9\nT3\t{long} 0 1\tx\n"
    );
    std::fs::write(dir.path().join("a.ann"), ann).expect("ann");
    let Err(err) = read_brat(dir.path(), false) else {
        panic!("broken lines must be reported");
    };
    let message = err.to_string();
    assert!(message.contains("a.ann:1"), "{message}");
    assert!(message.contains("a.ann:2"), "{message}");
    assert!(
        read_brat(dir.path(), true).is_ok(),
        "skipping keeps the rest"
    );
}

/// Found by fuzzing: an attribute declared with values and used without one made an
/// import that did not validate. Every input found by a fuzzer is kept here.
#[test]
fn fuzz_regressions_import_to_valid_documents() {
    const FOUND: &[&str] = &["brat_ann_attribute_without_value"];
    for name in FOUND {
        let data = std::fs::read(format!("tests/fixtures/fuzz/{name}")).expect("fixture");
        let input = String::from_utf8_lossy(&data);
        let (text, ann) = input.split_once('\0').unwrap_or(("", &input));
        let mut project = eventail::model::Project::new("f", Default::default());
        let mut doc = eventail::model::Document::new("d", "d", text);
        let mut warnings = Vec::new();
        let _ = eventail::formats::brat::read_ann(
            ann,
            std::path::Path::new("f.ann"),
            &mut doc,
            &mut project.schema,
            true,
            &mut warnings,
        );
        project.documents.push(doc);
        assert_eq!(eventail::model::validate(&project), Vec::new(), "{name}");
    }
}

/// Found by fuzzing the exports: what an export writes reads back without a broken
/// line. The input is the `exports` target's: a first byte choosing the loader (1: a
/// brat `.ann` after its text and a NUL), here ones where a type is both an entity type
/// and an event type, whose mentions were read back as triggers.
#[test]
fn fuzz_regressions_export_what_reads_back() {
    const FOUND: &[&str] = &[
        "exports_type_both_entity_and_event",
        "exports_type_both_entity_and_event_noted",
    ];
    for name in FOUND {
        let data = std::fs::read(format!("tests/fixtures/fuzz/{name}")).expect("fixture");
        assert_eq!(data[0], 1, "{name}: a brat input");
        let input = String::from_utf8_lossy(&data[1..]);
        let (text, ann) = input.split_once('\0').unwrap_or(("", &input));
        let mut project = eventail::model::Project::new("f", Default::default());
        let mut doc = eventail::model::Document::new("d", "d", text);
        let path = std::path::Path::new("f.ann");
        let mut warnings = Vec::new();
        let _ = eventail::formats::brat::read_ann(
            ann,
            path,
            &mut doc,
            &mut project.schema,
            true,
            &mut warnings,
        );
        project.documents.push(doc);
        let dir = tempfile::tempdir().expect("temp dir");
        eventail::formats::brat::write_brat(&project, dir.path()).expect("export");
        let back = match read_brat(dir.path(), false) {
            Ok(back) => back,
            Err(e) => panic!("{name}: {e}"),
        };
        let doc = &back.project.documents[0];
        assert_eq!(
            doc.mentions.len(),
            project.documents[0].mentions.len(),
            "{name}"
        );
    }
}
