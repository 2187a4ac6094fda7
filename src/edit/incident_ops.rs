//! The edits of incidents: a new incident from an event (pre-filled from what the event
//! says), linking an event to an incident and unlinking it, merging two incidents,
//! splitting one, and setting its fields. Like every edit they are built from the
//! current project, checked, and applied, undone and redone through a
//! [`History`](super::History); none changes the project itself.

use super::change::{Change, Edit, EditError};
use super::ops::{Stamp, doc};
use crate::model::names::normalize_name;
use crate::model::report_values::{ReportValues, report_values, values_of_report};
use crate::model::{Actor, Certainty, DateRange, EventId, Incident, IncidentId, Project, Report};

/// A field of an incident, with its new value.
#[derive(Clone, Debug, PartialEq)]
pub enum IncidentField {
    /// Its event type.
    Type(String),
    /// Its date or range; `None` clears it.
    Date(Option<DateRange>),
    /// Its places, the most precise first.
    Places(Vec<String>),
    /// Its country.
    Country(String),
    /// Its region of the first order.
    Admin1(String),
    /// Its actors.
    Actors(Vec<Actor>),
    /// Its number of dead; `None` clears it.
    Fatalities(Option<u32>),
    /// Its certainty; `None` clears it.
    Certainty(Option<Certainty>),
    /// Its note.
    Note(String),
}

impl IncidentField {
    /// The field's name, for the edit's label.
    fn name(&self) -> &'static str {
        match self {
            IncidentField::Type(_) => "type",
            IncidentField::Date(_) => "date",
            IncidentField::Places(_) => "places",
            IncidentField::Country(_) => "country",
            IncidentField::Admin1(_) => "region",
            IncidentField::Actors(_) => "actors",
            IncidentField::Fatalities(_) => "fatalities",
            IncidentField::Certainty(_) => "certainty",
            IncidentField::Note(_) => "note",
        }
    }

    /// Puts the value in `incident`.
    fn set(self, incident: &mut Incident) {
        match self {
            IncidentField::Type(t) => incident.incident_type = t,
            IncidentField::Date(d) => incident.date = d,
            IncidentField::Places(p) => incident.places = p,
            IncidentField::Country(c) => incident.country = c,
            IncidentField::Admin1(a) => incident.admin1 = a,
            IncidentField::Actors(a) => incident.actors = a,
            IncidentField::Fatalities(f) => incident.fatalities = f,
            IncidentField::Certainty(c) => incident.certainty = c,
            IncidentField::Note(n) => incident.note = n,
        }
    }
}

fn stamped(mut incident: Incident, stamp: &Stamp) -> Incident {
    incident.author.clone_from(&stamp.author);
    incident.changed.clone_from(&stamp.time);
    incident
}

fn put(incident: Incident) -> Change {
    Change::SetIncident {
        id: incident.id,
        value: Some(Box::new(incident)),
    }
}

fn incident(project: &Project, id: IncidentId) -> Result<&Incident, EditError> {
    project.incident(id).ok_or(EditError::NoIncident(id))
}

/// The report of event `event` of the document at `doc_index`, checked to exist.
fn report_of(project: &Project, doc_index: usize, event: EventId) -> Result<Report, EditError> {
    let document = doc(project, doc_index)?;
    document
        .event(event)
        .ok_or_else(|| EditError::NoAnnotation(event.to_string()))?;
    Ok(Report::new(&document.id, event))
}

/// Adds to `incident` the places and actors it lacks, each compared by normalised name
/// (and role, for actors): two reports' spellings of a name are one value.
fn add_places_and_actors(incident: &mut Incident, places: &[String], actors: &[Actor]) {
    for place in places {
        let name = normalize_name(place);
        if !incident.places.iter().any(|p| normalize_name(p) == name) {
            incident.places.push(place.clone());
        }
    }
    for actor in actors {
        let name = normalize_name(&actor.name);
        let same = |a: &Actor| a.role == actor.role && normalize_name(&a.name) == name;
        if !incident.actors.iter().any(same) {
            incident.actors.push(actor.clone());
        }
    }
}

