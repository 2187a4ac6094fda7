//! Searching a project: its text and its annotations, as a keyword-in-context list.
//!
//! Researchers look for every place an actor, a place or a phrase is mentioned, to check
//! that it is tagged everywhere, or for the annotations of a type, with an attribute or a
//! note. The GUI's search panel, its "Annotate all" and `eventail search` all call this
//! module, so they find the same hits at the same offsets.
//!
//! # What a query finds
//! - **Text search** (no annotation filter): every occurrence of the pattern in the text
//!   of every document. A hit is the matched characters.
//! - **Annotation search** (a type, attribute or note filter): every annotation that
//!   passes all the filters and whose text contains a match of the pattern (an empty
//!   pattern matches every annotation). The text of a mention is its ranges joined by a
//!   space, of an event its trigger; a relation has no text of its own, so only an
//!   empty pattern finds relations. A hit covers the whole annotation: a mention's ranges,
//!   an event's trigger (or, without one, its first mention argument), a relation's two
//!   ends. The type filter is the name of an entity, event or relation type; the
//!   attribute filter `name` finds annotations that carry the attribute, `name=value`
//!   those where it has that value (`true` for a flag); the note filter is text the note
//!   contains (with the query's case and accent options).
//!
//! Offsets are half-open ranges of code points (`char`s) of the original text, as
//! everywhere in eventail. Ignoring accents folds both the text and the pattern (Unicode
//! canonical decomposition, combining marks dropped: "État" reads "Etat"), and every hit
//! is mapped back to the original characters, combining marks after it included.
//! Ignoring case is the `regex` crate's Unicode case folding. Matching is linear in the
//! text (the `regex` crate never backtracks); a compiled pattern is limited in size, and
//! a hit's context is at most [`CONTEXT_CHARS`] characters on each side, on one line.

use crate::model::span::OffsetTable;
use crate::model::{AnnotationRef, AttrValue, Attributes, Document, Filler, Project, Span};
use serde::Serialize;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Characters of context shown on each side of a hit (fewer at a line break).
pub const CONTEXT_CHARS: usize = 40;

/// Characters of a hit shown in its context; a longer hit is cut in the middle.
const MATCH_CHARS: usize = 200;

/// The largest compiled pattern allowed, in bytes (the `regex` crate's size limit).
const SIZE_LIMIT: usize = 10 * (1 << 20);

/// How a pattern is matched and which annotations are searched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchOptions {
    /// The pattern is a regular expression (`regex` crate syntax), not plain text.
    pub regex: bool,
    /// Upper and lower case match each other.
    pub ignore_case: bool,
    /// Accented letters match their base letters ("etat" finds "État").
    pub ignore_accents: bool,
    /// Search annotations of this type (an entity, event or relation type's name).
    pub type_name: Option<String>,
    /// Search annotations with this attribute: `name` or `name=value`.
    pub attribute: Option<String>,
    /// Search annotations whose note contains this text.
    pub note: Option<String>,
}

impl SearchOptions {
    /// True when the query searches annotations rather than the text.
    pub fn searches_annotations(&self) -> bool {
        self.type_name.is_some() || self.attribute.is_some() || self.note.is_some()
    }
}

/// Why a query cannot run.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QueryError {
    /// The regular expression does not parse.
    #[error("bad regular expression {pattern:?} at character {position}: {message}")]
    BadRegex {
        /// The pattern as given.
        pattern: String,
        /// Where the error is, in characters from 1.
        position: usize,
        /// What is wrong there.
        message: String,
    },
    /// The pattern compiles to more than the size limit.
    #[error(
        "the regular expression {pattern:?} is too large once compiled (limit {limit} bytes): \
         use a simpler one"
    )]
    TooBig {
        /// The pattern as given.
        pattern: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// Nothing to search for: no pattern and no annotation filter.
    #[error("nothing to search for: give a pattern, or a type, attribute or note filter")]
    Empty,
}

/// A query ready to run: the pattern compiled, the filters parsed.
#[derive(Clone, Debug)]
pub struct Query {
    pattern: String,
    options: SearchOptions,
    /// `None` for an empty pattern (annotation search only).
    matcher: Option<regex::Regex>,
    /// The note filter, as a compiled plain pattern with the query's options.
    note: Option<regex::Regex>,
    attribute: Option<(String, Option<String>)>,
}

