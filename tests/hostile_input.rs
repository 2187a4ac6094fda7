//! Large and odd inputs: a clear error or a correct result, quickly, never a panic.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod hostile_inputs;

use eventail::formats::brat::read_brat;
use eventail::formats::{Format, ImportOptions, import_project};
use eventail::model::{repair::repair, validate};
use eventail::review::three_way_merge;
use hostile_inputs::*;
use std::collections::BTreeSet;
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

#[test]
fn a_forty_thousand_deep_chain_of_nested_events_validates_and_imports_from_brat_whole() {
    assert_eq!(validate(&chain_project(40_000)), Vec::new());
    let (conf, ann) = brat_chain(40_000);
    let dir = brat_collection(&conf, &ann);
    let import = read_brat(dir.path(), false).expect("imports");
    let doc = &import.project.documents[0];
    assert_eq!(doc.events.len(), 40_000);
    let nested = doc.events.iter().filter(|e| e.arguments.len() == 1).count();
    assert_eq!(nested, 39_999);
    assert!(validate(&import.project).is_empty());
}

#[test]
fn four_thousand_doccano_lines_with_one_id_get_one_id_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("same.jsonl");
    std::fs::write(&path, same_id_jsonl(4_000)).expect("jsonl");
    let options = ImportOptions::default();
    let import =
        import_project(Format::Doccano, &[path], None, options, &mut |_, _| true).expect("imports");
    let ids: Vec<&str> = import
        .documents
        .iter()
        .map(|d| d.document.id.as_str())
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 4_000);
    assert_eq!(ids[..3], ["d", "d-2", "d-3"]);
    assert_eq!(ids[3_999], "d-4000");
}

#[test]
fn twenty_thousand_documents_with_one_id_are_repaired_to_one_id_each() {
    let mut project = same_id_project(20_000);
    let report = repair(&mut project);
    assert_eq!(report.len(), 19_999);
    let ids: BTreeSet<&str> = project.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 20_000);
    assert_eq!(project.documents[19_999].id, "d-20000");
}

#[test]
fn a_merge_where_forty_thousand_ids_collide_renumbers_them_near_linearly() {
    let (base, ours, theirs) = colliding_merge();
    let merge = three_way_merge(&base, &ours, &theirs, "ours", "theirs").unwrap();
    assert!(merge.is_clean());
    // Theirs' T1...T40000 collide with ours' E1...E40000; its ids above are free.
    assert_eq!(merge.notes.len(), 40_000, "each renumbered, said once");
    let doc = &merge.project.documents[0];
    assert_eq!(doc.annotation_count(), 140_000);
    assert_eq!(doc.next_id, 140_001);
    assert_eq!(merge.project.schema.entity_types.len(), 50_000 + 10);
    assert_eq!(validate(&merge.project), Vec::new());
}

#[test]
fn fifty_thousand_entity_and_event_types_are_looked_up_by_name() {
    let mut project = many_types_project(50_000);
    assert_eq!(validate(&project), Vec::new());
    // The last of each kind misspelled, and a role of another type.
    let doc = &mut project.documents[0];
    doc.mentions[49_999].entity_type = "ent49999x".into();
    doc.events[49_999].event_type = "evt0".into();
    let problems: Vec<String> = validate(&project).iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "document \"d\", T50000: entity type \"ent49999x\" is not in the schema",
            "document \"d\", E100000: role \"role49999\" is not a role of \"evt0\"",
        ]
    );
    let dir = brat_collection(&many_types_conf(50_000), "");
    let schema = read_brat(dir.path(), false)
        .expect("imports")
        .project
        .schema;
    assert_eq!(schema.entity_types.len(), 50_000);
    assert_eq!(schema.event_types.len(), 50_000);
    assert_eq!(schema.event_types[49_999].roles[0].fillers, ["ent49999"]);
}

#[test]
fn a_configuration_that_would_expand_past_ten_times_its_size_is_ignored_not_fatal() {
    let dir = brat_collection(&event_macro_conf(), "T1\tPerson 0 7\tPalmyre\n");
    let import = read_brat(dir.path(), false).expect("imports");
    let warnings: Vec<String> = import.warnings.iter().map(|w| w.to_string()).collect();
    let conf = dir.path().join("annotation.conf");
    let at_line = format!("{}:", conf.display());
    assert!(
        warnings[0].starts_with(&at_line)
            && warnings[0].contains(": by this line, the macros")
            && warnings[0].ends_with("the types of the .ann files are added as they come"),
        "{warnings:?}"
    );
    assert!(import.project.schema.event_types.is_empty());
    let added = import.project.schema.entity_type("Person").is_some();
    assert!(added, "the .ann files bring their types");
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
