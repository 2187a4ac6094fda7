//! Every write of the command line is safe, through the built binary: no command writes
//! over its input or over a project it did not mean to write, two commands writing one
//! project lose nothing, a full disk or a write-protected file leaves the old file as it
//! was, links are written through, FIFOs never make a command hang, and names from files
//! cannot drive the terminal.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{failure, stderr, stdout};
use eventail::io::{host_name, load_project, save_project};
use eventail::model::{Document, Project};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary, run in `dir`.
fn eventail_in(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_eventail"));
    command.current_dir(dir);
    command
}

/// Runs the binary in `dir` with `args`, failing the test if it has not ended after
/// 20 seconds (it would be blocked, on a FIFO say) instead of hanging with it.
fn run(dir: &Path, args: &[&dyn AsRef<OsStr>]) -> Output {
    let mut child = eventail_in(dir)
        .args(args.iter().map(|a| a.as_ref()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            let out = child.wait_with_output().unwrap();
            panic!(
                "eventail still ran after 20 s, killed; stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Checks that the command failed cleanly saying `words`, with `file` last (where the
/// messages name their file), and returns its stderr.
fn refusal(out: &Output, words: &str, file: &str) -> String {
    let err = failure(out);
    assert!(err.contains(words), "{words:?} not said: {err}");
    assert!(err.trim_end().ends_with(file), "{file} not last: {err}");
    err
}

/// Checks that the command succeeded and returns its stdout.
fn success(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", stderr(out));
    stdout(out)
}

/// A project of `n` small documents.
fn project(n: usize) -> Project {
    let mut project = Project::new("p", eventail::io::default_schema());
    for i in 0..n {
        let id = format!("d{i}");
        let text = format!("L’armée syrienne reprend Palmyre ({i}).\n");
        project.documents.push(Document::new(&id, &id, text));
    }
    project
}

/// A folder holding the project `p.ron` of two documents; the folder and the file.
fn setup() -> (tempfile::TempDir, PathBuf) {
    setup_as("p.ron")
}

/// A folder holding a project of two documents named `name`; the folder and the file.
fn setup_as(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    save_project(&path, &project(2)).unwrap();
    (dir, path)
}

/// An article larger than the 64 KiB that [`run_with_full_disk`] lets a command write.
fn long_text() -> String {
    "Les forces syriennes avancent vers Palmyre. ".repeat(4000)
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Fails if a temporary file of a save or an export was left in `dir`.
fn assert_no_temporary(dir: &Path) {
    let left: Vec<String> = names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".eventail-"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn exports_never_write_over_their_input_however_it_is_spelled() {
    let (dir, input) = setup();
    let before = std::fs::read(&input).unwrap();
    let mut spellings: Vec<PathBuf> = vec![
        "p.ron".into(),
        "./p.ron".into(),
        input.clone(),
        dir.path().join("sub/../p.ron"),
    ];
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&input, dir.path().join("link.ron")).unwrap();
        std::fs::hard_link(&input, dir.path().join("hard.ron")).unwrap();
        spellings.extend(["link.ron".into(), "hard.ron".into()]);
    }
    for format in ["json", "conll", "doccano", "brat", "csv"] {
        for output in &spellings {
            let out = run(dir.path(), &[&"export", &format, &"p.ron", &"-o", output]);
            let err = failure(&out);
            assert!(
                err.contains("the output would overwrite the input: "),
                "{format} -o {}: {err}",
                output.display()
            );
            assert_eq!(std::fs::read(&input).unwrap(), before, "{format}");
        }
    }
    assert_no_temporary(dir.path());
}

#[test]
fn imports_never_write_over_their_input() {
    let (dir, input) = setup();
    let before = std::fs::read(&input).unwrap();
    for output in ["p.ron", "./p.ron"] {
        let out = run(dir.path(), &[&"import", &"text", &"p.ron", &"-o", &output]);
        refusal(&out, "the output would overwrite the input: ", "p.ron");
        let out = run(
            dir.path(),
            &[&"import", &"doccano", &"p.ron", &"-o", &output],
        );
        failure(&out);
    }
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(names(dir.path()), ["p.ron"], "no lock left behind");
}

#[test]
fn a_folder_export_never_replaces_the_project_in_its_folder() {
    // A project whose name is one that the export writes into the folder.
    let (dir, input) = setup_as("events.csv");
    let before = std::fs::read(&input).unwrap();
    let out = run(dir.path(), &[&"export", &"csv", &"events.csv", &"-o", &"."]);
    let words = "the file is an eventail project, which an export never replaces";
    refusal(&out, words, "events.csv");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(names(dir.path()), ["events.csv"], "nothing else written");
    // The usual case: the project beside the export, written around it.
    let (dir, input) = setup();
    let before = std::fs::read(&input).unwrap();
    for format in ["brat", "csv"] {
        success(&run(
            dir.path(),
            &[&"export", &format, &"p.ron", &"-o", &"."],
        ));
    }
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert!(dir.path().join("d0.ann").is_file() && dir.path().join("mentions.csv").is_file());
}

#[test]
fn an_export_never_replaces_another_project() {
    let (dir, _) = setup();
    let other = dir.path().join("other.ron");
    // Written by hand: a byte-order mark, a comment, the struct name.
    let text = std::fs::read_to_string(dir.path().join("p.ron")).unwrap();
    let hand_written = format!(
        "\u{feff}  // a colleague's project\nProject{}",
        text.trim_start()
    );
    for content in [text.clone(), hand_written] {
        std::fs::write(&other, &content).unwrap();
        for format in ["json", "conll", "doccano"] {
            let out = run(
                dir.path(),
                &[&"export", &format, &"p.ron", &"-o", &"other.ron"],
            );
            refusal(&out, "an eventail project", "other.ron");
            assert_eq!(std::fs::read_to_string(&other).unwrap(), content);
        }
    }
    // A file that is not a project is replaced, as asked.
    std::fs::write(&other, "(format: 2)").unwrap();
    success(&run(
        dir.path(),
        &[&"export", &"json", &"p.ron", &"-o", &"other.ron"],
    ));
    assert_no_temporary(dir.path());
}

#[test]
fn parallel_imports_into_one_project_lose_no_document() {
    const PROCESSES: usize = 40;
    let (dir, input) = setup();
    for i in 0..PROCESSES {
        let text = format!("Article {i}\nLes forces syriennes avancent.\n");
        std::fs::write(dir.path().join(format!("a{i}.txt")), text).unwrap();
    }
    // All started at once.
    let children: Vec<_> = (0..PROCESSES)
        .map(|i| {
            eventail_in(dir.path())
                .args(["import", "text", &format!("a{i}.txt"), "-o", "p.ron"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut imported = Vec::new();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            imported.push(format!("a{i}.txt"));
        } else {
            // A command that gave up says so, and wrote nothing.
            let err = failure(&out);
            assert!(err.contains("in use by another eventail"), "{err}");
        }
    }
    let project = load_project(&input).unwrap();
    let mut files: Vec<String> = project
        .documents
        .iter()
        .filter_map(|d| d.metadata.get("file").cloned())
        .collect();
    files.sort();
    imported.sort();
    assert_eq!(
        files, imported,
        "documents of successful imports, and only those"
    );
    assert_eq!(project.documents.len(), 2 + imported.len());
    // Under load some may give up, saying so; not all, or the waiting does not work.
    assert!(
        imported.len() > 1,
        "{} of {PROCESSES} imported",
        imported.len()
    );
    assert!(!dir.path().join("p.ron.lock").exists());
    assert_no_temporary(dir.path());
}

#[test]
fn a_held_lock_makes_every_command_that_writes_the_project_fail_naming_its_holder() {
    let (dir, input) = setup();
    let before = std::fs::read(&input).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Un article.\n").unwrap();
    // Process 1 (init) runs as long as the machine does.
    let lock = format!("1\n{}\n2016-03-27T10:00:00Z\n", host_name());
    std::fs::write(dir.path().join("p.ron.lock"), &lock).unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::copy(&input, &broken).unwrap();
    let commands: [&[&dyn AsRef<OsStr>]; 2] = [
        &[&"import", &"text", &"a.txt", &"-o", &"p.ron"],
        &[&"repair", &"broken.ron", &"-o", &"p.ron"],
    ];
    for args in commands {
        let started = Instant::now();
        let holder = format!("process 1 on {} since 2016-03-27T10:00:00Z", host_name());
        let err = refusal(&run(dir.path(), args), &holder, "p.ron");
        assert!(err.contains("gave up after waiting 2 s"), "{err}");
        assert!(
            started.elapsed() >= Duration::from_millis(1900),
            "it waited"
        );
    }
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.ron.lock")).unwrap(),
        lock,
        "another's lock is left alone"
    );
}

/// Runs the binary in `dir` with `args` under a file-size limit of 64 KiB, as a full disk
/// would stop it: writing past the limit fails (the signal it would raise is ignored).
#[cfg(unix)]
fn run_with_full_disk(dir: &Path, args: &str) -> Output {
    let script = format!(
        "trap '' XFSZ; ulimit -f 64; exec '{}' {args}",
        env!("CARGO_BIN_EXE_eventail")
    );
    Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir)
        .output()
        .unwrap()
}

/// A project larger than the 64 KiB of [`run_with_full_disk`].
fn large_project() -> Project {
    let mut project = project(1);
    project
        .documents
        .push(Document::new("long", "long", long_text()));
    project
}

#[cfg(unix)]
#[test]
fn an_export_that_fills_the_disk_leaves_the_previous_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    save_project(&dir.path().join("p.ron"), &large_project()).unwrap_or_else(|e| panic!("{e}"));
    for (format, file) in [("json", "out.json"), ("brat", "brat")] {
        let out_path = dir.path().join(file);
        let old = "l’export précédent";
        if format == "brat" {
            std::fs::create_dir(&out_path).unwrap();
            std::fs::write(out_path.join("long.txt"), old).unwrap();
        } else {
            std::fs::write(&out_path, old).unwrap();
        }
        let out = run_with_full_disk(dir.path(), &format!("export {format} p.ron -o {file}"));
        let last = if format == "brat" { "long.txt" } else { file };
        refusal(&out, "cannot write: File too large", last);
        if format == "brat" {
            assert_eq!(names(&out_path), ["long.txt"], "no file put in place");
            assert_eq!(
                std::fs::read_to_string(out_path.join("long.txt")).unwrap(),
                old
            );
            assert_no_temporary(&out_path);
        } else {
            assert_eq!(std::fs::read_to_string(&out_path).unwrap(), old);
        }
    }
    assert_no_temporary(dir.path());
}

#[cfg(unix)]
#[test]
fn a_save_that_fills_the_disk_leaves_the_project_as_it_was() {
    let (dir, path) = setup();
    let before = std::fs::read(&path).unwrap();
    std::fs::write(dir.path().join("long.txt"), long_text()).unwrap();
    let out = run_with_full_disk(dir.path(), "import text long.txt -o p.ron");
    refusal(&out, "cannot save the project: File too large", "p.ron");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        names(dir.path()),
        ["long.txt", "p.ron"],
        "no lock, backup or temporary"
    );
}

/// The permission bits of `path`.
#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_write_protected_file_is_refused_and_left_as_it_was() {
    let (dir, input) = setup();
    std::fs::write(dir.path().join("a.txt"), "Un article.\n").unwrap();
    std::fs::write(dir.path().join("out.json"), "ancien").unwrap();
    let before = std::fs::read(&input).unwrap();
    set_mode(&input, 0o444);
    set_mode(&dir.path().join("out.json"), 0o444);
    let out = run(dir.path(), &[&"import", &"text", &"a.txt", &"-o", &"p.ron"]);
    refusal(&out, "the file is write-protected", "p.ron");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(mode(&input), 0o444);
    let out = run(
        dir.path(),
        &[&"export", &"json", &"p.ron", &"-o", &"out.json"],
    );
    refusal(&out, "the file is write-protected", "out.json");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.json")).unwrap(),
        "ancien"
    );
    assert_no_temporary(dir.path());
}

