//! brat import: the real corpora of `tests/fixtures/brat` survive import → export and
//! import → RON → load unchanged, offsets survive every kind of text, and broken lines
//! are reported with their file and line.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::formats::ImportError;
use eventail::formats::brat::{read_brat, write_brat};
use eventail::io::{load_project, save_project};
use eventail::model::{AnnotationRef, Filler, Span, validate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const CORPORA: [&str; 3] = ["news-tutorial", "BioNLP-ST_2011_GE", "TDT"];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/brat")
        .join(name)
}

/// One `.ann` file as canonical keys: ids replaced by what they denote, recursively, so
/// that two files with the same annotations under other ids compare equal.
fn canonical_ann(ann: &str) -> Vec<String> {
    let mut lines: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut anonymous = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            continue;
        }
        let rest: Vec<String> = fields[1..].iter().map(|f| f.to_string()).collect();
        if fields[0] == "*" {
            anonymous.push(rest);
        } else {
            lines.insert(fields[0].to_string(), rest);
        }
    }
    fn key(id: &str, lines: &BTreeMap<String, Vec<String>>, depth: usize) -> String {
        assert!(depth < 100, "cycle through {id}");
        let fields = &lines[id];
        let words: Vec<&str> = fields[0].split_whitespace().collect();
        match &id[..1] {
            "T" => {
                let offsets = fields[0].split_once(' ').unwrap().1;
                let mut spans: Vec<(usize, usize)> = offsets
                    .split(';')
                    .map(|p| {
                        let (a, b) = p.split_once(' ').unwrap();
                        (a.parse().unwrap(), b.parse().unwrap())
                    })
                    .collect();
                spans.sort();
                format!("T[{} {spans:?}]", words[0])
            }
            "E" => {
                let (ty, trigger) = words[0].split_once(':').unwrap();
                let mut args: Vec<String> = words[1..]
                    .iter()
                    .map(|w| {
                        let (role, arg) = w.split_once(':').unwrap();
                        format!("{role}={}", key(arg, lines, depth + 1))
                    })
                    .collect();
                args.sort();
                format!("E[{ty} {} {args:?}]", key(trigger, lines, depth + 1))
            }
            "R" => {
                let arg = |w: &str| key(w.split_once(':').unwrap().1, lines, depth + 1);
                format!("R[{} {} {}]", words[0], arg(words[1]), arg(words[2]))
            }
            _ => panic!("unexpected reference to {id}"),
        }
    }
    let mut keys = Vec::new();
    let triggers: Vec<String> = lines
        .iter()
        .filter(|(id, _)| id.starts_with('E'))
        .map(|(_, f)| {
            f[0].split_whitespace()
                .next()
                .unwrap()
                .split_once(':')
                .unwrap()
                .1
                .into()
        })
        .collect();
    let mut trigger_keys = Vec::new();
    for (id, fields) in &lines {
        let words: Vec<&str> = fields[0].split_whitespace().collect();
        let k = match &id[..1] {
            "T" if triggers.contains(id) => {
                trigger_keys.push(key(id, &lines, 0));
                continue;
            }
            "T" | "E" | "R" => key(id, &lines, 0),
            "A" | "M" => format!(
                "A[{} {} {:?}]",
                words[0],
                key(words[1], &lines, 0),
                words.get(2)
            ),
            "N" => format!(
                "N[{} {} {} {:?}]",
                words[0],
                key(words[1], &lines, 0),
                words[2],
                fields.get(1)
            ),
            "#" => format!(
                "#[{} {} {:?}]",
                words[0],
                key(words[1], &lines, 0),
                fields.get(1)
            ),
            _ => panic!("unexpected line {id}"),
        };
        keys.push(k);
    }
    // Events that share a trigger share one T line after export: compare triggers as a set.
    trigger_keys.sort();
    trigger_keys.dedup();
    keys.extend(trigger_keys);
    for fields in anonymous {
        let words: Vec<&str> = fields[0].split_whitespace().collect();
        let mut members: Vec<String> = words[1..].iter().map(|m| key(m, &lines, 0)).collect();
        members.sort();
        keys.push(format!("*[{} {members:?}]", words[0]));
    }
    keys.sort();
    keys
}

