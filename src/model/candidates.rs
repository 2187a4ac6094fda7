//! The incidents an event may report, best first: what "link to incident" offers.
//!
//! A project soon holds more incidents than anyone can scroll through, and the right one
//! is the one of the same type, at the same time, in the same place, with the same
//! actors. Each of these adds to a candidate's score: the type 3 points; the date up to
//! 2, halving for every week between the two dates (0 without a date); each place of
//! the event up to 1.5 and each actor up to 1, by how alike its name is to the
//! incident's nearest (normalised for case, accents and elisions, see
//! [`super::names`]). The figures are coarse on purpose: they only order a short list
//! that the annotator reads.

use super::names::name_similarity;
use super::report_values::report_values;
use super::{EventId, IncidentId, Project};

/// An incident offered for an event, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The incident.
    pub incident: IncidentId,
    /// Its score: higher is likelier.
    pub score: f64,
    /// True when it is of the event's type.
    pub same_type: bool,
    /// Days between the two dates (0 when they overlap), when both have one.
    pub days_apart: Option<i64>,
    /// The event's places that the incident has too (by name, however spelled).
    pub shared_places: Vec<String>,
    /// The event's actors that the incident has too.
    pub shared_actors: Vec<String>,
}

/// How alike a name must be to count as shared.
const SHARED: f64 = 0.5;

/// The incidents that event `event` of the document at `doc` may report, best first
/// (ties by id), leaving out the one it reports already; empty when there is no such
/// event.
pub fn rank_candidates(project: &Project, doc: usize, event: EventId) -> Vec<Candidate> {
    let Some(values) = project
        .documents
        .get(doc)
        .and_then(|d| d.event(event))
        .and_then(|e| report_values(project, doc, e))
    else {
        return Vec::new();
    };
    let best = |name: &str, names: &mut dyn Iterator<Item = &String>| {
        names.map(|n| name_similarity(name, n)).fold(0.0, f64::max)
    };
    let mut candidates: Vec<Candidate> = project
        .incidents
        .iter()
        .filter(|i| !i.reports.contains(&values.report))
        .map(|incident| {
            let same_type = incident.incident_type == values.event_type;
            let days_apart = match (values.date, incident.date) {
                (Some(d), Some(i)) => Some(d.date.distance_in_days(i)),
                _ => None,
            };
            let mut score = if same_type { 3.0 } else { 0.0 };
            if let Some(days) = days_apart {
                score += 2.0 * 0.5f64.powf(days as f64 / 7.0);
            }
            let mut shared_places = Vec::new();
            for place in values.places.iter().chain(&values.country) {
                let places = incident
                    .places
                    .iter()
                    .chain(std::iter::once(&incident.country));
                let alike = best(place, &mut places.into_iter());
                score += 1.5 * alike;
                if alike >= SHARED {
                    shared_places.push(place.clone());
                }
            }
            let mut shared_actors = Vec::new();
            for actor in &values.actors {
                let alike = best(&actor.name, &mut incident.actors.iter().map(|a| &a.name));
                score += alike;
                if alike >= SHARED {
                    shared_actors.push(actor.name.clone());
                }
            }
            Candidate {
                incident: incident.id,
                score,
                same_type,
                days_apart,
                shared_places,
                shared_actors,
            }
        })
        .collect();
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.incident.cmp(&b.incident))
    });
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Incident};

    fn sample() -> Project {
        let mut project = crate::formats::test_support::palmyre();
        project.incidents.clear();
        project
    }

    fn incident(id: u32, incident_type: &str, date: &str, place: &str, actor: &str) -> Incident {
        let mut i = Incident::new(IncidentId(id), incident_type);
        i.date = date.parse().ok();
        i.places = vec![place.into()];
        i.actors = vec![Actor {
            role: "agent".into(),
            name: actor.into(),
            entity_type: String::new(),
        }];
        i
    }

    #[test]
    fn type_date_places_and_actors_rank_the_incidents() {
        let mut project = sample();
        project.incidents = vec![
            // The loss of Palmyra in December: same place, other actor, months apart.
            incident(1, "capture", "2016-12-11", "Palmyre", "État islamique"),
            // The recapture, spelled otherwise.
            incident(2, "capture", "2016-03-27", "PALMYRE", "l’Armée Syrienne"),
            // Another type, elsewhere.
            incident(3, "attack", "2016-03-24", "Mossoul", "coalition"),
            // The recapture again, undated and without actors.
            incident(4, "capture", "", "Palmyre", ""),
        ];
        // 000 E87: "L'armée syrienne [...] est entrée dans Palmyre ce jeudi 24 mars 2016".
        let ranked = rank_candidates(&project, 0, EventId(87));
        let order: Vec<u32> = ranked.iter().map(|c| c.incident.0).collect();
        assert_eq!(order, [2, 1, 4, 3]);
        let best = &ranked[0];
        assert!(best.same_type);
        assert_eq!(best.days_apart, Some(3));
        assert_eq!(best.shared_places, ["Palmyre"]);
        assert_eq!(best.shared_actors, ["armée syrienne"]);
        // The incident it reports is not offered again.
        project.incidents[1].reports.push(crate::model::Report::new(
            &project.documents[0].id,
            EventId(87),
        ));
        let again: Vec<u32> = rank_candidates(&project, 0, EventId(87))
            .iter()
            .map(|c| c.incident.0)
            .collect();
        assert_eq!(again, [1, 4, 3]);
        assert!(rank_candidates(&project, 0, EventId(9999)).is_empty());
    }
}
