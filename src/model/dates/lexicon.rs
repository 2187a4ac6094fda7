//! The words of French and English date expressions, each read as what it means:
//! month and weekday names, numbers written out, units of time, and the words that
//! place a date before or after the article's. Words are compared lowercased and
//! without accents (`fevrier` is `février`), as news copy and OCR spell them both ways.

/// What one word of a date expression means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// A month, 1 to 12.
    Month(u32),
    /// A day of the week, 0 for Monday.
    Weekday(u32),
    /// A number written out (`deux`, `two`, `a`).
    Count(i64),
    /// A unit of time, for "il y a deux semaines" and "two weeks ago".
    Unit(Unit),
    /// The day before the article's (`hier`, `yesterday`), or after, or the same.
    Relative(i64),
    /// A day relative to another in the story; eventail counts from the article's date
    /// (`la veille`, `le lendemain`).
    Story(i64),
    /// Before the article's date (`dernier`, `last`, `passé`).
    Last,
    /// After the article's date (`prochain`, `next`).
    Next,
    /// The present one (`ce`, `cette`, `this`).
    This,
    /// "ago" (English, after the count) or "il y a" (French, before it: `y` is enough).
    Ago,
    /// A part of the day (`matin`, `evening`): the day it is part of, today after "ce".
    PartOfDay,
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// What `word` (lowercased, without accents) means in a date expression, if anything.
pub(super) fn word(word: &str) -> Option<Word> {
    use Word::*;
    let month = |m| Some(Month(m));
    let weekday = |d| Some(Weekday(d));
    match word {
        "janvier" | "january" | "jan" | "janv" => month(1),
        "fevrier" | "february" | "feb" | "fevr" => month(2),
        "mars" | "march" | "mar" => month(3),
        "avril" | "april" | "apr" | "avr" => month(4),
        "mai" | "may" => month(5),
        "juin" | "june" | "jun" => month(6),
        "juillet" | "july" | "jul" | "juil" => month(7),
        "aout" | "august" | "aug" => month(8),
        "septembre" | "september" | "sep" | "sept" => month(9),
        "octobre" | "october" | "oct" => month(10),
        "novembre" | "november" | "nov" => month(11),
        "decembre" | "december" | "dec" => month(12),
        "lundi" | "monday" => weekday(0),
        "mardi" | "tuesday" => weekday(1),
        "mercredi" | "wednesday" => weekday(2),
        "jeudi" | "thursday" => weekday(3),
        "vendredi" | "friday" => weekday(4),
        "samedi" | "saturday" => weekday(5),
        "dimanche" | "sunday" => weekday(6),
        "un" | "une" | "one" | "a" => Some(Count(1)),
        "deux" | "two" => Some(Count(2)),
        "trois" | "three" => Some(Count(3)),
        "quatre" | "four" => Some(Count(4)),
        "cinq" | "five" => Some(Count(5)),
        "six" => Some(Count(6)),
        // "sept" is September too: the parser reads it as seven before a unit.
        "seven" => Some(Count(7)),
        "huit" | "eight" => Some(Count(8)),
        "neuf" | "nine" => Some(Count(9)),
        "dix" | "ten" => Some(Count(10)),
        "onze" | "eleven" => Some(Count(11)),
        "douze" | "twelve" => Some(Count(12)),
        "quinze" | "fifteen" => Some(Count(15)),
        "vingt" | "twenty" => Some(Count(20)),
        "trente" | "thirty" => Some(Count(30)),
        "jour" | "jours" | "day" | "days" => Some(Unit(self::Unit::Day)),
        "semaine" | "semaines" | "week" | "weeks" => Some(Unit(self::Unit::Week)),
        "mois" | "month" | "months" => Some(Unit(self::Unit::Month)),
        "an" | "ans" | "annee" | "annees" | "year" | "years" => Some(Unit(self::Unit::Year)),
        "hier" | "yesterday" => Some(Relative(-1)),
        "avant-hier" => Some(Relative(-2)),
        "aujourd" | "today" | "tonight" => Some(Relative(0)),
        "matin" | "soir" | "nuit" | "morning" | "evening" | "night" | "afternoon" => {
            Some(PartOfDay)
        }
        "demain" | "tomorrow" => Some(Relative(1)),
        "veille" => Some(Story(-1)),
        "lendemain" => Some(Story(1)),
        "dernier" | "derniere" | "last" | "passe" | "passee" | "past" | "previous" => Some(Last),
        "prochain" | "prochaine" | "next" | "coming" => Some(Next),
        "ce" | "cet" | "cette" | "this" => Some(This),
        "ago" | "y" => Some(Ago),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_both_languages_mean_the_same() {
        assert_eq!(word("fevrier"), word("february"));
        assert_eq!(word("jeudi"), Some(Word::Weekday(3)));
        assert_eq!(word("semaines"), Some(Word::Unit(Unit::Week)));
        assert_eq!(word("hier"), word("yesterday"));
        assert_eq!(word("palmyre"), None);
    }
}
