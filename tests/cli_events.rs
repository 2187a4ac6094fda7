//! `eventail export events` through the built binary: one row per incident in the ACLED
//! columns, one per report beside it, JSON on request; errors name the file, and the
//! input is never written over.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{eventail, failure, stdout};
use std::ffi::OsStr;
use std::path::Path;

const SAMPLE: &str = "projects/palmyre.ron";

/// The rows of a CSV file written by the export, without its byte-order mark, split at
/// commas outside quotes.
fn rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut rows = Vec::new();
    for line in text.split_terminator("\r\n") {
        let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => cells.push(std::mem::take(&mut cell)),
                c => cell.push(c),
            }
        }
        cells.push(cell);
        rows.push(cells);
    }
    rows
}

fn export(args: &[&OsStr]) -> std::process::Output {
    let mut all: Vec<&OsStr> = vec!["export".as_ref(), "events".as_ref(), SAMPLE.as_ref()];
    all.extend_from_slice(args);
    eventail(&all)
}

#[test]
fn the_sample_gives_one_row_per_incident_with_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.csv");
    let run = export(&["-o".as_ref(), out.as_os_str()]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    let said = stdout(&run);
    assert!(
        said.starts_with("wrote 6 incidents (17 reports) as event dataset to "),
        "{said}"
    );
    let events = rows(&out);
    assert_eq!(
        events[0],
        [
            "event_id_cnty",
            "event_date",
            "year",
            "time_precision",
            "event_type",
            "sub_event_type",
            "actor1",
            "assoc_actor_1",
            "actor2",
            "assoc_actor_2",
            "country",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "notes",
            "fatalities",
            "timestamp",
        ]
    );
    assert_eq!(events.len(), 1 + 6, "one row per incident");
    let recapture = &events[1];
    assert_eq!(
        recapture[..6],
        [
            "I1",
            "2016-03-27",
            "2016",
            "1",
            "Battles",
            "Government regains territory"
        ]
    );
    assert_eq!(
        recapture[6..9],
        ["Armée syrienne", "Aviation russe; Russie", "État islamique"]
    );
    assert_eq!(recapture[12], "Palmyre");
    let sources: Vec<&str> = recapture[16].split("; ").collect();
    assert_eq!(
        sources.len(),
        5,
        "every article reports the recapture: {sources:?}"
    );
    assert_eq!(sources[0], "Daech recule à Palmyre et Mossoul (2016-03-24)");
    assert!(
        recapture[17].starts_with("10 reports. Sources differ on the date: "),
        "{}",
        recapture[17]
    );
    assert_eq!(recapture[18], "400");
    // The loss of the city in December, another incident of article 002.
    assert_eq!(events[2][..4], ["I2", "2016-12-09", "2016", "2"]);
    assert_eq!(events[2][16], "Retour");
    let reports = rows(&dir.path().join("events-reports.csv"));
    assert_eq!(reports.len(), 1 + 17);
    assert_eq!(
        reports[0][..5],
        [
            "event_id_cnty",
            "document",
            "document_name",
            "document_date",
            "event"
        ]
    );
    let first = &reports[1];
    assert_eq!(first[..2], ["I1", "000_d46b7e7251063bb0"]);
    assert_eq!(
        first[4..9],
        ["E87", "capture", "entrée", "2016-03-24", "event"]
    );
}

#[test]
fn json_holds_both_tables_with_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.json");
    let run = export(&["-o".as_ref(), out.as_os_str(), "--json".as_ref()]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["events"].as_array().map(Vec::len), Some(6));
    assert_eq!(json["events"][0]["fatalities"], 400);
    assert_eq!(json["events"][0]["event_type"], "Battles");
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(17));
    assert!(!dir.path().join("events-reports.json").exists());
}

#[test]
fn the_input_is_never_an_output_and_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("p.ron");
    std::fs::copy(SAMPLE, &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let run = eventail(&[
        "export".as_ref(),
        "events".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        input.as_os_str(),
    ]);
    let err = failure(&run);
    assert!(err.contains("p.ron"), "{err}");
    // Nor is it the reports file of the output.
    let out = dir.path().join("p");
    std::fs::copy(SAMPLE, dir.path().join("p-reports")).unwrap();
    let run = eventail(&[
        "export".as_ref(),
        "events".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let err = failure(&run);
    assert!(err.contains("p-reports"), "{err}");
    assert!(!out.exists(), "nothing written");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    let missing = dir.path().join("missing.ron");
    let run = eventail(&[
        "export".as_ref(),
        "events".as_ref(),
        missing.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(failure(&run).contains("missing.ron"));
    let run = eventail(&[
        "export".as_ref(),
        "json".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--json".as_ref(),
    ]);
    assert!(failure(&run).contains("--json applies to the events format only"));
}

#[test]
fn the_json_export_of_the_project_holds_its_incidents() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.json");
    let run = eventail(&[
        "export".as_ref(),
        "json".as_ref(),
        SAMPLE.as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let first = &json["incidents"][0];
    assert_eq!(first["id"], "I1");
    assert_eq!(first["date"], "2016-03-27");
    assert_eq!(first["reports"][0]["document"], "000_d46b7e7251063bb0");
    assert_eq!(first["reports"][0]["event"], "E87");
    assert_eq!(json["incidents"].as_array().map(Vec::len), Some(6));
}

#[test]
fn validate_counts_the_incidents_and_their_reports() {
    let run = eventail(&["validate".as_ref(), SAMPLE.as_ref()]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    assert!(
        stdout(&run).contains(", 6 incidents (17 reports); schema of"),
        "{}",
        stdout(&run)
    );
}
