//! The article the speed benchmarks draw: about 1 MB of French-like text with 20,000
//! mentions, and (for the whole app) 2,000 events, generated so that no file is
//! committed.

use eventail::model::{
    Document, Event, EventId, Filler, Mention, MentionId, Project, RoleArg, Span,
};

const WORDS: [&str; 12] = [
    "Palmyre",
    "l’armée",
    "syrienne",
    "a",
    "repris",
    "la",
    "cité",
    "antique",
    "après",
    "des",
    "combats",
    "«\u{a0}violents\u{a0}»",
];

/// About 1 MB of French-like text in paragraphs of ~700 characters, with 20,000
/// mentions spread over it (some nested).
pub fn big_project() -> Project {
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < 1_000_000 {
        let paragraph: Vec<&str> = (0..100).map(|k| WORDS[(i + k * 7) % WORDS.len()]).collect();
        text.push_str(&paragraph.join(" "));
        text.push_str(".\n\n");
        i += 1;
    }
    let chars = text.chars().count();
    let mut doc = Document::new("big", "Big", text);
    let step = chars / 20_000;
    for n in 0..20_000u32 {
        let start = n as usize * step;
        let len = if n % 10 == 0 { 30 } else { 7 };
        doc.mentions.push(Mention {
            id: MentionId(n + 1),
            entity_type: ["person", "place", "armed_group"][n as usize % 3].into(),
            ranges: vec![Span::new(start, (start + len).min(chars))],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
    }
    doc.next_id = 20_001;
    let mut project = Project::new("bench", eventail::io::default_schema());
    project.documents.push(doc);
    project
}

/// [`big_project`] with 2,000 events: every tenth mention a trigger, each event with
/// one argument per role of its type (the next mentions).
#[allow(dead_code)]
pub fn big_project_with_events() -> Project {
    let mut project = big_project();
    let event_types = project.schema.event_types.clone();
    let doc = &mut project.documents[0];
    for n in 0..2_000u32 {
        let event_type = &event_types[n as usize % event_types.len()];
        let trigger = doc.mentions[n as usize * 10 + 5].ranges.clone();
        let arguments = event_type
            .roles
            .iter()
            .enumerate()
            .map(|(k, role)| RoleArg {
                role: role.name.clone(),
                filler: Filler::Mention(MentionId(n * 10 + 1 + k as u32 % 4)),
            })
            .collect();
        doc.events.push(Event {
            id: EventId(20_001 + n),
            event_type: event_type.name.clone(),
            trigger,
            arguments,
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
    }
    doc.next_id = 22_001;
    project
}
