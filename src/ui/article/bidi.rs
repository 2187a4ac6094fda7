//! Right-to-left text: the visual order of a block's characters, and where each of
//! them lands in egui's galley.
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
//!   runs of right-to-left letters (kept whole so that harfrust joins them and draws
//!   them right to left), every other character of a right-to-left run on its own;
//! - each line's pieces are put in visual order (Unicode bidi rule L2, levels from the
//!   `unicode-bidi` crate), and laid out as sections separated by an invisible
//!   zero-width space, which marks in the galley where each piece's glyphs end;
//! - [`CharMap`] then gives each logical character its box, whatever number of glyphs
//!   egui made for it. Offsets, spans, clicks and the file stay logical.
//!
//! Blocks without right-to-left letters never come here: they keep egui's own
//! one-glyph-per-character mapping and cost nothing more.

use egui::{Galley, Pos2, Rect, pos2};
use std::ops::Range;
use unicode_bidi::{BidiClass, ParagraphBidiInfo, bidi_class};

/// Marks the end of a piece in the laid-out text; never drawn, zero wide.
pub const PIECE_END: char = '\u{200B}';
/// What a [`PIECE_END`] of the document itself becomes, so that it marks nothing.
pub const PIECE_END_STANDIN: char = '\u{2060}';

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
    for (k, (&c, &level)) in chars
        .get(line.clone())
        .unwrap_or_default()
        .iter()
        .zip(&levels)
        .enumerate()
    {
        let i = line.start + k;
        // Combining marks stay with the letter they sit on.
        let letter = is_rtl_letter(c) || (prev_letter && bidi_class(c) == BidiClass::NSM);
        prev_letter = letter;
        let odd = level % 2 == 1;
        let joins = match pieces.last() {
            Some((last, last_level)) => {
                *last_level == level
                    && last.rtl == letter
                    && (letter || !odd)
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
    let levels: Vec<u8> = pieces.iter().map(|(_, l)| *l).collect();
    let mut out: Vec<Piece> = pieces.into_iter().map(|(p, _)| p).collect();
    reorder(&mut out, &levels);
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

/// The logical index of each character of `chars` in the order they are seen, left to
/// right, on one line: the pieces in visual order, right-to-left letters reversed as
/// harfrust draws them.
pub fn visual_order(chars: &[char]) -> Vec<usize> {
    visual_pieces(chars, 0..chars.len(), &[])
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

/// Where one character of a block is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CharBox {
    row: usize,
    x0: f32,
    x1: f32,
    rtl: bool,
}

/// Each logical character of a block and its box in the block's galley.
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    boxes: Vec<CharBox>,
}

impl CharMap {
    /// Reads the boxes of `pieces` (in the order they were laid out, each followed by a
    /// [`PIECE_END`]) from `galley`, for a block of `len` characters.
    pub fn new(galley: &Galley, pieces: &[Piece], len: usize) -> Self {
        let mut boxes = vec![
            CharBox {
                row: 0,
                x0: 0.0,
                x1: 0.0,
                rtl: false,
            };
            len
        ];
        let mut piece_index = 0;
        let mut glyphs: Vec<(usize, f32, f32)> = Vec::new();
        for (r, row) in galley.rows.iter().enumerate() {
            for g in &row.glyphs {
                if g.chr == PIECE_END {
                    if let Some(piece) = pieces.get(piece_index) {
                        place(piece, &glyphs, &mut boxes);
                    }
                    piece_index += 1;
                    glyphs.clear();
                } else {
                    glyphs.push((r, g.pos.x, g.pos.x + g.advance_width));
                }
            }
        }
        if let Some(piece) = pieces.get(piece_index) {
            place(piece, &glyphs, &mut boxes);
        }
        Self { boxes }
    }

    /// The row of each character, to cut the block into lines.
    pub fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.boxes.iter().map(|b| b.row)
    }

    /// Rectangles (relative to the galley) covering block characters `range`: one per
    /// stretch of touching boxes on a row.
    pub fn rects(&self, galley: &Galley, range: Range<usize>) -> Vec<Rect> {
        let mut spans: Vec<(usize, f32, f32)> = self
            .boxes
            .get(range.start.min(self.boxes.len())..range.end.min(self.boxes.len()))
            .unwrap_or_default()
            .iter()
            .map(|b| (b.row, b.x0, b.x1))
            .collect();
        spans.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut merged: Vec<(usize, f32, f32)> = Vec::new();
        for (row, x0, x1) in spans {
            match merged.last_mut() {
                Some(last) if last.0 == row && x0 <= last.2 + 1.5 => last.2 = last.2.max(x1),
                _ => merged.push((row, x0, x1)),
            }
        }
        merged
            .into_iter()
            .filter(|(_, x0, x1)| x1 > x0)
            .filter_map(|(row, x0, x1)| {
                let placed = galley.rows.get(row)?;
                let r = placed.rect();
                Some(Rect::from_min_max(
                    pos2(placed.pos.x + x0, r.min.y),
                    pos2(placed.pos.x + x1, r.max.y),
                ))
            })
            .collect()
    }

    /// The cursor (a block character index, between characters) at `pos` relative to
    /// the galley: before the character under it when on its reading-start half.
    pub fn cursor_at(&self, galley: &Galley, pos: Pos2) -> usize {
        let Some(row) = galley
            .rows
            .iter()
            .enumerate()
            .min_by(|a, b| {
                let d = |r: &egui::epaint::text::PlacedRow| {
                    let rect = r.rect();
                    (rect.min.y - pos.y).max(pos.y - rect.max.y).max(0.0)
                };
                d(a.1).total_cmp(&d(b.1))
            })
            .map(|(i, _)| i)
        else {
            return 0;
        };
        let x = pos.x - galley.rows.get(row).map_or(0.0, |r| r.pos.x);
        let nearest = self
            .boxes
            .iter()
            .enumerate()
            .filter(|(_, b)| b.row == row)
            .min_by(|(_, a), (_, b)| distance(a, x).total_cmp(&distance(b, x)));
        match nearest {
            Some((i, b)) => {
                let center = (b.x0 + b.x1) / 2.0;
                if (x < center) != b.rtl { i } else { i + 1 }
            }
            None => self.boxes.len(),
        }
    }
}

/// Horizontal distance from `x` to a box (0 inside).
fn distance(b: &CharBox, x: f32) -> f32 {
    (b.x0 - x).max(x - b.x1).max(0.0)
}

/// Gives the characters of `piece` their boxes from its glyphs `(row, x0, x1)`: one
/// glyph per character when egui kept that invariant, else shares of the piece's
/// extent, right to left for right-to-left letters.
fn place(piece: &Piece, glyphs: &[(usize, f32, f32)], boxes: &mut [CharBox]) {
    let n = piece.chars.len();
    if !piece.rtl && glyphs.len() == n {
        for (i, &(row, x0, x1)) in piece.chars.clone().zip(glyphs) {
            if let Some(b) = boxes.get_mut(i) {
                *b = CharBox {
                    row,
                    x0,
                    x1,
                    rtl: false,
                };
            }
        }
        return;
    }
    // Extent of the piece on each row, in the order the glyphs came.
    let mut extents: Vec<(usize, f32, f32)> = Vec::new();
    for &(row, x0, x1) in glyphs {
        match extents.last_mut() {
            Some(e) if e.0 == row => {
                e.1 = e.1.min(x0);
                e.2 = e.2.max(x1);
            }
            _ => extents.push((row, x0, x1)),
        }
    }
    let total: f32 = extents.iter().map(|e| e.2 - e.1).sum();
    // Position `f` (0..=total) along the extents, as (row, x).
    let at = |f: f32| {
        let mut left = f;
        for &(row, x0, x1) in &extents {
            if left <= x1 - x0 {
                return (row, x0 + left);
            }
            left -= x1 - x0;
        }
        extents.last().map_or((0, 0.0), |&(row, _, x1)| (row, x1))
    };
    let share = if n == 0 { 0.0 } else { total / n as f32 };
    for (k, i) in piece.chars.clone().enumerate() {
        let visual = if piece.rtl { n - 1 - k } else { k };
        let (row, x0) = at(visual as f32 * share);
        let x1 = (x0 + share).min(at((visual + 1) as f32 * share).1.max(x0));
        if let Some(b) = boxes.get_mut(i) {
            *b = CharBox {
                row,
                x0,
                x1: if x1 > x0 { x1 } else { x0 + share },
                rtl: piece.rtl,
            };
        }
    }
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
        assert_eq!(visual_order(&c), (0..c.len()).collect::<Vec<_>>());
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
            let order = visual_order(&c);
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
