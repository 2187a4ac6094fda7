//! Right-to-left text: the visual order of a block's characters.
//!
//! egui 0.37 shapes text with harfrust but has no bidirectional reordering, and its
//! galley loses the character ↔ glyph correspondence on right-to-left runs: harfrust
//! returns their glyphs in visual order, and egui's "continuation glyphs" (meant to keep
//! one glyph per character) are computed for ascending clusters only, so a run of `n`
//! Arabic letters yields up to `2n - 1` glyphs. Every `CCursor`, `Row::x_offset` and
//! `cursor_from_pos` after such a run is shifted (the reported "selection two characters
//! off"). So blocks holding right-to-left letters take another path:
//!
//! - the block is cut in *pieces*: highlight segment boundaries, bidi level changes,
//!   runs of right-to-left letters of one script (kept whole so that harfrust joins
//!   them and draws them right to left), every other character of a right-to-left run
//!   on its own, as are the non-letters of right-to-left scripts (Arabic-Indic digits),
//!   which harfrust would otherwise draw right to left;
//! - each line's pieces are put in visual order (Unicode bidi rule L2, levels from the
//!   `unicode-bidi` crate), and laid out as sections each after an invisible zero-width
//!   space, which marks in the galley where each piece's glyphs start (`layout.rs`),
//!   with joiners where a highlight cuts an Arabic word (`joining.rs`);
//! - `CharMap` (`char_map.rs`) then gives each logical character its box, whatever
//!   number of glyphs egui made for it, exactly through the shaper's clusters
//!   (`clusters.rs`, `piece_boxes.rs`). Offsets, spans, clicks and the file stay logical;
//! - a paragraph that reads right to left is drawn flush right (`layout.rs`).
//!
//! Blocks without right-to-left letters never come here: they keep egui's own
//! one-glyph-per-character mapping and cost nothing more.

use std::ops::Range;
use unicode_bidi::{BidiClass, ParagraphBidiInfo, bidi_class};

