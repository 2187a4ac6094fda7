//! Writing a file so that a crash or a power cut leaves either the old or the new
//! version, never a mix, and keeping the previous version as a backup.
//!
//! The two halves are apart ([`stage_file`], then [`StagedFile::put_in_place`]) because
//! exports write several files: all of them are staged before the first is put in
//! place, and exports keep no backup.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// How the names of temporary files start, so that those a killed process left behind
/// are recognised and removed.
const TEMPORARY_PREFIX: &str = ".eventail-save-";

/// Where the previous version of `path` is kept: `palmyre.ron` → `palmyre.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// A file written and synced beside the file it will replace, not yet in place; dropped,
/// it is removed.
#[derive(Debug)]
pub struct StagedFile {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

/// The folder that holds `path` (`.` for a bare file name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The error of a path that names a FIFO, a socket or a device where a file is expected.
pub(crate) fn not_a_regular_file() -> std::io::Error {
    std::io::Error::new(
        ErrorKind::InvalidInput,
        "not a regular file (a FIFO, a socket or a device)",
    )
}

/// Reads the whole file at `path`, which must be a regular file: opening a FIFO would
/// block until something writes into it, and a device may never end. Every file that
/// eventail reads goes through here.
pub fn read_regular_file(path: &Path) -> std::io::Result<Vec<u8>> {
    if !fs::metadata(path)?.is_file() {
        return Err(not_a_regular_file());
    }
    fs::read(path)
}

/// Writes `bytes` to a temporary file beside `path` (in the same folder, so that the
/// rename that puts it in place is atomic), with the permissions of the file it will
/// replace, and syncs it.
pub fn stage_file(path: &Path, bytes: &[u8]) -> std::io::Result<StagedFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    tmp.write_all(bytes)?;
    keep_permissions(path, tmp.as_file())?;
    tmp.as_file().sync_all()?;
    Ok(StagedFile {
        tmp,
        target: path.to_path_buf(),
    })
}

impl StagedFile {
    /// Renames the staged file over its target and makes the rename durable.
    pub fn put_in_place(self) -> std::io::Result<()> {
        let Self { tmp, target } = self;
        tmp.persist(&target).map_err(|e| e.error)?;
        sync_dir(folder_of(&target));
        Ok(())
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, keeps the old `path` as
/// its backup and renames the new file over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let staged = stage_file(path, bytes)?;
    if path.exists() {
        keep_backup(path)?;
    }
    staged.put_in_place()?;
    remove_stale_temporaries(folder_of(path));
    Ok(())
}

/// Removes temporary files that a killed save left behind, once they are an hour old
/// (a younger one may belong to a save in progress in another process).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMPORARY_PREFIX) && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Gives the new file the permissions of the file it replaces; a temporary file is
/// private (0600), which would hide a shared project from its group.
fn keep_permissions(path: &Path, new: &fs::File) -> std::io::Result<()> {
    match fs::metadata(path) {
        Ok(old) => new.set_permissions(old.permissions()),
        #[cfg(unix)]
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            new.set_permissions(fs::Permissions::from_mode(0o644))
        }
        #[cfg(not(unix))]
        Err(_) => Ok(()),
    }
}

/// Replaces the backup with the current version of `path`, atomically too: a hard link
/// costs nothing and is renamed over the old backup; where links are not supported, a copy.
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let mut link = backup.clone().into_os_string();
    link.push(".tmp");
    let link = PathBuf::from(link);
    let _ = fs::remove_file(&link);
    if fs::hard_link(path, &link).is_err() {
        fs::copy(path, &link)?;
    }
    fs::rename(&link, &backup)
}

/// Makes the rename durable; not every platform can open a directory, hence best effort.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
