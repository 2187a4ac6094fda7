//! CoNLL export: tokens with BIO tags, the input of sequence-labelling toolkits (spaCy,
//! Flair, Hugging Face token classification) trained on the annotated articles.
//!
//! One line per token, three columns separated by tabs: the token, its entity tag and its
//! trigger tag (`B-TYPE`, `I-TYPE` or `O`, the type being the entity or event type name).
//! A blank line ends every sentence; each document starts with a `# doc_id = ID` line.
//!
//! - Sentences are the Unicode sentence boundaries of UAX #29 (which also break after
//!   every line break), so an abbreviation such as `M.` may end a sentence early.
//! - Tokens are the Unicode word boundaries of UAX #29: punctuation marks are tokens of
//!   their own, white space (no-break spaces and line ends included) is left out, and
//!   `L’armée` or `Al-Nosra`-like words follow the standard's rules.
//! - A token takes the annotation that covers its first covered character; a token only
//!   partly covered is still tagged.
//! - BIO cannot nest: where mentions overlap or nest, the outermost (longest, the first
//!   by id on a tie) wins and the inner ones are left out of the tags. Triggers follow the
//!   same rule in their own column. Discontinuous annotations tag only their ranges, and
//!   a token after a gap starts again with `B-`.

use crate::formats::{Cancelled, each_document};
use crate::model::{Document, Project, Span};
use std::fmt::Write as _;
use unicode_segmentation::UnicodeSegmentation;

/// For every character, the index of the annotation that tags it: the longest of those
/// covering it, the first on a tie. `items` are (type name, ranges).
fn owners_from_spans(char_len: usize, items: &[(&str, &[Span])]) -> Vec<Option<usize>> {
    let extent = |ranges: &[Span]| {
        let start = ranges.iter().map(|r| r.start).min().unwrap_or(0);
        let end = ranges.iter().map(|r| r.end).max().unwrap_or(0);
        end.saturating_sub(start)
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(extent(items[i].1)));
    let mut owners = vec![None; char_len];
    for i in order {
        for range in items[i].1 {
            let end = range.end.min(char_len);
            for owner in owners.iter_mut().take(end).skip(range.start) {
                owner.get_or_insert(i);
            }
        }
    }
    owners
}

/// BIO tags of the tokens of one sentence for one layer of annotations.
struct Tagger<'a> {
    items: Vec<(&'a str, &'a [Span])>,
    owners: Vec<Option<usize>>,
    /// Owner of the previous token of the sentence, and the position just after it.
    previous: Option<(usize, usize)>,
}

impl<'a> Tagger<'a> {
    fn new(char_len: usize, items: Vec<(&'a str, &'a [Span])>) -> Self {
        let owners = owners_from_spans(char_len, &items);
        Self {
            items,
            owners,
            previous: None,
        }
    }

    /// The tag of the token covering characters `start..end`.
    fn tag(&mut self, start: usize, end: usize) -> String {
        let owner = self
            .owners
            .get(start..end)
            .and_then(|cells| cells.iter().flatten().next().copied());
        let Some(i) = owner else {
            self.previous = None;
            return "O".into();
        };
        let (name, ranges) = self.items[i];
        // Inside: same annotation as the previous token, with no gap between them.
        let inside = self.previous.is_some_and(|(p, after)| {
            p == i && ranges.iter().any(|r| r.start < after && start <= r.end)
        });
        self.previous = Some((i, end));
        format!("{}-{name}", if inside { "I" } else { "B" })
    }

    /// Forgets the previous token, at the end of a sentence.
    fn end_sentence(&mut self) {
        self.previous = None;
    }
}

/// The CoNLL lines of one document, ending with a blank line after its last sentence.
pub fn conll_from_document(doc: &Document) -> String {
    let char_len = doc.char_len();
    let mut entities = Tagger::new(
        char_len,
        doc.mentions
            .iter()
            .map(|m| (m.entity_type.as_str(), m.ranges.as_slice()))
            .collect(),
    );
    let mut triggers = Tagger::new(
        char_len,
        doc.events
            .iter()
            .map(|e| (e.event_type.as_str(), e.trigger.as_slice()))
            .collect(),
    );
    let mut out = format!("# doc_id = {}\n", doc.id.replace(['\r', '\n'], " "));
    // Tokens come in text order: their char offsets are counted on the way.
    let (mut byte, mut char_pos) = (0, 0);
    for (sentence_byte, sentence) in doc.text.split_sentence_bound_indices() {
        let mut tokens = 0;
        for (token_byte, token) in sentence.split_word_bound_indices() {
            let token_byte = sentence_byte + token_byte;
            char_pos += doc.text.get(byte..token_byte).unwrap_or("").chars().count();
            byte = token_byte;
            if token.chars().all(char::is_whitespace) {
                continue;
            }
            let end = char_pos + token.chars().count();
            let entity = entities.tag(char_pos, end);
            let trigger = triggers.tag(char_pos, end);
            let _ = writeln!(out, "{token}\t{entity}\t{trigger}");
            tokens += 1;
        }
        entities.end_sentence();
        triggers.end_sentence();
        if tokens > 0 {
            out.push('\n');
        }
    }
    out
}

/// The CoNLL text of every document of the project, in project order; `progress` is
/// asked before each document.
pub fn conll_from_project(
    project: &Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<String, Cancelled> {
    Ok(each_document(project, progress, |_, doc| conll_from_document(doc))?.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::{event, mention, span};

    #[test]
    fn outermost_mention_wins_and_triggers_have_their_column() {
        let text = "L’armée syrienne reprend Palmyre\u{a0}!\r\nDaech 👍🏽 recule.";
        let mut doc = Document::new("d1", "d1", text);
        doc.mentions = vec![
            mention(1, "country", vec![span(text, "syrienne")]),
            mention(2, "state_force", vec![span(text, "L’armée syrienne")]),
            mention(3, "place", vec![span(text, "Palmyre")]),
            mention(4, "armed_group", vec![span(text, "Daech")]),
        ];
        doc.events = vec![event(5, "capture", vec![span(text, "reprend")])];
        assert_eq!(
            conll_from_document(&doc),
            "# doc_id = d1\n\
             L’armée\tB-state_force\tO\n\
             syrienne\tI-state_force\tO\n\
             reprend\tO\tB-capture\n\
             Palmyre\tB-place\tO\n\
             !\tO\tO\n\
             \n\
             Daech\tB-armed_group\tO\n\
             👍🏽\tO\tO\n\
             recule\tO\tO\n\
             .\tO\tO\n\
             \n"
        );
    }

    #[test]
    fn adjacent_and_discontinuous_mentions_start_with_b() {
        let text = "forces russes syriennes iraniennes";
        let mut doc = Document::new("d", "d", text);
        doc.mentions = vec![
            mention(1, "a", vec![span(text, "forces"), span(text, "syriennes")]),
            mention(2, "b", vec![span(text, "russes")]),
            mention(3, "b", vec![span(text, "iraniennes")]),
        ];
        let tags: Vec<String> = conll_from_document(&doc)
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty())
            .map(|l| l.split('\t').nth(1).unwrap().to_string())
            .collect();
        assert_eq!(tags, ["B-a", "B-b", "B-a", "B-b"]);
    }

    #[test]
    fn offsets_past_the_text_do_not_panic() {
        let mut doc = Document::new("d", "d", "ab");
        doc.mentions = vec![mention(1, "x", vec![Span::new(1, 9)])];
        assert_eq!(conll_from_document(&doc), "# doc_id = d\nab\tB-x\tO\n\n");
    }
}
