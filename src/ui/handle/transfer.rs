//! Import and export through the table of formats, on a background thread where the
//! work is long, and the background jobs' results.

use super::super::app::EventailApp;
use super::super::failure::Failure;
use super::super::format_shim::Format;
use super::super::jobs::{self, Job, JobKind, JobOutput};
use super::super::session::Session;
use super::super::state::Dialog;
use crate::formats::text::{ImportedText, TextImportError};
use crate::model::Project;
use std::path::{Path, PathBuf};

impl EventailApp {
    /// Adds the text files at `paths` as documents, in one undoable edit, and shows the
    /// first of them; if any file cannot be read, nothing is added and all the errors
    /// are shown. Large imports run on a background thread.
    pub(super) fn import_text_paths(&mut self, paths: &[PathBuf]) {
        if jobs::total_bytes(paths) <= jobs::BACKGROUND_BYTES {
            let result = crate::formats::text::documents_from_paths(paths, self.session.project());
            self.finish_import_text(result);
            return;
        }
        // The worker only needs the ids in use, not the texts.
        let ids = crate::formats::text::ids_of_project(self.session.project());
        let paths = paths.to_vec();
        let label = format!("Importing {} file(s)", paths.len());
        let job = Job::spawn(label, JobKind::Reads, &self.ctx, move |progress| {
            jobs::import_texts(&paths, &ids, progress)
        });
        self.start_job(job);
    }

    /// Adds imported documents, or shows why nothing was imported.
    fn finish_import_text(&mut self, result: Result<Vec<ImportedText>, Vec<TextImportError>>) {
        let imported = match result {
            Ok(imported) if imported.is_empty() => return,
            Ok(imported) => imported,
            Err(errors) => {
                self.dialog = Some(Dialog::Failed(Failure::ImportText(errors)));
                return;
            }
        };
        let encodings: Vec<String> = imported
            .iter()
            .map(|i| format!("{} ({})", i.document.id, i.encoding))
            .collect();
        let first = self.session.project().documents.len();
        let documents = imported.into_iter().map(|i| i.document).collect();
        let edit = crate::edit::ops::add_documents(self.session.project(), documents);
        match self.session.apply(edit) {
            Ok(_) => {
                self.show_document(first);
                self.view.status = format!("Imported {}", encodings.join(", "));
            }
            Err(error) => self.view.status = format!("Not imported: {error}"),
        }
    }

    /// Reads a file or folder in `format` as a new, unsaved project, in the background.
    pub(super) fn import_project(&mut self, format: Format, input: PathBuf) {
        let label = format!("Importing {}", input.display());
        let job = Job::spawn(label, JobKind::Reads, &self.ctx, move |_| {
            JobOutput::NewProject(project_from_import(format, &input))
        });
        self.start_job(job);
    }

    /// Shows an imported project as a new, unsaved one, with its warnings if any.
    fn finish_import_project(&mut self, result: Result<(Project, Vec<String>), String>) {
        match result {
            Ok((project, warnings)) => {
                self.replace_session(Session::unsaved(project));
                self.session.mark_unsaved();
                self.view.status = "Imported: File > Save as… keeps it".into();
                if !warnings.is_empty() {
                    self.dialog = Some(Dialog::Report {
                        title: format!("Imported, with {} warning(s)", warnings.len()),
                        lines: warnings,
                    });
                }
            }
            Err(message) => self.dialog = Some(Dialog::Failed(Failure::Import(message))),
        }
    }

    /// Exports the project in `format` to `out` on a background thread.
    pub(super) fn export_to(&mut self, format: Format, out: PathBuf) {
        let project = self.session.project().clone();
        let label = format!("Exporting to {}", out.display());
        let job = Job::spawn(label, JobKind::Writes, &self.ctx, move |_| {
            JobOutput::Exported(export(&project, format, &out))
        });
        self.start_job(job);
    }

    /// Says how an export ended.
    fn finish_export(&mut self, result: Result<String, String>) {
        match result {
            Ok(summary) => self.view.status = summary,
            Err(message) => self.dialog = Some(Dialog::Failed(Failure::Export(message))),
        }
    }

    /// Shows the progress of `job`, or says why it could not start.
    pub(super) fn start_job(&mut self, job: std::io::Result<Job>) {
        match job {
            Ok(job) => self.job = Some(job),
            Err(error) => {
                self.view.status = format!("Could not start the work in the background: {error}")
            }
        }
    }

    /// Stops the background job: a job that only reads is forgotten at once; one that
    /// writes is asked to stop and says what it wrote when it ends.
    pub(super) fn cancel_job(&mut self) {
        if self.job.as_ref().is_some_and(Job::cancel) {
            self.job = None;
            self.view.status = "Cancelled: nothing was changed".into();
        }
    }

    /// Takes the output of a finished background job.
    pub(in super::super) fn poll_job(&mut self) {
        let Some(output) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        match output {
            JobOutput::Opened {
                path,
                result,
                lock,
                read_only,
            } => self.finish_open(path, result, lock, read_only),
            JobOutput::ImportedText(result) => self.finish_import_text(result),
            JobOutput::Exported(result) => self.finish_export(result),
            JobOutput::NewProject(result) => self.finish_import_project(result),
        }
    }
}

/// TEMPORARY until the formats table lands: reads brat or doccano as a project.
fn project_from_import(format: Format, input: &Path) -> Result<(Project, Vec<String>), String> {
    use crate::formats;
    match format {
        Format::Brat => formats::brat_import::read_brat(input, true)
            .map(|import| {
                let warnings = import.warnings.iter().map(|w| w.to_string()).collect();
                (import.project, warnings)
            })
            .map_err(|e| e.to_string()),
        _ => {
            let mut project = Project::new(
                input
                    .file_stem()
                    .map_or("doccano".into(), |s| s.to_string_lossy().into_owned()),
                crate::io::default_schema(),
            );
            match formats::doccano::read_doccano(input, &project, true) {
                Err(e) => Err(e.to_string()),
                Ok(Err(lines)) => Err(lines
                    .iter()
                    .map(|l| l.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")),
                Ok(Ok(import)) => {
                    project.schema.entity_types.extend(import.entity_types);
                    project.schema.relation_types.extend(import.relation_types);
                    project.documents = import.documents;
                    let skipped = import.skipped.iter().map(|l| l.to_string()).collect();
                    Ok((project, skipped))
                }
            }
        }
    }
}

/// TEMPORARY until the formats table lands.
fn export(project: &Project, format: Format, out: &Path) -> Result<String, String> {
    use crate::formats;
    let warnings = match format {
        Format::Brat => formats::brat::write_brat(project, out)
            .map(|e| e.warnings.len())
            .map_err(|e| e.to_string())?,
        Format::Json => formats::json::write_json(project, out)
            .map(|()| 0)
            .map_err(|e| e.to_string())?,
        Format::Csv => formats::csv::write_csv(project, out)
            .map(|_| 0)
            .map_err(|e| e.to_string())?,
        Format::Conll => formats::conll::write_conll(project, out)
            .map(|()| 0)
            .map_err(|e| e.to_string())?,
        Format::Doccano => formats::doccano::write_doccano(project, out)
            .map(|w| w.len())
            .map_err(|e| e.to_string())?,
        Format::Text => 0,
    };
    Ok(format!(
        "Exported to {} ({warnings} warnings)",
        out.display()
    ))
}