/// True for the characters that harfrust shapes right to left (Hebrew, Arabic, …).
fn is_rtl_letter(c: char) -> bool {
    (c as u32) >= 0x590 && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// True when `text` holds a right-to-left letter or an Arabic number (Arabic-Indic
/// digits: a run of them with brackets around reorders even in a left-to-right
/// paragraph), so needs the bidi path.
pub fn needs_bidi(text: &str) -> bool {
    text.chars()
        .any(|c| is_rtl_letter(c) || ((c as u32) >= 0x600 && bidi_class(c) == BidiClass::AN))
}

/// True for characters of the right-to-left scripts' blocks (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, …): harfrust shapes a piece that starts with one right to left, so
/// those that are not letters (Arabic-Indic digits, marks, punctuation) are laid out
/// alone, where direction does not matter.
fn in_rtl_block(c: char) -> bool {
    matches!(c as u32, 0x590..=0x8FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// True for the letters of the Hebrew blocks, drawn with the Hebrew font.
fn is_hebrew(c: char) -> bool {
    matches!(c as u32, 0x590..=0x5FF | 0xFB1D..=0xFB4F)
}

/// True when the paragraph `chars` reads right to left: drawn flush right.
pub fn reads_right_to_left(chars: &[char]) -> bool {
    paragraph_level(chars).is_rtl()
}

/// The direction of the paragraph (the block) the line is in: right to left only when
/// most of its letters are. The first strong letter, as Unicode would take it, makes a
/// French sentence that starts with an Arabic name read right to left.
fn paragraph_level(chars: &[char]) -> unicode_bidi::Level {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for &c in chars {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    if rtl > ltr {
        unicode_bidi::Level::rtl()
    } else {
        unicode_bidi::Level::ltr()
    }
}

/// A run of characters laid out as one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Its characters, in logical order, relative to the block.
    pub chars: Range<usize>,
    /// Right-to-left letters, which harfrust draws right to left.
    pub rtl: bool,
    /// Its bidi level is odd (it reads right to left).
    pub odd: bool,
}

/// The pieces of `chars[line]`, in visual order. `cuts` are block-relative character
/// indices where a piece must end (highlight boundaries), sorted.
pub fn visual_pieces(chars: &[char], line: Range<usize>, cuts: &[usize]) -> Vec<Piece> {
    let text: String = chars.get(line.clone()).unwrap_or_default().iter().collect();
    let info = ParagraphBidiInfo::new(&text, Some(paragraph_level(chars)));
    let levels: Vec<u8> = info
        .reordered_levels_per_char(0..text.len())
        .iter()
        .map(|l| l.number())
        .collect();
    let mut pieces: Vec<(Piece, u8)> = Vec::new();
    let mut prev_letter = false;
    let mut prev_alone = false;
    let mut prev_hebrew = false;
    for (k, (&c, &level)) in chars
        .get(line.clone())
        .unwrap_or_default()
        .iter()
        .zip(&levels)
        .enumerate()
    {
        let i = line.start + k;
        // Combining marks stay with the letter they sit on.
        let mark = prev_letter && bidi_class(c) == BidiClass::NSM;
        let letter = is_rtl_letter(c) || mark;
        prev_letter = letter;
        // Hebrew and Arabic letters side by side are drawn with different fonts, which
        // egui lays out as runs left to right: each script is a piece of its own, so
        // that the pieces are reordered.
        let hebrew = if mark { prev_hebrew } else { is_hebrew(c) };
        let same_script = hebrew == prev_hebrew;
        prev_hebrew = hebrew;
        // A character following one laid out alone starts a piece of its own.
        let alone = prev_alone;
        prev_alone = !letter && in_rtl_block(c);
        let odd = level % 2 == 1;
        let joins = match pieces.last() {
            Some((last, last_level)) => {
                *last_level == level
                    && last.rtl == letter
                    && ((letter && same_script) || (!letter && !odd && !in_rtl_block(c) && !alone))
                    && cuts.binary_search(&i).is_err()
            }
            None => false,
        };
        match pieces.last_mut() {
            Some((last, _)) if joins => last.chars.end = i + 1,
            _ => pieces.push((
                Piece {
                    chars: i..i + 1,
                    rtl: letter,
                    odd,
                },
                level,
            )),
        }
    }
    let pieces = split_scriptless(chars, pieces);
    let levels: Vec<u8> = pieces.iter().map(|(_, l)| *l).collect();
    let mut out: Vec<Piece> = pieces.into_iter().map(|(p, _)| p).collect();
    reorder(&mut out, &levels);
    out
}

/// The right-to-left letters that belong to no script of their own (Unicode script
/// Common): the Arabic tatweel, semicolon and question mark.
fn scriptless(c: char) -> bool {
    matches!(c, '\u{61B}' | '\u{61F}' | '\u{640}')
}

/// Cuts into single characters the right-to-left pieces made only of [`scriptless`]
/// letters and marks: harfrust takes a text's direction from its first character with
/// a script, so it would draw them left to right.
fn split_scriptless(chars: &[char], pieces: Vec<(Piece, u8)>) -> Vec<(Piece, u8)> {
    let mut out = Vec::with_capacity(pieces.len());
    for (piece, level) in pieces {
        let letters = chars.get(piece.chars.clone()).unwrap_or_default();
        let lone = piece.rtl
            && piece.chars.len() > 1
            && letters
                .iter()
                .all(|&c| scriptless(c) || bidi_class(c) == BidiClass::NSM);
        if lone {
            out.extend(piece.chars.clone().map(|i| {
                let single = Piece {
                    chars: i..i + 1,
                    ..piece.clone()
                };
                (single, level)
            }));
        } else {
            out.push((piece, level));
        }
    }
    out
}

/// Unicode bidi rule L2: from the highest level down to the lowest odd one, reverse
/// every run of items at that level or higher.
fn reorder<T>(items: &mut [T], levels: &[u8]) {
    let mut levels = levels.to_vec();
    let (Some(&max), Some(&min)) = (levels.iter().max(), levels.iter().min()) else {
        return;
    };
    let lowest_odd = if min % 2 == 1 { min } else { min + 1 };
    let mut level = max;
    while level >= lowest_odd && level > 0 {
        let mut i = 0;
        while i < levels.len() {
            if levels[i] >= level {
                let start = i;
                while i < levels.len() && levels[i] >= level {
                    i += 1;
                }
                items[start..i].reverse();
                levels[start..i].reverse();
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
}

/// The character shown for `c` in a right-to-left run: brackets and quotes mirrored.
pub fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

/// The logical index of each character of line `line` of block `chars` in the order
/// they are seen, left to right: the pieces in visual order, right-to-left letters
/// reversed as harfrust draws them.
pub fn visual_order(chars: &[char], line: Range<usize>) -> Vec<usize> {
    visual_pieces(chars, line, &[])
        .into_iter()
        .flat_map(|p| {
            let r = p.chars.clone();
            let v: Vec<usize> = if p.rtl {
                r.rev().collect()
            } else {
                r.collect()
            };
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn latin_stays_in_order() {
        let c = chars("Palmyre « C’est »");
        assert_eq!(
            visual_order(&c, 0..c.len()),
            (0..c.len()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_paragraph_of_mostly_arabic_reads_right_to_left() {
        let c = chars("قال بشار الأسد OK");
        let pieces = visual_pieces(&c, 0..c.len(), &[]);
        let first: String = pieces
            .first()
            .map(|p| c[p.chars.clone()].iter().collect())
            .unwrap_or_default();
        assert_eq!(
            first, "OK",
            "the Latin word at the end of the sentence is drawn leftmost"
        );
    }

    #[test]
    fn arabic_words_read_right_to_left() {
        // In a French sentence the two Arabic words swap places, each drawn right to
        // left.
        let c = chars("le président بشار الأسد a dit");
        let pieces = visual_pieces(&c, 0..c.len(), &[]);
        let texts: Vec<String> = pieces
            .iter()
            .map(|p| c[p.chars.clone()].iter().collect())
            .collect();
        assert_eq!(texts, ["le président ", "الأسد", " ", "بشار", " a dit"]);
        assert!(pieces[1].rtl && pieces[1].odd && !pieces[0].rtl);
    }

    #[test]
    fn highlight_cuts_split_pieces() {
        let c = chars("والأسد");
        let pieces = visual_pieces(&c, 0..c.len(), &[1]);
        let ranges: Vec<_> = pieces.iter().map(|p| p.chars.clone()).collect();
        // The conjunction و comes first in reading, so it is drawn rightmost (last).
        assert_eq!(ranges, [1..6, 0..1]);
    }

    fn mixed() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "Palmyre", " ", "تدمر", "بشار", "שלום", "🇸🇾", "e\u{301}", "«", "»", "(", ")", "123",
            "٣٤", "C’est", ".", "\u{200B}", "ـ", "\u{64B}",
        ]);
        prop::collection::vec(atoms, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn visual_order_is_a_permutation(s in mixed()) {
            let c = chars(&s);
            let order = visual_order(&c, 0..c.len());
            // logical → visual → logical round trip.
            let mut visual_of = vec![usize::MAX; c.len()];
            for (v, &l) in order.iter().enumerate() {
                prop_assert!(l < c.len());
                prop_assert_eq!(visual_of[l], usize::MAX);
                visual_of[l] = v;
            }
            for (l, &v) in visual_of.iter().enumerate() {
                prop_assert_eq!(order[v], l);
            }
            if !needs_bidi(&s) {
                prop_assert_eq!(order, (0..c.len()).collect::<Vec<_>>());
            }
        }

        #[test]
        fn pieces_respect_cuts(s in mixed(), cut in 0usize..40) {
            let c = chars(&s);
            let pieces = visual_pieces(&c, 0..c.len(), &[cut]);
            for p in &pieces {
                prop_assert!(!(p.chars.start < cut && cut < p.chars.end));
            }
            let mut all: Vec<usize> = pieces.iter().flat_map(|p| p.chars.clone()).collect();
            all.sort_unstable();
            prop_assert_eq!(all, (0..c.len()).collect::<Vec<_>>());
        }
    }
}
