//! Any text as a brat collection's configuration (`annotation.conf`, then
//! `visual.conf` and `kb_shortcuts.conf` after NUL bytes) with one small annotated
//! document: read with warnings, never a panic, and the imported project validates.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// A document that uses types, roles, attributes and notes, some of which the
/// configuration may declare differently.
const ANN: &str = "T1\tOrganization 0 5\tDaech\nT2\tGPE 13 20\tPalmyre\n\
                   T3\tMove 6 12\tquitte\nE1\tMove:T3 Agent:T1 Origin:T2\n\
                   R1\tLocated Arg1:T1 Arg2:T2\nA1\tNegation E1\nA2\tConfidence E1 High\n\
                   #1\tAnnotatorNotes T1\tgroupe armé\n";

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let names = ["annotation.conf", "visual.conf", "kb_shortcuts.conf"];
    for (name, text) in names.iter().zip(input.split('\0')) {
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    std::fs::write(dir.path().join("a.txt"), "Daech quitte Palmyre.").expect("written");
    std::fs::write(dir.path().join("a.ann"), ANN).expect("written");
    if let Ok(import) = eventail::formats::brat::read_brat(dir.path(), true) {
        let problems = eventail::model::validate(&import.project);
        assert!(problems.is_empty(), "{problems:?}");
    }
});
