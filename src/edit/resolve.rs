//! Resolving a merge conflict kept in a document (see [`crate::model::conflict`]): the
//! user keeps the version in place or takes the other one. Either way the conflict goes,
//! in one undoable edit.

use super::change::{Annotation, AnnotationKey, Change, Edit, EditError, Links};
use super::ops::{self, Stamp};
use crate::model::{AnnotationRef, Document, Filler, OtherVersion, Project};

/// Which version of a conflict the user keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The version in the document (or its absence, when that side deleted it).
    Kept,
    /// The other version (or the deletion, when the other side deleted it).
    Other,
}

/// The edit that resolves conflict `index` of document `doc_index` with `pick`.
pub fn resolve_conflict(
    project: &Project,
    doc_index: usize,
    index: usize,
    pick: Pick,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let document = project
        .documents
        .get(doc_index)
        .ok_or(EditError::NoDocument(doc_index))?;
    let conflict = document
        .conflicts
        .get(index)
        .ok_or_else(|| EditError::NoAnnotation(format!("conflict {}", index + 1)))?;
    let (mut changes, label) = match pick {
        Pick::Kept => (
            Vec::new(),
            format!("keep {}'s {}", conflict.kept, conflict.target),
        ),
        Pick::Other => {
            let changes = take_other(project, doc_index, conflict.target, &conflict.other, stamp)?;
            (
                changes,
                format!("take {}'s {}", conflict.other_side, conflict.target),
            )
        }
    };
    // A deletion taken from the other side may have settled other conflicts of the
    // document already (see `ops::delete`): start from its list, not the document's.
    let mut conflicts = changes
        .iter()
        .rev()
        .find_map(|c| match c {
            Change::SetConflicts { conflicts, .. } => Some(conflicts.clone()),
            _ => None,
        })
        .unwrap_or_else(|| document.conflicts.clone());
    changes.retain(|c| !matches!(c, Change::SetConflicts { .. }));
    if let Some(position) = conflicts.iter().position(|c| c == conflict) {
        conflicts.remove(position);
    }
    changes.push(Change::SetConflicts {
        doc: doc_index,
        conflicts,
    });
    Ok(Edit {
        label,
        changes,
        doc: Some(doc_index),
    })
}

/// The changes that put `other` in place of `target`.
fn take_other(
    project: &Project,
    doc_index: usize,
    target: AnnotationRef,
    other: &OtherVersion,
    stamp: &Stamp,
) -> Result<Vec<Change>, EditError> {
    let document = project
        .documents
        .get(doc_index)
        .ok_or(EditError::NoDocument(doc_index))?;
    let present = document.has_annotation(target);
    let set = |key, value: Option<Annotation>| Change::SetAnnotation {
        doc: doc_index,
        key,
        value: value.map(Box::new),
    };
    Ok(match (other, target) {
        (OtherVersion::Deleted, AnnotationRef::Mention(id)) if present => {
            ops::delete(project, doc_index, Filler::Mention(id), stamp)?.changes
        }
        (OtherVersion::Deleted, AnnotationRef::Event(id)) if present => {
            ops::delete(project, doc_index, Filler::Event(id), stamp)?.changes
        }
        (OtherVersion::Deleted, AnnotationRef::Relation(id)) if present => {
            let mut changes = vec![set(AnnotationKey::Relation(id), None)];
            changes.extend(without_links_to(document, doc_index, target));
            changes
        }
        (OtherVersion::Deleted, _) => Vec::new(),
        (OtherVersion::Mention(m), AnnotationRef::Mention(id)) if m.id == id => {
            vec![set(
                AnnotationKey::Mention(id),
                Some(Annotation::Mention(m.clone())),
            )]
        }
        (OtherVersion::Event(e), AnnotationRef::Event(id)) if e.id == id => {
            refers_to_existing(document, e.arguments.iter().map(|a| a.filler))?;
            // As with any argument added: an event may not contain itself.
            if document.any_contains_event(e.arguments.iter().map(|a| a.filler), id) {
                return Err(EditError::SelfArgument);
            }
            vec![set(
                AnnotationKey::Event(id),
                Some(Annotation::Event(e.clone())),
            )]
        }
        (OtherVersion::Relation(r), AnnotationRef::Relation(id)) if r.id == id => {
            refers_to_existing(document, [r.arg1, r.arg2])?;
            vec![set(
                AnnotationKey::Relation(id),
                Some(Annotation::Relation(r.clone())),
            )]
        }
        _ => {
            return Err(EditError::NoAnnotation(format!(
                "{target} (the other version is of another annotation)"
            )));
        }
    })
}

