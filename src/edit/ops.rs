//! The edits a user can make, built from the current project.
//!
//! Each function checks its arguments against the project and returns an [`Edit`] to
//! hand to a [`History`](super::History); none of them changes the project itself.

use super::change::{Annotation, AnnotationKey, Change, Edit, EditError, Links};
use crate::model::{
    AnnotationRef, AttrValue, DocStatus, Document, Event, EventId, Filler, Mention, MentionId,
    Project, RoleArg, Span,
};

/// Who makes an edit and when, written on the annotations it touches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// The annotator's name.
    pub author: String,
    /// The time (RFC 3339, UTC).
    pub time: String,
}

impl Stamp {
    /// A stamp for `author` at the current time of the system clock.
    pub fn now(author: &str) -> Self {
        Self {
            author: author.to_string(),
            time: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        }
    }
}

fn doc(project: &Project, doc: usize) -> Result<&Document, EditError> {
    project.documents.get(doc).ok_or(EditError::NoDocument(doc))
}

/// Sorts and checks `ranges` against the document's text.
fn checked_ranges(document: &Document, mut ranges: Vec<Span>) -> Result<Vec<Span>, EditError> {
    ranges.sort();
    let len = document.char_len();
    for r in &ranges {
        if r.start >= r.end || r.end > len {
            return Err(EditError::BadRange {
                start: r.start,
                end: r.end,
                len,
            });
        }
    }
    Ok(ranges)
}

fn set(doc: usize, key: AnnotationKey, value: Option<Annotation>) -> Change {
    Change::SetAnnotation {
        doc,
        key,
        value: value.map(Box::new),
    }
}

/// Creates a mention of `entity_type` over `ranges`; returns the edit and the new id.
pub fn add_mention(
    project: &Project,
    doc_index: usize,
    entity_type: &str,
    ranges: Vec<Span>,
    stamp: &Stamp,
) -> Result<(Edit, MentionId), EditError> {
    let document = doc(project, doc_index)?;
    if project.schema.entity_type(entity_type).is_none() {
        return Err(EditError::UnknownType(entity_type.to_string()));
    }
    let ranges = checked_ranges(document, ranges)?;
    let id = MentionId(document.next_id);
    let mention = Mention {
        id,
        entity_type: entity_type.to_string(),
        ranges,
        attributes: Default::default(),
        note: String::new(),
        author: stamp.author.clone(),
        changed: stamp.time.clone(),
    };
    let label = format!(
        "tag “{}” as {}",
        crate::model::span::covered_text(&document.text, &mention.ranges),
        project.schema.label(entity_type)
    );
    let changes = vec![
        Change::SetNextId {
            doc: doc_index,
            next_id: document.next_id + 1,
        },
        set(
            doc_index,
            AnnotationKey::Mention(id),
            Some(Annotation::Mention(mention)),
        ),
    ];
    Ok((
        Edit {
            label,
            changes,
            doc: Some(doc_index),
        },
        id,
    ))
}

