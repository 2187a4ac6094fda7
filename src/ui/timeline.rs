//! What the incidents timeline draws, without egui: each incident's days and its
//! reports' own dates, the colour of its type, the reports stacked so that none hides
//! another, and the ticks of the time axis. The panel ([`super::timeline_ui`]) only maps
//! days to points and paints.

use crate::model::report_values::values_of_report;
use crate::model::{Day, IncidentId, Project, Report, Rgb, Schema};

/// A span of days, both ends included, as days since 1970-01-01.
pub type Days = (i64, i64);

/// One report of an incident on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineReport {
    /// The report.
    pub report: Report,
    /// The days its event gives (its own date, or its time argument's); none when it
    /// gives none, and it is drawn at the incident's start.
    pub days: Option<Days>,
    /// How it reads on hover: document, event, its date.
    pub text: String,
}

/// One incident on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineIncident {
    /// The incident.
    pub id: IncidentId,
    /// The days of its date (none: undated, listed apart).
    pub days: Option<Days>,
    /// The colour of its type.
    pub colour: Rgb,
    /// How it reads on hover and beside its bar.
    pub text: String,
    /// Its reports, in its order.
    pub reports: Vec<TimelineReport>,
}

/// The days of a date range.
fn days_of(date: crate::model::DateRange) -> Days {
    (
        date.first_day().days_since_epoch(),
        date.last_day().days_since_epoch(),
    )
}

/// The colour of an incident type: the schema's for an event type, otherwise one of
/// the palette chosen by the name, so that a type keeps its colour from frame to frame
/// and run to run.
pub fn type_colour(schema: &Schema, incident_type: &str) -> Rgb {
    if let Some(t) = schema.event_type(incident_type) {
        return t.color;
    }
    // FNV-1a: stable across runs, unlike the standard library's hasher.
    let hash = incident_type
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    Rgb::from_palette(usize::try_from(hash % 1024).unwrap_or(0))
}

/// How a report reads: `Daech recule… (2016-03-24), E87 «entrée», dated 2016-03-24`.
pub fn report_text(project: &Project, report: &Report) -> String {
    let Some(doc) = project.documents.iter().find(|d| d.id == report.document) else {
        return format!("{report} (missing document)");
    };
    let dated = crate::model::dates::document_date(doc)
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let event = doc.event(report.event).map_or_else(
        || format!("{} (missing event)", report.event),
        |e| {
            let trigger = doc.covered_text(&e.trigger);
            let label = project.schema.label(&e.event_type);
            if trigger.is_empty() {
                format!("{} {label}", report.event)
            } else {
                format!("{} {label} «{trigger}»", report.event)
            }
        },
    );
    format!("{}{dated}, {event}", doc.name)
}

/// The incidents `ids` of `project` as the timeline draws them, in the order given.
pub fn timeline_incidents(project: &Project, ids: &[IncidentId]) -> Vec<TimelineIncident> {
    ids.iter()
        .filter_map(|id| project.incident(*id))
        .map(|incident| {
            let date = incident
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into());
            let text = format!(
                "{} {} {date} {}",
                incident.id,
                project.schema.label(&incident.incident_type),
                incident.places.join(", ")
            );
            let reports = incident
                .reports
                .iter()
                .map(|report| {
                    let date = values_of_report(project, report).and_then(|v| v.date);
                    let dated = date.map_or_else(
                        || ", no date of its own".to_string(),
                        |d| format!(", says {}", d.date),
                    );
                    TimelineReport {
                        report: report.clone(),
                        days: date.map(|d| days_of(d.date)),
                        text: format!("{}{dated}", report_text(project, report)),
                    }
                })
                .collect();
            TimelineIncident {
                id: incident.id,
                days: incident.date.map(days_of),
                colour: type_colour(&project.schema, &incident.incident_type),
                text,
                reports,
            }
        })
        .collect()
}

/// The first and last day that the incidents and their reports cover, if any is dated.
pub fn extent(incidents: &[TimelineIncident]) -> Option<Days> {
    incidents
        .iter()
        .flat_map(|i| {
            i.days
                .into_iter()
                .chain(i.reports.iter().filter_map(|r| r.days))
        })
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
}

/// The level of each of `spans` (start, end, in points) when stacked so that two at one
/// level are at least `gap` apart: each takes the lowest level where it fits.
pub fn stack_levels(spans: &[(f32, f32)], gap: f32) -> Vec<usize> {
    // The right end of the last span at each level.
    let mut ends: Vec<f32> = Vec::new();
    spans
        .iter()
        .map(|&(start, end)| {
            let level = ends
                .iter()
                .position(|&e| start >= e + gap)
                .unwrap_or(ends.len());
            match ends.get_mut(level) {
                Some(e) => *e = end,
                None => ends.push(end),
            }
            level
        })
        .collect()
}

/// How far apart the ticks of the axis are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Days(i64),
    Months(i64),
    Years(i64),
}

