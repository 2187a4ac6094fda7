//! Where each character of a block on the bidi path is drawn, and which character is
//! under a point.
//!
//! Such a block is laid out piece by piece in visual order (see [`super::bidi`]), each
//! piece after an invisible [`PIECE_START`] that marks in the galley where its glyphs
//! start; [`super::piece_boxes`] turns each piece's glyphs into one box per character. The
//! boxes answer every question the view asks (outlines, selection, clicks, hover), so
//! offsets, spans and the file stay logical whatever order the glyphs are drawn in.

use super::bidi::Piece;
use super::piece_boxes::{CharBox, PieceGlyph, piece_boxes};
use egui::{Galley, Pos2, Rect, pos2};
use std::ops::Range;

/// Marks the start of a piece in the laid-out text; never drawn, zero wide. egui gives
/// it to its first font whatever the fonts (it is one of egui's invisible characters), so
/// it never joins the run of a right-to-left piece, which is never the first run of its
/// section: the shaper draws no dotted circle before a leading joiner.
pub const PIECE_START: char = '\u{200B}';
/// What a [`PIECE_START`] of the document itself becomes, so that it marks nothing.
pub const PIECE_START_STANDIN: char = '\u{2060}';

/// Each logical character of a block and its box in the block's galley.
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    boxes: Vec<CharBox>,
    /// How many pieces got their boxes glyph by glyph (not by even shares).
    exact: usize,
    /// How many pieces got boxes.
    placed: usize,
}

impl CharMap {
    /// Reads the boxes of `pieces` (in the order they were laid out, each after a
    /// [`PIECE_START`]) from `galley`, for a block of characters `chars`.
    pub fn new(galley: &Galley, pieces: &[Piece], chars: &[char]) -> Self {
        Self::build(galley, pieces, chars, true)
    }

    /// Like [`Self::new`], but right-to-left pieces get even shares of their width,
    /// without shaping them again: enough to learn which row each character is on.
    pub fn approximate(galley: &Galley, pieces: &[Piece], chars: &[char]) -> Self {
        Self::build(galley, pieces, chars, false)
    }

    fn build(galley: &Galley, pieces: &[Piece], chars: &[char], exact: bool) -> Self {
        let mut map = Self {
            boxes: vec![CharBox::default(); chars.len()],
            exact: 0,
            placed: 0,
        };
        let mut pieces = pieces.iter();
        let mut current: Option<&Piece> = None;
        let mut glyphs: Vec<PieceGlyph> = Vec::new();
        for (r, row) in galley.rows.iter().enumerate() {
            for g in &row.glyphs {
                if g.chr == PIECE_START {
                    if let Some(piece) = current {
                        map.place(piece, chars, &glyphs, exact);
                    }
                    current = pieces.next();
                    glyphs.clear();
                } else {
                    glyphs.push(PieceGlyph {
                        row: r,
                        x0: g.pos.x,
                        x1: g.max_x(),
                        chr: g.chr,
                    });
                }
            }
        }
        if let Some(piece) = current {
            map.place(piece, chars, &glyphs, exact);
        }
        map.trim_overlaps();
        map
    }

    /// egui puts glyphs on whole pixels but keeps their exact advances, so neighbours
    /// overlap by up to a pixel: each box is cut where the next one on its row starts,
    /// so that a point lies in one box only.
    fn trim_overlaps(&mut self) {
        let boxes = &mut self.boxes;
        let mut wide: Vec<usize> = (0..boxes.len())
            .filter(|&i| boxes[i].x1 > boxes[i].x0)
            .collect();
        wide.sort_by(|&a, &b| {
            (boxes[a].row.cmp(&boxes[b].row)).then(boxes[a].x0.total_cmp(&boxes[b].x0))
        });
        for pair in wide.windows(2) {
            let (a, b) = (boxes[pair[0]], boxes[pair[1]]);
            if a.row == b.row && a.x1 > b.x0 {
                boxes[pair[0]].x1 = b.x0.max(a.x0);
            }
        }
    }

    fn place(&mut self, piece: &Piece, chars: &[char], glyphs: &[PieceGlyph], shape: bool) {
        let (boxes, exact) = piece_boxes(piece, chars, glyphs, shape);
        self.exact += usize::from(exact);
        self.placed += 1;
        for (i, b) in piece.chars.clone().zip(boxes) {
            if let Some(slot) = self.boxes.get_mut(i) {
                *slot = b;
            }
        }
    }

    /// The box of block character `i`.
    #[cfg(test)]
    pub fn char_box(&self, i: usize) -> Option<CharBox> {
        self.boxes.get(i).copied()
    }

    /// True when every piece got its boxes glyph by glyph, none by even shares of its
    /// width (the shaper predicted every right-to-left piece).
    #[cfg(test)]
    pub fn exact_everywhere(&self) -> bool {
        self.exact == self.placed
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

    /// The row nearest to `y` (relative to the galley).
    fn row_at(galley: &Galley, y: f32) -> Option<usize> {
        galley
            .rows
            .iter()
            .enumerate()
            .min_by(|a, b| {
                let d = |r: &egui::epaint::text::PlacedRow| {
                    let rect = r.rect();
                    (rect.min.y - y).max(y - rect.max.y).max(0.0)
                };
                d(a.1).total_cmp(&d(b.1))
            })
            .map(|(i, _)| i)
    }

    /// The cursor (a block character index, between characters) at `pos` relative to
    /// the galley: before the character under it when on its reading-start half.
    pub fn cursor_at(&self, galley: &Galley, pos: Pos2) -> usize {
        let Some(row) = Self::row_at(galley, pos.y) else {
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

    /// The block character drawn under `pos` (relative to the galley), if any.
    pub fn char_at(&self, galley: &Galley, pos: Pos2) -> Option<usize> {
        let row = Self::row_at(galley, pos.y)?;
        let placed = galley.rows.get(row)?;
        if !placed.rect().y_range().contains(pos.y) {
            return None;
        }
        let x = pos.x - placed.pos.x;
        self.boxes
            .iter()
            .position(|b| b.row == row && b.x0 <= x && x < b.x1)
    }
}

/// Horizontal distance from `x` to a box (0 inside).
fn distance(b: &CharBox, x: f32) -> f32 {
    (b.x0 - x).max(x - b.x1).max(0.0)
}
