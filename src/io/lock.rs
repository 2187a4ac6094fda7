//! A lock file beside a project, so that a second eventail opening the same file warns
//! instead of silently overwriting the first one's work, and so that commands which read,
//! change and write a project run one after the other instead of losing each other's
//! changes.
//!
//! `palmyre.ron` is locked by `palmyre.ron.lock`, which names the process, its machine
//! and when it locked the project. A lock left by a process that no longer runs on this
//! machine is stale and is taken over. Of several processes racing for a lock, exactly
//! one wins: the lock file appears whole in one step, only where there is none, and a
//! stale one is removed by one process at a time, and only if it is still the same.

use super::atomic::{final_target, temporary_in};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::{Duration, Instant};

/// How many times [`ProjectLock::acquire`] looks again when the lock file changes under
/// it (released, taken over) before giving up.
const ATTEMPTS: usize = 100;

/// Who holds a lock, as written in the lock file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockOwner {
    /// Process id.
    pub pid: u32,
    /// Machine name.
    pub host: String,
    /// When the project was opened (RFC 3339).
    pub since: String,
}

impl std::fmt::Display for LockOwner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "process {} on {} since {}",
            self.pid, self.host, self.since
        )
    }
}

/// Why a project could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another running eventail has the project open, or is writing it.
    #[error("the project is in use by another eventail ({owner}): {}", path.display())]
    Held {
        /// The project.
        path: PathBuf,
        /// Who holds it.
        owner: LockOwner,
    },
    /// The lock file could not be written.
    #[error("cannot write the lock file: {error}: {}", path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

/// A held lock. Clones of one lock (the same project locked twice by this process: opened
/// again, or a repaired copy then opened) share it, and the last one dropped lets go:
/// the lock file is removed if it is still this lock's, or, for a lock taken over from a
/// live holder, given back to it.
#[derive(Clone, Debug)]
pub struct ProjectLock {
    /// Shared by the clones; dropping the last lets go.
    _held: Arc<Held>,
}

#[derive(Debug)]
struct Held {
    lock_path: PathBuf,
    /// What this lock wrote: a lock file holding anything else is not this lock's.
    text: String,
    /// The live holder's lock file, when this one was taken over from it ("Open
    /// anyway"): given back on letting go, so that it is not left without a lock.
    previous: Option<Vec<u8>>,
}

/// The locks this process holds, by lock file.
static HELD: Mutex<BTreeMap<PathBuf, Weak<Held>>> = Mutex::new(BTreeMap::new());

/// A poisoned registry only means a panic elsewhere: its entries are still right.
fn registry() -> std::sync::MutexGuard<'static, BTreeMap<PathBuf, Weak<Held>>> {
    HELD.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The lock this process already holds on `lock_path`, if its file is still there.
fn held_here(lock_path: &Path) -> Option<ProjectLock> {
    let held = registry().get(lock_path).and_then(Weak::upgrade)?;
    let still_ours = std::fs::read(lock_path).is_ok_and(|t| t == held.text.as_bytes());
    still_ours.then_some(ProjectLock { _held: held })
}

impl ProjectLock {
    fn new(lock_path: PathBuf, text: String, previous: Option<Vec<u8>>) -> Self {
        let held = Arc::new(Held {
            lock_path,
            text,
            previous,
        });
        registry().insert(held.lock_path.clone(), Arc::downgrade(&held));
        Self { _held: held }
    }
}

/// Where the lock of `project` lives: beside the file itself, so that a symbolic link to
/// the project and the project share one lock.
pub fn lock_path(project: &Path) -> PathBuf {
    let project = final_target(project).unwrap_or_else(|_| project.to_path_buf());
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    project.with_file_name(name)
}

/// The name of this machine, as written in lock files.
pub fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "this machine".to_string())
}

/// Reads a lock file's owner; `None` when it is not a lock file.
fn owner_from_bytes(bytes: &[u8]) -> Option<LockOwner> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut lines = text.lines();
    let pid = lines.next()?.trim().parse().ok()?;
    let host = lines.next()?.trim().to_string();
    let since = lines.next().unwrap_or_default().trim().to_string();
    Some(LockOwner { pid, host, since })
}

/// True when `owner` is known to be gone: a process of this machine that no longer runs.
fn is_stale(owner: &LockOwner) -> bool {
    if owner.host != host_name() {
        return false;
    }
    if owner.pid == std::process::id() {
        return true;
    }
    // Where /proc exists (Linux), a missing entry means the process is gone. Elsewhere a
    // lock is never presumed stale: the user is asked instead.
    Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{}", owner.pid)).exists()
}