#[cfg(unix)]
#[test]
fn a_write_protected_folder_is_said_to_be_one() {
    let (dir, _) = setup();
    std::fs::write(dir.path().join("a.txt"), "Un article.\n").unwrap();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    set_mode(&folder, 0o555);
    let commands: [&[&dyn AsRef<OsStr>]; 3] = [
        &[&"import", &"text", &"a.txt", &"-o", &"ro/new.ron"],
        &[&"export", &"json", &"p.ron", &"-o", &"ro/out.json"],
        &[&"export", &"brat", &"p.ron", &"-o", &"ro/brat"],
    ];
    for args in commands {
        let err = failure(&run(dir.path(), args));
        assert!(err.contains("its folder is write-protected"), "{err}");
        assert!(!err.contains(".eventail-"), "no temporary name: {err}");
    }
    set_mode(&folder, 0o755);
    assert!(names(&folder).is_empty());
}

#[cfg(unix)]
#[test]
fn saving_and_exporting_through_a_link_write_its_target_and_keep_the_link() {
    let (dir, _) = setup();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    std::fs::rename(dir.path().join("p.ron"), real.join("p.ron")).unwrap();
    std::os::unix::fs::symlink("real/p.ron", dir.path().join("link.ron")).unwrap();
    std::fs::write(real.join("out.json"), "ancien").unwrap();
    std::os::unix::fs::symlink(real.join("out.json"), dir.path().join("out.json")).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Un article.\n").unwrap();
    success(&run(
        dir.path(),
        &[&"import", &"text", &"a.txt", &"-o", &"link.ron"],
    ));
    let link = dir.path().join("link.ron");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(
        load_project(&real.join("p.ron")).unwrap().documents.len(),
        3
    );
    assert!(
        real.join("p.ron.bak").is_file(),
        "the backup beside the target"
    );
    assert!(!dir.path().join("link.ron.bak").exists());
    success(&run(
        dir.path(),
        &[&"export", &"json", &"link.ron", &"-o", &"out.json"],
    ));
    let out = dir.path().join("out.json");
    assert!(out.symlink_metadata().unwrap().file_type().is_symlink());
    let json = std::fs::read_to_string(real.join("out.json")).unwrap();
    assert!(json.contains("Un article."), "{json}");
    assert_eq!(names(dir.path()), ["a.txt", "link.ron", "out.json", "real"]);
    assert_no_temporary(&real);
}

