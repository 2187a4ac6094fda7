//! Everything the user can ask of the app, and the one table that names the plain
//! commands: their text, tooltip and shortcut drive the menus, the keyboard and the
//! command palette alike.
//!
//! Panels never act: they push [`Action`]s while drawing, and the app executes them
//! after the panels, where file dialogs may open and edits reach the history.

use crate::model::{AttrValue, DocStatus, EventId, Filler, Span};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// A command that needs no argument: menus, shortcuts and the palette list these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// Start an empty project with the default schema.
    NewProject,
    /// Choose a project file to open.
    Open,
    /// Save to the project's file (asks for one if it has none).
    Save,
    /// Save to a file the user chooses.
    SaveAs,
    /// Add plain-text articles to the project.
    ImportText,
    /// Leave the app.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Delete the selected mention or event.
    DeleteSelected,
    /// Show the next document.
    NextDocument,
    /// Show the previous document.
    PreviousDocument,
    /// Mark the document as not started.
    MarkNew,
    /// Mark the document as in progress.
    MarkInProgress,
    /// Mark the document as done.
    MarkDone,
    /// Add an event with no trigger to the document.
    AddEvent,
    /// Drop the text selection, the popup and the active role.
    Cancel,
    /// Show every command with its shortcut.
    CommandPalette,
}

impl UiCommand {
    /// Every command, in palette order.
    pub const ALL: [UiCommand; 17] = [
        UiCommand::NewProject,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::ImportText,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::DeleteSelected,
        UiCommand::NextDocument,
        UiCommand::PreviousDocument,
        UiCommand::MarkNew,
        UiCommand::MarkInProgress,
        UiCommand::MarkDone,
        UiCommand::AddEvent,
        UiCommand::Cancel,
        UiCommand::CommandPalette,
    ];

    /// Menu text and tooltip.
    pub fn text_and_tooltip(self) -> (&'static str, &'static str) {
        match self {
            UiCommand::NewProject => (
                "New project",
                "Start an empty project with the default schema",
            ),
            UiCommand::Open => ("Open…", "Open a project file (.ron)"),
            UiCommand::Save => ("Save", "Save the project to its file"),
            UiCommand::SaveAs => ("Save as…", "Save the project to a new file"),
            UiCommand::ImportText => (
                "Import text files…",
                "Add plain-text articles to the project",
            ),
            UiCommand::Quit => ("Quit", "Close eventail"),
            UiCommand::Undo => ("Undo", "Undo the last change"),
            UiCommand::Redo => ("Redo", "Redo the last undone change"),
            UiCommand::DeleteSelected => {
                ("Delete selected", "Delete the selected mention or event")
            }
            UiCommand::NextDocument => ("Next document", "Show the next document of the list"),
            UiCommand::PreviousDocument => (
                "Previous document",
                "Show the previous document of the list",
            ),
            UiCommand::MarkNew => ("Mark new", "Mark this document as not started"),
            UiCommand::MarkInProgress => ("Mark in progress", "Mark this document as in progress"),
            UiCommand::MarkDone => ("Mark done", "Mark this document as done"),
            UiCommand::AddEvent => (
                "Add event",
                "Add an event without trigger (select text first to use it as trigger)",
            ),
            UiCommand::Cancel => (
                "Cancel",
                "Drop the selection, the popup or the role being filled",
            ),
            UiCommand::CommandPalette => ("Command palette…", "Search every command"),
        }
    }

    /// The menu text.
    pub fn text(self) -> &'static str {
        self.text_and_tooltip().0
    }

    /// Keyboard shortcuts; the first is the one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        const fn cmd(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const fn cmd_shift(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
        }
        const fn alt(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::ALT, key)
        }
        const fn plain(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::NONE, key)
        }
        match self {
            UiCommand::NewProject => vec![cmd(Key::N)],
            UiCommand::Open => vec![cmd(Key::O)],
            UiCommand::Save => vec![cmd(Key::S)],
            UiCommand::SaveAs => vec![cmd_shift(Key::S)],
            UiCommand::ImportText => vec![cmd(Key::I)],
            UiCommand::Quit => vec![cmd(Key::Q)],
            UiCommand::Undo => vec![cmd(Key::Z)],
            UiCommand::Redo => vec![cmd_shift(Key::Z), cmd(Key::Y)],
            UiCommand::DeleteSelected => vec![plain(Key::Delete)],
            UiCommand::NextDocument => vec![alt(Key::ArrowDown), cmd(Key::PageDown)],
            UiCommand::PreviousDocument => vec![alt(Key::ArrowUp), cmd(Key::PageUp)],
            UiCommand::MarkNew => vec![alt(Key::Num1)],
            UiCommand::MarkInProgress => vec![alt(Key::Num2)],
            UiCommand::MarkDone => vec![alt(Key::Num3)],
            UiCommand::AddEvent => vec![cmd(Key::E)],
            UiCommand::Cancel => vec![plain(Key::Escape)],
            UiCommand::CommandPalette => vec![cmd_shift(Key::P)],
        }
    }

    /// True for commands that must not fire while the user types in a text field.
    pub fn needs_free_keyboard(self) -> bool {
        self.shortcuts()
            .first()
            .is_some_and(|s| s.modifiers.is_none())
    }
}

/// Something the user asked for while a panel was drawn, executed after the panels.
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
    /// Select a mention or an event (or nothing), scrolling to it when `scroll` is set.
    Select {
        /// What to select.
        target: Option<Filler>,
        /// Bring it into view.
        scroll: bool,
    },
    /// Tag the selected text with an entity type.
    TagSelection(String),
    /// Create an event of this type, with the selected text as trigger if any.
    AddEvent(String),
    /// Change the type of a mention.
    SetMentionType(crate::model::MentionId, String),
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
    /// Wait for a click on a highlight to fill this role of the event (or stop waiting).
    ActivateRole(Option<(EventId, String)>),
    /// Fill a role.
    AddArgument(EventId, String, Filler),
    /// Remove the argument at this index.
    RemoveArgument(EventId, usize),
    /// Change the status of a document.
    SetStatus(usize, DocStatus),
    /// Ask where, then export the project in this format.
    Export(super::transfer::ExportFormat),
    /// Ask for a doccano file, then open it as a new project.
    ImportDoccano,
    /// Ask for a brat collection folder, then open it as a new project.
    ImportBrat,
}
