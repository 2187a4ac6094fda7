//! Recovery files: while a project has unsaved changes, a background thread writes it
//! beside the project every few seconds, so that a crash or a power cut loses at most
//! those seconds. The next start offers to recover it.

use super::atomic::write_atomically;
use super::project_file::{project_from_str, project_to_string};
use crate::model::Project;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

/// Where the recovery copy of `project` is written: `palmyre.ron` →
/// `palmyre.ron.autosave`.
pub fn recovery_path(project: &Path) -> PathBuf {
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".autosave");
    project.with_file_name(name)
}

/// True when `project` has a recovery file newer than itself: a cheap look at the file
/// system before anything is read (at start-up, to decide whether to reopen the last
/// project). Whether it holds work to recover is for [`pending_recovery`] to say.
pub fn has_recovery_file(project: &Path) -> bool {
    newer_recovery_file(project).is_some()
}

/// The recovery file of `project` if it is newer than the project: an older one
/// predates the last save, so it is never offered.
fn newer_recovery_file(project: &Path) -> Option<PathBuf> {
    let recovery = recovery_path(project);
    let recovery_time = std::fs::metadata(&recovery).ok()?.modified().ok()?;
    match std::fs::metadata(project).and_then(|m| m.modified()) {
        Ok(project_time) if project_time >= recovery_time => None,
        _ => Some(recovery),
    }
}

/// A recovery file worth offering for the project at `path`, just `loaded` from it: one
/// newer than the file ([`has_recovery_file`]) that holds other work. One with the
/// file's bytes, or that reads as a project equal to `loaded`, holds nothing to recover
/// and is removed (best effort); one that does not load (torn, or from a newer
/// eventail) could not be recovered, so it is not offered but left where it is.
pub fn pending_recovery(path: &Path, loaded: &Project) -> Option<PathBuf> {
    let recovery = newer_recovery_file(path)?;
    let bytes = std::fs::read(&recovery).ok()?;
    // Each `?` below is a recovery file that does not load: not offered, kept.
    let same = std::fs::read(path).is_ok_and(|file| file == bytes) || {
        let text = String::from_utf8(bytes).ok()?;
        project_from_str(&text, &recovery).ok()? == *loaded
    };
    if same {
        let _ = std::fs::remove_file(&recovery);
        return None;
    }
    Some(recovery)
}

/// What the writer is asked to do: write a snapshot as the recovery file `path`.
struct Write {
    path: PathBuf,
    project: Box<Project>,
    /// When it was asked, to tell it from the removals asked later.
    serial: u64,
}

/// The recovery files removed, and when: a write asked before its file was removed
/// must not bring the file back, even if it was already under way.
#[derive(Default)]
struct Removals {
    /// The serial of the last request.
    serial: u64,
    /// For each recovery file, the serial of the last request when it was removed.
    removed: HashMap<PathBuf, u64>,
}

impl Removals {
    fn voids(&self, write: &Write) -> bool {
        self.removed
            .get(&write.path)
            .is_some_and(|&removed| write.serial <= removed)
    }
}

/// What the background writer did with a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AutosaveOutcome {
    /// The recovery file was written.
    Written(PathBuf),
    /// Writing failed; the message names the file last.
    Failed(String),
}

/// Writes recovery files on a background thread, never blocking the UI, and removes
/// them at once when asked. The thread starts with the first request; if it cannot
/// start, each request says so and the next one tries again. Dropping the writer waits
/// for the write under way, so that nothing is left half done when the app closes.
#[derive(Default)]
pub struct Autosaver {
    worker: Option<Worker>,
    removals: Arc<Mutex<Removals>>,
}

