//! Comparing and merging two annotators' projects of 1,000 articles (about 2.5 KB of
//! text, 50 mentions and 10 events of 3 arguments each per article; the second
//! annotator retypes one mention in 7, leaves out one in 11 and adds an argument to one
//! event in 3): what `eventail agree` and `eventail merge` cost beside loading the two
//! files, which they must do anyway.
//!
//! - `load_both`: both project files parsed and validated (`io::project_from_str`);
//! - `agree`: the alignment and every figure `agree` prints (`agreement_report`);
//! - `merge_edit`: the merge into an empty gold project (majority), report included;
//! - `open_items` and `progress`: what is left to adjudicate after that merge.
//!
//! Run: `cargo bench --bench agree`.

// A benchmark states what it expects with expect/unwrap, as tests do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use divan::Bencher;
use eventail::edit::Stamp;
use eventail::io::{default_schema, project_from_str, project_to_string};
use eventail::model::{
    Document, Event, EventId, Filler, Mention, MentionId, Project, RoleArg, Span,
};
use eventail::review::align;
use eventail::review::merge::{self, Source, Strategy};
use eventail::review::report::agreement_report;
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    // Made before the table is printed, so that its size does not land in it.
    LazyLock::force(&FILES);
    divan::main();
}

const DOCUMENTS: usize = 1_000;
const WORDS: usize = 400;
/// A mention every this many words: 50 per article.
const MENTION_EVERY: usize = 8;

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

/// Article `n`: its text, 50 mentions on words, 10 attacks on other words with three
/// arguments each.
fn article(n: usize) -> Document {
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
    for e in 0..10 {
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
            trigger: vec![words[e * 40 + 4]],
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
fn second_version(mut doc: Document) -> Document {
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

fn project(name: &str, documents: Vec<Document>) -> Project {
    let mut p = Project::new(name, default_schema());
    p.annotators = vec![name.into()];
    p.documents = documents;
    p
}

/// The two project files, as text.
static FILES: LazyLock<(String, String)> = LazyLock::new(|| {
    let a: Vec<Document> = (0..DOCUMENTS).map(article).collect();
    let b: Vec<Document> = a.iter().cloned().map(second_version).collect();
    let text = |p: &Project| project_to_string(p).unwrap();
    let files = (text(&project("ana", a)), text(&project("bob", b)));
    eprintln!(
        "two projects of {DOCUMENTS} articles: {} KB and {} KB of RON",
        files.0.len() / 1024,
        files.1.len() / 1024
    );
    files
});

/// The two projects, loaded.
static PROJECTS: LazyLock<(Project, Project)> = LazyLock::new(|| {
    let path = Path::new("bench.ron");
    (
        project_from_str(&FILES.0, path).unwrap(),
        project_from_str(&FILES.1, path).unwrap(),
    )
});

fn sources() -> Vec<Source<'static>> {
    let (a, b) = &*PROJECTS;
    Source::named([(a, "a".to_string()), (b, "b".to_string())])
}

/// The gold project merged from both, majority.
static GOLD: LazyLock<Project> = LazyLock::new(|| {
    let mut gold = Project::new("gold", default_schema());
    let (edit, _) =
        merge::merge_edit(&gold, &sources(), Strategy::Majority, &Stamp::default()).unwrap();
    edit.apply(&mut gold).unwrap();
    gold
});

#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_both(bencher: Bencher) {
    let (a, b) = &*FILES;
    let path = Path::new("bench.ron");
    bencher.bench(|| {
        (
            project_from_str(a, path).unwrap(),
            project_from_str(b, path).unwrap(),
        )
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn agree(bencher: Bencher) {
    let (a, b) = &*PROJECTS;
    let names = ["a.ron".to_string(), "b.ron".to_string()];
    bencher.bench(|| {
        let alignment = align(&[a, b]);
        agreement_report(&alignment, &names)
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn merge_edit(bencher: Bencher) {
    let sources = sources();
    let gold = Project::new("gold", default_schema());
    bencher.bench(|| {
        merge::merge_edit(&gold, &sources, Strategy::Majority, &Stamp::default()).unwrap()
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_items(bencher: Bencher) {
    let sources = sources();
    let gold = &*GOLD;
    bencher.bench(|| merge::open_items(gold, &sources));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn progress(bencher: Bencher) {
    let sources = sources();
    let gold = &*GOLD;
    bencher.bench(|| merge::progress(gold, &sources));
}
