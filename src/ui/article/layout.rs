//! Laying out one block of an article: egui's own layout for text without right-to-left
//! letters (the fast path: one glyph per character, nothing more to compute), the bidi
//! path otherwise (pieces in visual order, a [`CharMap`] from characters to boxes, and
//! right-aligned rows when the paragraph reads right to left).

use super::bidi::{self, Piece};
use super::blocks::Block;
use super::char_map::{CharMap, PIECE_START, PIECE_START_STANDIN};
use super::highlights::{HighlightIndex, segments};
use super::joining;
use egui::text::{CharIndex, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Galley, Pos2, Rect, Stroke, Ui, pos2};
use std::ops::Range;
use std::sync::Arc;

/// Size of the article font.
pub(super) const FONT_SIZE: f32 = 16.0;

/// A block laid out: its galley and, for a block with right-to-left text, where each
/// of its characters is drawn (see [`bidi`]); other blocks keep one glyph per character.
#[derive(Clone)]
pub(crate) struct Laid {
    /// The galley, drawn as it is.
    pub(crate) galley: Arc<Galley>,
    /// The boxes of the characters, when the galley's glyphs do not follow them.
    pub(crate) map: Option<Arc<CharMap>>,
    /// How far right of the block's left edge the galley's origin lies: the wrap width
    /// for a right-aligned galley (egui puts its rows left of their origin), else 0.
    pub(crate) shift: f32,
}

impl Laid {
    /// Where to put the galley's origin for a block whose left edge is at `left_top`.
    pub(crate) fn origin(&self, left_top: Pos2) -> Pos2 {
        left_top + egui::vec2(self.shift, 0.0)
    }

    /// Rectangles (relative to the galley) covering block characters `range`.
    pub(crate) fn range_rects(&self, range: Range<usize>) -> Vec<Rect> {
        match &self.map {
            Some(map) => map.rects(&self.galley, range),
            None => range_rects(&self.galley, range),
        }
    }

    /// The block character index (a cursor, between characters) at `pos`, relative to
    /// the galley.
    pub(crate) fn cursor_at(&self, pos: Pos2) -> usize {
        match &self.map {
            Some(map) => map.cursor_at(&self.galley, pos),
            None => self.galley.cursor_from_pos(pos.to_vec2()).index.0,
        }
    }

    /// The block character drawn under `pos` (relative to the galley), if any: what a
    /// click or the pointer hovering is on.
    pub(crate) fn char_at(&self, pos: Pos2) -> Option<usize> {
        match &self.map {
            Some(map) => map.char_at(&self.galley, pos),
            None => glyph_at(&self.galley, pos),
        }
    }
}

/// The character under `pos` in a galley with one glyph per character.
fn glyph_at(galley: &Galley, pos: Pos2) -> Option<usize> {
    let mut row_start = 0;
    for row in &galley.rows {
        let n = row.char_count_excluding_newline().0;
        if row.rect().y_range().contains(pos.y) {
            let x = pos.x - row.pos.x;
            let i = row.glyphs.partition_point(|g| g.max_x() <= x);
            return row
                .glyphs
                .get(i)
                .filter(|g| g.pos.x <= x)
                .map(|_| row_start + i);
        }
        row_start += n + usize::from(row.ends_with_newline);
    }
    None
}

/// Lays out one block: egui's layout as it is, or the bidi path for a block holding
/// right-to-left letters.
pub(super) fn lay_out_block(
    ui: &Ui,
    text: &str,
    block: &Block,
    highlights: &HighlightIndex,
    block_index: usize,
    width: f32,
) -> Laid {
    let block_text = text.get(block.bytes.clone()).unwrap_or_default();
    let formats = segment_formats(ui, block, highlights, block_index);
    if !bidi::needs_bidi(block_text) {
        let job = job_for_block(block_text, &formats, width);
        return Laid {
            galley: ui.fonts_mut(|f| f.layout_job(job)),
            map: None,
            shift: 0.0,
        };
    }
    let chars: Vec<char> = block_text.chars().collect();
    let cuts: Vec<usize> = formats.iter().map(|(r, _)| r.start).collect();
    // First pass in logical order, to learn where the lines break; then each line is
    // laid out again in visual order (bidi reorders lines, not paragraphs).
    let mut logical = bidi::visual_pieces(&chars, 0..chars.len(), &cuts);
    logical.sort_by_key(|p| p.chars.start);
    let (galley, pieces) = bidi_galley(ui, &chars, &[logical], &formats, width, Align::LEFT);
    let first = CharMap::approximate(&galley, &pieces, &chars);
    let rows: Vec<usize> = first.rows().collect();
    let mut lines: Vec<Range<usize>> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match lines.last_mut() {
            Some(line) if i > 0 && rows.get(i - 1) == Some(row) => line.end = i + 1,
            _ => lines.push(i..i + 1),
        }
    }
    let visual: Vec<Vec<Piece>> = lines
        .into_iter()
        .map(|line| bidi::visual_pieces(&chars, line, &cuts))
        .collect();
    // A paragraph that reads right to left is flush right, as its readers expect.
    let rtl = bidi::reads_right_to_left(&chars);
    let align = if rtl { Align::RIGHT } else { Align::LEFT };
    // The lines are known: no wrapping again, which could move characters between
    // rows of a line wider than `width` (a word longer than the line).
    let (galley, pieces) = bidi_galley(ui, &chars, &visual, &formats, f32::INFINITY, align);
    let map = CharMap::new(&galley, &pieces, &chars);
    Laid {
        galley,
        map: Some(Arc::new(map)),
        shift: if rtl { width } else { 0.0 },
    }
}