impl ProjectLock {
    /// Locks `project`, taking over a stale lock; fails if a live process holds it.
    pub fn acquire(project: &Path) -> Result<Self, LockError> {
        let lock_path = lock_path(project);
        if let Some(lock) = held_here(&lock_path) {
            return Ok(lock);
        }
        let text = lock_text();
        let io_error = |error| LockError::Io {
            path: lock_path.clone(),
            error,
        };
        for _ in 0..ATTEMPTS {
            match create_lock_file(&lock_path, &text) {
                Ok(()) => return Ok(Self::new(lock_path, text, None)),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
                Err(error) => return Err(io_error(error)),
            }
            let found = match std::fs::read(&lock_path) {
                Ok(found) => found,
                // Released since: try again.
                Err(e) if e.kind() == ErrorKind::NotFound => continue,
                Err(error) => return Err(io_error(error)),
            };
            if let Some(owner) = owner_from_bytes(&found)
                && !is_stale(&owner)
            {
                return Err(LockError::Held {
                    path: project.to_path_buf(),
                    owner,
                });
            }
            remove_if_unchanged(&lock_path, &found).map_err(io_error)?;
        }
        Err(io_error(std::io::Error::other(
            "the lock file keeps changing: too many eventails at once",
        )))
    }

    /// Locks `project` like [`acquire`](Self::acquire), waiting up to `patience` for a
    /// live holder to let go: for commands that hold a lock only while they read, change
    /// and write a project, so that several run one after the other.
    pub fn acquire_waiting(project: &Path, patience: Duration) -> Result<Self, LockError> {
        let deadline = Instant::now() + patience;
        // Processes that started together retry at different moments.
        let pause = Duration::from_millis(10 + u64::from(std::process::id() % 20));
        loop {
            match Self::acquire(project) {
                Err(LockError::Held { .. }) if Instant::now() + pause < deadline => {
                    std::thread::sleep(pause);
                }
                locked => return locked,
            }
        }
    }

    /// Locks `project` even if someone holds it (the user chose to).
    pub fn take_over(project: &Path) -> Result<Self, LockError> {
        let lock_path = lock_path(project);
        if let Some(lock) = held_here(&lock_path) {
            return Ok(lock);
        }
        let text = lock_text();
        let previous = std::fs::read(&lock_path)
            .ok()
            .filter(|found| owner_from_bytes(found).is_some_and(|owner| !is_stale(&owner)));
        // Renamed over the old lock, so that it is never seen half-written.
        let written = written_temporary(&lock_path, &text)
            .and_then(|tmp| tmp.persist(&lock_path).map_err(|e| e.error));
        match written {
            Ok(_) => Ok(Self::new(lock_path, text, previous)),
            Err(error) => Err(LockError::Io {
                path: lock_path,
                error,
            }),
        }
    }
}

/// What a new lock of this process says: pid, machine, time, and a serial number so that
/// two locks of one process differ.
fn lock_text() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static TAKEN: AtomicU64 = AtomicU64::new(0);
    let since = humantime::format_rfc3339_seconds(std::time::SystemTime::now());
    let serial = TAKEN.fetch_add(1, Ordering::Relaxed);
    format!(
        "{}\n{}\n{since}\n{serial}\n",
        std::process::id(),
        host_name()
    )
}

/// A temporary file beside `lock_path` holding `text`, synced.
fn written_temporary(lock_path: &Path, text: &str) -> std::io::Result<tempfile::NamedTempFile> {
    written_temporary_bytes(lock_path, text.as_bytes())
}

/// A temporary file beside `lock_path` holding `bytes`, synced.
fn written_temporary_bytes(
    lock_path: &Path,
    bytes: &[u8],
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = temporary_in(super::atomic::folder_of(lock_path))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Creates the lock file holding `text`, or fails with `AlreadyExists` if there is one.
/// The text is written to a temporary file that is then hard-linked into place: the link
/// fails if the lock exists, so only one of two racing processes wins, and the lock file
/// appears whole. Where hard links are not supported, an exclusive create then a write.
fn create_lock_file(lock_path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = written_temporary(lock_path, text)?;
    match std::fs::hard_link(tmp.path(), lock_path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut file = File::options()
                .write(true)
                .create_new(true)
                .open(lock_path)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()
        }
    }
}