/// Changes a mention with `change` (type, note, attribute...), stamping it.
pub fn update_mention(
    project: &Project,
    doc_index: usize,
    id: MentionId,
    label: impl Into<String>,
    stamp: &Stamp,
    change: impl FnOnce(&mut Mention),
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let mut mention = document
        .mention(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?
        .clone();
    change(&mut mention);
    if project.schema.entity_type(&mention.entity_type).is_none() {
        return Err(EditError::UnknownType(mention.entity_type));
    }
    mention.ranges = checked_ranges(document, mention.ranges)?;
    mention.author = stamp.author.clone();
    mention.changed = stamp.time.clone();
    Ok(Edit {
        label: label.into(),
        changes: vec![set(
            doc_index,
            AnnotationKey::Mention(id),
            Some(Annotation::Mention(mention)),
        )],
        doc: Some(doc_index),
    })
}

/// Removes every argument and relation that points at `filler`, and its place in
/// equivalences, normalisations and comments.
fn detach(document: &Document, doc_index: usize, filler: Filler, stamp: &Stamp) -> Vec<Change> {
    let mut changes = Vec::new();
    for event in document.events_with_argument(filler) {
        let mut event = event.clone();
        event.arguments.retain(|a| a.filler != filler);
        event.author = stamp.author.clone();
        event.changed = stamp.time.clone();
        changes.push(set(
            doc_index,
            AnnotationKey::Event(event.id),
            Some(Annotation::Event(event)),
        ));
    }
    let mut gone = vec![AnnotationRef::from(filler)];
    for relation in document.relations.iter().filter(|r| r.involves(filler)) {
        changes.push(set(doc_index, AnnotationKey::Relation(relation.id), None));
        gone.push(AnnotationRef::Relation(relation.id));
    }
    let links = Links {
        equivalences: document
            .equivalences
            .iter()
            .map(|e| {
                let mut e = e.clone();
                e.members.retain(|m| *m != filler);
                e
            })
            .filter(|e| e.members.len() >= 2)
            .collect(),
        normalizations: document
            .normalizations
            .iter()
            .filter(|n| !gone.contains(&n.target))
            .cloned()
            .collect(),
        comments: document
            .comments
            .iter()
            .filter(|c| !gone.contains(&c.target))
            .cloned()
            .collect(),
    };
    if links.equivalences != document.equivalences
        || links.normalizations.len() != document.normalizations.len()
        || links.comments.len() != document.comments.len()
    {
        changes.push(Change::SetLinks {
            doc: doc_index,
            links: Box::new(links),
        });
    }
    changes
}

/// Deletes a mention, and the arguments and relations that point at it.
pub fn delete_mention(
    project: &Project,
    doc_index: usize,
    id: MentionId,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let mention = document
        .mention(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let mut changes = detach(document, doc_index, Filler::Mention(id), stamp);
    changes.push(set(doc_index, AnnotationKey::Mention(id), None));
    Ok(Edit {
        label: format!(
            "delete {} “{}”",
            project.schema.label(&mention.entity_type),
            crate::model::span::covered_text(&document.text, &mention.ranges)
        ),
        changes,
        doc: Some(doc_index),
    })
}

/// Creates an event of `event_type` with `trigger` (possibly empty); returns its id.
pub fn add_event(
    project: &Project,
    doc_index: usize,
    event_type: &str,
    trigger: Vec<Span>,
    stamp: &Stamp,
) -> Result<(Edit, EventId), EditError> {
    let document = doc(project, doc_index)?;
    if project.schema.event_type(event_type).is_none() {
        return Err(EditError::UnknownType(event_type.to_string()));
    }
    let trigger = checked_ranges(document, trigger)?;
    let id = EventId(document.next_id);
    let event = Event {
        id,
        event_type: event_type.to_string(),
        trigger,
        arguments: Vec::new(),
        attributes: Default::default(),
        note: String::new(),
        author: stamp.author.clone(),
        changed: stamp.time.clone(),
    };
    let changes = vec![
        Change::SetNextId {
            doc: doc_index,
            next_id: document.next_id + 1,
        },
        set(
            doc_index,
            AnnotationKey::Event(id),
            Some(Annotation::Event(event)),
        ),
    ];
    Ok((
        Edit {
            label: format!("add event {}", project.schema.label(event_type)),
            changes,
            doc: Some(doc_index),
        },
        id,
    ))
}

/// Changes an event with `change` (type, trigger, arguments, note...), stamping it.
pub fn update_event(
    project: &Project,
    doc_index: usize,
    id: EventId,
    label: impl Into<String>,
    stamp: &Stamp,
    change: impl FnOnce(&mut Event),
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let mut event = document
        .event(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?
        .clone();
    change(&mut event);
    if project.schema.event_type(&event.event_type).is_none() {
        return Err(EditError::UnknownType(event.event_type));
    }
    event.trigger = checked_ranges(document, event.trigger)?;
    for arg in &event.arguments {
        if arg.filler == Filler::Event(id) {
            return Err(EditError::SelfArgument);
        }
        if !document.has_filler(arg.filler) {
            return Err(EditError::NoAnnotation(arg.filler.to_string()));
        }
    }
    event.author = stamp.author.clone();
    event.changed = stamp.time.clone();
    Ok(Edit {
        label: label.into(),
        changes: vec![set(
            doc_index,
            AnnotationKey::Event(id),
            Some(Annotation::Event(event)),
        )],
        doc: Some(doc_index),
    })
}

/// Adds `filler` to `role` of an event.
pub fn add_argument(
    project: &Project,
    doc_index: usize,
    id: EventId,
    role: &str,
    filler: Filler,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let role_label = project
        .documents
        .get(doc_index)
        .and_then(|d| d.event(id))
        .and_then(|e| project.schema.event_type(&e.event_type))
        .and_then(|t| t.role(role))
        .map_or(role, |r| r.label.as_str());
    update_event(
        project,
        doc_index,
        id,
        format!("set {role_label} of {id} to {filler}"),
        stamp,
        |e| {
            e.arguments.push(RoleArg {
                role: role.to_string(),
                filler,
            })
        },
    )
}

/// Deletes an event, and the arguments and relations that point at it.
pub fn delete_event(
    project: &Project,
    doc_index: usize,
    id: EventId,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let event = document
        .event(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let mut changes = detach(document, doc_index, Filler::Event(id), stamp);
    changes.push(set(doc_index, AnnotationKey::Event(id), None));
    Ok(Edit {
        label: format!(
            "delete event {id} ({})",
            project.schema.label(&event.event_type)
        ),
        changes,
        doc: Some(doc_index),
    })
}

/// Sets or clears (`None`) an attribute of a mention or an event.
pub fn set_attribute(
    project: &Project,
    doc_index: usize,
    target: Filler,
    name: &str,
    value: Option<AttrValue>,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let label = format!("set {name} of {target}");
    let apply = |attrs: &mut crate::model::Attributes| match value {
        Some(v) => {
            attrs.insert(name.to_string(), v);
        }
        None => {
            attrs.remove(name);
        }
    };
    match target {
        Filler::Mention(id) => update_mention(project, doc_index, id, label, stamp, |m| {
            apply(&mut m.attributes)
        }),
        Filler::Event(id) => update_event(project, doc_index, id, label, stamp, |e| {
            apply(&mut e.attributes)
        }),
    }
}

/// Sets the status of a document.
pub fn set_status(
    project: &Project,
    doc_index: usize,
    status: DocStatus,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    Ok(Edit {
        label: format!("mark “{}” {}", document.name, status.label()),
        changes: vec![Change::SetStatus {
            doc: doc_index,
            status,
        }],
        doc: Some(doc_index),
    })
}

/// Appends documents to the project (after an import).
pub fn add_documents(project: &Project, documents: Vec<Document>) -> Edit {
    let first = project.documents.len();
    let label = match documents.len() {
        1 => "import 1 document".to_string(),
        n => format!("import {n} documents"),
    };
    Edit {
        label,
        changes: documents
            .into_iter()
            .enumerate()
            .map(|(i, d)| Change::InsertDocument {
                index: first + i,
                document: Box::new(d),
            })
            .collect(),
        doc: Some(first),
    }
}
