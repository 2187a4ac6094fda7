//! The one table of the commands that need no argument: their text, tooltip and
//! shortcuts drive the menus, the keyboard and the command palette alike, and the
//! import and export commands come from the table of formats.

use crate::formats::Format;
use egui::{Key, KeyboardShortcut, Modifiers};

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
    /// Import files in a format: text into the open project, the others as a new one.
    Import(Format),
    /// Export the project in a format.
    Export(Format),
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
    /// Add an event of the first type, with the selected text as trigger or none.
    AddEvent,
    /// Drop the text selection, the popup and the active role.
    Cancel,
    /// Show every command with its shortcut.
    CommandPalette,
    /// Compare the project with a colleague's version of the same articles.
    CompareWith,
    /// Show the next disagreement with the colleague's project.
    NextDisagreement,
    /// Show the previous disagreement with the colleague's project.
    PreviousDisagreement,
    /// Build a gold version from annotators' projects (or bring the open one up to
    /// date with them).
    BuildGold,
    /// Put this version (0 is A) of the item shown into the gold version.
    AcceptVersion(usize),
    /// Accept version A of the item shown and select it, to change it.
    EditItem,
    /// Reject every version of the item shown.
    RejectItem,
    /// Open the schema editor.
    EditSchema,
    /// Write the project's schema to a file of its own.
    SaveSchemaAs,
    /// Load a schema file into the project (keeping what annotations use).
    LoadSchema,
    /// Load brat's annotation.conf (with visual.conf and kb_shortcuts.conf) as the schema.
    ImportBratSchema,
    /// Open the search panel and put the keyboard in its field.
    Search,
    /// Tag every occurrence of the selected text as one type, after a preview.
    AnnotateAll,
    /// Open (or close) the list of what does not fit the schema.
    Problems,
    /// Open (or close) the incidents view: the project's incidents, as a table or on a
    /// timeline, with the selected one's detail.
    Incidents,
    /// Link the selected annotation to the highlight clicked next, with a relation.
    LinkSelected,
    /// Take the next word into the selected mention.
    GrowEnd,
    /// Let go of the last word of the selected mention.
    ShrinkEnd,
    /// Take the previous word into the selected mention.
    GrowStart,
    /// Let go of the first word of the selected mention.
    ShrinkStart,
    /// Link the selected event to an incident, chosen from a ranked list.
    LinkToIncident,
    /// Accept the date suggested for the selected date mention (or the selected event's
    /// time argument).
    AcceptDate,
}

/// A format's menu label without its ellipsis, to go inside a sentence that has one.
fn bare(label: &str) -> &str {
    label.trim_end_matches('…')
}

impl UiCommand {
    /// Every command, in palette order.
    pub fn all() -> Vec<UiCommand> {
        let mut all = vec![
            UiCommand::NewProject,
            UiCommand::Open,
            UiCommand::Save,
            UiCommand::SaveAs,
        ];
        all.extend(Self::imports());
        all.extend(Self::exports());
        all.extend([
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
            UiCommand::Search,
            UiCommand::AnnotateAll,
            UiCommand::Problems,
            UiCommand::Incidents,
            UiCommand::LinkSelected,
            UiCommand::LinkToIncident,
            UiCommand::AcceptDate,
            UiCommand::GrowEnd,
            UiCommand::ShrinkEnd,
            UiCommand::GrowStart,
            UiCommand::ShrinkStart,
            UiCommand::Cancel,
            UiCommand::CommandPalette,
            UiCommand::CompareWith,
            UiCommand::NextDisagreement,
            UiCommand::PreviousDisagreement,
            UiCommand::BuildGold,
        ]);
        all.extend(Self::accepts());
        all.extend([UiCommand::EditItem, UiCommand::RejectItem]);
        all.extend(Self::schema_commands());
        all
    }

    /// The commands of the Schema menu.
    pub fn schema_commands() -> [UiCommand; 4] {
        [
            UiCommand::EditSchema,
            UiCommand::SaveSchemaAs,
            UiCommand::LoadSchema,
            UiCommand::ImportBratSchema,
        ]
    }

    /// The commands that accept a version of the item shown: A, B and C have keys.
    pub fn accepts() -> impl Iterator<Item = UiCommand> {
        (0..3).map(UiCommand::AcceptVersion)
    }

    /// The import commands, one per format that imports.
    pub fn imports() -> impl Iterator<Item = UiCommand> {
        Format::ALL
            .into_iter()
            .filter(|f| f.imports())
            .map(UiCommand::Import)
    }

    /// The export commands, one per format that exports.
    pub fn exports() -> impl Iterator<Item = UiCommand> {
        Format::ALL
            .into_iter()
            .filter(|f| f.exports())
            .map(UiCommand::Export)
    }

