//! Any bytes as a doccano JSONL file: errors per line, never a panic; with bad lines
//! skipped, the imported documents always validate.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let target = eventail::model::Project::new("fuzz", Default::default());
    let options = eventail::formats::ImportOptions {
        skip_bad_lines: true,
    };
    let Ok(import) = eventail::formats::doccano::doccano_import_from_bytes(
        data,
        Path::new("fuzz.jsonl"),
        &target,
        options,
        &mut |_, _| true,
    ) else {
        return;
    };
    let (project, _) = import.into_project("fuzz");
    let problems = eventail::model::validate(&project);
    assert!(problems.is_empty(), "{problems:?}");
});
