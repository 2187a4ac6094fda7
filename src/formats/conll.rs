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
//! - A type name or token holding a tab or a line break, which would split a column or
//!   a line, is written with visible escapes (`\t`, `\n`, `\r`, `\u{2028}`), with a
//!   warning per name.
//!
//! What the tags cannot show is said in warnings: per document the mentions and
//! triggers nested in longer ones, once for the project how many of what the format has
//! no column for it left out (relations, event arguments, attributes, notes...).

use crate::formats::lossy::{Kind, left_out_of_project};
use crate::formats::{Cancelled, breaks_lines, each_document, is_line_break};
use crate::model::{Diagnostic, Document, Project, Span};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use unicode_segmentation::UnicodeSegmentation;

/// A stretch of text `start..end` (characters) that the annotation `owner` tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    start: usize,
    end: usize,
    owner: usize,
}

/// The stretches of text that the annotations tag, in text order and disjoint: each
/// owned by the longest annotation covering it, the first on a tie. `items` are (type
/// name, ranges). Memory grows with the annotations, not with the text.
fn segments_from_spans(items: &[(&str, &[Span])]) -> Vec<Segment> {
    let extent = |ranges: &[Span]| {
        let start = ranges.iter().map(|r| r.start).min().unwrap_or(0);
        let end = ranges.iter().map(|r| r.end).max().unwrap_or(0);
        end.saturating_sub(start)
    };
    // (position, opens, precedence key): a range opens at its start, closes at its end.
    let mut bounds: Vec<(usize, bool, (Reverse<usize>, usize))> = Vec::new();
    for (i, (_, ranges)) in items.iter().enumerate() {
        let key = (Reverse(extent(ranges)), i);
        for r in ranges.iter().filter(|r| r.start < r.end) {
            bounds.push((r.start, true, key));
            bounds.push((r.end, false, key));
        }
    }
    bounds.sort_unstable();
    // The annotations covering the current position, by precedence, with how many of
    // their ranges do (ranges of one annotation may overlap in an unchecked project).
    let mut active: BTreeMap<(Reverse<usize>, usize), usize> = BTreeMap::new();
    let mut segments: Vec<Segment> = Vec::new();
    let mut previous = 0;
    for (position, opens, key) in bounds {
        if position > previous
            && let Some(&(_, owner)) = active.keys().next()
        {
            match segments.last_mut() {
                Some(last) if last.owner == owner && last.end == previous => last.end = position,
                _ => segments.push(Segment {
                    start: previous,
                    end: position,
                    owner,
                }),
            }
        }
        previous = position;
        if opens {
            *active.entry(key).or_default() += 1;
        } else if let Some(count) = active.get_mut(&key) {
            *count -= 1;
            if *count == 0 {
                active.remove(&key);
            }
        }
    }
    segments
}

/// BIO tags of the tokens of a document, in text order, for one layer of annotations.
struct Tagger<'a> {
    items: Vec<(&'a str, &'a [Span])>,
    segments: Vec<Segment>,
    /// The first segment that may still tag a token: tokens come in text order.
    next_segment: usize,
    /// Owner of the previous token of the sentence, and the position just after it.
    previous: Option<(usize, usize)>,
}

impl<'a> Tagger<'a> {
    fn new(items: Vec<(&'a str, &'a [Span])>) -> Self {
        let segments = segments_from_spans(&items);
        Self {
            items,
            segments,
            next_segment: 0,
            previous: None,
        }
    }

    /// How many annotations with ranges tag no token at all: nested in longer ones.
    fn hidden(&self) -> usize {
        let owners: BTreeSet<usize> = self.segments.iter().map(|s| s.owner).collect();
        let tagging = |(i, (_, ranges)): (usize, &(&str, &[Span]))| {
            ranges.iter().any(|r| r.start < r.end) && !owners.contains(&i)
        };
        self.items
            .iter()
            .enumerate()
            .filter(|&item| tagging(item))
            .count()
    }

