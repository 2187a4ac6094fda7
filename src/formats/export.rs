//! Writing a project in a format of the [table](super::table): the one door through
//! which the command line and the GUI export.
//!
//! An export never leaves a half-written file or folder behind, even when it fails,
//! is cancelled or the machine stops: everything is first made in memory (asking the
//! progress callback before each document, so that a long export can be cancelled),
//! then each file is written beside its target and synced, and only then renamed into
//! place. A folder that does not exist yet is built as a hidden sibling and renamed into
//! place whole. Until the first rename, cancelling writes nothing; after it, the export
//! finishes. Unlike saving a project, an export keeps no backup of what it replaces.

use super::{Cancelled, FolderFiles, Format, brat, conll, csv, doccano, events, json, lossy};
use crate::io::{StagedFile, folder_of, stage_file, sync_dir, temporary_folder_in};
use crate::model::{Diagnostic, Project};
use crate::parallel::map_in_order;
use std::path::{Path, PathBuf};

/// What an export wrote, and what the format could not hold.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// The files written, in the order they were put in place.
    pub written: Vec<PathBuf>,
    /// How many documents were exported.
    pub documents: usize,
    /// How many incidents were exported (the event dataset).
    pub incidents: usize,
    /// What the format cannot hold (left out or changed), and files renamed.
    pub warnings: Vec<Diagnostic>,
}

/// Why an export did not happen. The path comes last.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The progress callback said stop before anything was written: nothing was.
    #[error("the export was cancelled: nothing was written")]
    Cancelled,
    /// The format is one that eventail reads but does not write.
    #[error("{0} is not a format eventail exports")]
    NotExported(Format),
    /// A file or folder could not be written.
    #[error("cannot write: {error}: {}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

impl From<Cancelled> for ExportError {
    fn from(_: Cancelled) -> Self {
        ExportError::Cancelled
    }
}

/// An export made in memory, not yet written.
enum Rendered {
    /// The text of the one file.
    File(String),
    /// The files of the folder: (name, text).
    Folder(FolderFiles),
    /// The text of the one file and of its reports table, written beside it (see
    /// [`events::reports_path`]).
    WithReports(String, String),
}

/// Choices about how an export writes what it holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// CSV: write every cell as it is, even one that a spreadsheet would run as a
    /// formula; by default such a cell is guarded with a leading `'`.
    pub raw: bool,
    /// Event dataset: one JSON file instead of two CSV tables.
    pub json: bool,
}

/// Writes `project` in `format` to `out` with the default [`ExportOptions`]; see
/// [`export_project_with`].
pub fn export_project(
    project: &Project,
    format: Format,
    out: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ExportReport, ExportError> {
    export_project_with(project, format, ExportOptions::default(), out, progress)
}

/// Writes `project` in `format` to `out`: a file, or a folder (created if needed, files
/// of the same names replaced), as [`Format::export_output`] says.
///
/// `progress(done, total)` is called before each document, and once more when all is
/// ready to be put in place; when it returns false the export stops with
/// [`ExportError::Cancelled`], and nothing has been written.
pub fn export_project_with(
    project: &Project,
    format: Format,
    options: ExportOptions,
    out: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ExportReport, ExportError> {
    let (rendered, warnings) = rendered_from_project(project, format, options, progress)?;
    let total = project.documents.len();
    let mut last_chance = || progress(total, total);
    let written = match rendered {
        Rendered::File(text) => write_file(out, &text, &mut last_chance)?,
        Rendered::Folder(files) if out.is_dir() => {
            write_into_folder(out, &files, &mut last_chance)?
        }
        Rendered::Folder(files) => write_new_folder(out, &files, &mut last_chance)?,
        Rendered::WithReports(main, reports) => {
            let files = [
                (out.to_path_buf(), main.as_str()),
                (events::reports_path(out), reports.as_str()),
            ];
            write_files(&files, &mut last_chance)?
        }
    };
    Ok(ExportReport {
        written,
        documents: total,
        incidents: if format == Format::Events {
            project.incidents.len()
        } else {
            0
        },
        warnings,
    })
}

/// The export of `project` in `format`, made in memory, and its warnings.
fn rendered_from_project(
    project: &Project,
    format: Format,
    options: ExportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Rendered, Vec<Diagnostic>), ExportError> {
    let (rendered, mut warnings) = match format {
        Format::Text => return Err(ExportError::NotExported(format)),
        Format::Brat => {
            let (files, warnings) = brat::brat_files_from_project(project, progress)?;
            (Rendered::Folder(files), warnings)
        }
        Format::Json => (
            Rendered::File(json::json_string_from_project(project, progress)?),
            Vec::new(),
        ),
        Format::Csv => {
            let (files, warnings) = csv::csv_files_from_project(project, options.raw, progress)?;
            (Rendered::Folder(files), warnings)
        }
        Format::Conll => {
            let (text, warnings) = conll::conll_from_project(project, progress)?;
            (Rendered::File(text), warnings)
        }
        Format::Doccano => {
            let (text, warnings) = doccano::doccano_from_project(project, progress)?;
            (Rendered::File(text), warnings)
        }
        Format::Events => {
            let dataset = events::event_dataset(project);
            let rendered = if options.json {
                Rendered::File(dataset.json())
            } else {
                Rendered::WithReports(
                    dataset.events_csv(options.raw),
                    dataset.reports_csv(options.raw),
                )
            };
            (rendered, dataset.warnings)
        }
    };
    // JSON holds the conflicts as the project file does; the other formats have no
    // place for the versions set aside.
    if format != Format::Json {
        warnings.extend(lossy::unresolved_conflicts(project, format.title()));
    }
    Ok((rendered, warnings))
}

/// How an I/O error about `path` is reported.
fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |error| ExportError::Write {
        path: path.to_path_buf(),
        error,
    }
}

/// Cancels, with nothing written, if `last_chance` says stop.
fn check(last_chance: &mut dyn FnMut() -> bool) -> Result<(), ExportError> {
    if last_chance() {
        Ok(())
    } else {
        Err(ExportError::Cancelled)
    }
}

/// Writes one file in place of `out`.
fn write_file(
    out: &Path,
    text: &str,
    last_chance: &mut dyn FnMut() -> bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let staged = stage_file(out, text.as_bytes()).map_err(write_error(out))?;
    check(last_chance)?;
    staged.put_in_place().map_err(write_error(out))?;
    Ok(vec![out.to_path_buf()])
}

/// Writes files at their paths: all are staged beside their targets before the first
/// is put in place.
fn write_files(
    files: &[(PathBuf, &str)],
    last_chance: &mut dyn FnMut() -> bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, text) in files {
        let file = stage_file(path, text.as_bytes()).map_err(write_error(path))?;
        staged.push((path.clone(), file));
    }
    check(last_chance)?;
    rename_all(staged, Path::to_path_buf)
}

