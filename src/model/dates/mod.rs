//! Suggested ISO dates for the date expressions of articles, in French and English,
//! relative to the article's own date: "jeudi 24 mars 2016", "le 4 mars", "mai 2015",
//! "la veille", "mardi", "il y a deux semaines", "Thursday", "March 4", "two weeks ago",
//! "yesterday".
//!
//! Annotators normalise every date by hand otherwise, counting back from the article's
//! date on a calendar; a suggestion that they accept with one key saves that, and an
//! expression read the same way every time makes the dates of a team agree. The reading
//! is deliberately simple and predictable rather than clever: it picks out month and
//! weekday names, numbers, years and a few relative words, and decides by fixed rules
//! (see [`suggest_date`]); what it cannot read it leaves unsuggested. An expression
//! without a year is placed in the year that puts it nearest the article's date, the
//! past winning a tie, since news mostly reports what happened; "dernier", "last",
//! "prochain" and "next" say which side.
//!
//! - [`lexicon`]: the words and what each means.
//! - [`event_date`]: the date of an event, from its own attribute or its time argument.

mod event_date;
mod lexicon;

pub use event_date::{DATE_ATTRIBUTE, DateSource, EventDate, document_date, event_date};

use super::calendar::{DateRange, Day, IsoDate, Precision};
use lexicon::{Unit, Word};

/// What the words of an expression say, once read.
#[derive(Debug, Default)]
struct Reading {
    /// Numbers from 1 to 31 that are not counts of units: days of the month.
    days: Vec<u32>,
    month: Option<u32>,
    year: Option<i32>,
    weekday: Option<u32>,
    /// Days from the article's date (`hier` is -1).
    relative: Option<i64>,
    /// Days from the story's day (`la veille` is -1), counted from the article's.
    story: Option<i64>,
    /// A count of units (`deux semaines`), and whether it is in the past (`il y a`, `ago`).
    count: Option<(i64, Unit)>,
    ago: bool,
    /// A unit without a count (`la semaine dernière`, `ce mois`).
    unit: Option<Unit>,
    last: bool,
    next: bool,
    this: bool,
    part_of_day: bool,
}

/// The words of `expression`, lowercased and without accents; hyphens inside words
/// kept (`avant-hier`), elided articles split off (`l'an` is `l`, `an`).
fn tokens(expression: &str) -> Vec<String> {
    crate::search::fold(&expression.to_lowercase())
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|t| t.trim_matches('-').to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The number a token starts with (`24`, `1er`, `4th`), if it is one.
fn leading_number(token: &str) -> Option<(u32, usize)> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &token[digits..];
    let ordinal = ["", "er", "e", "eme", "st", "nd", "rd", "th"];
    if digits == 0 || !ordinal.contains(&suffix) {
        return None;
    }
    token[..digits].parse().ok().map(|n| (n, digits))
}

fn read(expression: &str) -> Reading {
    let tokens = tokens(expression);
    let mut reading = Reading::default();
    let meaning = |i: usize| -> Option<Word> {
        let token = tokens.get(i)?;
        if token == "sept" {
            let before_unit = tokens
                .get(i + 1)
                .is_some_and(|t| matches!(lexicon::word(t), Some(Word::Unit(_))));
            return Some(if before_unit {
                Word::Count(7)
            } else {
                Word::Month(9)
            });
        }
        lexicon::word(token)
    };
    for (i, token) in tokens.iter().enumerate() {
        let next_is_unit = matches!(meaning(i + 1), Some(Word::Unit(_)));
        if let Some((n, digits)) = leading_number(token) {
            if next_is_unit {
                continue;
            }
            match digits {
                4 if (1000..=2999).contains(&n) => {
                    reading.year = i32::try_from(n).ok();
                }
                1 | 2 if (1..=31).contains(&n) => reading.days.push(n),
                _ => {}
            }
            continue;
        }
        match meaning(i) {
            Some(Word::Month(m)) => reading.month = Some(m),
            Some(Word::Weekday(d)) => reading.weekday = Some(d),
            Some(Word::Relative(n)) => reading.relative = Some(n),
            Some(Word::Story(n)) => reading.story = Some(n),
            Some(Word::Last) => reading.last = true,
            Some(Word::Next) => reading.next = true,
            Some(Word::This) => reading.this = true,
            Some(Word::Ago) => reading.ago = true,
            Some(Word::PartOfDay) => reading.part_of_day = true,
            Some(Word::Unit(unit)) => {
                let count = i.checked_sub(1).and_then(|p| match meaning(p) {
                    Some(Word::Count(n)) => Some(n),
                    _ => leading_number(&tokens[p]).map(|(n, _)| i64::from(n)),
                });
                match count {
                    Some(n) => reading.count = Some((n, unit)),
                    None => reading.unit = Some(unit),
                }
            }
            Some(Word::Count(_)) | None => {}
        }
    }
    reading
}

