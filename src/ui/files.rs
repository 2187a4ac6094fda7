//! Opening, saving, importing and quitting: the only place where file dialogs open,
//! and where unsaved changes are protected.

use super::app::EventailApp;
use super::jobs::{self, Job, JobOutput};
use super::state::{Dialog, Pending, Session};
use crate::formats::text::ImportedText;
use crate::io;
use crate::model::Project;
use std::path::PathBuf;

impl EventailApp {
    /// Loads the project at `path`; on failure shows the error and keeps the current
    /// project (the broken file is left untouched). If another eventail has it open, or
    /// an autosave newer than the file exists, asks first.
    pub fn open_path(&mut self, path: PathBuf) {
        match crate::io::ProjectLock::acquire(&path) {
            Ok(lock) => self.open_locked(path, Some(lock), false),
            Err(crate::io::LockError::Held { owner, .. }) => {
                self.dialog = Some(Dialog::Locked { path, owner });
            }
            // A folder where no lock can be written (read-only media): open all the same.
            Err(crate::io::LockError::Io { .. }) => self.open_locked(path, None, false),
        }
    }

    /// Opens `path` holding `lock` (or read-only), offering a newer autosave first. A
    /// large file is read on a background thread.
    pub(super) fn open_locked(
        &mut self,
        path: PathBuf,
        lock: Option<crate::io::ProjectLock>,
        read_only: bool,
    ) {
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        if size > jobs::BACKGROUND_BYTES {
            let label = format!("Opening {}", path.display());
            self.job = Some(Job::spawn(label, &self.ctx, move |_| JobOutput::Opened {
                result: io::load_project(&path),
                path,
                lock,
                read_only,
            }));
        } else {
            let result = io::load_project(&path);
            self.finish_open(path, result, lock, read_only);
        }
    }

    /// Shows a project that was read, or the error.
    pub(super) fn finish_open(
        &mut self,
        path: PathBuf,
        result: Result<Project, io::LoadError>,
        lock: Option<crate::io::ProjectLock>,
        read_only: bool,
    ) {
        match result {
            Ok(project) => {
                self.settings.remember(&path);
                self.view.status = format!("Opened {}", path.display());
                let recovery = (!read_only).then(|| io::pending_recovery(&path)).flatten();
                self.replace_session(Session {
                    project,
                    path: Some(path.clone()),
                    history: Default::default(),
                    lock,
                    read_only,
                });
                if let Some(recovery) = recovery {
                    self.dialog = Some(Dialog::Recover { path, recovery });
                }
            }
            Err(err @ io::LoadError::Invalid { .. }) => {
                self.dialog = Some(Dialog::Invalid {
                    path,
                    message: err.to_string(),
                });
            }
            Err(err) => self.dialog = Some(Dialog::Error(err.to_string())),
        }
    }

    /// Mends the inconsistent project at `path` into a file the user chooses, opens the
    /// copy, and lists what was changed; the original is left as it is.
    pub(super) fn repair_into_copy(&mut self, path: &std::path::Path) {
        let stem = path
            .file_stem()
            .map_or("project".into(), |s| s.to_string_lossy());
        let Some(copy) = rfd::FileDialog::new()
            .set_title("Save the repaired copy as")
            .add_filter("eventail project", &["ron"])
            .set_file_name(format!("{stem}-repaired.ron"))
            .save_file()
        else {
            return;
        };
        self.repair_to(path, copy);
    }

    /// Mends the project at `path` into `copy` and opens the copy.
    pub fn repair_to(&mut self, path: &std::path::Path, copy: PathBuf) {
        if copy == path {
            self.dialog = Some(Dialog::Error(format!(
                "the repaired copy must be another file: {}",
                copy.display()
            )));
            return;
        }
        let repaired = io::load_project_unchecked(path).map(|mut project| {
            let changes = crate::model::repair::repair(&mut project);
            (project, changes)
        });
        match repaired {
            Ok((project, changes)) => match io::save_project(&copy, &project) {
                Ok(()) => {
                    self.open_path(copy);
                    let lines: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
                    self.dialog = Some(Dialog::Error(format!(
                        "Repaired copy opened. {} change(s):\n{}",
                        lines.len(),
                        lines.join("\n")
                    )));
                }
                Err(err) => self.dialog = Some(Dialog::Error(err.to_string())),
            },
            Err(err) => self.dialog = Some(Dialog::Error(err.to_string())),
        }
    }

    /// Replaces the project's content with its autosave, as unsaved changes.
    pub(super) fn recover(&mut self, recovery: &std::path::Path) {
        match io::load_project(recovery) {
            Ok(project) => {
                self.session.project = project;
                self.session.history = Default::default();
                self.session.history.mark_unsaved();
                self.article = Default::default();
                self.view.doc = 0;
                self.view.status = "Recovered the autosaved work: save to keep it".into();
            }
            Err(err) => self.dialog = Some(Dialog::Error(err.to_string())),
        }
    }

