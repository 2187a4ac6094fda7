//! What is highlighted in an article, and how overlapping highlights become the
//! non-overlapping sections that egui 0.37 requires.

use super::blocks::Block;
use crate::model::{Document, Filler, Schema, Span};
use egui::Color32;
use std::ops::Range;

/// One highlighted range: a range of a mention, or of an event's trigger.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Characters of the document.
    pub span: Span,
    /// The annotation it shows.
    pub target: Filler,
    /// Its type's colour.
    pub color: Color32,
}

/// The highlights of a document, each filed under the blocks it touches.
#[derive(Default)]
pub struct HighlightIndex {
    /// Every highlight.
    pub all: Vec<Highlight>,
    /// For each block, the indices in `all` of the highlights that touch it.
    pub by_block: Vec<Vec<usize>>,
}

/// egui colour of a schema colour.
pub fn color_from_rgb(rgb: crate::model::Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}

impl HighlightIndex {
    /// Collects the highlights of `doc` and files them under `blocks`.
    pub fn new(schema: &Schema, doc: &Document, blocks: &[Block]) -> Self {
        let mut all = Vec::new();
        for m in &doc.mentions {
            let color = color_from_rgb(schema.color(&m.entity_type));
            all.extend(m.ranges.iter().map(|&span| Highlight {
                span,
                target: Filler::Mention(m.id),
                color,
            }));
        }
        for e in &doc.events {
            let color = color_from_rgb(schema.color(&e.event_type));
            all.extend(e.trigger.iter().map(|&span| Highlight {
                span,
                target: Filler::Event(e.id),
                color,
            }));
        }
        let mut by_block = vec![Vec::new(); blocks.len()];
        for (i, h) in all.iter().enumerate() {
            let first = blocks.partition_point(|b| b.chars.end <= h.span.start);
            for (b, block) in blocks.iter().enumerate().skip(first) {
                if block.chars.start >= h.span.end {
                    break;
                }
                if h.span.start < block.chars.end.max(block.chars.start + 1) {
                    by_block[b].push(i);
                }
            }
        }
        Self { all, by_block }
    }

    /// The highlights of block `block`.
    pub fn in_block(&self, block: usize) -> impl Iterator<Item = &Highlight> {
        self.by_block
            .get(block)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.all.get(i))
    }

    /// The annotations highlighted at character `index`, innermost (shortest) first.
    pub fn at(&self, block: usize, index: usize) -> Vec<Filler> {
        let mut hits: Vec<&Highlight> = self
            .in_block(block)
            .filter(|h| h.span.contains(index))
            .collect();
        hits.sort_by_key(|h| (h.span.len(), h.target));
        let mut targets: Vec<Filler> = hits.iter().map(|h| h.target).collect();
        targets.dedup();
        targets
    }
}

/// A run of characters covered by the same highlights, innermost first.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment<'a> {
    /// Characters, relative to the block.
    pub chars: Range<usize>,
    /// The highlights covering it, shortest first.
    pub covering: Vec<&'a Highlight>,
}

/// Cuts a block of `len` characters starting at document character `offset` into
/// segments that tile it, each covered by a fixed set of highlights.
pub fn segments<'a>(
    offset: usize,
    len: usize,
    highlights: impl Iterator<Item = &'a Highlight>,
) -> Vec<Segment<'a>> {
    let highlights: Vec<&Highlight> = highlights.collect();
    let local = |c: usize| c.saturating_sub(offset).min(len);
    let mut cuts = vec![0, len];
    for h in &highlights {
        cuts.push(local(h.span.start));
        cuts.push(local(h.span.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let mut covering: Vec<&Highlight> = highlights
                .iter()
                .copied()
                .filter(|h| local(h.span.start) <= w[0] && w[1] <= local(h.span.end))
                .collect();
            covering.sort_by_key(|h| h.span.len());
            Segment {
                chars: w[0]..w[1],
                covering,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MentionId;

    fn h(start: usize, end: usize, id: u32) -> Highlight {
        Highlight {
            span: Span::new(start, end),
            target: Filler::Mention(MentionId(id)),
            color: Color32::RED,
        }
    }

    #[test]
    fn nested_highlights_tile_the_block() {
        // "cité antique de Palmyre" with "Palmyre" nested inside, in a block at 100.
        let outer = h(100, 123, 1);
        let inner = h(116, 123, 2);
        let segs = segments(100, 30, [&outer, &inner].into_iter());
        let ranges: Vec<_> = segs.iter().map(|s| s.chars.clone()).collect();
        assert_eq!(ranges, [0..16, 16..23, 23..30]);
        assert_eq!(segs[0].covering, [&outer]);
        assert_eq!(segs[1].covering, [&inner, &outer]);
        assert!(segs[2].covering.is_empty());
    }

    #[test]
    fn highlights_crossing_block_edges_are_clipped() {
        let long = h(5, 50, 1);
        let segs = segments(10, 20, [&long].into_iter());
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].chars, 0..20);
    }
}
