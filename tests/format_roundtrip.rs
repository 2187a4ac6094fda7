//! Export then import gives the same annotations, on random texts and mentions: brat and
//! doccano, whose offsets are code points like ours.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::edit::{History, Stamp, ops};
use eventail::model::{Project, Span};
use proptest::prelude::*;

mod common;
use std::path::Path;

fn text() -> impl Strategy<Value = String> {
    common::multilingual_text(30)
}

/// A project of one document with mentions at the given (start, length, type) places,
/// kept where they hold no line break (brat cannot hold one inside a span).
fn project(text: &str, places: &[(usize, usize, usize)]) -> Project {
    let mut project = Project::new("p", eventail::io::default_schema());
    project
        .documents
        .push(eventail::model::Document::new("d", "d", text));
    let n = text.chars().count();
    let types = ["person", "place", "armed_group"];
    let mut history = History::default();
    for &(start, len, ty) in places {
        let start = start % n;
        let end = (start + len).min(n);
        let covered: String = text.chars().skip(start).take(end - start).collect();
        if end <= start || covered.contains(['\r', '\n']) {
            continue;
        }
        let built = ops::add_mention(
            &project,
            0,
            types[ty % 3],
            vec![Span::new(start, end)],
            &Stamp::default(),
        );
        if let Ok((edit, _)) = built {
            let _ = history.apply(&mut project, edit);
        }
    }
    project
}

/// The mentions as (type, ranges), in a canonical order.
fn mentions(project: &Project) -> Vec<(String, Vec<Span>)> {
    let mut all: Vec<_> = project.documents[0]
        .mentions
        .iter()
        .map(|m| (m.entity_type.clone(), m.ranges.clone()))
        .collect();
    all.sort();
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn brat_export_then_import_keeps_the_mentions(
        text in text(),
        places in prop::collection::vec((0usize..200, 1usize..12, 0usize..3), 0..12),
    ) {
        let project = project(&text, &places);
        let dir = tempfile::tempdir().expect("temp dir");
        eventail::formats::brat::write_brat(&project, dir.path()).expect("export");
        let back = eventail::formats::brat::read_brat(dir.path(), false).expect("import");
        prop_assert_eq!(&back.project.documents[0].text, &text);
        prop_assert_eq!(mentions(&back.project), mentions(&project));
    }

    #[test]
    fn doccano_export_then_import_keeps_the_mentions(
        text in text(),
        places in prop::collection::vec((0usize..200, 1usize..12, 0usize..3), 0..12),
    ) {
        let project = project(&text, &places);
        let (jsonl, _) = eventail::formats::doccano::doccano_from_project(&project, &mut |_, _| true)
            .expect("never cancelled");
        let empty = Project::new("e", eventail::io::default_schema());
        let import = eventail::formats::doccano::doccano_import_from_bytes(
            jsonl.as_bytes(), Path::new("x.jsonl"), &empty, Default::default(), &mut |_, _| true,
        ).expect("import");
        let (back, _) = import.into_project("back");
        prop_assert_eq!(&back.documents[0].text, &text);
        prop_assert_eq!(mentions(&back), mentions(&project));
    }
}
