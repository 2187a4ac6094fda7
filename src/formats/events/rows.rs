//! The rows of the event dataset, as text cells: one per incident in the ACLED columns,
//! one per report for auditing each value. Kept apart from how they are written (CSV
//! or JSON, [`super`]) so that both write the same cells.

use crate::model::dates::{DateSource, document_date};
use crate::model::report_values::{ReportValues, ReportedValues, reported_values};
use crate::model::{Actor, DateRange, Day, Diagnostic, Incident, Precision, Project};

/// The columns of the incidents table, in the ACLED codebook's names and order.
pub const EVENT_COLUMNS: [&str; 20] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "timestamp",
];

/// The columns of the reports table.
pub const REPORT_COLUMNS: [&str; 14] = [
    "event_id_cnty",
    "document",
    "document_name",
    "document_date",
    "event",
    "event_type",
    "trigger",
    "date",
    "date_source",
    "location",
    "country",
    "actors",
    "fatalities",
    "certainty",
];

/// The columns that hold numbers, written as numbers in JSON.
pub const NUMERIC_COLUMNS: [&str; 6] = [
    "year",
    "time_precision",
    "latitude",
    "longitude",
    "fatalities",
    "timestamp",
];

/// Several names in one cell, as ACLED joins associated actors.
const JOIN: &str = "; ";

/// The day ACLED records for `date`: the day itself, or the middle of the week, month,
/// year or range, as its codebook does for imprecise dates.
fn event_day(date: DateRange) -> Day {
    let (first, last) = (date.first_day(), date.last_day());
    let middle = (last.days_since_epoch() - first.days_since_epoch()) / 2;
    first.plus_days(middle).unwrap_or(first)
}

/// ACLED's time precision: 1 for a day, 2 for a week or a range of up to 7 days, 3 for
/// anything longer (a month, a year).
fn time_precision(date: DateRange) -> u8 {
    match (date.end(), date.start().precision()) {
        (None, Precision::Day) => 1,
        _ if date.days() <= 7 => 2,
        _ => 3,
    }
}

/// The first actor in `roles`, and the others in them.
fn side<'a>(actors: &'a [Actor], roles: &[String]) -> Vec<&'a Actor> {
    actors.iter().filter(|a| roles.contains(&a.role)).collect()
}

/// actor1, assoc_actor_1, actor2, assoc_actor_2 of `incident`: the first actor of each
/// side and the others joined with its allies; when nobody is on the second side and
/// the first has several actors in the same role (the combatants of a clash), the
/// second of them is actor2.
fn actor_cells(project: &Project, incident: &Incident) -> [String; 4] {
    let mapping = &project.schema.event_dataset;
    let mut first = side(&incident.actors, &mapping.actor1_roles);
    let mut second = side(&incident.actors, &mapping.actor2_roles);
    if second.is_empty()
        && let Some(pos) = first.iter().skip(1).position(|a| a.role == first[0].role)
    {
        second.push(first.remove(pos + 1));
    }
    let allies = |main: &[&Actor], roles: &[String]| {
        main.iter()
            .skip(1)
            .copied()
            .chain(side(&incident.actors, roles))
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
            .join(JOIN)
    };
    let name = |list: &[&Actor]| list.first().map(|a| a.name.clone()).unwrap_or_default();
    [
        name(&first),
        allies(&first, &mapping.assoc_actor1_roles),
        name(&second),
        allies(&second, &mapping.assoc_actor2_roles),
    ]
}

