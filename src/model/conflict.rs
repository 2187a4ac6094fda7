//! A merge conflict kept in the project: two different edits of the same annotation by
//! two people. The merged file holds one version in place and the other here, so that it
//! is still a valid project that eventail opens, nothing is lost, `eventail validate`
//! names each conflict and the app lets the user pick.

use super::annotation::{AnnotationRef, Event, Mention, Relation};
use serde::{Deserialize, Serialize};

/// The version of an annotation that is not in place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OtherVersion {
    /// The other side deleted the annotation.
    Deleted,
    /// The other side's mention.
    Mention(Mention),
    /// The other side's event.
    Event(Event),
    /// The other side's relation.
    Relation(Relation),
}

/// Two versions of one annotation: the one in the document (absent if that side deleted
/// it) and `other`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The annotation in conflict; the document holds one version under this id, or
    /// none when that side deleted it.
    pub target: AnnotationRef,
    /// Whose version is in the document (a branch or an annotator's name).
    pub kept: String,
    /// Whose version `other` is.
    pub other_side: String,
    /// The version that is not in place.
    pub other: OtherVersion,
}