fn files(dir: &Path, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .collect();
    names.sort();
    names
}

#[test]
fn every_fixture_corpus_round_trips_through_export() {
    let out = tempfile::tempdir().unwrap();
    let mut figures = Vec::new();
    for corpus in CORPORA {
        let dir = fixture(corpus);
        let import = read_brat(&dir, false).unwrap();
        assert_eq!(validate(&import.project), vec![], "{corpus}");
        let exported = out.path().join(corpus);
        write_brat(&import.project, &exported).unwrap();
        let mut annotations = 0;
        for txt in files(&dir, ".txt") {
            assert_eq!(
                std::fs::read(dir.join(&txt)).unwrap(),
                std::fs::read(exported.join(&txt)).unwrap(),
                "{corpus}/{txt}"
            );
            let ann = txt.replace(".txt", ".ann");
            let original = std::fs::read_to_string(dir.join(&ann)).unwrap_or_default();
            let again = std::fs::read_to_string(exported.join(&ann)).unwrap();
            let original = canonical_ann(&original);
            annotations += original.len();
            assert_eq!(original, canonical_ann(&again), "{corpus}/{ann}");
        }
        // And the exported collection imports to the same project.
        let mut second = read_brat(&exported, false).unwrap().project;
        second.name = import.project.name.clone();
        assert_eq!(second.documents, import.project.documents, "{corpus}");
        figures.push(format!(
            "{corpus}: {} documents, {annotations} annotations",
            import.project.documents.len()
        ));
    }
    println!("{}", figures.join("\n"));
}

#[test]
fn every_fixture_corpus_survives_ron() {
    let dir = tempfile::tempdir().unwrap();
    for corpus in CORPORA {
        let project = read_brat(&fixture(corpus), false).unwrap().project;
        let path = dir.path().join(format!("{corpus}.ron"));
        save_project(&path, &project).unwrap();
        assert_eq!(load_project(&path).unwrap(), project, "{corpus}");
    }
}

#[test]
fn nested_events_shared_triggers_and_numbered_roles_are_rebuilt() {
    let project = read_brat(&fixture("news-tutorial"), false).unwrap().project;
    let doc = project.document("090-event_structures").unwrap();
    // E2  Report:T5 Reporter-Arg:T4 Event-Arg:E1, E1  Merge-org:T3 Org-Arg:T1 Org-Arg2:T2
    let report = doc
        .events
        .iter()
        .find(|e| e.event_type == "Report" && e.arguments.iter().any(|a| a.role == "Event-Arg"))
        .unwrap();
    let Filler::Event(nested) = report
        .arguments
        .iter()
        .find(|a| a.role == "Event-Arg")
        .unwrap()
        .filler
    else {
        panic!("Event-Arg is not an event");
    };
    let merge = doc.event(nested).unwrap();
    assert_eq!(merge.event_type, "Merge-org");
    let roles: Vec<&str> = merge.arguments.iter().map(|a| a.role.as_str()).collect();
    assert!(roles.iter().all(|r| *r == "Org-Arg"), "{roles:?}");
    assert!(roles.len() >= 2);

    let ge = read_brat(&fixture("BioNLP-ST_2011_GE"), false)
        .unwrap()
        .project;
    let shared = ge.documents.iter().any(|d| {
        d.events.iter().enumerate().any(|(i, e)| {
            d.events[i + 1..]
                .iter()
                .any(|f| f.trigger == e.trigger && f.event_type == e.event_type)
        })
    });
    assert!(shared, "BioNLP GE has events sharing a trigger");
    let equivalences: usize = ge.documents.iter().map(|d| d.equivalences.len()).sum();
    assert_eq!(equivalences, 14);
    let negated = ge
        .documents
        .iter()
        .flat_map(|d| &d.events)
        .filter(|e| e.attributes.contains_key("Negation"))
        .count();
    assert!(negated > 0);
}

