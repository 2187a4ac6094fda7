//! Offsets convert between characters, UTF-8 bytes and UTF-16 units and back, on any
//! text: accents, emoji, right-to-left script, combining marks, line ends.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::model::Span;
use eventail::model::span::{
    byte_from_char, char_from_byte, char_from_utf16, slice, utf16_from_char,
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

#[test]
fn offsets_inside_a_character_are_refused() {
    let text = "é👍";
    assert_eq!(char_from_byte(text, 1), None);
    assert_eq!(char_from_utf16(text, 2), None, "inside the surrogate pair");
    assert_eq!(slice(text, Span::new(1, 3)), None);
    assert_eq!(slice(text, Span::new(2, 1)), None);
}
