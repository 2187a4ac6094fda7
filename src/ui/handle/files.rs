//! Opening, saving, quitting and the questions around them: unsaved changes, locks held
//! by another eventail, autosaves to recover, inconsistent projects to repair. Nothing
//! is marked saved, deleted or replaced until the action it waits for really happens.

use super::super::app::EventailApp;
use super::super::failure::Failure;
use super::super::file_dialog::{FileAnswer, FilePurpose};
use super::super::jobs::{self, Job, JobKind, JobOutput, ProjectsFor};
use super::super::saving::{QueuedSave, SaveInFlight, SaveTarget};
use super::super::session::Session;
use super::super::state::{Choice, Dialog, Pending};
use crate::io::{self, FileStamp, LockError, ProjectLock};
use crate::model::Project;
use std::path::{Path, PathBuf};

impl EventailApp {
    /// Loads the project at `path`; on failure shows why and keeps what is open (the
    /// file is left untouched). If another eventail has it open, asks first.
    pub(in super::super) fn open_path(&mut self, path: PathBuf) {
        match ProjectLock::acquire(&path) {
            Ok(lock) => self.open_locked(path, Some(lock), false),
            Err(LockError::Held { owner, .. }) => {
                self.dialog = Some(Dialog::Locked { path, owner });
            }
            // A folder where no lock can be written (read-only media): open all the same.
            Err(LockError::Io { .. }) => self.open_locked(path, None, false),
        }
    }

    /// Opens `path` holding `lock` (or read-only). A large file is read on a background
    /// thread.
    fn open_locked(&mut self, path: PathBuf, lock: Option<ProjectLock>, read_only: bool) {
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        // Stamped before reading: a change in between is taken for a change after.
        if size <= jobs::BACKGROUND_BYTES {
            let stamp = FileStamp::read(&path).ok();
            let result = io::load_project(&path).map(io::Opening::Whole);
            self.finish_open(path, result, lock, read_only, stamp);
            return;
        }
        let label = format!("Opening {}", path.display());
        let job = Job::spawn(label, JobKind::Reads, &self.ctx, move |_| {
            let stamp = FileStamp::read(&path).ok();
            // With work to recover, the project opens whole, so that the recovery is
            // offered before anything can be edited.
            let result = if io::has_recovery_file(&path) {
                io::load_project(&path).map(io::Opening::Whole)
            } else {
                io::open_project(&path)
            };
            JobOutput::Opened {
                result,
                path,
                lock,
                read_only,
                stamp,
            }
        });
        self.start_job(job);
    }

    /// Shows a project that was read (offering a differing autosave), or its first
    /// document while the others are read, or why it was not read.
    pub(super) fn finish_open(
        &mut self,
        path: PathBuf,
        result: Result<io::Opening, io::LoadError>,
        lock: Option<ProjectLock>,
        read_only: bool,
        stamp: Option<FileStamp>,
    ) {
        match result {
            Ok(io::Opening::FirstOfMany(first)) => {
                self.show_first_document(path, first, lock, read_only, stamp);
            }
            Ok(io::Opening::Whole(project)) => {
                // Opened again: its autosave is this session's, which the user left.
                let reopened = self.is_reopening(&path);
                if reopened {
                    self.autosave.discard(&path);
                }
                let recovery = (!read_only && !reopened)
                    .then(|| io::pending_recovery(&path, &project))
                    .flatten();
                self.settings.remember(&path);
                let session = Session::opened(project, path.clone(), lock, read_only, stamp);
                self.replace_session(session);
                self.view.status = format!("Opened {}", path.display());
                if let Some(recovery) = recovery {
                    self.dialog = Some(Dialog::Recover { path, recovery });
                }
            }
            Err(error) => self.show_load_error(path, error),
        }
    }

    /// Whether `path` is the open project's own file, opened again: its autosave is
    /// this session's, which the user left.
    pub(super) fn is_reopening(&self, path: &Path) -> bool {
        self.session
            .path()
            .is_some_and(|p| io::is_same_file(p, path))
    }

    /// Says why the project at `path` could not be opened, offering a repaired copy
    /// of an inconsistent one.
    pub(super) fn show_load_error(&mut self, path: PathBuf, error: io::LoadError) {
        self.dialog = Some(match error {
            error @ io::LoadError::Invalid { .. } => Dialog::Invalid { path, error },
            error => Dialog::Failed(Failure::Open(error)),
        });
    }

