//! Imports and exports through the built binary: an import reads everything or says
//! what it skips, with file and line; an export holds everything or says what it cannot.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::io::{load_project, save_project};
use eventail::model::{
    AnnotationRef, AttrValue, Comment, Document, Equivalence, Event, EventId, Filler, Mention,
    MentionId, Normalization, Project, Relation, RelationId, RoleArg, Schema, Span,
};
use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with `args`.
fn eventail(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eventail"))
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap()
}

/// The stderr of a command that succeeded.
fn success(out: &Output) -> String {
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(out.status.success(), "failed: {err}");
    err
}

/// The stderr of a command that failed cleanly.
fn failure(out: &Output) -> String {
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// A mention of `entity_type` over `ranges`, with nothing else.
fn mention(id: u32, entity_type: &str, ranges: Vec<Span>) -> Mention {
    Mention {
        id: MentionId(id),
        entity_type: entity_type.into(),
        ranges,
        attributes: Default::default(),
        note: String::new(),
        author: String::new(),
        changed: String::new(),
        sources: Vec::new(),
    }
}

/// A project of one document `d1` of `text` holding `mentions`, its schema grown to
/// their types.
fn project_of(text: &str, mentions: Vec<Mention>) -> Project {
    let mut schema = Schema::default();
    for m in &mentions {
        schema.add_missing_entity_type(&m.entity_type);
    }
    let mut doc = Document::new("d1", "d1", text);
    doc.next_id = mentions.iter().map(|m| m.id.0 + 1).max().unwrap_or(1);
    doc.mentions = mentions;
    let mut project = Project::new("p", schema);
    project.documents.push(doc);
    project
}

#[test]
fn a_brat_ann_with_old_mac_line_ends_imports_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).unwrap();
    // The text keeps its own line ends, CR-only included: offsets count them.
    let text = "Daech\rquitte Palmyre.\r\nL’armée entre.\n";
    std::fs::write(brat.join("a.txt"), text).unwrap();
    let ann = "T1\tOrganisation 0 5\tDaech\r\
               T2\tPlace 13 20\tPalmyre\r\r\
               T3\tOrganisation 23 30\tL’armée\r\
               T4\tMove 31 36\tentre\r\
               E1\tMove:T4 Agent:T3\r\
               #1\tAnnotatorNotes T2\tla cité\r";
    std::fs::write(brat.join("a.ann"), ann).unwrap();
    let out = dir.path().join("p.ron");
    let err = success(&eventail(&[&"import", &"brat", &brat, &"-o", &out]));
    assert!(
        !err.contains("skipped") && !err.contains("differs"),
        "{err}"
    );
    let project = load_project(&out).unwrap();
    let doc = &project.documents[0];
    assert_eq!(doc.text, text);
    let texts: Vec<String> = doc
        .mentions
        .iter()
        .map(|m| eventail::model::span::covered_text(&doc.text, &m.ranges))
        .collect();
    assert_eq!(texts, ["Daech", "Palmyre", "L’armée"]);
    assert_eq!(doc.mentions[1].note, "la cité");
    assert_eq!(doc.events.len(), 1);
    assert_eq!(doc.events[0].arguments.len(), 1);
}

/// The text of a saved project with `needle` replaced by `replacement`.
fn edited_project_file(project: &Project, path: &Path, needle: &str, replacement: &str) {
    save_project(path, project).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(needle), "{text}");
    std::fs::write(path, text.replacen(needle, replacement, 1)).unwrap();
}