    /// The tag of the token covering characters `start..end`: that of the annotation
    /// owning its first tagged character.
    fn tag(&mut self, start: usize, end: usize) -> String {
        while self
            .segments
            .get(self.next_segment)
            .is_some_and(|s| s.end <= start)
        {
            self.next_segment += 1;
        }
        let owner = self
            .segments
            .get(self.next_segment)
            .filter(|s| s.start < end)
            .map(|s| s.owner);
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
        format!(
            "{}-{}",
            if inside { "I" } else { "B" },
            conll_name_from_str(name)
        )
    }

    /// Forgets the previous token, at the end of a sentence.
    fn end_sentence(&mut self) {
        self.previous = None;
    }
}

/// A name or token as a CoNLL column can hold it: tabs and line breaks, which would
/// split the column or the line, written as visible escapes (`\t`, `\n`, `\r`,
/// `\u{2028}`).
pub fn conll_name_from_str(name: &str) -> Cow<'_, str> {
    if !breaks_lines(name) {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_line_break(c) => {
                let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The CoNLL lines of one document, ending with a blank line after its last sentence,
/// and what its tags could not show (mentions and triggers nested in longer ones).
pub fn conll_from_document(doc: &Document) -> (String, Vec<Diagnostic>) {
    let mut entities = Tagger::new(
        doc.mentions
            .iter()
            .map(|m| (m.entity_type.as_str(), m.ranges.as_slice()))
            .collect(),
    );
    let mut triggers = Tagger::new(
        doc.events
            .iter()
            .map(|e| (e.event_type.as_str(), e.trigger.as_slice()))
            .collect(),
    );
    let mut warnings = Vec::new();
    for (hidden, what) in [
        (entities.hidden(), "mention"),
        (triggers.hidden(), "trigger"),
    ] {
        if hidden > 0 {
            let message = format!(
                "{hidden} {what}{} inside longer ones left out of the tags: BIO cannot nest",
                if hidden == 1 { "" } else { "s" }
            );
            warnings.push(Diagnostic::new(message).in_document(&doc.id));
        }
    }
    let doc_id: String = doc
        .id
        .chars()
        .map(|c| if is_line_break(c) { ' ' } else { c })
        .collect();
    let mut out = format!("# doc_id = {doc_id}\n");
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
            let token = conll_name_from_str(token);
            let _ = writeln!(out, "{token}\t{entity}\t{trigger}");
            tokens += 1;
        }
        entities.end_sentence();
        triggers.end_sentence();
        if tokens > 0 {
            out.push('\n');
        }
    }
    (out, warnings)
}

/// The CoNLL text of every document of the project, in project order, and what it
/// could not hold: once per type name escaped, per document for nested annotations,
/// once per kind for the rest (relations, arguments, attributes...). `progress` is
/// asked before each document.
pub fn conll_from_project(
    project: &Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(String, Vec<Diagnostic>), Cancelled> {
    let mut out = String::new();
    let mut warnings = Vec::new();
    let mut escaped = BTreeSet::new();
    for (text, doc_warnings, doc_escaped) in each_document(project, progress, |_, doc| {
        let types = doc.mentions.iter().map(|m| &m.entity_type);
        let doc_escaped: Vec<(&str, String)> = types
            .chain(doc.events.iter().map(|e| &e.event_type))
            .filter_map(|name| match conll_name_from_str(name) {
                Cow::Owned(written) => Some((name.as_str(), written)),
                Cow::Borrowed(_) => None,
            })
            .collect();
        let (text, doc_warnings) = conll_from_document(doc);
        (text, doc_warnings, doc_escaped)
    })? {
        out.push_str(&text);
        warnings.extend(doc_warnings);
        escaped.extend(doc_escaped);
    }
    for (name, written) in escaped {
        let message =
            format!("the type {name:?} holds a tab or a line break: written as {written}");
        warnings.push(Diagnostic::new(message));
    }
    let kinds = [
        Kind::Arguments,
        Kind::Relations,
        Kind::Attributes,
        Kind::Notes,
        Kind::Equivalences,
        Kind::Normalizations,
        Kind::Comments,
        Kind::Metadata,
    ];
    warnings.extend(left_out_of_project(project, &kinds, "CoNLL"));
    Ok((out, warnings))
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
            conll_from_document(&doc).0,
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
            .0
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
        assert_eq!(conll_from_document(&doc).0, "# doc_id = d\nab\tB-x\tO\n\n");
    }
}
