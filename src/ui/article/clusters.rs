//! Which characters each glyph of a right-to-left piece stands for.
//!
//! egui 0.37 loses the character ↔ glyph correspondence inside right-to-left runs (see
//! [`super::bidi`]): its galley holds their glyphs in visual order, each tagged with the
//! first character of its cluster, then zero-wide "continuation" glyphs. The shaper egui
//! uses, harfrust, knows each glyph's cluster but egui keeps no trace of it. So a
//! right-to-left piece is shaped again here, with the bundled font egui picks for it and
//! the settings egui uses, and egui's glyph stream is predicted glyph by glyph: which
//! cluster each glyph belongs to, and where the continuation glyphs fall. The caller
//! checks the prediction against the galley (same count, same characters) and falls
//! back to even shares of the piece's width when it does not hold.
//!
//! Only right-to-left pieces come here, so Latin text never pays for a second shaping.

use crate::ui::fonts::FALLBACKS;
use harfrust::{
    BufferFlags, Direction, FontRef, Script, ShapeOptions, ShapePlan, Shaper, ShaperData,
    UnicodeBuffer,
};
use skrifa::MetadataProvider as _;
use skrifa::charmap::Charmap;
use std::sync::{Arc, Mutex, OnceLock};
use unicode_bidi::{BidiClass, bidi_class};
use unicode_segmentation::UnicodeSegmentation as _;

/// A shape plan and the direction and script it is for.
type Plan = (Direction, Option<Script>, Arc<ShapePlan>);

/// A bundled font ready to shape with.
struct Face {
    font: FontRef<'static>,
    charmap: Charmap<'static>,
    data: ShaperData,
    /// Shape plans by direction and script: making one costs more than shaping a word.
    plans: Mutex<Vec<Plan>>,
}

impl Face {
    /// The shape plan for `direction` and `script`, no language (harfrust guesses none)
    /// and no features: the plan egui makes for each run.
    fn plan(
        &self,
        shaper: &Shaper<'_>,
        direction: Direction,
        script: Option<Script>,
    ) -> Option<Arc<ShapePlan>> {
        let mut plans = self.plans.lock().ok()?;
        if let Some((_, _, plan)) = plans
            .iter()
            .find(|(d, s, _)| *d == direction && *s == script)
        {
            return Some(plan.clone());
        }
        let plan = Arc::new(ShapePlan::new(shaper, direction, script, None, &[]));
        plans.push((direction, script, plan.clone()));
        Some(plan)
    }
}

/// The bundled fallback fonts, parsed once, in the order egui tries them.
fn faces() -> &'static [Face] {
    static FACES: OnceLock<Vec<Face>> = OnceLock::new();
    FACES.get_or_init(|| {
        FALLBACKS
            .iter()
            .filter_map(|(_, bytes)| {
                let font = FontRef::new(bytes).ok()?;
                Some(Face {
                    charmap: font.charmap(),
                    data: ShaperData::new(&font),
                    font,
                    plans: Mutex::new(Vec::new()),
                })
            })
            .collect()
    })
}

/// The face egui draws `c` with, among the bundled fallbacks: the first that maps it.
/// egui's default fonts come before them but hold no right-to-left letter.
fn face_of(c: char) -> Option<usize> {
    faces()
        .iter()
        .position(|f| f.charmap.map(c).is_some_and(|g| g.to_u32() != 0))
}

/// One glyph egui makes for a piece, in the order it is in the galley.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlyphOf {
    /// A shaped glyph of the cluster starting at this byte of the piece.
    Cluster(usize),
    /// A zero-wide continuation glyph, standing for no character in particular.
    Continuation,
}

