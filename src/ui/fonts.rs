//! The fonts of the window: egui's defaults, then bundled fallbacks for the scripts of
//! real news corpora that the defaults lack, then a CJK font of the system if there is
//! one.
//!
//! egui's default fonts (Ubuntu-Light, the emoji fonts) cover Latin, Greek (monotonic
//! and polytonic) and Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian,
//! Kazakh…); Arabic and Hebrew names would draw as empty boxes ("tofu"). The fallbacks
//! are appended after the defaults, so they are used only for characters the defaults
//! lack and Latin text looks exactly as before. They are compiled into the binary
//! (`include_bytes!`): ~270 KB. A CJK font weighs 16 MB or more, so none is bundled:
//! [`cjk::CjkFontProvider`] reads the system's when CJK text is first drawn.
//!
//! Flags: egui's emoji font (Noto Emoji, monochrome) has the 26 regional indicator
//! letters and joins only ten pairs into flags (CN DE ES FR GB IT JP KR RU US); any
//! other flag, such as 🇸🇾, draws as its two letters ("S Y"), never as boxes.

pub mod cjk;

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// Bundled fallback fonts: name and bytes, in the order they are tried.
pub(crate) const FALLBACKS: [(&str, &[u8]); 2] = [
    (
        "noto-sans-arabic",
        include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "noto-sans-hebrew",
        include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
    ),
];

/// egui's default fonts followed by the bundled fallbacks, in both families.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in FALLBACKS {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    fonts
}

/// Gives `ctx` the fonts of [`font_definitions`], and the system's CJK font on demand.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
    ctx.add_font_provider(Arc::new(cjk::CjkFontProvider::system()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether every character of `text` has a glyph in the installed fonts.
    fn drawn(text: &str) -> Vec<char> {
        let ctx = egui::Context::default();
        ctx.set_fonts(font_definitions());
        let mut missing = Vec::new();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let id = egui::FontId::proportional(16.0);
            missing = text
                .chars()
                .filter(|c| !c.is_whitespace() && !ui.fonts_mut(|f| f.has_glyph(&id, *c)))
                .collect();
        });
        out.textures_delta.clear();
        missing
    }

    #[test]
    fn greek_and_cyrillic_news_draw_with_the_default_fonts() {
        let greek = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ αβγδεζηθικλμνξοπρσςτυφχψω άέήίόύώϊϋΐΰ ΆΈΉΊΌΎΏ \
                     Η Παλμύρα ανακαταλήφθηκε. ἀρχὴ ῥῆμα";
        let cyrillic = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя \
                        ЄІЇҐєіїґ ЎўЂђЈјЉљЊњЋћЏџ ҚқҒғҮүҰұҺһӘәӨө «Пальмира освобождена»";
        assert_eq!(drawn(greek), Vec::<char>::new());
        assert_eq!(drawn(cyrillic), Vec::<char>::new());
    }

    #[test]
    fn arabic_hebrew_and_emoji_draw() {
        assert_eq!(drawn("تدمر الأسد שלום 🇸🇾 🇫🇷 😀"), Vec::<char>::new());
    }
}
