//! Choosing files and folders, behind one small interface: the native dialog in the app,
//! a scripted one in tests, and a dialog drawn in egui where no native one can open.
//!
//! The app only asks where it handles actions ([`FileDialogs::ask`]); the answer comes
//! back while the panels are drawn ([`FileDialogs::ui`]) and is handled like any other
//! action, so a cancelled dialog changes nothing and a test can drive Open, Save as,
//! Import and Export through the same code as a person.

use super::state::Pending;
use crate::formats::{Format, Input, Output};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// What a file is chosen for, which decides what happens with the answer.
#[derive(Clone, Debug, PartialEq)]
pub enum FilePurpose {
    /// A project to open.
    Open,
    /// Where to save the project, then what to carry on with.
    SaveAs {
        /// What was waiting for the save (quitting, opening another project...).
        then: Option<Pending>,
    },
    /// Text files to add to the project.
    ImportText,
    /// A file or folder to read as a new project.
    ImportProject(Format),
    /// Where to export the project.
    Export(Format),
    /// Colleagues' projects to compare the open one with.
    Compare,
    /// Annotators' projects to build a gold version from.
    Gold,
    /// Where to write the project's schema.
    SaveSchema,
    /// A schema file (RON) to load into the project.
    LoadSchema,
    /// A brat `annotation.conf` to load as the schema.
    ImportBratSchema,
    /// Where to write the repaired copy of an inconsistent project.
    RepairCopy {
        /// The project that failed validation (left as it is).
        broken: PathBuf,
    },
}

/// What kind of choice the dialog offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    /// One existing file.
    File,
    /// One or more existing files.
    Files,
    /// A folder.
    Folder,
    /// A file to write (it may not exist yet).
    SaveFile,
}