    /// Menu text.
    pub fn text(self) -> String {
        let fixed = match self {
            UiCommand::NewProject => "New project",
            UiCommand::Open => "Open…",
            UiCommand::Save => "Save",
            UiCommand::SaveAs => "Save as…",
            UiCommand::Import(Format::Text) => "Import text files…",
            UiCommand::Import(format) => {
                return format!("Import {} as a new project…", bare(format.label()));
            }
            UiCommand::Export(format) => return format!("Export as {}…", bare(format.label())),
            UiCommand::Quit => "Quit",
            UiCommand::Undo => "Undo",
            UiCommand::Redo => "Redo",
            UiCommand::DeleteSelected => "Delete selected",
            UiCommand::NextDocument => "Next document",
            UiCommand::PreviousDocument => "Previous document",
            UiCommand::MarkNew => "Mark new",
            UiCommand::MarkInProgress => "Mark in progress",
            UiCommand::MarkDone => "Mark done",
            UiCommand::AddEvent => "Add event",
            UiCommand::Cancel => "Cancel",
            UiCommand::CommandPalette => "Command palette…",
            UiCommand::CompareWith => "Compare with a colleague's project…",
            UiCommand::NextDisagreement => "Next disagreement",
            UiCommand::PreviousDisagreement => "Previous disagreement",
            UiCommand::BuildGold => "Build a gold version…",
            UiCommand::AcceptVersion(v) => {
                return format!(
                    "Accept version {}",
                    super::adjudication_ui::version_letter(v)
                );
            }
            UiCommand::EditItem => "Edit",
            UiCommand::RejectItem => "Reject all",
            UiCommand::EditSchema => "Edit schema…",
            UiCommand::SaveSchemaAs => "Save schema as…",
            UiCommand::LoadSchema => "Load schema…",
            UiCommand::ImportBratSchema => "Import brat annotation.conf as schema…",
            UiCommand::Search => "Search…",
            UiCommand::AnnotateAll => "Annotate all occurrences…",
            UiCommand::Problems => "Problems",
            UiCommand::Incidents => "Incidents",
            UiCommand::LinkSelected => "Link to…",
            UiCommand::GrowEnd => "Grow mention by a word",
            UiCommand::ShrinkEnd => "Shrink mention by a word",
            UiCommand::GrowStart => "Grow mention start by a word",
            UiCommand::ShrinkStart => "Shrink mention start by a word",
            UiCommand::LinkToIncident => "Link event to incident…",
            UiCommand::AcceptDate => "Accept suggested date",
        };
        fixed.to_string()
    }

