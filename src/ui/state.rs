//! Runtime state of the app: the open project and what the user is looking at. Never
//! saved as settings.

use crate::edit::History;
use crate::model::{EventId, Filler, Project, Span};
use std::path::PathBuf;

/// The open project with its file and its undo history.
pub struct Session {
    /// The project.
    pub project: Project,
    /// Its file; `None` until first saved.
    pub path: Option<PathBuf>,
    /// Undo and redo.
    pub history: History,
    /// The lock on `path`; `None` for a project without a file, or opened read-only.
    pub lock: Option<crate::io::ProjectLock>,
    /// Opened while another eventail had it: saving to `path` is refused.
    pub read_only: bool,
}

impl Session {
    /// A session on a project that has no file yet.
    pub fn unsaved(project: Project) -> Self {
        Self {
            project,
            path: None,
            history: History::default(),
            lock: None,
            read_only: false,
        }
    }

    /// True when there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }
}

/// What the user looks at and is in the middle of doing.
#[derive(Default)]
pub struct ViewState {
    /// Index of the shown document.
    pub doc: usize,
    /// Selected text of the shown document.
    pub selection: Option<Span>,
    /// Selected mention or event.
    pub selected: Option<Filler>,
    /// A role waiting for a click on a highlight.
    pub active_role: Option<(EventId, String)>,
    /// Where the tag popup is open.
    pub popup: Option<egui::Pos2>,
    /// The command palette's query, when it is open.
    pub palette: Option<String>,
    /// The last thing that happened, for the status bar.
    pub status: String,
    /// Show how long the last frame took to build, in the status bar.
    pub show_frame_time: bool,
}

/// Something that interrupts the work and waits for the user.
pub enum Dialog {
    /// An error to read.
    Error(String),
    /// Unsaved changes would be lost by `then`.
    Unsaved(Pending),
    /// The project parsed but is inconsistent: it can be repaired into a copy.
    Invalid {
        /// The project, left untouched.
        path: PathBuf,
        /// Every problem, with document and annotation.
        message: String,
    },
    /// Another running eventail has this project open.
    Locked {
        /// The project.
        path: PathBuf,
        /// Who has it open.
        owner: crate::io::LockOwner,
    },
    /// An autosave newer than the project was found when opening it.
    Recover {
        /// The project.
        path: PathBuf,
        /// The recovery file.
        recovery: PathBuf,
    },
}

/// What to do once the user has decided about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Close the window.
    Quit,
    /// Start an empty project.
    NewProject,
    /// Choose a project to open.
    Open,
    /// Open this project.
    OpenPath(PathBuf),
    /// Choose a doccano file to open as a new project.
    ImportDoccano,
    /// Choose a brat collection to open as a new project.
    ImportBrat,
}
