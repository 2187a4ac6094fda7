//! The offset table that every export builds per document: how long it takes to build
//! and to look up, and how much memory it holds per byte of text, on a 10 MB
//! multilingual article (accents, no-break spaces, Arabic, emoji, CRLF).
//!
//! Run: `cargo bench --bench offsets`. The memory figure is printed first (`bytes per
//! text byte`), counted by the global allocator below; the times follow, from divan.

// A benchmark states what it expects with expect/unwrap, as tests do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use divan::Bencher;
use divan::counter::ItemsCount;
use eventail::model::span::OffsetTable;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes held.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only a counter is
// updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_add(new_size, Ordering::Relaxed);
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// About 10 MB of news-like text in French, Arabic and emoji, with CRLF line ends.
static TEXT: LazyLock<String> = LazyLock::new(|| {
    const PARAGRAPH: &str = "L’armée syrienne a repris Palmyre à l’organisation «\u{a0}État \
        islamique\u{a0}» après des combats acharnés\u{a0}; e\u{301}tonnant 👍🏽. \
        قالت وكالة الأنباء السورية إن الجيش استعاد تدمر. 𝔸 Daech recule.\r\n";
    PARAGRAPH.repeat(10_000_000 / PARAGRAPH.len() + 1)
});

/// Character offsets spread over the text, in no order (a fixed pseudo-random walk).
fn offsets(char_len: usize, count: usize) -> Vec<usize> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % (char_len as u64 + 1)) as usize
        })
        .collect()
}

fn main() {
    let text: &str = &TEXT;
    let before = HELD.load(Ordering::Relaxed);
    let table = OffsetTable::new(text);
    let held = HELD.load(Ordering::Relaxed) - before;
    println!(
        "offset table of a {:.1} MB text ({} characters): {held} bytes, {:.3} bytes per text byte",
        text.len() as f64 / 1e6,
        table.char_len(),
        held as f64 / text.len() as f64
    );
    drop(table);
    divan::main();
}

/// Building the table of the whole text.
#[divan::bench(sample_count = 10)]
fn build(bencher: Bencher) {
    let text: &str = &TEXT;
    bencher.bench(|| OffsetTable::new(divan::black_box(text)));
}

/// 10,000 lookups of byte and UTF-16 offsets at random characters.
#[divan::bench]
fn lookup(bencher: Bencher) {
    let table = OffsetTable::new(&TEXT);
    let offsets = offsets(table.char_len(), 10_000);
    bencher.counter(ItemsCount::new(offsets.len())).bench(|| {
        let mut sum = 0usize;
        for &i in &offsets {
            sum += table.byte_from_char(i).unwrap_or(0);
            sum += table.utf16_from_char(i).unwrap_or(0);
        }
        divan::black_box(sum)
    });
}