#[test]
fn normalisations_notes_and_typed_comments_are_kept() {
    let news = read_brat(&fixture("news-tutorial"), false).unwrap().project;
    let norm: Vec<_> = news
        .documents
        .iter()
        .flat_map(|d| &d.normalizations)
        .collect();
    assert_eq!(norm.len(), 1);
    assert_eq!(
        (
            norm[0].resource.as_str(),
            norm[0].id.as_str(),
            norm[0].text.as_str()
        ),
        ("Wikipedia", "64488", "Carlos Salinas de Gortari")
    );
    let tdt = read_brat(&fixture("TDT"), false).unwrap().project;
    let doc = tdt.document("b105").unwrap();
    let lemma = doc.comments.iter().find(|c| c.kind == "Lemma").unwrap();
    assert_eq!(lemma.text, " Delilah");
    assert!(matches!(lemma.target, AnnotationRef::Mention(_)));
}

/// A collection made of `(file name, content)` pairs.
fn collection(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).unwrap();
    }
    dir
}

/// The char span of `needle` in `text`.
fn span(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

#[test]
fn offsets_survive_emoji_accents_no_break_spaces_arabic_and_crlf() {
    let text =
        "Palmyre 🏛️ : l’armée\u{a0}syrienne\r\nreprend Tadmor (تدمر) e\u{301}te\u{301} 👍🏽 fin\r\n";
    let needles = [
        "Palmyre",
        "armée\u{a0}syrienne",
        "تدمر",
        "e\u{301}te\u{301}",
        "fin",
    ];
    let mut ann = String::new();
    for (i, n) in needles.iter().enumerate() {
        let s = span(text, n);
        ann.push_str(&format!("T{}\tPlace {} {}\t{n}\r\n", i + 1, s.start, s.end));
    }
    let dir = collection(&[("a.txt", text), ("a.ann", &format!("\u{feff}{ann}"))]);
    let import = read_brat(dir.path(), false).unwrap();
    assert!(
        import.warnings.iter().all(|w| w.message.contains("added")),
        "{:?}",
        import.warnings
    );
    let doc = &import.project.documents[0];
    assert_eq!(doc.text, text);
    for (m, n) in doc.mentions.iter().zip(needles) {
        assert_eq!(m.ranges, [span(text, n)]);
        assert_eq!(eventail::model::span::slice(text, m.ranges[0]), Some(n));
    }
    let out = tempfile::tempdir().unwrap();
    write_brat(&import.project, out.path()).unwrap();
    assert_eq!(
        std::fs::read(out.path().join("a.txt")).unwrap(),
        text.as_bytes()
    );
    assert_eq!(
        canonical_ann(&std::fs::read_to_string(out.path().join("a.ann")).unwrap()),
        canonical_ann(&ann.replace("\r\n", "\n"))
    );
}

const BROKEN_ANN: &str = "T1\tPerson 0 3\tAli\n\
    T2\tPerson 5 99\tpast the end\n\
    T3\tPerson 5 x\n\
    E1\tAttack:T4 Attacker:T1 Target:T9\n\
    T4\tAttack 4 5\ta\n\
    garbage\n\
    R1\tAlly Arg1:T1 Arg2:T2\n\
    A1\tNegation E1\n\
    E2\tAttack:T4 Target:E3\n\
    E3\tAttack:T4 Target:E2\n\
    T1\tPerson 0 1\tA\n";

#[test]
fn broken_lines_are_reported_with_file_and_line() {
    let dir = collection(&[("d.txt", "Ali a tiré."), ("d.ann", BROKEN_ANN)]);
    let Err(ImportError::BadLines(problems)) = read_brat(dir.path(), false) else {
        panic!("should fail");
    };
    let lines: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.line.unwrap(), p.message.as_str()))
        .collect();
    let numbers: Vec<usize> = lines.iter().map(|(n, _)| *n).collect();
    assert_eq!(numbers, [2, 3, 4, 6, 9, 10, 11], "{lines:#?}");
    assert!(lines[0].1.contains("past the end"));
    assert!(lines[2].1.contains("T9 is not defined"));
    assert!(lines[4].1.contains("contains itself"));
    assert!(lines[6].1.contains("already used on line 1"));
    let shown = problems[0].to_string();
    assert!(
        shown.ends_with("d.ann:2: offsets 5 99 run past the end of the text (11 characters)"),
        "{shown}"
    );
}

