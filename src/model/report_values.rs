//! What one report says of its incident, read from its event annotation: date, places,
//! country, actors in their roles, fatalities and certainty; and, for an incident, each
//! value its reports give with the reports that give it, so that where the sources
//! disagree the annotator sees who says what before choosing the incident's value.
//!
//! Which arguments are actors, places or the number of the dead is the schema's
//! [`DatasetMapping`](super::dataset_mapping::DatasetMapping)'s to say, so that a new
//! incident, the candidates for linking and the export all read an event alike.

use super::dates::{EventDate, event_date};
use super::incident::{Actor, Certainty, Incident, Report};
use super::names::normalize_name;
use super::{AttrValue, DateRange, Event, Filler, Project};

/// What the event of one report says.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportValues {
    /// The report.
    pub report: Report,
    /// Its document's position in the project.
    pub doc: usize,
    /// The event's type.
    pub event_type: String,
    /// Its date, and where that comes from.
    pub date: Option<EventDate>,
    /// The texts of its place arguments that are not countries, in argument order.
    pub places: Vec<String>,
    /// The text of its first place argument that is a country.
    pub country: Option<String>,
    /// Its actors: role, text and entity type of the mentions in actor roles.
    pub actors: Vec<Actor>,
    /// The dead it counts, when it gives a number.
    pub fatalities: Option<u32>,
    /// Its certainty attribute.
    pub certainty: Option<Certainty>,
    /// Every mention argument as (role, entity type), for the mapping's conditions.
    pub fillers: Vec<(String, String)>,
}

/// What event `event` of the document at position `doc` of `project` says.
pub fn report_values(project: &Project, doc: usize, event: &Event) -> Option<ReportValues> {
    let document = project.documents.get(doc)?;
    let mapping = &project.schema.event_dataset;
    let actor_roles = [
        &mapping.actor1_roles,
        &mapping.assoc_actor1_roles,
        &mapping.actor2_roles,
        &mapping.assoc_actor2_roles,
    ];
    let is_actor_role = |role: &str| {
        actor_roles
            .iter()
            .any(|roles| roles.iter().any(|r| r == role))
    };
    let mut values = ReportValues {
        report: Report::new(&document.id, event.id),
        doc,
        event_type: event.event_type.clone(),
        date: event_date(document, event),
        places: Vec::new(),
        country: None,
        actors: Vec::new(),
        fatalities: None,
        certainty: match event.attributes.get(&mapping.certainty_attribute) {
            Some(AttrValue::Value(word)) => Certainty::from_word(word),
            _ => None,
        },
        fillers: Vec::new(),
    };
    for arg in &event.arguments {
        let Filler::Mention(id) = arg.filler else {
            continue;
        };
        let Some(mention) = document.mention(id) else {
            continue;
        };
        let kind = mention.entity_type.as_str();
        values.fillers.push((arg.role.clone(), kind.to_string()));
        let text = document.covered_text(&mention.ranges);
        if mapping.counts_fatalities(&event.event_type, &arg.role) {
            let count = match mention.attributes.get(&mapping.quantity_attribute) {
                Some(AttrValue::Value(n)) => n.trim().parse::<u32>().ok(),
                _ => None,
            };
            if let Some(n) = count {
                values.fatalities = Some(values.fatalities.unwrap_or(0).saturating_add(n));
                continue;
            }
        }
        // A country in an actor role is a state acting ("Moscou soutient..."), not a place.
        if is_actor_role(&arg.role) && (mapping.is_actor(kind) || mapping.is_country(kind)) {
            values.actors.push(Actor {
                role: arg.role.clone(),
                name: text,
                entity_type: kind.to_string(),
            });
        } else if mapping.is_country(kind) {
            values.country.get_or_insert(text);
        } else if mapping.is_place(kind) {
            values.places.push(text);
        }
    }
    Some(values)
}

/// What the event of `report` says; `None` when it does not exist.
pub fn values_of_report(project: &Project, report: &Report) -> Option<ReportValues> {
    let doc = project
        .documents
        .iter()
        .position(|d| d.id == report.document)?;
    let event = project.documents.get(doc)?.event(report.event)?;
    report_values(project, doc, event)
}

/// One value that reports give, with the reports that give it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced<T> {
    /// The value, as the first report that gives it spells it.
    pub value: T,
    /// The reports that give it, in the incident's order.
    pub sources: Vec<Report>,
}

