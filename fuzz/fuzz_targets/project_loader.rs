//! Any bytes given as a project file: an error or a valid project, never a panic; a
//! project that loads saves and loads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.ron");
    if let Ok(project) = eventail::io::project_from_str(text, path) {
        let saved = eventail::io::project_to_string(&project).expect("a loaded project serializes");
        let back = eventail::io::project_from_str(&saved, path).expect("a saved project loads");
        assert_eq!(back, project);
    }
});