/// Threads that write and sync the files of a folder export: they wait for the disk,
/// not the processor, and a file system syncs many files at once nearly as fast as one
/// (an export of a thousand documents writes two thousand files).
const WRITERS: usize = 16;

/// Writes and syncs each of `files` beside its path in `folder`, on [`WRITERS`]
/// threads; the first failure, in the files' order, is the error.
fn stage_all(
    folder: &Path,
    files: &[(String, String)],
) -> Result<Vec<(PathBuf, StagedFile)>, ExportError> {
    map_in_order(files, WRITERS, |(name, text)| {
        let path = folder.join(name);
        match stage_file(&path, text.as_bytes()) {
            Ok(file) => Ok((path, file)),
            Err(error) => Err(ExportError::Write { path, error }),
        }
    })
    .into_iter()
    .collect()
}

/// Renames each staged file into place, in order, then syncs the folders they went
/// into (once each, even when a rename fails). `shown` names each file in errors and
/// in the list returned.
fn rename_all(
    staged: Vec<(PathBuf, StagedFile)>,
    shown: impl Fn(&Path) -> PathBuf,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::with_capacity(staged.len());
    let mut folders = std::collections::BTreeSet::new();
    let mut failed = None;
    for (path, file) in staged {
        match file.rename_into_place() {
            Ok(folder) => {
                folders.insert(folder);
                written.push(shown(&path));
            }
            Err(error) => {
                failed = Some(ExportError::Write {
                    path: shown(&path),
                    error,
                });
                break;
            }
        }
    }
    for folder in folders {
        sync_dir(&folder);
    }
    failed.map_or(Ok(written), Err)
}

/// Writes the files into the folder `out`, which exists: all are staged beside their
/// targets before the first is put in place.
fn write_into_folder(
    out: &Path,
    files: &[(String, String)],
    last_chance: &mut dyn FnMut() -> bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let staged = stage_all(out, files)?;
    check(last_chance)?;
    rename_all(staged, Path::to_path_buf)
}

