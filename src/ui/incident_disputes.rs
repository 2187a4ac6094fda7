//! Where an incident's reports disagree, each value with the reports that give it and
//! the edit that makes it the incident's value: what the detail of the incidents view
//! lists so that the annotator sees who says what before choosing. Built from
//! [`reported_values`] without egui, so that a unit test checks it.

use super::timeline::report_text;
use crate::edit::incident_ops::IncidentField;
use crate::model::names::normalize_name;
use crate::model::report_values::{ReportedValues, Sourced, reported_values};
use crate::model::{Incident, Project, Report};

/// One value that some reports give.
#[derive(Clone, Debug, PartialEq)]
pub struct DisputedValue {
    /// The value as it reads (`2016-03-24`, `agent: Armée syrienne`).
    pub text: String,
    /// The reports giving it, each with how it reads (document, its date, the event).
    pub sources: Vec<(Report, String)>,
    /// The edit that makes it the incident's value.
    pub choose: IncidentField,
    /// The incident has it already.
    pub chosen: bool,
}

/// A field the reports disagree on.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    /// The field's name (`Date`, `Dead`, `Actors`, `Places`).
    pub field: &'static str,
    /// Every value given, in the order the reports first give them.
    pub values: Vec<DisputedValue>,
    /// For dates: the range that spans them all, as an edit, and its text.
    pub span_all: Option<(String, IncidentField)>,
}

/// The sources of a value, each with how it reads.
fn sources<T>(project: &Project, sourced: &Sourced<T>) -> Vec<(Report, String)> {
    sourced
        .sources
        .iter()
        .map(|r| (r.clone(), report_text(project, r)))
        .collect()
}

/// The fields of `incident` that its reports disagree on, each value with its sources.
pub fn disputes(project: &Project, incident: &Incident) -> Vec<Dispute> {
    let values: ReportedValues = reported_values(project, incident);
    let mut out = Vec::new();
    if values.dates.len() > 1 {
        let span = values
            .dates
            .iter()
            .map(|d| d.value)
            .reduce(|a, b| a.union(b));
        out.push(Dispute {
            field: "Date",
            values: values
                .dates
                .iter()
                .map(|d| DisputedValue {
                    text: d.value.to_string(),
                    sources: sources(project, d),
                    choose: IncidentField::Date(Some(d.value)),
                    chosen: incident.date == Some(d.value),
                })
                .collect(),
            span_all: span.map(|s| (s.to_string(), IncidentField::Date(Some(s)))),
        });
    }
    if values.fatalities.len() > 1 {
        out.push(Dispute {
            field: "Dead",
            values: values
                .fatalities
                .iter()
                .map(|n| DisputedValue {
                    text: n.value.to_string(),
                    sources: sources(project, n),
                    choose: IncidentField::Fatalities(Some(n.value)),
                    chosen: incident.fatalities == Some(n.value),
                })
                .collect(),
            span_all: None,
        });
    }
    let partial = |s: &[Report]| s.len() < values.reports.len();
    if values.actors.iter().any(|a| partial(&a.sources)) {
        out.push(Dispute {
            field: "Actors",
            values: values
                .actors
                .iter()
                .map(|a| {
                    let name = normalize_name(&a.value.name);
                    let same = |b: &crate::model::Actor| {
                        b.role == a.value.role && normalize_name(&b.name) == name
                    };
                    let chosen = incident.actors.iter().any(same);
                    let mut actors = incident.actors.clone();
                    if !chosen {
                        actors.push(a.value.clone());
                    }
                    DisputedValue {
                        text: format!("{}: {}", a.value.role, a.value.name),
                        sources: sources(project, a),
                        choose: IncidentField::Actors(actors),
                        chosen,
                    }
                })
                .collect(),
            span_all: None,
        });
    }
    if values.places.len() > 1 {
        out.push(Dispute {
            field: "Places",
            values: values
                .places
                .iter()
                .map(|p| {
                    let name = normalize_name(&p.value);
                    let mut places: Vec<String> = incident
                        .places
                        .iter()
                        .filter(|q| normalize_name(q) != name)
                        .cloned()
                        .collect();
                    places.insert(0, p.value.clone());
                    DisputedValue {
                        text: p.value.clone(),
                        sources: sources(project, p),
                        choose: IncidentField::Places(places),
                        chosen: incident
                            .places
                            .first()
                            .is_some_and(|q| normalize_name(q) == name),
                    }
                })
                .collect(),
            span_all: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IncidentId;

    #[test]
    fn the_sample_first_incident_shows_each_date_with_its_sources() {
        let project = crate::formats::test_support::palmyre();
        let Some(incident) = project.incident(IncidentId(1)) else {
            panic!("I1");
        };
        let found = disputes(&project, incident);
        let Some(dates) = found.iter().find(|d| d.field == "Date") else {
            panic!("the dates disagree: {found:?}");
        };
        let texts: Vec<&str> = dates.values.iter().map(|v| v.text.as_str()).collect();
        assert!(
            texts.contains(&"2016-03-24") && texts.contains(&"2016-03-27"),
            "{texts:?}"
        );
        let chosen: Vec<&str> = dates
            .values
            .iter()
            .filter(|v| v.chosen)
            .map(|v| v.text.as_str())
            .collect();
        assert_eq!(chosen, ["2016-03-27"]);
        let first = &dates.values[0];
        assert!(
            first.sources[0].1.contains("(2016-03-24), E87"),
            "{:?}",
            first.sources
        );
        assert_eq!(
            dates.span_all.as_ref().map(|s| s.0.as_str()),
            Some("2016-03"),
            "a month and two days inside it: the month spans them"
        );
    }
}
