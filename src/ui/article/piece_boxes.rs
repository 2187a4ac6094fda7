//! The box of each character of one piece, from the glyphs egui made for it.
//!
//! Left-to-right pieces keep egui's own rule, one glyph per character. A right-to-left
//! piece has its glyphs in visual order, tagged with the first character of their cluster,
//! then continuation glyphs (see [`super::clusters`]); the shaper's clusters say which
//! characters each glyph draws. A cluster of several letters (a ligature such as lam-alef)
//! is shared evenly among its letters, its combining marks getting no width of their own,
//! as egui does for `e` + U+0301 in Latin text. Even shares of the piece's width remain
//! for what the shaper cannot predict (letters in no bundled font).

use super::bidi::Piece;
use super::clusters::{self, GlyphOf};
use super::joining;
use std::collections::BTreeMap;
use unicode_segmentation::UnicodeSegmentation as _;

/// Where one character of a block is drawn: row of the galley and x extent in the row.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CharBox {
    /// Row of the galley.
    pub row: usize,
    /// Left edge, relative to the row.
    pub x0: f32,
    /// Right edge, relative to the row.
    pub x1: f32,
    /// The character reads right to left (its cursor side is mirrored).
    pub rtl: bool,
}

/// One glyph of a piece, as the galley has it.
#[derive(Clone, Copy, Debug)]
pub struct PieceGlyph {
    /// Row of the galley.
    pub row: usize,
    /// Left edge, relative to the row.
    pub x0: f32,
    /// Right edge (left edge plus advance).
    pub x1: f32,
    /// The character egui tagged it with.
    pub chr: char,
}

/// The boxes of the characters of `piece` (of block `chars`) drawn as `glyphs`, and
/// whether they are exact (not even shares). A right-to-left piece is shaped again only
/// when `shape` is set.
pub fn piece_boxes(
    piece: &Piece,
    chars: &[char],
    glyphs: &[PieceGlyph],
    shape: bool,
) -> (Vec<CharBox>, bool) {
    let exact = if piece.rtl {
        shape.then(|| shaped_boxes(piece, chars, glyphs)).flatten()
    } else if glyphs.len() == piece.chars.len() {
        Some(
            glyphs
                .iter()
                .map(|g| CharBox {
                    row: g.row,
                    x0: g.x0,
                    x1: g.x1,
                    rtl: false,
                })
                .collect(),
        )
    } else {
        None
    };
    match exact {
        Some(boxes) => (boxes, true),
        None => (shares(piece, glyphs), false),
    }
}

/// The extent of a cluster: row, x0, x1, and whether a glyph with a width was seen.
type Extent = (usize, f32, f32, bool);

/// Boxes of a right-to-left piece from the clusters of its glyphs; `None` when egui's
/// glyphs are not the ones predicted.
fn shaped_boxes(piece: &Piece, chars: &[char], glyphs: &[PieceGlyph]) -> Option<Vec<CharBox>> {
    // The piece as laid out: with its joiners, whose boxes are dropped at the end.
    let (before, after) = joining::joiners(chars, piece);
    let letters = chars.get(piece.chars.clone())?;
    let text: String = before.iter().chain(letters).chain(after).collect();
    let predicted = clusters::egui_glyphs(&text)?;
    if predicted.len() != glyphs.len() {
        return None;
    }
    let mut extents: BTreeMap<usize, Extent> = BTreeMap::new();
    for (of, g) in predicted.iter().zip(glyphs) {
        match *of {
            GlyphOf::Continuation => {
                if g.x1 - g.x0 > 0.01 {
                    return None;
                }
            }
            GlyphOf::Cluster(byte) => {
                if !text.get(byte..)?.starts_with(g.chr) {
                    return None;
                }
                let wide = g.x1 > g.x0;
                extents
                    .entry(byte)
                    .and_modify(|e| {
                        if !e.3 && wide {
                            *e = (g.row, g.x0, g.x1, true);
                        } else if wide && e.0 == g.row {
                            e.1 = e.1.min(g.x0);
                            e.2 = e.2.max(g.x1);
                        }
                    })
                    .or_insert((g.row, g.x0, g.x1, wide));
            }
        }
    }
    if extents.keys().next() != Some(&0) {
        return None;
    }
    let starts: Vec<usize> = extents.keys().copied().collect();
    let mut boxes = Vec::with_capacity(piece.chars.len());
    for (k, (&start, &(row, x0, x1, _))) in extents.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let cluster = text.get(start..end)?;
        let graphemes: Vec<&str> = cluster.graphemes(true).collect();
        let drawn = graphemes.iter().filter(|g| !invisible(g)).count();
        let share = (x1 - x0) / drawn.max(1) as f32;
        // Read right to left: the first letter takes the right end.
        let mut right = x1;
        for grapheme in graphemes {
            let left = if invisible(grapheme) {
                right
            } else {
                right - share
            };
            for (m, _) in grapheme.chars().enumerate() {
                // A combining mark draws over its letter: no width of its own, at the end
                // of the letter in reading order.
                let (a, b) = if m == 0 { (left, right) } else { (left, left) };
                boxes.push(CharBox {
                    row,
                    x0: a,
                    x1: b,
                    rtl: true,
                });
            }
            right = left;
        }
    }
    let own = boxes.get(before.len()..before.len() + letters.len())?;
    (boxes.len() == text.chars().count()).then(|| own.to_vec())
}

/// True for a grapheme of joiners and other invisible format characters, which take no
/// share of a cluster's width.
fn invisible(grapheme: &str) -> bool {
    grapheme.chars().all(|c| {
        matches!(c, '\u{34F}' | '\u{61C}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
    })
}

/// Even shares of the piece's extent, right to left for right-to-left letters: for
/// what the shaper cannot predict.
fn shares(piece: &Piece, glyphs: &[PieceGlyph]) -> Vec<CharBox> {
    // Extent of the piece on each row, in the order the glyphs came.
    let mut extents: Vec<(usize, f32, f32)> = Vec::new();
    for g in glyphs {
        match extents.last_mut() {
            Some(e) if e.0 == g.row => {
                e.1 = e.1.min(g.x0);
                e.2 = e.2.max(g.x1);
            }
            _ => extents.push((g.row, g.x0, g.x1)),
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
    let n = piece.chars.len();
    let share = if n == 0 { 0.0 } else { total / n as f32 };
    (0..n)
        .map(|k| {
            let visual = if piece.rtl { n - 1 - k } else { k };
            let (row, x0) = at(visual as f32 * share);
            let (end_row, end) = at((visual + 1) as f32 * share);
            let x1 = if end_row == row {
                end.max(x0)
            } else {
                x0 + share
            };
            CharBox {
                row,
                x0,
                x1,
                rtl: piece.rtl,
            }
        })
        .collect()
}
