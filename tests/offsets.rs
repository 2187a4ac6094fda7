//! Offsets convert between characters, UTF-8 bytes and UTF-16 units and back, on any
//! text: accents, emoji, right-to-left script, combining marks, line ends.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::model::Span;
use eventail::model::span::{
    OffsetTable, byte_from_char, char_from_byte, char_from_utf16, slice, utf16_from_char,
};
use proptest::prelude::*;

mod common;

fn text() -> impl Strategy<Value = String> {
    common::multilingual_text(40)
}

proptest! {
    #[test]
    fn every_character_offset_round_trips(text in text()) {
        let n = text.chars().count();
        for c in 0..=n {
            let byte = byte_from_char(&text, c).expect("in range");
            prop_assert_eq!(char_from_byte(&text, byte), Some(c));
            let unit = utf16_from_char(&text, c).expect("in range");
            prop_assert_eq!(char_from_utf16(&text, unit), Some(c));
            let utf16: Vec<u16> = text.encode_utf16().collect();
            let prefix: String = text.chars().take(c).collect();
            prop_assert_eq!(unit, prefix.encode_utf16().count());
            prop_assert!(unit <= utf16.len());
        }
        prop_assert_eq!(byte_from_char(&text, n + 1), None);
        prop_assert_eq!(utf16_from_char(&text, n + 1), None);
    }

    #[test]
    fn slices_agree_in_every_unit(text in text(), a in 0usize..60, b in 0usize..60) {
        let n = text.chars().count();
        let (start, end) = (a.min(b).min(n), a.max(b).min(n));
        let by_chars: String = text.chars().skip(start).take(end - start).collect();
        prop_assert_eq!(slice(&text, Span::new(start, end)), Some(by_chars.as_str()));
        let (bs, be) = (byte_from_char(&text, start).expect("s"), byte_from_char(&text, end).expect("e"));
        prop_assert_eq!(&text[bs..be], by_chars.as_str());
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let (us, ue) = (utf16_from_char(&text, start).expect("s"), utf16_from_char(&text, end).expect("e"));
        prop_assert_eq!(String::from_utf16(&utf16[us..ue]).ok(), Some(by_chars));
    }
}

proptest! {
    /// The table keeps offsets of one character in 64 and walks the rest: it must give
    /// what counting character by character gives, at every kind of position (before,
    /// on and after a checkpoint, at the end, past it), in every unit.
    #[test]
    fn the_offset_table_agrees_with_counting_char_by_char(
        text in common::multilingual_text(400),
        picks in prop::collection::vec(any::<usize>(), 1..64),
    ) {
        let table = OffsetTable::new(&text);
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        prop_assert_eq!(table.char_len(), n);
        let ends = [0, n, n + 1, n.saturating_sub(1), 63, 64, 65, 128];
        for i in picks.iter().map(|p| p % (n + 2)).chain(ends) {
            let naive = |unit: fn(char) -> usize| {
                (i <= n).then(|| chars[..i].iter().map(|&c| unit(c)).sum::<usize>())
            };
            prop_assert_eq!(table.byte_from_char(i), naive(char::len_utf8), "byte of {}", i);
            prop_assert_eq!(table.utf16_from_char(i), naive(char::len_utf16), "utf16 of {}", i);
        }
        let (a, b) = (picks[0] % (n + 1), picks[picks.len() - 1] % (n + 1));
        let span = Span::new(a.min(b), a.max(b));
        prop_assert_eq!(table.slice(span), slice(&text, span));
    }
}

#[test]
fn offsets_inside_a_character_are_refused() {
    let text = "é👍";
    assert_eq!(char_from_byte(text, 1), None);
    assert_eq!(char_from_utf16(text, 2), None, "inside the surrogate pair");
    assert_eq!(slice(text, Span::new(1, 3)), None);
    assert_eq!(slice(text, Span::new(2, 1)), None);
}