#[test]
fn skipping_bad_lines_imports_the_rest() {
    let dir = collection(&[("d.txt", "Ali a tiré."), ("d.ann", BROKEN_ANN)]);
    let import = read_brat(dir.path(), true).unwrap();
    let doc = &import.project.documents[0];
    assert_eq!(doc.mentions.len(), 1);
    // E1 (unknown T9) is skipped, so its attribute A1 goes too; R1 refers to skipped T2.
    assert!(doc.events.is_empty() || doc.events.iter().all(|e| e.arguments.is_empty()));
    assert!(doc.relations.is_empty());
    let warnings: Vec<String> = import.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.ends_with("d.ann:7: refers to T2, which was skipped: line skipped")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.ends_with("d.ann:8: refers to E1, which was skipped: line skipped")),
        "{warnings:#?}"
    );
    assert_eq!(validate(&import.project), vec![]);
}

#[test]
fn odd_collections_never_panic() {
    let cases: &[&[(&str, &str)]] = &[
        &[("e.txt", ""), ("e.ann", "")],
        &[
            ("e.txt", "x"),
            ("e.ann", "\t\t\n\u{feff}\n*\n#\n#1\tAnnotatorNotes\n"),
        ],
        &[
            ("e.txt", "x"),
            ("e.ann", "E1\tA:E1 B:E1\nT1\tA 0 1\tx\nE2\tA:T1 R:T1\n"),
        ],
        &[
            ("e.txt", "x"),
            (
                "e.ann",
                "N1\tReference T1 nocolon\nA1\tX T1 a b c\nR1\tR Arg1:T1\n",
            ),
        ],
        &[
            ("e.txt", "x"),
            ("annotation.conf", "[events]\nA\tB{x}:C, :D\n[zzz]\nq\n"),
        ],
        &[("only.ann", "T1\tA 0 1\tx\n")],
    ];
    for files in cases {
        let dir = collection(files);
        for skip in [false, true] {
            if let Ok(import) = read_brat(dir.path(), skip) {
                assert_eq!(validate(&import.project), vec![], "{files:?}");
            }
        }
    }
}

fn eventail(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_eventail"))
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap()
}

