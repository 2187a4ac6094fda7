//! A lock file beside an open project, so that a second eventail opening the same file
//! warns instead of silently overwriting the first one's work.
//!
//! `palmyre.ron` is locked by `palmyre.ron.lock`, which names the process, its machine
//! and when it opened the project. A lock left by a process that no longer runs on this
//! machine is stale and is taken over.

use std::io::Write;
use std::path::{Path, PathBuf};

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
    /// Another running eventail has the project open.
    #[error("the project is open in another eventail ({owner}): {}", path.display())]
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

/// A held lock; dropping it removes the lock file, if it is still this lock's.
#[derive(Debug)]
pub struct ProjectLock {
    lock_path: PathBuf,
    /// What this lock wrote: a later lock of the same process (the same project opened
    /// again) writes another text, and must not be removed with this one.
    text: String,
}

/// Where the lock of `project` lives.
pub fn lock_path(project: &Path) -> PathBuf {
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

/// Reads a lock file's owner; `None` when it is unreadable or not a lock file.
fn owner_from_text(text: &str) -> Option<LockOwner> {
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
        if let Ok(text) = std::fs::read_to_string(&lock_path)
            && let Some(owner) = owner_from_text(&text)
            && !is_stale(&owner)
        {
            return Err(LockError::Held {
                path: project.to_path_buf(),
                owner,
            });
        }
        Self::write(lock_path)
    }

    /// Locks `project` even if someone holds it (the user chose to).
    pub fn take_over(project: &Path) -> Result<Self, LockError> {
        Self::write(lock_path(project))
    }

    fn write(lock_path: PathBuf) -> Result<Self, LockError> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static TAKEN: AtomicU64 = AtomicU64::new(0);
        let since = humantime::format_rfc3339_seconds(std::time::SystemTime::now());
        let serial = TAKEN.fetch_add(1, Ordering::Relaxed);
        let text = format!(
            "{}\n{}\n{since}\n{serial}\n",
            std::process::id(),
            host_name()
        );
        let written = std::fs::File::create(&lock_path).and_then(|mut file| {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        });
        match written {
            Ok(()) => Ok(Self { lock_path, text }),
            Err(error) => Err(LockError::Io {
                path: lock_path,
                error,
            }),
        }
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Only remove the lock if it is still this one (another instance, or another
        // opening in this one, may have taken over).
        let ours = std::fs::read_to_string(&self.lock_path).is_ok_and(|t| t == self.text);
        if ours {
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
    fn garbage_in_a_lock_file_does_not_block() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("p.ron");
        std::fs::write(lock_path(&project), b"\xff\xfe garbage").expect("write");
        assert!(ProjectLock::acquire(&project).is_ok());
    }
}
