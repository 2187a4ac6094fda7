//! Cutting a text into blocks that are laid out, cached and drawn one by one.
//!
//! Laying out a whole long article costs tens of milliseconds per edit and a second per
//! resize (see DESIGN.md); paragraphs are cheap. A paragraph longer than
//! [`MAX_BLOCK_CHARS`] is cut at a space so that no single block is expensive either.

use crate::model::words::word_segments;
use std::ops::Range;

/// Longest block, in characters, before a paragraph is cut in pieces.
pub const MAX_BLOCK_CHARS: usize = 4000;

/// A piece of the text shown as one galley: a paragraph or a slice of a long one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Its characters in the document (line ends excluded).
    pub chars: Range<usize>,
    /// Its bytes in the document.
    pub bytes: Range<usize>,
}

/// The blocks of `text`, in order; line ends (`\n`, `\r\n`) belong to no block.
pub fn blocks_from_text(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut char_index = 0;
    let mut byte_index = 0;
    for line in text.split('\n') {
        let line_chars = line.chars().count();
        let shown = line.strip_suffix('\r').unwrap_or(line);
        let mut start = 0;
        let mut start_byte = 0;
        let shown_chars = line_chars - (line.len() - shown.len());
        while shown_chars - start > MAX_BLOCK_CHARS {
            let cut = cut_point(&shown[start_byte..], MAX_BLOCK_CHARS);
            let cut_bytes = shown[start_byte..]
                .char_indices()
                .nth(cut)
                .map_or(shown.len() - start_byte, |(b, _)| b);
            blocks.push(Block {
                chars: char_index + start..char_index + start + cut,
                bytes: byte_index + start_byte..byte_index + start_byte + cut_bytes,
            });
            start += cut;
            start_byte += cut_bytes;
        }
        blocks.push(Block {
            chars: char_index + start..char_index + shown_chars,
            bytes: byte_index + start_byte..byte_index + shown.len(),
        });
        char_index += line_chars + 1;
        byte_index += line.len() + 1;
    }
    blocks
}

/// Where to cut a long line: after the last space before `limit` characters, or at the
/// limit when the line has no space there.
fn cut_point(line: &str, limit: usize) -> usize {
    let mut last_space = None;
    for (i, c) in line.chars().enumerate().take(limit) {
        if c.is_whitespace() {
            last_space = Some(i + 1);
        }
    }
    match last_space {
        Some(i) if i > limit / 2 => i,
        _ => limit,
    }
}

/// `range` (characters of `text`) widened to whole words and stripped of the spaces and
/// punctuation at its ends; empty when it holds no word.
pub fn snap_to_words(text: &str, range: Range<usize>) -> Range<usize> {
    let segments = word_segments(text);
    let words: Vec<&Range<usize>> = segments
        .iter()
        .filter(|(r, is_word)| {
            *is_word && r.start < range.end.max(range.start + 1) && range.start < r.end
        })
        .map(|(r, _)| r)
        .collect();
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => range.start..range.start,
    }
}

/// The word at character `index` of `text`, if it is on one.
pub fn word_at(text: &str, index: usize) -> Option<Range<usize>> {
    word_segments(text)
        .into_iter()
        .find(|(r, is_word)| *is_word && r.contains(&index))
        .map(|(r, _)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_follow_lines_and_skip_line_ends() {
        let text = "Titre\r\n\nPremier § é\nfin";
        let blocks = blocks_from_text(text);
        let shown: Vec<&str> = blocks.iter().map(|b| &text[b.bytes.clone()]).collect();
        assert_eq!(shown, ["Titre", "", "Premier § é", "fin"]);
        for b in &blocks {
            let by_chars: String = text
                .chars()
                .skip(b.chars.start)
                .take(b.chars.len())
                .collect();
            assert_eq!(by_chars, &text[b.bytes.clone()]);
        }
    }

    #[test]
    fn long_paragraphs_are_cut_at_spaces() {
        let text = "mot ".repeat(3000);
        let blocks = blocks_from_text(&text);
        assert!(blocks.len() > 2);
        assert!(blocks.iter().all(|b| b.chars.len() <= MAX_BLOCK_CHARS));
        assert_eq!(blocks[0].chars.start, 0);
        for pair in blocks.windows(2) {
            assert_eq!(pair[0].chars.end, pair[1].chars.start);
            assert!(text[..pair[0].bytes.end].ends_with(' '));
        }
    }

    #[test]
    fn selection_snaps_to_whole_words() {
        let text = "L’armée syrienne, aidée de l’aviation.";
        assert_eq!(snap_to_words(text, 4..10), 2..16); // "armée syrienne"
        assert_eq!(snap_to_words(text, 16..18), 16..16); // ", " holds no word
        assert_eq!(snap_to_words(text, 27..30), 29..37); // "aviation", not "l’aviation"
        assert_eq!(word_at(text, 5), Some(2..7));
        assert_eq!(word_at(text, 16), None);
    }
}
