//! Any bytes given as an article to import: a decoded text or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _encoding)) = eventail::formats::text::decode_text(data) {
        assert!(!text.trim().is_empty());
    }
});