/// The ticks of an axis from `from` to `to` (days since 1970), at most `most` of them, at
/// the finest step that allows it: each day, week (Mondays), month, quarter, year, or
/// several years; each with its label (`2016-03-24`, `2016-03`, `2016`).
pub fn ticks(from: i64, to: i64, most: usize) -> Vec<(i64, String)> {
    let most = most.max(2);
    let span = (to - from).max(1);
    let steps = [
        Step::Days(1),
        Step::Days(7),
        Step::Months(1),
        Step::Months(3),
        Step::Years(1),
        Step::Years(5),
        Step::Years(10),
        Step::Years(50),
    ];
    let length = |step: Step| match step {
        Step::Days(n) => n,
        Step::Months(n) => n * 30,
        Step::Years(n) => n * 365,
    };
    let step = steps
        .into_iter()
        .find(|s| usize::try_from(span / length(*s)).is_ok_and(|n| n < most))
        .unwrap_or(Step::Years(100));
    let Some(start) = Day::from_days_since_epoch(from) else {
        return Vec::new();
    };
    let first = match step {
        Step::Days(1) => Some(start),
        // The Monday on or after `from`.
        Step::Days(_) => start.plus_days((7 - i64::from(start.weekday())) % 7),
        Step::Months(n) => {
            let month = start.first_of_month();
            let month = if month < start {
                month.plus_months(1)
            } else {
                Some(month)
            };
            month.and_then(|m| m.plus_months((n - i64::from(m.month() - 1) % n) % n))
        }
        Step::Years(n) => {
            let year = i64::from(start.year());
            let up = if start.month() == 1 && start.day() == 1 {
                year
            } else {
                year + 1
            };
            let up = up + (n - up.rem_euclid(n)) % n;
            i32::try_from(up).ok().and_then(|y| Day::new(y, 1, 1))
        }
    };
    let next = |day: Day| match step {
        Step::Days(n) => day.plus_days(n),
        Step::Months(n) => day.plus_months(n),
        Step::Years(n) => day.plus_months(n * 12),
    };
    let label = |day: Day| match step {
        Step::Days(_) => day.to_string(),
        Step::Months(_) => format!("{:04}-{:02}", day.year(), day.month()),
        Step::Years(_) => format!("{:04}", day.year()),
    };
    std::iter::successors(first, |d| next(*d))
        .take_while(|d| d.days_since_epoch() <= to)
        .take(most)
        .map(|d| (d.days_since_epoch(), label(d)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> i64 {
        Day::new(y, m, d)
            .map(Day::days_since_epoch)
            .unwrap_or_default()
    }

    fn labels(ticks: &[(i64, String)]) -> Vec<&str> {
        ticks.iter().map(|(_, l)| l.as_str()).collect()
    }

    #[test]
    fn ticks_take_the_finest_step_that_fits() {
        let days = ticks(day(2016, 3, 22), day(2016, 3, 25), 10);
        assert_eq!(
            labels(&days),
            ["2016-03-22", "2016-03-23", "2016-03-24", "2016-03-25"]
        );
        // 2016-03-21 was a Monday.
        let weeks = ticks(day(2016, 3, 2), day(2016, 4, 20), 10);
        assert_eq!(weeks[0].1, "2016-03-07");
        assert_eq!(weeks[1].0 - weeks[0].0, 7);
        let months = ticks(day(2015, 5, 16), day(2016, 12, 11), 30);
        assert_eq!(months[0].1, "2015-06");
        assert_eq!(months.last().map(|t| t.1.as_str()), Some("2016-12"));
        let quarters = ticks(day(2015, 5, 16), day(2016, 12, 11), 10);
        assert_eq!(
            labels(&quarters),
            [
                "2015-07", "2015-10", "2016-01", "2016-04", "2016-07", "2016-10"
            ]
        );
        let years = ticks(day(1990, 6, 1), day(2016, 1, 1), 10);
        assert_eq!(labels(&years), ["1995", "2000", "2005", "2010", "2015"]);
        assert!(ticks(day(2016, 1, 1), day(2016, 1, 1), 0).len() <= 2);
    }

    #[test]
    fn reports_stack_only_where_they_would_overlap() {
        let levels = stack_levels(&[(0.0, 10.0), (5.0, 12.0), (20.0, 30.0), (6.0, 8.0)], 2.0);
        assert_eq!(levels, [0, 1, 0, 2]);
        assert!(stack_levels(&[], 1.0).is_empty());
    }

    #[test]
    fn the_sample_incidents_have_their_days_their_reports_and_stable_colours() {
        let project = crate::formats::test_support::palmyre();
        let ids: Vec<IncidentId> = project.incidents.iter().map(|i| i.id).collect();
        let incidents = timeline_incidents(&project, &ids);
        assert_eq!(incidents.len(), 6);
        let first = &incidents[0];
        assert_eq!(first.days, Some((day(2016, 3, 27), day(2016, 3, 27))));
        assert_eq!(first.reports.len(), 10);
        assert_eq!(
            first.reports[0].days,
            Some((day(2016, 3, 24), day(2016, 3, 24)))
        );
        assert!(
            first.reports[0]
                .text
                .starts_with("Daech recule à Palmyre et Mossoul (2016-03-24), E87"),
            "{}",
            first.reports[0].text
        );
        assert_eq!(first.colour, project.schema.color("capture"));
        assert_eq!(
            extent(&incidents),
            Some((day(2015, 5, 1), day(2016, 12, 11)))
        );
        let unknown = type_colour(&project.schema, "not a type");
        assert_eq!(unknown, type_colour(&project.schema, "not a type"));
    }
}
