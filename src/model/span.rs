//! Character ranges and the conversions between offset units.
//!
//! A span counts Unicode scalar values (Rust `char`s), the unit of brat and of Python
//! strings, so offsets never drift on accents, no-break spaces or emoji. Byte offsets are
//! derived for slicing and UTF-16 offsets for JavaScript and Java consumers.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range `[start, end)` of `char` offsets into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First character of the span.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (callers keep `start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of characters covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no character.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one character.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `char_index` lies inside the span.
    pub fn contains(&self, char_index: usize) -> bool {
        self.start <= char_index && char_index < self.end
    }

    /// The span as a `char` range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Byte offset of the `char_index`-th character of `text` (the text's length at its end),
/// or `None` past the end.
pub fn byte_from_char(text: &str, char_index: usize) -> Option<usize> {
    if char_index == 0 {
        return Some(0);
    }
    match text.char_indices().nth(char_index) {
        Some((byte, _)) => Some(byte),
        None => (text.chars().count() == char_index).then_some(text.len()),
    }
}

/// Character offset of byte `byte_index`, or `None` if it is not on a character boundary.
pub fn char_from_byte(text: &str, byte_index: usize) -> Option<usize> {
    text.is_char_boundary(byte_index)
        .then(|| text[..byte_index].chars().count())
}

/// UTF-16 code unit offset of the `char_index`-th character, or `None` past the end.
pub fn utf16_from_char(text: &str, char_index: usize) -> Option<usize> {
    let mut units = 0;
    let mut chars = text.chars();
    for _ in 0..char_index {
        units += chars.next()?.len_utf16();
    }
    Some(units)
}

/// Character offset of UTF-16 offset `utf16_index`, or `None` if it falls inside a
/// surrogate pair or past the end.
pub fn char_from_utf16(text: &str, utf16_index: usize) -> Option<usize> {
    let mut units = 0;
    for (i, c) in text.chars().enumerate() {
        if units == utf16_index {
            return Some(i);
        }
        units += c.len_utf16();
        if units > utf16_index {
            return None;
        }
    }
    (units == utf16_index).then(|| text.chars().count())
}

/// The text covered by `span`, or `None` if the span does not fit the text.
pub fn slice(text: &str, span: Span) -> Option<&str> {
    if span.start > span.end {
        return None;
    }
    let start = byte_from_char(text, span.start)?;
    let rest = &text[start..];
    let end = byte_from_char(rest, span.len())?;
    Some(&rest[..end])
}

/// The texts of several spans joined by a space, as brat writes discontinuous mentions.
pub fn covered_text(text: &str, spans: &[Span]) -> String {
    spans
        .iter()
        .filter_map(|s| slice(text, *s))
        .collect::<Vec<_>>()
        .join(" ")
}
