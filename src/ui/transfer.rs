//! File > Import and File > Export: the formats of `crate::formats`, run on a background
//! thread with a progress window, like their command-line counterparts.

use super::app::EventailApp;
use super::jobs::{Job, JobOutput};
use super::state::Dialog;
use crate::formats;
use crate::model::Project;
use std::path::{Path, PathBuf};

/// The formats File > Export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// A brat standoff collection (a folder).
    Brat,
    /// One JSON file with offsets in three units.
    Json,
    /// `events.csv` and `mentions.csv` (a folder).
    Csv,
    /// CoNLL BIO tags (a file).
    Conll,
    /// doccano JSONL (a file).
    Doccano,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Brat,
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::Conll,
        ExportFormat::Doccano,
    ];

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Brat => "brat standoff (folder)…",
            ExportFormat::Json => "JSON…",
            ExportFormat::Csv => "CSV for statistics (folder)…",
            ExportFormat::Conll => "CoNLL (BIO tags)…",
            ExportFormat::Doccano => "doccano JSONL…",
        }
    }

    /// File extension of a single-file format; `None` for the formats that fill a folder.
    fn extension(self) -> Option<&'static str> {
        match self {
            ExportFormat::Brat | ExportFormat::Csv => None,
            ExportFormat::Json => Some("json"),
            ExportFormat::Conll => Some("conll"),
            ExportFormat::Doccano => Some("jsonl"),
        }
    }
}

/// Writes `project` in `format` to `out`; returns a summary for the status bar.
pub fn export(project: &Project, format: ExportFormat, out: &Path) -> Result<String, String> {
    let warnings = match format {
        ExportFormat::Brat => formats::brat::write_brat(project, out)
            .map(|e| e.warnings.len())
            .map_err(|e| e.to_string())?,
        ExportFormat::Json => formats::json::write_json(project, out)
            .map(|()| 0)
            .map_err(|e| e.to_string())?,
        ExportFormat::Csv => formats::csv::write_csv(project, out)
            .map(|_| 0)
            .map_err(|e| e.to_string())?,
        ExportFormat::Conll => formats::conll::write_conll(project, out)
            .map(|()| 0)
            .map_err(|e| e.to_string())?,
        ExportFormat::Doccano => formats::doccano::write_doccano(project, out)
            .map(|w| w.len())
            .map_err(|e| e.to_string())?,
    };
    let note = match warnings {
        0 => String::new(),
        n => format!(" ({n} annotation(s) the format cannot hold were left out)"),
    };
    Ok(format!("Exported to {}{note}", out.display()))
}

impl EventailApp {
    /// Asks where to export and exports in the background.
    pub(super) fn export_dialog(&mut self, format: ExportFormat) {
        let stem = self.session.project.name.clone();
        let out = match format.extension() {
            None => rfd::FileDialog::new()
                .set_title("Export into the folder")
                .pick_folder(),
            Some(ext) => rfd::FileDialog::new()
                .set_title("Export as")
                .set_file_name(format!("{stem}.{ext}"))
                .save_file(),
        };
        if let Some(out) = out {
            self.export_to(format, out);
        }
    }

    /// Exports the project in `format` to `out` on a background thread.
    pub fn export_to(&mut self, format: ExportFormat, out: PathBuf) {
        let project = self.session.project.clone();
        let label = format!("Exporting to {}", out.display());
        self.job = Some(Job::spawn(label, &self.ctx, move |_| {
            JobOutput::Exported(export(&project, format, &out))
        }));
    }

    /// Shows how an export ended.
    pub(super) fn finish_export(&mut self, result: Result<String, String>) {
        match result {
            Ok(summary) => self.view.status = summary,
            Err(message) => self.dialog = Some(Dialog::Error(message)),
        }
    }

    /// Asks for a doccano JSONL file and opens it as a new project.
    pub(super) fn import_doccano_dialog(&mut self) {
        let Some(path) = rfd::FileDialog::new()
            .set_title("Import a doccano JSONL file")
            .add_filter("doccano", &["jsonl", "json"])
            .pick_file()
        else {
            return;
        };
        self.import_doccano(path);
    }

    /// Reads a doccano file as a new, unsaved project with the default schema and the
    /// types the file uses; bad lines are skipped and listed.
    pub fn import_doccano(&mut self, path: PathBuf) {
        let label = format!("Importing {}", path.display());
        self.job = Some(Job::spawn(label, &self.ctx, move |_| {
            let mut project = Project::new(
                path.file_stem()
                    .map_or("doccano".into(), |s| s.to_string_lossy().into_owned()),
                crate::io::default_schema(),
            );
            let result = match formats::doccano::read_doccano(&path, &project, true) {
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
            };
            JobOutput::NewProject(result)
        }));
    }

    /// Asks for a brat collection folder and opens it as a new project.
    pub(super) fn import_brat_dialog(&mut self) {
        let Some(dir) = rfd::FileDialog::new()
            .set_title("Import a brat collection (folder)")
            .pick_folder()
        else {
            return;
        };
        self.import_brat(dir);
    }

    /// Reads a brat collection as a new, unsaved project (schema from its
    /// configuration); broken lines are skipped and listed with the other warnings.
    pub fn import_brat(&mut self, dir: PathBuf) {
        let label = format!("Importing {}", dir.display());
        self.job = Some(Job::spawn(label, &self.ctx, move |_| {
            let result = formats::brat_import::read_brat(&dir, true)
                .map(|import| {
                    let warnings = import.warnings.iter().map(|w| w.to_string()).collect();
                    (import.project, warnings)
                })
                .map_err(|e| e.to_string());
            JobOutput::NewProject(result)
        }));
    }

    /// Shows an imported collection as a new, unsaved project.
    pub(super) fn finish_new_project(&mut self, result: Result<(Project, Vec<String>), String>) {
        match result {
            Ok((project, skipped)) => {
                self.replace_session(super::state::Session::unsaved(project));
                self.session.history.mark_unsaved();
                if skipped.is_empty() {
                    self.view.status = "Imported: File > Save as… keeps it".into();
                } else {
                    self.dialog = Some(Dialog::Error(format!(
                        "Imported, with {} warning(s):\n{}",
                        skipped.len(),
                        skipped.join("\n")
                    )));
                }
            }
            Err(message) => self.dialog = Some(Dialog::Error(message)),
        }
    }
}
