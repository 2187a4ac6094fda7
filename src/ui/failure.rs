//! What could not be done, kept typed until it is shown: the dialog says what was being
//! done in its title and the library's error (file last) in its body.

use crate::formats::{ExportError, ImportError};
use crate::io;
use std::path::PathBuf;

/// A failed action; the user's work is as it was.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// A project could not be read.
    #[error("{0}")]
    Open(io::LoadError),
    /// The project could not be written.
    #[error("{0}")]
    Save(io::SaveError),
    /// Saving over a project that is open read-only.
    #[error(
        "this project is open read-only because another eventail has it open; \
         use Save as to keep your changes: {}", .0.display()
    )]
    ReadOnly(PathBuf),
    /// Files could not be imported (nothing was added).
    #[error("{0}")]
    Import(ImportError),
    /// The project could not be exported.
    #[error("{0}")]
    Export(ExportError),
    /// An export would overwrite the open project's own file.
    #[error("an export must go to another file than the open project: {}", .0.display())]
    ExportOverProject(PathBuf),
    /// A file chosen to be written is a project that another eventail has open.
    #[error("{} is open in another eventail ({owner}): nothing was written", path.display())]
    OpenElsewhere {
        /// The file.
        path: PathBuf,
        /// Who has it open.
        owner: io::LockOwner,
    },
    /// The repaired copy would overwrite the project it repairs.
    #[error("the repaired copy must be another file: {}", .0.display())]
    RepairOverInput(PathBuf),
    /// The file is the project that could not be read whole, whose first document's
    /// changes are open: writing over it would lose the rest.
    #[error(
        "this is the project that could not be read whole: saving its first document \
         over it would lose the others; choose another file: {}",
        .0.display()
    )]
    OverUnread(PathBuf),
    /// The autosave could not be read back.
    #[error("{0}")]
    Recover(io::LoadError),
    /// A schema file could not be read or written.
    #[error("{0}")]
    Schema(String),
}

impl Failure {
    /// What was being done, as the dialog's title.
    pub fn title(&self) -> &'static str {
        match self {
            Failure::Open(_) => "The project could not be opened",
            Failure::Save(_) | Failure::ReadOnly(_) => "The project was not saved",
            Failure::Import(_) => "Nothing was imported",
            Failure::Export(_) | Failure::ExportOverProject(_) => "The export failed",
            Failure::OpenElsewhere { .. } => "Nothing was written",
            Failure::RepairOverInput(_) => "No repaired copy was written",
            Failure::OverUnread(_) => "Nothing was written",
            Failure::Recover(_) => "The autosave could not be recovered",
            Failure::Schema(_) => "The schema was not changed or written",
        }
    }
}
