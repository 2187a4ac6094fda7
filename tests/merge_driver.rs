//! `eventail merge-driver` as git runs it: a real repository in a temporary folder, set
//! up as the README says (`.gitattributes`, `git config merge.eventail.driver`), holding
//! the brat news tutorial imported as a project; two branches edit it, then `git merge`.
//! Also the driver on its own: inputs it cannot read leave `%A` as it was.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::edit::{Stamp, ops};
use eventail::io::{load_project, project_to_string};
use eventail::model::{Filler, OtherVersion, Project, Span};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_eventail");

fn eventail(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(BIN).args(args).output().expect("run eventail")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs git in `repo`, away from the user's and the system's configuration.
fn git_output(repo: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .expect("git is installed (CI installs it)")
}

/// Runs git in `repo` and checks that it succeeded.
fn git(repo: &Path, args: &[&str]) -> String {
    let out = git_output(repo, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A repository whose `main` branch holds `project.ron`, the news tutorial, with the
/// merge driver set up as the README says.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let repo = Self { dir };
        let root = repo.root();
        git(root, &["init", "-q", "--initial-branch=main"]);
        git(root, &["config", "user.name", "Test"]);
        git(root, &["config", "user.email", "test@example.org"]);
        git(
            root,
            &["config", "merge.eventail.name", "eventail project merge"],
        );
        let driver = format!("'{BIN}' merge-driver %O %A %B %P");
        git(root, &["config", "merge.eventail.driver", &driver]);
        std::fs::write(root.join(".gitattributes"), "*.ron merge=eventail\n").unwrap();
        let out = eventail(&[
            "import".as_ref(),
            "brat".as_ref(),
            "tests/fixtures/brat/news-tutorial".as_ref(),
            "-o".as_ref(),
            repo.project().as_os_str(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        git(root, &["add", "-A"]);
        git(root, &["commit", "-q", "-m", "news tutorial"]);
        repo
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn project(&self) -> PathBuf {
        self.root().join("project.ron")
    }

    /// A branch `name` from main on which `edit` is made and committed. The project is
    /// written as eventail writes it, without the backup that a save keeps.
    fn branch(&self, name: &str, edit: impl FnOnce(&mut Project)) {
        git(self.root(), &["checkout", "-q", "-b", name, "main"]);
        let mut project = load_project(&self.project()).expect("load");
        edit(&mut project);
        std::fs::write(self.project(), project_to_string(&project).unwrap()).unwrap();
        git(self.root(), &["commit", "-q", "-am", name]);
    }

    /// Merges branch `from` into branch `into`; git's output.
    fn merge(&self, into: &str, from: &str) -> Output {
        git(self.root(), &["checkout", "-q", into]);
        git_output(self.root(), &["merge", "--no-edit", from])
    }

    fn load(&self) -> Project {
        load_project(&self.project()).expect("the merged file loads")
    }

    fn validate(&self) -> Output {
        eventail(&["validate".as_ref(), self.project().as_os_str()])
    }
}

fn apply(project: &mut Project, edit: eventail::edit::Edit) {
    edit.apply(project).expect("applies");
}

/// Tags `range` of the first document as a `Person`; returns the mention as a filler.
fn add_person(project: &mut Project, range: (usize, usize)) -> Filler {
    let span = vec![Span::new(range.0, range.1)];
    let (edit, id) = ops::add_mention(project, 0, "Person", span, &Stamp::default()).unwrap();
    apply(project, edit);
    Filler::Mention(id)
}

#[test]
fn edits_of_different_annotations_and_documents_merge_cleanly() {
    let repo = Repo::new();
    let base = repo.load();
    let first = Filler::Mention(base.documents[0].mentions[0].id);
    let second = base.documents[0].mentions[1].id;
    repo.branch("alice", |p| {
        apply(
            p,
            ops::set_note(p, 0, first, "alice’s note".into(), &Stamp::default()).unwrap(),
        );
        apply(
            p,
            ops::set_status(p, 1, eventail::model::DocStatus::Done).unwrap(),
        );
    });
    repo.branch("bob", |p| {
        let edit = ops::set_mention_type(p, 0, second, "GPE", &Stamp::default()).unwrap();
        apply(p, edit);
        p.documents[2].name = "renamed by bob".into();
    });
    let out = repo.merge("alice", "bob");
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let merged = repo.load();
    let doc = &merged.documents[0];
    assert_eq!(doc.mentions[0].note, "alice’s note");
    assert_eq!(doc.mentions[1].entity_type, "GPE");
    assert_eq!(merged.documents[1].status, eventail::model::DocStatus::Done);
    assert_eq!(merged.documents[2].name, "renamed by bob");
    assert!(doc.conflicts.is_empty());
    assert!(repo.validate().status.success());
    // Committed, and nothing left beside it: no backup, no lock.
    assert_eq!(git(repo.root(), &["status", "--porcelain"]), "");
    assert!(git(repo.root(), &["log", "-1", "--format=%s"]).starts_with("Merge branch 'bob'"));
}

#[test]
fn mentions_added_on_both_sides_are_both_kept_and_theirs_renumbered() {
    let repo = Repo::new();
    let base = repo.load();
    let next = base.documents[0].next_id;
    repo.branch("alice", |p| {
        add_person(p, (0, 4));
    });
    repo.branch("bob", |p| {
        let person = add_person(p, (5, 9));
        let trigger = vec![Span::new(10, 14)];
        let (edit, die) = ops::add_event(p, 0, "Die", trigger, &Stamp::default()).unwrap();
        apply(p, edit);
        let edit = ops::add_argument(p, 0, die, "Person-Arg", person, &Stamp::default());
        apply(p, edit.unwrap());
    });
    let out = repo.merge("alice", "bob");
    let said = text(&out.stderr);
    assert!(out.status.success(), "{}{said}", text(&out.stdout));
    // Bob's event has an id that alice never handed out: only his mention moves, above
    // both counters, and his event follows it.
    let label = format!(
        "project.ron: document \"000-introduction\" ({})",
        base.documents[0].name
    );
    assert!(
        said.contains(&format!(
            "{label}: T{next} added by theirs renumbered T{}: the other side added another \
             annotation under its id",
            next + 2
        )),
        "{said}"
    );
    let merged = repo.load();
    let doc = &merged.documents[0];
    assert_eq!(doc.mentions.len(), base.documents[0].mentions.len() + 2);
    let alices = doc.mentions.iter().find(|m| m.id.0 == next).unwrap();
    assert_eq!(alices.ranges, [Span::new(0, 4)]);
    let bobs = doc.mentions.iter().find(|m| m.id.0 == next + 2).unwrap();
    assert_eq!(bobs.ranges, [Span::new(5, 9)]);
    let die = doc.events.iter().find(|e| e.id.0 == next + 1).unwrap();
    assert_eq!(die.event_type, "Die");
    assert_eq!(die.arguments[0].filler, Filler::Mention(bobs.id));
    assert_eq!(doc.next_id, next + 3);
    assert!(repo.validate().status.success());
}

#[test]
fn two_edits_of_one_annotation_are_a_conflict_that_the_file_keeps() {
    let repo = Repo::new();
    let base = repo.load();
    let target = base.documents[0].mentions[0].id;
    let retype = |name: &'static str, entity_type: &'static str| {
        move |p: &mut Project| {
            p.annotators = vec![name.to_string()];
            let edit = ops::set_mention_type(p, 0, target, entity_type, &Stamp::now(name));
            apply(p, edit.unwrap());
        }
    };
    repo.branch("alice", retype("alice", "Organization"));
    repo.branch("bob", retype("bob", "GPE"));
    let out = repo.merge("alice", "bob");
    let said = text(&out.stderr);
    assert!(!out.status.success(), "git reports the conflict: {said}");
    assert!(
        said.contains(&format!(
            "project.ron: document \"000-introduction\" ({}): {target} changed on both \
             sides: both versions kept, the one of alice in place, the one of bob set aside",
            base.documents[0].name
        )),
        "{said}"
    );
    // Still a project that loads: alice's version in place, bob's set aside.
    let merged = repo.load();
    let doc = &merged.documents[0];
    assert_eq!(doc.mention(target).unwrap().entity_type, "Organization");
    assert_eq!(doc.conflicts.len(), 1);
    assert_eq!(
        (
            doc.conflicts[0].kept.as_str(),
            doc.conflicts[0].other_side.as_str()
        ),
        ("alice", "bob")
    );
    let OtherVersion::Mention(bobs) = &doc.conflicts[0].other else {
        panic!("{:?}", doc.conflicts);
    };
    assert_eq!(bobs.entity_type, "GPE");
    assert_eq!(merged.annotators, ["alice", "bob"]);
    // validate names it and fails.
    let out = repo.validate();
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "document \"000-introduction\", {target}: merge conflict: changed on both sides: \
             the version of alice is in place, the one of bob set aside"
        )),
        "{said}"
    );
    assert!(
        said.starts_with("error: 1 merge conflict unresolved"),
        "{said}"
    );
    // An export says that only the versions in place are exported.
    let out_dir = repo.root().join("brat-out");
    let out = eventail(&[
        "export".as_ref(),
        "brat".as_ref(),
        repo.project().as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(
            "warning: 1 unresolved merge conflict in 1 document: only the versions in place \
             are exported"
        ),
        "{}",
        text(&out.stderr)
    );
    // git still holds the file as conflicted, for the user to resolve and commit.
    assert!(git(repo.root(), &["status", "--porcelain"]).contains("UU project.ron"));
}

/// `eventail merge-driver BASE OURS THEIRS PATH`.
fn driver(base: &Path, ours: &Path, theirs: &Path, path: &str) -> Output {
    eventail(&[
        "merge-driver".as_ref(),
        base.as_os_str(),
        ours.as_os_str(),
        theirs.as_os_str(),
        path.as_ref(),
    ])
}

/// A folder with a valid project `ours.ron`, and `theirs` written beside it.
fn driver_inputs(theirs: &str) -> (tempfile::TempDir, [PathBuf; 3]) {
    let dir = tempfile::tempdir().unwrap();
    let mut project = Project::new("p", Default::default());
    project
        .documents
        .push(eventail::model::Document::new("d", "d", "texte"));
    let text = project_to_string(&project).unwrap();
    let paths = ["base.ron", "ours.ron", "theirs.ron"].map(|n| dir.path().join(n));
    std::fs::write(&paths[0], &text).unwrap();
    std::fs::write(&paths[1], &text).unwrap();
    std::fs::write(&paths[2], theirs).unwrap();
    (dir, paths)
}

#[test]
fn inputs_that_do_not_load_leave_ours_as_it_was() {
    for (theirs, expected) in [
        (
            "(format_version: 1, name: ",
            "cannot read theirs (%B): line 1",
        ),
        ("(format_version: 9, name: \"p\")", "newer eventail"),
        ("", "cannot read theirs (%B)"),
    ] {
        let (_dir, [base, ours, theirs_path]) = driver_inputs(theirs);
        let before = std::fs::read(&ours).unwrap();
        let out = driver(&base, &ours, &theirs_path, "data/p.ron");
        let said = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{said}");
        assert!(
            said.starts_with("error: data/p.ron: not merged: "),
            "{said}"
        );
        assert!(said.contains(expected), "{said}");
        assert!(
            said.trim_end()
                .ends_with(&theirs_path.display().to_string()),
            "{said}"
        );
        assert!(!said.contains("panicked"), "{said}");
        assert_eq!(std::fs::read(&ours).unwrap(), before, "ours untouched");
    }
}

#[test]
fn a_file_added_on_both_branches_merges_from_an_empty_ancestor() {
    // git gives an empty %O when both branches added the file.
    let (_dir, [base, ours, theirs]) = driver_inputs("");
    std::fs::write(&base, "").unwrap();
    let mut project = load_project(&ours).unwrap();
    project.documents[0].name = "renamed".into();
    project
        .documents
        .push(eventail::model::Document::new("e", "e", "autre"));
    std::fs::write(&theirs, project_to_string(&project).unwrap()).unwrap();
    let out = driver(&base, &ours, &theirs, "p.ron");
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{said}");
    let merged = load_project(&ours).unwrap();
    let names: Vec<&str> = merged.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        ["d", "e"],
        "renamed on both sides from nothing: ours"
    );
    assert!(
        said.contains("p.ron: document \"d\" (d): renamed on both sides"),
        "{said}"
    );
}

#[test]
fn one_file_given_for_all_three_is_refused_and_a_missing_one_named() {
    let (_dir, [base, ours, _]) = driver_inputs("");
    let before = std::fs::read(&ours).unwrap();
    let out = driver(&ours, &ours, &ours, "p.ron");
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.starts_with("error: p.ron: not merged: "), "{said}");
    assert_eq!(std::fs::read(&ours).unwrap(), before);
    // The same file as base and theirs: the merge is ours, written over ours.
    let out = driver(&base, &ours, &base, "p.ron");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&ours).unwrap(), before);
    let missing = base.with_file_name("missing.ron");
    let out = driver(&missing, &ours, &base, "p.ron");
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("cannot read the common ancestor (%O)"),
        "{said}"
    );
    assert!(said.trim_end().ends_with("missing.ron"), "{said}");
}
