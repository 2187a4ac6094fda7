//! The incidents of a three-way merge: matched by id, each merged whole (unchanged on
//! one side, the other side's version; changed on both, ours, with a note), new ones
//! of theirs renumbered when ours added another under the same id, theirs' reports
//! following theirs' events that the documents' merge renumbered; then every report
//! checked against the merged documents, so that the merged project validates.

use super::values::{Merged, Side, merge3};
use super::{Context, MergeNote, NoteKind};
use crate::model::{AnnotationRef, Document, EventId, Incident, IncidentId, Project};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Theirs' incidents with their reports following theirs' events that the merge of the
/// documents renumbered (theirs added them under ids ours gave others): as the notes
/// of those renumberings say.
fn following_renumbered_events(cx: &Context<'_>, theirs: &Project) -> Project {
    let side = cx.name(Side::Theirs);
    let mut moved: HashMap<(&str, EventId), EventId> = HashMap::new();
    for note in &cx.notes {
        if let (
            Some(doc),
            NoteKind::Renumbered {
                side: who,
                from: AnnotationRef::Event(from),
                to: AnnotationRef::Event(to),
            },
        ) = (&note.document, &note.kind)
            && who == side
        {
            moved.insert((doc.id.as_str(), *from), *to);
        }
    }
    let mut theirs = theirs.clone();
    if moved.is_empty() {
        return theirs;
    }
    for incident in &mut theirs.incidents {
        for r in &mut incident.reports {
            if let Some(to) = moved.get(&(r.document.as_str(), r.event)) {
                r.event = *to;
            }
        }
    }
    theirs
}

/// The merged incidents, sorted by id, and the counter after them.
pub(super) fn merge_incidents(
    cx: &mut Context<'_>,
    [base, ours, theirs]: [&Project; 3],
    documents: &[Document],
) -> (Vec<Incident>, u32) {
    fn by_id(p: &Project) -> BTreeMap<IncidentId, &Incident> {
        p.incidents.iter().map(|i| (i.id, i)).collect()
    }
    let theirs = &following_renumbered_events(cx, theirs);
    let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
    let ids: std::collections::BTreeSet<IncidentId> =
        b.keys().chain(o.keys()).chain(t.keys()).copied().collect();
    let mut next = base
        .next_incident_id
        .max(ours.next_incident_id)
        .max(theirs.next_incident_id);
    let mut merged: Vec<Incident> = Vec::new();
    let mut renumbered = Vec::new();
    for id in ids {
        let [b, o, t] = [&b, &o, &t].map(|m| m.get(&id).copied());
        match (b, o, t) {
            (None, Some(o), Some(t)) if o != t => {
                merged.push(o.clone());
                renumbered.push(t.clone());
            }
            _ => match merge3(b, o, t) {
                Merged::Agreed(version, _) => merged.extend(version.cloned()),
                Merged::Conflict { ours, theirs } => {
                    let kept = cx.name(Side::Ours);
                    let other = cx.name(Side::Theirs);
                    let what = if ours.is_some() && theirs.is_some() {
                        "changed on both sides"
                    } else {
                        "deleted by one side and changed by the other"
                    };
                    let version = ours.or(theirs);
                    merged.extend(version.cloned());
                    cx.notes.push(MergeNote {
                        document: None,
                        kind: NoteKind::Merged(format!(
                            "incident {id} {what}: the version of {} kept, not the one of \
                             {}",
                            if ours.is_some() { kept } else { other },
                            if ours.is_some() { other } else { kept },
                        )),
                    });
                }
            },
        }
    }
    for mut incident in renumbered {
        let from = incident.id;
        incident.id = IncidentId(next);
        next = next.saturating_add(1);
        cx.notes.push(MergeNote {
            document: None,
            kind: NoteKind::Merged(format!(
                "incident {from} added by {} renumbered {}: the other side added another \
                 under its id",
                cx.name(Side::Theirs),
                incident.id
            )),
        });
        merged.push(incident);
    }
    merged.sort_by_key(|i| i.id);
    let next = merged
        .last()
        .map_or(next, |i| next.max(i.id.0.saturating_add(1)));
    keep_existing_reports(cx, &mut merged, documents);
    (merged, next)
}

