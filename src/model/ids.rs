//! Identifiers of annotations inside one document.
//!
//! All three kinds draw from one counter per document ([`crate::model::Document::next_id`]),
//! so an id names exactly one annotation of a document, forever: it is never reused, even
//! after a deletion, which keeps git diffs and merges of two annotators' files readable.

use serde::{Deserialize, Serialize};

macro_rules! annotation_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

annotation_id!(
    /// A mention (a typed span of text), shown as `T12`.
    MentionId,
    "T"
);
annotation_id!(
    /// An event, shown as `E12`.
    EventId,
    "E"
);
annotation_id!(
    /// A relation between two annotations, shown as `R12`.
    RelationId,
    "R"
);
