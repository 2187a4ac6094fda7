//! Helpers shared by the integration tests: texts for the property tests, and what the
//! tests of the built binary read of its output.

// Each test crate includes this module and uses only some of it.
#![allow(dead_code)]

use proptest::prelude::*;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the built binary with `args`.
pub fn eventail(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventail"))
        .args(args)
        .output()
        .expect("run eventail")
}

/// The brat collection `folder` imported as the project `NAME.ron` in `dir`.
pub fn imported_from(dir: &Path, folder: &str, name: &str) -> PathBuf {
    let out = dir.join(format!("{name}.ron"));
    let status = eventail(&[
        "import".as_ref(),
        "brat".as_ref(),
        folder.as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(status.status.success(), "{}", stderr(&status));
    out
}

/// Another annotator's version: `edit` applied to the project `a`, saved as `name` in
/// `dir`.
pub fn derived(
    dir: &Path,
    a: &Path,
    name: &str,
    edit: impl FnOnce(&mut eventail::model::Project),
) -> PathBuf {
    let mut project = eventail::io::load_project(a).expect("load");
    edit(&mut project);
    let path = dir.join(name);
    eventail::io::save_project(&path, &project).expect("save");
    path
}

/// What the command printed on stdout.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// What the command printed on stderr.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Checks that the command failed cleanly (status 1, no panic) and returns its stderr.
pub fn failure(out: &Output) -> String {
    let err = stderr(out);
    assert!(!out.status.success(), "should have failed; stderr: {err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Texts made of the pieces that break naive offsets: accents precomposed and
/// combining, no-break spaces, typographic apostrophes, emoji with a skin-tone modifier,
/// Arabic, an astral letter, CRLF and LF line ends.
pub fn multilingual_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("Palmyre"),
            Just("a"),
            Just("é"),
            Just("e\u{301}"),
            Just("\u{a0}"),
            Just("’"),
            Just("«"),
            Just("👍🏽"),
            Just("خالد"),
            Just("𝔸"),
            Just("\r\n"),
            Just("\n"),
            Just(" "),
        ],
        1..max_pieces,
    )
    .prop_map(|pieces| pieces.concat())
}
