//! What a project file held when eventail last read or wrote it, so that a save can
//! tell whether something else (another program, a sync, `git pull`) changed it since:
//! overwriting that would lose the other change without a word.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

/// The size, time and content hash of a file at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl FileStamp {
    /// The stamp of the file at `path` as it is now.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let metadata = std::fs::metadata(path)?;
        let bytes = std::fs::read(path)?;
        Ok(Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            hash: hash_from_bytes(&bytes),
        })
    }

    /// The stamp of the file at `path`, which was just written with `bytes`: the bytes
    /// need not be read back.
    pub fn of_written(path: &Path, bytes: &[u8]) -> std::io::Result<Self> {
        let metadata = std::fs::metadata(path)?;
        Ok(Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            hash: hash_from_bytes(bytes),
        })
    }

    /// True when the file at `path` still holds what it held for this stamp: same size
    /// and time, or (touched, copied back) the same bytes. A file that is gone, or
    /// cannot be read, has changed.
    pub fn is_unchanged(&self, path: &Path) -> bool {
        let Ok(metadata) = std::fs::metadata(path) else {
            return false;
        };
        if metadata.len() == self.len && metadata.modified().ok() == self.modified {
            return true;
        }
        metadata.len() == self.len
            && std::fs::read(path).is_ok_and(|bytes| hash_from_bytes(&bytes) == self.hash)
    }
}

fn hash_from_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_unchanged_until_its_bytes_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.ron");
        std::fs::write(&path, "one").expect("write");
        let stamp = FileStamp::read(&path).expect("stamp");
        assert!(stamp.is_unchanged(&path));
        // Rewritten with the same bytes (a touch, a copy back): still unchanged.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, "one").expect("write");
        assert!(stamp.is_unchanged(&path));
        std::fs::write(&path, "two").expect("write");
        assert!(!stamp.is_unchanged(&path));
        std::fs::remove_file(&path).expect("remove");
        assert!(!stamp.is_unchanged(&path));
    }
}
