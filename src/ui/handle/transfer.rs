//! Import and export through the table of formats ([`crate::formats`]), the same door
//! as the command line; long work runs on a background thread. Also where background
//! jobs end.

use super::super::app::EventailApp;
use super::super::failure::Failure;
use super::super::jobs::{self, Job, JobKind, JobOutput};
use super::super::session::Session;
use super::super::state::Dialog;
use crate::formats::{
    ExportError, ExportReport, Format, Import, ImportError, ImportOptions, export_project,
    import_project, import_target_from_project,
};
use std::path::{Path, PathBuf};

impl EventailApp {
    /// Adds the text files (or folders of them) at `paths` as documents, in one
    /// undoable edit, and shows the first; if any file cannot be read, nothing is added
    /// and every error is shown. Large imports run on a background thread.
    pub(super) fn import_text_paths(&mut self, paths: &[PathBuf]) {
        let target = import_target_from_project(self.session.project());
        if jobs::total_bytes(paths) <= jobs::BACKGROUND_BYTES {
            let options = ImportOptions::default();
            let result =
                import_project(Format::Text, paths, Some(&target), options, &mut |_, _| {
                    true
                });
            self.finish_import(Format::Text, result);
            return;
        }
        let paths = paths.to_vec();
        let label = format!("Importing {} file(s)", paths.len());
        let job = Job::spawn(label, JobKind::Reads, &self.ctx, move |progress| {
            let options = ImportOptions::default();
            let mut keep_going = jobs::keep_going(progress);
            JobOutput::Imported {
                format: Format::Text,
                result: import_project(
                    Format::Text,
                    &paths,
                    Some(&target),
                    options,
                    &mut keep_going,
                ),
            }
        });
        self.start_job(job);
    }

    /// Reads a file or folder in `format` as a new, unsaved project, in the background;
    /// broken lines are left out and listed.
    pub(super) fn import_project(&mut self, format: Format, input: PathBuf) {
        let label = format!("Importing {}", input.display());
        let job = Job::spawn(label, JobKind::Reads, &self.ctx, move |progress| {
            let options = ImportOptions {
                skip_bad_lines: true,
            };
            let mut keep_going = jobs::keep_going(progress);
            JobOutput::Imported {
                format,
                result: import_project(format, &[input], None, options, &mut keep_going),
            }
        });
        self.start_job(job);
    }

    /// Text becomes documents of the open project (one undoable edit); anything else a
    /// new, unsaved project. Warnings are listed; a failure says why nothing changed.
    fn finish_import(&mut self, format: Format, result: Result<Import, ImportError>) {
        let import = match result {
            Ok(import) => import,
            Err(error) => {
                self.dialog = Some(Dialog::Failed(Failure::Import(error)));
                return;
            }
        };
        let warnings = if format == Format::Text {
            self.add_imported_documents(import)
        } else {
            let (project, warnings) = import.into_project(format.title());
            self.replace_session(Session::unsaved(project));
            self.session.mark_unsaved();
            self.view.status = "Imported: File > Save as… keeps it".into();
            warnings
        };
        if !warnings.is_empty() {
            self.dialog = Some(Dialog::Report {
                title: format!("Imported, with {} warning(s)", warnings.len()),
                diagnostics: warnings,
            });
        }
    }

    /// Adds the documents of `import` to the open project and shows the first of them;
    /// returns the warnings.
    fn add_imported_documents(&mut self, import: Import) -> Vec<crate::model::Diagnostic> {
        if import.documents.is_empty() {
            return import.warnings;
        }
        let read: Vec<String> = import
            .documents
            .iter()
            .map(|i| match i.encoding {
                Some(encoding) => format!("{} ({encoding})", i.document.id),
                None => i.document.id.clone(),
            })
            .collect();
        let first = self.session.project().documents.len();
        let documents = import.documents.into_iter().map(|i| i.document).collect();
        let edit = crate::edit::ops::add_documents(self.session.project(), documents);
        match self.session.apply(edit) {
            Ok(_) => {
                self.show_document(first);
                self.view.status = format!("Imported {}", read.join(", "));
            }
            Err(error) => self.view.status = format!("Not imported: {error}"),
        }
        import.warnings
    }