/// An error naming the first of `fillers` that the document no longer has.
fn refers_to_existing(
    document: &Document,
    fillers: impl IntoIterator<Item = Filler>,
) -> Result<(), EditError> {
    match fillers.into_iter().find(|f| !document.has_filler(*f)) {
        Some(missing) => Err(EditError::NoAnnotation(format!(
            "{missing}, which the other version refers to,"
        ))),
        None => Ok(()),
    }
}

/// The change that drops the normalisations and comments of `gone`, if it has any.
fn without_links_to(document: &Document, doc_index: usize, gone: AnnotationRef) -> Option<Change> {
    let links = Links {
        equivalences: document.equivalences.clone(),
        normalizations: document
            .normalizations
            .iter()
            .filter(|n| n.target != gone)
            .cloned()
            .collect(),
        comments: document
            .comments
            .iter()
            .filter(|c| c.target != gone)
            .cloned()
            .collect(),
    };
    let unchanged = links.normalizations.len() == document.normalizations.len()
        && links.comments.len() == document.comments.len();
    (!unchanged).then(|| Change::SetLinks {
        doc: doc_index,
        links: Box::new(links),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{Conflict, Mention, MentionId, Span};

    fn mention(id: u32, entity_type: &str) -> Mention {
        Mention {
            id: MentionId(id),
            entity_type: entity_type.into(),
            ranges: vec![Span::new(0, 7)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        }
    }

    /// A document where ours tagged `Palmyre` a place, theirs a person.
    fn conflicted() -> Project {
        let mut project = Project::new("p", crate::io::default_schema());
        let mut doc = Document::new("d", "d", "Palmyre est reprise.");
        doc.mentions.push(mention(1, "place"));
        doc.next_id = 2;
        doc.conflicts.push(Conflict {
            target: AnnotationRef::Mention(MentionId(1)),
            kept: "ana".into(),
            other_side: "bob".into(),
            other: OtherVersion::Mention(mention(1, "person")),
        });
        project.documents.push(doc);
        project
    }

    #[test]
    fn taking_the_other_version_replaces_it_and_undo_brings_the_conflict_back() {
        let mut project = conflicted();
        let before = project.clone();
        let mut history = History::default();
        let edit = resolve_conflict(&project, 0, 0, Pick::Other, &Stamp::default()).unwrap();
        history.apply(&mut project, edit).unwrap();
        assert_eq!(project.documents[0].mentions[0].entity_type, "person");
        assert!(project.documents[0].conflicts.is_empty());
        assert!(crate::model::validate(&project).is_empty());
        history.undo(&mut project);
        assert_eq!(project, before);
    }

    #[test]
    fn keeping_the_version_in_place_only_drops_the_conflict() {
        let project = conflicted();
        let mut after = project.clone();
        let edit = resolve_conflict(&project, 0, 0, Pick::Kept, &Stamp::default()).unwrap();
        edit.apply(&mut after).unwrap();
        assert_eq!(after.documents[0].mentions, project.documents[0].mentions);
        assert!(after.documents[0].conflicts.is_empty());
    }

    #[test]
    fn taking_a_deletion_removes_the_annotation() {
        let mut project = conflicted();
        project.documents[0].conflicts[0].other = OtherVersion::Deleted;
        let edit = resolve_conflict(&project, 0, 0, Pick::Other, &Stamp::default()).unwrap();
        edit.apply(&mut project).unwrap();
        assert!(project.documents[0].mentions.is_empty());
    }

    #[test]
    fn a_conflict_that_is_not_there_is_an_error() {
        let project = conflicted();
        assert!(resolve_conflict(&project, 0, 3, Pick::Kept, &Stamp::default()).is_err());
        assert!(resolve_conflict(&project, 2, 0, Pick::Kept, &Stamp::default()).is_err());
    }
}