    /// Puts `session` on screen in place of the open one, whose changes the user chose
    /// to lose: its autosave goes with it.
    pub(super) fn replace_session(&mut self, session: Session) {
        if let Some(old) = self.session.path().map(Path::to_path_buf) {
            self.autosave.forget(&old);
        }
        self.session = session;
        self.stale_results();
        self.incidents = None;
        self.review = None;
        self.adjudication = None;
        let show_frame_time = self.view.show_frame_time;
        self.view = Default::default();
        self.view.show_frame_time = show_frame_time;
        self.article = Default::default();
    }

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    pub(in super::super) fn confirm_then(&mut self, pending: Pending) {
        if self.session.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.run_pending(pending);
        }
    }

    /// Closes the window, asking first if there are unsaved changes. An open question
    /// is answered first, and an export being written is let finish.
    pub(in super::super) fn request_quit(&mut self) {
        if self.saving.is_some() {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.quit_when_idle = true;
            self.view.status = "Closing once the project is saved…".into();
            return;
        }
        if self.job.as_ref().is_some_and(Job::writes) {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.quit_when_idle = true;
            self.view.status = "Closing once the export is written…".into();
            return;
        }
        if self
            .dialog
            .as_ref()
            .is_some_and(|d| !matches!(d, Dialog::Unsaved(_)))
        {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.view.status = "Answer the open question first".into();
            return;
        }
        if self.session.is_dirty() && !self.allow_close {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Pending::Quit));
        } else {
            self.allow_close = true;
            self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Carries out what was waiting for the unsaved-changes question: the changes are
    /// lost only when the new project is really on screen (or the window closes).
    fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::Quit => {
                if let Some(path) = self.session.path().map(Path::to_path_buf) {
                    self.autosave.forget(&path);
                }
                self.allow_close = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::NewProject => {
                let project = Project::new("Untitled", io::default_schema());
                self.replace_session(Session::unsaved(project));
                self.view.status = "New project: File > Import > text files adds articles".into();
            }
            Pending::Open => self.ask_file(FilePurpose::Open),
            Pending::OpenPath(path) => self.open_path(path),
            Pending::ImportProject(format) => self.ask_file(FilePurpose::ImportProject(format)),
            Pending::BuildGold => self.ask_file(FilePurpose::Gold),
        }
    }

    /// Saves to the project's file, or asks for one; then carries on with `then`.
    pub(super) fn save(&mut self, then: Option<Pending>) {
        if self.saving.is_some() || self.session.documents_to_come().is_some() {
            self.queue_save(None, then, false);
            return;
        }
        match self.session.path().map(Path::to_path_buf) {
            Some(path) if !self.session.is_read_only() => self.save_to(path, then, false),
            _ => self.ask_file(FilePurpose::SaveAs { then }),
        }
    }

    /// Asks for a save once the one under way has ended (to `path`, or the project's
    /// file), keeping what waits for an earlier request.
    fn queue_save(&mut self, path: Option<PathBuf>, then: Option<Pending>, overwrite: bool) {
        let earlier = self.queued_save.take().and_then(|q| q.then);
        self.queued_save = Some(QueuedSave {
            path,
            then: then.or(earlier),
            overwrite,
        });
        self.view.status = if self.saving.is_some() {
            "Saving again once the save under way has ended…".into()
        } else {
            "Saving once the whole project is read…".into()
        };
    }

    /// Starts writing the project to `path` off the UI thread, then carries on with
    /// `then` (see [`Self::poll_save`]). A file that another eventail has open is not
    /// written, nor (unless `overwrite`) the project's own file when another program
    /// changed it since it was read: the user is told and chooses.
    fn save_to(&mut self, path: PathBuf, then: Option<Pending>, overwrite: bool) {
        if self.saving.is_some() || self.session.documents_to_come().is_some() {
            self.queue_save(Some(path), then, overwrite);
            return;
        }
        let current = self.session.path().map(Path::to_path_buf);
        let same_file = current
            .as_deref()
            .is_some_and(|c| io::is_same_file(c, &path));
        if same_file && self.session.is_read_only() {
            self.dialog = Some(Dialog::Failed(Failure::ReadOnly(path)));
            return;
        }
        if self
            .session
            .unread_source()
            .is_some_and(|source| io::is_same_file(source, &path))
        {
            self.dialog = Some(Dialog::Failed(Failure::OverUnread(path)));
            return;
        }
        let changed = self.session.stamp().is_some_and(|s| !s.is_unchanged(&path));
        if same_file && changed && !overwrite {
            self.dialog = Some(Dialog::ChangedOnDisk { path, then });
            return;
        }
        let lock = if same_file {
            None
        } else {
            match ProjectLock::acquire(&path) {
                Ok(lock) => Some(lock),
                Err(LockError::Held { owner, .. }) => {
                    self.dialog = Some(Dialog::SaveLocked { path, owner, then });
                    return;
                }
                // Where no lock can be written, the save below says why it fails, if it does.
                Err(LockError::Io { .. }) => None,
            }
        };
        let target = SaveTarget {
            path: path.clone(),
            epoch: self.session.epoch(),
            generation: self.session.generation(),
            lock,
            same_file,
            then,
        };
        // A copy costs a pointer per document: the UI thread never serialises or writes.
        let project = self.session.project().clone();
        match SaveInFlight::start(project, target, &self.save_gate, &self.ctx) {
            Ok(save) => {
                self.view.status = format!("Saving {}…", path.display());
                self.saving = Some(save);
            }
            Err(error) => {
                let error = io::SaveError::Write { path, error };
                self.dialog = Some(Dialog::Failed(Failure::Save(error)));
            }
        }
    }

    /// Takes the end of the save under way, if it has ended: marks saved the state that
    /// was written (edits made since stay unsaved), or shows why nothing was; then
    /// carries on with what waited for it.
    pub(in super::super) fn poll_save(&mut self) {
        let Some(outcome) = self.saving.as_ref().and_then(SaveInFlight::poll) else {
            return;
        };
        let Some(SaveInFlight { target, .. }) = self.saving.take() else {
            return;
        };
        let SaveTarget {
            path,
            epoch,
            generation,
            lock,
            same_file,
            then,
        } = target;
        match outcome {
            Err(error) => {
                self.dialog = Some(Dialog::Failed(Failure::Save(error)));
                // What waited for the save (quitting...) waits for the user now.
                self.quit_when_idle = false;
                self.queued_save = None;
                return;
            }
            Ok(stamp) if epoch == self.session.epoch() => {
                let current = self.session.path().map(Path::to_path_buf);
                if let Some(old) = current {
                    self.autosave.forget(&old);
                }
                self.autosave.forget(&path);
                let path = if same_file {
                    current_or(path, &self.session)
                } else {
                    path
                };
                self.settings.remember(&path);
                self.view.status = format!("Saved {}", path.display());
                self.session.saved_to(path, lock, stamp, generation);
                if let Some(pending) = then {
                    self.run_pending(pending);
                }
            }
            // The project was replaced while it was being written: the file holds it,
            // but nothing on screen is marked saved.
            Ok(_) => self.view.status = format!("Saved {}", path.display()),
        }
        self.run_queued_save();
        if std::mem::take(&mut self.quit_when_idle) {
            self.request_quit();
        }
    }

    /// Starts the save that waited for the one under way or for the whole project.
    pub(super) fn run_queued_save(&mut self) {
        if let Some(queued) = self.queued_save.take() {
            match queued.path {
                Some(path) => self.save_to(path, queued.then, queued.overwrite),
                None => self.save(queued.then),
            }
        }
    }

    /// Acts on the user's answer to the open dialog.
    pub(super) fn answer(&mut self, choice: Choice) {
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        match (dialog, choice) {
            (Dialog::Unsaved(pending), Choice::Save) => self.save(Some(pending)),
            (Dialog::Unsaved(pending), Choice::Discard) => self.run_pending(pending),
            (Dialog::Invalid { path, .. }, Choice::Repair) => {
                self.ask_file(FilePurpose::RepairCopy { broken: path });
            }
            (Dialog::Locked { path, .. }, Choice::ReadOnly) => self.open_locked(path, None, true),
            (Dialog::Locked { path, .. }, Choice::TakeOver) => {
                let lock = ProjectLock::take_over(&path).ok();
                self.open_locked(path, lock, false);
            }
            (
                Dialog::SaveLocked { then, .. } | Dialog::ChangedOnDisk { then, .. },
                Choice::ChooseAnother,
            ) => self.ask_file(FilePurpose::SaveAs { then }),
            (Dialog::ChangedOnDisk { path, then }, Choice::Overwrite) => {
                self.save_to(path, then, true)
            }
            (Dialog::Recover { recovery, .. }, Choice::Recover) => self.recover(&recovery),
            (Dialog::Recover { path, .. }, Choice::DiscardRecovery) => {
                self.autosave.discard(&path);
            }
            // OK on a message, Cancel on a question: nothing more to do.
            _ => {}
        }
    }

    /// Acts on the files the user chose; a cancelled dialog changes nothing.
    pub(super) fn files_chosen(&mut self, answer: FileAnswer) {
        let Some(first) = answer.paths.first().cloned() else {
            return;
        };
        match answer.request.purpose {
            FilePurpose::Open => self.open_path(first),
            FilePurpose::SaveAs { then } => self.save_to(first, then, false),
            FilePurpose::ImportText => self.import_text_paths(&answer.paths),
            FilePurpose::ImportProject(format) => self.import_project(format, first),
            FilePurpose::Export(format) => {
                if self
                    .session
                    .path()
                    .is_some_and(|p| io::is_same_file(p, &first))
                {
                    self.dialog = Some(Dialog::Failed(Failure::ExportOverProject(first)));
                } else {
                    self.export_to(format, first);
                }
            }
            FilePurpose::RepairCopy { broken } => self.repair_to(&broken, first),
            FilePurpose::Compare => self.read_projects(answer.paths, ProjectsFor::Compare),
            FilePurpose::Gold => self.read_projects(answer.paths, ProjectsFor::Gold),
            purpose @ (FilePurpose::SaveSchema
            | FilePurpose::LoadSchema
            | FilePurpose::ImportBratSchema) => self.schema_file_chosen(&purpose, &first),
        }
    }

    /// Replaces the project's content with its autosave, as unsaved changes.
    fn recover(&mut self, recovery: &Path) {
        match io::load_project(recovery) {
            Ok(project) => {
                self.session.replace_project(project);
                self.stale_results();
                self.article = Default::default();
                self.view.doc = 0;
                self.view.status = "Recovered the autosaved work: save to keep it".into();
            }
            Err(error) => self.dialog = Some(Dialog::Failed(Failure::Recover(error))),
        }
    }

    /// Mends the inconsistent project at `broken` into `copy`, opens the copy and lists
    /// what was changed; the original is left as it is.
    fn repair_to(&mut self, broken: &Path, copy: PathBuf) {
        let over_open_project = self
            .session
            .path()
            .is_some_and(|p| io::is_same_file(p, &copy));
        if io::is_same_file(broken, &copy) || over_open_project {
            self.dialog = Some(Dialog::Failed(Failure::RepairOverInput(copy)));
            return;
        }
        // Held until the copy is open: another eventail cannot take it in between.
        let _lock = match ProjectLock::acquire(&copy) {
            Err(LockError::Held { owner, .. }) => {
                self.dialog = Some(Dialog::Failed(Failure::OpenElsewhere { path: copy, owner }));
                return;
            }
            lock => lock.ok(),
        };
        let repaired = io::load_project_unchecked(broken).map(|mut project| {
            let changes = crate::model::repair::repair(&mut project);
            (project, changes)
        });
        let (project, changes) = match repaired {
            Ok(repaired) => repaired,
            Err(error) => {
                self.dialog = Some(Dialog::Failed(Failure::Open(error)));
                return;
            }
        };
        if let Err(error) = io::save_project(&copy, &project) {
            self.dialog = Some(Dialog::Failed(Failure::Save(error)));
            return;
        }
        // What is open may be changes kept from a project that could not be read whole.
        self.confirm_then(Pending::OpenPath(copy));
        if self.dialog.is_none() {
            self.dialog = Some(Dialog::Report {
                title: format!("Repaired copy opened: {} change(s)", changes.len()),
                diagnostics: changes,
            });
        }
    }
}

/// The spelling of the project's own file, kept when Save as chose it again.
fn current_or(path: PathBuf, session: &Session) -> PathBuf {
    session.path().map_or(path, Path::to_path_buf)
}
