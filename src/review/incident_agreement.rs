//! How two annotators grouped reports into incidents, scored as coreference: the
//! reports (event annotations linked to an incident) are the mentions and the
//! incidents the clusters, A's the key. The events of the two sides are matched as the
//! event agreement matches them (same type and trigger, one to one), so that a report
//! of one side and the matching event of the other are the same mention; an event of
//! one side without a match is a mention of that side alone. Only the documents the
//! alignment compares count. Definitions in `docs/incidents.md`.

use super::align::Alignment;
use super::coreference::{Clusters, CoreferenceScores, coreference_scores};
use super::keys::{pair_by_key, trigger_key};
use crate::model::{Document, Project};
use std::collections::{BTreeSet, HashMap};

/// A report as a mention: the position of its document in the alignment, the side
/// whose event id it is (0 for A, also for B's events matched to A's; 1 for B's events
/// without a match), and that id.
type ReportMention = (usize, u8, u32);

/// The incidents of `project` as clusters of report mentions: each report in a compared
/// document mapped by `mention` (document position, event id), unknown ones left out,
/// and incidents left without a report dropped.
fn clusters(
    project: &Project,
    positions: &HashMap<&str, usize>,
    mention: impl Fn(usize, u32) -> ReportMention,
) -> Clusters<ReportMention> {
    project
        .incidents
        .iter()
        .map(|incident| {
            incident
                .reports
                .iter()
                .filter_map(|r| {
                    let doc = *positions.get(r.document.as_str())?;
                    Some(mention(doc, r.event.0))
                })
                .collect::<BTreeSet<_>>()
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// For one compared document, B's event ids mapped to the A events they match.
fn matched_events(a: &Document, b: &Document) -> HashMap<u32, u32> {
    let keys_a: Vec<_> = a.events.iter().map(trigger_key).collect();
    let keys_b: Vec<_> = b.events.iter().map(trigger_key).collect();
    pair_by_key(&keys_a, &keys_b)
        .pairs
        .into_iter()
        .map(|(i, j)| (b.events[j].id.0, a.events[i].id.0))
        .collect()
}

/// MUC, B³, CEAF-e and CoNLL F1 of how projects `a` (the key) and `b` of `alignment`
/// grouped their reports into incidents; all 0 when either lacks the project.
pub fn incident_agreement(alignment: &Alignment<'_>, a: usize, b: usize) -> CoreferenceScores {
    let (Some(pa), Some(pb)) = (alignment.project(a), alignment.project(b)) else {
        return CoreferenceScores::default();
    };
    let mut positions_a = HashMap::new();
    let mut positions_b = HashMap::new();
    let mut matched = Vec::new();
    for (position, versions) in alignment.versions().enumerate() {
        let (Some(da), Some(db)) = (versions.get(a), versions.get(b)) else {
            continue;
        };
        positions_a.insert(da.id.as_str(), position);
        positions_b.insert(db.id.as_str(), position);
        matched.push(matched_events(da, db));
    }
    let key = clusters(pa, &positions_a, |doc, event| (doc, 0, event));
    let response = clusters(pb, &positions_b, |doc, event| {
        match matched.get(doc).and_then(|m| m.get(&event)) {
            Some(&in_a) => (doc, 0, in_a),
            None => (doc, 1, event),
        }
    });
    coreference_scores(&key, &response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventId, Incident, IncidentId, Report};
    use crate::review::align;

    use crate::formats::test_support::palmyre as sample;

    #[test]
    fn the_same_grouping_scores_one_and_a_split_less() {
        let a = sample();
        let same = incident_agreement(&align(&[&a, &a]), 0, 1);
        assert_eq!(same.conll, 1.0);
        // B splits the recapture: the reports of 003 and 004 on their own; and B's
        // event ids differ from A's (renumbered), which the trigger matching undoes.
        let mut b = a.clone();
        for doc in &mut b.documents {
            doc.map_annotation_ids(|id| id + 1000);
            doc.next_id += 1000;
        }
        for incident in &mut b.incidents {
            for r in &mut incident.reports {
                r.event = EventId(r.event.0 + 1000);
            }
        }
        let moved: Vec<Report> = b.incidents[0]
            .reports
            .iter()
            .filter(|r| r.document.starts_with("003") || r.document.starts_with("004"))
            .cloned()
            .collect();
        b.incidents[0].reports.retain(|r| !moved.contains(r));
        let mut split = Incident::new(IncidentId(b.next_incident_id), "capture");
        split.reports = moved;
        b.next_incident_id += 1;
        b.incidents.push(split);
        assert_eq!(crate::model::validate(&b), []);
        let scores = incident_agreement(&align(&[&a, &b]), 0, 1);
        assert_eq!(scores.muc.precision, 1.0, "every link B makes, A makes");
        // A links 11 pairs of reports (9 in the recapture, 1 in I3, 1 in I4); B cut the
        // recapture in two (8 + 2 reports), keeping 8 + 1 + 1.
        assert!(
            (scores.muc.recall - 10.0 / 11.0).abs() < 1e-12,
            "{scores:?}"
        );
        assert!(scores.conll < 1.0 && scores.conll > 0.5, "{scores:?}");
    }
}