/// Writes the files into the folder `out`, which does not exist: the missing folders
/// are built in a hidden temporary folder beside the first of them, then renamed into
/// place in one step.
fn write_new_folder(
    out: &Path,
    files: &[(String, String)],
    last_chance: &mut dyn FnMut() -> bool,
) -> Result<Vec<PathBuf>, ExportError> {
    // The first missing folder on the way to `out` (`out` itself if its parent exists).
    let top = out
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
        .last()
        .ok_or_else(|| ExportError::Write {
            path: out.to_path_buf(),
            error: std::io::ErrorKind::NotADirectory.into(),
        })?;
    let (Some(top_name), Ok(below_top)) = (top.file_name(), out.strip_prefix(top)) else {
        return Err(ExportError::Write {
            path: out.to_path_buf(),
            error: std::io::ErrorKind::InvalidInput.into(),
        });
    };
    let root = folder_of(top);
    let tmp = temporary_folder_in(root).map_err(write_error(out))?;
    let staged_top = tmp.path().join(top_name);
    let staged_out = staged_top.join(below_top);
    std::fs::create_dir_all(&staged_out).map_err(write_error(out))?;
    // Errors name the file where the user will look for it, not its temporary place.
    let shown = |path: &Path| {
        path.strip_prefix(&staged_out)
            .map_or_else(|_| path.to_path_buf(), |name| out.join(name))
    };
    let staged = stage_all(&staged_out, files).map_err(|error| match error {
        ExportError::Write { path, error } => ExportError::Write {
            path: shown(&path),
            error,
        },
        other => other,
    })?;
    let written = rename_all(staged, shown)?;
    // The folders made for the export, so that the rename below carries their files.
    for folder in staged_out
        .ancestors()
        .take_while(|f| f.starts_with(tmp.path()))
    {
        sync_dir(folder);
    }
    check(last_chance)?;
    std::fs::rename(&staged_top, top).map_err(write_error(out))?;
    sync_dir(root);
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::Output;
    use crate::model::Document;

    fn project() -> Project {
        let mut project = Project::new("p", crate::io::default_schema());
        project
            .documents
            .push(Document::new("d1", "d1", "Daech quitte Palmyre."));
        project
            .documents
            .push(Document::new("d2", "d2", "L’armée syrienne entre."));
        project
    }

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_exported_format_writes_what_the_table_says() {
        for format in Format::ALL {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("out");
            let result = export_project(&project(), format, &out, &mut |_, _| true);
            match format.export_output() {
                None => assert!(matches!(result, Err(ExportError::NotExported(f)) if f == format)),
                Some(Output::File { .. }) if format == Format::Events => {
                    let reports = events::reports_path(&out);
                    assert_eq!(result.unwrap().written, [out.clone(), reports.clone()]);
                    assert!(out.is_file() && reports.is_file());
                    continue;
                }
                Some(Output::File { .. }) => {
                    assert_eq!(result.unwrap().written, std::slice::from_ref(&out));
                    assert!(out.is_file(), "{format}");
                }
                Some(Output::Folder) => {
                    let report = result.unwrap();
                    assert_eq!(report.documents, 2);
                    assert!(out.is_dir(), "{format}");
                    assert!(report.written.iter().all(|p| p.parent() == Some(&out)));
                }
            }
            assert!(
                names(dir.path()).len() <= 1,
                "{format}: {:?}",
                names(dir.path())
            );
        }
    }

    #[test]
    fn a_cancelled_export_leaves_an_existing_file_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("p.json");
        std::fs::write(&out, "l’ancien fichier").unwrap();
        let mut calls = 0;
        let result = export_project(&project(), Format::Json, &out, &mut |done, total| {
            calls += 1;
            assert!(done <= total);
            done < 1
        });
        assert!(matches!(result, Err(ExportError::Cancelled)));
        assert_eq!(calls, 2);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "l’ancien fichier");
        assert_eq!(names(dir.path()), ["p.json"]);
        // Cancelled at the last moment, once everything is staged: still nothing.
        let result = export_project(&project(), Format::Brat, dir.path(), &mut |done, total| {
            done < total
        });
        assert!(matches!(result, Err(ExportError::Cancelled)));
        assert_eq!(names(dir.path()), ["p.json"]);
    }

    #[test]
    fn a_folder_export_to_a_new_folder_leaves_no_temporary_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/nested/brat");
        let report = write_brat_to(&out, &mut |_, _| true).unwrap();
        assert_eq!(names(dir.path()), ["new"]);
        assert_eq!(
            names(&out),
            [
                "annotation.conf",
                "d1.ann",
                "d1.txt",
                "d2.ann",
                "d2.txt",
                "visual.conf"
            ]
        );
        assert_eq!(report.written.len(), 6);
        let again = dir.path().join("again");
        let cancelled = write_brat_to(&again, &mut |done, total| done < total);
        assert!(matches!(cancelled, Err(ExportError::Cancelled)));
        assert_eq!(names(dir.path()), ["new"]);
    }

    fn write_brat_to(
        out: &Path,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<ExportReport, ExportError> {
        export_project(&project(), Format::Brat, out, progress)
    }

    #[test]
    fn an_unwritable_target_names_its_path_last() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("missing/p.conll");
        let Err(error) = export_project(&project(), Format::Conll, &out, &mut |_, _| true) else {
            panic!("written into a missing folder");
        };
        let message = error.to_string();
        assert!(message.starts_with("cannot write: "), "{message}");
        assert!(message.ends_with(&out.display().to_string()), "{message}");
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        let Err(error) = export_project(&project(), Format::Csv, &file, &mut |_, _| true) else {
            panic!("a folder export over a file");
        };
        assert!(error.to_string().ends_with(&file.display().to_string()));
    }
}