/// A new incident `id` pre-filled from what `reports` say: the type of the first, the
/// first date, country, number of dead and certainty any of them gives, and the places
/// and actors of all, each once (by normalised name).
fn prefilled(id: IncidentId, reports: &[ReportValues]) -> Incident {
    let mut incident = Incident::new(
        id,
        reports
            .first()
            .map(|r| r.event_type.clone())
            .unwrap_or_default(),
    );
    incident.date = reports.iter().find_map(|r| r.date.map(|d| d.date));
    incident.country = reports
        .iter()
        .find_map(|r| r.country.clone())
        .unwrap_or_default();
    incident.fatalities = reports.iter().find_map(|r| r.fatalities);
    incident.certainty = reports.iter().find_map(|r| r.certainty);
    for r in reports {
        add_places_and_actors(&mut incident, &r.places, &r.actors);
    }
    incident.reports = reports.iter().map(|r| r.report.clone()).collect();
    incident
}

/// The change that takes `report` out of the incident that has it, if any: for
/// deleting its event, unlinking it, or linking it elsewhere.
pub(crate) fn unlink_change(project: &Project, report: &Report, stamp: &Stamp) -> Option<Change> {
    let mut incident = project
        .incident_reported_by(&report.document, report.event)?
        .clone();
    incident.reports.retain(|r| r != report);
    Some(put(stamped(incident, stamp)))
}

/// The changes that give the incidents of type `old` the type `new` (the schema's
/// event type was renamed, or deleted with its events retyped).
pub(crate) fn retyped_incidents(project: &Project, old: &str, new: &str) -> Vec<Change> {
    project
        .incidents
        .iter()
        .filter(|i| i.incident_type == old)
        .map(|i| {
            let mut i = i.clone();
            i.incident_type = new.to_string();
            put(i)
        })
        .collect()
}

/// The changes that make a new incident with the next id, and that id.
fn creation(
    project: &Project,
    incident: impl FnOnce(IncidentId) -> Incident,
) -> Result<(Vec<Change>, IncidentId), EditError> {
    let (id, next_id) = project
        .fresh_incident_id()
        .ok_or(EditError::IncidentIdsExhausted)?;
    Ok((
        vec![Change::SetNextIncidentId { next_id }, put(incident(id))],
        id,
    ))
}

/// A new incident reported by event `event` of the document at `doc_index`, pre-filled
/// from its roles (type, date of its time argument, places, country, actors, number of
/// dead, certainty); the event leaves the incident it reported, if any. Returns the new
/// incident's id.
pub fn new_incident_from_event(
    project: &Project,
    doc_index: usize,
    event: EventId,
    stamp: &Stamp,
) -> Result<(Edit, IncidentId), EditError> {
    let report = report_of(project, doc_index, event)?;
    let values = project
        .documents
        .get(doc_index)
        .and_then(|d| d.event(event))
        .and_then(|e| report_values(project, doc_index, e))
        .ok_or_else(|| EditError::NoAnnotation(event.to_string()))?;
    let mut changes: Vec<Change> = unlink_change(project, &report, stamp).into_iter().collect();
    let (created, id) = creation(project, |id| stamped(prefilled(id, &[values]), stamp))?;
    changes.extend(created);
    Ok((
        Edit {
            label: format!("new incident {id} from {event}"),
            changes,
            doc: Some(doc_index),
        },
        id,
    ))
}

/// Links event `event` of the document at `doc_index` to incident `id` as a report of
/// it; an event that reported another incident leaves it (an event reports one at
/// most).
pub fn link_event(
    project: &Project,
    id: IncidentId,
    doc_index: usize,
    event: EventId,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let mut target = incident(project, id)?.clone();
    let report = report_of(project, doc_index, event)?;
    let mut changes = Vec::new();
    let label = match project.incident_reported_by(&report.document, report.event) {
        Some(current) if current.id == id => {
            return Ok(Edit {
                label: format!("link {event} to {id}"),
                changes,
                doc: Some(doc_index),
            });
        }
        Some(current) => {
            changes.extend(unlink_change(project, &report, stamp));
            format!("move {event} from {} to {id}", current.id)
        }
        None => format!("link {event} to {id}"),
    };
    target.reports.push(report);
    changes.push(put(stamped(target, stamp)));
    Ok(Edit {
        label,
        changes,
        doc: Some(doc_index),
    })
}

