//! What a gold project remembers about how it was built: for each unit that the
//! annotators proposed (a mention, an event, one argument, a relation, described by
//! what it is rather than by an id, since every annotator numbers their own), whether it
//! was taken because they agreed, accepted or rejected by the adjudicator, and who had
//! it. A merge run again skips every unit that has a decision, so it never touches
//! adjudicated work, and a rejection counts as progress like an acceptance.

use super::span::Span;
use serde::{Deserialize, Serialize};

/// A mention or an event as a filler of an argument or a relation end, described by
/// what it is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnitFiller {
    /// A mention: its entity type and ranges.
    Mention {
        /// Entity type.
        entity_type: String,
        /// Ranges.
        ranges: Vec<Span>,
    },
    /// An event: its type and trigger ranges.
    Event {
        /// Event type.
        event_type: String,
        /// Trigger ranges.
        trigger: Vec<Span>,
    },
}

/// One thing an annotator proposed, described by what it is, so that the same thing
/// in several annotators' projects (with different ids) is one unit.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// A mention.
    Mention {
        /// Entity type.
        entity_type: String,
        /// Ranges.
        ranges: Vec<Span>,
    },
    /// An event, by its type and trigger (its arguments are units of their own).
    Event {
        /// Event type.
        event_type: String,
        /// Trigger ranges.
        trigger: Vec<Span>,
    },
    /// One argument of an event: events are adjudicated role by role.
    Argument {
        /// The event's type.
        event_type: String,
        /// The event's trigger ranges.
        trigger: Vec<Span>,
        /// The role, without trailing digits (`Theme2` is `Theme`).
        role: String,
        /// What fills it.
        filler: UnitFiller,
    },
    /// A relation.
    Relation {
        /// Relation type.
        relation_type: String,
        /// First end.
        arg1: UnitFiller,
        /// Second end.
        arg2: UnitFiller,
    },
}

/// How a unit came to be in the gold project, or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// Enough annotators had it under the merge strategy: taken without asking.
    Agreed,
    /// The adjudicator took it.
    Accepted,
    /// The adjudicator left it out.
    Rejected,
}

/// The decision on one unit of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// What was decided on.
    pub unit: Unit,
    /// What was decided.
    pub verdict: Verdict,
    /// The annotators who had the unit, in the order their projects were given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Who decided (the merge strategy's name for [`Verdict::Agreed`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed: String,
}

impl UnitFiller {
    /// The ranges that locate it in the text: a mention's ranges, an event's trigger.
    pub fn ranges(&self) -> &[Span] {
        match self {
            UnitFiller::Mention { ranges, .. } => ranges,
            UnitFiller::Event { trigger, .. } => trigger,
        }
    }
}

impl From<UnitFiller> for Unit {
    /// The mention or event unit that fills an argument or a relation end.
    fn from(filler: UnitFiller) -> Self {
        match filler {
            UnitFiller::Mention {
                entity_type,
                ranges,
            } => Unit::Mention {
                entity_type,
                ranges,
            },
            UnitFiller::Event {
                event_type,
                trigger,
            } => Unit::Event {
                event_type,
                trigger,
            },
        }
    }
}

impl Unit {
    /// A mention or an event unit as a filler of arguments and relation ends; `None`
    /// for an argument or a relation.
    pub fn as_filler(&self) -> Option<UnitFiller> {
        match self {
            Unit::Mention {
                entity_type,
                ranges,
            } => Some(UnitFiller::Mention {
                entity_type: entity_type.clone(),
                ranges: ranges.clone(),
            }),
            Unit::Event {
                event_type,
                trigger,
            } => Some(UnitFiller::Event {
                event_type: event_type.clone(),
                trigger: trigger.clone(),
            }),
            Unit::Argument { .. } | Unit::Relation { .. } => None,
        }
    }

