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
