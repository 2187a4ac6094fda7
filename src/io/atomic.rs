//! Writing a file so that a crash, a power cut or a full disk leaves either the old or
//! the new version, never a mix, and keeping the previous version as a backup.
//!
//! The two halves are apart ([`stage_file`], then [`StagedFile::put_in_place`]) because
//! exports write several files: all of them are staged before the first is put in
//! place, and exports keep no backup.
//!
//! Whatever is written goes where the user meant it to: through a symbolic link to the
//! file it names (the link stays a link), never over a write-protected file or onto a
//! FIFO or a device, and, for an export, never over an eventail project.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// How the names of temporary files start, so that those a killed process left behind
/// are recognised and removed.
const TEMPORARY_PREFIX: &str = ".eventail-save-";

/// How the names of temporary files end.
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Links followed before giving up on a loop of symbolic links (as Linux does).
const MAX_LINKS: usize = 40;

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

/// The file that writing to `path` really replaces: `path` itself, or, when it is a
/// symbolic link, the file at the end of its chain of links. Writing beside that file
/// and renaming onto it keeps the links; renaming onto `path` would replace the link
/// with a copy and leave the real file behind.
pub(crate) fn final_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut target = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                // A relative link is relative to its own folder; `join` keeps an absolute one.
                target = folder_of(&target).join(fs::read_link(&target)?);
            }
            _ => return Ok(target),
        }
    }
    Err(std::io::Error::new(
        ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// The file that a write to `path` replaces ([`final_target`]), once it is known that
/// it may be replaced: not write-protected, and a regular file if it exists (renaming
/// over a FIFO or a device would replace the device node, and writing into one may
/// block or go nowhere).
fn writable_target(path: &Path) -> std::io::Result<PathBuf> {
    let target = final_target(path)?;
    match fs::metadata(&target) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => Err(std::io::Error::new(
            ErrorKind::PermissionDenied,
            "the file is write-protected (make it writable, or write to another file)",
        )),
        Ok(meta) if !meta.is_file() && !meta.is_dir() => Err(not_a_regular_file()),
        // A folder is refused by the rename, in the words of the system.
        _ => Ok(target),
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

/// An empty temporary file, with a name of its own, in `dir`: the one place that names
/// temporary files, so that [`remove_stale_temporaries`] finds those of killed processes.
pub(crate) fn temporary_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    refuse_write_protected_folder(dir)?;
    temporary_names().tempfile_in(dir).map_err(folder_error)
}

/// An empty temporary folder in `dir`, in which a folder export is built before it is
/// renamed into place; refused as [`temporary_in`] refuses.
pub(crate) fn temporary_folder_in(dir: &Path) -> std::io::Result<tempfile::TempDir> {
    refuse_write_protected_folder(dir)?;
    tempfile::Builder::new()
        .prefix(".eventail-export-")
        .tempdir_in(dir)
        .map_err(folder_error)
}

/// The system's error about creating a temporary file or folder, without the temporary
/// name ([`without_temporary_name`]), and saying so when it is the folder that refuses.
fn folder_error(error: std::io::Error) -> std::io::Error {
    let error = without_temporary_name(error);
    if error.kind() == ErrorKind::PermissionDenied {
        write_protected_folder()
    } else {
        error
    }
}

/// Refuses a folder without write permission even where the system would let this
/// process write in it (as root), as a write-protected file is refused. Only on unix:
/// elsewhere the read-only attribute of a folder does not protect it, and is often set.
fn refuse_write_protected_folder(dir: &Path) -> std::io::Result<()> {
    if cfg!(unix) && fs::metadata(dir).is_ok_and(|m| m.permissions().readonly()) {
        return Err(write_protected_folder());
    }
    Ok(())
}

/// The error of a folder where no file can be created.
fn write_protected_folder() -> std::io::Error {
    std::io::Error::new(
        ErrorKind::PermissionDenied,
        "its folder is write-protected: no file can be created there",
    )
}

/// The builder of temporary names: `.eventail-save-XXXXXX.tmp`, random per writer.
fn temporary_names() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMPORARY_PREFIX).suffix(TEMPORARY_SUFFIX);
    builder
}

/// The system's error without the temporary file's name that `tempfile` adds to it: the
/// user never chose that name, and the message ends with the file they did choose.
fn without_temporary_name(error: std::io::Error) -> std::io::Error {
    let inner = error
        .get_ref()
        .and_then(|e| e.source())
        .and_then(|e| e.downcast_ref::<std::io::Error>());
    match inner {
        Some(inner) => match inner.raw_os_error() {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => std::io::Error::new(inner.kind(), inner.to_string()),
        },
        None => error,
    }
}

