//! The edits a user can make, built from the current project.
//!
//! Each function checks its arguments against the project and returns an [`Edit`] to
//! hand to a [`History`](super::History); none of them changes the project itself.

use super::change::{Annotation, AnnotationKey, Change, Edit, EditError, Links};
use crate::model::{
    AnnotationRef, AttrValue, Conflict, DocStatus, Document, Event, EventId, Filler, Mention,
    MentionId, OtherVersion, Project, RoleArg, Span,
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

/// `edit`, which `author` makes, with `author` added to the project's annotators if
/// they are not listed yet: a project lists everyone who annotated it.
pub fn listing_author(project: &Project, mut edit: Edit, author: &str) -> Edit {
    if !author.is_empty() && !project.annotators.iter().any(|a| a == author) {
        let mut annotators = project.annotators.clone();
        annotators.push(author.to_string());
        edit.changes.push(Change::SetAnnotators { annotators });
    }
    edit
}

pub(super) fn doc(project: &Project, doc: usize) -> Result<&Document, EditError> {
    project.documents.get(doc).ok_or(EditError::NoDocument(doc))
}

/// Sorts and checks `ranges` against the document's text.
pub(super) fn checked_ranges(
    document: &Document,
    mut ranges: Vec<Span>,
) -> Result<Vec<Span>, EditError> {
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

/// The id of a new annotation of `document` and the counter after it; an error rather
/// than an overflow when no id is left, so that an id is never handed out twice.
pub(super) fn fresh_id(document: &Document) -> Result<(u32, u32), EditError> {
    document.fresh_id().ok_or_else(|| EditError::IdsExhausted {
        document: document.id.clone(),
    })
}

pub(super) fn set(doc: usize, key: AnnotationKey, value: Option<Annotation>) -> Change {
    Change::SetAnnotation {
        doc,
        key,
        value: value.map(Box::new),
    }
}

/// The edit that creates `annotation` under `key` with the counter moved to `next_id`.
pub(super) fn creation(
    doc_index: usize,
    next_id: u32,
    key: AnnotationKey,
    annotation: Annotation,
    label: String,
) -> Edit {
    Edit {
        label,
        changes: vec![
            Change::SetNextId {
                doc: doc_index,
                next_id,
            },
            set(doc_index, key, Some(annotation)),
        ],
        doc: Some(doc_index),
    }
}

/// A new mention, stamped, with no attribute or note.
pub(crate) fn new_mention(
    id: MentionId,
    entity_type: &str,
    ranges: Vec<Span>,
    stamp: &Stamp,
) -> Mention {
    Mention {
        id,
        entity_type: entity_type.to_string(),
        ranges,
        attributes: Default::default(),
        note: String::new(),
        author: stamp.author.clone(),
        changed: stamp.time.clone(),
        sources: Vec::new(),
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
    let (fresh, next_id) = fresh_id(document)?;
    let id = MentionId(fresh);
    let mention = new_mention(id, entity_type, ranges, stamp);
    let label = format!(
        "tag “{}” as {}",
        document.covered_text(&mention.ranges),
        project.schema.label(entity_type)
    );
    let key = AnnotationKey::Mention(id);
    let edit = creation(doc_index, next_id, key, Annotation::Mention(mention), label);
    Ok((edit, id))
}

/// Creates one mention of `entity_type` per `(document index, span)` target, as one
/// edit ("Annotate all"); returns the edit and the new ids, in the order of `targets`.
///
/// Each document's ids are handed out from its counter in turn, so they are fresh and
/// distinct, and its counter is set once, past the last.
pub fn add_mentions(
    project: &Project,
    entity_type: &str,
    targets: &[(usize, Span)],
    stamp: &Stamp,
) -> Result<(Edit, Vec<(usize, MentionId)>), EditError> {
    if project.schema.entity_type(entity_type).is_none() {
        return Err(EditError::UnknownType(entity_type.to_string()));
    }
    let mut next: std::collections::BTreeMap<usize, u32> = std::collections::BTreeMap::new();
    let mut changes = Vec::with_capacity(targets.len() + 1);
    let mut ids = Vec::with_capacity(targets.len());
    for &(doc_index, span) in targets {
        let document = doc(project, doc_index)?;
        let ranges = checked_ranges(document, vec![span])?;
        let counter = next.entry(doc_index).or_insert(document.next_id);
        let fresh = *counter;
        *counter = fresh
            .checked_add(1)
            .ok_or_else(|| EditError::IdsExhausted {
                document: document.id.clone(),
            })?;
        let id = MentionId(fresh);
        let mention = new_mention(id, entity_type, ranges, stamp);
        changes.push(set(
            doc_index,
            AnnotationKey::Mention(id),
            Some(Annotation::Mention(mention)),
        ));
        ids.push((doc_index, id));
    }
    for (&doc_index, &next_id) in &next {
        changes.push(Change::SetNextId {
            doc: doc_index,
            next_id,
        });
    }
    let text = match targets.first() {
        Some(&(d, span)) => doc(project, d)
            .ok()
            .and_then(|document| crate::model::span::slice(&document.text, span))
            .unwrap_or_default()
            .to_string(),
        None => String::new(),
    };
    let label = format!(
        "tag {} × “{text}” as {}",
        targets.len(),
        project.schema.label(entity_type)
    );
    Ok((
        Edit {
            label,
            changes,
            doc: targets.first().map(|&(d, _)| d),
        },
        ids,
    ))
}

/// Changes a mention with `change` (type, note, attribute...), stamping it.
///
/// Crate-private: the GUI calls the named edits ([`set_mention_type`], [`set_note`]...),
/// so that no edit logic lives in its closures.
pub(super) fn update_mention(
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
/// equivalences, normalisations, comments and merge conflicts.
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
    if let Some(conflicts) = detached_conflicts(document, filler, &gone) {
        changes.push(Change::SetConflicts {
            doc: doc_index,
            conflicts,
        });
    }
    changes
}

/// The merge conflicts of `document` once `filler`, and the annotations in `gone`, are
/// deleted, if that changes them: a version set aside loses its arguments that point at
/// `filler`, as the events in place do; one that is a relation with `filler` at an end
/// goes, as the relations in place do; a conflict between a change and a deletion of
/// an annotation now deleted is over. The document then still validates.
fn detached_conflicts(
    document: &Document,
    filler: Filler,
    gone: &[AnnotationRef],
) -> Option<Vec<Conflict>> {
    let mut changed = false;
    let mut conflicts = Vec::with_capacity(document.conflicts.len());
    for c in &document.conflicts {
        let mut c = c.clone();
        let keep = match &mut c.other {
            OtherVersion::Deleted => !gone.contains(&c.target),
            OtherVersion::Relation(r) => !r.involves(filler),
            OtherVersion::Event(e) => {
                let before = e.arguments.len();
                e.arguments.retain(|a| a.filler != filler);
                changed |= e.arguments.len() != before;
                true
            }
            OtherVersion::Mention(_) => true,
        };
        changed |= !keep;
        if keep {
            conflicts.push(c);
        }
    }
    changed.then_some(conflicts)
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
            document.covered_text(&mention.ranges)
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
    let (fresh, next_id) = fresh_id(document)?;
    let id = EventId(fresh);
    let event = Event {
        id,
        event_type: event_type.to_string(),
        trigger,
        arguments: Vec::new(),
        attributes: Default::default(),
        note: String::new(),
        author: stamp.author.clone(),
        changed: stamp.time.clone(),
        sources: Vec::new(),
    };
    let label = format!("add event {}", project.schema.label(event_type));
    let key = AnnotationKey::Event(id);
    Ok((
        creation(doc_index, next_id, key, Annotation::Event(event), label),
        id,
    ))
}

/// Changes an event with `change` (type, trigger, arguments, note...), stamping it.
///
/// Crate-private for the same reason as [`update_mention`].
pub(super) fn update_event(
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
    if document.any_contains_event(event.arguments.iter().map(|a| a.filler), id) {
        return Err(EditError::SelfArgument);
    }
    for arg in &event.arguments {
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
    let role_label = role_label(project, doc_index, id, role);
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

/// The schema's label of `role` of the event `id`, or the role's name.
pub(super) fn role_label<'a>(
    project: &'a Project,
    doc_index: usize,
    id: EventId,
    role: &'a str,
) -> &'a str {
    project
        .documents
        .get(doc_index)
        .and_then(|d| d.event(id))
        .and_then(|e| project.schema.event_type(&e.event_type))
        .and_then(|t| t.role(role))
        .map_or(role, |r| r.label.as_str())
}

/// Removes the argument at `index` (from 0, in the order they were added) of an event.
pub fn remove_argument(
    project: &Project,
    doc_index: usize,
    id: EventId,
    index: usize,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let event = doc(project, doc_index)?
        .event(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let arg = event.arguments.get(index).ok_or(EditError::NoArgument {
        event: id,
        index,
        count: event.arguments.len(),
    })?;
    let label = format!(
        "remove {} as {} of {id}",
        arg.filler,
        role_label(project, doc_index, id, &arg.role)
    );
    // `index` was checked against this very event just above.
    update_event(project, doc_index, id, label, stamp, |e| {
        e.arguments.remove(index);
    })
}

/// Gives a mention another entity type of the schema.
pub fn set_mention_type(
    project: &Project,
    doc_index: usize,
    id: MentionId,
    entity_type: &str,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let label = format!(
        "change type of {id} to {}",
        project.schema.label(entity_type)
    );
    update_mention(project, doc_index, id, label, stamp, |m| {
        m.entity_type = entity_type.to_string()
    })
}

/// Gives an event another event type of the schema (its arguments stay).
pub fn set_event_type(
    project: &Project,
    doc_index: usize,
    id: EventId,
    event_type: &str,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let label = format!(
        "change type of {id} to {}",
        project.schema.label(event_type)
    );
    update_event(project, doc_index, id, label, stamp, |e| {
        e.event_type = event_type.to_string()
    })
}

/// Sets the trigger of an event; an empty `trigger` removes it (some events have no
/// single word).
pub fn set_trigger(
    project: &Project,
    doc_index: usize,
    id: EventId,
    trigger: Vec<Span>,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let trigger = checked_ranges(document, trigger)?;
    let label = if trigger.is_empty() {
        format!("remove trigger of {id}")
    } else {
        format!(
            "set trigger of {id} to “{}”",
            document.covered_text(&trigger)
        )
    };
    update_event(project, doc_index, id, label, stamp, |e| {
        e.trigger = trigger
    })
}

/// Replaces the note of a mention or an event; an empty `note` clears it.
pub fn set_note(
    project: &Project,
    doc_index: usize,
    target: Filler,
    note: String,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let label = if note.is_empty() {
        format!("clear note of {target}")
    } else {
        format!("edit note of {target}")
    };
    match target {
        Filler::Mention(id) => update_mention(project, doc_index, id, label, stamp, |m| {
            m.note = note;
        }),
        Filler::Event(id) => update_event(project, doc_index, id, label, stamp, |e| {
            e.note = note;
        }),
    }
}

/// Deletes a mention or an event; see [`delete_mention`] and [`delete_event`].
pub fn delete(
    project: &Project,
    doc_index: usize,
    target: Filler,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    match target {
        Filler::Mention(id) => delete_mention(project, doc_index, id, stamp),
        Filler::Event(id) => delete_event(project, doc_index, id, stamp),
    }
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
    // An incident never keeps a report of an event that is gone.
    let report = crate::model::Report::new(&document.id, id);
    changes.extend(super::incident_ops::unlink_change(project, &report, stamp));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;

    const TEXT: &str = "Daech attaque Palmyre.";

    /// "Daech attaque Palmyre.": T1 armed group, T2 place, E3 attack (attacker T1,
    /// place T2), built with the edits themselves.
    fn sample() -> Project {
        let mut project = Project::new("p", crate::io::default_schema());
        project.documents.push(Document::new("d", "d", TEXT));
        let s = stamp();
        let (edit, daech) =
            add_mention(&project, 0, "armed_group", vec![Span::new(0, 5)], &s).expect("T1");
        edit.apply(&mut project).expect("apply");
        let (edit, palmyre) =
            add_mention(&project, 0, "place", vec![Span::new(14, 21)], &s).expect("T2");
        edit.apply(&mut project).expect("apply");
        let (edit, attack) =
            add_event(&project, 0, "attack", vec![Span::new(6, 13)], &s).expect("E3");
        edit.apply(&mut project).expect("apply");
        for (role, filler) in [
            ("attacker", Filler::Mention(daech)),
            ("place", Filler::Mention(palmyre)),
        ] {
            add_argument(&project, 0, attack, role, filler, &s)
                .expect("argument")
                .apply(&mut project)
                .expect("apply");
        }
        project
    }

    #[test]
    fn add_mentions_hands_out_distinct_ids_in_several_documents_as_one_edit() {
        let mut project = sample();
        project
            .documents
            .push(Document::new("e", "e", "Palmyre, encore Palmyre."));
        let targets = [
            (0, Span::new(0, 5)),
            (1, Span::new(0, 7)),
            (1, Span::new(16, 23)),
        ];
        let (edit, ids) = add_mentions(&project, "place", &targets, &stamp()).expect("edit");
        let before = (project.documents[0].next_id, project.documents[1].next_id);
        assert_eq!(
            ids,
            vec![
                (0, MentionId(before.0)),
                (1, MentionId(before.1)),
                (1, MentionId(before.1 + 1)),
            ]
        );
        let (edited, label) = apply_and_undo(&project, edit);
        assert!(label.starts_with("tag 3 ×"), "{label}");
        assert_eq!(edited.documents[0].next_id, before.0 + 1);
        assert_eq!(edited.documents[1].next_id, before.1 + 2);
        assert_eq!(edited.documents[1].mentions.len(), 2);
        assert!(crate::model::validate(&edited).is_empty());
        let bad = add_mentions(&project, "place", &[(1, Span::new(0, 99))], &stamp());
        assert!(matches!(bad, Err(EditError::BadRange { .. })));
    }

    fn stamp() -> Stamp {
        Stamp {
            author: "ana".into(),
            time: "2026-01-02T03:04:05Z".into(),
        }
    }

    /// Applies `edit` through a history, checks that undo gives back the project exactly
    /// and redo the edited one; returns the edited project and the edit's label.
    fn apply_and_undo(project: &Project, edit: Edit) -> (Project, String) {
        let label = edit.label.clone();
        let mut edited = project.clone();
        let mut history = History::default();
        history.apply(&mut edited, edit).expect("apply");
        assert_eq!(history.undo_label(), Some(label.as_str()));
        let after = edited.clone();
        history.undo(&mut edited).expect("undo");
        assert_eq!(&edited, project, "undo restores the project exactly");
        history.redo(&mut edited).expect("redo");
        assert_eq!(edited, after, "redo gives the edit back");
        (after, label)
    }

    const T1: MentionId = MentionId(1);
    const T2: MentionId = MentionId(2);
    const E3: EventId = EventId(3);

    #[test]
    fn an_exhausted_document_refuses_new_annotations_and_stays_as_it_was() {
        let mut project = sample();
        project.documents[0].next_id = u32::MAX - 1;
        // The last id is handed out...
        let (edit, id) = add_mention(&project, 0, "place", vec![Span::new(0, 5)], &stamp())
            .expect("one id left");
        assert_eq!(id, MentionId(u32::MAX - 1));
        let (project, _) = apply_and_undo(&project, edit);
        assert_eq!(project.documents[0].next_id, u32::MAX);
        // ...then none is: an error naming the document, not an overflow.
        let before = project.clone();
        let exhausted = EditError::IdsExhausted {
            document: "d".into(),
        };
        let err = add_mention(&project, 0, "place", vec![Span::new(0, 5)], &stamp())
            .expect_err("no id left");
        assert_eq!(err, exhausted);
        assert!(err.to_string().contains("document \"d\""), "{err}");
        assert!(err.to_string().contains("4294967295"), "{err}");
        let err = add_event(&project, 0, "attack", Vec::new(), &stamp()).expect_err("no id");
        assert_eq!(err, exhausted);
        assert_eq!(project, before, "nothing changed");
    }

    #[test]
    fn deleting_an_annotation_keeps_the_merge_conflicts_valid() {
        let mut project = sample();
        let doc = &project.documents[0];
        let mut other_e3 = doc.events[0].clone();
        other_e3.note = "theirs".into();
        let conflicts = vec![
            // E3 changed on both sides: the version set aside has T1 as attacker.
            Conflict {
                target: AnnotationRef::Event(E3),
                kept: "ana".into(),
                other_side: "ben".into(),
                other: OtherVersion::Event(other_e3),
            },
            // T1 changed by ana, deleted by ben.
            Conflict {
                target: AnnotationRef::Mention(T1),
                kept: "ana".into(),
                other_side: "ben".into(),
                other: OtherVersion::Deleted,
            },
            // T2 changed by both: untouched by the deletion of T1.
            Conflict {
                target: AnnotationRef::Mention(T2),
                kept: "ana".into(),
                other_side: "ben".into(),
                other: OtherVersion::Mention(doc.mentions[1].clone()),
            },
        ];
        project.documents[0].conflicts = conflicts.clone();
        assert_eq!(crate::model::validate(&project), []);
        let edit = delete_mention(&project, 0, T1, &stamp()).expect("delete");
        let (after, _) = apply_and_undo(&project, edit);
        assert_eq!(crate::model::validate(&after), []);
        let left = &after.documents[0].conflicts;
        assert_eq!(left.len(), 2, "{left:?}");
        let OtherVersion::Event(e3) = &left[0].other else {
            panic!("{left:?}");
        };
        assert_eq!(e3.arguments.len(), 1);
        assert_eq!(left[1], conflicts[2]);
    }

    #[test]
    fn set_mention_type_changes_only_the_type_and_stamps_the_mention() {
        let project = sample();
        let mut s = stamp();
        s.author = "bob".into();
        let edit = set_mention_type(&project, 0, T2, "site", &s).expect("edit");
        let (after, label) = apply_and_undo(&project, edit);
        assert_eq!(label, "change type of T2 to Site / bâtiment");
        let m = after.documents[0].mention(T2).expect("T2");
        assert_eq!(m.entity_type, "site");
        assert_eq!(m.ranges, vec![Span::new(14, 21)]);
        assert_eq!(m.author, "bob");
        assert_eq!(
            set_mention_type(&project, 0, T2, "planet", &s),
            Err(EditError::UnknownType("planet".into()))
        );
        assert_eq!(
            set_mention_type(&project, 0, MentionId(9), "site", &s),
            Err(EditError::NoAnnotation("T9".into()))
        );
        assert_eq!(
            set_mention_type(&project, 4, T2, "site", &s),
            Err(EditError::NoDocument(4))
        );
    }

    #[test]
    fn an_event_cannot_contain_itself_even_through_other_events() {
        let mut project = sample();
        let s = stamp();
        let (edit, e4) = add_event(&project, 0, "statement", Vec::new(), &s).expect("E4");
        edit.apply(&mut project).expect("apply");
        add_argument(&project, 0, e4, "topic", Filler::Event(E3), &s)
            .expect("E3 in E4")
            .apply(&mut project)
            .expect("apply");
        for filler in [Filler::Event(e4), Filler::Event(E3)] {
            let added = add_argument(&project, 0, E3, "topic", filler, &s);
            assert_eq!(added.err(), Some(EditError::SelfArgument), "{filler}");
        }
    }

    #[test]
    fn set_event_type_keeps_the_arguments() {
        let project = sample();
        let edit = set_event_type(&project, 0, E3, "battle", &stamp()).expect("edit");
        let (after, label) = apply_and_undo(&project, edit);
        assert!(label.starts_with("change type of E3 to "), "{label}");
        let e = after.documents[0].event(E3).expect("E3");
        assert_eq!(e.event_type, "battle");
        assert_eq!(e.arguments.len(), 2);
        assert_eq!(
            set_event_type(&project, 0, E3, "place", &stamp()),
            Err(EditError::UnknownType("place".into())),
            "an entity type is not an event type"
        );
    }

    #[test]
    fn set_note_writes_and_clears_the_note_of_a_mention_or_an_event() {
        let project = sample();
        let note = "qui exactement ?\r\nà vérifier".to_string();
        let edit = set_note(&project, 0, Filler::Mention(T1), note.clone(), &stamp());
        let (after, label) = apply_and_undo(&project, edit.expect("edit"));
        assert_eq!(label, "edit note of T1");
        assert_eq!(after.documents[0].mention(T1).expect("T1").note, note);

        let edit = set_note(
            &after,
            0,
            Filler::Event(E3),
            "source unique".into(),
            &stamp(),
        );
        let (after, _) = apply_and_undo(&after, edit.expect("edit"));
        assert_eq!(
            after.documents[0].event(E3).expect("E3").note,
            "source unique"
        );

        let edit = set_note(&after, 0, Filler::Mention(T1), String::new(), &stamp());
        let (after, label) = apply_and_undo(&after, edit.expect("edit"));
        assert_eq!(label, "clear note of T1");
        assert_eq!(after.documents[0].mention(T1).expect("T1").note, "");
        assert_eq!(
            set_note(&after, 0, Filler::Event(EventId(1)), "x".into(), &stamp()),
            Err(EditError::NoAnnotation("E1".into()))
        );
    }

    #[test]
    fn set_trigger_sets_or_with_no_range_removes_the_trigger() {
        let project = sample();
        let edit = set_trigger(&project, 0, E3, vec![Span::new(0, 13)], &stamp());
        let (after, label) = apply_and_undo(&project, edit.expect("edit"));
        assert_eq!(label, "set trigger of E3 to “Daech attaque”");
        assert_eq!(
            after.documents[0].event(E3).expect("E3").trigger,
            vec![Span::new(0, 13)]
        );

        let edit = set_trigger(&after, 0, E3, Vec::new(), &stamp());
        let (after, label) = apply_and_undo(&after, edit.expect("edit"));
        assert_eq!(label, "remove trigger of E3");
        assert!(after.documents[0].event(E3).expect("E3").trigger.is_empty());

        assert_eq!(
            set_trigger(&after, 0, E3, vec![Span::new(20, 99)], &stamp()),
            Err(EditError::BadRange {
                start: 20,
                end: 99,
                len: TEXT.chars().count()
            })
        );
    }

    #[test]
    fn remove_argument_removes_the_one_at_its_position_or_says_there_is_none() {
        let project = sample();
        let edit = remove_argument(&project, 0, E3, 0, &stamp()).expect("edit");
        let (after, label) = apply_and_undo(&project, edit);
        assert_eq!(label, "remove T1 as Attaquant of E3");
        let e = after.documents[0].event(E3).expect("E3");
        assert_eq!(
            e.arguments,
            vec![RoleArg {
                role: "place".into(),
                filler: Filler::Mention(T2)
            }]
        );
        let err = remove_argument(&after, 0, E3, 1, &stamp()).expect_err("only one left");
        assert_eq!(
            err,
            EditError::NoArgument {
                event: E3,
                index: 1,
                count: 1
            }
        );
        assert_eq!(
            err.to_string(),
            "E3 has no argument at position 1 (it has 1)"
        );
        assert_eq!(
            remove_argument(&after, 0, EventId(7), 0, &stamp()),
            Err(EditError::NoAnnotation("E7".into()))
        );
    }

    #[test]
    fn delete_dispatches_on_the_kind_of_annotation() {
        let project = sample();
        let (after, label) = apply_and_undo(
            &project,
            delete(&project, 0, Filler::Mention(T1), &stamp()).expect("edit"),
        );
        assert_eq!(
            label,
            delete_mention(&project, 0, T1, &stamp())
                .expect("edit")
                .label
        );
        let d = &after.documents[0];
        assert!(d.mention(T1).is_none());
        assert_eq!(d.event(E3).expect("E3").arguments.len(), 1, "detached");

        let (after, _) = apply_and_undo(
            &project,
            delete(&project, 0, Filler::Event(E3), &stamp()).expect("edit"),
        );
        assert!(after.documents[0].event(E3).is_none());
        assert_eq!(after.documents[0].mentions.len(), 2);
        assert_eq!(
            delete(&after, 0, Filler::Event(E3), &stamp()),
            Err(EditError::NoAnnotation("E3".into()))
        );
    }
}
