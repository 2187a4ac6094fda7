//! Any bytes as a doccano JSONL file: errors per line, never a panic; with bad lines
//! skipped, the imported documents always validate.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let mut project = eventail::model::Project::new("fuzz", Default::default());
    let Ok(import) = eventail::formats::doccano::doccano_import_from_bytes(
        data,
        Path::new("fuzz.jsonl"),
        &project,
        true,
    ) else {
        return;
    };
    project.schema = import.schema;
    project.documents = import.documents;
    let problems = eventail::model::validate(&project);
    assert!(problems.is_empty(), "{problems:?}");
});
