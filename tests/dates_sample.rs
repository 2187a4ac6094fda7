//! Date suggestions on the seed articles' own date expressions: every date mention of
//! the sample project, read relative to its article's date, gives the date expected
//! (and the annotator's normalised date where there is one).

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::io::load_project;
use eventail::model::AttrValue;
use eventail::model::dates::{DATE_ATTRIBUTE, document_date, suggest_date};
use std::path::Path;

#[test]
fn every_date_mention_of_the_sample_gets_the_date_expected() {
    // (document prefix, mention, its text, the suggestion expected).
    let expected: &[(&str, u32, &str, Option<&str>)] = &[
        ("000", 7, "jeudi 24 mars 2016", Some("2016-03-24")),
        ("000", 8, "début du mois", Some("2016-03")),
        ("000", 23, "veille", Some("2016-03-23")),
        ("000", 27, "4 mars", Some("2016-03-04")),
        ("000", 38, "mai 2015", Some("2015-05")),
        ("000", 65, "2014", Some("2014")),
        ("000", 70, "juin 2014", Some("2014-06")),
        ("000", 79, "août", Some("2016-08")),
        ("001", 19, "mai 2015", Some("2015-05")),
        // 002 and 003 carry no date: what is relative to it is not suggested.
        ("002", 16, "en mars dernier", None),
        ("003", 5, "novembre", None),
        ("004", 4, "hier mardi", Some("2016-03-29")),
        ("004", 9, "mardi matin", Some("2016-03-29")),
    ];
    let project = load_project(Path::new("projects/palmyre.ron")).unwrap();
    let mut seen = Vec::new();
    for doc in &project.documents {
        let date = document_date(doc);
        for m in doc.mentions.iter().filter(|m| m.entity_type == "date") {
            let text = doc.covered_text(&m.ranges);
            let suggested = suggest_date(&text, date).map(|d| d.to_string());
            let key = (&doc.id[..3], m.id.0);
            let Some(&(_, _, words, want)) = expected.iter().find(|(d, id, _, _)| (*d, *id) == key)
            else {
                panic!("{key:?} {text:?} is not in the table: suggested {suggested:?}");
            };
            assert_eq!(text, words, "{key:?}");
            assert_eq!(suggested.as_deref(), want, "{key:?} {text:?}");
            if let (Some(AttrValue::Value(normalised)), Some(s)) =
                (m.attributes.get(DATE_ATTRIBUTE), &suggested)
            {
                assert_eq!(normalised, s, "{key:?} {text:?}: the annotator's date");
            }
            seen.push(key);
        }
    }
    assert_eq!(
        seen.len(),
        expected.len(),
        "every expression of the table is in the sample"
    );
}
