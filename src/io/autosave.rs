//! Recovery files: while a project has unsaved changes, a background thread writes it
//! beside the project every few seconds, so that a crash or a power cut loses at most
//! those seconds. The next start offers to recover it.

use super::atomic::write_atomically;
use super::project_file::project_to_string;
use crate::model::Project;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// Where the recovery copy of `project` is written: `palmyre.ron` →
/// `palmyre.ron.autosave`.
pub fn recovery_path(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".autosave");
    project.with_file_name(name)
}

/// A recovery file worth offering: it exists and is newer than the project itself.
pub fn pending_recovery(project: &Path) -> Option<PathBuf> {
    let recovery = recovery_path(project);
    let recovery_time = std::fs::metadata(&recovery).ok()?.modified().ok()?;
    match std::fs::metadata(project).and_then(|m| m.modified()) {
        Ok(project_time) if project_time >= recovery_time => None,
        _ => Some(recovery),
    }
}

/// Removes the recovery file of `project` (after a save, or when the user discards it).
pub fn discard_recovery(project: &Path) {
    let _ = std::fs::remove_file(recovery_path(project));
}

enum Job {
    Write(PathBuf, Box<Project>),
    Remove(PathBuf),
}

/// Writes recovery files on a background thread, never blocking the UI.
pub struct Autosaver {
    jobs: mpsc::Sender<Job>,
    errors: mpsc::Receiver<String>,
}

impl Default for Autosaver {
    fn default() -> Self {
        Self::new()
    }
}

impl Autosaver {
    /// Starts the background writer.
    pub fn new() -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (report, errors) = mpsc::channel();
        std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    // Only the newest snapshot matters when several are waiting.
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let result = match job {
                        Job::Write(path, project) => project_to_string(&project)
                            .map_err(|e| e.to_string())
                            .and_then(|text| {
                                write_atomically(&path, text.as_bytes()).map_err(|e| e.to_string())
                            })
                            .map_err(|e| format!("autosave failed: {e}: {}", path.display())),
                        Job::Remove(path) => {
                            let _ = std::fs::remove_file(&path);
                            Ok(())
                        }
                    };
                    if let Err(message) = result {
                        let _ = report.send(message);
                    }
                }
            })
            .ok();
        Self { jobs, errors }
    }

    /// Writes a snapshot of `project` as the recovery file of `project_path`.
    pub fn save(&self, project_path: &Path, project: &Project) {
        let job = Job::Write(recovery_path(project_path), Box::new(project.clone()));
        let _ = self.jobs.send(job);
    }

    /// Removes the recovery file of `project_path`, after the pending writes.
    pub fn clear(&self, project_path: &Path) {
        let _ = self.jobs.send(Job::Remove(recovery_path(project_path)));
    }

    /// The latest autosave error, if any happened since the last call.
    pub fn take_error(&self) -> Option<String> {
        self.errors.try_iter().last()
    }
}
