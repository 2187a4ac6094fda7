//! Handling what the panels asked for: the one place where the project changes (through
//! the session), files are read and written, file dialogs open, locks are taken and
//! background jobs start or stop.

mod adjudicate;
mod edits;
mod files;
mod incident_links;
mod incidents;
mod problems;
mod reading;
mod review;
mod schema;
mod search;
mod transfer;

use super::action::{Action, EditAction};
use super::app::EventailApp;
use super::command::UiCommand;
use super::file_dialog::{FilePurpose, FileRequest};
use super::state::Pending;
use super::table_cursor::CellAction;
use crate::edit::relation_ops::MentionEnd;
use crate::formats::Format;
use crate::model::{DocStatus, Filler};

impl EventailApp {
    /// Carries out one action.
    pub(super) fn handle(&mut self, action: Action) {
        if let Some(to_come) = self.session.documents_to_come()
            && !reading::allowed_while_reading(&action)
        {
            self.view.status =
                format!("Still reading the other {to_come} documents: try again in a moment");
            return;
        }
        match action {
            Action::Command(command) => self.command(command),
            Action::OpenPath(path) => self.confirm_then(Pending::OpenPath(path)),
            Action::ShowDocument(index) => self.show_document(index),
            Action::SelectText(selection) => {
                self.view.selection = selection;
                self.view.popup = None;
            }
            Action::ClosePopup => self.view.popup = None,
            Action::Select { target, scroll } => self.select(target, scroll),
            Action::ActivateRole(role) => {
                self.view.linking = None;
                self.view.active_role = role;
            }
            Action::SetLinking(linking) => self.set_linking(linking),
            Action::SetAnnotator(name) => self.settings.annotator = name,
            Action::ShowFrameTime(shown) => self.view.show_frame_time = shown,
            Action::SetPalette(query) => self.view.palette = query,
            Action::Answer(choice) => self.answer(choice),
            Action::FilesChosen(answer) => self.files_chosen(answer),
            Action::CancelJob => self.cancel_job(),
            Action::Review(review) => self.review_action(review),
            Action::Adjudication(action) => self.adjudication_action(action),
            Action::SetMergeStrategy(strategy) => self.settings.merge_strategy = strategy,
            Action::Edit(edit) => self.edit(edit),
            Action::Schema(action) => self.schema_action(action),
            Action::Search(action) => self.search_action(action),
            Action::AnnotateAll(action) => self.annotate_all_action(action),
            Action::Problems(action) => self.problems_action(action),
            Action::EventTable(action) => self.view.event_table.apply(action),
            Action::TableCell(action) => self.view.table_cursor.apply(action),
            Action::Incidents(action) => self.incidents_action(action),
            Action::IncidentLink(action) => self.incident_link_action(action),
        }
    }

    fn command(&mut self, command: UiCommand) {
        let doc = self.view.doc;
        match command {
            UiCommand::NewProject => self.confirm_then(Pending::NewProject),
            UiCommand::Open => self.confirm_then(Pending::Open),
            UiCommand::Save => {
                self.save(None);
            }
            UiCommand::SaveAs => self.ask_file(FilePurpose::SaveAs { then: None }),
            UiCommand::Import(Format::Text) => self.ask_file(FilePurpose::ImportText),
            UiCommand::Import(format) => self.confirm_then(Pending::ImportProject(format)),
            UiCommand::Export(format) => self.ask_file(FilePurpose::Export(format)),
            UiCommand::Quit => self.request_quit(),
            UiCommand::Undo => {
                let step = self.session.undo();
                self.after_history_step("Undid", step);
            }
            UiCommand::Redo => {
                let step = self.session.redo();
                self.after_history_step("Redid", step);
            }
            UiCommand::DeleteSelected => {
                if let Some(target) = self.view.selected {
                    self.edit(EditAction::Delete(target));
                }
            }
            UiCommand::NextDocument => self.show_document(doc.saturating_add(1)),
            UiCommand::PreviousDocument => self.show_document(doc.saturating_sub(1)),
            UiCommand::MarkNew => self.edit(EditAction::SetStatus(doc, DocStatus::New)),
            UiCommand::MarkInProgress => {
                self.edit(EditAction::SetStatus(doc, DocStatus::InProgress))
            }
            UiCommand::MarkDone => self.edit(EditAction::SetStatus(doc, DocStatus::Done)),
            UiCommand::AddEvent => {
                let first = self.session.project().schema.event_types.first();
                if let Some(t) = first.map(|t| t.name.clone()) {
                    self.edit(EditAction::AddEvent(t));
                }
            }
            UiCommand::LinkSelected => self.start_linking(),
            UiCommand::GrowEnd
            | UiCommand::ShrinkEnd
            | UiCommand::GrowStart
            | UiCommand::ShrinkStart => {
                let (end, grow) = match command {
                    UiCommand::GrowEnd => (MentionEnd::End, true),
                    UiCommand::ShrinkEnd => (MentionEnd::End, false),
                    UiCommand::GrowStart => (MentionEnd::Start, true),
                    _ => (MentionEnd::Start, false),
                };
                if let Some(Filler::Mention(id)) = self.view.selected {
                    self.edit(EditAction::ResizeMention(id, end, grow));
                }
            }
            // Esc closes the innermost thing first: an editor open on a table cell.
            UiCommand::Cancel if self.view.table_cursor.editor.is_some() => {
                self.view.table_cursor.apply(CellAction::Close);
                super::table_keys::focus_table(&self.ctx);
            }
            UiCommand::Cancel => {
                self.view.active_role = None;
                self.view.linking = None;
                self.view.palette = None;
                self.annotate_all = None;
                self.clear_selection();
            }
            UiCommand::CommandPalette => self.view.palette = Some(String::new()),
            UiCommand::CompareWith => self.ask_file(FilePurpose::Compare),
            // While adjudicating, the walk is through what is left to decide.
            UiCommand::NextDisagreement if self.adjudication.is_some() => self.step_item(false),
            UiCommand::PreviousDisagreement if self.adjudication.is_some() => {
                self.step_item(true);
            }
            UiCommand::NextDisagreement => self.step_disagreement(false),
            UiCommand::PreviousDisagreement => self.step_disagreement(true),
            UiCommand::BuildGold => self.build_gold(),
            UiCommand::AcceptVersion(v) => self.accept_version(v, false),
            UiCommand::EditItem => self.accept_version(0, true),
            UiCommand::RejectItem => self.reject_item(),
            UiCommand::EditSchema => self.open_schema_editor(),
            UiCommand::SaveSchemaAs => self.ask_file(FilePurpose::SaveSchema),
            UiCommand::LoadSchema => self.ask_file(FilePurpose::LoadSchema),
            UiCommand::ImportBratSchema => self.ask_file(FilePurpose::ImportBratSchema),
            UiCommand::Search => self.open_search(),
            UiCommand::AnnotateAll => self.open_annotate_all(),
            UiCommand::Problems => self.toggle_problems(),
            UiCommand::Incidents => self.toggle_incidents(),
            UiCommand::LinkToIncident => self.link_selected_to_incident(),
            UiCommand::AcceptDate => self.accept_date(),
        }
    }

