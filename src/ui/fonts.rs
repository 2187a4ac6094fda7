//! The fonts of the window: egui's defaults, then bundled fallbacks for the scripts of
//! real news corpora that the defaults lack.
//!
//! egui's default fonts (Ubuntu-Light, Hack, the emoji fonts) cover Latin, Greek and
//! Cyrillic; Arabic and Hebrew names would draw as empty boxes ("tofu"). The fallbacks are
//! appended after the defaults, so they are used only for characters the defaults lack
//! and Latin text looks exactly as before. They are compiled into the binary
//! (`include_bytes!`): ~270 KB, against several MB for a CJK font, which is why none is
//! bundled (see README, "Fonts").

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// Bundled fallback fonts: name and bytes, in the order they are tried.
const FALLBACKS: [(&str, &[u8]); 2] = [
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

/// Gives `ctx` the fonts of [`font_definitions`].
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}
