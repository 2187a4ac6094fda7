//! A large project's first document on screen while the others are read: what may be
//! done meanwhile, and how the rest joins it (or, if it cannot be read, what is kept).

use super::super::action::Action;
use super::super::app::EventailApp;
use super::super::command::UiCommand;
use super::super::rest_reader::RestReader;
use super::super::session::Session;
use crate::io::{self, FileStamp, FirstDocument, LoadError, ProjectLock};
use crate::model::Project;
use std::path::PathBuf;

impl EventailApp {
    /// Shows the first document of the project at `path` and starts reading the others.
    pub(super) fn show_first_document(
        &mut self,
        path: PathBuf,
        first: FirstDocument,
        lock: Option<ProjectLock>,
        read_only: bool,
        stamp: Option<FileStamp>,
    ) {
        // A file with work to recover is opened whole (see `open_locked`): no autosave
        // is there to offer or to discard.
        self.settings.remember(&path);
        let FirstDocument { project, rest } = first;
        let to_come = rest.documents_to_come();
        let session = Session::opened_first(project, to_come, path.clone(), lock, read_only, stamp);
        self.replace_session(session);
        self.view.status = format!(
            "Reading the other {to_come} documents of {}…",
            path.display()
        );
        let epoch = self.session.epoch();
        match RestReader::spawn(&self.ctx, rest, path.clone(), epoch, &self.read_gate) {
            Ok(reader) => self.rest = Some(reader),
            // No thread to spare: read the file again here.
            Err(_) => {
                let result = io::load_project(&path);
                self.join_rest(path, result);
            }
        }
    }

    /// Puts the rest of the project beside its first document once it is read.
    pub(in super::super) fn poll_rest(&mut self) {
        let Some(result) = self.rest.as_ref().and_then(RestReader::poll) else {
            return;
        };
        let Some(reader) = self.rest.take() else {
            return;
        };
        // Another project was opened meanwhile: this one is no longer on screen.
        if reader.epoch == self.session.epoch() {
            self.join_rest(reader.path, result);
        }
    }

    /// The whole project joins the first document (edited or not); or, if the file
    /// cannot be read whole, says why, without ever writing to it: the first document's
    /// changes stay on screen as an unsaved project.
    fn join_rest(&mut self, path: PathBuf, result: Result<Project, LoadError>) {
        match result {
            Ok(whole) => {
                self.session.take_rest(whole);
                self.stale_results();
                self.view.status = format!("Opened {}", path.display());
                self.run_queued_save();
            }
            Err(error) => {
                self.queued_save = None;
                if self.session.is_dirty() {
                    let mut project = self.session.project().clone();
                    // It names reports in documents it does not have.
                    crate::model::repair::repair(&mut project);
                    let kept = Session::kept_from_unread(project, path.clone());
                    self.replace_session(kept);
                    self.view.status = format!(
                        "{} could not be read whole: your changes to its first document \
                         are kept here, in a project not saved yet",
                        path.display()
                    );
                } else {
                    let empty = Project::new("Untitled", io::default_schema());
                    self.replace_session(Session::unsaved(empty));
                }
                self.show_load_error(path, error);
            }
        }
    }

    /// Makes the panels that list what the whole project holds compute it again.
    pub(super) fn stale_results(&mut self) {
        if let Some(problems) = &mut self.problems {
            problems.stale();
        }
        if let Some(search) = &mut self.search {
            search.stale();
        }
    }
}

/// Whether `action` may be carried out while a project's first document is shown and
/// the others are still read: anything that stays within that document or its
/// incidents (read with it, and kept as edited when the rest joins), and what does not
/// change the project. What needs the whole project (the schema, search, review,
/// exports, other documents) waits; saves are queued until it is whole.
pub(super) fn allowed_while_reading(action: &Action) -> bool {
    match action {
        Action::Command(command) => matches!(
            command,
            UiCommand::Save
                | UiCommand::SaveAs
                | UiCommand::Quit
                | UiCommand::Undo
                | UiCommand::Redo
                | UiCommand::DeleteSelected
                | UiCommand::MarkNew
                | UiCommand::MarkInProgress
                | UiCommand::MarkDone
                | UiCommand::AddEvent
                | UiCommand::Cancel
                | UiCommand::CommandPalette
                | UiCommand::LinkSelected
                | UiCommand::GrowEnd
                | UiCommand::ShrinkEnd
                | UiCommand::GrowStart
                | UiCommand::ShrinkStart
                | UiCommand::AcceptDate
                | UiCommand::Incidents
                | UiCommand::LinkToIncident
        ),
        Action::OpenPath(_)
        | Action::ShowDocument(_)
        | Action::SelectText(_)
        | Action::ClosePopup
        | Action::Select { .. }
        | Action::ActivateRole(_)
        | Action::SetLinking(_)
        | Action::Edit(_)
        | Action::SetAnnotator(_)
        | Action::ShowFrameTime(_)
        | Action::SetPalette(_)
        | Action::Answer(_)
        | Action::FilesChosen(_)
        | Action::CancelJob
        | Action::EventTable(_)
        | Action::TableCell(_)
        // Incidents are read with the first document: their edits keep at the join.
        | Action::Incidents(_)
        | Action::IncidentLink(_) => true,
        _ => false,
    }
}