#[test]
fn a_key_given_twice_in_the_project_file_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = project_of("Daech quitte Palmyre.", vec![]);
    project.documents[0]
        .metadata
        .insert("source".into(), "AFP".into());
    project.documents.push(Document::new("d2", "d2", "Rien."));
    let mut noted = mention(1, "place", vec![Span::new(13, 20)]);
    noted.attributes.insert("generic".into(), AttrValue::Flag);
    project.documents[1].text = "Daech quitte Palmyre.".into();
    project.documents[1].mentions = vec![noted];
    project.documents[1].next_id = 2;
    project.schema.add_missing_entity_type("place");
    project
        .schema
        .add_missing_attribute("generic", eventail::model::AttrKind::Flag);
    project.schema.allow_attribute_on("generic", "place");

    edited_project_file(
        &project,
        &path,
        "\"source\": \"AFP\"",
        "\"source\": \"AFP\", \"source\": \"Reuters\"",
    );
    let err = failure(&eventail(&[&"validate", &path]));
    assert!(err.contains("document \"d1\""), "{err}");
    assert!(
        err.contains("metadata key \"source\" is given twice"),
        "{err}"
    );
    assert!(err.contains("line "), "{err}");
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );

    edited_project_file(
        &project,
        &path,
        "\"generic\": Flag",
        "\"generic\": Flag, \"generic\": Value(\"x\")",
    );
    let err = failure(&eventail(&[&"validate", &path]));
    assert!(
        err.contains("document \"d2\", T1: attribute \"generic\" is given twice"),
        "{err}"
    );
    assert!(
        err.trim_end().ends_with(&path.display().to_string()),
        "{err}"
    );
}

#[test]
fn doccano_lines_read_both_layouts_metadata_and_refuse_keys_given_twice() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("a.jsonl");
    let lines = [
        r#"{"id": 1, "text": "Daech quitte Palmyre.", "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 5}], "label": [[0, 5, "ORG"], [13, 20, "LOC"]], "source": "AFP", "meta": {"date": "2016-03-27"}, "Comments": []}"#,
        r#"{"id": 2, "text": "un", "text": "deux"}"#,
        r#"{"id": 3, "text": "abc", "entities": [{"id": 1, "label": "A", "label": "B", "start_offset": 0, "end_offset": 1}]}"#,
        "{\"id\": 4, \"text\": \"abc\", \"label\": [[0, 1, \"A\\tB\"]]}",
    ];
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let out = dir.path().join("p.ron");
    let err = failure(&eventail(&[&"import", &"doccano", &jsonl, &"-o", &out]));
    let at = |line: usize| format!("{}:{line}: ", jsonl.display());
    assert!(
        err.contains(&format!("{}key \"text\" is given twice", at(2))),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}key \"label\" is given twice", at(3))),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}label 1: the type \"A\\tB\" holds a tab", at(4))),
        "{err}"
    );
    assert!(!out.exists());

    std::fs::write(&jsonl, lines[0]).unwrap();
    success(&eventail(&[&"import", &"doccano", &jsonl, &"-o", &out]));
    let doc = &load_project(&out).unwrap().documents[0];
    let mentions: Vec<(&str, Vec<Span>)> = doc
        .mentions
        .iter()
        .map(|m| (m.entity_type.as_str(), m.ranges.clone()))
        .collect();
    assert_eq!(
        mentions,
        [
            ("ORG", vec![Span::new(0, 5)]),
            ("LOC", vec![Span::new(13, 20)])
        ]
    );
    let metadata: Vec<(&str, &str)> = doc
        .metadata
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(metadata, [("date", "2016-03-27"), ("source", "AFP")]);
}