/// Every value that the reports of an incident give, each with its sources; a field
/// with more than one value is one the sources disagree on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportedValues {
    /// The dates.
    pub dates: Vec<Sourced<DateRange>>,
    /// The numbers of the dead.
    pub fatalities: Vec<Sourced<u32>>,
    /// The actors, by role and normalised name.
    pub actors: Vec<Sourced<Actor>>,
    /// The places, by normalised name.
    pub places: Vec<Sourced<String>>,
    /// What each report says, in the incident's order (reports of events that no longer
    /// exist are left out).
    pub reports: Vec<ReportValues>,
}

impl ReportedValues {
    /// True when the reports give more than one date, number of dead or set of actors
    /// (an actor that some reports name and others do not is a disagreement too).
    pub fn disagree(&self) -> bool {
        let partial = |sources: &[Report]| sources.len() < self.reports.len();
        self.dates.len() > 1
            || self.fatalities.len() > 1
            || self.actors.iter().any(|a| partial(&a.sources))
    }
}

/// Adds `value` from `report` to `list`, under the entry whose key is the same.
fn add<T: Clone, K: PartialEq>(
    list: &mut Vec<Sourced<T>>,
    value: &T,
    report: &Report,
    key: impl Fn(&T) -> K,
) {
    match list.iter_mut().find(|s| key(&s.value) == key(value)) {
        Some(entry) => {
            if !entry.sources.contains(report) {
                entry.sources.push(report.clone());
            }
        }
        None => list.push(Sourced {
            value: value.clone(),
            sources: vec![report.clone()],
        }),
    }
}

/// Each value the reports of `incident` give, with its sources: the dates, numbers of
/// dead, actors (told apart by role and normalised name) and places (by normalised
/// name), in the order the reports first give them.
pub fn reported_values(project: &Project, incident: &Incident) -> ReportedValues {
    let mut values = ReportedValues::default();
    for report in &incident.reports {
        let Some(r) = values_of_report(project, report) else {
            continue;
        };
        if let Some(date) = r.date {
            add(&mut values.dates, &date.date, report, |d| *d);
        }
        if let Some(n) = r.fatalities {
            add(&mut values.fatalities, &n, report, |n| *n);
        }
        for actor in &r.actors {
            add(&mut values.actors, actor, report, |a| {
                (a.role.clone(), normalize_name(&a.name))
            });
        }
        for place in &r.places {
            add(&mut values.places, place, report, |p| normalize_name(p));
        }
        values.reports.push(r);
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventId;

    use crate::formats::test_support::palmyre as sample;

    #[test]
    fn an_event_is_read_as_the_mapping_says() {
        let project = sample();
        // 000 E87: "L'armée syrienne, aidée de l'aviation russe, est entrée dans Palmyre
        // ce jeudi 24 mars 2016".
        let values =
            values_of_report(&project, &Report::new("000_d46b7e7251063bb0", EventId(87))).unwrap();
        assert_eq!(
            values.date.map(|d| d.date.to_string()).as_deref(),
            Some("2016-03-24")
        );
        assert_eq!(values.places, ["Palmyre"]);
        assert_eq!(
            crate::model::incident::role_names(&values.actors),
            [("agent", "armée syrienne"), ("supporter", "aviation russe")]
        );
        assert_eq!(values.certainty, Some(Certainty::Certain));
        // 001 E13: "La bataille de Palmyre a coûté la vie à 400 djihadistes".
        let death =
            values_of_report(&project, &Report::new("001_4cb14d4706432b3e", EventId(13))).unwrap();
        assert_eq!(death.fatalities, Some(400));
        assert!(death.actors.is_empty(), "{:?}", death.actors);
    }

    #[test]
    fn the_values_of_an_incident_are_listed_with_their_sources() {
        let project = sample();
        let mut incident = Incident::new(crate::model::IncidentId(1), "capture");
        incident.reports = vec![
            Report::new("000_d46b7e7251063bb0", EventId(87)),
            Report::new("001_4cb14d4706432b3e", EventId(12)),
            Report::new("000_d46b7e7251063bb0", EventId(107)),
        ];
        let values = reported_values(&project, &incident);
        let dates: Vec<(String, usize)> = values
            .dates
            .iter()
            .map(|d| (d.value.to_string(), d.sources.len()))
            .collect();
        assert_eq!(
            dates,
            [("2016-03-24".to_string(), 1), ("2016-03-27".to_string(), 1)]
        );
        assert!(values.disagree());
        assert_eq!(values.places[0].value, "Palmyre");
        assert_eq!(values.places[0].sources.len(), 2, "{:?}", values.places);
    }
}