    /// Tooltip: what the command does.
    pub fn tooltip(self) -> String {
        let fixed = match self {
            UiCommand::NewProject => "Start an empty project with the default schema",
            UiCommand::Open => "Open a project file (.ron)",
            UiCommand::Save => "Save the project to its file",
            UiCommand::SaveAs => "Save the project to a new file",
            UiCommand::Import(Format::Text) => "Add plain-text articles to the project",
            UiCommand::Import(format) | UiCommand::Export(format) => format.description(),
            UiCommand::Quit => "Close eventail",
            UiCommand::Undo => "Undo the last change",
            UiCommand::Redo => "Redo the last undone change",
            UiCommand::DeleteSelected => "Delete the selected mention or event",
            UiCommand::NextDocument => "Show the next document of the list",
            UiCommand::PreviousDocument => "Show the previous document of the list",
            UiCommand::MarkNew => "Mark this document as not started",
            UiCommand::MarkInProgress => "Mark this document as in progress",
            UiCommand::MarkDone => "Mark this document as done",
            UiCommand::AddEvent => {
                "Add an event; the selected text becomes its trigger, or it has none"
            }
            UiCommand::Cancel => "Drop the selection, the popup or the role being filled",
            UiCommand::CommandPalette => "Search every command",
            UiCommand::CompareWith => {
                "Open another annotator's project of the same articles: agreement figures \
                 and every disagreement"
            }
            UiCommand::NextDisagreement => "Show the next difference with the colleague's project",
            UiCommand::PreviousDisagreement => {
                "Show the previous difference with the colleague's project"
            }
            UiCommand::BuildGold => {
                "Merge annotators' projects into a gold version: what enough of them agree on \
                 is taken (Review > Merge strategy), the rest is adjudicated item by item"
            }
            UiCommand::AcceptVersion(_) => {
                "Put this version of the item shown into the gold version; the others are \
                 rejected"
            }
            UiCommand::EditItem => {
                "Accept version A of the item shown and select it, to change its type, \
                 boundaries or arguments"
            }
            UiCommand::RejectItem => {
                "None of the versions goes into the gold version (recorded, like an \
                 acceptance)"
            }
            UiCommand::EditSchema => {
                "Entity, event and relation types, roles, attributes, colours and keys, \
                 with a legend of their counts"
            }
            UiCommand::SaveSchemaAs => "Write the schema to a file, to share a codebook",
            UiCommand::LoadSchema => {
                "Take a schema file's types; those the annotations use and it lacks are kept"
            }
            UiCommand::ImportBratSchema => {
                "Take the types of a brat annotation.conf (colours from visual.conf, keys \
                 from kb_shortcuts.conf); those the annotations use and it lacks are kept"
            }
            UiCommand::Search => {
                "Find text (plain or regular expression, ignoring case and accents) or \
                 annotations of a type; click a hit to show it"
            }
            UiCommand::AnnotateAll => {
                "Tag every occurrence of the selected text as one type, after a preview \
                 of each (one undoable step)"
            }
            UiCommand::Problems => {
                "List what does not fit the schema (missing required roles, fillers of the \
                 wrong type, values not in their list); click one to show it"
            }
            UiCommand::Incidents => {
                "The real-world events the articles report: a sortable table and a timeline; \
                 edit one, choose between its reports' values, merge, split"
            }
            UiCommand::LinkSelected => {
                "Link the selected mention to another: click its highlight, then choose the \
                 relation's type"
            }
            UiCommand::GrowEnd => "Take the next word into the selected mention",
            UiCommand::ShrinkEnd => "Let go of the last word of the selected mention",
            UiCommand::GrowStart => "Take the previous word into the selected mention",
            UiCommand::ShrinkStart => "Let go of the first word of the selected mention",
            UiCommand::LinkToIncident => {
                "Say which real-world incident the selected event reports: the incidents \
                 of the project ranked by type, date, places and actors, or a new one"
            }
            UiCommand::AcceptDate => {
                "Set the normalised date of the selected date mention (or of the selected \
                 event's time argument) to the date read from its words"
            }
        };
        fixed.to_string()
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
        const fn shift(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::SHIFT, key)
        }
        const fn plain(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::NONE, key)
        }
        match self {
            UiCommand::NewProject => vec![cmd(Key::N)],
            UiCommand::Open => vec![cmd(Key::O)],
            UiCommand::Save => vec![cmd(Key::S)],
            UiCommand::SaveAs => vec![cmd_shift(Key::S)],
            UiCommand::Import(Format::Text) => vec![cmd(Key::I)],
            UiCommand::Import(_) | UiCommand::Export(_) => vec![],
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
            UiCommand::CompareWith => vec![cmd_shift(Key::R)],
            UiCommand::NextDisagreement => vec![plain(Key::F8)],
            UiCommand::PreviousDisagreement => {
                vec![KeyboardShortcut::new(Modifiers::SHIFT, Key::F8)]
            }
            UiCommand::BuildGold => vec![cmd_shift(Key::G)],
            UiCommand::AcceptVersion(0) => vec![cmd(Key::Num1)],
            UiCommand::AcceptVersion(1) => vec![cmd(Key::Num2)],
            UiCommand::AcceptVersion(2) => vec![cmd(Key::Num3)],
            UiCommand::AcceptVersion(_) => vec![],
            UiCommand::EditItem => vec![plain(Key::F2)],
            UiCommand::RejectItem => vec![cmd(Key::Num0)],
            UiCommand::EditSchema
            | UiCommand::SaveSchemaAs
            | UiCommand::LoadSchema
            | UiCommand::ImportBratSchema => vec![],
            UiCommand::Search => vec![cmd(Key::F)],
            UiCommand::AnnotateAll => vec![cmd_shift(Key::A)],
            UiCommand::Problems => vec![cmd_shift(Key::W)],
            UiCommand::Incidents => vec![cmd_shift(Key::I)],
            UiCommand::LinkSelected => vec![cmd(Key::L)],
            UiCommand::GrowEnd => vec![shift(Key::ArrowRight)],
            UiCommand::ShrinkEnd => vec![shift(Key::ArrowLeft)],
            UiCommand::GrowStart => vec![cmd_shift(Key::ArrowLeft)],
            UiCommand::ShrinkStart => vec![cmd_shift(Key::ArrowRight)],
            UiCommand::LinkToIncident => vec![cmd_shift(Key::L)],
            UiCommand::AcceptDate => vec![cmd(Key::D)],
        }
    }

    /// The first shortcut as the platform writes it (`Ctrl+S`), or empty when none.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// True for commands that must not fire while the user types in a text field: plain
    /// keys, and the ones that move a mention's ends (a field selects with them).
    pub fn needs_free_keyboard(self) -> bool {
        matches!(
            self,
            UiCommand::GrowEnd
                | UiCommand::ShrinkEnd
                | UiCommand::GrowStart
                | UiCommand::ShrinkStart
        ) || self
            .shortcuts()
            .first()
            .is_some_and(|s| s.modifiers.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_or_a_text() {
        let all = UiCommand::all();
        let mut shortcuts: Vec<KeyboardShortcut> = all.iter().flat_map(|c| c.shortcuts()).collect();
        let count = shortcuts.len();
        shortcuts.sort_by_key(|s| format!("{s:?}"));
        shortcuts.dedup();
        assert_eq!(shortcuts.len(), count);
        let mut texts: Vec<String> = all.iter().map(|c| c.text()).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(texts.len(), all.len());
    }

    #[test]
    fn every_format_that_imports_or_exports_has_its_command() {
        for format in Format::ALL {
            let all = UiCommand::all();
            assert_eq!(all.contains(&UiCommand::Import(format)), format.imports());
            assert_eq!(all.contains(&UiCommand::Export(format)), format.exports());
        }
    }
}
