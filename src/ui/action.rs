//! Everything the user can ask of the app. Panels and dialogs never act: they push
//! [`Action`]s while they are drawn, and the app handles them after the panels (in
//! `handle/`), the one place where files are read and written, dialogs open and edits
//! reach the history.

use super::command::UiCommand;
use super::file_dialog::FileAnswer;
use super::schema_editor::AttrTargets;
use super::state::Choice;
use crate::edit::relation_ops::MentionEnd;
use crate::edit::schema_ops::{InUse, TypeKind};
use crate::model::{
    AttrValue, Cardinality, DocStatus, EventId, Filler, MentionId, RelationId, Rgb, Span,
};
use std::path::PathBuf;

/// Something the user asked for while a panel was drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A command of the table.
    Command(UiCommand),
    /// Open this project file.
    OpenPath(PathBuf),
    /// Show the document at this index.
    ShowDocument(usize),
    /// Set (or clear) the text selection of the article.
    SelectText(Option<Span>),
    /// Close the tag popup (the selection stays, for the keyboard).
    ClosePopup,
    /// Select a mention or an event (or nothing), scrolling to it when `scroll` is set.
    Select {
        /// What to select.
        target: Option<Filler>,
        /// Bring it into view.
        scroll: bool,
    },
    /// Wait for a click on a highlight to fill this role of the event (or stop waiting).
    ActivateRole(Option<(EventId, String)>),
    /// Start, carry on or stop (`None`) making a relation with the mouse.
    SetLinking(Option<super::state::Linking>),
    /// A change to the annotations, made into an undoable edit.
    Edit(EditAction),
    /// The name written on new annotations.
    SetAnnotator(String),
    /// Show the frame time in the status bar, or not.
    ShowFrameTime(bool),
    /// Open the command palette with this query, or close it (`None`).
    SetPalette(Option<String>),
    /// The user answered the open dialog.
    Answer(Choice),
    /// The user chose files (or cancelled) in a file dialog.
    FilesChosen(FileAnswer),
    /// Stop the background job.
    CancelJob,
    /// Something about the comparison with a colleague's project.
    Review(ReviewAction),
    /// Something about the adjudication of a gold version.
    Adjudication(AdjudicationAction),
    /// The strategy of the next merge into a gold version (`all`, `majority`,
    /// `at-least-N`).
    SetMergeStrategy(String),
    /// Something the schema editor asks for.
    Schema(SchemaAction),
    /// Something about the search panel.
    Search(SearchAction),
    /// Something about the "Annotate all" dialog.
    AnnotateAll(AnnotateAllAction),
    /// Something about the Problems panel.
    Problems(ProblemsAction),
    /// Sort or filter the event table, show or hide its columns.
    EventTable(super::event_table::EventTableAction),
    /// Move the event table's cursor, open or close a cell's editor.
    TableCell(super::table_cursor::CellAction),
    /// Something the incidents view asks for.
    Incidents(super::incidents::IncidentsAction),
    /// Link an event to an incident, unlink it, or work the popup that does it.
    IncidentLink(super::incident_link::IncidentLinkAction),
}

/// What the Problems panel asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemsAction {
    /// List only problems of this kind (or of every kind).
    Filter(Option<crate::model::conformance::ProblemKind>),
    /// Show the listed problem at this index.
    Show(usize),
    /// Close the panel.
    Close,
}

/// What the schema editor asks for; each change becomes one undoable edit.
#[derive(Clone, Debug, PartialEq)]
pub enum SchemaAction {
    /// Add a type of this kind and name.
    AddType(TypeKind, String),
    /// Rename a type (old, new) everywhere.
    RenameType(TypeKind, String, String),
    /// Change what the user sees of a type (name, label).
    SetLabel(TypeKind, String, String),
    /// Delete a type: at once when unused, otherwise after asking.
    Delete(TypeKind, String),
    /// Delete a type in use, doing this with its annotations.
    ConfirmDelete(TypeKind, String, InUse),
    /// Keep the type the user asked to delete.
    CancelDelete,
    /// Set a type's colour.
    SetColour(TypeKind, String, Rgb),
    /// Set or clear a type's key.
    SetShortcut(TypeKind, String, Option<char>),
    /// Set a type's group (empty: none).
    SetGroup(TypeKind, String, String),
    /// Add a role (event type, role).
    AddRole(String, String),
    /// Rename a role (event type, old, new).
    RenameRole(String, String, String),
    /// Remove a role and its arguments (event type, role).
    RemoveRole(String, String),
    /// Set the types that may fill a role (event type, role, types).
    SetRoleFillers(String, String, Vec<String>),
    /// Set how many fillers a role takes (event type, role).
    SetRoleCardinality(String, String, Cardinality),
    /// Add an attribute: a flag (`true`) or a list of values.
    AddAttribute(String, bool),
    /// Remove an attribute from the schema and the annotations.
    RemoveAttribute(String),
    /// Add a value to an attribute (attribute, value).
    AddAttributeValue(String, String),
    /// Remove a value of an attribute (attribute, value).
    RemoveAttributeValue(String, String),
    /// Say where an attribute may be set.
    SetAttributeTargets(String, AttrTargets),
    /// Change the event dataset's mapping.
    Mapping(crate::edit::mapping_ops::MappingChange),
    /// Close the editor.
    Close,
}

