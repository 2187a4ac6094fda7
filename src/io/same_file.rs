//! Whether two paths name one file, however they are spelled.
//!
//! A command that writes a copy (`eventail repair -o`, the GUI's "repair into a copy")
//! must never write over its input. Comparing the paths as typed misses `./p.ron`,
//! `dir/../p.ron`, an absolute spelling, a symbolic link or a hard link to the input;
//! this module is the one place that gets all of them right.

use std::path::{Path, PathBuf};

/// The output of a command would be written over its input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the output would overwrite the input: {}", output.display())]
pub struct SameFileError {
    /// The output, made absolute (without resolving links, so the user recognises it).
    pub output: PathBuf,
}

/// True when `a` and `b` name the same file: same spelling, relative against absolute,
/// `..` segments, symbolic links on either side, hard links (same device and inode on
/// unix). A path that does not exist yet is resolved through its parent directory, so
/// that a new file beside the input is told apart from the input itself.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    if let (Some(a), Some(b)) = (resolved(a), resolved(b))
        && a == b
    {
        return true;
    }
    same_inode(a, b)
}

/// Refuses an `output` that is the `input` under another spelling; see [`is_same_file`].
pub fn ensure_other_file(input: &Path, output: &Path) -> Result<(), SameFileError> {
    if is_same_file(input, output) {
        return Err(SameFileError {
            output: std::path::absolute(output).unwrap_or_else(|_| output.to_path_buf()),
        });
    }
    Ok(())
}

/// The canonical form of `path`; for a path that does not exist, the canonical form of
/// its parent joined with its file name. `None` when neither can be resolved.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return Some(canonical);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// Hard links have different canonical paths but one inode.
#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Elsewhere std has no stable file identity; canonical paths are all there is.
#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A directory holding `p.ron`, and the path of that file.
    fn setup() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let input = dir.path().join("p.ron");
        std::fs::write(&input, "project").expect("write");
        (dir, input)
    }

    #[test]
    fn identical_spellings_are_the_same_file_even_when_missing() {
        let (dir, input) = setup();
        assert!(is_same_file(&input, &input));
        let missing = dir.path().join("nowhere/q.ron");
        assert!(is_same_file(&missing, &missing));
    }

    #[test]
    fn dot_and_dot_dot_segments_are_the_same_file() {
        let (dir, input) = setup();
        assert!(is_same_file(&input, &dir.path().join("./p.ron")));
        assert!(is_same_file(&input, &dir.path().join("sub/../p.ron")));
        assert!(!is_same_file(&input, &dir.path().join("sub/p.ron")));
    }

    #[test]
    fn a_relative_spelling_is_the_same_file_as_the_absolute_one() {
        // Relative to the current directory, which tests share: only read it.
        let cwd = std::env::current_dir().expect("cwd");
        let relative = Path::new("Cargo.toml");
        assert!(is_same_file(relative, &cwd.join("Cargo.toml")));
        assert!(is_same_file(Path::new("./Cargo.toml"), relative));
        assert!(is_same_file(Path::new("src/../Cargo.toml"), relative));
        assert!(!is_same_file(relative, Path::new("Cargo.lock")));
        // Not created yet, on either side.
        assert!(is_same_file(
            Path::new("no-such-output.ron"),
            &cwd.join("no-such-output.ron")
        ));
    }

    #[test]
    fn an_output_that_does_not_exist_yet_is_another_file() {
        let (dir, input) = setup();
        let output = dir.path().join("fixed.ron");
        assert!(!is_same_file(&input, &output));
        assert_eq!(ensure_other_file(&input, &output), Ok(()));
        // Through `..` too: the parent is resolved, the name joined.
        let output = dir.path().join("sub/../fixed.ron");
        assert!(!is_same_file(&input, &output));
        assert!(is_same_file(&output, &dir.path().join("fixed.ron")));
        // In a directory that does not exist: nothing to resolve, still another file.
        assert!(!is_same_file(&input, &dir.path().join("nowhere/p.ron")));
    }

    #[test]
    fn the_error_names_the_output_last_and_absolute() {
        let (dir, input) = setup();
        let output = dir.path().join("sub/../p.ron");
        let err = ensure_other_file(&input, &output).expect_err("same file");
        let message = err.to_string();
        assert!(
            message.starts_with("the output would overwrite the input: "),
            "{message}"
        );
        assert!(message.ends_with("p.ron"), "{message}");
        assert!(err.output.is_absolute(), "{message}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_to_the_input_is_the_same_file_on_either_side() {
        let (dir, input) = setup();
        let link = dir.path().join("sub/link.ron");
        std::os::unix::fs::symlink(&input, &link).expect("symlink");
        assert!(is_same_file(&input, &link));
        assert!(is_same_file(&link, &input));
        assert!(ensure_other_file(&link, &input).is_err());
        // A link to the directory, then the file name.
        let dir_link = dir.path().join("alias");
        std::os::unix::fs::symlink(dir.path(), &dir_link).expect("symlink");
        assert!(is_same_file(&input, &dir_link.join("p.ron")));
        assert!(!is_same_file(&input, &dir_link.join("new.ron")));
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_link_to_the_input_is_the_same_file() {
        let (dir, input) = setup();
        let link = dir.path().join("sub/hard.ron");
        std::fs::hard_link(&input, &link).expect("hard link");
        assert!(is_same_file(&input, &link));
        assert!(is_same_file(&link, &input));
        assert!(ensure_other_file(&input, &link).is_err());
        let copy = dir.path().join("copy.ron");
        std::fs::copy(&input, &copy).expect("copy");
        assert!(!is_same_file(&input, &copy), "a copy is another file");
    }
}
