//! Reading files in a format of the [table](super::table) into documents: the one door
//! through which the command line and the GUI import.
//!
//! An import adds nothing to any project: it returns the documents (with ids that the
//! project they are meant for does not use), the schema they need and what the user
//! should check, and the caller decides: the command line saves a new project or adds
//! to one, the GUI adds the documents as one undoable edit or opens a new project. A
//! failed import returns every broken file or line at once, so that all can be fixed
//! in one go.

use super::{Cancelled, Format, Input, brat, doccano, text};
use crate::model::{Diagnostic, Document, Project, Schema};
use std::path::{Path, PathBuf};

/// How an import treats what it cannot read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Leave out broken lines (brat, doccano), and what refers to them, with a warning
    /// each, instead of importing nothing.
    pub skip_bad_lines: bool,
}

/// A document read, and where from.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedDocument {
    /// The new document: an id unused in the target project, a name, its text as read.
    pub document: Document,
    /// The file it was read from.
    pub path: PathBuf,
    /// The encoding detected, where the format leaves it open (plain text), for the user
    /// to check; `None` for formats that are UTF-8 by definition.
    pub encoding: Option<&'static str>,
}

/// What an import read.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The name that the input gives itself (a brat collection: its folder's), for a new
    /// project; `None` when it has none.
    pub name: Option<String>,
    /// The schema the documents need: for a format with its own schema (brat), the
    /// collection's; otherwise the target's, with the types the input added.
    pub schema: Schema,
    /// The documents, in the order read.
    pub documents: Vec<ImportedDocument>,
    /// Types added to the schema, lines skipped, texts that differ: what to check.
    pub warnings: Vec<Diagnostic>,
}

impl Import {
    /// A new project of the import, named after the input or `fallback_name`, and the
    /// warnings.
    pub fn into_project(self, fallback_name: &str) -> (Project, Vec<Diagnostic>) {
        let name = self.name.unwrap_or_else(|| fallback_name.to_string());
        let mut project = Project::new(name, self.schema);
        project.documents = self.documents.into_iter().map(|d| d.document).collect();
        (project, self.warnings)
    }
}

/// Why nothing was imported. The path comes last.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The progress callback said stop.
    #[error("the import was cancelled: nothing was imported")]
    Cancelled,
    /// The format is one that eventail writes but does not read.
    #[error("{0} is not a format eventail imports")]
    NotImported(Format),
    /// The format reads one file or folder, and another number was given.
    #[error("{format} import reads one {expected}, and {given} were given")]
    Inputs {
        /// The format.
        format: Format,
        /// What it reads: "file", "folder".
        expected: &'static str,
        /// How many paths were given.
        given: usize,
    },
    /// A file or folder could not be read.
    #[error("cannot read: {error}: {}", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The file is not a plain-text article.
    #[error("{error}: {}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// What is wrong with its bytes.
        error: text::DecodeError,
    },
    /// A file of a format that is UTF-8 by definition is not.
    #[error("not valid UTF-8 ({format} files are UTF-8): {}", path.display())]
    NotUtf8 {
        /// The format.
        format: Format,
        /// The file.
        path: PathBuf,
    },
    /// A folder holds no `.txt` file.
    #[error("the folder holds no .txt file: {}", path.display())]
    NoTextFiles {
        /// The folder.
        path: PathBuf,
    },
    /// Lines are broken; each names its file and line.
    #[error(
        "{} (nothing imported; --skip-bad-lines imports the others):{}",
        could_not_be_imported(.0.len(), "line"),
        indented(.0)
    )]
    BadLines(Vec<Diagnostic>),
    /// Files could not be imported; each error names its file.
    #[error(
        "{} (nothing imported):{}",
        could_not_be_imported(.0.len(), "file"),
        indented(.0)
    )]
    BadFiles(Vec<ImportError>),
}

impl From<Cancelled> for ImportError {
    fn from(_: Cancelled) -> Self {
        ImportError::Cancelled
    }
}

/// "1 line could not be imported", "3 files could not be imported".
fn could_not_be_imported(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun} could not be imported"),
        n => format!("{n} {noun}s could not be imported"),
    }
}

/// Each item on a line of its own, indented.
fn indented(items: &[impl std::fmt::Display]) -> String {
    items.iter().map(|i| format!("\n  {i}")).collect()
}