/// Removes the lock file at `lock_path` if it still holds `found`, a stale lock. Two
/// processes may find the same stale lock: the system lock on the file lets one of them
/// remove it while the other waits its turn, then finds the lock file changed and looks
/// again, instead of removing the fresh lock that the first one made.
fn remove_if_unchanged(lock_path: &Path, found: &[u8]) -> std::io::Result<()> {
    let mut file = match File::open(lock_path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    match file.try_lock() {
        Ok(()) => {}
        // Another process is taking it over: look again.
        Err(std::fs::TryLockError::WouldBlock) => return Ok(()),
        // Not supported here (some network file systems): the check below must do.
        Err(std::fs::TryLockError::Error(_)) => {}
    }
    let mut now = Vec::new();
    file.read_to_end(&mut now)?;
    let still_there = std::fs::read(lock_path).is_ok_and(|at_path| at_path == now);
    if still_there && now == found {
        match std::fs::remove_file(lock_path) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

impl Drop for Held {
    fn drop(&mut self) {
        {
            let mut held = registry();
            if held
                .get(&self.lock_path)
                .is_some_and(|w| w.strong_count() == 0)
            {
                held.remove(&self.lock_path);
            }
        }
        // Only a lock file that is still this one's (another instance may have taken
        // over) is removed, or given back to the holder it was taken from.
        let ours = std::fs::read(&self.lock_path).is_ok_and(|t| t == self.text.as_bytes());
        if !ours {
            return;
        }
        let given_back = self.previous.as_ref().is_some_and(|previous| {
            written_temporary_bytes(&self.lock_path, previous)
                .and_then(|tmp| tmp.persist(&self.lock_path).map_err(|e| e.error))
                .is_ok()
        });
        if !given_back {
            let _ = std::fs::remove_file(&self.lock_path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_lock_is_refused_and_a_stale_one_taken_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        // A live owner: this test process's parent (it runs while we do).
        let parent = LockOwner {
            pid: 1,
            host: host_name(),
            since: "then".into(),
        };
        std::fs::write(
            lock_path(&project),
            format!("{}\n{}\n{}\n", parent.pid, parent.host, parent.since),
        )
        .expect("write lock");
        let held = ProjectLock::acquire(&project);
        assert!(matches!(held, Err(LockError::Held { ref owner, .. }) if owner.pid == 1));
        // A dead owner: a pid that cannot exist.
        std::fs::write(
            lock_path(&project),
            format!("4294967295\n{}\nthen\n", host_name()),
        )
        .expect("write lock");
        let lock = ProjectLock::acquire(&project).expect("a stale lock is taken over");
        assert!(lock_path(&project).exists());
        drop(lock);
        assert!(
            !lock_path(&project).exists(),
            "the lock goes with its holder"
        );
    }

    #[test]
    fn waiting_for_a_live_lock_gives_up_after_its_patience() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        let text = format!("1\n{}\nthen\n", host_name());
        std::fs::write(lock_path(&project), &text).expect("write lock");
        let started = Instant::now();
        let held = ProjectLock::acquire_waiting(&project, Duration::from_millis(300));
        assert!(matches!(held, Err(LockError::Held { ref owner, .. }) if owner.pid == 1));
        assert!(started.elapsed() >= Duration::from_millis(250));
        let untouched = std::fs::read_to_string(lock_path(&project)).expect("read");
        assert_eq!(untouched, text);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_project_shares_its_lock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        std::fs::write(&project, "(format_version: 1)").expect("write");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&project, &link).expect("symlink");
        assert_eq!(lock_path(&link), lock_path(&project));
        let lock = ProjectLock::take_over(&link).expect("locked");
        assert!(lock_path(&project).is_file());
        drop(lock);
        assert!(!lock_path(&project).exists());
    }

    #[test]
    fn garbage_in_a_lock_file_does_not_block() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        std::fs::write(lock_path(&project), b"\xff\xfe garbage").expect("write");
        assert!(ProjectLock::acquire(&project).is_ok());
    }

    #[test]
    fn locking_a_project_again_shares_the_lock_until_the_last_holder_lets_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        let first = ProjectLock::acquire(&project).expect("locked");
        let text = std::fs::read(lock_path(&project)).expect("lock file");
        // Opened again, and that opening abandoned: the first lock is still on disk.
        let again = ProjectLock::acquire(&project).expect("shared");
        assert_eq!(std::fs::read(lock_path(&project)).expect("read"), text);
        drop(again);
        assert_eq!(std::fs::read(lock_path(&project)).expect("read"), text);
        drop(first);
        assert!(!lock_path(&project).exists());
    }

    #[test]
    fn a_lock_taken_over_from_a_live_holder_is_given_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        let theirs = format!("1\n{}\nearlier\n", host_name());
        std::fs::write(lock_path(&project), &theirs).expect("write lock");
        let taken = ProjectLock::take_over(&project).expect("taken over");
        assert_ne!(
            std::fs::read_to_string(lock_path(&project)).expect("read"),
            theirs
        );
        drop(taken);
        assert_eq!(
            std::fs::read_to_string(lock_path(&project)).expect("read"),
            theirs
        );
    }
}