/// One place the query found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Index of the document in the project.
    #[serde(skip)]
    pub doc: usize,
    /// The document's id.
    pub document: String,
    /// First character (code point) of the hit.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// Up to [`CONTEXT_CHARS`] characters before the hit, on its line.
    pub before: String,
    /// The hit's text (cut in the middle when very long), control characters as spaces.
    pub matched: String,
    /// Up to [`CONTEXT_CHARS`] characters after the hit, on its line.
    pub after: String,
    /// `before`, `matched` and `after` on one line.
    pub context: String,
    /// The annotation found, in an annotation search.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotation: Option<AnnotationRef>,
}

impl Hit {
    /// The hit's range of characters.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Hits of a search, and whether it stopped at the limit asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// The hits, by document then position.
    pub hits: Vec<Hit>,
    /// True when there were more hits than the limit.
    pub truncated: bool,
}

impl Query {
    /// Parses `pattern` with `options`: a bad regular expression is an error naming it
    /// and the position of the mistake.
    pub fn new(pattern: &str, options: &SearchOptions) -> Result<Self, QueryError> {
        if pattern.is_empty() && !options.searches_annotations() {
            return Err(QueryError::Empty);
        }
        let matcher = if pattern.is_empty() {
            None
        } else {
            Some(compile(pattern, options.regex, options)?)
        };
        let note = match options.note.as_deref() {
            Some(text) if !text.is_empty() => Some(compile(text, false, options)?),
            _ => None,
        };
        let attribute = options
            .attribute
            .as_deref()
            .map(|a| match a.split_once('=') {
                Some((name, value)) => (name.trim().to_string(), Some(value.trim().to_string())),
                None => (a.trim().to_string(), None),
            });
        Ok(Self {
            pattern: pattern.to_string(),
            options: options.clone(),
            matcher,
            note,
            attribute,
        })
    }

    /// The pattern as given.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// The options it was parsed with.
    pub fn options(&self) -> &SearchOptions {
        &self.options
    }
}

/// Compiles `pattern` (a regular expression when `regex`, else plain text) with the
/// case and accent options.
fn compile(
    pattern: &str,
    regex: bool,
    options: &SearchOptions,
) -> Result<regex::Regex, QueryError> {
    let source = if regex {
        if let Err(e) = regex_syntax::Parser::new().parse(pattern) {
            let (offset, message) = match &e {
                regex_syntax::Error::Parse(e) => (e.span().start.offset, e.kind().to_string()),
                regex_syntax::Error::Translate(e) => (e.span().start.offset, e.kind().to_string()),
                _ => (0, e.to_string()),
            };
            let position = pattern.get(..offset).map_or(0, |p| p.chars().count()) + 1;
            return Err(QueryError::BadRegex {
                pattern: pattern.to_string(),
                position,
                message,
            });
        }
        pattern.to_string()
    } else {
        regex::escape(pattern)
    };
    let source = if options.ignore_accents {
        fold(&source)
    } else {
        source
    };
    regex::RegexBuilder::new(&source)
        .case_insensitive(options.ignore_case)
        .size_limit(SIZE_LIMIT)
        .dfa_size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => QueryError::TooBig {
                pattern: pattern.to_string(),
                limit,
            },
            other => QueryError::BadRegex {
                pattern: pattern.to_string(),
                position: 1,
                message: other.to_string(),
            },
        })
}

/// Calls `emit` with what `c` reads as once accents are ignored: its canonical
/// decomposition without combining marks (nothing for a combining mark).
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            emit(d);
        }
    });
}

/// `text` with accents ignored (see [`fold_char`]).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |d| out.push(d));
    }
    out
}

/// Where matches of the searched text (folded or not) are in the original text.
#[derive(Clone, Copy, Debug, Default)]
struct Located {
    start: usize,
    end: usize,
    start_byte: usize,
    end_byte: usize,
}

