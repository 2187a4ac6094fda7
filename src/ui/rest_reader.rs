//! The documents of a large project after its first, read on a thread of their own
//! while the first is on screen and editable (see [`crate::io::open_project`]).

use crate::io::{LoadError, RestOfFile};
use crate::model::Project;
use std::path::PathBuf;
use std::sync::mpsc;

/// The rest of a project file being read.
pub struct RestReader {
    /// The session (its epoch) that shows the first document: the rest is for it only.
    pub epoch: u64,
    /// The project's file, for messages.
    pub path: PathBuf,
    /// Whether a differing autosave of the file is to be offered once it is read.
    pub offer_recovery: bool,
    output: mpsc::Receiver<Result<Project, LoadError>>,
}

impl RestReader {
    /// Starts reading `rest` once `gate` lets it; the window repaints when it is read. On failure to start
    /// a thread, `rest` is dropped and the error returned.
    pub fn spawn(
        ctx: &egui::Context,
        rest: RestOfFile,
        path: PathBuf,
        epoch: u64,
        offer_recovery: bool,
        gate: &super::gate::Gate,
    ) -> std::io::Result<Self> {
        let (send, output) = mpsc::channel();
        let ctx = ctx.clone();
        let gate = gate.clone();
        std::thread::Builder::new()
            .name("eventail reading".into())
            .spawn(move || {
                gate.wait();
                let _ = send.send(rest.read());
                ctx.request_repaint();
            })?;
        Ok(Self {
            epoch,
            path,
            offer_recovery,
            output,
        })
    }

    /// The whole project, or why it could not be read, once it is.
    pub fn poll(&self) -> Option<Result<Project, LoadError>> {
        self.output.try_recv().ok()
    }
}