/// A question to the user: the purpose and how to present it.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRequest {
    /// What the answer is for.
    pub purpose: FilePurpose,
    /// The dialog's title.
    pub title: String,
    /// File, files, folder, or a file to write.
    pub kind: PickKind,
    /// The extensions offered (without dot), with their name; empty: any file.
    pub extensions: Option<(&'static str, &'static [&'static str])>,
    /// The file name proposed when saving.
    pub file_name: Option<String>,
    /// The folder the dialog starts in (the open project's), if any.
    pub directory: Option<PathBuf>,
}

impl FileRequest {
    /// The question for `purpose`; `project_name` names proposed files, and the dialog
    /// starts in `directory`.
    pub fn for_purpose(
        purpose: FilePurpose,
        project_name: &str,
        directory: Option<PathBuf>,
    ) -> Self {
        const PROJECT: Option<(&str, &[&str])> = Some(("eventail project", &["ron"]));
        let (title, kind, extensions, file_name) = match &purpose {
            FilePurpose::Open => ("Open a project".to_string(), PickKind::File, PROJECT, None),
            FilePurpose::Compare => (
                "Compare with colleagues' projects".to_string(),
                PickKind::Files,
                PROJECT,
                None,
            ),
            FilePurpose::Gold => (
                "Build a gold version from annotators' projects (two or more)".to_string(),
                PickKind::Files,
                PROJECT,
                None,
            ),
            FilePurpose::SaveAs { .. } => (
                "Save the project as".to_string(),
                PickKind::SaveFile,
                PROJECT,
                Some(format!("{project_name}.ron")),
            ),
            FilePurpose::ImportText => (
                "Import text files".to_string(),
                PickKind::Files,
                Some(("text", &["txt", "text"][..])),
                None,
            ),
            FilePurpose::ImportProject(format) => {
                let (kind, extensions) = match format.import_input() {
                    Some(Input::Folder) | None => (PickKind::Folder, None),
                    Some(Input::File { extensions }) => (PickKind::File, Some(extensions)),
                    Some(Input::Files { extensions }) => (PickKind::Files, Some(extensions)),
                };
                (
                    format!("Import {} as a new project", format.title()),
                    kind,
                    extensions.map(|e| (format.title(), e)),
                    None,
                )
            }
            FilePurpose::Export(format) => match format.export_output() {
                Some(Output::File { extension }) => (
                    format!("Export as {}", format.title()),
                    PickKind::SaveFile,
                    None,
                    Some(format!("{project_name}.{extension}")),
                ),
                Some(Output::Folder) | None => (
                    format!("Export as {} into the folder", format.title()),
                    PickKind::Folder,
                    None,
                    None,
                ),
            },
            FilePurpose::SaveSchema => (
                "Save the schema as".to_string(),
                PickKind::SaveFile,
                Some(("eventail schema", &["ron"][..])),
                Some(format!("{project_name}-schema.ron")),
            ),
            FilePurpose::LoadSchema => (
                "Load a schema".to_string(),
                PickKind::File,
                Some(("eventail schema", &["ron"][..])),
                None,
            ),
            FilePurpose::ImportBratSchema => (
                "Import a brat annotation.conf as the schema".to_string(),
                PickKind::File,
                Some(("brat configuration", &["conf"][..])),
                None,
            ),
            FilePurpose::RepairCopy { broken } => {
                let stem = broken
                    .file_stem()
                    .map_or("project".into(), |s| s.to_string_lossy());
                (
                    "Save the repaired copy as".to_string(),
                    PickKind::SaveFile,
                    PROJECT,
                    Some(format!("{stem}-repaired.ron")),
                )
            }
        };
        Self {
            purpose,
            title,
            kind,
            extensions,
            file_name,
            directory,
        }
    }
}

/// The user's answer: the paths chosen, none when the dialog was cancelled.
#[derive(Clone, Debug, PartialEq)]
pub struct FileAnswer {
    /// The question answered.
    pub request: FileRequest,
    /// What was chosen; empty when cancelled.
    pub paths: Vec<PathBuf>,
}

/// Asks the user for files: native, drawn in egui, or scripted.
pub trait FileDialogs {
    /// Starts asking; the answer comes from [`FileDialogs::ui`], this frame or later.
    fn ask(&mut self, request: FileRequest);
    /// Draws the dialog if it is drawn in egui; returns the answer once there is one.
    fn ui(&mut self, ctx: &egui::Context) -> Option<FileAnswer>;
    /// True while a dialog drawn in the window waits for the user (the rest of the
    /// window is then disabled, as under a native modal dialog).
    fn is_open(&self) -> bool;
}

/// Below this, a native dialog that returned nothing never showed: no person cancels
/// a dialog that fast, so the portal (or zenity) is missing.
const TOO_FAST_TO_BE_A_PERSON: Duration = Duration::from_millis(250);

/// The system's dialog (through rfd), falling back for good to the egui dialog as soon
/// as the native one turns out not to open.
#[derive(Default)]
pub struct NativeFileDialogs {
    native_failed: bool,
    answer: Option<FileAnswer>,
    fallback: EguiFileDialogs,
}

impl NativeFileDialogs {
    fn native(request: &FileRequest) -> Vec<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(&request.title);
        if let Some((name, extensions)) = request.extensions {
            dialog = dialog.add_filter(name, extensions);
        }
        if let Some(name) = &request.file_name {
            dialog = dialog.set_file_name(name);
        }
        if let Some(directory) = &request.directory {
            dialog = dialog.set_directory(directory);
        }
        match request.kind {
            PickKind::File => dialog.pick_file().into_iter().collect(),
            PickKind::Files => dialog.pick_files().unwrap_or_default(),
            PickKind::Folder => dialog.pick_folder().into_iter().collect(),
            PickKind::SaveFile => dialog.save_file().into_iter().collect(),
        }
    }
}

