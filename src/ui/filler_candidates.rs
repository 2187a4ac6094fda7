//! What may fill a role of an event, as the filler popup of the event table and the
//! editor's "choose…" menu list it: the document's mentions (and events, where the role
//! allows event types) with a few words of context, nearest to the event first; and the
//! reverse, the roles of other events that an event may fill (nested events).
//!
//! Computed without egui, so that a unit test can check the order, the context and the
//! filter; the panels only draw the lists.

use crate::model::conformance::filler_type;
use crate::model::span::OffsetTable;
use crate::model::{Document, Event, EventId, Filler, Project, Span};
use crate::search::{fold, is_line_break};

/// Words of context shown on each side of a candidate.
const CONTEXT_WORDS: usize = 4;

/// An annotation that may fill a role, as a line of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The annotation.
    pub filler: Filler,
    /// Its id and its type's label: `T5 Lieu`.
    pub name: String,
    /// A few words before it, on its line (`…` first when the line goes on), with the
    /// space that separates it from the annotation, if any.
    pub before: String,
    /// Its own words (a mention's text, an event's trigger; empty for an event without
    /// one).
    pub words: String,
    /// A few words after it, on its line, with the space before them, if any.
    pub after: String,
    /// Its type is one the role allows (or the role allows any).
    pub allowed: bool,
    /// The position of its argument among the event's arguments when it already fills
    /// the role.
    pub argument: Option<usize>,
    /// `name`, `before`, `words` and `after`, folded (case and accents) for the filter.
    folded: String,
}

impl Candidate {
    /// The line shown for it: `T5 Lieu: …entrée dans «Palmyre» ce jeudi…`.
    pub fn text(&self) -> String {
        if self.words.is_empty() {
            return format!("{} (no trigger)", self.name);
        }
        format!(
            "{}: {}«{}»{}",
            self.name, self.before, self.words, self.after
        )
    }

    /// True when every word of `folded_filter` (case and accents folded) is in its line.
    fn matches(&self, folded_filter: &str) -> bool {
        folded_filter
            .split_whitespace()
            .all(|w| self.folded.contains(w))
    }
}

/// `text` with case and accents ignored.
pub(super) fn folded(text: &str) -> String {
    fold(text).to_lowercase()
}

/// The candidates among `candidates` whose line contains every word of `filter`, case
/// and accents ignored.
pub fn matching<'a>(candidates: &'a [Candidate], filter: &str) -> Vec<&'a Candidate> {
    let folded = folded(filter);
    candidates.iter().filter(|c| c.matches(&folded)).collect()
}

/// A few words before and after `span` on its line, each side marked `…` where the line
/// goes on.
fn context(table: &OffsetTable<'_>, span: Span) -> (String, String) {
    let text = table.text();
    let start = table.byte_from_char(span.start).unwrap_or(0);
    let end = table.byte_from_char(span.end).unwrap_or(text.len());
    let line_before = text
        .get(..start)
        .unwrap_or("")
        .rsplit(is_line_break)
        .next()
        .unwrap_or("");
    let line_after = text
        .get(end..)
        .unwrap_or("")
        .split(is_line_break)
        .next()
        .unwrap_or("");
    let mut before: Vec<&str> = line_before
        .split_whitespace()
        .rev()
        .take(CONTEXT_WORDS + 1)
        .collect();
    let more_before = before.len() > CONTEXT_WORDS;
    before.truncate(CONTEXT_WORDS);
    before.reverse();
    let mut after: Vec<&str> = line_after
        .split_whitespace()
        .take(CONTEXT_WORDS + 1)
        .collect();
    let more_after = after.len() > CONTEXT_WORDS;
    after.truncate(CONTEXT_WORDS);
    // Spaces as in the text: a word glued to the annotation ("l’" before "armée", ","
    // after it) stays glued.
    let mut before = before.join(" ");
    let mut after = after.join(" ");
    if more_before {
        before.insert(0, '…');
    }
    if more_after {
        after.push('…');
    }
    if !before.is_empty() && line_before.ends_with(char::is_whitespace) {
        before.push(' ');
    }
    if !after.is_empty() && line_after.starts_with(char::is_whitespace) {
        after.insert(0, ' ');
    }
    (before, after)
}