#[test]
fn cli_imports_a_fixture_and_refuses_a_broken_collection() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("news.ron");
    let run = eventail(&[
        &"import",
        &"brat",
        &fixture("news-tutorial"),
        &"-o",
        &out,
        &"--name",
        &"News",
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.starts_with("imported 13 documents (96 mentions, 23 events, 8 relations)"),
        "{stdout}"
    );
    assert_eq!(load_project(&out).unwrap().name, "News");

    let broken = collection(&[("d.txt", "Ali a tiré."), ("d.ann", BROKEN_ANN)]);
    let bad_out = dir.path().join("bad.ron");
    let run = eventail(&[&"import", &"brat", &broken.path(), &"-o", &bad_out]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(stderr.contains("d.ann:2: offsets 5 99"), "{stderr}");
    assert!(!bad_out.exists());
    let run = eventail(&[
        &"import",
        &"brat",
        &broken.path(),
        &"-o",
        &bad_out,
        &"--skip-bad-lines",
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(stderr.contains("warning: ") && stderr.contains("line skipped"));
    assert!(load_project(&bad_out).is_ok());

    // A project that does not load is never replaced.
    std::fs::write(&bad_out, "not ron").unwrap();
    let run = eventail(&[&"import", &"brat", &fixture("TDT"), &"-o", &bad_out]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&bad_out).unwrap(), "not ron");
}

#[test]
fn deleting_an_annotation_drops_its_equivalences_normalisations_and_comments() {
    use eventail::edit::{Stamp, ops};
    let ann = "T1\tPerson 0 3\tAli\nT2\tPerson 4 7\tBob\nT3\tPerson 8 11\tCem\n\
        *\tAlias T1 T2\n*\tAlias T1 T2 T3\nR1\tKnows Arg1:T1 Arg2:T3\n\
        N1\tReference T1 Wikidata:Q1\tAli\n#1\tLemma T1\tali\n#2\tLemma R1\tknows\n#3\tLemma T2\tbob\n";
    let dir = collection(&[("d.txt", "Ali Bob Cem"), ("d.ann", ann)]);
    let mut project = read_brat(dir.path(), false).unwrap().project;
    let before = project.clone();
    let ali = project.documents[0].mentions[0].id;
    let edit = ops::delete_mention(&project, 0, ali, &Stamp::default()).unwrap();
    let undo = edit.apply(&mut project).unwrap();
    assert_eq!(validate(&project), vec![]);
    let doc = &project.documents[0];
    assert_eq!(doc.equivalences.len(), 1);
    assert_eq!(doc.equivalences[0].members.len(), 2);
    assert!(doc.normalizations.is_empty());
    assert_eq!(doc.comments.len(), 1);
    assert_eq!(doc.comments[0].text, "bob");
    undo.apply(&mut project).unwrap();
    assert_eq!(project, before);
}

/// The news tutorial's configuration as a schema: types, roles with their cardinality
/// and fillers, attributes, colours of visual.conf, keys of kb_shortcuts.conf and the
/// groups of its hierarchy.
#[test]
fn news_tutorial_annotation_conf_as_a_schema() {
    use eventail::edit::schema_ops::cardinality_in_words;
    use eventail::model::{AttrKind, Rgb};
    let dir = std::path::Path::new("tests/fixtures/brat/news-tutorial");
    let (schema, _warnings) = eventail::formats::brat::schema_from_conf_dir(dir);
    let entities: Vec<&str> = schema
        .entity_types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(entities, ["Person", "Organization", "GPE", "Money"]);
    let person = schema.entity_type("Person").unwrap();
    assert_eq!(person.color, Rgb([0xff, 0x82, 0x1c]));
    assert_eq!(person.shortcut.map(|c| c.to_ascii_lowercase()), Some('p'));
    assert_eq!(
        schema.entity_type("GPE").unwrap().label,
        "Geo-political entity"
    );
    assert_eq!(schema.entity_type("Money").unwrap().shortcut, Some('M'));
    let die = schema.event_type("Die").unwrap();
    assert_eq!(die.group, "Life");
    let place = die.role("Place-Arg").unwrap();
    assert_eq!(cardinality_in_words(place.cardinality), "optional");
    assert_eq!(place.fillers, ["GPE"]);
    assert_eq!(place.label, "Place");
    let agent = die.role("Agent-Arg").unwrap();
    assert_eq!(agent.fillers, ["Person", "Organization", "GPE"]);
    let merge = schema.event_type("Merge-org").unwrap();
    assert_eq!(merge.group, "Business");
    let org = merge.role("Org-Arg").unwrap();
    assert_eq!(cardinality_in_words(org.cardinality), "one or more");
    let born = schema.event_type("Be-born").unwrap();
    assert_eq!(born.label, "Be born");
    assert_eq!(
        cardinality_in_words(born.role("Person-Arg").unwrap().cardinality),
        "required"
    );
    assert_eq!(schema.event_type("Report").unwrap().group, "");
    let relations: Vec<&str> = schema
        .relation_types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert!(
        relations.contains(&"Located") && relations.contains(&"Family"),
        "{relations:?}"
    );
    let located = schema.relation_type("Located").unwrap();
    assert_eq!(
        (located.arg1.as_slice(), located.arg2.as_slice()),
        (&["Person".to_string()][..], &["GPE".to_string()][..])
    );
    assert_eq!(schema.attribute("Negation").unwrap().kind, AttrKind::Flag);
    let confidence = schema.attribute("Confidence").unwrap();
    assert_eq!(
        confidence.kind,
        AttrKind::Values(vec!["High".into(), "Neutral".into(), "Low".into()])
    );
    assert!(confidence.applies("Die") && !confidence.applies("Person"));
    assert!(schema.attribute("Mention").unwrap().applies("Person"));
}
