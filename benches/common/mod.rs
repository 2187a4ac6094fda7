//! The projects that the benchmarks of the project file, the formats and the review work
//! on, made here once so that every figure is about the same input: articles of about
//! 2 KB of multilingual text (accents, typographic apostrophes, no-break spaces, Arabic),
//! each with 50 mentions and 10 events of three arguments, and a second annotator's
//! version of them (one mention in 7 retyped, one in 11 left out, an argument added to
//! one event in 3). Nothing is read from disk: the inputs are made by the benchmark.

// Each benchmark uses the part of this module it needs.
#![allow(dead_code)]

use eventail::io::default_schema;
use eventail::model::{
    Document, Event, EventId, Filler, Mention, MentionId, Project, RoleArg, Span,
};

/// Words per article: about 2 KB of text.
pub const WORDS: usize = 300;
/// A mention every this many words: 50 per article.
pub const MENTION_EVERY: usize = 6;
/// Events per article.
pub const EVENTS: usize = 10;

const POOL: [&str; 24] = [
    "Palmyre",
    "l’armée",
    "syrienne",
    "a",
    "repris",
    "la",
    "ville",
    "antique",
    "après",
    "des",
    "combats",
    "contre",
    "Daech",
    "«\u{a0}État",
    "islamique\u{a0}»",
    "le",
    "27",
    "mars",
    "2016",
    "Assad",
    "Moscou",
    "frappes",
    "aériennes",
    "تدمر",
];

const TYPES: [&str; 4] = ["person", "armed_group", "place", "date"];
const ROLES: [&str; 3] = ["attacker", "target", "place"];

/// Article `n`: its text, 50 mentions on words, 10 attacks triggered by other words with
/// three arguments each.
pub fn article(n: usize) -> Document {
    let mut text = format!("Article {n}. ");
    let mut words = Vec::with_capacity(WORDS);
    let mut at = text.chars().count();
    for w in 0..WORDS {
        let word = POOL[(n * 7 + w * 13) % POOL.len()];
        let len = word.chars().count();
        words.push(Span::new(at, at + len));
        text.push_str(word);
        text.push(if w % 15 == 14 { '\n' } else { ' ' });
        at += len + 1;
    }
    let mut doc = Document::new(format!("d{n}"), format!("article {n}"), text);
    let mut id = 1;
    for (k, w) in (0..WORDS).step_by(MENTION_EVERY).enumerate() {
        doc.mentions.push(Mention {
            id: MentionId(id),
            entity_type: TYPES[(n + k) % TYPES.len()].into(),
            ranges: vec![words[w]],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        id += 1;
    }
    for e in 0..EVENTS {
        let arguments = ROLES
            .iter()
            .enumerate()
            .map(|(r, role)| RoleArg {
                role: (*role).into(),
                filler: Filler::Mention(MentionId(1 + (e * 5 + r) as u32)),
            })
            .collect();
        doc.events.push(Event {
            id: EventId(id),
            event_type: "attack".into(),
            // Between two mentions: a trigger of its own.
            trigger: vec![words[e * (WORDS / EVENTS) + MENTION_EVERY / 2]],
            arguments,
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        id += 1;
    }
    doc.next_id = id;
    doc
}

/// The second annotator's version of `doc`.
pub fn second_version(mut doc: Document) -> Document {
    for (k, m) in doc.mentions.iter_mut().enumerate() {
        if k % 7 == 3 {
            m.entity_type = "organisation".into();
        }
    }
    let dropped: Vec<MentionId> = doc.mentions.iter().step_by(11).map(|m| m.id).collect();
    doc.mentions.retain(|m| !dropped.contains(&m.id));
    for (k, e) in doc.events.iter_mut().enumerate() {
        e.arguments
            .retain(|a| !matches!(a.filler, Filler::Mention(id) if dropped.contains(&id)));
        if k % 3 == 0
            && let Some(m) = doc.mentions.get(k * 4 + 3)
        {
            e.arguments.push(RoleArg {
                role: "supporter".into(),
                filler: Filler::Mention(m.id),
            });
        }
    }
    doc
}

/// A project of the default schema annotated by `name`, holding `documents`.
pub fn project(name: &str, documents: Vec<Document>) -> Project {
    let mut p = Project::new(name, default_schema());
    p.annotators = vec![name.into()];
    p.documents = documents.into();
    p
}

/// The first annotator's project of `documents` articles.
pub fn first_project(documents: usize) -> Project {
    project("ana", (0..documents).map(article).collect())
}

/// The second annotator's project of the same `documents` articles.
pub fn second_project(documents: usize) -> Project {
    let docs = (0..documents).map(|n| second_version(article(n))).collect();
    project("bob", docs)
}
