//! Any project that the loaders make from the input (its first byte chooses: a project
//! file, a brat `.ann` against a text, a doccano JSONL file), exported in every format
//! in memory, and what eventail reads (brat, doccano) read back: never a panic, and
//! what an export wrote always reads back without a broken line.
#![no_main]

use eventail::formats::{Format, ImportOptions, brat, conll, csv, doccano, json};
use eventail::model::{Document, Project, validate};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

/// The project that loader `kind` makes of `data`, if any.
fn project_from_bytes(kind: u8, data: &[u8]) -> Option<Project> {
    match kind % 3 {
        0 => {
            let text = std::str::from_utf8(data).ok()?;
            eventail::io::project_from_str(text, Path::new("fuzz.ron")).ok()
        }
        1 => {
            let input = std::str::from_utf8(data).ok()?;
            let (text, ann) = input
                .split_once('\0')
                .unwrap_or(("Le texte de l’article.", input));
            let mut project = Project::new("fuzz", Default::default());
            let mut doc = Document::new("d", "d", text);
            let mut warnings = Vec::new();
            let path = Path::new("fuzz.ann");
            let _ = brat::read_ann(
                ann,
                path,
                &mut doc,
                &mut project.schema,
                true,
                &mut warnings,
            );
            project.documents.push(doc);
            Some(project)
        }
        _ => {
            let target = Project::new("fuzz", Default::default());
            let options = ImportOptions {
                skip_bad_lines: true,
            };
            let path = Path::new("fuzz.jsonl");
            let import =
                doccano::doccano_import_from_bytes(data, path, &target, options, &mut |_, _| true)
                    .ok()?;
            Some(import.into_project("fuzz").0)
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Some(project) = project_from_bytes(kind, rest) else {
        return;
    };
    let go_on = &mut |_: usize, _: usize| true;
    let _ = json::json_string_from_project(&project, go_on);
    let _ = csv::csv_files_from_project(&project, false, go_on);
    let _ = conll::conll_from_project(&project, go_on);

    let (jsonl, _) = doccano::doccano_from_project(&project, go_on).expect("never cancelled");
    let empty = Project::new("back", Default::default());
    let strict = ImportOptions::default();
    let path = Path::new("back.jsonl");
    let back = doccano::doccano_import_from_bytes(jsonl.as_bytes(), path, &empty, strict, go_on)
        .expect("an exported doccano file reads back");
    let (back, _) = back.into_project("back");
    assert!(validate(&back).is_empty(), "{:?}", validate(&back));

    if project.documents.is_empty() {
        return; // a brat collection without a text is refused on import, rightly
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    eventail::formats::export_project(&project, Format::Brat, dir.path(), go_on)
        .expect("a brat export writes");
    let back = brat::read_brat(dir.path(), false).expect("an exported brat collection reads back");
    assert!(validate(&back.project).is_empty());
});
