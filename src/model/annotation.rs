//! Mentions, events and relations: what annotators create.

use super::ids::{EventId, MentionId, RelationId};
use super::reading;
use super::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of one attribute of an annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttrValue {
    /// A boolean attribute that is set (unset attributes are absent).
    Flag,
    /// One of the attribute's listed values, or free text (a normalised date).
    Value(String),
}

/// Attributes by name; ordered so that the file is deterministic.
pub type Attributes = BTreeMap<String, AttrValue>;

/// A typed piece of text: a person, a place, a date...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Stable id inside the document.
    #[serde(deserialize_with = "reading::annotation_id")]
    pub id: MentionId,
    /// Name of an entity type of the schema.
    pub entity_type: String,
    /// One range, or several for a discontinuous mention; sorted, never overlapping.
    #[serde(deserialize_with = "reading::compact")]
    pub ranges: Vec<Span>,
    /// Attributes set on the mention.
    #[serde(
        default,
        deserialize_with = "reading::attributes",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub attributes: Attributes,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When it was last changed (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed: String,
    /// In a gold project, the annotators who had it (see [`super::adjudication`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Mention {
    /// The smallest span that holds all the mention's ranges.
    pub fn extent(&self) -> Span {
        let start = self.ranges.iter().map(|r| r.start).min().unwrap_or(0);
        let end = self.ranges.iter().map(|r| r.end).max().unwrap_or(0);
        Span::new(start, end)
    }
}

/// What fills a role of an event or an end of a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Filler {
    /// A mention of the same document.
    Mention(MentionId),
    /// Another event of the same document (nested events).
    Event(EventId),
}

impl Filler {
    /// The id of the annotation, whatever its kind.
    pub fn id(self) -> u32 {
        match self {
            Filler::Mention(id) => id.0,
            Filler::Event(id) => id.0,
        }
    }

    /// The same kind of filler with the id `id`.
    pub fn with_id(self, id: u32) -> Self {
        match self {
            Filler::Mention(_) => Filler::Mention(MentionId(id)),
            Filler::Event(_) => Filler::Event(EventId(id)),
        }
    }
}

impl std::fmt::Display for Filler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Filler::Mention(id) => id.fmt(f),
            Filler::Event(id) => id.fmt(f),
        }
    }
}

/// One argument of an event: a role and what fills it. A role may appear several times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleArg {
    /// Name of a role of the event's type.
    pub role: String,
    /// The argument.
    pub filler: Filler,
}

/// Something that happened: who did what to whom, where and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id inside the document.
    #[serde(deserialize_with = "reading::annotation_id")]
    pub id: EventId,
    /// Name of an event type of the schema.
    pub event_type: String,
    /// The words that express the event; empty when no single word does.
    #[serde(
        default,
        deserialize_with = "reading::compact",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub trigger: Vec<Span>,
    /// Role arguments, in the order the annotator added them.
    #[serde(
        default,
        deserialize_with = "reading::compact",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub arguments: Vec<RoleArg>,
    /// Attributes: polarity, certainty, tense, normalised date...
    #[serde(
        default,
        deserialize_with = "reading::attributes",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub attributes: Attributes,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When it was last changed (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed: String,
    /// In a gold project, the annotators who had it (see [`super::adjudication`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A typed, directed link between two annotations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Stable id inside the document.
    #[serde(deserialize_with = "reading::annotation_id")]
    pub id: RelationId,
    /// Name of a relation type of the schema.
    pub relation_type: String,
    /// First argument.
    pub arg1: Filler,
    /// Second argument.
    pub arg2: Filler,
    /// Attributes set on the relation.
    #[serde(
        default,
        deserialize_with = "reading::attributes",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub attributes: Attributes,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who last changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// When it was last changed (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed: String,
    /// In a gold project, the annotators who had it (see [`super::adjudication`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Relation {
    /// True when either end is `filler`.
    pub fn involves(&self, filler: Filler) -> bool {
        self.arg1 == filler || self.arg2 == filler
    }
}

/// Any annotation of a document: what a normalisation or a typed comment is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AnnotationRef {
    /// A mention.
    Mention(MentionId),
    /// An event.
    Event(EventId),
    /// A relation.
    Relation(RelationId),
}

impl From<Filler> for AnnotationRef {
    fn from(filler: Filler) -> Self {
        match filler {
            Filler::Mention(id) => AnnotationRef::Mention(id),
            Filler::Event(id) => AnnotationRef::Event(id),
        }
    }
}

impl AnnotationRef {
    /// The id of the annotation, whatever its kind.
    pub fn id(self) -> u32 {
        match self {
            AnnotationRef::Mention(id) => id.0,
            AnnotationRef::Event(id) => id.0,
            AnnotationRef::Relation(id) => id.0,
        }
    }

    /// The same kind of reference with the id `id`.
    pub fn with_id(self, id: u32) -> Self {
        match self {
            AnnotationRef::Mention(_) => AnnotationRef::Mention(MentionId(id)),
            AnnotationRef::Event(_) => AnnotationRef::Event(EventId(id)),
            AnnotationRef::Relation(_) => AnnotationRef::Relation(RelationId(id)),
        }
    }
}

impl std::fmt::Display for AnnotationRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnnotationRef::Mention(id) => id.fmt(f),
            AnnotationRef::Event(id) => id.fmt(f),
            AnnotationRef::Relation(id) => id.fmt(f),
        }
    }
}

/// Annotations that all denote the same thing (brat's `*\tEquiv T1 T2 T3`): a
/// symmetric and transitive relation, stored as one group instead of pairwise links.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Equivalence {
    /// Name of a relation type of the schema (`Equiv`, `Alias`...).
    pub relation_type: String,
    /// The annotations that are equivalent: two or more, in the order given.
    pub members: Vec<Filler>,
}

/// A link from an annotation to an entry of an external resource (brat's `N` lines:
/// `N1\tReference T1 Wikipedia:534366\tBarack Obama`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Normalization {
    /// The annotation normalised.
    pub target: AnnotationRef,
    /// The resource: `Wikipedia`, `GeoNames`, `UniProt`...
    pub resource: String,
    /// The entry's id in the resource.
    pub id: String,
    /// The entry's name, as shown to the user.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A typed remark on an annotation other than its note (brat's `#` lines of a type
/// other than the first `AnnotatorNotes`, such as TDT's `Lemma`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// The annotation commented.
    pub target: AnnotationRef,
    /// The kind of comment (`Lemma`, `AnnotatorNotes`...).
    pub kind: String,
    /// The comment, one line.
    pub text: String,
}
