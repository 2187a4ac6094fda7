//! The annotations of a document seen as one collection keyed by id, as the merge sees
//! them: all three kinds draw from one counter, so an id names one annotation of a
//! document whatever its kind.

use crate::model::{AnnotationRef, Document, Event, Filler, Mention, OtherVersion, Relation};
use std::collections::HashMap;

/// A mention, an event or a relation of a document, borrowed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Ann<'a> {
    /// A mention.
    Mention(&'a Mention),
    /// An event.
    Event(&'a Event),
    /// A relation.
    Relation(&'a Relation),
}

impl<'a> Ann<'a> {
    /// Its id.
    pub(super) fn id(self) -> u32 {
        self.target().id()
    }

    /// A reference to it.
    pub(super) fn target(self) -> AnnotationRef {
        match self {
            Ann::Mention(m) => AnnotationRef::Mention(m.id),
            Ann::Event(e) => AnnotationRef::Event(e.id),
            Ann::Relation(r) => AnnotationRef::Relation(r.id),
        }
    }

    /// What it refers to: an event's arguments, a relation's ends.
    pub(super) fn fillers(self) -> Vec<Filler> {
        match self {
            Ann::Mention(_) => Vec::new(),
            Ann::Event(e) => e.arguments.iter().map(|a| a.filler).collect(),
            Ann::Relation(r) => vec![r.arg1, r.arg2],
        }
    }

    /// True when `other` is the same kind of annotation.
    pub(super) fn same_kind(self, other: Ann<'_>) -> bool {
        std::mem::discriminant(&self.target()) == std::mem::discriminant(&other.target())
    }

    /// A copy of it, as a version set aside in a conflict.
    pub(super) fn to_other(self) -> OtherVersion {
        match self {
            Ann::Mention(m) => OtherVersion::Mention(m.clone()),
            Ann::Event(e) => OtherVersion::Event(e.clone()),
            Ann::Relation(r) => OtherVersion::Relation(r.clone()),
        }
    }

    /// Its type's name.
    pub(super) fn type_name(self) -> &'a str {
        match self {
            Ann::Mention(m) => &m.entity_type,
            Ann::Event(e) => &e.event_type,
            Ann::Relation(r) => &r.relation_type,
        }
    }
}

/// Every annotation of `doc`: mentions, then events, then relations.
pub(super) fn annotations(doc: &Document) -> impl Iterator<Item = Ann<'_>> {
    let mentions = doc.mentions.iter().map(Ann::Mention);
    let events = doc.events.iter().map(Ann::Event);
    mentions
        .chain(events)
        .chain(doc.relations.iter().map(Ann::Relation))
}

/// The annotations of `doc` by id; of two with one id (a file that does not validate),
/// the last.
pub(super) fn by_id(doc: &Document) -> HashMap<u32, Ann<'_>> {
    annotations(doc).map(|a| (a.id(), a)).collect()
}

/// The annotation `target` of `doc`, if it has one of that kind with that id.
pub(super) fn find(doc: &Document, target: AnnotationRef) -> Option<Ann<'_>> {
    match target {
        AnnotationRef::Mention(id) => doc.mention(id).map(Ann::Mention),
        AnnotationRef::Event(id) => doc.event(id).map(Ann::Event),
        AnnotationRef::Relation(id) => doc.relation(id).map(Ann::Relation),
    }
}
