//! Arabic letters stay joined where a highlight starts or ends inside a word.
//!
//! A block on the bidi path is laid out piece by piece, and a highlight boundary cuts a
//! piece (each highlight has its own colours). egui shapes each piece on its own, so a
//! word cut in two would lose its joins: in لسوريا with سوريا tagged, ل would take its
//! isolated form and س its initial one. So a piece that continues a word gets joiners
//! on that side, which make the shaper pick the joined forms and draw nothing:
//!
//! - after its last letter, a ZERO WIDTH JOINER (U+200D); egui keeps it with the letter,
//!   since it extends the letter's grapheme cluster;
//! - before its first letter, a COMBINING GRAPHEME JOINER then a ZERO WIDTH JOINER: a lone
//!   ZWJ would be a grapheme of its own, which egui gives to its first font (it treats
//!   ZWJ as invisible in every font) and shapes apart; after the CGJ, which only the
//!   Arabic font has, both go with the letters. The shaper would put a dotted circle
//!   before such a leading mark at the beginning of the text, which is why each piece is
//!   laid out after its separator (see `char_map.rs`).
//!
//! Joiners are added only when the letters on both sides do join (Unicode joining types
//! of ArabicShaping.txt for the Arabic and Arabic Supplement blocks).

use super::bidi::Piece;

/// Put before a piece whose first letter joins the letter before it.
pub const BEFORE: [char; 2] = ['\u{34F}', '\u{200D}'];
/// Put after a piece whose last letter joins the letter after it.
pub const AFTER: [char; 1] = ['\u{200D}'];

/// How a character joins its neighbours (Unicode `Joining_Type`, simplified).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joins {
    /// Joins on both sides (D), or causes joining (C: tatweel, ZWJ).
    Both,
    /// Joins only the letter before it, on its right (R).
    Before,
    /// Invisible to joining (T): combining marks.
    Transparent,
    /// Does not join (U), or not a letter of a joining script.
    Neither,
}

/// The joining type of `c`.
fn joins(c: char) -> Joins {
    let u = c as u32;
    let right_joining = matches!(
        u,
        0x622..=0x625
            | 0x627
            | 0x629
            | 0x62F..=0x632
            | 0x648
            | 0x671..=0x673
            | 0x675..=0x677
            | 0x688..=0x699
            | 0x6C0
            | 0x6C3..=0x6CB
            | 0x6CD
            | 0x6CF
            | 0x6D2
            | 0x6D3
            | 0x6D5
            | 0x6EE
            | 0x6EF
            | 0x759..=0x75B
            | 0x76B
            | 0x76C
            | 0x771
            | 0x773
            | 0x774
            | 0x778
            | 0x779
    );
    let dual_joining = matches!(
        u,
        0x620
            | 0x626
            | 0x628
            | 0x62A..=0x62E
            | 0x633..=0x63F
            | 0x640..=0x647
            | 0x649
            | 0x64A
            | 0x66E
            | 0x66F
            | 0x678..=0x687
            | 0x69A..=0x6BF
            | 0x6C1
            | 0x6C2
            | 0x6CC
            | 0x6CE
            | 0x6D0
            | 0x6D1
            | 0x6FA..=0x6FC
            | 0x6FF
            | 0x750..=0x77F
            | 0x200D
    );
    if right_joining {
        Joins::Before
    } else if dual_joining {
        Joins::Both
    } else if matches!(u, 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6DC | 0x6DF..=0x6E4 | 0x6E7 | 0x6E8 | 0x6EA..=0x6ED)
    {
        Joins::Transparent
    } else {
        Joins::Neither
    }
}

/// The joining type of the first non-transparent character of `chars` taken in the
/// order of `indices`.
fn first_joining(chars: &[char], mut indices: impl Iterator<Item = usize>) -> Joins {
    indices
        .find_map(|i| {
            let j = joins(*chars.get(i)?);
            (j != Joins::Transparent).then_some(j)
        })
        .unwrap_or(Joins::Neither)
}

/// The joiners to lay out before and after right-to-left piece `piece` of block `chars`
/// (empty when its ends do not continue a joined word).
pub fn joiners(chars: &[char], piece: &Piece) -> (&'static [char], &'static [char]) {
    if !piece.rtl {
        return (&[], &[]);
    }
    let range = piece.chars.clone();
    let first = first_joining(chars, range.clone());
    let last = first_joining(chars, range.clone().rev());
    let before = first_joining(chars, (0..range.start).rev());
    let after = first_joining(chars, range.end..chars.len());
    let joined_before = matches!(first, Joins::Both | Joins::Before) && before == Joins::Both;
    let joined_after = last == Joins::Both && matches!(after, Joins::Both | Joins::Before);
    (
        if joined_before { &BEFORE } else { &[] },
        if joined_after { &AFTER } else { &[] },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(range: std::ops::Range<usize>) -> Piece {
        Piece {
            chars: range,
            rtl: true,
            odd: true,
        }
    }

    #[test]
    fn a_clitic_cut_off_its_word_stays_joined() {
        // لسوريا with سوريا tagged: ل joins س.
        let c: Vec<char> = "لسوريا".chars().collect();
        assert_eq!(joiners(&c, &piece(0..1)), (&[][..], &AFTER[..]));
        assert_eq!(joiners(&c, &piece(1..6)), (&BEFORE[..], &[][..]));
    }

    #[test]
    fn letters_that_do_not_join_get_no_joiners() {
        // وسوريا: و joins only the letter before it, so س starts a new shape.
        let c: Vec<char> = "وسوريا".chars().collect();
        assert_eq!(joiners(&c, &piece(0..1)), (&[][..], &[][..]));
        assert_eq!(joiners(&c, &piece(1..6)), (&[][..], &[][..]));
        // A whole word, and Hebrew, which does not join.
        assert_eq!(joiners(&c, &piece(0..6)), (&[][..], &[][..]));
        let h: Vec<char> = "שלום".chars().collect();
        assert_eq!(joiners(&h, &piece(1..4)), (&[][..], &[][..]));
    }

    #[test]
    fn marks_are_looked_through() {
        // بَشار cut after the fatha: ب (with its mark) joins ش.
        let c: Vec<char> = "ب\u{64E}شار".chars().collect();
        assert_eq!(joiners(&c, &piece(0..2)), (&[][..], &AFTER[..]));
        assert_eq!(joiners(&c, &piece(2..5)), (&BEFORE[..], &[][..]));
    }
}
