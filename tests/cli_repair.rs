//! `eventail repair` through the built binary: a mended copy, every change listed, the
//! broken file left as it was.

use std::process::Command;

fn eventail(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_eventail"))
        .args(args)
        .output()
        .expect("run eventail")
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

    let out = eventail(&[
        "repair".as_ref(),
        broken.as_os_str(),
        "-o".as_ref(),
        fixed.as_os_str(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    let ok = eventail(&["validate".as_ref(), fixed.as_os_str()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let refused = eventail(&[
        "repair".as_ref(),
        broken.as_os_str(),
        "-o".as_ref(),
        broken.as_os_str(),
    ]);
    assert!(!refused.status.success());
    assert_eq!(std::fs::read_to_string(&broken).expect("read"), text);
}