/// Every annotation of `doc` that may fill `role` of `event`: its mentions (`allowed`
/// telling those of a type the role takes), and the events of a type the role takes
/// that would not make `event` its own argument. Allowed ones first, then nearest to
/// the event in the text.
pub fn role_candidates(
    project: &Project,
    doc: &Document,
    event: &Event,
    role: &str,
) -> Vec<Candidate> {
    let schema = &project.schema;
    let allowed_types: &[String] = schema
        .event_type(&event.event_type)
        .and_then(|t| t.role(role))
        .map_or(&[], |r| r.fillers.as_slice());
    let allowed = |f: Filler| {
        allowed_types.is_empty()
            || filler_type(doc, f).is_some_and(|t| allowed_types.iter().any(|a| a == t))
    };
    let table = doc.offsets();
    let argument = |f: Filler| {
        event
            .arguments
            .iter()
            .position(|a| a.role == role && a.filler == f)
    };
    let make = |filler: Filler, type_name: &str, spans: &[Span], extent: Option<Span>| {
        let name = format!("{filler} {}", schema.label(type_name));
        let words = table.covered_text(spans);
        let (before, after) = extent.map(|s| context(&table, s)).unwrap_or_default();
        let folded = folded(&format!("{name} {before} {words} {after}"));
        Candidate {
            filler,
            name,
            before,
            words,
            after,
            allowed: allowed(filler),
            argument: argument(filler),
            folded,
        }
    };
    let mut candidates: Vec<(usize, Candidate)> = doc
        .mentions
        .iter()
        .map(|m| {
            let c = make(
                Filler::Mention(m.id),
                &m.entity_type,
                &m.ranges,
                Some(m.extent()),
            );
            (m.extent().start, c)
        })
        .collect();
    for other in &doc.events {
        let filler = Filler::Event(other.id);
        if other.id == event.id || !allowed(filler) || doc.any_contains_event([filler], event.id) {
            continue;
        }
        let extent = match (other.trigger.first(), other.trigger.last()) {
            (Some(first), Some(last)) => Some(Span::new(first.start, last.end)),
            _ => None,
        };
        let position = doc.event_start(other).unwrap_or(usize::MAX);
        candidates.push((
            position,
            make(filler, &other.event_type, &other.trigger, extent),
        ));
    }
    let here = doc.event_start(event).unwrap_or(0);
    candidates.sort_by_key(|(position, c)| (!c.allowed, position.abs_diff(here), *position));
    candidates.into_iter().map(|(_, c)| c).collect()
}

/// A role of another event that an event may fill: nested events made from the inner
/// one.
#[derive(Clone, Debug, PartialEq)]
pub struct ParentSlot {
    /// The outer event.
    pub event: EventId,
    /// The role's name.
    pub role: String,
    /// What the user reads: `E7 Déclaration «a annoncé» → Objet (événement)`.
    pub text: String,
}