/// Drops the reports that name an event the merged documents lack (deleted on one
/// side) or that an earlier incident already has (linked apart on both sides), each
/// with a note.
fn keep_existing_reports(cx: &mut Context<'_>, incidents: &mut [Incident], documents: &[Document]) {
    let docs: HashMap<&str, &Document> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut taken = HashSet::new();
    for incident in incidents {
        let id = incident.id;
        incident.reports.retain(|r| {
            let exists = docs
                .get(r.document.as_str())
                .is_some_and(|d| d.event(r.event).is_some());
            let why = if !exists {
                "the merge has no such event"
            } else if !taken.insert(r.clone()) {
                "it reports another incident"
            } else {
                return true;
            };
            cx.notes.push(MergeNote {
                document: None,
                kind: NoteKind::Merged(format!("incident {id}: report {r} dropped: {why}")),
            });
            false
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::incident_ops::{self, IncidentField};
    use crate::edit::{Stamp, ops};
    use crate::model::{EventId, IncidentId, Project, validate};
    use crate::review::three_way_merge;

    use crate::formats::test_support::palmyre as sample;

    fn edited(project: &Project, edit: crate::edit::Edit) -> Project {
        let mut p = project.clone();
        edit.apply(&mut p).unwrap();
        p
    }

    #[test]
    fn incidents_merge_one_by_one_and_clashing_new_ones_are_renumbered() {
        let base = sample();
        let s = Stamp::default();
        // Ours: a new incident (I7) from 000 E96; I1's fatalities set.
        let (edit, _) = incident_ops::new_incident_from_event(&base, 0, EventId(96), &s).unwrap();
        let ours = edited(&base, edit);
        let field = IncidentField::Fatalities(Some(590));
        let ours = edited(
            &ours,
            incident_ops::set_incident_field(&ours, IncidentId(1), field, &s).unwrap(),
        );
        // Theirs: another new incident under the same id, from 000 E104, and a report
        // of I1 deleted with its event (001 E13); I1's note changed too.
        let (edit, _) = incident_ops::new_incident_from_event(&base, 0, EventId(104), &s).unwrap();
        let theirs = edited(&base, edit);
        let theirs = edited(
            &theirs,
            ops::delete_event(&theirs, 1, EventId(13), &s).unwrap(),
        );
        let merged = three_way_merge(&base, &ours, &theirs, "ours", "theirs").unwrap();
        let project = &merged.project;
        assert_eq!(validate(project), []);
        let ids: Vec<u32> = project.incidents.iter().map(|i| i.id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(project.next_incident_id, 9);
        assert!(
            project
                .incident(IncidentId(7))
                .unwrap()
                .is_reported_by("000_d46b7e7251063bb0", EventId(96))
        );
        assert!(
            project
                .incident(IncidentId(8))
                .unwrap()
                .is_reported_by("000_d46b7e7251063bb0", EventId(104))
        );
        // I1 changed on both sides: ours kept, said; the report of the deleted event
        // dropped, said.
        let i1 = project.incident(IncidentId(1)).unwrap();
        assert_eq!(i1.fatalities, Some(590));
        assert!(!i1.is_reported_by("001_4cb14d4706432b3e", EventId(13)));
        let notes: Vec<String> = merged.notes.iter().map(|n| n.to_string()).collect();
        assert!(
            notes
                .iter()
                .any(|n| n.starts_with("incident I1 changed on both sides")),
            "{notes:?}"
        );
        assert!(
            notes
                .iter()
                .any(|n| n.starts_with("incident I7 added by theirs renumbered I8")),
            "{notes:?}"
        );
        assert!(
            notes
                .iter()
                .any(|n| n.contains("report 001_4cb14d4706432b3e E13 dropped")),
            "{notes:?}"
        );
    }

    #[test]
    fn reports_follow_their_events_when_the_merge_renumbers_them() {
        let base = sample();
        let s = Stamp::default();
        let fresh = EventId(base.documents[0].next_id);
        let (edit, _) = ops::add_event(&base, 0, "attack", Vec::new(), &s).unwrap();
        let ours = edited(&base, edit);
        // Theirs adds another event under the same id, and an incident it reports.
        let (edit, theirs_event) = ops::add_event(&base, 0, "battle", Vec::new(), &s).unwrap();
        assert_eq!(theirs_event, fresh);
        let theirs = edited(&base, edit);
        let (edit, id) = incident_ops::new_incident_from_event(&theirs, 0, fresh, &s).unwrap();
        let theirs = edited(&theirs, edit);
        let merged = three_way_merge(&base, &ours, &theirs, "ours", "theirs").unwrap();
        let project = &merged.project;
        assert_eq!(validate(project), []);
        let report = &project.incident(id).unwrap().reports[0];
        assert_ne!(report.event, fresh, "the id is ours' attack's now");
        let event = project.documents[0].event(report.event).unwrap();
        assert_eq!(event.event_type, "battle");
    }
}
