//! Chinese, Japanese and Korean from a font of the system, read the first time such a
//! character is drawn.
//!
//! A CJK font is too big to bundle (Noto Sans CJK is 16 MB and more), and reading one at
//! every start would cost time and memory to every project that has no CJK text. So
//! this is an egui [`FontProvider`]: egui asks it only for a character that no installed
//! font has, at most once per (family, character), and once the font is installed the
//! other CJK characters are found in it without asking. Candidates are tried in order,
//! and the first whose character map has the character is installed (Droid Sans
//! Fallback has no Hangul: a Korean syllable then reads the next). A file is read on the
//! first
//! request, a one-off pause while the first CJK paragraph is laid out (measured in
//! README, "Fonts and scripts"); nothing fails when no candidate exists: the characters
//! then draw as boxes, as before.

use egui::epaint::text::{FontInsert, InsertFontFamily};
use egui::{FallbackRequest, FontData, FontFamily, FontPriority, FontProvider};
use skrifa::MetadataProvider as _;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Name the fonts are installed under, followed by their rank among the candidates.
pub const NAME: &str = "system-cjk";

/// Where Linux distributions, macOS and Windows keep a font covering CJK, best first.
/// A `.ttc` collection is read at its first face (for Noto Sans CJK, the Japanese one,
/// which has the Chinese and Korean characters too).
const CANDIDATES: [&str; 14] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\malgun.ttf",
];

/// True for the characters of the CJK scripts and their punctuation: the only ones
/// worth reading a CJK font for.
pub fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x1100..=0x11FF // Hangul Jamo
            | 0x2E80..=0x2FFF // radicals, ideographic description
            | 0x3000..=0x303F // CJK symbols and punctuation
            | 0x3040..=0x30FF // Hiragana, Katakana
            | 0x3100..=0x31FF // Bopomofo, Hangul compatibility Jamo, Kanbun, strokes
            | 0x3200..=0x33FF // enclosed CJK, compatibility
            | 0x3400..=0x4DBF // extension A
            | 0x4E00..=0x9FFF // unified ideographs
            | 0xA960..=0xA97F // Hangul Jamo extended A
            | 0xAC00..=0xD7FF // Hangul syllables, Jamo extended B
            | 0xF900..=0xFAFF // compatibility ideographs
            | 0xFE30..=0xFE4F // compatibility forms
            | 0xFF00..=0xFFEF // half- and full-width forms
            | 0x20000..=0x323AF // extensions B to H
    )
}

/// Finds CJK fonts among the system's the first time one is needed.
pub struct CjkFontProvider {
    /// The candidate files, each read at most once, when first needed.
    candidates: Vec<(PathBuf, OnceLock<Option<FontData>>)>,
}

impl CjkFontProvider {
    /// Looks for the usual system fonts.
    pub fn system() -> Self {
        Self::with_candidates(CANDIDATES.iter().map(PathBuf::from).collect())
    }

    /// Looks for `candidates`, best first.
    pub fn with_candidates(candidates: Vec<PathBuf>) -> Self {
        Self {
            candidates: candidates
                .into_iter()
                .map(|path| (path, OnceLock::new()))
                .collect(),
        }
    }

    /// How many candidate files were looked for (found or not).
    pub fn looked(&self) -> usize {
        self.candidates
            .iter()
            .filter(|(_, font)| font.get().is_some())
            .count()
    }

    /// The first candidate that has a glyph for `c`, reading candidates as needed, with
    /// the name to install it under.
    fn font_with(&self, c: char) -> Option<(String, FontData)> {
        self.candidates
            .iter()
            .enumerate()
            .find_map(|(i, (path, font))| {
                let data = font
                    .get_or_init(|| std::fs::read(path).ok().map(FontData::from_owned))
                    .as_ref()?;
                let face = skrifa::FontRef::from_index(data.bytes(), data.index).ok()?;
                face.charmap()
                    .map(c)
                    .is_some_and(|g| g.to_u32() != 0)
                    .then(|| (format!("{NAME}-{i}"), data.clone()))
            })
    }
}

impl FontProvider for CjkFontProvider {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        if !is_cjk(c) {
            return None;
        }
        let (name, data) = self.font_with(c)?;
        let families = [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect();
        Some(FontInsert::new(&name, data, families))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn request(cluster: &str) -> FallbackRequest<'_> {
        FallbackRequest {
            cluster,
            family: &FontFamily::Proportional,
        }
    }

    #[test]
    fn no_font_is_read_for_other_scripts_nor_needed_at_all() {
        let missing = CjkFontProvider::with_candidates(vec![PathBuf::from("/nonexistent.ttc")]);
        assert!(missing.font_for(&request("ܫ")).is_none());
        assert_eq!(missing.looked(), 0, "a Syriac letter reads no CJK font");
        assert!(missing.font_for(&request("中")).is_none());
        assert_eq!(missing.looked(), 1);
    }

    #[test]
    fn the_first_candidate_with_the_character_is_offered_to_both_families() {
        // Stand-ins: a font without the character, then one with it (egui's own CJK
        // test font is not at hand, so the character is a Hebrew-font one: the provider
        // checks the character map, not the script).
        let dir = tempfile::tempdir().expect("temp dir");
        let hebrew = dir.path().join("hebrew.ttf");
        let arabic = dir.path().join("arabic.ttf");
        std::fs::write(&hebrew, crate::ui::fonts::FALLBACKS[1].1).expect("written");
        std::fs::write(&arabic, crate::ui::fonts::FALLBACKS[0].1).expect("written");
        let provider =
            CjkFontProvider::with_candidates(vec![dir.path().join("no.ttc"), arabic, hebrew]);
        // U+3000 (ideographic space) is CJK; none of the stand-ins has it.
        assert!(provider.font_for(&request("\u{3000}")).is_none());
        assert_eq!(provider.looked(), 3);
        assert!(
            provider
                .font_with('א')
                .is_some_and(|(name, _)| name == "system-cjk-2")
        );
        assert!(
            provider
                .font_with('ب')
                .is_some_and(|(name, _)| name == "system-cjk-1")
        );
    }

    /// Which of `text`'s characters egui draws with the system's fonts.
    fn drawn_with_system_fonts(text: &str) -> bool {
        let ctx = egui::Context::default();
        ctx.set_fonts(crate::ui::fonts::font_definitions());
        ctx.add_font_provider(Arc::new(CjkFontProvider::system()));
        let mut drawn = false;
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let id = egui::FontId::proportional(16.0);
            drawn = ui.fonts_mut(|f| f.has_glyphs(&id, text));
        });
        out.textures_delta.clear();
        drawn
    }

    /// On a machine with a CJK font among the candidates (here: Droid Sans Fallback,
    /// from the fonts-droid-fallback package, which has no Hangul), egui draws the
    /// scripts that font has; nothing fails on a machine with none.
    #[test]
    fn egui_draws_cjk_with_the_system_fonts_there_are() {
        let system = CjkFontProvider::system();
        for text in ["帕尔米拉", "パルミラ", "팔미라"] {
            let covered = text.chars().all(|c| system.font_with(c).is_some());
            assert_eq!(drawn_with_system_fonts(text), covered, "{text}");
        }
    }
}
