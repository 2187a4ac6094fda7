//! How annotations are named to the user, the same in every panel.

use crate::model::{Document, Filler, Project};

/// One line that names an annotation for tooltips: `T3 Personne «Khaled Assaad»`.
pub fn describe(project: &Project, doc: &Document, target: Filler) -> String {
    match target {
        Filler::Mention(id) => doc.mention(id).map_or(id.to_string(), |m| {
            format!(
                "{id} {} «{}»",
                project.schema.label(&m.entity_type),
                doc.covered_text(&m.ranges)
            )
        }),
        Filler::Event(id) => doc.event(id).map_or(id.to_string(), |e| {
            let trigger = doc.covered_text(&e.trigger);
            if trigger.is_empty() {
                format!("{id} {}", project.schema.label(&e.event_type))
            } else {
                format!("{id} {} «{trigger}»", project.schema.label(&e.event_type))
            }
        }),
    }
}

/// One line that names a version of an annotation in a merge conflict: the annotation
/// as described above, with its arguments or ends, or `deleted`.
pub fn describe_version(project: &Project, doc: &Document, version: &Version<'_>) -> String {
    let text = |ranges: &[crate::model::Span]| doc.covered_text(ranges);
    match version {
        Version::Absent => "deleted".into(),
        Version::Mention(m) => format!(
            "{} «{}»{}",
            project.schema.label(&m.entity_type),
            text(&m.ranges),
            note_text(&m.note)
        ),
        Version::Event(e) => {
            let arguments: Vec<String> = e
                .arguments
                .iter()
                .map(|a| format!("{}: {}", a.role, describe(project, doc, a.filler)))
                .collect();
            format!(
                "{} «{}» [{}]{}",
                project.schema.label(&e.event_type),
                text(&e.trigger),
                arguments.join(", "),
                note_text(&e.note)
            )
        }
        Version::Relation(r) => format!(
            "{}: {} → {}{}",
            r.relation_type,
            describe(project, doc, r.arg1),
            describe(project, doc, r.arg2),
            note_text(&r.note)
        ),
    }
}

fn note_text(note: &str) -> String {
    if note.is_empty() {
        String::new()
    } else {
        format!(" (note: {note})")
    }
}

/// A version of an annotation, borrowed from the document or from a conflict.
pub enum Version<'a> {
    /// None: that side deleted it.
    Absent,
    /// A mention.
    Mention(&'a crate::model::Mention),
    /// An event.
    Event(&'a crate::model::Event),
    /// A relation.
    Relation(&'a crate::model::Relation),
}

impl<'a> Version<'a> {
    /// The version of `target` in `doc`.
    pub fn in_document(doc: &'a Document, target: crate::model::AnnotationRef) -> Self {
        use crate::model::AnnotationRef as R;
        let found = match target {
            R::Mention(id) => doc.mention(id).map(Version::Mention),
            R::Event(id) => doc.event(id).map(Version::Event),
            R::Relation(id) => doc.relation(id).map(Version::Relation),
        };
        found.unwrap_or(Version::Absent)
    }

    /// The version a conflict keeps aside.
    pub fn other(other: &'a crate::model::OtherVersion) -> Self {
        use crate::model::OtherVersion as O;
        match other {
            O::Deleted => Version::Absent,
            O::Mention(m) => Version::Mention(m),
            O::Event(e) => Version::Event(e),
            O::Relation(r) => Version::Relation(r),
        }
    }
}
