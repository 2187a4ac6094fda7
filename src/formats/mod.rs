//! Import and export: getting articles and annotations in and out of a project.
//!
//! A project lives in its own RON file ([`crate::io`]); the formats here are for
//! exchanging with the rest of the world: plain-text articles to start a project from,
//! brat standoff to hand annotations to tools that read it. Each format is a module of
//! pure functions from bytes or files to model types and back, so the command line and
//! the GUI share them and tests can call them directly.
//!
//! - [`text`]: plain-text articles in UTF-8, UTF-16 or Windows-1252 (import).
//! - [`brat`]: brat standoff collections, `.txt` + `.ann` + configuration (import and
//!   export).
//! - [`json`]: the whole project as documented JSON, offsets in three units (export).
//! - [`csv`]: `events.csv` and `mentions.csv` for statistics software (export).
//! - [`conll`]: tokens with BIO tags for sequence labelling (export).
//! - [`doccano`]: doccano JSONL with entities and relations (import and export).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod json;
#[cfg(test)]
mod test_support;
pub mod text;

use std::path::{Path, PathBuf};

/// A file or folder that an export could not write. The path comes last.
#[derive(Debug, thiserror::Error)]
#[error("cannot write: {error}: {}", path.display())]
pub struct WriteError {
    /// The file or folder.
    pub path: PathBuf,
    /// What the system said.
    pub error: std::io::Error,
}

/// Writes `contents` to `path`, replacing the file if it exists.
pub fn write_file(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), WriteError> {
    std::fs::write(path, contents).map_err(|error| WriteError {
        path: path.to_path_buf(),
        error,
    })
}
