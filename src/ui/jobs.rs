//! Long work (opening a large project, importing many or large files, exporting) runs
//! on a background thread so that the window never freezes: the user sees a progress
//! bar and can cancel. Small work runs at once, so that the common case has no delay.

use crate::formats::{ExportError, ExportReport, Format, Import, ImportError};
use crate::io::LoadError;
use crate::model::Project;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Files larger than this in total are read on a background thread.
pub const BACKGROUND_BYTES: u64 = 4 * 1024 * 1024;

/// How far a job has got, shared between the worker and the window.
#[derive(Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    /// Sets the number of steps.
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// Sets the number of steps done.
    pub fn set_done(&self, done: usize) {
        self.done.store(done, Ordering::Relaxed);
    }

    /// The fraction done, if the total is known.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| self.done.load(Ordering::Relaxed) as f32 / total as f32)
    }

    /// Asks the worker to stop.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once the user cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// What a finished job hands back to the app.
pub enum JobOutput {
    /// A project was read.
    Opened {
        /// Its file.
        path: PathBuf,
        /// The project (or its first document), or why it could not be read.
        result: Result<crate::io::Opening, LoadError>,
        /// The lock taken before reading, kept with the session.
        lock: Option<crate::io::ProjectLock>,
        /// Opened read-only.
        read_only: bool,
        /// What the file held, taken before reading it.
        stamp: Option<crate::io::FileStamp>,
    },
    /// Files were read in a format: text files for the open project, anything else as
    /// a new project.
    Imported {
        /// The format read.
        format: Format,
        /// What was read, or why nothing was.
        result: Result<Import, ImportError>,
    },
    /// Projects were read, to compare with or to build a gold version from.
    ProjectsRead {
        /// What they are for.
        purpose: ProjectsFor,
        /// Each file, with its project or why it could not be read.
        results: Vec<(PathBuf, Result<Project, LoadError>)>,
    },
    /// An export ended.
    Exported {
        /// Where it went.
        out: PathBuf,
        /// What was written, or why nothing was.
        result: Result<ExportReport, ExportError>,
    },
}

/// What other people's projects are read for (`eventail P --compare` / `--adjudicate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectsFor {
    /// Comparing them with the open project.
    Compare,
    /// Building a gold version from them.
    Gold,
}

/// Whether a job may be abandoned at once when cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// It only reads: cancelling drops its output, nothing changes.
    Reads,
    /// It writes files: cancelling asks it to stop, and the app waits for it to say
    /// what it wrote.
    Writes,
}

/// Work running on a background thread.
pub struct Job {
    /// What it does, for the progress window.
    pub label: String,
    /// Its progress and cancel flag.
    pub progress: Arc<Progress>,
    kind: JobKind,
    output: mpsc::Receiver<JobOutput>,
}

impl Job {
    /// Starts `work` on a thread; the window repaints when it ends.
    pub fn spawn(
        label: impl Into<String>,
        kind: JobKind,
        ctx: &egui::Context,
        work: impl FnOnce(&Progress) -> JobOutput + Send + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let (send, output) = mpsc::channel();
        let worker_progress = progress.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("eventail job".into())
            .spawn(move || {
                let _ = send.send(work(&worker_progress));
                ctx.request_repaint();
            })?;
        Ok(Self {
            label: label.into(),
            progress,
            kind,
            output,
        })
    }

    /// The output, once the job is done.
    pub fn poll(&self) -> Option<JobOutput> {
        self.output.try_recv().ok()
    }

    /// Asks the job to stop; true when it can be forgotten at once (it only reads).
    pub fn cancel(&self) -> bool {
        self.progress.cancel();
        self.kind == JobKind::Reads
    }

    /// True for a job that writes files (an export).
    pub fn writes(&self) -> bool {
        self.kind == JobKind::Writes
    }

    /// True once cancelled, while a writing job finishes what it must.
    pub fn is_cancelling(&self) -> bool {
        self.progress.is_cancelled()
    }
}

/// Total size of the files at `paths` (folders count their `*.txt` files).
pub fn total_bytes(paths: &[PathBuf]) -> u64 {
    let size = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len());
    paths
        .iter()
        .map(|p| match std::fs::read_dir(p) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| size(&e.path()))
                .sum(),
            Err(_) => size(p),
        })
        .sum()
}

/// The progress callback of the formats, moving `progress` and stopping once the user
/// cancels.
pub fn keep_going(progress: &Progress) -> impl FnMut(usize, usize) -> bool + '_ {
    |done, total| {
        progress.set_total(total);
        progress.set_done(done);
        !progress.is_cancelled()
    }
}
