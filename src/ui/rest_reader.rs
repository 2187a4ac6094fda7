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
            output,
        })
    }

    /// The whole project, or why it could not be read, once it is.
    pub fn poll(&self) -> Option<Result<Project, LoadError>> {
        match self.output.try_recv() {
            Ok(result) => Some(result),
            Err(mpsc::TryRecvError::Empty) => None,
            // The thread ended without a word (it panicked): the project cannot be whole.
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(LoadError::Read {
                path: self.path.clone(),
                error: std::io::Error::other("reading the documents after the first stopped"),
            })),
        }
    }
}
