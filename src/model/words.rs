//! Word boundaries, shared by the article view (snapping a selection to whole words)
//! and the edits that grow or shrink a mention by a word, so both agree on what a word
//! is.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The word boundaries of `text` in characters, each with whether it is a word. French
/// elisions (`l’armée`) are cut after the apostrophe and the article is not a word, since
/// annotators tag `armée`, not `l’armée`.
pub fn word_segments(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut segments = Vec::new();
    let mut char_pos = 0;
    for segment in text.split_word_bounds() {
        let len = segment.chars().count();
        let is_word = segment.chars().any(char::is_alphanumeric);
        let mut start = char_pos;
        if is_word {
            for (i, c) in segment.chars().enumerate() {
                if matches!(c, '\'' | '’') && i + 1 < len {
                    segments.push((start..char_pos + i + 1, false));
                    start = char_pos + i + 1;
                }
            }
        }
        segments.push((start..char_pos + len, is_word));
        char_pos += len;
    }
    segments
}