/// Unlinks event `event` of the document at `doc_index` from the incident it reports;
/// the incident stays, even without reports.
pub fn unlink_event(
    project: &Project,
    doc_index: usize,
    event: EventId,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let report = report_of(project, doc_index, event)?;
    let id = project
        .incident_reported_by(&report.document, report.event)
        .map(|i| i.id)
        .ok_or_else(|| EditError::NotLinked(report.clone()))?;
    Ok(Edit {
        label: format!("unlink {event} from {id}"),
        changes: unlink_change(project, &report, stamp).into_iter().collect(),
        doc: Some(doc_index),
    })
}

/// Merges incident `absorbed` into incident `keep`: `keep` takes the reports of both
/// (its own first) and keeps its values, taking those of `absorbed` where it has none
/// (date, country, region, fatalities, certainty) and the places and actors it lacks;
/// the notes are joined; `absorbed` is deleted.
pub fn merge_incidents(
    project: &Project,
    keep: IncidentId,
    absorbed: IncidentId,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    if keep == absorbed {
        return Err(EditError::SameIncident(keep));
    }
    let mut kept = incident(project, keep)?.clone();
    let other = incident(project, absorbed)?;
    kept.date = kept.date.or(other.date);
    if kept.country.is_empty() {
        kept.country.clone_from(&other.country);
    }
    if kept.admin1.is_empty() {
        kept.admin1.clone_from(&other.admin1);
    }
    kept.fatalities = kept.fatalities.or(other.fatalities);
    kept.certainty = kept.certainty.or(other.certainty);
    add_places_and_actors(&mut kept, &other.places, &other.actors);
    if !other.note.is_empty() {
        kept.note = match kept.note.as_str() {
            "" => other.note.clone(),
            note => format!("{note}\n{}", other.note),
        };
    }
    kept.reports.extend(other.reports.iter().cloned());
    Ok(Edit {
        label: format!("merge {absorbed} into {keep}"),
        changes: vec![
            Change::SetIncident {
                id: absorbed,
                value: None,
            },
            put(stamped(kept, stamp)),
        ],
        doc: None,
    })
}

/// Splits incident `id`: the reports in `moved` (some of its reports, not all) go to a
/// new incident, pre-filled from what they say; `id` keeps its values and its other
/// reports. Returns the new incident's id.
pub fn split_incident(
    project: &Project,
    id: IncidentId,
    moved: &[Report],
    stamp: &Stamp,
) -> Result<(Edit, IncidentId), EditError> {
    let mut source = incident(project, id)?.clone();
    if let Some(report) = moved.iter().find(|r| !source.reports.contains(r)) {
        return Err(EditError::NotAReport {
            incident: id,
            report: report.clone(),
        });
    }
    source.reports.retain(|r| !moved.contains(r));
    if moved.is_empty() || source.reports.is_empty() {
        return Err(EditError::BadSplit(id));
    }
    let values: Vec<ReportValues> = moved
        .iter()
        .filter_map(|r| values_of_report(project, r))
        .collect();
    let (created, new_id) = creation(project, |new_id| {
        let mut split = prefilled(new_id, &values);
        if split.incident_type.is_empty() {
            split.incident_type.clone_from(&source.incident_type);
        }
        // Reports of events that are gone (an invalid project) move along all the same.
        split.reports = moved.to_vec();
        stamped(split, stamp)
    })?;
    let mut changes = vec![put(stamped(source, stamp))];
    changes.extend(created);
    Ok((
        Edit {
            label: format!("split {} report(s) of {id} into {new_id}", moved.len()),
            changes,
            doc: None,
        },
        new_id,
    ))
}

/// Sets a field of incident `id`.
pub fn set_incident_field(
    project: &Project,
    id: IncidentId,
    field: IncidentField,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let mut changed = incident(project, id)?.clone();
    let label = format!("set {} of {id}", field.name());
    field.set(&mut changed);
    Ok(Edit {
        label,
        changes: vec![put(stamped(changed, stamp))],
        doc: None,
    })
}

/// Deletes incident `id`; its events stay, reporting no incident.
pub fn delete_incident(project: &Project, id: IncidentId) -> Result<Edit, EditError> {
    incident(project, id)?;
    Ok(Edit {
        label: format!("delete incident {id}"),
        changes: vec![Change::SetIncident { id, value: None }],
        doc: None,
    })
}

#[cfg(test)]
mod tests;