    /// Exports the project in `format` to `out` on a background thread.
    pub(super) fn export_to(&mut self, format: Format, out: PathBuf) {
        let project = self.session.project().clone();
        let label = format!("Exporting to {}", out.display());
        let job = Job::spawn(label, JobKind::Writes, &self.ctx, move |progress| {
            let mut keep_going = jobs::keep_going(progress);
            let result = export_project(&project, format, &out, &mut keep_going);
            JobOutput::Exported { out, result }
        });
        self.start_job(job);
    }

    /// Says how an export ended: what it wrote, even when it was cancelled too late;
    /// what the format could not hold is listed.
    fn finish_export(
        &mut self,
        out: PathBuf,
        result: Result<ExportReport, ExportError>,
        cancelled: bool,
    ) {
        match result {
            Err(ExportError::Cancelled) => {
                self.view.status = status_from_export(&out, None, cancelled)
            }
            Err(error) => self.dialog = Some(Dialog::Failed(Failure::Export(error))),
            Ok(report) => {
                self.view.status = status_from_export(&out, Some(&report), cancelled);
                if !report.warnings.is_empty() {
                    self.dialog = Some(Dialog::Report {
                        title: format!(
                            "Exported; {} thing(s) the format cannot hold",
                            report.warnings.len()
                        ),
                        diagnostics: report.warnings,
                    });
                }
            }
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
    /// writes is asked to stop, and says what it wrote when it ends.
    pub(super) fn cancel_job(&mut self) {
        if self.job.as_ref().is_some_and(Job::cancel) {
            self.job = None;
            self.view.status = "Cancelled: nothing was changed".into();
        }
    }

    /// Takes the output of a finished background job.
    pub(in super::super) fn poll_job(&mut self) {
        let Some(job) = &self.job else {
            return;
        };
        let Some(output) = job.poll() else {
            return;
        };
        let cancelled = job.is_cancelling();
        self.job = None;
        match output {
            JobOutput::Opened {
                path,
                result,
                lock,
                read_only,
                stamp,
            } => self.finish_open(path, result, lock, read_only, stamp),
            JobOutput::Imported { format, result } => self.finish_import(format, result),
            JobOutput::Exported { out, result } => self.finish_export(out, result, cancelled),
            JobOutput::ProjectsRead { purpose, results } => self.finish_read(purpose, results),
        }
        if std::mem::take(&mut self.quit_when_idle) {
            self.request_quit();
        }
    }
}

/// The status line after an export to `out`: what it wrote (`None`: it stopped before
/// writing anything), and whether the user had asked it to stop.
fn status_from_export(out: &Path, report: Option<&ExportReport>, cancelled: bool) -> String {
    let Some(report) = report else {
        return format!("Export cancelled: nothing was written to {}", out.display());
    };
    let files = match report.written.len() {
        1 => "1 file".to_string(),
        n => format!("{n} files"),
    };
    let late = if cancelled {
        "Too late to cancel: the export was already being written. "
    } else {
        ""
    };
    // An event dataset has a row per incident, not per document.
    let what = match report.incidents {
        0 => format!("{} document(s)", report.documents),
        n => format!("{n} incident(s)"),
    };
    format!("{late}Exported {what} to {} ({files})", out.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_after_an_export_says_what_is_on_disk() {
        let out = Path::new("/data/p.json");
        let report = ExportReport {
            written: vec![out.to_path_buf()],
            documents: 5,
            incidents: 0,
            warnings: Vec::new(),
        };
        assert_eq!(
            status_from_export(out, None, true),
            "Export cancelled: nothing was written to /data/p.json"
        );
        assert_eq!(
            status_from_export(out, Some(&report), true),
            "Too late to cancel: the export was already being written. Exported 5 \
             document(s) to /data/p.json (1 file)"
        );
        assert_eq!(
            status_from_export(out, Some(&report), false),
            "Exported 5 document(s) to /data/p.json (1 file)"
        );
        let dataset = ExportReport {
            incidents: 6,
            ..report
        };
        assert_eq!(
            status_from_export(out, Some(&dataset), false),
            "Exported 6 incident(s) to /data/p.json (1 file)"
        );
    }
}
