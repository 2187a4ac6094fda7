//! Helpers shared by the format tests, and by the model's and the merge's: spans found
//! by their text, and annotations with nothing but what a test sets.

use crate::model::{Event, EventId, Mention, MentionId, Span};

/// The char span of the first `needle` in `text`.
pub(crate) fn span(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// A mention with no attribute, note or author.
pub(crate) fn mention(id: u32, entity_type: &str, ranges: Vec<Span>) -> Mention {
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

/// An event with no argument, attribute, note or author.
pub(crate) fn event(id: u32, event_type: &str, trigger: Vec<Span>) -> Event {
    Event {
        id: EventId(id),
        event_type: event_type.into(),
        trigger,
        arguments: vec![],
        attributes: Default::default(),
        note: String::new(),
        author: String::new(),
        changed: String::new(),
        sources: Vec::new(),
    }
}

/// The sample project (`projects/palmyre.ron`), as the app opens it.
pub(crate) fn palmyre() -> crate::model::Project {
    crate::io::load_project(std::path::Path::new("projects/palmyre.ron"))
        .unwrap_or_else(|e| panic!("sample: {e}"))
}