/// Maps `found`, byte ranges of `text` (folded when `folded`), sorted, non-overlapping
/// and non-empty, to character and byte ranges of `text`, in one walk: a hit that ends
/// before combining marks takes them in.
fn locate(text: &str, folded: bool, found: &[(usize, usize)]) -> Vec<Located> {
    let n = found.len();
    if n == 0 {
        return Vec::new();
    }
    let mut out = vec![Located::default(); n];
    let (mut next_start, mut next_end) = (0, 0);
    let mut searched_byte = 0;
    let mut last_end: Option<usize> = None;
    for (index, (byte, c)) in text.char_indices().enumerate() {
        let mut emitted = false;
        let mut resolve = |d: char| {
            emitted = true;
            if next_start < n && found[next_start].0 == searched_byte {
                out[next_start].start = index;
                out[next_start].start_byte = byte;
                next_start += 1;
            }
            searched_byte += d.len_utf8();
            while next_end < n && found[next_end].1 <= searched_byte {
                out[next_end].end = index + 1;
                out[next_end].end_byte = byte + c.len_utf8();
                last_end = Some(next_end);
                next_end += 1;
            }
        };
        if folded {
            fold_char(c, &mut resolve);
        } else {
            resolve(c);
        }
        if !emitted {
            // A dropped combining mark belongs to the hit that ends just before it.
            if let Some(h) = last_end
                && out[h].end == index
            {
                out[h].end = index + 1;
                out[h].end_byte = byte + c.len_utf8();
            }
        } else if next_start == n && next_end == n && index > out.last().map_or(0, |l| l.end) {
            break;
        }
    }
    out
}

/// Runs `query` on every document of `project`.
pub fn search(project: &Project, query: &Query) -> Vec<Hit> {
    search_at_most(project, query, usize::MAX).hits
}

/// Runs `query` on every document of `project`, stopping after `limit` hits.
pub fn search_at_most(project: &Project, query: &Query, limit: usize) -> Found {
    let mut found = Found::default();
    for (doc, document) in project.documents.iter().enumerate() {
        let room = limit - found.hits.len();
        let hits = if query.options.searches_annotations() {
            annotation_hits(document, doc, query, room.saturating_add(1))
        } else {
            text_hits(document, doc, query, room.saturating_add(1))
        };
        found.hits.extend(hits);
        if found.hits.len() > limit {
            found.hits.truncate(limit);
            found.truncated = true;
            break;
        }
    }
    found
}

/// Every occurrence of the pattern in the text of `document` (at most `limit`).
fn text_hits(document: &Document, doc: usize, query: &Query, limit: usize) -> Vec<Hit> {
    let Some(matcher) = &query.matcher else {
        return Vec::new();
    };
    let text = &document.text;
    let folded;
    let searched = if query.options.ignore_accents {
        folded = fold(text);
        folded.as_str()
    } else {
        text.as_str()
    };
    let found: Vec<(usize, usize)> = matcher
        .find_iter(searched)
        .filter(|m| !m.is_empty())
        .take(limit)
        .map(|m| (m.start(), m.end()))
        .collect();
    locate(text, query.options.ignore_accents, &found)
        .into_iter()
        .map(|l| hit(document, doc, l, None))
        .collect()
}

/// A hit of `document` at `l`, with its context.
fn hit(document: &Document, doc: usize, l: Located, annotation: Option<AnnotationRef>) -> Hit {
    let text = &document.text;
    let before = text.get(..l.start_byte).unwrap_or("");
    let before: String = {
        let mut chars: Vec<char> = before
            .chars()
            .rev()
            .take(CONTEXT_CHARS)
            .take_while(|c| !is_line_break(*c))
            .collect();
        chars.reverse();
        one_line(chars.into_iter())
    };
    let after = text.get(l.end_byte..).unwrap_or("");
    let after = one_line(
        after
            .chars()
            .take(CONTEXT_CHARS)
            .take_while(|c| !is_line_break(*c)),
    );
    let matched = text.get(l.start_byte..l.end_byte).unwrap_or("");
    let matched = if l.end - l.start > MATCH_CHARS {
        let head = one_line(matched.chars().take(MATCH_CHARS / 2));
        let tail: Vec<char> = matched.chars().rev().take(MATCH_CHARS / 2).collect();
        let tail = one_line(tail.into_iter().rev());
        format!("{head} … {tail}")
    } else {
        one_line(matched.chars())
    };
    Hit {
        doc,
        document: document.id.clone(),
        start: l.start,
        end: l.end,
        context: format!("{before}{matched}{after}"),
        before,
        matched,
        after,
        annotation,
    }
}