/// The reporting documents, each once, as "name (date)" (name alone when undated).
fn source_cell(project: &Project, reports: &[ReportValues]) -> String {
    let mut seen = Vec::new();
    for r in reports {
        if seen.contains(&r.doc) {
            continue;
        }
        seen.push(r.doc);
    }
    seen.iter()
        .filter_map(|&doc| project.documents.get(doc))
        .map(|d| match document_date(d) {
            Some(date) => format!("{} ({date})", d.name),
            None => d.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(JOIN)
}

/// What the reports say, in a sentence or two: how many, where the sources disagree
/// (each value with the documents giving it), then the incident's note.
fn notes_cell(project: &Project, incident: &Incident, values: &ReportedValues) -> String {
    let doc_name = |id: &str| {
        project
            .document(id)
            .map_or(id.to_string(), |d| d.name.clone())
    };
    let mut parts = vec![match values.reports.len() {
        1 => "1 report.".to_string(),
        n => format!("{n} reports."),
    }];
    let listed = |what: &str, items: Vec<(String, Vec<String>)>| {
        let items: Vec<String> = items
            .into_iter()
            .map(|(value, docs)| format!("{value} ({})", docs.join(", ")))
            .collect();
        format!("Sources differ on the {what}: {}.", items.join(JOIN))
    };
    let sources = |reports: &[crate::model::Report]| -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for r in reports {
            let name = doc_name(&r.document);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    };
    if values.dates.len() > 1 {
        let items = values
            .dates
            .iter()
            .map(|d| (d.value.to_string(), sources(&d.sources)))
            .collect();
        parts.push(listed("date", items));
    }
    if values.fatalities.len() > 1 {
        let items = values
            .fatalities
            .iter()
            .map(|d| (d.value.to_string(), sources(&d.sources)))
            .collect();
        parts.push(listed("fatalities", items));
    }
    if !incident.note.is_empty() {
        parts.push(incident.note.clone());
    }
    parts.join(" ")
}

/// The row of `incident`; a warning when the mapping has no rule for its type.
pub fn event_row(project: &Project, incident: &Incident) -> (Vec<String>, Option<Diagnostic>) {
    let values = reported_values(project, incident);
    let mut fillers: Vec<(&str, &str)> = incident
        .actors
        .iter()
        .map(|a| (a.role.as_str(), a.entity_type.as_str()))
        .collect();
    for r in &values.reports {
        fillers.extend(
            r.fillers
                .iter()
                .map(|(role, t)| (role.as_str(), t.as_str())),
        );
    }
    let mapping = &project.schema.event_dataset;
    let (event_type, sub_event_type, warning) =
        match mapping.rule_for(&incident.incident_type, &fillers) {
            Some(rule) => (rule.event_type.clone(), rule.sub_event_type.clone(), None),
            None => (
                project.schema.label(&incident.incident_type).to_string(),
                String::new(),
                Some(
                    Diagnostic::new(format!(
                        "the event dataset mapping has no rule for type {:?}: its label is \
                         written as the event type",
                        incident.incident_type
                    ))
                    .on(format!("incident {}", incident.id)),
                ),
            ),
        };
    let day = incident.date.map(event_day);
    let [actor1, assoc1, actor2, assoc2] = actor_cells(project, incident);
    let timestamp = humantime::parse_rfc3339_weak(&incident.changed)
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs().to_string())
        .unwrap_or_default();
    let row = vec![
        incident.id.to_string(),
        day.map(|d| d.to_string()).unwrap_or_default(),
        day.map(|d| d.year().to_string()).unwrap_or_default(),
        incident
            .date
            .map(|d| time_precision(d).to_string())
            .unwrap_or_default(),
        event_type,
        sub_event_type,
        actor1,
        assoc1,
        actor2,
        assoc2,
        incident.country.clone(),
        incident.admin1.clone(),
        incident.places.first().cloned().unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        source_cell(project, &values.reports),
        notes_cell(project, incident, &values),
        incident.fatalities.unwrap_or(0).to_string(),
        timestamp,
    ];
    (row, warning)
}

/// The rows of the reports of `incident`, in its order.
pub fn report_rows(project: &Project, incident: &Incident) -> Vec<Vec<String>> {
    reported_values(project, incident)
        .reports
        .iter()
        .filter_map(|r| {
            let doc = project.documents.get(r.doc)?;
            let event = doc.event(r.report.event)?;
            let (date, source) = match r.date {
                Some(d) => {
                    let source = match d.source {
                        DateSource::Event => "event".to_string(),
                        DateSource::TimeArgument(m) => format!("time argument {m}"),
                        DateSource::Suggested(m) => format!("suggested from {m}"),
                    };
                    (d.date.to_string(), source)
                }
                None => Default::default(),
            };
            let actors: Vec<String> = r
                .actors
                .iter()
                .map(|a| format!("{}: {}", a.role, a.name))
                .collect();
            Some(vec![
                incident.id.to_string(),
                doc.id.clone(),
                doc.name.clone(),
                document_date(doc)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                event.id.to_string(),
                event.event_type.clone(),
                doc.covered_text(&event.trigger),
                date,
                source,
                r.places.join(JOIN),
                r.country.clone().unwrap_or_default(),
                actors.join(JOIN),
                r.fatalities.map(|n| n.to_string()).unwrap_or_default(),
                r.certainty
                    .map(|c| c.word().to_string())
                    .unwrap_or_default(),
            ])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imprecise_dates_are_recorded_at_their_middle_with_their_precision() {
        let cases = [
            ("2016-03-24", "2016-03-24", 1),
            ("2016-W12", "2016-03-24", 2),
            ("2016-03-24/2016-03-27", "2016-03-25", 2),
            ("2016-03", "2016-03-16", 3),
            ("2016", "2016-07-01", 3),
        ];
        for (text, day, precision) in cases {
            let date: DateRange = text.parse().unwrap();
            assert_eq!(event_day(date).to_string(), day, "{text}");
            assert_eq!(time_precision(date), precision, "{text}");
        }
    }
}
