//! The incidents of a three-way merge: matched by id, each merged whole (unchanged on
//! one side, the other side's version; changed on both, ours, with a note), new ones
//! of theirs renumbered when ours added another under the same id; then every report
//! checked against the merged documents, so that the merged project validates.

use super::values::{Merged, Side, merge3};
use super::{Context, MergeNote, NoteKind};
use crate::model::{Document, Incident, IncidentId, Project};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The merged incidents, sorted by id, and the counter after them.
pub(super) fn merge_incidents(
    cx: &mut Context<'_>,
    [base, ours, theirs]: [&Project; 3],
    documents: &[Document],
) -> (Vec<Incident>, u32) {
    fn by_id(p: &Project) -> BTreeMap<IncidentId, &Incident> {
        p.incidents.iter().map(|i| (i.id, i)).collect()
    }
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
