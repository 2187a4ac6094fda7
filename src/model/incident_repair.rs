//! The repair of a project's incidents, once its documents are repaired: the part of
//! [`repair`](super::repair::repair) that mends what
//! [`check_incidents`](super::incident_checks) reports, saying what it did about each.

use super::diagnostic::Diagnostic;
use super::ids::EventId;
use super::incident::IncidentId;
use super::project::Project;
use std::collections::{BTreeMap, HashSet};

/// Mends the incidents of `project`, whose documents are repaired already: reports
/// follow the events of a renumbered document (`renumbered`, by document id: old id to
/// new); a report of an event that does not exist, or that an earlier incident has, is
/// dropped; an incident whose id another has is given a new one; the incidents are
/// sorted by id and the counter put above them.
pub(super) fn repair_incidents(
    project: &mut Project,
    renumbered: &BTreeMap<String, BTreeMap<u32, u32>>,
    report: &mut Vec<Diagnostic>,
) {
    let mut incidents = std::mem::take(&mut project.incidents);
    let sorted = incidents.windows(2).all(|w| w[0].id < w[1].id);
    incidents.sort_by_key(|i| i.id);
    if !sorted {
        report.push(Diagnostic::new("sorted the incidents by id"));
    }
    let largest = incidents.iter().map(|i| i.id.0).max().unwrap_or(0);
    let mut next = project.next_incident_id.max(largest.saturating_add(1));
    let mut ids = HashSet::new();
    let mut taken = HashSet::new();
    for incident in &mut incidents {
        if !ids.insert(incident.id) {
            let fresh = IncidentId(next);
            next = next.saturating_add(1);
            report.push(
                Diagnostic::new(format!("another incident had this id: renumbered {fresh}"))
                    .on(format!("incident {}", incident.id)),
            );
            incident.id = fresh;
        }
        let id = incident.id;
        incident.reports.retain_mut(|r| {
            if let Some(new) = renumbered.get(&r.document).and_then(|m| m.get(&r.event.0)) {
                r.event = EventId(*new);
            }
            let exists = project
                .document(&r.document)
                .is_some_and(|d| d.event(r.event).is_some());
            let why = if !exists {
                "the event does not exist"
            } else if !taken.insert(r.clone()) {
                "the event reports another incident already"
            } else {
                return true;
            };
            report.push(
                Diagnostic::new(format!("dropped from the reports of incident {id}: {why}"))
                    .in_document(&r.document)
                    .on(r.event),
            );
            false
        });
    }
    incidents.sort_by_key(|i| i.id);
    if next != project.next_incident_id {
        report.push(Diagnostic::new(format!(
            "next_incident_id {} set to {next}, above every incident id",
            project.next_incident_id
        )));
        project.next_incident_id = next;
    }
    project.incidents = incidents;
}

#[cfg(test)]
mod tests {
    use crate::model::repair::repair;
    use crate::model::{EventId, Incident, IncidentId, Report, validate};

    #[test]
    fn broken_incidents_validate_after_repair_with_every_change_said() {
        let mut project = crate::model::validate::tests::nested(&[&[], &[]]);
        let incident = |id: u32, reports: &[(&str, u32)]| {
            let mut i = Incident::new(IncidentId(id), "capture");
            i.reports = reports
                .iter()
                .map(|&(d, e)| Report::new(d, EventId(e)))
                .collect();
            i
        };
        project.incidents = vec![
            incident(3, &[("d", 1), ("d", 9)]),
            incident(1, &[("d", 1), ("x", 2), ("d", 2)]),
            incident(3, &[]),
        ];
        assert!(!validate(&project).is_empty());
        let said: Vec<String> = repair(&mut project).iter().map(|d| d.to_string()).collect();
        assert_eq!(validate(&project), []);
        assert_eq!(
            said,
            [
                "sorted the incidents by id",
                "document \"x\", E2: dropped from the reports of incident I1: the event does \
                 not exist",
                "document \"d\", E1: dropped from the reports of incident I3: the event \
                 reports another incident already",
                "document \"d\", E9: dropped from the reports of incident I3: the event does \
                 not exist",
                "incident I3: another incident had this id: renumbered I4",
                "next_incident_id 1 set to 5, above every incident id",
            ]
        );
        let ids: Vec<IncidentId> = project.incidents.iter().map(|i| i.id).collect();
        assert_eq!(ids, [IncidentId(1), IncidentId(3), IncidentId(4)]);
    }
}
