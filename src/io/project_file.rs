//! Reading and writing a whole project as one `.ron` file.
//!
//! Loading parses the file once into a [`Project`] (a large one with its documents
//! spread over the cores: see [`super::parallel_parse`]), checks the format version
//! before anything else, and validates the result; a file that fails any step is reported with
//! its path and the place of the error, and is never written by eventail.

use super::atomic::{read_regular_file, write_atomically, write_atomically_without_backup};
use super::file_stamp::FileStamp;
use super::parallel_parse::parse_split;
use crate::model::{Diagnostic, FORMAT_VERSION, Project, validate};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Why a project file could not be loaded. The path comes last in every message.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read the project: {error}: {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("line {line}: the file is not valid UTF-8 text: {}", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first invalid byte.
        line: usize,
    },
    /// The file is not well-formed RON or does not have the shape of a project.
    #[error("line {line}, column {column}: {message}: {}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The file was written by a newer eventail.
    #[error(
        "the project needs format version {found}, but this eventail reads versions up to \
         {FORMAT_VERSION}: install a newer eventail: {}", path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version the file declares.
        found: u32,
    },
    /// The file declares a format version that no eventail writes (0).
    #[error(
        "the project declares format version {found}, which no eventail writes; this \
         eventail reads {}: {}", readable_versions(), path.display()
    )]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// The version the file declares.
        found: u32,
    },
    /// The file parsed, but its content is inconsistent.
    #[error("{}: {}", problems_summary(problems), path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Everything that is wrong.
        problems: Vec<Diagnostic>,
    },
}

/// The format versions that this eventail reads, in a sentence.
fn readable_versions() -> String {
    match FORMAT_VERSION {
        1 => "format version 1 only".to_string(),
        n => format!("format versions 1 to {n}"),
    }
}

fn problems_summary(problems: &[Diagnostic]) -> String {
    const SHOWN: usize = 20;
    let mut text = match problems.len() {
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    text.push_str(" (`eventail repair` writes a mended copy and lists what it changes)");
    for p in problems.iter().take(SHOWN) {
        text.push_str("\n  ");
        text.push_str(&p.to_string());
    }
    if problems.len() > SHOWN {
        text.push_str(&format!("\n  ... and {} more", problems.len() - SHOWN));
    }
    text.push('\n');
    text
}

/// Why a project could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The project could not be written as RON.
    #[error("cannot write the project as RON: {error}: {}", path.display())]
    Serialize {
        /// The file.
        path: PathBuf,
        /// What the serializer said.
        error: ron::Error,
    },
    /// The file could not be written.
    #[error("cannot save the project: {error}: {}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

/// Just enough of a project file to know how to read the rest; named as the project for
/// the errors of a file that is not one ("expected struct `Project`").
#[derive(Deserialize)]
#[serde(rename = "Project")]
struct VersionProbe {
    format_version: u32,
}

/// The UTF-8 byte-order mark, which a project file may start with.
pub(super) const BOM: char = '\u{feff}';

/// How much of a file [`is_project_file`] reads: enough for a long comment at the top.
const PROJECT_START_BYTES: u64 = 4096;

/// True when the file at `path` is a regular file that reads like an eventail project;
/// see [`looks_like_project`].
pub(crate) fn is_project_file(path: &Path) -> bool {
    use std::io::Read;
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut start = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(PROJECT_START_BYTES).read_to_end(&mut start));
    read.is_ok() && looks_like_project(&String::from_utf8_lossy(&start))
}

/// True when `start`, the beginning of a file, reads like an eventail project: after an
/// optional byte-order mark, white space and comments, an optional `Project`, an opening
/// parenthesis and the field `format_version:`, as eventail writes it.
fn looks_like_project(start: &str) -> bool {
    let rest = skip_blank(start.strip_prefix(BOM).unwrap_or(start));
    let rest = rest.strip_prefix("Project").map_or(rest, skip_blank);
    rest.strip_prefix('(')
        .map(skip_blank)
        .and_then(|rest| rest.strip_prefix("format_version"))
        .is_some_and(|rest| skip_blank(rest).starts_with(':'))
}

/// `text` without its leading white space and RON comments.
fn skip_blank(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(comment) = text.strip_prefix("//") {
            text = comment.split_once('\n').map_or("", |(_, rest)| rest);
        } else if let Some(comment) = text.strip_prefix("/*") {
            text = comment.split_once("*/").map_or("", |(_, rest)| rest);
        } else {
            return text;
        }
    }
}

/// Reads, version-checks and validates the project at `path`.
pub fn load_project(path: &Path) -> Result<Project, LoadError> {
    project_from_str(&read_project_text(path)?, path)
}

/// Reads and version-checks the project at `path` without validating its content.
pub fn load_project_unchecked(path: &Path) -> Result<Project, LoadError> {
    parse_project(&read_project_text(path)?, path)
}

