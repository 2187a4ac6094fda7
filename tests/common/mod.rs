//! Helpers shared by the property tests.

use proptest::prelude::*;

/// Texts made of the pieces that break naive offsets: accents precomposed and
/// combining, no-break spaces, typographic apostrophes, emoji with a skin-tone modifier,
/// Arabic, an astral letter, CRLF and LF line ends.
pub fn multilingual_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("Palmyre"),
            Just("a"),
            Just("é"),
            Just("e\u{301}"),
            Just("\u{a0}"),
            Just("’"),
            Just("«"),
            Just("👍🏽"),
            Just("خالد"),
            Just("𝔸"),
            Just("\r\n"),
            Just("\n"),
            Just(" "),
        ],
        1..max_pieces,
    )
    .prop_map(|pieces| pieces.concat())
}