/// The glyphs egui makes for the right-to-left piece `text` (laid out as its own section,
/// after an invisible separator), in galley order; `None` when a character is in
/// no bundled font, where egui takes other paths.
pub fn egui_glyphs(text: &str) -> Option<Vec<GlyphOf>> {
    // egui cuts a section into runs of grapheme clusters drawn with the same face.
    let mut runs: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (start, grapheme) in text.grapheme_indices(true) {
        let face = face_of(grapheme.chars().next()?)?;
        let end = start + grapheme.len();
        match runs.last_mut() {
            Some((f, range)) if *f == face => range.end = end,
            _ => runs.push((face, start..end)),
        }
    }
    let mut out = Vec::with_capacity(text.len());
    let mut buffer = UnicodeBuffer::new();
    let count = runs.len();
    for (index, (face, range)) in runs.into_iter().enumerate() {
        let face = faces().get(face)?;
        let run_text = text.get(range.clone())?;
        // The separator before the piece is a run of its own (egui's first font), so no
        // run here begins the text; the last one ends it.
        let flags = if index + 1 == count {
            BufferFlags::END_OF_TEXT
        } else {
            BufferFlags::empty()
        };
        buffer.set_flags(flags);
        buffer.push_str(run_text);
        buffer.guess_segment_properties();
        let shaper = face.data.shaper(&face.font).build();
        let plan = face.plan(&shaper, buffer.direction(), Some(buffer.script()));
        let shaped = shaper.shape(buffer, ShapeOptions::new().plan(plan.as_deref()));
        let clusters: Vec<(u32, usize)> = shaped
            .glyph_infos()
            .iter()
            .map(|g| (g.glyph_id, g.cluster as usize))
            .collect();
        buffer = shaped.clear();
        follow_egui(run_text, range.start, &clusters, &mut out);
    }
    Some(out)
}

/// Appends the glyphs egui emits for one shaped run of `(glyph id, cluster)`: each
/// shaped glyph, and after a cluster with fewer glyphs than characters, continuation
/// glyphs for the rest. egui counts a cluster's characters from its start to the next
/// cluster's start, which is empty when clusters go down (right to left): then nothing
/// is added until the run's last cluster, which takes everything to the end of the run.
/// A missing glyph (id 0) is dropped when it is not the first of its cluster or its
/// cluster starts with a mark (egui asks whether it is a combining mark; the bidi class
/// of marks says the same for the scripts that come here), else drawn as a box.
fn follow_egui(run_text: &str, offset: usize, glyphs: &[(u32, usize)], out: &mut Vec<GlyphOf>) {
    let continuation = |bytes: std::ops::Range<usize>, glyphs: usize, out: &mut Vec<GlyphOf>| {
        let chars = run_text.get(bytes).map_or(0, |t| t.chars().count());
        out.extend((glyphs..chars).map(|_| GlyphOf::Continuation));
    };
    let mut current: Option<usize> = None;
    let mut start = 0;
    let mut count = 0;
    for &(id, cluster) in glyphs {
        let new_cluster = current != Some(cluster);
        if new_cluster {
            if current.is_some() {
                continuation(start..cluster, count, out);
            }
            start = cluster;
            count = 0;
        }
        current = Some(cluster);
        if id == 0 {
            let first = run_text.get(cluster..).and_then(|t| t.chars().next());
            let mark = first.is_some_and(|c| bidi_class(c) == BidiClass::NSM);
            if mark || !new_cluster {
                continue;
            }
        }
        out.push(GlyphOf::Cluster(offset + cluster));
        count += 1;
    }
    if current.is_some() {
        continuation(start..run_text.len(), count, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters(glyphs: &[GlyphOf]) -> Vec<usize> {
        glyphs
            .iter()
            .filter_map(|g| match g {
                GlyphOf::Cluster(c) => Some(*c),
                GlyphOf::Continuation => None,
            })
            .collect()
    }

    #[test]
    fn arabic_letters_come_in_visual_order_then_continuations() {
        // تدمر: four letters, two bytes each, drawn right to left.
        let glyphs = egui_glyphs("تدمر").expect("shaped");
        assert_eq!(clusters(&glyphs), [6, 4, 2, 0]);
        assert_eq!(
            glyphs.len(),
            7,
            "egui adds n - 1 continuation glyphs: {glyphs:?}"
        );
    }

    #[test]
    fn lam_alef_is_one_cluster_of_two_letters() {
        // الأسد: alef, lam + alef with hamza (one ligature glyph), sin, dal.
        let glyphs = egui_glyphs("الأسد").expect("shaped");
        let c = clusters(&glyphs);
        assert!(c.contains(&2) && !c.contains(&4), "{c:?}");
    }

    #[test]
    fn hebrew_is_shaped_with_the_hebrew_font() {
        let glyphs = egui_glyphs("שלום").expect("shaped");
        assert_eq!(clusters(&glyphs), [6, 4, 2, 0]);
    }

    #[test]
    fn letters_in_no_bundled_font_are_left_to_the_fallback() {
        // Syriac.
        assert_eq!(egui_glyphs("ܫܠܡܐ"), None);
    }
}
