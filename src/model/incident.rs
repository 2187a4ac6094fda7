//! Incidents: the real-world events that articles report, each backed by the event
//! annotations that report it, in any number of documents.
//!
//! An event annotation says what one article says happened; an incident says what
//! happened, once, with the values the annotator settled on (its date, places, actors,
//! fatalities) where the reports disagree. This is the record an event dataset (ACLED,
//! UCDP, GDELT style) has one row for. Incidents live at the project level, as the
//! documents they draw on do, and point at their reports by document id and event id,
//! both stable; each event reports at most one incident
//! ([`validate`](super::validate) says so).

use super::calendar::DateRange;
use super::ids::EventId;
use super::project::Project;
use serde::{Deserialize, Serialize};

/// An incident of a project, shown as `I3`; never reused, as annotation ids are not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IncidentId(pub u32);

impl std::fmt::Display for IncidentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "I{}", self.0)
    }
}

/// An event annotation that reports an incident: the document's id and the event's.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Report {
    /// Id of the document (stable, unlike its position).
    pub document: String,
    /// The event annotation in it.
    pub event: EventId,
}

impl Report {
    /// The report of event `event` of document `document`.
    pub fn new(document: impl Into<String>, event: EventId) -> Self {
        Report {
            document: document.into(),
            event,
        }
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.document, self.event)
    }
}

/// Someone who took part in an incident, in a role of its type (`agent`, `from`...).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// A role of the incident's event type.
    pub role: String,
    /// The actor's name as the dataset should give it ("Forces armées syriennes").
    pub name: String,
    /// The entity type of the mention it was taken from, if any: what decides, for the
    /// export, between violence against civilians and against armed actors.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub entity_type: String,
}

/// How sure the annotator is that the incident happened as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Certainty {
    /// Reported as fact by the sources.
    Certain,
    /// Likely, from what the sources say.
    Probable,
    /// Claimed, unconfirmed.
    Possible,
}

impl Certainty {
    /// All values, surest first.
    pub const ALL: [Certainty; 3] = [Certainty::Certain, Certainty::Probable, Certainty::Possible];

    /// The word for it, as the sample schema's `certainty` attribute has it.
    pub fn word(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Probable => "probable",
            Certainty::Possible => "possible",
        }
    }

    /// The certainty that `word` names (`certain`, `probable`, `possible`).
    pub fn from_word(word: &str) -> Option<Certainty> {
        Certainty::ALL.into_iter().find(|c| c.word() == word)
    }
}

/// A real-world event, with the values the annotator chose and the reports behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Stable id inside the project.
    pub id: IncidentId,
    /// An event type of the schema (`capture`, `attack`...).
    pub incident_type: String,
    /// When it happened: a date or a range, each to its precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateRange>,
    /// Where: place names, the most precise first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// The country where it happened.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// The region of the first order inside the country (province, governorate).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin1: String,
    /// Who took part, in their roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// How many people died, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<u32>,
    /// How sure it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certainty: Option<Certainty>,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The event annotations that report it, in the order they were linked.
    #[serde(default)]
    pub reports: Vec<Report>,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When it was last changed (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed: String,
}

impl Incident {
    /// An incident of `incident_type` with no value and no report yet.
    pub fn new(id: IncidentId, incident_type: impl Into<String>) -> Self {
        Incident {
            id,
            incident_type: incident_type.into(),
            date: None,
            places: Vec::new(),
            country: String::new(),
            admin1: String::new(),
            actors: Vec::new(),
            fatalities: None,
            certainty: None,
            note: String::new(),
            reports: Vec::new(),
            author: String::new(),
            changed: String::new(),
        }
    }

    /// True when event `event` of document `document` reports it.
    pub fn is_reported_by(&self, document: &str, event: EventId) -> bool {
        self.reports
            .iter()
            .any(|r| r.event == event && r.document == document)
    }

    /// The names of its actors in `role`, in order.
    pub fn actors_in<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a Actor> + 'a {
        self.actors.iter().filter(move |a| a.role == role)
    }
}

impl Project {
    /// The incident with this id (incidents are kept sorted by id).
    pub fn incident(&self, id: IncidentId) -> Option<&Incident> {
        let i = self.incidents.binary_search_by_key(&id, |i| i.id).ok()?;
        self.incidents.get(i)
    }

    /// The incident that event `event` of document `document` reports, if any.
    pub fn incident_reported_by(&self, document: &str, event: EventId) -> Option<&Incident> {
        self.incidents
            .iter()
            .find(|i| i.is_reported_by(document, event))
    }

    /// The id the next incident gets, with the counter after it; `None` when exhausted.
    pub fn fresh_incident_id(&self) -> Option<(IncidentId, u32)> {
        Some((
            IncidentId(self.next_incident_id),
            self.next_incident_id.checked_add(1)?,
        ))
    }
}

/// The actors as (role, name) pairs: what tests compare.
#[cfg(test)]
pub(crate) fn role_names(actors: &[Actor]) -> Vec<(&str, &str)> {
    actors
        .iter()
        .map(|a| (a.role.as_str(), a.name.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    #[test]
    fn incidents_are_found_by_id_and_by_report() {
        let mut project = Project::new("p", Schema::default());
        let mut first = Incident::new(IncidentId(1), "capture");
        first.reports.push(Report::new("a", EventId(3)));
        let mut second = Incident::new(IncidentId(4), "attack");
        second.reports.push(Report::new("b", EventId(3)));
        project.incidents = vec![first, second];
        assert_eq!(
            project
                .incident(IncidentId(4))
                .map(|i| i.incident_type.as_str()),
            Some("attack")
        );
        assert!(project.incident(IncidentId(2)).is_none());
        let found = project.incident_reported_by("b", EventId(3)).map(|i| i.id);
        assert_eq!(found, Some(IncidentId(4)));
        assert!(project.incident_reported_by("a", EventId(4)).is_none());
        assert_eq!(IncidentId(4).to_string(), "I4");
        assert_eq!(Certainty::from_word("probable"), Some(Certainty::Probable));
    }
}