/// What the search panel asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum SearchAction {
    /// Search for this text.
    SetQuery(String),
    /// Search with these options.
    SetOptions(crate::search::SearchOptions),
    /// Show the hit at this index: its document, its text selected.
    Show(usize),
    /// Close the panel.
    Close,
}

/// What the "Annotate all" dialog asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnotateAllAction {
    /// Tag as this entity type.
    SetType(String),
    /// Look in every document (or only the one the text was selected in).
    WholeProject(bool),
    /// Match whole words only, and case or not.
    Matching(crate::search::OccurrenceMatching),
    /// Tag (or skip) the occurrence at this index.
    Check(usize, bool),
    /// Tag (or skip) every occurrence.
    CheckAll(bool),
    /// Tag the checked occurrences, as one undoable edit.
    Apply,
    /// Close the dialog without tagging.
    Close,
}

/// What the adjudication panel asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdjudicationAction {
    /// Show the item at this index.
    Show(usize),
    /// Accept this version of the item shown.
    Accept(usize),
    /// Stop adjudicating.
    Close,
}

/// What the review panel asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewAction {
    /// Show the disagreement at this index in the text.
    Show(usize),
    /// List only this kind of difference (or every kind).
    Filter(Option<crate::review::DisagreementKind>),
    /// List only differences of this type or role (or of every type).
    FilterType(Option<String>),
    /// Stop comparing.
    Close,
    /// Show this tab of the review panel.
    Tab(super::review::ReviewTab),
    /// Sort the panel's tables so.
    Sort(super::review::TableSort),
    /// Show the document of this name.
    ShowDocumentNamed(String),
    /// Compare this pair of annotators (positions in the review's names; 0 is yours).
    ChoosePair(usize, usize),
}

/// A change to the annotations of the shown document; each becomes one undoable edit.
#[derive(Clone, Debug, PartialEq)]
pub enum EditAction {
    /// Tag the selected text with an entity type.
    TagSelection(String),
    /// Make the selected text the trigger of a new event of this type.
    AddEventFromSelection(String),
    /// Create an event of this type with the selected text as trigger, or none: only
    /// from an explicit command, never from a key pressed with nothing selected.
    AddEvent(String),
    /// Change the type of a mention.
    SetMentionType(MentionId, String),
    /// Change the type of an event.
    SetEventType(EventId, String),
    /// Make the selected text the trigger of the event.
    SetTriggerFromSelection(EventId),
    /// Make the event triggerless.
    ClearTrigger(EventId),
    /// Set the note of a mention or an event.
    SetNote(Filler, String),
    /// Set or clear an attribute.
    SetAttribute(Filler, String, Option<AttrValue>),
    /// Delete a mention or an event.
    Delete(Filler),
    /// Fill a role: the filler is added, or replaces the one there for a role that takes
    /// one (see [`crate::edit::role_ops::fill_role`]).
    AddArgument(EventId, String, Filler),
    /// A new event of this type on the trigger of an event (a shared trigger).
    AddEventOnTrigger(EventId, String),
    /// Remove the argument at this index.
    RemoveArgument(EventId, usize),
    /// Change the status of a document.
    SetStatus(usize, DocStatus),
    /// Link two annotations (first end, second end) with a relation of this type.
    AddRelation(Filler, Filler, String),
    /// Change the type of a relation.
    SetRelationType(RelationId, String),
    /// Delete a relation.
    DeleteRelation(RelationId),
    /// Add a range to a mention (making it discontinuous).
    AddRange(MentionId, Span),
    /// Remove the range at this index of a mention.
    RemoveRange(MentionId, usize),
    /// Move an end of a mention by a word: grow (`true`) or shrink.
    ResizeMention(MentionId, MentionEnd, bool),
    /// Keep one version of a merge conflict.
    ResolveConflict {
        /// The document's index.
        doc: usize,
        /// The conflict's index in the document.
        index: usize,
        /// Which version.
        pick: crate::edit::resolve::Pick,
    },
}

impl From<EditAction> for Action {
    fn from(edit: EditAction) -> Self {
        Action::Edit(edit)
    }
}