impl FileDialogs for NativeFileDialogs {
    fn ask(&mut self, request: FileRequest) {
        if self.native_failed {
            self.fallback.ask(request);
            return;
        }
        let asked = Instant::now();
        let paths = Self::native(&request);
        if paths.is_empty() && asked.elapsed() < TOO_FAST_TO_BE_A_PERSON {
            self.native_failed = true;
            self.fallback.ask(request);
        } else {
            self.answer = Some(FileAnswer { request, paths });
        }
    }

    fn ui(&mut self, ctx: &egui::Context) -> Option<FileAnswer> {
        self.answer.take().or_else(|| self.fallback.ui(ctx))
    }

    fn is_open(&self) -> bool {
        self.fallback.is_open()
    }
}

/// A file dialog drawn in the window (`egui_file`), for where no native dialog exists.
#[derive(Default)]
pub struct EguiFileDialogs {
    open: Option<(FileRequest, egui_file::FileDialog)>,
}

impl FileDialogs for EguiFileDialogs {
    fn ask(&mut self, request: FileRequest) {
        let dialog = match request.kind {
            PickKind::File => egui_file::FileDialog::open_file(),
            PickKind::Files => egui_file::FileDialog::open_file().multi_select(true),
            PickKind::Folder => egui_file::FileDialog::select_folder(),
            PickKind::SaveFile => egui_file::FileDialog::save_file(),
        };
        let mut dialog = dialog
            .title(&request.title)
            .id(egui::Id::unique("egui file dialog"))
            .keep_on_top(true)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO);
        if let Some(name) = &request.file_name {
            dialog = dialog.default_filename(name.clone());
        }
        if let Some(directory) = &request.directory {
            dialog = dialog.initial_path(directory.clone());
        }
        if let Some((_, extensions)) = request.extensions {
            dialog = dialog.show_files_filter(Box::new(move |path: &std::path::Path| {
                path.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
            }));
        }
        dialog.open();
        self.open = Some((request, dialog));
    }

    fn ui(&mut self, ctx: &egui::Context) -> Option<FileAnswer> {
        let (_, dialog) = self.open.as_mut()?;
        dialog.show(ctx);
        let paths: Vec<PathBuf> = match dialog.state() {
            egui_file::State::Open => return None,
            egui_file::State::Selected if dialog.has_multi_select() => {
                dialog.selection().into_iter().map(PathBuf::from).collect()
            }
            egui_file::State::Selected => dialog.path().map(PathBuf::from).into_iter().collect(),
            egui_file::State::Cancelled | egui_file::State::Closed => Vec::new(),
        };
        let (request, _) = self.open.take()?;
        Some(FileAnswer { request, paths })
    }

    fn is_open(&self) -> bool {
        self.open.is_some()
    }
}

/// Answers given in advance by a test, and the questions the app asked.
#[derive(Clone, Default)]
pub struct ScriptedFileDialogs {
    answers: Arc<Mutex<VecDeque<Vec<PathBuf>>>>,
    asked: Arc<Mutex<Vec<FileRequest>>>,
    pending: Arc<Mutex<Option<FileAnswer>>>,
}

impl ScriptedFileDialogs {
    /// The next question will be answered with `paths` (empty: the user cancels).
    pub fn will_answer(&self, paths: Vec<PathBuf>) {
        lock(&self.answers).push_back(paths);
    }

    /// Every question asked so far, oldest first.
    pub fn asked(&self) -> Vec<FileRequest> {
        lock(&self.asked).clone()
    }
}

/// A poisoned lock only means a test panicked elsewhere: the data is still usable.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl FileDialogs for ScriptedFileDialogs {
    fn ask(&mut self, request: FileRequest) {
        lock(&self.asked).push(request.clone());
        // With no answer scripted, the user cancels.
        let paths = lock(&self.answers).pop_front().unwrap_or_default();
        *lock(&self.pending) = Some(FileAnswer { request, paths });
    }

    fn ui(&mut self, _ctx: &egui::Context) -> Option<FileAnswer> {
        lock(&self.pending).take()
    }

    fn is_open(&self) -> bool {
        false
    }
}