/// The date `n` units before (negative `n`: after) `day`, to the unit's precision.
fn units_before(day: Day, n: i64, unit: Unit) -> Option<IsoDate> {
    let (shifted, precision) = match unit {
        Unit::Day => (day.plus_days(-n)?, Precision::Day),
        Unit::Week => (day.plus_days(-7 * n)?, Precision::Week),
        Unit::Month => (day.plus_months(-n)?, Precision::Month),
        Unit::Year => (day.plus_months(-12 * n)?, Precision::Year),
    };
    Some(IsoDate::holding(shifted, precision))
}

/// Of the candidates, the one `reading` asks for relative to `doc`: with "dernier" or
/// "last" the latest before it, with "prochain" or "next" the earliest after it,
/// otherwise the nearest, the earlier winning a tie. Each candidate is compared by the
/// day it starts, to the first day of `doc`'s own period of the same precision.
fn pick(
    reading: &Reading,
    doc: IsoDate,
    candidates: impl Iterator<Item = IsoDate>,
) -> Option<IsoDate> {
    let start = |d: IsoDate| d.first_day().days_since_epoch();
    let here = start(doc);
    let mut candidates: Vec<IsoDate> = candidates.collect();
    candidates.sort();
    if reading.last {
        candidates.into_iter().rev().find(|c| start(*c) < here)
    } else if reading.next {
        candidates.into_iter().find(|c| start(*c) > here)
    } else {
        candidates
            .into_iter()
            .min_by_key(|c| ((start(*c) - here).abs(), start(*c) > here))
    }
}

/// The day `day` of `month` in the year that `reading` asks for around `doc`.
fn day_of_month_near(reading: &Reading, doc: Day, month: u32, day: u32) -> Option<IsoDate> {
    let years = [doc.year() - 1, doc.year(), doc.year() + 1];
    let days = years
        .into_iter()
        .filter_map(|y| Day::new(y, month, day).map(IsoDate::day));
    pick(reading, IsoDate::day(doc), days)
}

/// The day `day` of the month, on weekday `weekday`, nearest `doc` (within a year).
fn day_and_weekday_near(reading: &Reading, doc: Day, day: u32, weekday: u32) -> Option<IsoDate> {
    let days = (-12..=12)
        .filter_map(|n| doc.plus_months(n))
        .filter_map(|d| Day::new(d.year(), d.month(), day))
        .filter(|d| d.weekday() == weekday)
        .map(IsoDate::day);
    pick(reading, IsoDate::day(doc), days)
}

