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
    OffsetTable::new(text).covered_text(spans)
}

/// Characters between two checkpoints of an [`OffsetTable`]: a lookup walks at most
/// this many characters from the checkpoint before it.
const CHARS_PER_CHECKPOINT: usize = 64;

/// Byte and UTF-16 offsets of the characters of a text, built in one pass, so that
/// exporting thousands of spans of a long article costs a short walk each instead of
/// a walk through the text per span.
///
/// It keeps the offsets of one character in 64 (`CHARS_PER_CHECKPOINT`) and walks the
/// rest: a quarter of a byte per byte of text at most (a table of every character
/// took 16, so that a 200 MB article needed 3 GB to export), and nothing for a text in
/// ASCII, whose three units are the same.
#[derive(Clone, Debug)]
pub struct OffsetTable<'a> {
    text: &'a str,
    checkpoints: std::borrow::Cow<'a, Checkpoints>,
}

/// What an [`OffsetTable`] knows of its text besides the text itself: what a document
/// keeps (see [`crate::model::Document::offsets`]) so that the table is built once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checkpoints {
    /// Number of characters of the text.
    char_len: usize,
    /// `offsets[k]`: byte and UTF-16 offsets of character `k * CHARS_PER_CHECKPOINT`;
    /// empty for an ASCII text.
    offsets: Vec<(usize, usize)>,
}

impl Checkpoints {
    /// The checkpoints of `text`, in one pass over it.
    pub fn of(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                char_len: text.len(),
                offsets: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / CHARS_PER_CHECKPOINT + 1);
        let (mut chars, mut units) = (0, 0);
        for (byte, c) in text.char_indices() {
            if chars % CHARS_PER_CHECKPOINT == 0 {
                checkpoints.push((byte, units));
            }
            chars += 1;
            units += c.len_utf16();
        }
        if chars % CHARS_PER_CHECKPOINT == 0 {
            checkpoints.push((text.len(), units));
        }
        Self {
            char_len: chars,
            offsets: checkpoints,
        }
    }

    /// Number of characters of the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }
}

impl<'a> OffsetTable<'a> {
    /// The table of `text`, built in one pass over it.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            checkpoints: std::borrow::Cow::Owned(Checkpoints::of(text)),
        }
    }

    /// The table of `text` from its checkpoints, built before: no pass over the text.
    /// `checkpoints` must be those of `text` ([`Checkpoints::of`]).
    pub fn with_checkpoints(text: &'a str, checkpoints: &'a Checkpoints) -> Self {
        Self {
            text,
            checkpoints: std::borrow::Cow::Borrowed(checkpoints),
        }
    }

    /// The text the table indexes.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of characters of the text.
    pub fn char_len(&self) -> usize {
        self.checkpoints.char_len
    }

    /// Byte and UTF-16 offsets of character `char_index`, or `None` past the end: from
    /// the checkpoint before it, a walk over the bytes of at most
    /// [`CHARS_PER_CHECKPOINT`] characters (a byte that is not a continuation byte
    /// starts a character; one of four bytes is two UTF-16 units).
    fn offsets(&self, char_index: usize) -> Option<(usize, usize)> {
        if char_index > self.checkpoints.char_len {
            return None;
        }
        if self.checkpoints.offsets.is_empty() {
            return Some((char_index, char_index));
        }
        let (byte, units) = *self
            .checkpoints
            .offsets
            .get(char_index / CHARS_PER_CHECKPOINT)?;
        let walk = char_index % CHARS_PER_CHECKPOINT;
        let rest = self.text.as_bytes().get(byte..)?;
        let (mut chars, mut astral) = (0, 0);
        for (i, &b) in rest.iter().enumerate() {
            if b & 0xc0 != 0x80 {
                if chars == walk {
                    return Some((byte + i, units + chars + astral));
                }
                chars += 1;
                astral += usize::from(b >= 0xf0);
            }
        }
        Some((self.text.len(), units + chars + astral))
    }

    /// Byte offset of character `char_index` (the text's length at its end), or `None`
    /// past the end; same as [`byte_from_char`].
    pub fn byte_from_char(&self, char_index: usize) -> Option<usize> {
        self.offsets(char_index).map(|(byte, _)| byte)
    }

    /// UTF-16 offset of character `char_index`, or `None` past the end; same as
    /// [`utf16_from_char`].
    pub fn utf16_from_char(&self, char_index: usize) -> Option<usize> {
        self.offsets(char_index).map(|(_, units)| units)
    }

    /// The text covered by `span`, or `None` if the span does not fit the text; same as
    /// [`slice`].
    pub fn slice(&self, span: Span) -> Option<&'a str> {
        let start = self.byte_from_char(span.start)?;
        let end = self.byte_from_char(span.end)?;
        self.text.get(start..end)
    }

    /// The texts of several spans joined by a space; same as [`covered_text`].
    pub fn covered_text(&self, spans: &[Span]) -> String {
        spans
            .iter()
            .filter_map(|s| self.slice(*s))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_table_agrees_with_the_one_span_helpers() {
        let text = "a\u{a0}é\u{301}👍🏽\r\nمرحبا x";
        let table = OffsetTable::new(text);
        let n = text.chars().count();
        assert_eq!(table.char_len(), n);
        for i in 0..=n + 1 {
            assert_eq!(table.byte_from_char(i), byte_from_char(text, i), "{i}");
            assert_eq!(table.utf16_from_char(i), utf16_from_char(text, i), "{i}");
        }
        for start in 0..=n {
            for end in start..=n + 1 {
                let span = Span::new(start, end);
                assert_eq!(table.slice(span), slice(text, span), "{span:?}");
            }
        }
        assert_eq!(table.slice(Span::new(3, 2)), None);
        // 👍🏽 is two code points of two UTF-16 units each.
        let thumb = text.chars().position(|c| c == '👍').unwrap();
        assert_eq!(
            table.utf16_from_char(thumb + 2).unwrap() - table.utf16_from_char(thumb).unwrap(),
            4
        );
    }
}
