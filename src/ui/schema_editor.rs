//! What the schema editor remembers between frames: whether it is open and the deletion
//! that waits for the user to say what becomes of the annotations that use the type.
//! The schema itself is the project's, changed only through edits.

use crate::edit::schema_ops::TypeKind;

/// The open schema editor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SchemaEditor {
    /// A type in use that the user asked to delete: the dialog asks what to do.
    pub delete: Option<PendingDelete>,
}

/// A deletion waiting for an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingDelete {
    /// Which kind of type.
    pub kind: TypeKind,
    /// Its name.
    pub name: String,
    /// How many annotations use it.
    pub uses: usize,
}

/// Where an attribute may be set, as the editor offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrTargets {
    /// On every mention, event and relation.
    Both,
    /// On mentions (every entity type).
    Mentions,
    /// On events (every event type).
    Events,
}

impl AttrTargets {
    /// The three choices, in menu order.
    pub const ALL: [AttrTargets; 3] = [
        AttrTargets::Both,
        AttrTargets::Mentions,
        AttrTargets::Events,
    ];

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            AttrTargets::Both => "mentions and events",
            AttrTargets::Mentions => "mentions",
            AttrTargets::Events => "events",
        }
    }
}
