use super::*;
use crate::edit::{History, ops};
use crate::model::validate;

const D000: usize = 0;
const D001: usize = 1;
const D003: usize = 3;

/// The sample project without its incidents.
fn sample() -> Project {
    let mut project = crate::formats::test_support::palmyre();
    project.incidents.clear();
    project.next_incident_id = 1;
    project
}

fn stamp() -> Stamp {
    Stamp {
        author: "ana".into(),
        time: "2026-01-02T03:04:05Z".into(),
    }
}

/// Applies `edit` through a history, checks that the result validates, that undo gives
/// back the project exactly and redo the edited one; returns the edited project.
fn apply_and_undo(project: &Project, edit: Edit) -> Project {
    let mut edited = project.clone();
    let mut history = History::default();
    history.apply(&mut edited, edit).expect("apply");
    assert_eq!(validate(&edited), [], "the edit leaves a valid project");
    let after = edited.clone();
    history.undo(&mut edited).expect("undo");
    assert_eq!(&edited, project, "undo restores the project exactly");
    history.redo(&mut edited).expect("redo");
    assert_eq!(edited, after, "redo gives the edit back");
    after
}

fn report(project: &Project, doc: usize, event: u32) -> Report {
    Report::new(&project.documents[doc].id, EventId(event))
}

/// The recapture of Palmyra: E87 of 000, then E12 of 001 linked to it.
fn recapture() -> (Project, IncidentId) {
    let project = sample();
    let (edit, id) = new_incident_from_event(&project, D000, EventId(87), &stamp()).expect("new");
    let project = apply_and_undo(&project, edit);
    let edit = link_event(&project, id, D001, EventId(12), &stamp()).expect("link");
    (apply_and_undo(&project, edit), id)
}

#[test]
fn a_new_incident_is_prefilled_from_its_event() {
    let (project, id) = recapture();
    let incident = project.incident(id).expect("I1");
    assert_eq!(id, IncidentId(1));
    assert_eq!(project.next_incident_id, 2);
    assert_eq!(incident.incident_type, "capture");
    assert_eq!(
        incident.date.map(|d| d.to_string()).as_deref(),
        Some("2016-03-24")
    );
    assert_eq!(incident.places, ["Palmyre"]);
    assert_eq!(
        crate::model::incident::role_names(&incident.actors),
        [("agent", "armée syrienne"), ("supporter", "aviation russe")]
    );
    assert_eq!(incident.certainty, Some(Certainty::Certain));
    assert_eq!(incident.author, "ana");
    assert_eq!(
        incident.reports,
        [report(&project, D000, 87), report(&project, D001, 12)]
    );
}

#[test]
fn linking_elsewhere_moves_the_report_and_unlinking_keeps_the_incident() {
    let (project, first) = recapture();
    let (edit, second) =
        new_incident_from_event(&project, D003, EventId(10), &stamp()).expect("new");
    let project = apply_and_undo(&project, edit);
    let edit = link_event(&project, second, D001, EventId(12), &stamp()).expect("move");
    assert_eq!(edit.label, "move E12 from I1 to I2");
    let project = apply_and_undo(&project, edit);
    assert_eq!(project.incident(first).expect("I1").reports.len(), 1);
    assert_eq!(project.incident(second).expect("I2").reports.len(), 2);
    let edit = unlink_event(&project, D001, EventId(12), &stamp()).expect("unlink");
    let project = apply_and_undo(&project, edit);
    assert!(
        project
            .incident_reported_by(&project.documents[D001].id, EventId(12))
            .is_none()
    );
    assert_eq!(
        unlink_event(&project, D001, EventId(12), &stamp()),
        Err(EditError::NotLinked(report(&project, D001, 12)))
    );
    assert_eq!(
        link_event(&project, IncidentId(9), D001, EventId(12), &stamp()),
        Err(EditError::NoIncident(IncidentId(9)))
    );
    assert_eq!(
        link_event(&project, first, D001, EventId(99), &stamp()),
        Err(EditError::NoAnnotation("E99".into()))
    );
}