/// Lays out `lines` of pieces (each in the order to draw), each piece after a
/// [`PIECE_START`] and with its joiners (see [`joining`]), each line but the last followed
/// by a line break, rows aligned to `align`; returns the galley and the pieces in the
/// order they were laid out.
fn bidi_galley(
    ui: &Ui,
    chars: &[char],
    lines: &[Vec<Piece>],
    formats: &[(Range<usize>, TextFormat)],
    width: f32,
    align: Align,
) -> (Arc<Galley>, Vec<Piece>) {
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(width),
        halign: align,
        // Flush right means the last glyph at the edge, even a space.
        keep_trailing_whitespace: true,
        ..Default::default()
    };
    let mut order = Vec::new();
    let mut shown = String::new();
    for (l, line) in lines.iter().enumerate() {
        for (k, piece) in line.iter().enumerate() {
            shown.clear();
            shown.push(PIECE_START);
            let (before, after) = joining::joiners(chars, piece);
            shown.extend(before);
            let piece_chars = chars.get(piece.chars.clone()).unwrap_or_default();
            for &c in piece_chars {
                shown.push(match c {
                    PIECE_START => PIECE_START_STANDIN,
                    c if piece.odd && !piece.rtl => bidi::mirrored(c),
                    c => c,
                });
            }
            shown.extend(after);
            if k + 1 == line.len() && l + 1 < lines.len() {
                shown.push('\n');
            }
            let format = formats
                .iter()
                .find(|(r, _)| r.contains(&piece.chars.start))
                .map(|(_, f)| f.clone())
                .unwrap_or_default();
            job.append(&shown, 0.0, format);
            order.push(piece.clone());
        }
    }
    (ui.fonts_mut(|f| f.layout_job(job)), order)
}
/// The text format of each highlight segment of a block (block characters).
fn segment_formats(
    ui: &Ui,
    block: &Block,
    highlights: &HighlightIndex,
    block_index: usize,
) -> Vec<(Range<usize>, TextFormat)> {
    let font_id = FontId::proportional(FONT_SIZE);
    let text_color = ui.visuals().text_color();
    segments(
        block.chars.start,
        block.chars.len(),
        highlights.in_block(block_index),
    )
    .into_iter()
    .map(|seg| {
        let mut format = TextFormat::simple(font_id.clone(), text_color);
        if let Some(inner) = seg.covering.first() {
            format.background = inner.color;
            format.color = Color32::from_gray(20);
        }
        if let Some(outer) = seg.covering.last()
            && seg.covering.len() > 1
        {
            format.underline = Stroke::new(2.5, outer.color.gamma_multiply(0.8).to_opaque());
        }
        (seg.chars, format)
    })
    .collect()
}

/// The layout job of a block without right-to-left text: its segments as sections.
fn job_for_block(
    block_text: &str,
    formats: &[(Range<usize>, TextFormat)],
    width: f32,
) -> LayoutJob {
    let mut job = LayoutJob {
        text: block_text.to_string(),
        wrap: egui::text::TextWrapping::wrap_at_width(width),
        ..Default::default()
    };
    let byte_of: Vec<usize> = block_text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(block_text.len()))
        .collect();
    for (chars, format) in formats {
        let (Some(&start), Some(&end)) = (byte_of.get(chars.start), byte_of.get(chars.end)) else {
            continue;
        };
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: start.into()..end.into(),
            format: format.clone(),
        });
    }
    job
}

/// Rectangles (relative to the galley) covering block characters `range`.
fn range_rects(galley: &Galley, range: Range<usize>) -> Vec<Rect> {
    let mut rects = Vec::new();
    let mut row_start = 0;
    for row in &galley.rows {
        let n = row.char_count_excluding_newline().0;
        let a = range.start.max(row_start);
        let b = range.end.min(row_start + n);
        if a < b {
            let x0 = row.pos.x + row.x_offset(CharIndex(a - row_start));
            let x1 = row.pos.x + row.x_offset(CharIndex(b - row_start));
            let r = row.rect();
            rects.push(Rect::from_min_max(pos2(x0, r.min.y), pos2(x1, r.max.y)));
        }
        row_start += n + usize::from(row.ends_with_newline);
    }
    rects
}

#[cfg(test)]
mod tests;
