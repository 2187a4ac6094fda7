//! `eventail repair` through the built binary: a mended copy, every change listed, the
//! broken file left as it was.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn eventail(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_eventail"))
        .args(args)
        .output()
        .expect("run eventail")
}

/// `eventail repair INPUT -o OUTPUT`.
fn repair(input: &std::path::Path, output: &std::path::Path) -> std::process::Output {
    eventail(&[
        "repair".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ])
}

/// Repairs `broken` into `fixed`, checks that it succeeded and that `fixed` validates;
/// returns what repair printed.
fn repair_into_valid_copy(broken: &std::path::Path, fixed: &std::path::Path) -> String {
    let out = repair(broken, fixed);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ok = eventail(&["validate".as_ref(), fixed.as_os_str()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    stdout
}

#[test]
fn repair_writes_a_valid_copy_and_lists_its_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.ron");
    let fixed = dir.path().join("fixed.ron");
    let sample = std::fs::read_to_string("projects/palmyre.ron").expect("sample");
    // Make the first mention of the second document run past the end of its text.
    let doc = sample
        .find("id: \"001_4cb14d4706432b3e\"")
        .expect("second document");
    let at = doc + sample[doc..].find("ranges: [(start: ").expect("a range");
    let end = at + sample[at..].find("end: ").expect("end") + "end: ".len();
    let digits = sample[end..].find(')').expect("close");
    let text = format!("{}999999{}", &sample[..end], &sample[end + digits..]);
    std::fs::write(&broken, &text).expect("write");

    let check = eventail(&["validate".as_ref(), broken.as_os_str()]);
    assert!(!check.status.success());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(stderr.contains("eventail repair"), "{stderr}");

    let stdout = repair_into_valid_copy(&broken, &fixed);
    assert!(
        stdout.contains("document \"001_4cb14d4706432b3e\", T"),
        "{stdout}"
    );
    assert!(stdout.contains("dropped"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&broken).expect("read"),
        text,
        "the original stays"
    );

    let refused = repair(&broken, &broken);
    assert!(!refused.status.success());
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), text);
}

/// `validate` names the document whose id counter is exhausted; `repair` renumbers a
/// document whose annotation already has the largest id (bug 4).
#[test]
fn an_exhausted_next_id_fails_validate_and_repair_renumbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("exhausted.ron");
    let fixed = dir.path().join("fixed.ron");
    let text = "(format_version: 1, name: \"x\", schema: (entity_types: [(name: \"place\", \
                label: \"Lieu\")]), documents: [(id: \"d\", name: \"d\", text: \"Palmyre\", \
                next_id: 4294967295, mentions: [(id: 4294967294, entity_type: \"place\", \
                ranges: [(start: 0, end: 7)])], comments: [(target: Mention(4294967294), \
                kind: \"Lemma\", text: \"Palmyre\")])])";
    std::fs::write(&broken, text).expect("write");

    let check = eventail(&["validate".as_ref(), broken.as_os_str()]);
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("document \"d\": next_id is 4294967295"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let stdout = repair_into_valid_copy(&broken, &fixed);
    assert!(
        stdout.contains("document \"d\", T4294967294: renumbered as T1"),
        "{stdout}"
    );
    assert!(stdout.contains("next_id 4294967295 set to 2"), "{stdout}");
    let project = eventail::io::load_project(&fixed).expect("valid");
    let doc = &project.documents[0];
    assert_eq!(doc.mentions[0].id.0, 1);
    assert_eq!(
        doc.comments[0].target.to_string(),
        "T1",
        "the reference follows"
    );
}

/// `repair` refuses an output that is its input under another spelling (bug 5).
#[test]
fn repair_refuses_every_spelling_of_its_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let input = dir.path().join("p.ron");
    let text = std::fs::read_to_string("projects/palmyre.ron").expect("sample");
    std::fs::write(&input, &text).expect("write");
    let mut spellings = vec![dir.path().join("./p.ron"), dir.path().join("sub/../p.ron")];
    #[cfg(unix)]
    {
        let link = dir.path().join("sub/link.ron");
        std::os::unix::fs::symlink(&input, &link).expect("symlink");
        let hard = dir.path().join("sub/hard.ron");
        std::fs::hard_link(&input, &hard).expect("hard link");
        spellings.extend([link, hard]);
    }
    for output in spellings {
        let out = repair(&input, &output);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", output.display());
        assert!(
            stderr.contains("the output would overwrite the input: "),
            "{stderr}"
        );
        let name = output.file_name().expect("a file name").to_string_lossy();
        assert!(stderr.trim_end().ends_with(&*name), "{stderr}");
        assert_eq!(std::fs::read_to_string(&input).expect("read"), text);
    }
}

/// A cycle of events (E1 about E2, E2 about E3, E3 about E1) used to pass validation
/// and go out to brat, which eventail then refused to import: `validate` refuses it,
/// naming the document and the event that closes it; `repair` drops that argument and
/// says so; the mended copy goes to brat and comes back.
#[test]
fn a_cycle_of_events_fails_validate_and_repair_breaks_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("cycle.ron");
    let fixed = dir.path().join("fixed.ron");
    let event = |id: u32, topic: u32| {
        format!(
            "(id: {id}, event_type: \"statement\", trigger: [(start: 12, end: 17)], \
             arguments: [(role: \"topic\", filler: Event({topic}))])"
        )
    };
    let text = format!(
        "(format_version: 1, name: \"x\", schema: (event_types: [(name: \"statement\", \
         label: \"Déclaration\", roles: [(name: \"topic\", label: \"Objet\", cardinality: \
         Any)])]), documents: [(id: \"d\", name: \"d\", text: \"Palmyre est prise.\", \
         next_id: 4, events: [{}, {}, {}])])",
        event(1, 2),
        event(2, 3),
        event(3, 1)
    );
    std::fs::write(&broken, text).expect("write");

    let check = eventail(&["validate".as_ref(), broken.as_os_str()]);
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains(
            "document \"d\", E3: role \"topic\" (E1): E1 has E3 among its arguments, \
             directly or through other events: an event cannot contain itself"
        ),
        "{stderr}"
    );

    let stdout = repair_into_valid_copy(&broken, &fixed);
    assert!(
        stdout.contains("document \"d\", E3: dropped role \"topic\" (E1): E1 has E3 among"),
        "{stdout}"
    );
    let brat = dir.path().join("brat");
    let back = dir.path().join("back.ron");
    for (command, from, to) in [("export", &fixed, &brat), ("import", &brat, &back)] {
        let args = [command, "brat"].map(std::ffi::OsStr::new);
        let out = eventail(&[
            args[0],
            args[1],
            from.as_os_str(),
            "-o".as_ref(),
            to.as_os_str(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