/// A project holding one of every kind of thing the model has.
fn project_of_every_kind() -> Project {
    let text = "Daech quitte Palmyre, dit l’armée.";
    let mut m1 = mention(1, "organisation", vec![Span::new(0, 5)]);
    m1.note = "groupe armé".into();
    m1.author = "ana".into();
    m1.changed = "2016-03-27T12:00:00Z".into();
    m1.attributes.insert("generic".into(), AttrValue::Flag);
    let m2 = mention(2, "place", vec![Span::new(13, 20)]);
    let m3 = mention(3, "organisation", vec![Span::new(26, 33)]);
    let mut project = project_of(text, vec![m1, m2, m3]);
    let schema = &mut project.schema;
    schema.add_missing_event_type("move");
    schema.add_missing_role("move", "agent");
    schema.add_missing_relation_type("enemy");
    schema.add_missing_relation_type("Equiv");
    schema.add_missing_attribute("generic", eventail::model::AttrKind::Flag);
    schema.allow_attribute_on("generic", "organisation");
    project.annotators = vec!["ana".into()];
    let doc = &mut project.documents[0];
    doc.metadata.insert("source".into(), "AFP".into());
    doc.status = eventail::model::DocStatus::Done;
    doc.events.push(Event {
        id: EventId(4),
        event_type: "move".into(),
        trigger: vec![Span::new(6, 12)],
        arguments: vec![RoleArg {
            role: "agent".into(),
            filler: Filler::Mention(MentionId(1)),
        }],
        attributes: Default::default(),
        note: "départ".into(),
        author: "ana".into(),
        changed: "2016-03-27T12:00:00Z".into(),
        sources: Vec::new(),
    });
    doc.relations.push(Relation {
        id: RelationId(5),
        relation_type: "enemy".into(),
        arg1: Filler::Mention(MentionId(1)),
        arg2: Filler::Mention(MentionId(3)),
        attributes: Default::default(),
        note: "selon l’armée".into(),
        author: "ana".into(),
        changed: "2016-03-27T12:00:00Z".into(),
        sources: Vec::new(),
    });
    doc.equivalences.push(Equivalence {
        relation_type: "Equiv".into(),
        members: vec![Filler::Mention(MentionId(1)), Filler::Mention(MentionId(3))],
    });
    doc.normalizations.push(Normalization {
        target: AnnotationRef::Mention(MentionId(2)),
        resource: "GeoNames".into(),
        id: "170024".into(),
        text: "Palmyra".into(),
    });
    doc.comments.push(Comment {
        target: AnnotationRef::Relation(RelationId(5)),
        kind: "Lemma".into(),
        text: "ennemi".into(),
    });
    doc.next_id = 6;
    project
}

#[test]
fn the_json_export_holds_every_kind_of_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let project = project_of_every_kind();
    save_project(&path, &project).unwrap();
    let out = dir.path().join("p.json");
    success(&eventail(&[&"export", &"json", &path, &"-o", &out]));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    // Listing every field makes this test fail to compile when the model grows one,
    // so that the export is checked for it.
    let Project {
        format_version: _,
        name,
        annotators,
        schema: _,
        documents,
        incidents: _,        // tested with the sample below
        next_incident_id: _, // eventail's counter, as next_id
    } = &project;
    assert_eq!(json["project"], name.as_str());
    assert_eq!(json["annotators"], serde_json::json!(annotators));
    assert!(json["schema"]["entity_types"].is_array());
    let Document {
        id,
        name,
        text,
        status: _,
        metadata,
        next_id: _, // eventail's counter, documented as left out
        mentions,
        events,
        relations,
        equivalences,
        normalizations,
        comments,
        decisions: _, // a gold project's, tested with the merge
        conflicts: _, // a merged project's, tested with the merge driver
        index: _,     // offsets built when asked for, never saved
    } = &documents[0];
    let doc = &json["documents"][0];
    assert_eq!(doc["id"], id.as_str());
    assert_eq!(doc["name"], name.as_str());
    assert_eq!(doc["text"], text.as_str());
    assert_eq!(doc["status"], "done");
    assert_eq!(doc["metadata"], serde_json::json!(metadata));
    let Mention {
        id: _,
        entity_type,
        ranges: _,
        attributes: _,
        note,
        author,
        changed,
        sources: _, // a gold project's, tested with the merge
    } = &mentions[0];
    let m = &doc["mentions"][0];
    assert_eq!(
        (&m["type"], &m["note"], &m["author"], &m["changed"]),
        (
            &serde_json::json!(entity_type),
            &serde_json::json!(note),
            &serde_json::json!(author),
            &serde_json::json!(changed)
        )
    );
    assert_eq!(m["attributes"]["generic"], true);
    assert_eq!(m["ranges"][0]["end"], 5);
    let Event { note, .. } = &events[0];
    assert_eq!(doc["events"][0]["note"], note.as_str());
    assert_eq!(doc["events"][0]["arguments"][0]["role"], "agent");
    let Relation { note, .. } = &relations[0];
    assert_eq!(doc["relations"][0]["note"], note.as_str());
    let Equivalence {
        relation_type,
        members,
    } = &equivalences[0];
    assert_eq!(
        doc["equivalences"][0],
        serde_json::json!({"type": relation_type, "members": [
            {"kind": "mention", "id": members[0].to_string()},
            {"kind": "mention", "id": members[1].to_string()},
        ]})
    );
    let Normalization {
        target: _,
        resource,
        id,
        text,
    } = &normalizations[0];
    assert_eq!(
        doc["normalizations"][0],
        serde_json::json!({"target": {"kind": "mention", "id": "T2"},
            "resource": resource, "entry": id, "text": text})
    );
    let Comment {
        target: _,
        kind,
        text,
    } = &comments[0];
    assert_eq!(
        doc["comments"][0],
        serde_json::json!({"target": {"kind": "relation", "id": "R5"}, "kind": kind, "text": text})
    );
}