/// Makes a FIFO at `path`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_among_the_inputs_is_skipped_or_refused_never_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), "Un article.\n").unwrap();
    mkfifo(&articles.join("fifo.txt"));
    // In a folder: skipped, with a warning naming it.
    let out = run(
        dir.path(),
        &[&"import", &"text", &"articles", &"-o", &"p.ron"],
    );
    let said = success(&out);
    assert!(said.contains("imported 1 document"), "{said}");
    let err = stderr(&out);
    assert!(
        err.contains("fifo.txt: skipped: not a regular file"),
        "{err}"
    );
    // Named: refused, naming it.
    let out = run(
        dir.path(),
        &[&"import", &"text", &"articles/fifo.txt", &"-o", &"q.ron"],
    );
    refusal(&out, "not a regular file", "fifo.txt");
    // Every other reader: doccano, brat, a project, a schema.
    mkfifo(&dir.path().join("fifo.jsonl"));
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).unwrap();
    mkfifo(&brat.join("d.txt"));
    std::fs::write(brat.join("d.ann"), "").unwrap();
    mkfifo(&brat.join("annotation.conf"));
    mkfifo(&dir.path().join("fifo.ron"));
    let commands: [&[&dyn AsRef<OsStr>]; 5] = [
        &[&"import", &"doccano", &"fifo.jsonl", &"-o", &"q.ron"],
        &[&"import", &"brat", &"brat", &"-o", &"q.ron"],
        &[&"validate", &"fifo.ron"],
        &[&"export", &"json", &"fifo.ron", &"-o", &"out.json"],
        &[
            &"import",
            &"text",
            &"articles/a.txt",
            &"--schema",
            &"fifo.ron",
            &"-o",
            &"q.ron",
        ],
    ];
    for args in commands {
        let err = failure(&run(dir.path(), args));
        assert!(err.contains("not a regular file"), "{err}");
    }
    assert!(!dir.path().join("q.ron").exists());
}

