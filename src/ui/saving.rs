//! Saving off the UI thread, so that the window never waits for the disk.
//!
//! A save copies the project (a pointer per document: see [`crate::model::Documents`])
//! and hands the copy to a thread of its own, which serialises it and writes it as
//! every save does ([`crate::io::save_project_stamped`]: beside the file, synced, renamed
//! into place, the old version kept as the backup). The user goes on working meanwhile.
//! What was written is the project as it was when the save began, so only that state
//! is marked saved: edits made during the save stay unsaved. Dropping a save in flight
//! waits for it, so that closing the window never leaves a file half written.

use crate::io::{FileStamp, ProjectLock, SaveError};
use crate::model::Project;
use std::path::PathBuf;
use std::sync::mpsc;

use super::state::Pending;

/// How a save ended: the stamp of the file written, or why it was not.
pub type SaveOutcome = Result<Option<FileStamp>, SaveError>;

/// A save under way on its own thread, and what to do when it ends.
pub struct SaveInFlight {
    /// What it writes, where, and what waits for it.
    pub target: SaveTarget,
    outcome: mpsc::Receiver<SaveOutcome>,
    _thread: Joined,
}

/// A thread that is waited for when dropped, so that closing the window never leaves a
/// file half written.
struct Joined(Option<std::thread::JoinHandle<()>>);

impl Drop for Joined {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            let _ = thread.join();
        }
    }
}

impl SaveInFlight {
    /// Starts writing `project` (a copy: see [`crate::model::Documents`]) to the target's
    /// file on a thread of its own, once `gate` lets it; the window repaints when it
    /// ends.
    pub fn start(
        project: Project,
        target: SaveTarget,
        gate: &super::gate::Gate,
        ctx: &egui::Context,
    ) -> std::io::Result<Self> {
        let (send, outcome) = mpsc::channel();
        let path = target.path.clone();
        let gate = gate.clone();
        let ctx = ctx.clone();
        let thread = std::thread::Builder::new()
            .name("eventail save".into())
            .spawn(move || {
                gate.wait();
                let saved = crate::io::save_project_stamped(&path, &project);
                // The copy goes before the window hears of the end, so that the
                // documents it shared are the window's alone again.
                drop(project);
                let _ = send.send(saved);
                ctx.request_repaint();
            })?;
        Ok(Self {
            target,
            outcome,
            _thread: Joined(Some(thread)),
        })
    }

    /// How the save ended, once it has.
    pub fn poll(&self) -> Option<SaveOutcome> {
        match self.outcome.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            // The thread ended without a word: it panicked before putting anything in
            // place (the file is renamed into place whole or not at all).
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(SaveError::Write {
                path: self.target.path.clone(),
                error: std::io::Error::other("the saving thread stopped"),
            })),
        }
    }
}

/// Where and what a save writes, and what waits for it.
pub struct SaveTarget {
    /// The file, as the user named it.
    pub path: PathBuf,
    /// The project saved ([`super::session::Session::epoch`]) and the state of its
    /// history written ([`super::session::Session::generation`]).
    pub epoch: u64,
    /// See `epoch`.
    pub generation: (u64, usize),
    /// The new file's lock (Save as), taken before writing.
    pub lock: Option<ProjectLock>,
    /// True when `path` is the project's own file.
    pub same_file: bool,
    /// What waits for the save (quitting, opening another project...).
    pub then: Option<Pending>,
}

/// A save asked for while another was under way: it starts when that one ends.
pub struct QueuedSave {
    /// The file; `None`: the project's own.
    pub path: Option<PathBuf>,
    /// What waits for it.
    pub then: Option<Pending>,
    /// Write over the file even if another program changed it (the user said so).
    pub overwrite: bool,
}
