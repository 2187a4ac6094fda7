//! The event dataset export: one row per incident in the columns of the ACLED codebook
//! that a hand-built dataset can fill, and one row per report so that a researcher can
//! audit each value against the article it comes from.
//!
//! Researchers who build event datasets load them into the same scripts as ACLED's, so
//! the columns keep ACLED's names and order; which event types, roles and attributes
//! fill which column is the schema's [`DatasetMapping`](crate::model::dataset_mapping).
//! As CSV (RFC 4180, UTF-8 with a byte-order mark, cells a spreadsheet would run as a
//! formula guarded, as [`super::csv`] writes them) the export is two files: `OUT` with
//! the incidents and `OUT-reports` beside it (`events.csv` and `events-reports.csv`);
//! as JSON one file, `{"events": [...], "reports": [...]}`, each row an object keyed by
//! column, numbers as numbers. The definitions of the columns are in
//! `docs/incidents.md`.

mod rows;

pub use rows::{EVENT_COLUMNS, NUMERIC_COLUMNS, REPORT_COLUMNS, event_row, report_rows};

use super::csv::push_csv_record;
use crate::model::{Diagnostic, Project};
use std::path::{Path, PathBuf};

/// The event dataset of a project, made in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDataset {
    /// One row per incident, in [`EVENT_COLUMNS`].
    pub events: Vec<Vec<String>>,
    /// One row per report, in [`REPORT_COLUMNS`].
    pub reports: Vec<Vec<String>>,
    /// What the mapping could not say.
    pub warnings: Vec<Diagnostic>,
}

/// The event dataset of `project`: its incidents in id order, each with its reports.
pub fn event_dataset(project: &Project) -> EventDataset {
    let mut dataset = EventDataset {
        events: Vec::with_capacity(project.incidents.len()),
        reports: Vec::new(),
        warnings: Vec::new(),
    };
    for incident in &project.incidents {
        let (row, warning) = event_row(project, incident);
        dataset.events.push(row);
        dataset.warnings.extend(warning);
        dataset.reports.extend(report_rows(project, incident));
    }
    dataset
}

/// Where the reports table of an export to `out` goes: beside it, named after it with
/// `-reports` (`events.csv` gives `events-reports.csv`).
pub fn reports_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "events".into());
    let name = match out.extension() {
        Some(ext) => format!("{stem}-reports.{}", ext.to_string_lossy()),
        None => format!("{stem}-reports"),
    };
    out.with_file_name(name)
}

/// A table as CSV: byte-order mark, header, rows; `raw` as in the CSV export.
fn csv_table(columns: &[&str], rows: &[Vec<String>], raw: bool) -> String {
    let mut out = String::from("\u{feff}");
    push_csv_record(&mut out, columns, raw);
    for row in rows {
        push_csv_record(&mut out, row, raw);
    }
    out
}

impl EventDataset {
    /// The incidents table as CSV.
    pub fn events_csv(&self, raw: bool) -> String {
        csv_table(&EVENT_COLUMNS, &self.events, raw)
    }

    /// The reports table as CSV.
    pub fn reports_csv(&self, raw: bool) -> String {
        csv_table(&REPORT_COLUMNS, &self.reports, raw)
    }

    /// Both tables as one JSON document, `{"events": [...], "reports": [...]}`: each
    /// row an object keyed by column, numeric columns as numbers (`null` when empty).
    pub fn json(&self) -> String {
        let objects = |columns: &[&str], rows: &[Vec<String>]| -> Vec<serde_json::Value> {
            rows.iter()
                .map(|row| {
                    let object: serde_json::Map<String, serde_json::Value> = columns
                        .iter()
                        .zip(row)
                        .map(|(&column, cell)| {
                            let value = if NUMERIC_COLUMNS.contains(&column) {
                                cell.parse::<serde_json::Number>()
                                    .map_or(serde_json::Value::Null, serde_json::Value::Number)
                            } else {
                                serde_json::Value::String(cell.clone())
                            };
                            (column.to_string(), value)
                        })
                        .collect();
                    serde_json::Value::Object(object)
                })
                .collect()
        };
        let document = serde_json::json!({
            "events": objects(&EVENT_COLUMNS, &self.events),
            "reports": objects(&REPORT_COLUMNS, &self.reports),
        });
        let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reports_file_is_named_after_the_output() {
        assert_eq!(
            reports_path(Path::new("out/events.csv")),
            Path::new("out/events-reports.csv")
        );
        assert_eq!(reports_path(Path::new("ds")), Path::new("ds-reports"));
    }

    #[test]
    fn json_rows_are_objects_with_numbers_as_numbers() {
        let dataset = EventDataset {
            events: vec![{
                let mut row = vec![String::new(); EVENT_COLUMNS.len()];
                row[0] = "I1".into();
                row[2] = "2016".into();
                row
            }],
            reports: Vec::new(),
            warnings: Vec::new(),
        };
        let json: serde_json::Value = serde_json::from_str(&dataset.json()).unwrap();
        assert_eq!(json["events"][0]["event_id_cnty"], "I1");
        assert_eq!(json["events"][0]["year"], 2016);
        assert!(json["events"][0]["latitude"].is_null());
        assert_eq!(json["reports"].as_array().map(Vec::len), Some(0));
    }
}