struct Worker {
    writes: Option<mpsc::Sender<Write>>,
    outcomes: mpsc::Receiver<AutosaveOutcome>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// A poisoned lock only means a panic elsewhere: the data is still right.
fn lock(removals: &Mutex<Removals>) -> std::sync::MutexGuard<'_, Removals> {
    removals.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Worker {
    fn start(removals: Arc<Mutex<Removals>>) -> std::io::Result<Self> {
        let (writes, inbox) = mpsc::channel::<Write>();
        let (report, outcomes) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    // Only the newest snapshot of each file matters when several wait.
                    let mut newest: Vec<Write> = vec![first];
                    for write in inbox.try_iter() {
                        newest.retain(|w| w.path != write.path);
                        newest.push(write);
                    }
                    for write in newest {
                        if let Some(outcome) = run(&write, &removals)
                            && report.send(outcome).is_err()
                        {
                            return;
                        }
                    }
                }
            })?;
        Ok(Self {
            writes: Some(writes),
            outcomes,
            thread: Some(thread),
        })
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop once the write under way is done.
        self.writes = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Writes one snapshot, unless its file was removed since it was asked for; if it was
/// removed while being written, removes it again.
fn run(write: &Write, removals: &Mutex<Removals>) -> Option<AutosaveOutcome> {
    if lock(removals).voids(write) {
        return None;
    }
    let path = &write.path;
    let written = project_to_string(&write.project)
        .map_err(|e| e.to_string())
        .and_then(|text| write_atomically(path, text.as_bytes()).map_err(|e| e.to_string()));
    let removals = lock(removals);
    if removals.voids(write) {
        let _ = std::fs::remove_file(path);
        return None;
    }
    Some(match written {
        Ok(()) => AutosaveOutcome::Written(path.clone()),
        Err(e) => AutosaveOutcome::Failed(format!("autosave failed: {e}: {}", path.display())),
    })
}

impl Autosaver {
    /// A writer whose thread starts with the first request.
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes a snapshot of `project` as the recovery file of `project_path`; an error
    /// says the request could not even be queued.
    pub fn save(&mut self, project_path: &Path, project: &Project) -> Result<(), String> {
        if self.worker.is_none() {
            let worker = Worker::start(self.removals.clone())
                .map_err(|e| format!("autosave unavailable: cannot start its thread: {e}"))?;
            self.worker = Some(worker);
        }
        let serial = {
            let mut removals = lock(&self.removals);
            removals.serial += 1;
            removals.serial
        };
        let write = Write {
            path: recovery_path(project_path),
            project: Box::new(project.clone()),
            serial,
        };
        let sent = self
            .worker
            .as_ref()
            .and_then(|w| w.writes.as_ref())
            .map(|w| w.send(write));
        if !matches!(sent, Some(Ok(()))) {
            // The thread is gone: start another with the next request.
            self.worker = None;
            return Err("autosave unavailable: its thread stopped".into());
        }
        Ok(())
    }

