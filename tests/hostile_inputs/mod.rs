//! Inputs shaped to cost too much, made once for the tests that check what they give
//! (`tests/hostile_input.rs`) and the benchmarks that measure what they cost
//! (`benches/hostile.rs`), so that both speak of the same files.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::model::{
    Document, EntityType, Event, EventId, EventType, Filler, Mention, MentionId, Project, Role,
    RoleArg, Schema, Span,
};
use std::fmt::Write as _;

/// The text of every document here.
const TEXT: &str = "Palmyre reprise.";

/// A brat collection of one document with `annotation.conf` and `ann`.
pub fn brat_collection(conf: &str, ann: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("annotation.conf"), conf).unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    std::fs::write(dir.path().join("a.ann"), ann).unwrap();
    dir
}

/// 188 KB of event types (about 12,000), each with a role that any event type fills:
/// expanded in full, 144 million names.
pub fn event_macro_conf() -> String {
    let mut conf = String::from("[entities]\nPerson\n[relations]\n[attributes]\n[events]\n");
    let mut i = 0;
    while conf.len() < 188_000 {
        let _ = writeln!(conf, "V{i}\tA:<EVENT>");
        i += 1;
    }
    conf
}

/// `n` entity types and `n` event types, each with a role.
pub fn many_types_conf(n: usize) -> String {
    let mut conf = String::from("[entities]\n");
    for i in 0..n {
        let _ = writeln!(conf, "ent{i}");
    }
    conf.push_str("[relations]\n[attributes]\n[events]\n");
    for i in 0..n {
        let _ = writeln!(conf, "evt{i}\tAgent:ent{i}");
    }
    conf
}

/// A configuration of statements about events, and an `.ann` file of `n` statements,
/// each but the last about the next.
pub fn brat_chain(n: usize) -> (String, String) {
    let conf = "[entities]\n[events]\nStatement\tTopic*:<EVENT>\n".to_string();
    let mut ann = String::from("T1\tStatement 0 7\tPalmyre\n");
    for i in 1..n {
        let _ = writeln!(ann, "E{i}\tStatement:T1 Topic:E{}", i + 1);
    }
    let _ = writeln!(ann, "E{n}\tStatement:T1");
    (conf, ann)
}

/// `n` doccano lines with one id, `d`.
pub fn same_id_jsonl(n: usize) -> String {
    format!("{{\"id\": \"d\", \"text\": \"{TEXT}\"}}\n").repeat(n)
}

/// A project of `n` documents with one id, `d`.
pub fn same_id_project(n: usize) -> Project {
    let mut project = Project::new("same", Schema::default());
    project.documents = (0..n).map(|_| Document::new("d", "d", TEXT)).collect();
    project
}

/// An event without a trigger.
fn event(id: u32, event_type: &str, arguments: Vec<RoleArg>) -> Event {
    Event {
        id: EventId(id),
        event_type: event_type.into(),
        trigger: Vec::new(),
        arguments,
        attributes: Default::default(),
        note: String::new(),
        author: String::new(),
        changed: String::new(),
        sources: Vec::new(),
    }
}

/// One document of `n` statements, each but the last about the next.
pub fn chain_project(n: u32) -> Project {
    let mut doc = Document::new("d", "d", TEXT);
    for i in 1..=n {
        let topic = RoleArg {
            role: "topic".into(),
            filler: Filler::Event(EventId(i + 1)),
        };
        let arguments = if i < n { vec![topic] } else { Vec::new() };
        doc.events.push(event(i, "statement", arguments));
    }
    doc.next_id = n + 1;
    let mut project = Project::new("chain", eventail::io::default_schema());
    project.documents.push(doc);
    project
}

/// `n` entity types `ent0`... and `n` event types `evt0`..., with a mention of each
/// entity type and an event of each event type with that mention as argument (role
/// `role0`...).
pub fn many_types_project(n: u32) -> Project {
    let mut schema = Schema::default();
    let mut doc = Document::new("d", "d", TEXT);
    for i in 0..n {
        let entity = format!("ent{i}");
        schema.entity_types.push(EntityType {
            group: String::new(),
            name: entity.clone(),
            label: entity.clone(),
            color: Default::default(),
            shortcut: None,
        });
        schema.event_types.push(EventType {
            group: String::new(),
            name: format!("evt{i}"),
            label: format!("evt{i}"),
            color: Default::default(),
            shortcut: None,
            roles: vec![Role {
                name: format!("role{i}"),
                label: format!("role{i}"),
                fillers: vec![entity.clone()],
                cardinality: Default::default(),
            }],
        });
        doc.mentions.push(Mention {
            id: MentionId(i + 1),
            entity_type: entity,
            ranges: vec![Span::new(0, 7)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        let argument = RoleArg {
            role: format!("role{i}"),
            filler: Filler::Mention(MentionId(i + 1)),
        };
        doc.events
            .push(event(n + i + 1, &format!("evt{i}"), vec![argument]));
    }
    doc.next_id = 2 * n + 1;
    let mut project = Project::new("types", schema);
    project.documents.push(doc);
    project
}

/// The three sides of a merge in which ids collide by the ten thousand: from one empty
/// document, ours makes it [`chain_project`] (40,000 nested events) and theirs
/// [`many_types_project`] (50,000 types, 100,000 annotations), from the same ids up.
pub fn colliding_merge() -> (Project, Project, Project) {
    let mut base = chain_project(0);
    base.documents[0].next_id = 1;
    (base, chain_project(40_000), many_types_project(50_000))
}
