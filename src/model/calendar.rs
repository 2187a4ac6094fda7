//! Dates as incidents and the event dataset export hold them: a day of the proleptic
//! Gregorian calendar, a date known to a precision (a day, an ISO week, a month, a
//! year) and a range of such dates, each written as ISO 8601 writes it.
//!
//! News rarely dates an event to the day: "en mai 2015", "la semaine dernière", "entre
//! le 7 et le 27 mars". A date therefore carries its precision, which the written form
//! says (`2016-03-24`, `2016-W12`, `2016-03`, `2016`), and a range joins two of them with
//! `/` (`2016-03-07/2016-03-27`), as ISO 8601 writes intervals. The types are parsed
//! once, when read, so that the rest of the code never meets a malformed date; the
//! arithmetic is the few lines of civil-calendar conversion it needs, rather than a date
//! library for them.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A day of the proleptic Gregorian calendar, always a valid one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

/// Days in `month` (1 to 12) of `year`.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Day {
    /// The day `day` of `month` (1 to 12) of `year`; `None` when there is no such day.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day = u8::try_from(day).ok()?;
        (1..=9999).contains(&year).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let shifted_month = (month + 9) % 12;
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` days after 1970-01-01 (`civil_from_days`); `None` outside the
    /// years 1 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Day> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Day::new(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }

    /// The day `n` days later (earlier when negative); `None` outside the years 1 to
    /// 9999.
    pub fn plus_days(self, n: i64) -> Option<Day> {
        Day::from_days_since_epoch(self.days_since_epoch().checked_add(n)?)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        u32::try_from((self.days_since_epoch() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// The first day of the month.
    pub fn first_of_month(self) -> Day {
        Day { day: 1, ..self }
    }

    /// The last day of the month.
    pub fn last_of_month(self) -> Day {
        Day {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// The same day `n` months later (earlier when negative), moved to the month's last
    /// day when it has fewer days; `None` outside the years 1 to 9999.
    pub fn plus_months(self, n: i64) -> Option<Day> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Day::new(year, u32::from(month), 1)
            .map(|d| Day {
                day: self.day.min(days_in_month(year, month)),
                ..d
            })
            .filter(|_| (1..=9999).contains(&year))
    }

    /// The ISO 8601 week of this day: its year (which may differ from the day's near
    /// New Year) and number, from 1.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self
            .plus_days(3 - i64::from(self.weekday()))
            .unwrap_or(self);
        let first = Day {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days_since_epoch() - first.days_since_epoch()) / 7 + 1;
        (thursday.year, u32::try_from(week).unwrap_or(1))
    }

    /// The Monday of ISO week `week` of `year`; `None` when the year has no such week.
    pub fn of_iso_week(year: i32, week: u32) -> Option<Day> {
        let jan4 = Day::new(year, 1, 4)?;
        let monday1 = jan4.plus_days(-i64::from(jan4.weekday()))?;
        let monday = monday1.plus_days(7 * (i64::from(week) - 1))?;
        (week >= 1 && monday.iso_week() == (year, week)).then_some(monday)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Precision {
    /// To the day: `2016-03-24`.
    Day,
    /// To the ISO week: `2016-W12`.
    Week,
    /// To the month: `2016-03`.
    Month,
    /// To the year: `2016`.
    Year,
}

impl Precision {
    /// The word for it: `day`, `week`, `month`, `year`.
    pub fn word(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date known to a precision: the day, week, month or year that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    /// The first day of the period.
    first: Day,
    /// Its length.
    precision: Precision,
}

impl IsoDate {
    /// The day `day`, known to the day.
    pub fn day(day: Day) -> Self {
        IsoDate {
            first: day,
            precision: Precision::Day,
        }
    }

    /// The period of `precision` that holds `day` (its ISO week, month or year).
    pub fn holding(day: Day, precision: Precision) -> Self {
        let first = match precision {
            Precision::Day => day,
            Precision::Week => day.plus_days(-i64::from(day.weekday())).unwrap_or(day),
            Precision::Month => day.first_of_month(),
            Precision::Year => Day {
                month: 1,
                day: 1,
                ..day
            },
        };
        IsoDate { first, precision }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Day {
        self.first
    }

    /// The last day of the period.
    pub fn last_day(self) -> Day {
        match self.precision {
            Precision::Day => self.first,
            Precision::Week => self.first.plus_days(6).unwrap_or(self.first),
            Precision::Month => self.first.last_of_month(),
            Precision::Year => Day {
                month: 12,
                day: 31,
                ..self.first
            },
        }
    }

    /// How precisely it is known.
    pub fn precision(self) -> Precision {
        self.precision
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.first;
        match self.precision {
            Precision::Day => d.fmt(f),
            Precision::Week => {
                let (year, week) = d.iso_week();
                write!(f, "{year:04}-W{week:02}")
            }
            Precision::Month => write!(f, "{:04}-{:02}", d.year, d.month),
            Precision::Year => write!(f, "{:04}", d.year),
        }
    }
}

/// Why a text is not an ISO 8601 date or range.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not an ISO 8601 date (2016-03-24, 2016-W12, 2016-03 or 2016) or a range of two \
     joined by / (2016-03-07/2016-03-27)"
)]
pub struct DateError(pub String);

/// `text` as a number of exactly `digits` ASCII digits.
fn number(text: &str, digits: usize) -> Option<u32> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl FromStr for IsoDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let bad = || DateError(text.to_string());
        let parts: Vec<&str> = text.split('-').collect();
        let year = |s: &str| number(s, 4).and_then(|y| i32::try_from(y).ok());
        let date =
            match parts.as_slice() {
                [y] => Day::new(year(y).ok_or_else(bad)?, 1, 1).map(|first| IsoDate {
                    first,
                    precision: Precision::Year,
                }),
                [y, w] if w.starts_with('W') => {
                    let week = number(&w[1..], 2).ok_or_else(bad)?;
                    Day::of_iso_week(year(y).ok_or_else(bad)?, week).map(|first| IsoDate {
                        first,
                        precision: Precision::Week,
                    })
                }
                [y, m] => Day::new(year(y).ok_or_else(bad)?, number(m, 2).ok_or_else(bad)?, 1).map(
                    |first| IsoDate {
                        first,
                        precision: Precision::Month,
                    },
                ),
                [y, m, d] => Day::new(
                    year(y).ok_or_else(bad)?,
                    number(m, 2).ok_or_else(bad)?,
                    number(d, 2).ok_or_else(bad)?,
                )
                .map(IsoDate::day),
                _ => None,
            };
        date.ok_or_else(bad)
    }
}

/// A date, or a range of dates from one to another (both included): what an incident
/// is dated with. Written `2016-03-24` or `2016-03-07/2016-03-27` in the project file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DateRange {
    /// The date, or the start of the range.
    start: IsoDate,
    /// The end of the range; `None` for a single date.
    end: Option<IsoDate>,
}

impl DateRange {
    /// A single date.
    pub fn single(date: IsoDate) -> Self {
        DateRange {
            start: date,
            end: None,
        }
    }

    /// The range from `start` to `end`, in whichever order they are given; a single
    /// date when they are the same.
    pub fn between(start: IsoDate, end: IsoDate) -> Self {
        let (start, end) = if end.first_day() < start.first_day() {
            (end, start)
        } else {
            (start, end)
        };
        DateRange {
            start,
            end: (start != end).then_some(end),
        }
    }

    /// The date, or the start of the range.
    pub fn start(self) -> IsoDate {
        self.start
    }

    /// The end of the range; `None` for a single date.
    pub fn end(self) -> Option<IsoDate> {
        self.end
    }

    /// The first day it may be.
    pub fn first_day(self) -> Day {
        self.start.first_day()
    }

    /// The last day it may be.
    pub fn last_day(self) -> Day {
        self.end.unwrap_or(self.start).last_day()
    }

    /// How many days it spans, from 1.
    pub fn days(self) -> i64 {
        self.last_day().days_since_epoch() - self.first_day().days_since_epoch() + 1
    }

    /// The smallest range that holds both.
    pub fn union(self, other: DateRange) -> DateRange {
        let start = if other.first_day() < self.first_day() {
            other.start
        } else {
            self.start
        };
        let end = if other.last_day() > self.last_day() {
            other.end.unwrap_or(other.start)
        } else {
            self.end.unwrap_or(self.start)
        };
        DateRange::between(start, end)
    }

    /// Days between the two, 0 when they overlap.
    pub fn distance_in_days(self, other: DateRange) -> i64 {
        let gap = |a: Day, b: Day| b.days_since_epoch() - a.days_since_epoch();
        gap(self.last_day(), other.first_day())
            .max(gap(other.last_day(), self.first_day()))
            .max(0)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) => write!(f, "{}/{end}", self.start),
            None => self.start.fmt(f),
        }
    }
}

impl FromStr for DateRange {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let bad = |_| DateError(text.to_string());
        match text.split_once('/') {
            Some((start, end)) => Ok(DateRange::between(
                start.parse().map_err(bad)?,
                end.parse().map_err(bad)?,
            )),
            None => Ok(DateRange::single(text.parse().map_err(bad)?)),
        }
    }
}

impl From<IsoDate> for DateRange {
    fn from(date: IsoDate) -> Self {
        DateRange::single(date)
    }
}

impl TryFrom<String> for DateRange {
    type Error = DateError;

    fn try_from(text: String) -> Result<Self, DateError> {
        text.parse()
    }
}

impl From<DateRange> for String {
    fn from(range: DateRange) -> String {
        range.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::new(y, m, d).unwrap()
    }

    #[test]
    fn days_count_from_the_epoch_both_ways_with_weekdays() {
        assert_eq!(day(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(day(2016, 3, 24).days_since_epoch(), 16_884);
        for days in [-719_162, -1, 0, 59, 16_884, 2_932_896] {
            let d = Day::from_days_since_epoch(days).unwrap();
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
        // Thursday 24 March 2016, Sunday 27 March 2016.
        assert_eq!(day(2016, 3, 24).weekday(), 3);
        assert_eq!(day(2016, 3, 27).weekday(), 6);
        assert_eq!(Day::new(2015, 2, 29), None);
        assert_eq!(day(2016, 2, 28).plus_days(1), Day::new(2016, 2, 29));
        assert_eq!(day(2016, 3, 31).plus_months(-1), Day::new(2016, 2, 29));
        assert_eq!(day(2016, 12, 10).plus_months(2), Day::new(2017, 2, 10));
    }

    #[test]
    fn iso_weeks_cross_new_year_as_iso_8601_says() {
        assert_eq!(day(2016, 3, 24).iso_week(), (2016, 12));
        assert_eq!(day(2016, 1, 1).iso_week(), (2015, 53));
        assert_eq!(day(2014, 12, 29).iso_week(), (2015, 1));
        assert_eq!(Day::of_iso_week(2015, 53), Day::new(2015, 12, 28));
        assert_eq!(Day::of_iso_week(2016, 53), None);
    }

    #[test]
    fn dates_and_ranges_read_and_write_iso_8601() {
        for text in [
            "2016-03-24",
            "2016-W12",
            "2016-03",
            "2016",
            "2016-03-07/2016-03-27",
            "2015-05/2016-03-27",
        ] {
            let range: DateRange = text.parse().unwrap();
            assert_eq!(range.to_string(), text);
        }
        let week: DateRange = "2016-W12".parse().unwrap();
        assert_eq!(week.first_day(), day(2016, 3, 21));
        assert_eq!(week.last_day(), day(2016, 3, 27));
        let reversed: DateRange = "2016-03-27/2016-03-07".parse().unwrap();
        assert_eq!(reversed.to_string(), "2016-03-07/2016-03-27");
        assert_eq!(reversed.days(), 21);
        for bad in [
            "",
            "16-03",
            "2016-3-24",
            "2016-02-30",
            "2016-W60",
            "2016/",
            "mars",
        ] {
            assert!(bad.parse::<DateRange>().is_err(), "{bad}");
        }
        let error = "2016-13".parse::<DateRange>().unwrap_err().to_string();
        assert!(
            error.starts_with("\"2016-13\" is not an ISO 8601 date"),
            "{error}"
        );
    }

    #[test]
    fn distance_and_union_of_ranges() {
        let r = |s: &str| s.parse::<DateRange>().unwrap();
        assert_eq!(r("2016-03-24").distance_in_days(r("2016-03-27")), 3);
        assert_eq!(r("2016-03").distance_in_days(r("2016-03-27")), 0);
        assert_eq!(r("2016-12").distance_in_days(r("2016-03-27")), 249);
        assert_eq!(
            r("2016-03-24")
                .union(r("2016-03-07/2016-03-10"))
                .to_string(),
            "2016-03-07/2016-03-24"
        );
    }
}