/// Reads `inputs` in `format`, as documents for the project `into` (their ids unused in
/// it; `None`: a new project with the default schema), as [`Format::import_input`]
/// says: any number of files or folders, one file, or one folder.
///
/// `progress(done, total)` is called before each file (each line of a doccano file);
/// when it returns false the import stops with [`ImportError::Cancelled`]. Nothing is
/// added to `into`.
pub fn import_project(
    format: Format,
    inputs: &[PathBuf],
    into: Option<&Project>,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Import, ImportError> {
    let input = format
        .import_input()
        .ok_or(ImportError::NotImported(format))?;
    let one = || match (inputs, input) {
        ([one], _) => Ok(one.as_path()),
        (_, Input::Folder) => Err(ImportError::Inputs {
            format,
            expected: "folder",
            given: inputs.len(),
        }),
        _ => Err(ImportError::Inputs {
            format,
            expected: "file",
            given: inputs.len(),
        }),
    };
    let target = match into {
        Some(project) => import_target_from_project(project),
        None => Project::new("", crate::io::default_schema()),
    };
    match format {
        Format::Text => text::import_text(inputs, &target, progress),
        Format::Brat => brat::import_brat(one()?, &target, options, progress),
        Format::Doccano => doccano::import_doccano(one()?, &target, options, progress),
        Format::Json | Format::Csv | Format::Conll | Format::Events => {
            Err(ImportError::NotImported(format))
        }
    }
}

/// What an import needs to know of `project`: its schema and the ids of its documents,
/// without their texts and annotations (so that a background import need not copy a
/// large project).
pub fn import_target_from_project(project: &Project) -> Project {
    let mut target = Project::new(project.name.clone(), project.schema.clone());
    target.documents = project
        .documents
        .iter()
        .map(|d| Document::new(d.id.clone(), "", ""))
        .collect();
    target
}

/// How an I/O error about `path` is reported.
pub(crate) fn read_error(path: &Path) -> impl FnOnce(std::io::Error) -> ImportError + '_ {
    move |error| ImportError::Read {
        path: path.to_path_buf(),
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_imported_format_reads_what_the_table_says() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "Palmyre reprise.\n").unwrap();
        let jsonl = dir.path().join("a.jsonl");
        std::fs::write(&jsonl, "{\"text\": \"Palmyre reprise.\"}\n").unwrap();
        for format in Format::ALL {
            let inputs = match format.import_input() {
                None => vec![file.clone()],
                Some(Input::Files { .. }) => vec![file.clone(), dir.path().join("a.txt")],
                Some(Input::File { .. }) => vec![jsonl.clone()],
                Some(Input::Folder) => vec![dir.path().to_path_buf()],
            };
            let options = ImportOptions::default();
            let result = import_project(format, &inputs, None, options, &mut |_, _| true);
            match format.import_input() {
                None => assert!(matches!(result, Err(ImportError::NotImported(f)) if f == format)),
                Some(_) => {
                    let import = result.unwrap();
                    assert!(!import.documents.is_empty(), "{format}");
                    let ids: Vec<&str> = import
                        .documents
                        .iter()
                        .map(|d| d.document.id.as_str())
                        .collect();
                    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
                    assert_eq!(ids.len(), unique.len(), "{format}: {ids:?}");
                }
            }
        }
        let two = [jsonl.clone(), jsonl];
        let result = import_project(
            Format::Doccano,
            &two,
            None,
            ImportOptions::default(),
            &mut |_, _| true,
        );
        let message = result.unwrap_err().to_string();
        assert_eq!(message, "doccano import reads one file, and 2 were given");
    }

    #[test]
    fn ids_avoid_the_target_and_a_cancelled_import_imports_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d1.txt");
        std::fs::write(&file, "Un article.\n").unwrap();
        let mut project = Project::new("p", Schema::default());
        project.documents.push(Document::new("d1", "d1", "déjà là"));
        let import = import_project(
            Format::Text,
            std::slice::from_ref(&file),
            Some(&project),
            ImportOptions::default(),
            &mut |_, _| true,
        )
        .unwrap();
        assert_eq!(import.documents[0].document.id, "d1-2");
        assert_eq!(import.documents[0].encoding, Some("UTF-8"));
        assert_eq!(import.schema, project.schema);
        let cancelled = import_project(
            Format::Text,
            &[file],
            Some(&project),
            ImportOptions::default(),
            &mut |_, _| false,
        );
        assert!(matches!(cancelled, Err(ImportError::Cancelled)));
    }
}