pub(super) fn read_project_text(path: &Path) -> Result<String, LoadError> {
    let bytes = read_regular_file(path).map_err(|error| LoadError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        LoadError::NotUtf8 {
            path: path.to_path_buf(),
            line: 1 + valid.iter().filter(|&&b| b == b'\n').count(),
        }
    })
}

/// Parses and validates a project from the text of the file at `path` (named in errors).
pub fn project_from_str(text: &str, path: &Path) -> Result<Project, LoadError> {
    let project = parse_project(text, path)?;
    let problems = validate(&project);
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    Ok(project)
}

/// Parses a project, checking its format version but not its content: for
/// [`crate::model::repair::repair`], which needs the inconsistent project to mend it.
pub fn parse_project(text: &str, path: &Path) -> Result<Project, LoadError> {
    // Editors on Windows may add a byte-order mark, which RON does not expect.
    let text = text.strip_prefix(BOM).unwrap_or(text);
    // A large file of this version: its documents parsed on every core. Anything else,
    // and anything wrong, is read below, whose errors are the ones reported.
    if let Some(project) = parse_split(text)
        && project.format_version == FORMAT_VERSION
    {
        return Ok(project);
    }
    let syntax = |e: ron::error::SpannedError| LoadError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    };
    let probe: VersionProbe = ron::from_str(text).map_err(syntax)?;
    if probe.format_version == 0 {
        return Err(LoadError::UnknownVersion {
            path: path.to_path_buf(),
            found: probe.format_version,
        });
    }
    if probe.format_version > FORMAT_VERSION {
        return Err(LoadError::TooNew {
            path: path.to_path_buf(),
            found: probe.format_version,
        });
    }
    // Version 1 is the first format; later versions add their migrations here.
    let mut project: Project = ron::from_str(text).map_err(syntax)?;
    project.format_version = FORMAT_VERSION;
    Ok(project)
}

/// The project as the text of its file: the same project always gives the same bytes,
/// one annotation per line, so that diffs and merges stay readable.
pub fn project_to_string(project: &Project) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .indentor("    ")
        .new_line("\n");
    let mut text = ron::ser::to_string_pretty(project, config)?;
    text.push('\n');
    Ok(text)
}

/// Saves the project to `path` atomically, keeping the previous version as a backup.
pub fn save_project(path: &Path, project: &Project) -> Result<(), SaveError> {
    save_with(path, project, write_atomically).map(drop)
}

/// Saves the project to `path` as [`save_project`] does, and returns the stamp of the
/// file written (`None` if it could not be read back: the file is written all the
/// same), for a save made off the UI thread, which must not read the file again there.
pub fn save_project_stamped(
    path: &Path,
    project: &Project,
) -> Result<Option<FileStamp>, SaveError> {
    let text = save_with(path, project, write_atomically)?;
    Ok(FileStamp::of_written(path, text.as_bytes()).ok())
}

/// Saves the project to `path` atomically without a backup: for git's temporary copy
/// of a project that `eventail merge-driver` writes the merge into (see
/// [`write_atomically_without_backup`]).
pub fn save_project_without_backup(path: &Path, project: &Project) -> Result<(), SaveError> {
    save_with(path, project, write_atomically_without_backup).map(drop)
}

/// Writes the project's text to `path` with `write`, and returns the text written.
fn save_with(
    path: &Path,
    project: &Project,
    write: fn(&Path, &[u8]) -> std::io::Result<()>,
) -> Result<String, SaveError> {
    let text = project_to_string(project).map_err(|error| SaveError::Serialize {
        path: path.to_path_buf(),
        error,
    })?;
    write(path, text.as_bytes()).map_err(|error| SaveError::Write {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_is_recognised_by_its_start_however_it_is_written() {
        for start in [
            "(\n    format_version: 1,\n    name: \"p\",",
            "\u{feff}(format_version:1",
            "  // a note\n/* another */ Project ( format_version : 1",
        ] {
            assert!(looks_like_project(start), "{start:?}");
        }
        for start in [
            "",
            "format_version: 1",
            "(name: \"p\", format_version: 1",
            "{\"format_version\": 1}",
            "// (format_version: 1",
            "T1\tPerson 0 5\tKhaled",
        ] {
            assert!(!looks_like_project(start), "{start:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_version_0_refused() {
        let path = Path::new("dir/p.ron");
        let text = project_to_string(&Project::new("p", Default::default())).unwrap();
        assert!(parse_project(&format!("{BOM}{text}"), path).is_ok());
        let zero = text.replace(
            &format!("format_version: {FORMAT_VERSION}"),
            "format_version: 0",
        );
        let Err(error) = parse_project(&zero, path) else {
            panic!("version 0 read");
        };
        let message = error.to_string();
        assert!(matches!(error, LoadError::UnknownVersion { found: 0, .. }));
        assert!(
            message.contains("reads format versions 1 to 2"),
            "{message}"
        );
        assert!(message.ends_with("dir/p.ron"), "{message}");
    }
}
