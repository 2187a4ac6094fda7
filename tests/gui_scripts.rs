//! Every script in the window, driven like a person would: a paragraph that reads right
//! to left is flush right, and a click lands on the Arabic word under the pointer there
//! and after an Arabic name in a French sentence.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gui_common;

use egui::Pos2;
use eventail::io::{default_schema, save_project};
use eventail::model::{Document, Filler, Mention, MentionId, Project, Span};
use gui_common::*;

/// A French sentence with an Arabic name in it.
const FRENCH: &str = "Palmyre (تدمر) 🇸🇾 « C’est » Homs";
/// A short paragraph in Arabic: "the ancient city of Palmyra".
const ARABIC: &str = "تدمر المدينة الأثرية";

/// Character range of `word` in `text`, which starts at character `offset` of the
/// document.
fn span_of(text: &str, offset: usize, word: &str) -> Span {
    let start = offset
        + text[..text.find(word).expect("in the text")]
            .chars()
            .count();
    Span::new(start, start + word.chars().count())
}

/// A project whose one document holds both paragraphs, with a mention on تدمر in the
/// Arabic one (id 1) and on Homs in the French one (id 2).
fn project(dir: &std::path::Path) -> std::path::PathBuf {
    let text = format!("{FRENCH}\n\n{ARABIC}\n");
    let arabic_start = FRENCH.chars().count() + 2;
    let mut doc = Document::new("d1", "Palmyre", text);
    for (id, span) in [
        (1, span_of(ARABIC, arabic_start, "تدمر")),
        (2, span_of(FRENCH, 0, "Homs")),
    ] {
        doc.mentions.push(Mention {
            id: MentionId(id),
            entity_type: "place".into(),
            ranges: vec![span],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
    }
    doc.next_id = 3;
    let mut project = Project::new("Scripts", default_schema());
    project.documents.push(doc);
    let path = dir.join("scripts.ron");
    save_project(&path, &project).expect("write the test project");
    path
}

#[test]
fn a_right_to_left_paragraph_is_flush_right_and_clicks_land_on_its_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = open(project(dir.path()));
    let french = paragraph(&harness, FRENCH);
    let arabic = paragraph(&harness, ARABIC);
    // The French paragraph starts at the left margin; the short Arabic one ends at the
    // right margin, far from it.
    assert!(
        arabic.min.x > french.min.x + 100.0,
        "{arabic:?} vs {french:?}"
    );
    assert!(
        arabic.max.x > french.max.x + 100.0,
        "{arabic:?} vs {french:?}"
    );
    let mut click = |x: f32, y: f32| {
        click_at(&mut harness, Pos2::new(x, y));
        harness.state().selected()
    };
    // Its first word, read first, is the rightmost.
    let first_word = click(arabic.max.x - 8.0, arabic.center().y);
    assert_eq!(first_word, Some(Filler::Mention(MentionId(1))));
    // The last word of the French sentence, after the Arabic name and the flag.
    let homs = click(french.max.x - 8.0, french.center().y);
    assert_eq!(homs, Some(Filler::Mention(MentionId(2))));
    // The left end of the Arabic paragraph is its last word, not tagged: nothing.
    assert_eq!(click(arabic.min.x + 8.0, arabic.center().y), None);
}