    /// Every range the unit names: a mention's ranges, an event's trigger, an
    /// argument's trigger and filler, a relation's two ends.
    pub fn all_ranges(&self) -> impl Iterator<Item = &Span> {
        let (first, second): (&[Span], &[Span]) = match self {
            Unit::Mention { ranges, .. } => (ranges, &[]),
            Unit::Event { trigger, .. } => (trigger, &[]),
            Unit::Argument {
                trigger, filler, ..
            } => (trigger, filler.ranges()),
            Unit::Relation { arg1, arg2, .. } => (arg1.ranges(), arg2.ranges()),
        };
        first.iter().chain(second)
    }
}

/// `12-18,20-24`.
fn ranges_text(ranges: &[Span]) -> String {
    ranges
        .iter()
        .map(|r| format!("{}-{}", r.start, r.end))
        .collect::<Vec<_>>()
        .join(",")
}

impl std::fmt::Display for UnitFiller {
    /// `mention person 12-18`, `event attack 6-13`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnitFiller::Mention {
                entity_type,
                ranges,
            } => write!(f, "mention {entity_type} {}", ranges_text(ranges)),
            UnitFiller::Event {
                event_type,
                trigger,
            } => write!(f, "event {event_type} {}", ranges_text(trigger)),
        }
    }
}

impl std::fmt::Display for Unit {
    /// `mention person 12-18`, `argument agent of event capture 6-11: mention
    /// armed_group 0-5`, `relation part_of: mention site 3-9 → mention place 12-18`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unit::Mention {
                entity_type,
                ranges,
            } => write!(f, "mention {entity_type} {}", ranges_text(ranges)),
            Unit::Event {
                event_type,
                trigger,
            } => write!(f, "event {event_type} {}", ranges_text(trigger)),
            Unit::Argument {
                event_type,
                trigger,
                role,
                filler,
            } => write!(
                f,
                "argument {role} of event {event_type} {}: {filler}",
                ranges_text(trigger)
            ),
            Unit::Relation {
                relation_type,
                arg1,
                arg2,
            } => write!(f, "relation {relation_type}: {arg1} → {arg2}"),
        }
    }
}

/// `decisions` (sorted by unit, one per unit) with `new` ones recorded: a decision on a
/// unit that already has one replaces it (the later of two new ones on one unit wins).
/// Linear after sorting `new`, so that a merge recording thousands of decisions does not
/// shift the list once per decision.
pub fn record_decisions(decisions: Vec<Decision>, mut new: Vec<Decision>) -> Vec<Decision> {
    new.sort_by(|a, b| a.unit.cmp(&b.unit));
    let mut merged = Vec::with_capacity(decisions.len() + new.len());
    let mut old = decisions.into_iter().peekable();
    let mut new = new.into_iter().peekable();
    while let Some(next) = new.next() {
        if new.peek().is_some_and(|later| later.unit == next.unit) {
            continue;
        }
        while let Some(o) = old.next_if(|o| o.unit < next.unit) {
            merged.push(o);
        }
        old.next_if(|o| o.unit == next.unit);
        merged.push(next);
    }
    merged.extend(old);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(start: usize, verdict: Verdict) -> Decision {
        Decision {
            unit: Unit::Mention {
                entity_type: "person".into(),
                ranges: vec![Span::new(start, start + 1)],
            },
            verdict,
            sources: Vec::new(),
            author: String::new(),
            changed: String::new(),
        }
    }

    #[test]
    fn recorded_decisions_stay_sorted_and_replace_older_ones() {
        let old = vec![decision(1, Verdict::Agreed), decision(5, Verdict::Agreed)];
        let new = vec![
            decision(7, Verdict::Accepted),
            decision(5, Verdict::Accepted),
            decision(0, Verdict::Rejected),
            decision(5, Verdict::Rejected),
        ];
        let merged = record_decisions(old, new);
        let got: Vec<(usize, Verdict)> = merged
            .iter()
            .map(|d| (d.unit.all_ranges().next().map_or(0, |r| r.start), d.verdict))
            .collect();
        assert_eq!(
            got,
            [
                (0, Verdict::Rejected),
                (1, Verdict::Agreed),
                (5, Verdict::Rejected),
                (7, Verdict::Accepted)
            ]
        );
    }
}