/// Writes `bytes` to a temporary file beside `path` (in the same folder, so that the
/// rename that puts it in place is atomic), with the permissions of the file it will
/// replace, and syncs it.
///
/// This is how exports write, so it refuses to replace an eventail project: an export
/// never means to (a project is saved with [`write_atomically`]), and one that lands on
/// its own input under another name, or on any other project, would destroy annotations.
/// A symbolic link is written through; see [`final_target`].
pub fn stage_file(path: &Path, bytes: &[u8]) -> std::io::Result<StagedFile> {
    let target = writable_target(path)?;
    if super::project_file::is_project_file(&target) {
        return Err(std::io::Error::new(
            ErrorKind::AlreadyExists,
            "the file is an eventail project, which an export never replaces",
        ));
    }
    stage(target, bytes)
}

/// Writes and syncs `bytes` beside `target`, which may be replaced.
fn stage(target: PathBuf, bytes: &[u8]) -> std::io::Result<StagedFile> {
    let mut tmp = temporary_in(folder_of(&target))?;
    tmp.write_all(bytes)?;
    keep_permissions(&target, tmp.as_file())?;
    tmp.as_file().sync_all()?;
    Ok(StagedFile { tmp, target })
}

impl StagedFile {
    /// Renames the staged file over its target and makes the rename durable.
    pub fn put_in_place(self) -> std::io::Result<()> {
        let folder = self.rename_into_place()?;
        sync_dir(&folder);
        Ok(())
    }

    /// Renames the staged file over its target, and returns the folder to sync to make
    /// the rename durable: an export of many files into one folder syncs it once, after
    /// the last.
    pub(crate) fn rename_into_place(self) -> std::io::Result<PathBuf> {
        let Self { tmp, target } = self;
        tmp.persist(&target)
            .map_err(|e| without_temporary_name(e.error))?;
        Ok(folder_of(&target).to_path_buf())
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, keeps the old `path` as
/// its backup and renames the new file over it. Through a symbolic link, the file it
/// names is replaced and keeps its backup beside it; a write-protected file is refused.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, bytes, true)
}

/// Writes `bytes` in place of `path` as [`write_atomically`] does, but keeps no backup:
/// for a file whose versions are not the user's to keep, such as git's temporary copy
/// of a project during a merge, beside which a backup would be left in the work tree.
pub fn write_atomically_without_backup(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, bytes, false)
}

/// Stages `bytes` beside `path`, keeps the old file as its backup if `backup` and it
/// exists, and puts the new one in place.
fn replace(path: &Path, bytes: &[u8], backup: bool) -> std::io::Result<()> {
    let target = writable_target(path)?;
    let folder = folder_of(&target).to_path_buf();
    let exists = target.exists();
    let staged = stage(target, bytes)?;
    if backup && exists {
        keep_backup(&staged.target)?;
    }
    staged.put_in_place()?;
    remove_stale_temporaries(&folder);
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
        if !(name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)) {
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
/// The link or copy has a temporary name of its own, so that two processes saving at once
/// never write into each other's (copying onto a link to `path` would empty `path`).
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let folder = folder_of(path);
    let backup = backup_path(path);
    let persisted = match temporary_names().make_in(folder, |link| fs::hard_link(path, link)) {
        Ok(link) => {
            let name = link.path().to_path_buf();
            let persisted = link.persist(&backup).map(drop).map_err(|e| e.error);
            // When the backup already is a link to this file, the rename succeeds and does
            // nothing (POSIX), leaving the temporary name behind.
            let _ = fs::remove_file(name);
            persisted
        }
        Err(_) => {
            let mut copy = temporary_in(folder)?;
            std::io::copy(&mut fs::File::open(path)?, copy.as_file_mut())?;
            copy.as_file().sync_all()?;
            copy.persist(&backup).map(drop).map_err(|e| e.error)
        }
    };
    persisted.map_err(without_temporary_name)
}

/// Makes the rename durable; not every platform can open a directory, hence best effort.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writers_racing_on_one_file_never_empty_it_or_its_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let versions: Vec<Vec<u8>> = (0..4).map(|i| vec![b'a' + i; 50_000]).collect();
        write_atomically(&path, &versions[0]).unwrap();
        std::thread::scope(|scope| {
            for version in &versions {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..30 {
                        write_atomically(path, version).unwrap();
                    }
                });
            }
        });
        assert!(versions.contains(&fs::read(&path).unwrap()));
        assert!(versions.contains(&fs::read(backup_path(&path)).unwrap()));
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["p.ron", "p.ron.bak"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_chain_of_links_is_followed_to_its_file_and_a_loop_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        let file = dir.path().join("real/p.ron");
        std::os::unix::fs::symlink("real/p.ron", dir.path().join("one")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("one"), dir.path().join("two")).unwrap();
        // The file need not exist yet: a dangling link names where to create it.
        assert_eq!(
            final_target(&dir.path().join("two")).unwrap(),
            dir.path().join("real/p.ron")
        );
        write_atomically(&dir.path().join("two"), b"x").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"x");
        assert!(
            fs::symlink_metadata(dir.path().join("two"))
                .unwrap()
                .is_symlink()
        );
        std::os::unix::fs::symlink("loop", dir.path().join("loop")).unwrap();
        assert!(write_atomically(&dir.path().join("loop"), b"x").is_err());
    }
}