/// The roles of the other events of `doc` that allow the type of `event` and that it
/// does not fill yet, without making an event its own argument.
pub fn parent_slots(project: &Project, doc: &Document, event: &Event) -> Vec<ParentSlot> {
    let schema = &project.schema;
    let filler = Filler::Event(event.id);
    let mut slots = Vec::new();
    for outer in &doc.events {
        if outer.id == event.id || doc.any_contains_event([filler], outer.id) {
            continue;
        }
        let Some(outer_type) = schema.event_type(&outer.event_type) else {
            continue;
        };
        for role in &outer_type.roles {
            let takes = role.fillers.contains(&event.event_type);
            let fills = outer
                .arguments
                .iter()
                .any(|a| a.role == role.name && a.filler == filler);
            if takes && !fills {
                slots.push(ParentSlot {
                    event: outer.id,
                    role: role.name.clone(),
                    text: format!(
                        "{} → {}",
                        super::labels::describe(project, doc, Filler::Event(outer.id)),
                        role.label
                    ),
                });
            }
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::ops::{add_argument, add_event, add_mention};
    use crate::edit::{Edit, Stamp};

    /// "Daech a attaqué Palmyre hier matin, selon l’OSDH qui l’a annoncé à Londres."
    /// under a title: T1 Daech, T2 Palmyre, T3 "OSDH" (in "l’OSDH"), T4 Londres; E5 attack
    /// «attaqué», E6 statement «annoncé» (topic E5); made with the edits themselves.
    fn sample() -> Project {
        let text =
            "Titre\nDaech a attaqué Palmyre hier matin, selon l’OSDH qui l’a annoncé à Londres.";
        let at = |w: &str| text.find(w).map(|b| text[..b].chars().count()).expect(w);
        let span = |w: &str| vec![Span::new(at(w), at(w) + w.chars().count())];
        let mut project = Project::new("p", crate::io::default_schema());
        project.documents.push(Document::new("d", "d", text));
        let s = Stamp::default();
        let apply = |project: &mut Project, edit: Edit| edit.apply(project).expect("apply");
        for (entity_type, w) in [
            ("armed_group", "Daech"),
            ("place", "Palmyre"),
            ("organisation", "OSDH"),
            ("place", "Londres"),
        ] {
            let (edit, _) = add_mention(&project, 0, entity_type, span(w), &s).expect("T");
            apply(&mut project, edit);
        }
        let (edit, attack) = add_event(&project, 0, "attack", span("attaqué"), &s).expect("E5");
        apply(&mut project, edit);
        let (edit, statement) =
            add_event(&project, 0, "statement", span("annoncé"), &s).expect("E6");
        apply(&mut project, edit);
        let topic = add_argument(&project, 0, statement, "topic", Filler::Event(attack), &s);
        apply(&mut project, topic.expect("topic"));
        assert_eq!((attack, statement), (EventId(5), EventId(6)));
        project
    }

    #[test]
    fn candidates_of_allowed_types_come_first_nearest_first_with_context() {
        let project = sample();
        let doc = &project.documents[0];
        let attack = doc.event(EventId(5)).expect("E5");
        let places = role_candidates(&project, doc, attack, "place");
        let allowed: Vec<&str> = places
            .iter()
            .filter(|c| c.allowed)
            .map(|c| c.words.as_str())
            .collect();
        assert_eq!(allowed, ["Palmyre", "Londres"], "places, the nearest first");
        assert!(places.iter().skip(2).all(|c| !c.allowed), "then the others");
        assert!(
            places
                .iter()
                .all(|c| matches!(c.filler, Filler::Mention(_))),
            "a place is no event"
        );
        let palmyre = &places[0];
        assert_eq!(
            palmyre.name,
            format!("T2 {}", project.schema.label("place"))
        );
        assert_eq!(palmyre.before, "Daech a attaqué ");
        assert_eq!(palmyre.after, " hier matin, selon l’OSDH…");
        assert!(
            palmyre.text().contains("attaqué «Palmyre» hier"),
            "{}",
            palmyre.text()
        );
        // The title is another line: it is not context.
        assert!(!places[0].before.contains("Titre"));
        // "l’OSDH": the elided article stays glued to the words.
        let osdh = places.iter().find(|c| c.words == "OSDH").expect("T3");
        assert!(
            osdh.text().ends_with("selon l’«OSDH» qui l’a annoncé à…"),
            "{}",
            osdh.text()
        );
    }

    #[test]
    fn events_are_candidates_where_the_role_takes_them_never_making_a_cycle() {
        let project = sample();
        let doc = &project.documents[0];
        let statement = doc.event(EventId(6)).expect("E6");
        let topics = role_candidates(&project, doc, statement, "topic");
        let events: Vec<&Candidate> = topics
            .iter()
            .filter(|c| matches!(c.filler, Filler::Event(_)))
            .collect();
        assert_eq!(events.len(), 1, "E5, not E6 itself");
        assert_eq!(events[0].filler, Filler::Event(EventId(5)));
        assert_eq!(events[0].argument, Some(0), "it fills the role already");
        assert!(events[0].allowed && events[0].words == "attaqué");
        // E5 cannot take E6 (which contains E5) as an argument of any role.
        let attack = doc.event(EventId(5)).expect("E5");
        let targets = role_candidates(&project, doc, attack, "target");
        assert!(
            targets
                .iter()
                .all(|c| c.filler != Filler::Event(EventId(6))),
            "no cycle offered"
        );
    }

    #[test]
    fn the_filter_ignores_case_and_accents_and_needs_every_word() {
        let project = sample();
        let doc = &project.documents[0];
        let attack = doc.event(EventId(5)).expect("E5");
        let all = role_candidates(&project, doc, attack, "place");
        let words = |filter: &str| -> Vec<String> {
            matching(&all, filter)
                .iter()
                .map(|c| c.words.clone())
                .collect()
        };
        assert_eq!(words("londres"), ["Londres"]);
        let around = ["Londres", "OSDH"];
        assert_eq!(words("ANNONCE"), around, "context counts, accents ignored");
        assert_eq!(words("palmyre matin"), ["Palmyre"]);
        assert!(words("palmyre londres").is_empty());
        assert_eq!(words("").len(), all.len());
    }

    #[test]
    fn an_event_may_fill_the_roles_of_others_that_take_its_type() {
        let project = sample();
        let doc = &project.documents[0];
        let attack = doc.event(EventId(5)).expect("E5");
        // E6 already has E5 as its topic: nothing left to fill there.
        assert!(parent_slots(&project, doc, attack).is_empty());
        let statement = doc.event(EventId(6)).expect("E6");
        // E5 cannot take its own container.
        assert!(parent_slots(&project, doc, statement).is_empty());

        let mut project = project;
        project.documents[0].events[1].arguments.clear();
        let doc = &project.documents[0];
        let attack = doc.event(EventId(5)).expect("E5");
        let slots = parent_slots(&project, doc, attack);
        assert_eq!(slots.len(), 1, "{slots:?}");
        assert_eq!(
            (slots[0].event, slots[0].role.as_str()),
            (EventId(6), "topic")
        );
        assert!(slots[0].text.starts_with("E6 "), "{}", slots[0].text);
    }
}
