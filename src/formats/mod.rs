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
//! - [`events`]: the event dataset, one row per incident in ACLED's columns (export).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod doccano;
pub mod events;
pub mod export;
pub mod import;
pub mod json;
mod lossy;
pub mod table;
#[cfg(test)]
pub(crate) mod test_support;
pub mod text;

pub use export::{ExportError, ExportOptions, ExportReport, export_project, export_project_with};
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

/// Documents rendered at once by each thread of an export, between two questions to
/// the progress callback.
const DOCUMENTS_PER_THREAD: usize = 32;

/// Calls `each(index, document)` on every document of `project`, first asking
/// `progress(done, total)` for each: the loop of every export, so that each can be
/// cancelled between documents. The documents are rendered on every core, a few dozen
/// at a time, each asked about (in order, on the calling thread) before its turn; the
/// results come in the documents' order. `Err` when `progress` said stop.
pub(crate) fn each_document<'p, T: Send>(
    project: &'p Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    each: impl Fn(usize, &'p Document) -> T + Sync,
) -> Result<Vec<T>, Cancelled> {
    let total = project.documents.len();
    let threads = crate::parallel::cores();
    let documents: Vec<(usize, &'p Document)> = project.documents.iter().enumerate().collect();
    let mut done = Vec::with_capacity(total);
    for wave in documents.chunks(DOCUMENTS_PER_THREAD * threads) {
        for &(i, _) in wave {
            if !progress(i, total) {
                return Err(Cancelled);
            }
        }
        let threads = wave.len().div_ceil(DOCUMENTS_PER_THREAD);
        done.extend(crate::parallel::map_in_order(wave, threads, |&(i, doc)| {
            each(i, doc)
        }));
    }
    Ok(done)
}

/// True for the characters that end a line for brat's reader, Python's `splitlines` and
/// so most readers of line-based formats.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// What is wrong with a line of a file that holds a line break other than the `\n` and
/// `\r` that its reader splits at (U+2028, U+001C...): brat, like Python's
/// `splitlines`, would end the line there, so the line cannot be read as it is meant.
pub(crate) fn inner_line_break(line: &str) -> Option<String> {
    let c = line.chars().find(|&c| is_line_break(c))?;
    Some(format!(
        "a line break (U+{:04X}) inside the line, which brat reads as its end",
        u32::from(c)
    ))
}

/// True when a type, role or attribute name (or an attribute value) holds a tab or a
/// line break: it would break the lines and columns of brat's and CoNLL's files, so the
/// imports refuse it.
pub(crate) fn breaks_lines(name: &str) -> bool {
    name.contains(|c| c == '\t' || is_line_break(c))
}

/// The lines of a text whose lines end in `\n`, `\r\n` or a lone `\r` (Unix, Windows
/// and classic Mac OS files) alike, without their ends, numbered as an editor shows
/// them from 1: a file of one kind is never read as one long line.
pub(crate) fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = Some(text);
    let lines = std::iter::from_fn(move || {
        let s = rest?;
        let Some(end) = s.find(['\r', '\n']) else {
            rest = None;
            return Some(s);
        };
        let next = if s[end..].starts_with("\r\n") {
            end + 2
        } else {
            end + 1
        };
        rest = Some(&s[next..]);
        Some(&s[..end])
    });
    (1..).zip(lines)
}