/// The warnings of an export of the project at `path` in `format`, written to `out`.
fn export_warnings(format: &str, path: &Path, out: &Path) -> Vec<String> {
    let err = success(&eventail(&[&"export", &format, &path, &"-o", &out]));
    err.lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn exports_say_once_per_kind_what_they_leave_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = project_of_every_kind();
    project.documents[0].text = "Daech quitte\nPalmyre, dit l’armée.".into();
    project.documents[0].mentions[1].ranges = vec![Span::new(6, 20)];
    save_project(&path, &project).unwrap();

    let doccano = export_warnings("doccano", &path, &dir.path().join("d.jsonl"));
    let said = |what: &str, warnings: &[String]| {
        let found = warnings.iter().filter(|w| w.contains(what)).count();
        assert_eq!(found, 1, "{what}: {warnings:#?}");
    };
    said(
        "document \"d1\": 1 event, 1 attribute value, 3 notes, 1 equivalence, \
         1 normalisation and 1 typed comment left out: doccano has no place for them",
        &doccano,
    );

    let brat = export_warnings("brat", &path, &dir.path().join("brat"));
    said(
        "document \"d1\": 1 mention or trigger crosses a line break",
        &brat,
    );
    said(
        "document \"d1\": 1 metadata entry left out: brat has no place for them",
        &brat,
    );

    let csv = export_warnings("csv", &path, &dir.path().join("csv"));
    said(
        "1 relation, 1 equivalence, 1 normalisation, 1 typed comment and 1 metadata entry \
         left out of 1 document: CSV has no place for them",
        &csv,
    );
    let conll = export_warnings("conll", &path, &dir.path().join("p.conll"));
    said(
        "1 event argument, 1 relation, 1 attribute value, 3 notes, 1 equivalence, \
         1 normalisation, 1 typed comment and 1 metadata entry left out of 1 document: \
         CoNLL has no place for them",
        &conll,
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_guarded_unless_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let text = "=HYPERLINK(\"http://x\") +33 -1 @SUM(A1) Palmyre";
    let mut note = mention(2, "place", vec![Span::new(39, 46)]);
    note.note = "-\tà vérifier".into();
    let project = project_of(
        text,
        vec![mention(1, "organisation", vec![Span::new(0, 22)]), note],
    );
    save_project(&path, &project).unwrap();
    let guarded = dir.path().join("guarded");
    success(&eventail(&[&"export", &"csv", &path, &"-o", &guarded]));
    let mentions = std::fs::read_to_string(guarded.join("mentions.csv")).unwrap();
    let lines: Vec<&str> = mentions.split("\r\n").collect();
    assert!(
        lines[1].starts_with("d1,T1,organisation,\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{mentions}"
    );
    assert!(lines[2].ends_with(",'-\tà vérifier"), "{mentions}");

    let raw = dir.path().join("raw");
    success(&eventail(&[
        &"export", &"csv", &path, &"-o", &raw, &"--raw",
    ]));
    let mentions = std::fs::read_to_string(raw.join("mentions.csv")).unwrap();
    assert!(
        mentions.contains("\"=HYPERLINK(\"\"http://x\"\")\""),
        "{mentions}"
    );
    assert!(mentions.contains(",-\tà vérifier\r\n"), "{mentions}");

    let json = dir.path().join("p.json");
    let err = failure(&eventail(&[
        &"export", &"json", &path, &"-o", &json, &"--raw",
    ]));
    assert!(
        err.contains("--raw applies to the csv and events formats only"),
        "{err}"
    );
    assert!(!json.exists());
}

#[test]
fn overlapping_pieces_of_a_brat_trigger_are_merged_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).unwrap();
    std::fs::write(brat.join("a.txt"), "Daech a quitté Palmyre.").unwrap();
    let ann = "T1\tOrganisation 0 5\tDaech\n\
               T2\tMove 6 11;8 14\ta qui quitté\n\
               E1\tMove:T2 Agent:T1\n\
               T3\tPlace 15 19;15 22;17 20\tPalm Palmyre lmy\n";
    std::fs::write(brat.join("a.ann"), ann).unwrap();
    let out = dir.path().join("p.ron");
    let err = success(&eventail(&[&"import", &"brat", &brat, &"-o", &out]));
    let ann_path = brat.join("a.ann");
    let merged = |line: usize, what: &str| format!("{}:{line}: pieces {what}", ann_path.display());
    assert!(
        err.contains(&merged(2, "6 11;8 14 overlap: merged into 6 14")),
        "{err}"
    );
    assert!(
        err.contains(&merged(4, "15 19;15 22;17 20 overlap: merged into 15 22")),
        "{err}"
    );
    assert!(
        !err.contains("truncated") && !err.contains("overlapping"),
        "{err}"
    );
    let project = load_project(&out).unwrap();
    let doc = &project.documents[0];
    assert_eq!(doc.events[0].trigger, [Span::new(6, 14)]);
    assert_eq!(doc.mentions[1].ranges, [Span::new(15, 22)]);
}

