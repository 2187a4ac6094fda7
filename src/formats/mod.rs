//! Import and export: getting articles and annotations in and out of a project.
//!
//! A project lives in its own RON file ([`crate::io`]); the formats here are for
//! exchanging with the rest of the world: plain-text articles to start a project from,
//! brat standoff to hand annotations to tools that read it. Each format is a module of
//! pure functions from bytes or files to model types and back, so that tests can call
//! them directly; the command line and the GUI go through the one door of each
//! direction, [`export_project`] and [`import_project`], with a [`Format`] of the
//! [`table`].
//!
//! - [`table`]: the formats, with their names, labels, descriptions, inputs and outputs.
//! - [`export`]: a project written in a format, atomically, with progress and cancel.
//! - [`import`]: files read into documents for a new or an existing project.
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
pub mod export;
pub mod import;
pub mod json;
pub mod table;
#[cfg(test)]
mod test_support;
pub mod text;

pub use export::{ExportError, ExportReport, export_project};
pub use import::{
    Import, ImportError, ImportOptions, ImportedDocument, import_project,
    import_target_from_project,
};
pub use table::{Format, Input, Output};

use crate::model::{Document, Project};

/// The files of a folder export, made in memory before any is written: (name, text).
pub type FolderFiles = Vec<(String, String)>;

/// Said by an import or an export when its progress callback asked it to stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

/// Calls `each(index, document)` on every document of `project` in turn, first asking
/// `progress(done, total)`: the loop of every export, so that each can be cancelled
/// between documents. `Err` when `progress` said stop.
pub(crate) fn each_document<'p, T>(
    project: &'p Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    mut each: impl FnMut(usize, &'p Document) -> T,
) -> Result<Vec<T>, Cancelled> {
    let total = project.documents.len();
    let mut done = Vec::with_capacity(total);
    for (i, doc) in project.documents.iter().enumerate() {
        if !progress(i, total) {
            return Err(Cancelled);
        }
        done.push(each(i, doc));
    }
    Ok(done)
}
