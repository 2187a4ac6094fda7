//! The recovery copy follows the history: written every few seconds while the project
//! differs from its file, removed as soon as it no longer does (saved, or undone back to
//! the saved state), and every failure said in the status bar until a write succeeds.

use super::app::EventailApp;
use crate::io::{AutosaveOutcome, Autosaver};
use std::path::{Path, PathBuf};

/// How often unsaved work is written, and a failed write retried.
const EVERY_SECONDS: f64 = 5.0;

/// The autosave writer and what the app knows of it.
#[derive(Default)]
pub struct AutosaveState {
    writer: Autosaver,
    /// The generation last written (or tried), and when (egui time, seconds).
    last: Option<((u64, usize), f64)>,
    /// The project whose recovery file this session may have written.
    written_for: Option<PathBuf>,
    /// Why the last attempt failed, until one succeeds.
    problem: Option<String>,
}

impl AutosaveState {
    /// Why autosaving fails, while it does.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Removes the recovery file of `path`, if this session may have written it.
    pub fn forget(&mut self, path: &Path) {
        if self.written_for.as_deref() == Some(path) {
            self.discard(path);
        }
    }

    /// Removes the recovery file of `path`, whoever wrote it, now and for good: a
    /// write already asked for will not bring it back.
    pub fn discard(&mut self, path: &Path) {
        if self.written_for.as_deref() == Some(path) {
            self.written_for = None;
            self.last = None;
        }
        if let Err(problem) = self.writer.clear(path) {
            self.problem = Some(problem);
        }
    }

    fn take_outcomes(&mut self) {
        for outcome in self.writer.outcomes() {
            match outcome {
                AutosaveOutcome::Written(_) => self.problem = None,
                AutosaveOutcome::Failed(message) => self.problem = Some(message),
            }
        }
    }
}

impl EventailApp {
    /// Called once per frame: writes, retries or removes the recovery file.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        self.autosave.take_outcomes();
        let Some(path) = self.session.path().map(Path::to_path_buf) else {
            return;
        };
        // A project still being read is not whole: nothing to write yet.
        if self.session.is_read_only() || self.session.documents_to_come().is_some() {
            return;
        }
        if !self.session.is_dirty() {
            // Back at the saved state (saved, or undone to it): nothing to recover.
            self.autosave.forget(&path);
            return;
        }
        let generation = self.session.generation();
        let now = ctx.input(|i| i.time);
        let failing = self.autosave.problem.is_some();
        let due = match self.autosave.last {
            Some((done, at)) => (done != generation || failing) && now - at >= EVERY_SECONDS,
            None => true,
        };
        if due {
            self.autosave.last = Some((generation, now));
            self.autosave.written_for = Some(path.clone());
            if let Err(problem) = self.autosave.writer.save(&path, self.session.project()) {
                self.autosave.problem = Some(problem);
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(EVERY_SECONDS));
    }
}