#[test]
fn format_version_0_is_refused_and_a_byte_order_mark_is_skipped() {
    let (dir, input) = setup();
    let text = std::fs::read_to_string(&input).unwrap();
    std::fs::write(
        &input,
        text.replace(
            &format!("format_version: {}", eventail::model::FORMAT_VERSION),
            "format_version: 0",
        ),
    )
    .unwrap();
    let out = run(dir.path(), &[&"validate", &"p.ron"]);
    let err = refusal(&out, "this eventail reads format versions 1 to 2", "p.ron");
    assert!(err.contains("format version 0"), "{err}");
    std::fs::write(&input, format!("\u{feff}{text}")).unwrap();
    let said = success(&run(dir.path(), &[&"validate", &"p.ron"]));
    assert!(said.contains("is valid: 2 documents"), "{said}");
    // Not a project at all: no word about the inner workings.
    std::fs::write(&input, "{\"json\": true}").unwrap();
    let err = failure(&run(dir.path(), &[&"validate", &"p.ron"]));
    assert!(!err.contains("VersionProbe"), "{err}");
}

#[test]
fn names_from_files_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = "\u{1b}[2Jarticle\u{7}.txt";
    std::fs::write(
        dir.path().join(name),
        "\u{1b}[31mred\u{1b}]0;title\u{7} – Palmyre, خالد\n\nCorps.\n",
    )
    .unwrap();
    let out = run(dir.path(), &[&"import", &"text", &name, &"-o", &"p.ron"]);
    let said = success(&out);
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{7}'),
        "{said:?}"
    );
    assert!(said.contains("\\u{1b}[31mred"), "{said}");
    assert!(
        said.contains("– Palmyre, خالد"),
        "accents and scripts kept: {said}"
    );
    let commands: [&[&dyn AsRef<OsStr>]; 4] = [
        &[&"stats", &"p.ron"],
        &[&"stats", &"p.ron", &"--json"],
        &[&"validate", &"p.ron"],
        &[&"export", &"brat", &"p.ron", &"-o", &"brat"],
    ];
    for args in commands {
        let out = run(dir.path(), args);
        let said = success(&out);
        assert!(!said.contains('\u{1b}'), "{said:?}");
        assert!(!stderr(&out).contains('\u{1b}'), "{:?}", stderr(&out));
    }
    let json = success(&run(dir.path(), &[&"stats", &"p.ron", &"--json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["per_document"][0]["name"], "\u{1b}[31mred\u{1b}]0;title\u{7} – Palmyre, خالد",
        "the JSON still says the name"
    );
    // In an error too.
    let err = failure(&run(dir.path(), &[&"validate", &name]));
    assert!(!err.contains('\u{1b}'), "{err:?}");
}