#[test]
fn names_with_tabs_or_line_breaks_are_refused_on_import_and_escaped_in_conll() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).unwrap();
    std::fs::write(brat.join("a.txt"), "Daech quitte Palmyre.").unwrap();
    std::fs::write(
        brat.join("a.ann"),
        "T1\tOrgani\u{1c}sation 0 5\tDaech\nT2\tPlace 13 20\tPalmyre\n",
    )
    .unwrap();
    std::fs::write(
        brat.join("annotation.conf"),
        "[entities]\nPlace\nPer\u{2028}son\n[relations]\nLocated\tArg1:Per\tson, Arg2:Place\n\
         [events]\n[attributes]\n",
    )
    .unwrap();
    let out = dir.path().join("p.ron");
    let err = failure(&eventail(&[&"import", &"brat", &brat, &"-o", &out]));
    let ann = brat.join("a.ann").display().to_string();
    assert!(
        err.contains(&format!("{ann}:1: a line break (U+001C) inside the line")),
        "{err}"
    );
    let err = success(&eventail(&[
        &"import",
        &"brat",
        &brat,
        &"-o",
        &out,
        &"--skip-bad-lines",
    ]));
    let conf = brat.join("annotation.conf").display().to_string();
    assert!(
        err.contains(&format!("{conf}:3: a line break (U+2028) inside the line")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{conf}:5: the name \"Per\\tson\" holds a tab")),
        "{err}"
    );
    let project = load_project(&out).unwrap();
    let types: Vec<&str> = project
        .schema
        .entity_types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(types, ["Place"]);
    assert!(project.schema.relation_types.is_empty());

    // A project that already holds such names exports to CoNLL with visible escapes.
    let path = dir.path().join("q.ron");
    let text = "Daech quitte Palmyre.";
    let project = project_of(
        text,
        vec![
            mention(1, "armed\tgroup", vec![Span::new(0, 5)]),
            mention(2, "pla\u{2028}ce", vec![Span::new(13, 20)]),
        ],
    );
    save_project(&path, &project).unwrap();
    let conll = dir.path().join("q.conll");
    let warnings = export_warnings("conll", &path, &conll);
    assert!(
        warnings.contains(
            &r#"the type "armed\tgroup" holds a tab or a line break: written as armed\tgroup"#
                .to_string()
        ),
        "{warnings:#?}"
    );
    let written = std::fs::read_to_string(&conll).unwrap();
    assert_eq!(
        written,
        "# doc_id = d1\nDaech\tB-armed\\tgroup\tO\nquitte\tO\tO\n\
         Palmyre\tB-pla\\u{2028}ce\tO\n.\tO\tO\n\n"
    );
}
