//! A document's offset table, built the first time it is asked for and then kept.
//!
//! Table rows, labels and problems of a 1 MB article ask for the text of thousands of
//! spans in a frame; building the table per call made the first frame of such an
//! article take 17 s. The text of a document never changes once imported, so its
//! checkpoints are built once; they are not saved and play no part in comparing
//! documents.

use super::span::{Checkpoints, OffsetTable};
use std::sync::OnceLock;

/// The checkpoints of a document's text, once asked for.
#[derive(Default)]
pub struct TextIndex {
    built: OnceLock<Built>,
}

/// Checkpoints, with what identifies the text they were built for.
struct Built {
    text: TextKey,
    checkpoints: Checkpoints,
}

/// Where a text lives and how long it is: a text given a new value (only tests do it:
/// a document's text never changes) lives elsewhere or has another length.
#[derive(Clone, Copy, PartialEq, Eq)]
struct TextKey {
    address: usize,
    len: usize,
    capacity: usize,
}

impl TextKey {
    fn of(text: &String) -> Self {
        Self {
            address: text.as_ptr() as usize,
            len: text.len(),
            capacity: text.capacity(),
        }
    }
}

impl TextIndex {
    /// The offset table of `text`: from the checkpoints kept, built now the first time;
    /// built afresh (and not kept) for a text other than the one they were built for.
    pub fn table<'a>(&'a self, text: &'a String) -> OffsetTable<'a> {
        let key = TextKey::of(text);
        let built = self.built.get_or_init(|| Built {
            text: key,
            checkpoints: Checkpoints::of(text),
        });
        if built.text == key {
            OffsetTable::with_checkpoints(text, &built.checkpoints)
        } else {
            OffsetTable::new(text)
        }
    }
}

impl Clone for TextIndex {
    /// Empty: a clone's text lives elsewhere, its checkpoints are built when asked for.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for TextIndex {
    /// Always: two documents with the same text are equal whatever was asked of them.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for TextIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TextIndex")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn kept_for_its_text_and_built_afresh_for_another() {
        let index = TextIndex::default();
        let mut text = String::from("Palmyre (تدمر) 🇸🇾 « C’est »");
        let span = Span::new(9, 13);
        assert_eq!(index.table(&text).slice(span), Some("تدمر"));
        assert_eq!(index.table(&text).slice(span), Some("تدمر"));
        text = String::from("Homs (حمص) est loin");
        assert_eq!(index.table(&text).slice(Span::new(6, 9)), Some("حمص"));
        text.push_str(" — très loin");
        assert_eq!(index.table(&text).char_len(), text.chars().count());
    }
}