    /// Opens a file dialog for `purpose`; its answer comes back as an action.
    fn ask_file(&mut self, purpose: FilePurpose) {
        let directory = self
            .session
            .path()
            .and_then(|p| p.parent())
            .filter(|d| !d.as_os_str().is_empty())
            .map(|d| d.to_path_buf());
        let request = FileRequest::for_purpose(purpose, &self.session.project().name, directory);
        self.files.ask(request);
    }

    fn after_history_step(&mut self, verb: &str, step: Option<super::session::Step>) {
        let Some(step) = step else {
            self.view.status = format!("Nothing to {}", verb.to_lowercase().trim_end_matches('d'));
            return;
        };
        self.view.status = format!("{verb}: {}", step.label);
        if let Some(doc) = step.doc
            && doc != self.view.doc
        {
            self.show_document(doc);
        }
        // What was selected may be gone.
        let exists = |f: Filler| {
            self.session
                .project()
                .documents
                .get(self.view.doc)
                .is_some_and(|d| d.has_filler(f))
        };
        if self.view.selected.is_some_and(|f| !exists(f)) {
            self.view.selected = None;
        }
        if let Some((event, _)) = &self.view.active_role
            && !exists(Filler::Event(*event))
        {
            self.view.active_role = None;
        }
        if self.view.linking.is_some_and(|l| !exists(l.from)) {
            self.view.linking = None;
        }
        // The shown document itself may be gone (an import undone).
        self.show_document(self.view.doc);
    }

    fn clear_selection(&mut self) {
        self.view.selection = None;
        self.view.popup = None;
    }

    /// Shows document `index` (clamped to the list).
    fn show_document(&mut self, index: usize) {
        let count = self.session.project().documents.len();
        let index = index.min(count.saturating_sub(1));
        if index != self.view.doc {
            self.view.doc = index;
            self.view.selected = None;
            self.view.active_role = None;
            self.view.linking = None;
            self.view.table_cursor.apply(CellAction::Close);
            self.clear_selection();
        }
    }

    /// Waits for a click on the highlight that the selected annotation is to be linked
    /// to (see [`super::state::Linking`]).
    fn start_linking(&mut self) {
        match self.view.selected {
            Some(from) => {
                self.view.active_role = None;
                self.view.linking = Some(super::state::Linking::from(from));
            }
            None => {
                self.view.status = "Select a mention first, then link it to another".into();
            }
        }
    }

    /// Sets the relation in the making; a candidate newly chosen with the keyboard is
    /// scrolled into view.
    fn set_linking(&mut self, linking: Option<super::state::Linking>) {
        let before = self.view.linking.and_then(|l| l.candidate);
        self.view.linking = linking;
        let Some(Filler::Mention(id)) = linking.and_then(|l| l.candidate) else {
            return;
        };
        if before != Some(Filler::Mention(id))
            && let Some(m) = self
                .session
                .project()
                .documents
                .get(self.view.doc)
                .and_then(|d| d.mention(id))
        {
            self.article.scroll_to(m.extent().start);
        }
    }

    /// Selects `target`; with `scroll`, brings it into view in the text and the list.
    fn select(&mut self, target: Option<Filler>, scroll: bool) {
        self.view.selected = target;
        let Some(target) = target else {
            return;
        };
        if !scroll {
            return;
        }
        self.view.reveal = Some(target);
        let Some(doc) = self.session.project().documents.get(self.view.doc) else {
            return;
        };
        let start = match target {
            Filler::Mention(id) => doc.mention(id).map(|m| m.extent().start),
            Filler::Event(id) => doc.event(id).and_then(|e| doc.event_start(e)),
        };
        if let Some(start) = start {
            self.article.scroll_to(start);
        }
    }
}