/// Suggests an ISO date (or range, `du 7 au 27 mars`) for a date `expression` of an
/// article dated `document_date`; `None` when the expression says no date this reading
/// understands, or says one relative to a date that is not known.
///
/// The rules, in order: a count of units before the article's date ("il y a deux
/// semaines", "two weeks ago": to the unit's precision); a day and a month, with the
/// year given or the nearest one ("24 mars 2016", "le 4 mars"), or two days and a month
/// for a range; a day and a weekday without a month ("dimanche 27"); a month, with the
/// year given or the nearest ("mai 2015", "en août"); a day relative to the article's
/// ("hier", "yesterday"; "la veille", "le lendemain", counted from the article's date
/// as the story's is not known); a weekday, the latest on or before the article's date
/// unless "prochain" or "next" ("mardi", "Thursday"); a unit of time with "dernier",
/// "ce", "prochain" ("la semaine dernière", "ce mois", "l'an prochain"; "au début du
/// mois" is this month); a year alone; "ce matin", "ce soir" for the article's day.
pub fn suggest_date(expression: &str, document_date: Option<Day>) -> Option<DateRange> {
    let r = read(expression);
    let doc = document_date;
    if let Some((n, unit)) = r.count {
        return if r.ago {
            units_before(doc?, n, unit).map(DateRange::single)
        } else {
            // "pendant dix mois", "in two weeks": a duration, or a date not read.
            None
        };
    }
    if let Some(month) = r.month
        && let Some(&first) = r.days.first()
    {
        let date = |day: u32| match r.year {
            Some(year) => Day::new(year, month, day).map(IsoDate::day),
            None => day_of_month_near(&r, doc?, month, day),
        };
        let start = date(first)?;
        return Some(match r.days.get(1) {
            Some(&last) => DateRange::between(start, date(last)?),
            None => DateRange::single(start),
        });
    }
    if let (Some(&day), Some(weekday), None) = (r.days.first(), r.weekday, r.month) {
        return day_and_weekday_near(&r, doc?, day, weekday).map(DateRange::single);
    }
    if let Some(month) = r.month {
        let month_of =
            |year: i32| Day::new(year, month, 1).map(|d| IsoDate::holding(d, Precision::Month));
        return match r.year {
            Some(year) => month_of(year),
            None => {
                let doc = doc?;
                let years = [doc.year() - 1, doc.year(), doc.year() + 1];
                let here = IsoDate::holding(doc, Precision::Month);
                pick(&r, here, years.into_iter().filter_map(month_of))
            }
        }
        .map(DateRange::single);
    }
    if let Some(n) = r.relative.or(r.story) {
        return doc?
            .plus_days(n)
            .map(|d| DateRange::single(IsoDate::day(d)));
    }
    if let Some(weekday) = r.weekday {
        let doc = doc?;
        let back = i64::from((doc.weekday() + 7 - weekday) % 7);
        let day = if r.next {
            doc.plus_days(7 - back)
        } else if r.last && back == 0 {
            doc.plus_days(-7)
        } else {
            doc.plus_days(-back)
        }?;
        return Some(DateRange::single(IsoDate::day(day)));
    }
    if let Some(unit) = r.unit {
        let step = if r.last {
            1
        } else if r.next {
            -1
        } else {
            0
        };
        return units_before(doc?, step, unit).map(DateRange::single);
    }
    if let Some(year) = r.year {
        return Day::new(year, 1, 1)
            .map(|d| DateRange::single(IsoDate::holding(d, Precision::Year)));
    }
    if r.this && r.part_of_day {
        return doc.map(|d| DateRange::single(IsoDate::day(d)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<Day> {
        Some(text.parse::<IsoDate>().unwrap().first_day())
    }

    /// Each expression with the article's date, and the suggestion expected.
    fn check(cases: &[(&str, Option<&str>, Option<&str>)]) {
        for &(expression, doc, expected) in cases {
            let found = suggest_date(expression, doc.and_then(day)).map(|d| d.to_string());
            assert_eq!(
                found.as_deref(),
                expected,
                "{expression:?} in an article of {doc:?}"
            );
        }
    }

    #[test]
    fn french_expressions_of_the_seed_articles() {
        let (d000, d001, d004) = (Some("2016-03-24"), Some("2016-03-27"), Some("2016-03-30"));
        check(&[
            ("jeudi 24 mars 2016", d000, Some("2016-03-24")),
            ("jeudi 24 mars 2016", None, Some("2016-03-24")),
            ("au début du mois", d000, Some("2016-03")),
            ("la veille", d000, Some("2016-03-23")),
            ("le 4 mars", d000, Some("2016-03-04")),
            ("le 4 mars", None, None),
            ("depuis mai 2015", d000, Some("2015-05")),
            ("en 2014", d000, Some("2014")),
            ("en juin 2014", d000, Some("2014-06")),
            ("d'ici août", d000, Some("2016-08")),
            ("Ce dimanche 27", d001, Some("2016-03-27")),
            ("le 7 mars", d001, Some("2016-03-07")),
            ("en janvier 2015", d001, Some("2015-01")),
            ("hier mardi", d004, Some("2016-03-29")),
            ("mardi matin", d004, Some("2016-03-29")),
            ("jeudi soir", Some("2016-12-10"), Some("2016-12-08")),
            ("samedi matin", Some("2016-12-10"), Some("2016-12-10")),
            ("en mars dernier", Some("2016-12-10"), Some("2016-03")),
            (
                "Le 12 janvier dernier",
                Some("2016-03-27"),
                Some("2016-01-12"),
            ),
            ("début février", Some("2016-03-27"), Some("2016-02")),
            ("fin septembre", Some("2016-03-27"), Some("2015-09")),
            ("il y a tout juste un an", Some("2016-03-27"), Some("2015")),
            ("il y a deux semaines", d000, Some("2016-W10")),
            ("il y a 3 jours", d000, Some("2016-03-21")),
            ("En février dernier", Some("2016-03-27"), Some("2016-02")),
            ("la semaine dernière", d000, Some("2016-W11")),
            ("le mois prochain", d000, Some("2016-04")),
            ("l'an dernier", d000, Some("2015")),
            ("avant-hier", d000, Some("2016-03-22")),
            ("aujourd'hui", d000, Some("2016-03-24")),
            ("ce matin", d000, Some("2016-03-24")),
            ("mardi", d000, Some("2016-03-22")),
            ("jeudi", d000, Some("2016-03-24")),
            ("jeudi dernier", d000, Some("2016-03-17")),
            ("jeudi prochain", d000, Some("2016-03-31")),
            ("du 7 au 27 mars", d001, Some("2016-03-07/2016-03-27")),
            ("le 1er avril", d000, Some("2016-04-01")),
            ("il y a sept jours", d000, Some("2016-03-17")),
            ("5 sept. 2016", None, Some("2016-09-05")),
            ("pendant près de dix mois", d000, None),
            ("la ville", d000, None),
            ("", d000, None),
        ]);
    }

    #[test]
    fn english_expressions() {
        let doc = Some("2016-03-24");
        check(&[
            ("Thursday", doc, Some("2016-03-24")),
            ("on Tuesday", doc, Some("2016-03-22")),
            ("last Thursday", doc, Some("2016-03-17")),
            ("March 4", doc, Some("2016-03-04")),
            ("March 4, 2016", None, Some("2016-03-04")),
            ("4th March", doc, Some("2016-03-04")),
            ("May 2015", doc, Some("2015-05")),
            ("in December", doc, Some("2015-12")),
            ("next December", doc, Some("2016-12")),
            ("two weeks ago", doc, Some("2016-W10")),
            ("a year ago", doc, Some("2015")),
            ("yesterday", doc, Some("2016-03-23")),
            ("Yesterday evening", doc, Some("2016-03-23")),
            ("today", doc, Some("2016-03-24")),
            ("last week", doc, Some("2016-W11")),
            ("this month", doc, Some("2016-03")),
            ("last year", doc, Some("2015")),
            ("in two weeks", doc, None),
        ]);
    }
}