    /// Removes the recovery file of `project_path` now; the writes asked before will not
    /// bring it back.
    pub fn clear(&mut self, project_path: &Path) -> Result<(), String> {
        let path = recovery_path(project_path);
        let mut removals = lock(&self.removals);
        let serial = removals.serial;
        removals.removed.insert(path.clone(), serial);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(format!(
                "cannot remove the autosave: {e}: {}",
                path.display()
            )),
            _ => Ok(()),
        }
    }

    /// What the writer did since the last call, oldest first.
    pub fn outcomes(&self) -> Vec<AutosaveOutcome> {
        self.worker
            .as_ref()
            .map(|w| w.outcomes.try_iter().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_project, save_project};
    use crate::model::Document;
    use std::time::{Duration, SystemTime};

    /// A saved project `p.ron` in a temporary directory, and the project as loaded.
    fn saved() -> (tempfile::TempDir, PathBuf, Project) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.ron");
        let mut project = Project::new("p", crate::io::default_schema());
        project
            .documents
            .push(Document::new("d", "d", "Daech attaque Palmyre."));
        save_project(&path, &project).expect("save");
        let loaded = load_project(&path).expect("load");
        (dir, path, loaded)
    }

    /// Writes `bytes` as the recovery file of `path`, `seconds` after the file's time
    /// (before it when negative).
    fn write_recovery(path: &Path, bytes: &[u8], seconds: i64) -> PathBuf {
        let recovery = recovery_path(path);
        std::fs::write(&recovery, bytes).expect("write recovery");
        let file_time = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .expect("mtime");
        let shift = Duration::from_secs(seconds.unsigned_abs());
        let time = if seconds >= 0 {
            file_time + shift
        } else {
            file_time - shift
        };
        std::fs::File::options()
            .write(true)
            .open(&recovery)
            .and_then(|f| f.set_modified(time))
            .expect("set mtime");
        recovery
    }

    fn edited(project: &Project) -> Project {
        let mut project = project.clone();
        project.documents[0].name = "Palmyre".into();
        project
    }

    #[test]
    fn no_recovery_file_is_nothing_to_recover() {
        let (_dir, path, loaded) = saved();
        assert!(!has_recovery_file(&path));
        assert_eq!(pending_recovery(&path, &loaded), None);
    }

    #[test]
    fn a_newer_recovery_file_with_other_work_is_offered_and_kept() {
        let (_dir, path, loaded) = saved();
        let text = project_to_string(&edited(&loaded)).expect("ron");
        let recovery = write_recovery(&path, text.as_bytes(), 10);
        assert!(has_recovery_file(&path));
        assert_eq!(pending_recovery(&path, &loaded), Some(recovery.clone()));
        assert!(recovery.exists());
    }

    #[test]
    fn a_recovery_file_with_the_bytes_of_the_file_is_removed_not_offered() {
        let (_dir, path, loaded) = saved();
        let bytes = std::fs::read(&path).expect("read");
        let recovery = write_recovery(&path, &bytes, 10);
        assert!(has_recovery_file(&path), "newer, so worth a look");
        assert_eq!(pending_recovery(&path, &loaded), None);
        assert!(!recovery.exists(), "removed");
    }

    #[test]
    fn a_recovery_file_that_reads_as_the_loaded_project_is_removed_not_offered() {
        let (_dir, path, loaded) = saved();
        // Other bytes, same project: laid out on one line.
        let text = ron::to_string(&loaded).expect("ron");
        assert_ne!(text.as_bytes(), std::fs::read(&path).expect("read"));
        let recovery = write_recovery(&path, text.as_bytes(), 10);
        assert_eq!(pending_recovery(&path, &loaded), None);
        assert!(!recovery.exists(), "removed");
    }

    #[test]
    fn a_recovery_file_that_does_not_load_is_not_offered_but_kept() {
        let (_dir, path, loaded) = saved();
        let text = project_to_string(&edited(&loaded)).expect("ron");
        let torn = &text.as_bytes()[..text.len() / 2];
        let recovery = write_recovery(&path, torn, 10);
        assert_eq!(pending_recovery(&path, &loaded), None);
        assert!(recovery.exists(), "left for the user to look at");
        std::fs::write(&recovery, b"\xff\xfe not text").expect("write");
        let when = SystemTime::now() + Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&recovery)
            .and_then(|f| f.set_modified(when))
            .expect("set mtime");
        assert_eq!(pending_recovery(&path, &loaded), None);
        assert!(recovery.exists());
    }

    #[test]
    fn a_recovery_file_older_than_the_file_is_not_offered() {
        let (_dir, path, loaded) = saved();
        let text = project_to_string(&edited(&loaded)).expect("ron");
        let recovery = write_recovery(&path, text.as_bytes(), -10);
        assert!(!has_recovery_file(&path));
        assert_eq!(pending_recovery(&path, &loaded), None);
        assert!(recovery.exists(), "not ours to judge: kept");
    }

    #[test]
    fn a_removal_is_never_undone_by_a_write_asked_before_it() {
        let (_dir, path, loaded) = saved();
        let mut big = loaded.clone();
        let text = "Palmyre est reprise. ".repeat(200_000);
        big.documents[0] = Document::new("d", "d", text);
        for _ in 0..20 {
            let mut writer = Autosaver::new();
            writer.save(&path, &big).expect("queued");
            writer.save(&path, &loaded).expect("queued");
            writer.clear(&path).expect("removed");
            // Dropping waits for the write under way: whatever it was doing, the
            // recovery file must be gone at the end.
            drop(writer);
            assert!(!recovery_path(&path).exists());
        }
        let mut writer = Autosaver::new();
        writer.clear(&path).expect("removed");
        writer.save(&path, &loaded).expect("queued");
        drop(writer);
        assert!(
            recovery_path(&path).exists(),
            "a write asked after the removal stands"
        );
    }
}
