//! Any `.ann` against any text (the input is `text \0 ann`): broken lines reported,
//! never a panic, and with bad lines skipped the document always validates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (text, ann) = input.split_once('\0').unwrap_or(("Le texte de l’article.", input));
    let mut project = eventail::model::Project::new("fuzz", Default::default());
    let mut doc = eventail::model::Document::new("d", "d", text);
    let mut warnings = Vec::new();
    let _ = eventail::formats::brat::read_ann(
        ann,
        Path::new("fuzz.ann"),
        &mut doc,
        &mut project.schema,
        true,
        &mut warnings,
    );
    project.documents.push(doc);
    let problems = eventail::model::validate(&project);
    assert!(problems.is_empty(), "{problems:?}");
});
