//! Where characters land in laid-out blocks, checked against the glyphs egui drew:
//! outlines cover their own characters after Arabic runs, inside Arabic words and
//! ligatures, over combining accents and flags; a point inside a character hits it;
//! right-to-left paragraphs are flush right.

use super::*;
use crate::model::{Document, Mention, MentionId, Span};
use crate::ui::article::bidi::visual_order;
use crate::ui::article::blocks::{blocks_from_text, word_at};
use proptest::prelude::*;
use std::ops::Range;

/// The issue's string, with a combining accent, a lam-alef ligature and a flag egui's
/// emoji font joins.
const TEXT: &str = "Palmyre (تدمر) 🇸🇾 « C’est » Homs e\u{301}te\u{301} الأسد 🇫🇷 fin";

/// Lays out `text` as the article view does, `width` wide, with a mention on each of
/// `mentions`, and hands the result to `check`.
fn lay_out(text: &str, width: f32, mentions: &[Range<usize>], check: impl FnOnce(&Laid)) {
    let ctx = egui::Context::default();
    crate::ui::fonts::install_fonts(&ctx);
    let mut doc = Document::new("d", "d", text.to_string());
    for (k, m) in mentions.iter().enumerate() {
        doc.mentions.push(Mention {
            id: MentionId(k as u32 + 1),
            entity_type: "place".into(),
            ranges: vec![Span::new(m.start, m.end)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
    }
    let schema = crate::io::default_schema();
    let blocks = blocks_from_text(text);
    let highlights = HighlightIndex::new(&schema, &doc, &blocks);
    let mut laid = None;
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
        laid = Some(lay_out_block(ui, text, &blocks[0], &highlights, 0, width));
    });
    out.textures_delta.clear();
    check(&laid.expect("laid out"));
}

/// `TEXT` laid out 800 points wide with a mention on `mention`.
fn with_layout(mention: Range<usize>, check: impl FnOnce(&Laid)) {
    lay_out(TEXT, 800.0, &[mention], check);
}

/// Character range of `word` in `TEXT`.
fn chars_of(word: &str) -> Range<usize> {
    let byte = TEXT.find(word).expect("in the text");
    let start = TEXT[..byte].chars().count();
    start..start + word.chars().count()
}

/// The x extent (galley coordinates) of the drawn glyphs spelling `word`, which egui
/// draws one glyph a character, as it does Latin text.
fn glyph_extent(galley: &Galley, word: &str) -> (f32, f32) {
    let want: Vec<char> = word.chars().collect();
    for row in &galley.rows {
        let glyphs = &row.glyphs;
        for start in 0..glyphs.len() {
            let found = glyphs.get(start..start + want.len());
            if let Some(found) = found
                && found.iter().map(|g| g.chr).eq(want.iter().copied())
            {
                let last = found.last().expect("a glyph");
                return (row.pos.x + found[0].pos.x, row.pos.x + last.max_x());
            }
        }
    }
    panic!("{word} is not drawn");
}

/// The drawn glyphs (galley x0, x1, char) of the first row lying between the glyphs
/// of `open` and `close`.
fn glyphs_between(galley: &Galley, open: char, close: char) -> Vec<(f32, f32, char)> {
    let row = &galley.rows[0];
    let x_of = |c: char| {
        row.glyphs
            .iter()
            .find(|g| g.chr == c)
            .map(|g| g.pos.x)
            .expect("drawn")
    };
    let (a, b) = (x_of(open), x_of(close));
    row.glyphs
        .iter()
        .filter(|g| g.advance_width > 0.0 && g.pos.x > a && g.pos.x < b)
        .map(|g| (row.pos.x + g.pos.x, row.pos.x + g.max_x(), g.chr))
        .collect()
}

fn assert_covers(rect: Rect, x0: f32, x1: f32, what: &str) {
    assert!(
        (rect.min.x - x0).abs() <= 1.0 && (rect.max.x - x1).abs() <= 1.0,
        "{what}: outline {:?} vs glyphs {x0}..{x1}",
        rect.x_range()
    );
}

#[test]
fn arabic_is_drawn_with_real_glyphs() {
    with_layout(0..0, |laid| {
        let arabic: Vec<_> = laid.galley.rows[0]
            .row
            .glyphs
            .iter()
            .filter(|g| ('\u{600}'..='\u{6FF}').contains(&g.chr) && g.advance_width > 0.0)
            .collect();
        assert!(!arabic.is_empty());
        // A box ("tofu") is 8 points wide for every character; joined Arabic is not.
        assert!(arabic.iter().any(|g| (g.advance_width - 8.0).abs() > 0.5));
    });
}

#[test]
fn every_piece_of_the_issue_string_is_placed_glyph_by_glyph() {
    with_layout(chars_of("دم"), |laid| {
        let map = laid.map.as_ref().expect("bidi path");
        assert!(
            map.exact_everywhere(),
            "some piece fell back to even shares"
        );
    });
}

#[test]
fn outline_after_an_arabic_run_covers_its_characters() {
    for word in ["C’est", "Homs", "Palmyre", "fin", "e\u{301}te\u{301}"] {
        let range = chars_of(word);
        with_layout(range.clone(), |laid| {
            let (x0, x1) = glyph_extent(&laid.galley, word);
            let rects = laid.range_rects(range.clone());
            assert_eq!(rects.len(), 1, "{word}: {rects:?}");
            assert_covers(rects[0], x0, x1, word);
        });
    }
}

/// The drawn glyphs (galley x0, x1) of the row holding the flag that starts with the
/// regional indicator `first`: egui tags every glyph of the flag's cluster with it.
fn flag_glyphs(galley: &Galley, first: char) -> Vec<(f32, f32)> {
    galley
        .rows
        .iter()
        .flat_map(|row| {
            row.glyphs
                .iter()
                .filter(move |g| g.chr == first && g.advance_width > 0.0)
                .map(move |g| (row.pos.x + g.pos.x, row.pos.x + g.max_x()))
        })
        .collect()
}

#[test]
fn flags_draw_as_the_emoji_fonts_letters_or_flag_and_outlines_cover_them() {
    for (flag, glyphs) in [("🇸🇾", 2), ("🇫🇷", 1)] {
        let range = chars_of(flag);
        with_layout(range.clone(), |laid| {
            let first = flag.chars().next().expect("a letter");
            // 🇸🇾 is two regional indicators egui's emoji font draws as the letters S
            // and Y; 🇫🇷 is one of the ten pairs it joins into a flag.
            let drawn = flag_glyphs(&laid.galley, first);
            assert_eq!(drawn.len(), glyphs, "{flag}: {drawn:?}");
            assert!(drawn.iter().all(|g| g.1 - g.0 > 8.0), "{flag}: {drawn:?}");
            let rects = laid.range_rects(range.clone());
            assert_eq!(rects.len(), 1, "{flag}: {rects:?}");
            let x0 = drawn.iter().map(|g| g.0).fold(f32::MAX, f32::min);
            let x1 = drawn.iter().map(|g| g.1).fold(f32::MIN, f32::max);
            assert_covers(rects[0], x0, x1, flag);
        });
    }
}

#[test]
fn arabic_word_outline_lies_over_its_glyphs() {
    let range = chars_of("تدمر");
    with_layout(range.clone(), |laid| {
        let rects = laid.range_rects(range.clone());
        assert_eq!(rects.len(), 1);
        let row = &laid.galley.rows[0];
        // Its drawn glyphs lie inside the outline, and the brackets outside.
        for g in row.glyphs.iter().filter(|g| g.advance_width > 0.0) {
            let x = row.pos.x + g.pos.x + g.advance_width / 2.0;
            let inside = rects[0].x_range().contains(x);
            let here = "تدمر".contains(g.chr) && x > 0.0 && x < glyph_extent(&laid.galley, ")").0;
            assert_eq!(inside, here, "{:?} at {x}, outline {:?}", g.chr, rects[0]);
        }
    });
}

#[test]
fn outline_inside_an_arabic_word_covers_exactly_its_letters() {
    // د and م, the two middle letters of تدمر; then each letter alone.
    for part in ["دم", "ت", "د", "م", "ر"] {
        let range = chars_of(part);
        with_layout(range.clone(), |laid| {
            let glyphs = glyphs_between(&laid.galley, '(', ')');
            let mine: Vec<_> = glyphs.iter().filter(|g| part.contains(g.2)).collect();
            assert_eq!(mine.len(), part.chars().count(), "{part}: {glyphs:?}");
            let x0 = mine.iter().map(|g| g.0).fold(f32::MAX, f32::min);
            let x1 = mine.iter().map(|g| g.1).fold(f32::MIN, f32::max);
            let rects = laid.range_rects(range.clone());
            assert_eq!(rects.len(), 1, "{part}: {rects:?}");
            assert_covers(rects[0], x0, x1, part);
        });
    }
}

#[test]
fn a_ligature_is_shared_between_its_letters() {
    // In الأسد, lam and alef-with-hamza are drawn as one glyph, tagged with the lam.
    let lam = chars_of("لأ");
    with_layout(lam.clone(), |laid| {
        let row = &laid.galley.rows[0];
        let ligature = row
            .glyphs
            .iter()
            .find(|g| g.chr == 'ل')
            .expect("the lam-alef glyph");
        let (x0, x1) = (row.pos.x + ligature.pos.x, row.pos.x + ligature.max_x());
        let both = laid.range_rects(lam.clone());
        assert_covers(both[0], x0, x1, "lam-alef");
        // The lam, read first, takes the right half; the alef the left half.
        let middle = (x0 + x1) / 2.0;
        let lam_only = laid.range_rects(lam.start..lam.start + 1);
        assert_covers(lam_only[0], middle, x1, "lam");
        let alef_only = laid.range_rects(lam.start + 1..lam.end);
        assert_covers(alef_only[0], x0, middle, "alef");
    });
}

/// The drawn glyphs of `text`'s first row, left to right: the size of their image
/// (in the font atlas) and their advance, which differ between a letter's joined and
/// unjoined forms.
fn drawn_glyphs(text: &str, mention: Range<usize>) -> Vec<(egui::Vec2, f32)> {
    let mut drawn = Vec::new();
    lay_out(text, 800.0, &[mention], |laid| {
        drawn = laid.galley.rows[0]
            .glyphs
            .iter()
            .filter(|g| g.advance_width > 0.0)
            .map(|g| (g.uv_rect.size, g.advance_width))
            .collect();
    });
    drawn
}

#[test]
fn a_highlight_inside_an_arabic_word_keeps_its_letters_joined() {
    // A clitic (ل, ب: "to", "in") before a tagged name; letters tagged inside a word.
    for (text, tagged) in [
        ("لسوريا", 1..6),
        ("وبسوريا", 2..7),
        ("بشار", 1..3),
        ("الأسد", 1..3),
    ] {
        assert_eq!(
            drawn_glyphs(text, tagged.clone()),
            drawn_glyphs(text, 0..0),
            "{text} with {tagged:?} tagged"
        );
    }
}

#[test]
fn a_point_inside_a_character_hits_it() {
    with_layout(0..0, |laid| {
        let glyphs = glyphs_between(&laid.galley, '(', ')');
        for &(x0, x1, c) in &glyphs {
            let y = laid.galley.rows[0].rect().center().y;
            let hit = laid.char_at(pos2((x0 + x1) / 2.0, y));
            assert_eq!(hit, Some(chars_of(&c.to_string()).start), "{c}");
        }
        for word in ["Homs", "C’est", "fin"] {
            let (x0, x1) = glyph_extent(&laid.galley, word);
            let y = laid.galley.rows[0].rect().center().y;
            // A point a quarter into the word's first letter.
            let n = word.chars().count() as f32;
            let hit = laid.char_at(pos2(x0 + (x1 - x0) / n / 4.0, y));
            assert_eq!(hit, Some(chars_of(word).start), "{word}");
        }
    });
}

#[test]
fn a_click_after_the_arabic_run_lands_on_its_word() {
    for word in ["Homs", "تدمر", "Palmyre"] {
        with_layout(0..0, |laid| {
            let range = chars_of(word);
            let rects = laid.range_rects(range.clone());
            let at = rects[0].center();
            let c = laid.cursor_at(at);
            let clicked = word_at(TEXT, c).or_else(|| word_at(TEXT, c.saturating_sub(1)));
            assert_eq!(clicked, Some(range), "{word}");
        });
    }
}

/// A paragraph that reads right to left, long enough to wrap at 300 points.
const ARABIC: &str = "قال الرئيس السوري بشار الأسد إن الجيش استعاد مدينة تدمر الأثرية بعد معارك عنيفة مع تنظيم الدولة الإسلامية";

#[test]
fn a_right_to_left_paragraph_is_flush_right() {
    lay_out(ARABIC, 300.0, &[], |laid| {
        assert_eq!(laid.shift, 300.0);
        let rows = &laid.galley.rows;
        assert!(rows.len() >= 2, "wraps");
        for row in rows {
            assert!(
                row.rect().max.x.abs() <= 1.0,
                "row ends at {}",
                row.rect().max.x
            );
            assert!(row.rect().min.x >= -300.5);
        }
        // Its first word is read first: at the right end of the first row.
        let map = laid.map.as_ref().expect("bidi path");
        let first = map.char_box(0).expect("a box");
        assert_eq!(first.row, 0);
        let rightmost = (0..ARABIC.chars().count())
            .filter_map(|i| map.char_box(i))
            .filter(|b| b.row == 0)
            .map(|b| b.x1)
            .fold(f32::MIN, f32::max);
        assert!((first.x1 - rightmost).abs() < 0.5);
        assert!(map.exact_everywhere());
    });
}

#[test]
fn outlines_and_clicks_hold_in_a_right_to_left_paragraph() {
    let text = ARABIC;
    let word = "تدمر";
    let byte = text.find(word).expect("in the text");
    let start = text[..byte].chars().count();
    let range = start..start + word.chars().count();
    lay_out(text, 300.0, std::slice::from_ref(&range), |laid| {
        let rects = laid.range_rects(range.clone());
        assert_eq!(rects.len(), 1);
        // Over the word's four glyphs, on whichever row it is.
        let row = laid
            .galley
            .rows
            .iter()
            .find(|r| r.rect().y_range().contains(rects[0].center().y))
            .expect("its row");
        let inside: String = row
            .glyphs
            .iter()
            .filter(|g| g.advance_width > 0.0)
            .filter(|g| {
                rects[0]
                    .x_range()
                    .contains(row.pos.x + g.pos.x + g.advance_width / 2.0)
            })
            .map(|g| g.chr)
            .collect();
        assert_eq!(inside, "رمدت", "its letters, in visual order");
        for (k, c) in range.clone().enumerate() {
            let b = laid
                .map
                .as_ref()
                .and_then(|m| m.char_box(c))
                .expect("a box");
            let y = rects[0].center().y;
            let hit = laid.char_at(pos2(row.pos.x + (b.x0 + b.x1) / 2.0, y));
            assert_eq!(hit, Some(c), "letter {k}");
        }
    });
}

#[test]
fn latin_blocks_keep_the_fast_path() {
    let text = "Palmyre 🇸🇾 « C’est » é";
    lay_out(text, 800.0, &[], |laid| {
        assert!(laid.map.is_none());
        assert_eq!(laid.shift, 0.0);
        assert_eq!(laid.galley.text(), text);
        // The fast path hits characters too.
        let (x0, x1) = glyph_extent(&laid.galley, "C’est");
        let y = laid.galley.rows[0].rect().center().y;
        assert_eq!(
            laid.char_at(pos2(x0 + 1.0, y)),
            Some(text.chars().position(|c| c == 'C').expect("C"))
        );
        assert_eq!(laid.char_at(pos2(x1 + 300.0, y)), None);
    });
}

fn mixed() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "Palmyre",
        " ",
        "تدمر",
        "بشار",
        "الأسد",
        "שלום",
        "🇸🇾",
        "🇫🇷",
        "e\u{301}",
        "«",
        "»",
        "(",
        ")",
        "123",
        "٣٤",
        "C’est",
        ".",
        "\u{200B}",
        "ـ",
        "\u{64B}",
        "Ελλάδα",
        "Москва",
    ]);
    prop::collection::vec(atoms, 1..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every piece is placed glyph by glyph; every character has one box on a row;
    /// boxes of a row do not overlap; a row shows a run of the text, in bidi visual
    /// order; a point inside a box hits it.
    #[test]
    fn boxes_tile_each_row_in_visual_order(
        s in mixed(),
        mention in (0usize..80, 0usize..12),
        width in 120f32..600.0,
    ) {
        let chars: Vec<char> = s.chars().collect();
        let m = mention.0.min(chars.len())..(mention.0 + mention.1).min(chars.len());
        let mut failure = None;
        lay_out(&s, width, &[m], |laid| {
            let Some(map) = laid.map.as_ref() else {
                return;
            };
            if !map.exact_everywhere() {
                failure = Some("a piece fell back to even shares".to_string());
                return;
            }
            let rows = &laid.galley.rows;
            let boxes: Vec<_> = (0..chars.len()).map(|i| map.char_box(i).expect("a box")).collect();
            for (r, row) in rows.iter().enumerate() {
                let on_row: Vec<usize> = (0..chars.len()).filter(|&i| boxes[i].row == r).collect();
                let (Some(&first), Some(&last)) = (on_row.first(), on_row.last()) else {
                    continue;
                };
                if on_row.len() != last - first + 1 {
                    failure = Some(format!("row {r} is not a run: {on_row:?}"));
                    return;
                }
                let mut wide: Vec<usize> =
                    on_row.iter().copied().filter(|&i| boxes[i].x1 - boxes[i].x0 > 0.5).collect();
                wide.sort_by(|&a, &b| boxes[a].x0.total_cmp(&boxes[b].x0));
                for pair in wide.windows(2) {
                    let (a, b) = (boxes[pair[0]], boxes[pair[1]]);
                    if b.x0 < a.x1 - 0.6 {
                        failure = Some(format!("{} and {} overlap: {a:?} {b:?}", pair[0], pair[1]));
                        return;
                    }
                }
                let order: Vec<usize> = visual_order(&chars, first..last + 1)
                    .into_iter()
                    .filter(|i| wide.contains(i))
                    .collect();
                if order != wide {
                    failure = Some(format!("row {r}: drawn {wide:?}, visual order {order:?}"));
                    return;
                }
                let y = row.rect().center().y;
                for &i in &wide {
                    let b = boxes[i];
                    let hit = laid.char_at(pos2(row.pos.x + (b.x0 + b.x1) / 2.0, y));
                    if hit != Some(i) {
                        failure = Some(format!("the middle of {i} hits {hit:?}"));
                        return;
                    }
                }
            }
        });
        prop_assert!(failure.is_none(), "{:?} in {:?}", failure, s);
    }
}
