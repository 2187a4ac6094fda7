//! What a well-formed set of incidents is: ids sorted, unique and below the counter;
//! every report names an event that exists; no event reports two incidents. Called by
//! [`validate`](super::validate), which owns the rest of the rules; every problem names
//! the incident and, for a report, its document and event.

use super::diagnostic::Diagnostic;
use super::incident::Report;
use super::project::Project;
use std::collections::{HashMap, HashSet};

/// The problems of the incidents of `project`, appended to `problems`.
pub(super) fn check_incidents(project: &Project, problems: &mut Vec<Diagnostic>) {
    let documents: HashMap<&str, usize> = project
        .documents
        .iter()
        .enumerate()
        .rev()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut seen_ids = HashSet::new();
    let mut reporting: HashMap<&Report, crate::model::IncidentId> = HashMap::new();
    let mut previous = None;
    for incident in &project.incidents {
        let id = incident.id;
        let what = format!("incident {id}");
        if !seen_ids.insert(id) {
            problems.push(Diagnostic::new("another incident has the same id").on(&what));
        } else if previous.is_some_and(|p| p > id) {
            problems.push(Diagnostic::new("incidents are not sorted by id").on(&what));
        }
        previous = Some(id);
        if id.0 >= project.next_incident_id {
            problems.push(
                Diagnostic::new(format!(
                    "id is not below next_incident_id ({})",
                    project.next_incident_id
                ))
                .on(&what),
            );
        }
        for report in &incident.reports {
            let place = |message: String| {
                Diagnostic::new(message)
                    .in_document(&report.document)
                    .on(report.event)
            };
            match documents.get(report.document.as_str()) {
                None => problems.push(place(format!(
                    "{what} reports an event of this document, which does not exist"
                ))),
                Some(&doc) if project.documents[doc].event(report.event).is_none() => problems
                    .push(place(format!(
                        "{what} reports this event, which does not exist"
                    ))),
                Some(_) => {}
            }
            if let Some(first) = reporting.insert(report, id) {
                problems.push(place(if first == id {
                    format!("the event is listed twice among the reports of {what}")
                } else {
                    format!(
                        "the event reports incidents {first} and {id}: an event reports one \
                         incident at most"
                    )
                }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{EventId, Incident, IncidentId, Project, Report, validate};

    fn problems(project: &Project) -> Vec<String> {
        validate(project).iter().map(|p| p.to_string()).collect()
    }

    fn with_incidents(incidents: Vec<Incident>) -> Project {
        let mut project = crate::model::validate::tests::nested(&[&[], &[]]);
        project.next_incident_id = 5;
        project.incidents = incidents;
        project
    }

    fn incident(id: u32, reports: &[(&str, u32)]) -> Incident {
        let mut incident = Incident::new(IncidentId(id), "capture");
        incident.reports = reports
            .iter()
            .map(|&(d, e)| Report::new(d, EventId(e)))
            .collect();
        incident
    }

    #[test]
    fn reports_must_name_existing_events_each_reporting_one_incident() {
        let good = with_incidents(vec![incident(1, &[("d", 1)]), incident(2, &[("d", 2)])]);
        assert_eq!(problems(&good), Vec::<String>::new());
        let bad = with_incidents(vec![
            incident(1, &[("d", 1), ("d", 7), ("x", 1)]),
            incident(3, &[("d", 1), ("d", 2), ("d", 2)]),
            incident(2, &[]),
            incident(9, &[]),
        ]);
        assert_eq!(
            problems(&bad),
            [
                "document \"d\", E7: incident I1 reports this event, which does not exist",
                "document \"x\", E1: incident I1 reports an event of this document, which does \
                 not exist",
                "document \"d\", E1: the event reports incidents I1 and I3: an event reports one \
                 incident at most",
                "document \"d\", E2: the event is listed twice among the reports of incident I3",
                "incident I2: incidents are not sorted by id",
                "incident I9: id is not below next_incident_id (5)",
            ]
        );
    }
}
