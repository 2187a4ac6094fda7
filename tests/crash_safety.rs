//! Saving survives being killed: a child process saves two versions of a project in
//! turn while the parent kills it (SIGKILL) at random moments, again and again; the
//! file must always be exactly one of the two versions.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::io::{load_project, project_to_string, save_project};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const ROUNDS: usize = 60;

/// The two versions: the sample, and the sample renamed with a large note so that a
/// save takes long enough to be interrupted.
fn versions() -> (eventail::model::Project, eventail::model::Project) {
    let a = load_project(Path::new("projects/palmyre.ron")).expect("the sample loads");
    let mut b = a.clone();
    b.name = "Version B".into();
    b.documents[0].mentions[0].note = "b".repeat(400_000);
    (a, b)
}

/// Not a test of its own: the save loop that the parent runs in a child process.
#[test]
fn save_loop_child() {
    let Ok(path) = std::env::var("EVENTAIL_SAVE_LOOP") else {
        return;
    };
    let (a, b) = versions();
    let path = PathBuf::from(path);
    loop {
        for version in [&a, &b] {
            if save_project(&path, version).is_err() {
                return;
            }
        }
    }
}

#[test]
fn a_killed_save_leaves_the_old_or_the_new_file_never_a_mix() {
    let (a, b) = versions();
    let bytes_a = project_to_string(&a).expect("a").into_bytes();
    let bytes_b = project_to_string(&b).expect("b").into_bytes();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.ron");
    save_project(&path, &a).expect("first save");
    let exe = std::env::current_exe().expect("the test binary");
    let mut seen = [0usize; 2];
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "save_loop_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("EVENTAIL_SAVE_LOOP", &path)
            .spawn()
            .expect("start the child");
        // Kill at varied moments: during start-up, between saves, mid-write.
        std::thread::sleep(Duration::from_millis(20 + (round as u64 * 37) % 180));
        child.kill().expect("SIGKILL the child");
        child.wait().expect("reap the child");
        let now = std::fs::read(&path).expect("the project file exists");
        if now == bytes_a {
            seen[0] += 1;
        } else if now == bytes_b {
            seen[1] += 1;
        } else {
            panic!(
                "round {round}: the file is neither version ({} bytes)",
                now.len()
            );
        }
        assert!(load_project(&path).is_ok(), "round {round}: the file loads");
    }
    // Both versions were caught on disk at some point, so the kills did land mid-loop.
    assert!(seen[0] > 0 && seen[1] > 0, "{seen:?}");
    eprintln!(
        "{ROUNDS} kills: {} times version A, {} times version B",
        seen[0], seen[1]
    );
}