    pub(super) fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.view = Default::default();
        self.article = Default::default();
    }

    /// Runs `pending` now, or first asks what to do with unsaved changes.
    pub(super) fn confirm_then(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.session.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.run_pending(ctx, pending);
        }
    }

    /// Closes the window, asking first if there are unsaved changes.
    pub(super) fn request_quit(&mut self, ctx: &egui::Context) {
        if self.session.is_dirty() && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Pending::Quit));
        } else {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Carries out what was waiting for the unsaved-changes question.
    pub(super) fn run_pending(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Pending::NewProject => {
                self.replace_session(Session::unsaved(Project::new(
                    "Untitled",
                    io::default_schema(),
                )));
                self.view.status = "New project: File > Import text files… adds articles".into();
            }
            Pending::Open => {
                let picked = rfd::FileDialog::new()
                    .set_title("Open a project")
                    .add_filter("eventail project", &["ron"])
                    .pick_file();
                if let Some(path) = picked {
                    self.open_path(path);
                }
            }
            Pending::OpenPath(path) => self.open_path(path),
            Pending::ImportDoccano => self.import_doccano_dialog(),
            Pending::ImportBrat => self.import_brat_dialog(),
        }
    }

    /// Saves to the project's file, or asks for one; true when saved.
    pub(super) fn save(&mut self) -> bool {
        match self.session.path.clone() {
            Some(path) if !self.session.read_only => self.save_to(path),
            _ => self.save_as(),
        }
    }

    /// Asks for a file and saves there; true when saved.
    pub(super) fn save_as(&mut self) -> bool {
        let picked = rfd::FileDialog::new()
            .set_title("Save the project as")
            .add_filter("eventail project", &["ron"])
            .set_file_name(format!("{}.ron", self.session.project.name))
            .save_file();
        match picked {
            Some(path) => self.save_to(path),
            None => false,
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        if self.session.read_only && self.session.path.as_ref() == Some(&path) {
            self.dialog = Some(Dialog::Error(format!(
                "this project is open read-only because another eventail has it open; \
                 use Save as to keep your changes: {}",
                path.display()
            )));
            return false;
        }
        match io::save_project(&path, &self.session.project) {
            Ok(()) => {
                self.session.history.mark_saved();
                self.autosaver.clear(&path);
                if self.session.path.as_ref() != Some(&path) {
                    self.session.lock = io::ProjectLock::acquire(&path).ok();
                    self.session.read_only = false;
                }
                self.settings.remember(&path);
                self.view.status = format!("Saved {}", path.display());
                self.session.path = Some(path);
                true
            }
            Err(err) => {
                self.dialog = Some(Dialog::Error(err.to_string()));
                false
            }
        }
    }

    /// Asks for text files and adds them as documents (one undoable edit).
    pub(super) fn import_text_dialog(&mut self) {
        let Some(paths) = rfd::FileDialog::new()
            .set_title("Import text files")
            .add_filter("text", &["txt", "text"])
            .pick_files()
        else {
            return;
        };
        self.import_text_paths(&paths);
    }
}

impl EventailApp {
    /// Adds the text files at `paths` as documents, in one undoable edit, and shows the
    /// first of them; if any file cannot be read, nothing is added and all the errors
    /// are shown. Large imports run on a background thread.
    pub fn import_text_paths(&mut self, paths: &[PathBuf]) {
        if jobs::total_bytes(paths) > jobs::BACKGROUND_BYTES {
            // The worker only needs the ids in use, not the texts.
            let ids = crate::formats::text::ids_of_project(&self.session.project);
            let paths = paths.to_vec();
            let label = format!("Importing {} file(s)", paths.len());
            self.job = Some(Job::spawn(label, &self.ctx, move |progress| {
                jobs::import_texts(&paths, &ids, progress)
            }));
        } else {
            let result = crate::formats::text::documents_from_paths(paths, &self.session.project);
            self.finish_import(result);
        }
    }

    /// Adds imported documents, or shows why nothing was imported.
    pub(super) fn finish_import(
        &mut self,
        result: Result<Vec<ImportedText>, Vec<crate::formats::text::TextImportError>>,
    ) {
        match result {
            Ok(imported) if imported.is_empty() => {}
            Ok(imported) => {
                let encodings: Vec<String> = imported
                    .iter()
                    .map(|i| format!("{} ({})", i.document.id, i.encoding))
                    .collect();
                let first = self.session.project.documents.len();
                let documents = imported.into_iter().map(|i| i.document).collect();
                let edit = crate::edit::ops::add_documents(&self.session.project, documents);
                if self
                    .session
                    .history
                    .apply(&mut self.session.project, edit)
                    .is_ok()
                {
                    self.show_document(first);
                    self.view.status = format!("Imported {}", encodings.join(", "));
                }
            }
            Err(errors) => {
                let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                self.dialog = Some(Dialog::Error(format!(
                    "Nothing was imported:\n{}",
                    messages.join("\n")
                )));
            }
        }
    }

    /// Takes the output of a finished background job.
    pub(super) fn poll_job(&mut self) {
        let Some(output) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        match output {
            JobOutput::Opened {
                path,
                result,
                lock,
                read_only,
            } => self.finish_open(path, result, lock, read_only),
            JobOutput::Imported(result) => self.finish_import(result),
            JobOutput::Exported(result) => self.finish_export(result),
            JobOutput::NewProject(result) => self.finish_new_project(result),
        }
    }
}

impl EventailApp {
    /// Writes a recovery copy every few seconds while there are unsaved changes, on a
    /// background thread; called once per frame.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        const EVERY_SECONDS: f64 = 5.0;
        if let Some(message) = self.autosaver.take_error() {
            self.view.status = message;
        }
        let Some(path) = self.session.path.as_ref() else {
            return;
        };
        if !self.session.is_dirty() || self.session.read_only {
            return;
        }
        let generation = self.session.history.generation();
        let now = ctx.input(|i| i.time);
        let due = match self.last_autosave {
            Some((done, at)) => done != generation && now - at >= EVERY_SECONDS,
            None => true,
        };
        if due {
            self.autosaver.save(path, &self.session.project);
            self.last_autosave = Some((generation, now));
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(EVERY_SECONDS));
    }
}
