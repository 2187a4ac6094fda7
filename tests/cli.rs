//! The command line, through the built binary: exit statuses, what it prints, and the
//! files it writes. Projects are built with the model types and the edit commands.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{failure, stderr, stdout};
use eventail::edit::{Stamp, ops};
use eventail::io::{load_project, project_to_string, save_project};
use eventail::model::{
    AttrKind, AttrValue, AttributeDef, Cardinality, DocStatus, Document, EntityType, EventId,
    EventType, Filler, Mention, MentionId, Project, Relation, RelationId, RelationType, Rgb, Role,
    Schema, Span,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn eventail(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventail"))
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap()
}

fn schema() -> Schema {
    let entity = |name: &str, label: &str| EntityType {
        group: String::new(),
        name: name.into(),
        label: label.into(),
        color: Rgb([0xff, 0x82, 0x1c]),
        shortcut: None,
    };
    let role = |name: &str, fillers: &[&str]| Role {
        name: name.into(),
        label: name.into(),
        fillers: fillers.iter().map(|f| f.to_string()).collect(),
        cardinality: Cardinality::Any,
    };
    Schema {
        entity_types: vec![
            entity("person", "Personne"),
            entity("organisation", "Organisation"),
            entity("place", "Lieu"),
        ],
        event_types: vec![EventType {
            group: String::new(),
            name: "attack".into(),
            label: "Attaque".into(),
            color: Rgb([0xe0, 0x70, 0x70]),
            shortcut: None,
            roles: vec![
                role("attacker", &["person", "organisation"]),
                role("target", &["person", "organisation", "place"]),
            ],
        }],
        relation_types: vec![RelationType {
            group: String::new(),
            name: "part_of".into(),
            label: "Partie de".into(),
            arg1: vec!["organisation".into()],
            arg2: vec!["organisation".into()],
            color: Rgb([0x80, 0x80, 0x80]),
        }],
        attributes: vec![AttributeDef {
            name: "certainty".into(),
            label: "Certitude".into(),
            applies_to: vec!["attack".into()],
            kind: AttrKind::Values(vec!["certain".into(), "probable".into()]),
        }],
        ..Default::default()
    }
}

/// The char span of the first `needle` in `text`.
fn span(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// Builds a project through the edit commands.
struct Builder {
    project: Project,
    stamp: Stamp,
}

impl Builder {
    fn new(name: &str) -> Self {
        Self {
            project: Project::new(name, schema()),
            stamp: Stamp::now("test"),
        }
    }

    fn document(&mut self, id: &str, text: &str) -> usize {
        let edit = ops::add_documents(&self.project, vec![Document::new(id, id, text)]);
        edit.apply(&mut self.project).unwrap();
        self.project.documents.len() - 1
    }

    fn mention(&mut self, doc: usize, entity_type: &str, needles: &[&str]) -> MentionId {
        let text = self.project.documents[doc].text.clone();
        let ranges = needles.iter().map(|n| span(&text, n)).collect();
        let (edit, id) =
            ops::add_mention(&self.project, doc, entity_type, ranges, &self.stamp).unwrap();
        edit.apply(&mut self.project).unwrap();
        id
    }

    fn event(&mut self, doc: usize, trigger: &str, args: &[(&str, MentionId)]) -> EventId {
        let text = self.project.documents[doc].text.clone();
        let (edit, id) = ops::add_event(
            &self.project,
            doc,
            "attack",
            vec![span(&text, trigger)],
            &self.stamp,
        )
        .unwrap();
        edit.apply(&mut self.project).unwrap();
        for (role, m) in args {
            let filler = Filler::Mention(*m);
            ops::add_argument(&self.project, doc, id, role, filler, &self.stamp)
                .unwrap()
                .apply(&mut self.project)
                .unwrap();
        }
        id
    }

    /// No edit command creates relations yet: added directly, with a fresh id.
    fn relation(&mut self, doc: usize, arg1: MentionId, arg2: MentionId) -> RelationId {
        let d = &mut self.project.documents[doc];
        let id = RelationId(d.next_id);
        d.next_id += 1;
        d.relations.push(Relation {
            id,
            relation_type: "part_of".into(),
            arg1: Filler::Mention(arg1),
            arg2: Filler::Mention(arg2),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        id
    }

    fn status(&mut self, doc: usize, status: DocStatus) {
        ops::set_status(&self.project, doc, status)
            .unwrap()
            .apply(&mut self.project)
            .unwrap();
    }

    fn save(&self, path: &Path) {
        save_project(path, &self.project).unwrap();
    }
}

const ARTICLE: &str = "L’armée syrienne a repris Palmyre\u{a0}; Daech recule.\r\n\
                       Les forces russes et syriennes attaquent Daech.\r\n";

/// Two documents, annotated: 4 mentions, 1 event, 1 relation; one done.
fn sample() -> Builder {
    let mut b = Builder::new("Palmyre");
    let d = b.document("d1", ARTICLE);
    let armee = b.mention(d, "organisation", &["L’armée syrienne"]);
    let palmyre = b.mention(d, "place", &["Palmyre"]);
    let daech = b.mention(d, "organisation", &["Daech"]);
    let forces = b.mention(d, "organisation", &["forces russes"]);
    let attack = b.event(d, "repris", &[("attacker", armee), ("target", palmyre)]);
    ops::set_attribute(
        &b.project,
        d,
        Filler::Event(attack),
        "certainty",
        Some(AttrValue::Value("probable".into())),
        &b.stamp,
    )
    .unwrap()
    .apply(&mut b.project)
    .unwrap();
    b.relation(d, forces, daech);
    b.status(d, DocStatus::Done);
    b.document("d2", "Rien à signaler.\n");
    b
}

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("palmyre.ron");
    sample().save(&path);
    path
}

#[test]
fn validate_prints_a_summary_of_a_good_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let out = eventail(&[&"validate", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\"Palmyre\" is valid"), "{text}");
    for part in [
        "2 documents (1 new, 0 in progress, 1 done)",
        "4 mentions",
        "1 event,",
        "1 relation;",
    ] {
        assert!(text.contains(part), "{part:?} missing from {text}");
    }
}

#[test]
fn validate_reports_a_syntax_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let text = project_to_string(&sample().project).unwrap();
    // Line 3 is `    name: "Palmyre",`: drop its colon.
    let broken = text.replacen("    name: \"Palmyre\"", "    name \"Palmyre\"", 1);
    std::fs::write(&path, broken).unwrap();
    let err = failure(&eventail(&[&"validate", &path]));
    assert!(err.contains("line 3, column 9"), "{err}");
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn validate_names_the_document_and_annotation_of_a_bad_range() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad-range.ron");
    let mut b = sample();
    let doc = &mut b.project.documents[1];
    let id = MentionId(doc.next_id);
    doc.next_id += 1;
    doc.mentions.push(Mention {
        id,
        entity_type: "place".into(),
        ranges: vec![Span::new(5, 500)],
        attributes: Default::default(),
        note: String::new(),
        author: String::new(),
        changed: String::new(),
        sources: Vec::new(),
    });
    std::fs::write(&path, project_to_string(&b.project).unwrap()).unwrap();
    let err = failure(&eventail(&[&"validate", &path]));
    assert!(
        err.contains("document \"d2\", T1: range 5-500 ends past the text (17 characters)"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn validate_refuses_a_newer_format_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    let mut b = sample();
    b.project.format_version = 99;
    std::fs::write(&path, project_to_string(&b.project).unwrap()).unwrap();
    let err = failure(&eventail(&[&"validate", &path]));
    assert!(err.contains("format version 99"), "{err}");
    assert!(err.contains("newer eventail"), "{err}");
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn validate_reports_a_file_that_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    let text = project_to_string(&sample().project).unwrap();
    let mut bytes = text.replacen("Palmyre", "Palmyr\u{1}", 1).into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xE9; // "é" in Latin-1
    std::fs::write(&path, bytes).unwrap();
    let err = failure(&eventail(&[&"validate", &path]));
    assert!(err.contains("line 3: the file is not valid UTF-8"), "{err}");
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn validate_reports_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.ron");
    let err = failure(&eventail(&[&"validate", &path]));
    assert!(err.contains("cannot read the project"), "{err}");
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2_without_panic() {
    let out = eventail(&[&"validate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn stats_counts_types_documents_and_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let out = eventail(&[&"stats", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    for expected in [
        "Project \"Palmyre\": 2 documents, 4 mentions, 1 event, 1 relation",
        "  type          mentions  label",
        "  person               0  Personne",
        "  organisation         3  Organisation",
        "  place                1  Lieu",
        "  attack       1  Attaque",
        "  part_of          1  Partie de",
        "  new                  1",
        "  done                 1",
        "  id  status  mentions  events  relations  name",
        "  d1  done           4       1          1  d1",
        "  d2  new            0       0          0  d2",
    ] {
        assert!(
            lines.contains(&expected),
            "{expected:?} missing from\n{text}"
        );
    }

    let out = eventail(&[&"stats", &path, &"--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["mentions"], 4);
    assert_eq!(json["entity_types"][1]["name"], "organisation");
    assert_eq!(json["entity_types"][1]["count"], 3);
    assert_eq!(json["per_document"][0]["status"], "done");
    assert_eq!(json["statuses"][2]["documents"], 1);
}

/// UTF-16LE with its byte-order mark.
fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn import_text_decodes_every_encoding_and_keeps_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let utf8 = "Palmyre reprise\r\n\r\nL’armée syrienne a repris Palmyre\u{a0}: « enfin ».\r\n";
    let bom = "Deuxième article\nL’été à Homs\u{a0}!\n";
    let utf16 = "\r\n  Troisième\u{a0}: l’offensive  \r\nÇa continue…\r\n";
    let cp1252 = "Quatrième – l’armée à Palmyre\u{a0}; «\u{a0}déjà\u{a0}»\r\n";
    std::fs::write(articles.join("a-utf8.txt"), utf8).unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(bom.as_bytes());
    std::fs::write(articles.join("b-bom.txt"), bytes).unwrap();
    std::fs::write(articles.join("c-utf16.txt"), utf16le(utf16)).unwrap();
    // `cp1252` in Windows-1252: – is 0x96, ’ 0x92, no-break space 0xA0, « » 0xAB 0xBB.
    let bytes = b"Quatri\xE8me \x96 l\x92arm\xE9e \xE0 Palmyre\xA0; \xAB\xA0d\xE9j\xE0\xA0\xBB\r\n";
    std::fs::write(articles.join("d-1252.txt"), bytes).unwrap();
    std::fs::write(articles.join("readme.md"), "not an article").unwrap();

    let project_path = dir.path().join("new.ron");
    let out = eventail(&[
        &"import",
        &"text",
        &articles,
        &"-o",
        &project_path,
        &"--name",
        &"Corpus Palmyre",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    for (file, encoding) in [
        ("a-utf8.txt", "(UTF-8)"),
        ("b-bom.txt", "(UTF-8 with BOM)"),
        ("c-utf16.txt", "(UTF-16LE)"),
        ("d-1252.txt", "(windows-1252)"),
    ] {
        let line = report.lines().find(|l| l.contains(file)).unwrap();
        assert!(line.contains(encoding), "{line}");
    }

    let project = load_project(&project_path).unwrap();
    assert_eq!(project.name, "Corpus Palmyre");
    assert_eq!(project.schema, eventail::io::default_schema());
    let docs: Vec<(&str, &str, &str)> = project
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.name.as_str(), d.text.as_str()))
        .collect();
    assert_eq!(
        docs,
        [
            ("a-utf8", "Palmyre reprise", utf8),
            ("b-bom", "Deuxième article", bom),
            ("c-utf16", "Troisième\u{a0}: l’offensive", utf16),
            ("d-1252", cp1252.trim_end(), cp1252),
        ]
    );
}

#[test]
fn import_text_refuses_empty_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let empty = dir.path().join("empty.txt");
    let binary = dir.path().join("photo.txt");
    std::fs::write(&good, "Un article.\n").unwrap();
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&binary, b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").unwrap();
    let project_path = dir.path().join("p.ron");
    let out = eventail(&[
        &"import",
        &"text",
        &good,
        &empty,
        &binary,
        &"-o",
        &project_path,
    ]);
    let err = failure(&out);
    assert!(
        err.contains("2 files could not be imported (nothing imported)"),
        "{err}"
    );
    let empty_line = err.lines().find(|l| l.contains("empty")).unwrap();
    assert!(empty_line.ends_with(&empty.display().to_string()), "{err}");
    let binary_line = err.lines().find(|l| l.contains("binary")).unwrap();
    assert!(
        binary_line.ends_with(&binary.display().to_string()),
        "{err}"
    );
    assert!(!project_path.exists());
}

#[test]
fn import_text_appends_to_an_existing_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let before = load_project(&path).unwrap();
    let article = dir.path().join("d1.txt");
    std::fs::write(&article, "Nouvel article\nsur Palmyre.\n").unwrap();
    let out = eventail(&[&"import", &"text", &article, &"-o", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("added 1 document"),
        "{}",
        stdout(&out)
    );
    let after = load_project(&path).unwrap();
    assert_eq!(after.documents.len(), 3);
    assert!(after.documents.iter().take(2).eq(before.documents.iter()));
    let new = &after.documents[2];
    assert_eq!(new.id, "d1-2");
    assert_eq!(new.name, "Nouvel article");
    assert_eq!(new.text, "Nouvel article\nsur Palmyre.\n");

    // --schema would change the schema of annotated documents: refused.
    let out = eventail(&[
        &"import",
        &"text",
        &article,
        &"-o",
        &path,
        &"--schema",
        &path,
    ]);
    failure(&out);
    assert_eq!(load_project(&path).unwrap(), after);
}

#[test]
fn import_text_never_overwrites_a_project_that_fails_to_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let broken = b"(format_version: 1, name: \"x\", oops";
    std::fs::write(&path, broken).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Article\n").unwrap();
    let err = failure(&eventail(&[&"import", &"text", &article, &"-o", &path]));
    assert!(err.contains("does not load (nothing written)"), "{err}");
    assert!(err.contains("line 1, column"), "{err}");
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), broken);
}

#[test]
fn export_brat_writes_ann_lines_and_identical_texts() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let out_dir = dir.path().join("brat");
    let out = eventail(&[&"export", &"brat", &path, &"-o", &out_dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("wrote 2 documents"),
        "{}",
        stdout(&out)
    );

    let project = sample().project;
    for doc in &project.documents {
        let txt = std::fs::read(out_dir.join(format!("{}.txt", doc.id))).unwrap();
        assert_eq!(txt, doc.text.as_bytes());
    }
    let ann = std::fs::read_to_string(out_dir.join("d1.ann")).unwrap();
    assert_eq!(
        ann,
        "T1\torganisation 0 16\tL’armée syrienne\n\
         T2\tplace 26 33\tPalmyre\n\
         T3\torganisation 36 41\tDaech\n\
         T4\torganisation 55 68\tforces russes\n\
         T5\tattack 19 25\trepris\n\
         E1\tattack:T5 attacker:T1 target:T2\n\
         R1\tpart_of Arg1:T4 Arg2:T3\n\
         A1\tcertainty E1 probable\n"
    );
    assert_eq!(std::fs::read_to_string(out_dir.join("d2.ann")).unwrap(), "");
    let conf = std::fs::read_to_string(out_dir.join("annotation.conf")).unwrap();
    assert!(
        conf.contains(
            "\nattack\tattacker*:person|organisation, target*:person|organisation|place\n"
        ),
        "{conf}"
    );
    let visual = std::fs::read_to_string(out_dir.join("visual.conf")).unwrap();
    assert!(visual.contains("\nplace | Lieu\n"), "{visual}");

    // The same project gives the same bytes.
    let again = dir.path().join("brat2");
    assert!(
        eventail(&[&"export", &"brat", &path, &"-o", &again])
            .status
            .success()
    );
    for name in ["d1.ann", "annotation.conf", "visual.conf"] {
        assert_eq!(
            std::fs::read(out_dir.join(name)).unwrap(),
            std::fs::read(again.join(name)).unwrap()
        );
    }
}

#[test]
fn export_brat_text_of_t_lines_matches_offsets_with_emoji_and_combining_accents() {
    let dir = tempfile::tempdir().unwrap();
    let text = "🇸🇾 Les forces de Pe\u{301}tra 👍🏽 entrent à Ho\u{302}ms.\r\nFin 🏛️.";
    let mut b = Builder::new("emoji");
    let d = b.document("e", text);
    b.mention(d, "place", &["Pe\u{301}tra"]);
    b.mention(d, "organisation", &["forces", "Ho\u{302}ms"]);
    b.mention(d, "place", &["🇸🇾"]);
    b.mention(d, "place", &["ms.\r\nFin 🏛️"]);
    let path = dir.path().join("emoji.ron");
    b.save(&path);
    let out_dir = dir.path().join("brat");
    let out = eventail(&[&"export", &"brat", &path, &"-o", &out_dir]);
    assert!(out.status.success(), "{}", stderr(&out));

    let txt = std::fs::read_to_string(out_dir.join("e.txt")).unwrap();
    assert_eq!(txt, text);
    let chars: Vec<char> = txt.chars().collect();
    let ann = std::fs::read_to_string(out_dir.join("e.ann")).unwrap();
    let mut checked = 0;
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (_, offsets) = fields[1].split_once(' ').unwrap();
        let pieces: Vec<String> = offsets
            .split(';')
            .map(|range| {
                let (start, end) = range.split_once(' ').unwrap();
                let (start, end) = (start.parse().unwrap(), end.parse::<usize>().unwrap());
                chars[start..end].iter().collect()
            })
            .collect();
        assert_eq!(fields[2], pieces.join(" "), "{line}");
        checked += 1;
    }
    assert_eq!(checked, 4);
    assert!(ann.contains("\tPe\u{301}tra\n"), "{ann}");
    assert!(ann.contains("\tms. Fin 🏛️\n"), "{ann}");
}

#[test]
fn import_text_uses_a_schema_file_and_reports_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Article\n").unwrap();
    let schema_path = dir.path().join("schema.ron");
    std::fs::write(&schema_path, ron::to_string(&schema()).unwrap()).unwrap();
    let path = dir.path().join("p.ron");
    let out = eventail(&[
        &"import",
        &"text",
        &article,
        &"-o",
        &path,
        &"--schema",
        &schema_path,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let project = load_project(&path).unwrap();
    assert_eq!(project.schema, schema());
    assert_eq!(project.name, "p");

    let broken = dir.path().join("broken-schema.ron");
    std::fs::write(&broken, "(entity_types: [\n  (name: 3)]").unwrap();
    let other = dir.path().join("q.ron");
    let err = failure(&eventail(&[
        &"import",
        &"text",
        &article,
        &"-o",
        &other,
        &"--schema",
        &broken,
    ]));
    assert!(err.contains("line 2, column"), "{err}");
    assert!(
        err.trim_end().ends_with(&broken.display().to_string()),
        "{err}"
    );
    assert!(!other.exists());
}

/// The sample project shipped with eventail.
fn palmyre() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/palmyre.ron")
}

const PALMYRE_FIRST: &str = "000_d46b7e7251063bb0";

#[test]
fn export_json_of_palmyre_slices_the_same_text_in_three_units() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("p.json");
    let out = eventail(&[&"export", &"json", &palmyre(), &"-o", &out_file]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("as JSON to"), "{}", stdout(&out));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    let first = &json["documents"][0];
    assert_eq!(first["id"], PALMYRE_FIRST);
    let e = &first["events"][0];
    assert_eq!(
        (e["id"].as_str(), e["type"].as_str()),
        (Some("E86"), Some("withdrawal"))
    );
    assert_eq!(e["trigger_text"], "recule");
    assert_eq!(e["trigger"][0]["start"], 6);
    assert_eq!(e["arguments"][1]["filler"]["id"], "T2");
    let mut checked = 0;
    for doc in json["documents"].as_array().unwrap() {
        let text = doc["text"].as_str().unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        for m in doc["mentions"].as_array().unwrap() {
            for r in m["ranges"].as_array().unwrap() {
                let n = |k: &str| r[k].as_u64().unwrap() as usize;
                let by_char: String = chars[n("start")..n("end")].iter().collect();
                assert_eq!(&text[n("start_byte")..n("end_byte")], by_char);
                let by_utf16 = String::from_utf16(&utf16[n("start_utf16")..n("end_utf16")]);
                assert_eq!(by_utf16.unwrap(), by_char);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn export_csv_of_palmyre_writes_a_row_per_event_and_mention() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("csv");
    let out = eventail(&[&"export", &"csv", &palmyre(), &"-o", &out_dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let events = std::fs::read_to_string(out_dir.join("events.csv")).unwrap();
    let events = events.strip_prefix('\u{feff}').expect("a byte-order mark");
    let header: Vec<&str> = events.lines().next().unwrap().split(',').collect();
    assert_eq!(
        header[..6],
        ["document", "event", "type", "trigger", "start", "end"]
    );
    assert_eq!(header[header.len() - 2..], ["date_normalised", "note"]);
    let row: Vec<&str> = events
        .lines()
        .find(|l| l.starts_with(&format!("{PALMYRE_FIRST},E86,")))
        .unwrap()
        .split(',')
        .collect();
    let cell = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(cell("trigger"), "recule");
    assert_eq!((cell("start"), cell("end")), ("6", "12"));
    assert_eq!(cell("agent"), "Daech");
    assert_eq!(cell("origin"), "Palmyre | Mossoul");
    assert_eq!(cell("certainty"), "certain");
    let project = load_project(&palmyre()).unwrap();
    let count = |f: fn(&Document) -> usize| project.documents.iter().map(f).sum::<usize>();
    assert_eq!(events.split("\r\n").count() - 2, count(|d| d.events.len()));

    let mentions = std::fs::read_to_string(out_dir.join("mentions.csv")).unwrap();
    assert!(
        mentions.contains(&format!(
            "\r\n{PALMYRE_FIRST},T1,armed_group,Daech,0,5,0-5,"
        )),
        "{mentions}"
    );
}

#[test]
fn export_conll_of_palmyre_tags_entities_and_triggers() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("p.conll");
    let out = eventail(&[&"export", &"conll", &palmyre(), &"-o", &out_file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conll = std::fs::read_to_string(&out_file).unwrap();
    let lines: Vec<&str> = conll.lines().take(4).collect();
    assert_eq!(
        lines,
        [
            &format!("# doc_id = {PALMYRE_FIRST}"),
            "Daech\tB-armed_group\tO",
            "recule\tO\tB-withdrawal",
            "à\tO\tO",
        ]
    );
    // A token partly covered by a mention ("armée") is tagged.
    assert!(conll.contains("\n\nL'armée\tB-state_force\tO\nsyrienne\tI-state_force\tO\n"));
}

/// (type, range) of every range of every mention, sorted, and (type, arg1's first range,
/// arg2's first range) of every relation between mentions: what doccano keeps, since it
/// writes each range of a discontinuous mention as an entity of its own.
fn mentions_and_relations(doc: &Document) -> (Vec<(String, Span)>, Vec<String>) {
    let ranges = |f: Filler| match f {
        Filler::Mention(id) => format!("{:?}", doc.mention(id).unwrap().ranges[0]),
        Filler::Event(id) => id.to_string(),
    };
    let mut mentions: Vec<(String, Span)> = doc
        .mentions
        .iter()
        .flat_map(|m| m.ranges.iter().map(|r| (m.entity_type.clone(), *r)))
        .collect();
    mentions.sort();
    (
        mentions,
        doc.relations
            .iter()
            .filter(|r| matches!((r.arg1, r.arg2), (Filler::Mention(_), Filler::Mention(_))))
            .map(|r| format!("{} {} {}", r.relation_type, ranges(r.arg1), ranges(r.arg2)))
            .collect(),
    )
}

#[test]
fn export_then_import_doccano_keeps_palmyre_mentions_and_relations() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("p.jsonl");
    let out = eventail(&[&"export", &"doccano", &palmyre(), &"-o", &jsonl]);
    assert!(out.status.success(), "{}", stderr(&out));
    let left_out = "36 events, 87 attribute values and 37 notes left out";
    assert!(stderr(&out).contains(left_out), "{}", stderr(&out));
    assert!(stderr(&out).contains("discontinuous"), "{}", stderr(&out));

    let imported = dir.path().join("back.ron");
    let out = eventail(&[&"import", &"doccano", &jsonl, &"-o", &imported]);
    assert!(out.status.success(), "{}", stderr(&out));
    let original = load_project(&palmyre()).unwrap();
    let back = load_project(&imported).unwrap();
    assert_eq!(back.documents.len(), original.documents.len());
    for (a, b) in original.documents.iter().zip(&back.documents) {
        assert_eq!((&a.id, &a.text), (&b.id, &b.text));
        assert_eq!(mentions_and_relations(a), mentions_and_relations(b));
    }
}

#[test]
fn import_doccano_lists_bad_lines_and_can_skip_them() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": 1, \"text\": \"Daech à Homs\", \"entities\": [{\"id\": 7, \"label\": \"GPE\", \
         \"start_offset\": 8, \"end_offset\": 12}], \"relations\": []}\n\
         {\"text\": \"abc\", \"entities\": [{\"id\": 1, \"label\": \"X\", \"start_offset\": 2, \
         \"end_offset\": 40}]}\n\
         not json\n",
    )
    .unwrap();
    let path = dir.path().join("p.ron");
    let err = failure(&eventail(&[&"import", &"doccano", &jsonl, &"-o", &path]));
    assert!(err.contains("2 lines could not be imported"), "{err}");
    assert!(
        err.contains(&format!("{}:2: entity 1: offsets 2-40", jsonl.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:3: not JSON", jsonl.display())),
        "{err}"
    );
    assert!(!path.exists());

    let out = eventail(&[
        &"import",
        &"doccano",
        &jsonl,
        &"-o",
        &path,
        &"--skip-bad-lines",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(":3: not JSON: "), "{}", stderr(&out));
    // Added types are warnings, as in every import, with the line that brought them.
    assert!(
        stderr(&out).contains(":1: entity type \"GPE\" added to the schema"),
        "{}",
        stderr(&out)
    );
    let project = load_project(&path).unwrap();
    assert_eq!(project.documents.len(), 1);
    assert_eq!(project.documents[0].id, "1");
    assert_eq!(project.documents[0].mentions[0].ranges, [Span::new(8, 12)]);
    assert!(project.schema.entity_type("GPE").is_some());
}

#[test]
fn exports_report_an_unwritable_output_with_its_path_last() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("missing/dir/p.json");
    for format in ["json", "conll", "doccano"] {
        let err = failure(&eventail(&[
            &"export",
            &format,
            &palmyre(),
            &"-o",
            &out_file,
        ]));
        assert!(err.starts_with("error: cannot write: "), "{err}");
        assert!(
            err.trim_end().ends_with(&out_file.display().to_string()),
            "{err}"
        );
    }
}

#[test]
fn export_offers_the_formats_of_the_table_with_their_descriptions() {
    use eventail::formats::Format;
    let help = eventail(&[&"export", &"--help"]);
    assert!(help.status.success(), "{}", stderr(&help));
    let text = stdout(&help)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for format in Format::ALL.into_iter().filter(|f| f.exports()) {
        assert!(
            text.contains(format.name()),
            "{format} missing from\n{text}"
        );
        assert!(text.contains(format.description()), "{format}: {text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.txt");
    let run = eventail(&[&"export", &"text", &palmyre(), &"-o", &out]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("doccano"), "{}", stderr(&run));
    assert!(!out.exists());
}

#[test]
fn export_replaces_an_existing_file_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.conll");
    std::fs::write(&out, "old").unwrap();
    let run = eventail(&[&"export", &"conll", &palmyre(), &"-o", &out]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stdout(&run).starts_with("wrote 5 documents as CoNLL to "),
        "{}",
        stdout(&run)
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# doc_id = ")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no backup, no temporary file: {names:?}");
}

#[test]
fn every_import_adds_to_an_existing_project_and_says_the_same_summary() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Palmyre reprise\n").unwrap();
    let path = dir.path().join("p.ron");
    let out = eventail(&[&"import", &"text", &article, &"-o", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with(&format!(
            "imported 1 document (0 mentions, 0 events, 0 relations) to {} (1 document in all)\n",
            path.display()
        )),
        "{}",
        stdout(&out)
    );

    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a\", \"text\": \"Daech à Homs\", \"entities\": [{\"id\": 1, \"label\": \
         \"GPE\", \"start_offset\": 8, \"end_offset\": 12}]}\n",
    )
    .unwrap();
    let out = eventail(&[&"import", &"doccano", &jsonl, &"-o", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "added 1 document (1 mention, 0 events, 0 relations) to {} (2 documents in all) \
             (1 warning on stderr)\n",
            path.display()
        )
    );
    assert!(
        stderr(&out).contains("in.jsonl:1: entity type \"GPE\" added to the schema"),
        "{}",
        stderr(&out)
    );
    let project = load_project(&path).unwrap();
    let ids: Vec<&str> = project.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2"]);
    assert!(project.schema.entity_type("GPE").is_some());
}

#[test]
fn a_mistyped_command_lists_the_commands_and_opens_no_window() {
    // `agree` is a command now: a typo of it is the mistyped command.
    let out = eventail(&[&"agreee"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("neither a command nor an existing project file: agreee"),
        "{err}"
    );
    assert!(err.contains("\n  validate "), "{err}");
    assert!(!err.contains("window"), "the GUI was tried: {err}");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let out = eventail(&[&missing]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&missing.display().to_string()),
        "{}",
        stderr(&out)
    );
}