#[test]
fn merging_takes_the_reports_and_fills_what_the_kept_one_lacks() {
    let (project, first) = recapture();
    let (edit, second) =
        new_incident_from_event(&project, D003, EventId(10), &stamp()).expect("new");
    let mut project = apply_and_undo(&project, edit);
    project.incidents[0].date = None;
    project.incidents[1].note = "Euronews".into();
    let edit = merge_incidents(&project, first, second, &stamp()).expect("merge");
    let merged = apply_and_undo(&project, edit);
    assert_eq!(merged.incidents.len(), 1);
    let kept = &merged.incidents[0];
    assert_eq!(kept.reports.len(), 3);
    assert_eq!(kept.note, "Euronews");
    assert_eq!(kept.date, project.incidents[1].date);
    assert_eq!(
        merge_incidents(&project, first, first, &stamp()),
        Err(EditError::SameIncident(first))
    );
}

#[test]
fn splitting_moves_the_chosen_reports_to_a_new_incident() {
    let (project, id) = recapture();
    let moved = [report(&project, D001, 12)];
    let (edit, new_id) = split_incident(&project, id, &moved, &stamp()).expect("split");
    let split = apply_and_undo(&project, edit);
    assert_eq!(
        split.incident(id).expect("I1").reports,
        [report(&project, D000, 87)]
    );
    let new = split.incident(new_id).expect("I2");
    assert_eq!(new.reports, moved);
    assert_eq!(
        new.date.map(|d| d.to_string()).as_deref(),
        Some("2016-03-27")
    );
    let all = split.incident(id).expect("I1").reports.clone();
    assert_eq!(
        split_incident(&split, id, &all, &stamp()),
        Err(EditError::BadSplit(id))
    );
    assert_eq!(
        split_incident(&split, id, &[], &stamp()),
        Err(EditError::BadSplit(id))
    );
    assert!(matches!(
        split_incident(&split, id, &moved, &stamp()),
        Err(EditError::NotAReport { .. })
    ));
}

#[test]
fn fields_are_set_and_deleting_a_reporting_event_unlinks_it() {
    let (project, id) = recapture();
    let date: DateRange = "2016-03-24/2016-03-27".parse().expect("range");
    let edit =
        set_incident_field(&project, id, IncidentField::Date(Some(date)), &stamp()).expect("set");
    assert_eq!(edit.label, "set date of I1");
    let project = apply_and_undo(&project, edit);
    assert_eq!(project.incidents[0].date, Some(date));
    let edit = set_incident_field(&project, id, IncidentField::Fatalities(Some(400)), &stamp())
        .expect("set");
    let project = apply_and_undo(&project, edit);
    assert_eq!(project.incidents[0].fatalities, Some(400));
    let edit = ops::delete_event(&project, D001, EventId(12), &stamp()).expect("delete");
    let project = apply_and_undo(&project, edit);
    assert_eq!(project.incidents[0].reports, [report(&project, D000, 87)]);
    let edit = delete_incident(&project, id).expect("delete");
    let project = apply_and_undo(&project, edit);
    assert!(project.incidents.is_empty());
    assert_eq!(project.next_incident_id, 2, "ids are not reused");
}

#[test]
fn renaming_an_event_type_renames_the_incidents_and_the_mapping() {
    let (project, id) = recapture();
    let edit = crate::edit::schema_ops::rename_type(
        &project,
        crate::edit::schema_ops::TypeKind::Event,
        "capture",
        "takeover",
    )
    .expect("rename");
    let project = apply_and_undo(&project, edit);
    assert_eq!(project.incident(id).expect("I1").incident_type, "takeover");
    assert!(
        project
            .schema
            .event_dataset
            .types
            .iter()
            .any(|r| r.incident_type == "takeover")
    );
}