/// True for the characters that end a line (keyword-in-context stays on one line).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Characters on one line: control characters (tabs, line breaks) as spaces.
fn one_line(chars: impl Iterator<Item = char>) -> String {
    chars
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// True when `attributes` pass the attribute filter.
fn attribute_passes(filter: &Option<(String, Option<String>)>, attributes: &Attributes) -> bool {
    let Some((name, value)) = filter else {
        return true;
    };
    match (attributes.get(name), value) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(AttrValue::Flag), Some(v)) => v == "true",
        (Some(AttrValue::Value(have)), Some(v)) => have == v,
    }
}

/// Every annotation of `document` that passes the query's filters (at most `limit`).
fn annotation_hits(document: &Document, doc: usize, query: &Query, limit: usize) -> Vec<Hit> {
    let table = OffsetTable::new(&document.text);
    let options = &query.options;
    let type_passes = |t: &str| options.type_name.as_deref().is_none_or(|want| want == t);
    let note_passes = |note: &str| {
        query.note.as_ref().is_none_or(|re| {
            if options.ignore_accents {
                re.is_match(&fold(note))
            } else {
                re.is_match(note)
            }
        })
    };
    let text_passes = |spans: &[Span]| match &query.matcher {
        None => true,
        Some(re) => {
            let text = table.covered_text(spans);
            if options.ignore_accents {
                re.is_match(&fold(&text))
            } else {
                re.is_match(&text)
            }
        }
    };
    let extent = |spans: &[Span]| {
        let start = spans.iter().map(|s| s.start).min()?;
        let end = spans.iter().map(|s| s.end).max()?;
        Some(Span::new(start, end))
    };
    let filler_extent = |f: Filler| match f {
        Filler::Mention(id) => document.mention(id).map(|m| m.extent()),
        Filler::Event(id) => document.event(id).and_then(|e| extent(&e.trigger)),
    };
    let mut found: Vec<(Span, AnnotationRef)> = Vec::new();
    for m in &document.mentions {
        if type_passes(&m.entity_type)
            && attribute_passes(&query.attribute, &m.attributes)
            && note_passes(&m.note)
            && text_passes(&m.ranges)
        {
            found.push((m.extent(), AnnotationRef::Mention(m.id)));
        }
    }
    for e in &document.events {
        if type_passes(&e.event_type)
            && attribute_passes(&query.attribute, &e.attributes)
            && note_passes(&e.note)
            && text_passes(&e.trigger)
        {
            let span = extent(&e.trigger)
                .or_else(|| e.arguments.iter().find_map(|a| filler_extent(a.filler)))
                .unwrap_or(Span::new(0, 0));
            found.push((span, AnnotationRef::Event(e.id)));
        }
    }
    for r in &document.relations {
        if type_passes(&r.relation_type)
            && attribute_passes(&query.attribute, &r.attributes)
            && note_passes(&r.note)
            && query.matcher.is_none()
        {
            let ends: Vec<Span> = [r.arg1, r.arg2]
                .into_iter()
                .filter_map(filler_extent)
                .collect();
            found.push((
                extent(&ends).unwrap_or(Span::new(0, 0)),
                AnnotationRef::Relation(r.id),
            ));
        }
    }
    found.sort_by_key(|(span, a)| (span.start, span.end, *a));
    found.truncate(limit);
    found
        .into_iter()
        .map(|(span, a)| {
            let located = Located {
                start: span.start,
                end: span.end,
                start_byte: table.byte_from_char(span.start).unwrap_or(0),
                end_byte: table.byte_from_char(span.end).unwrap_or(0),
            };
            hit(document, doc, located, Some(a))
        })
        .collect()
}

/// How "Annotate all" matches the selected text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OccurrenceMatching {
    /// Skip occurrences inside a longer word: "Homs" does not find the start of
    /// "Homsi". Only where the text begins (ends) with a letter or digit.
    pub whole_words: bool,
    /// "palmyre" finds "Palmyre" too.
    pub ignore_case: bool,
}

impl Default for OccurrenceMatching {
    fn default() -> Self {
        // A name tagged once is mostly wanted again as the same whole word.
        Self {
            whole_words: true,
            ignore_case: false,
        }
    }
}

/// Every occurrence of `text` (matched as `matching` says) in document `doc` of
/// `project`, or in every document when `doc` is `None`, that no mention of
/// `entity_type` covers: what "Annotate all" offers to tag.
pub fn untagged_occurrences(
    project: &Project,
    doc: Option<usize>,
    text: &str,
    entity_type: &str,
    matching: OccurrenceMatching,
) -> Vec<Hit> {
    if text.is_empty() {
        return Vec::new();
    }
    let options = SearchOptions {
        ignore_case: matching.ignore_case,
        ..Default::default()
    };
    let Ok(query) = Query::new(text, &options) else {
        return Vec::new();
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (first, last) = (text.chars().next(), text.chars().next_back());
    let mut hits = Vec::new();
    for (index, document) in project.documents.iter().enumerate() {
        if doc.is_some_and(|d| d != index) {
            continue;
        }
        let covered: Vec<Span> = document
            .mentions
            .iter()
            .filter(|m| m.entity_type == entity_type)
            .flat_map(|m| m.ranges.iter().copied())
            .collect();
        for hit in text_hits(document, index, &query, usize::MAX) {
            let before = hit.before.chars().next_back();
            let after = hit.after.chars().next();
            if matching.whole_words
                && ((word(first) && word(before)) || (word(last) && word(after)))
            {
                continue;
            }
            if covered
                .iter()
                .any(|r| r.start <= hit.start && hit.end <= r.end)
            {
                continue;
            }
            hits.push(hit);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Mention, MentionId};

    fn mention(id: u32, entity_type: &str, span: Span) -> Mention {
        let stamp = crate::edit::Stamp::default();
        crate::edit::ops::new_mention(MentionId(id), entity_type, vec![span], &stamp)
    }

    fn project(texts: &[&str]) -> Project {
        let mut p = Project::new("t", crate::io::default_schema());
        for (i, t) in texts.iter().enumerate() {
            p.documents.push(Document::new(format!("d{i}"), "n", *t));
        }
        p
    }

    fn spans(p: &Project, pattern: &str, options: &SearchOptions) -> Vec<(usize, usize)> {
        let query = Query::new(pattern, options).unwrap();
        search(p, &query).iter().map(|h| (h.start, h.end)).collect()
    }

    #[test]
    fn search_plain_text_in_code_points() {
        let text = "Palmyre (تدمر) 🇸🇾 « C’est » Palmyre";
        let p = project(&[text]);
        let hits = spans(&p, "Palmyre", &SearchOptions::default());
        let second = text.chars().count() - 7;
        assert_eq!(hits, vec![(0, 7), (second, second + 7)]);
        assert_eq!(
            spans(&p, "C’est", &SearchOptions::default()),
            vec![(20, 25)]
        );
        assert_eq!(spans(&p, "palmyre", &SearchOptions::default()), vec![]);
    }

    #[test]
    fn search_ignores_case_and_accents_and_maps_back() {
        let p = project(&["L’État islamique. E\u{301}tat! etat"]);
        let options = SearchOptions {
            ignore_case: true,
            ignore_accents: true,
            ..Default::default()
        };
        // "E\u{301}tat" is five code points: the combining mark is in the hit.
        assert_eq!(
            spans(&p, "etat", &options),
            vec![(2, 6), (18, 23), (25, 29)]
        );
        let accents = SearchOptions {
            ignore_accents: true,
            ..Default::default()
        };
        assert_eq!(spans(&p, "Etat", &accents), vec![(2, 6), (18, 23)]);
        // The pattern is folded too.
        assert_eq!(spans(&p, "état", &options).len(), 3);
        // A hit ending on a combining mark takes it in.
        let p = project(&["cafe\u{301} noir"]);
        assert_eq!(spans(&p, "cafe", &accents), vec![(0, 5)]);
    }

    #[test]
    fn search_regex_and_its_errors() {
        let p = project(&["Palmyre, Mossoul et Raqqa"]);
        let options = SearchOptions {
            regex: true,
            ..Default::default()
        };
        assert_eq!(spans(&p, r"\b[MR]\w+", &options), vec![(9, 16), (20, 25)]);
        let err = Query::new("a(b", &options).unwrap_err();
        let QueryError::BadRegex { position, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(*position, 2);
        assert!(err.to_string().contains("\"a(b\""), "{err}");
        let huge = Query::new(r"(\w{1000}){1000}", &options).unwrap_err();
        assert!(matches!(huge, QueryError::TooBig { .. }), "{huge}");
        assert_eq!(Query::new("", &options).unwrap_err(), QueryError::Empty);
    }

    #[test]
    fn context_is_one_line_and_bounded() {
        let long = "x".repeat(100);
        let text = format!("{long}\navant Palmyre\taprès\n{long}");
        let p = project(&[&text]);
        let query = Query::new("Palmyre", &SearchOptions::default()).unwrap();
        let hits = search(&p, &query);
        assert_eq!(hits[0].before, "avant ");
        assert_eq!(hits[0].after, " après");
        assert_eq!(hits[0].context, "avant Palmyre après");
        let p = project(&[&"y".repeat(100_000)]);
        let options = SearchOptions {
            regex: true,
            ..Default::default()
        };
        let hits = search(&p, &Query::new("y+", &options).unwrap());
        assert_eq!((hits[0].start, hits[0].end), (0, 100_000));
        assert!(hits[0].context.chars().count() < MATCH_CHARS + 10);
    }

    #[test]
    fn annotations_by_type_attribute_and_note() {
        let mut p = project(&["Palmyre et Mossoul"]);
        let d = &mut p.documents[0];
        for (id, (start, end), t, note) in [
            (1, (0, 7), "place", "ville antique"),
            (2, (11, 18), "place", ""),
            (3, (0, 7), "person", ""),
        ] {
            let mut m = mention(id, t, Span::new(start, end));
            m.note = note.into();
            d.mentions.push(m);
        }
        d.mentions[1]
            .attributes
            .insert("negated".into(), AttrValue::Flag);
        let typed = SearchOptions {
            type_name: Some("place".into()),
            ..Default::default()
        };
        assert_eq!(spans(&p, "", &typed), vec![(0, 7), (11, 18)]);
        assert_eq!(spans(&p, "Moss", &typed), vec![(11, 18)]);
        let attribute = SearchOptions {
            attribute: Some("negated=true".into()),
            ..Default::default()
        };
        assert_eq!(spans(&p, "", &attribute), vec![(11, 18)]);
        let note = SearchOptions {
            note: Some("ANTIQUE".into()),
            ignore_case: true,
            ..Default::default()
        };
        let query = Query::new("", &note).unwrap();
        let hits = search(&p, &query);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].annotation,
            Some(AnnotationRef::Mention(MentionId(1)))
        );
    }

    #[test]
    fn untagged_occurrences_are_whole_words_not_yet_tagged() {
        let mut p = project(&["Palmyre, Palmyrene, Palmyre.", "Palmyre"]);
        p.documents[0]
            .mentions
            .push(mention(1, "place", Span::new(0, 7)));
        let words = OccurrenceMatching::default();
        let here = untagged_occurrences(&p, Some(0), "Palmyre", "place", words);
        assert_eq!(
            here.iter().map(Hit::span).collect::<Vec<_>>(),
            vec![Span::new(20, 27)]
        );
        let everywhere = untagged_occurrences(&p, None, "Palmyre", "place", words);
        assert_eq!(everywhere.len(), 2);
        assert_eq!(
            untagged_occurrences(&p, None, "Palmyre", "person", words).len(),
            3
        );
    }

    #[test]
    fn untagged_occurrences_inside_words_and_in_any_case() {
        let p = project(&["Palmyre, palmyrene, PALMYRE."]);
        let spans_of = |matching| {
            untagged_occurrences(&p, None, "Palmyre", "place", matching)
                .iter()
                .map(Hit::span)
                .collect::<Vec<_>>()
        };
        let loose = OccurrenceMatching {
            whole_words: false,
            ignore_case: true,
        };
        assert_eq!(
            spans_of(loose),
            vec![Span::new(0, 7), Span::new(9, 16), Span::new(20, 27)]
        );
        let any_case_words = OccurrenceMatching {
            whole_words: true,
            ignore_case: true,
        };
        assert_eq!(
            spans_of(any_case_words),
            vec![Span::new(0, 7), Span::new(20, 27)]
        );
    }

    #[test]
    fn search_stops_at_the_limit() {
        let p = project(&["a a a", "a a"]);
        let query = Query::new("a", &SearchOptions::default()).unwrap();
        let found = search_at_most(&p, &query, 4);
        assert_eq!(found.hits.len(), 4);
        assert!(found.truncated);
        assert!(!search_at_most(&p, &query, 5).truncated);
    }
}
