//! Edits of relations and of the ranges of a mention (discontinuous mentions, growing
//! or shrinking by a word).
//!
//! Kept apart from [`super::ops`], which holds the edits of mentions and events as
//! wholes; these share its checks (ranges against the text, fresh ids, stamps) so that
//! every edit leaves a project that [`crate::model::validate`] accepts.

use super::change::{Annotation, AnnotationKey, Change, Edit, EditError, Links};
use super::ops::{Stamp, checked_ranges, creation, doc, fresh_id, set, update_mention};
use crate::model::words::word_segments;
use crate::model::{
    AnnotationRef, Document, Filler, MentionId, OtherVersion, Project, Relation, RelationId, Span,
};

/// Which end of a mention a resize moves: the start of its first range or the end of
/// its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionEnd {
    /// The start of the first range.
    Start,
    /// The end of the last range.
    End,
}

/// The user's words for an annotation in labels: its id and, for a mention, its text.
fn filler_text(document: &Document, filler: Filler) -> String {
    match filler {
        Filler::Mention(id) => document.mention(id).map_or_else(
            || id.to_string(),
            |m| format!("“{}”", document.covered_text(&m.ranges)),
        ),
        Filler::Event(id) => id.to_string(),
    }
}

/// Creates a relation of `relation_type` from `arg1` to `arg2` (two distinct
/// annotations of the document); returns the edit and the new id.
pub fn add_relation(
    project: &Project,
    doc_index: usize,
    relation_type: &str,
    arg1: Filler,
    arg2: Filler,
    stamp: &Stamp,
) -> Result<(Edit, RelationId), EditError> {
    let document = doc(project, doc_index)?;
    if project.schema.relation_type(relation_type).is_none() {
        return Err(EditError::UnknownType(relation_type.to_string()));
    }
    for end in [arg1, arg2] {
        if !document.has_filler(end) {
            return Err(EditError::NoAnnotation(end.to_string()));
        }
    }
    if arg1 == arg2 {
        return Err(EditError::SelfRelation(arg1.to_string()));
    }
    let (fresh, next_id) = fresh_id(document)?;
    let id = RelationId(fresh);
    let relation = Relation {
        id,
        relation_type: relation_type.to_string(),
        arg1,
        arg2,
        attributes: Default::default(),
        note: String::new(),
        author: stamp.author.clone(),
        changed: stamp.time.clone(),
        sources: Vec::new(),
    };
    let label = format!(
        "link {} to {} ({})",
        filler_text(document, arg1),
        filler_text(document, arg2),
        project.schema.label(relation_type)
    );
    let key = AnnotationKey::Relation(id);
    let edit = creation(
        doc_index,
        next_id,
        key,
        Annotation::Relation(relation),
        label,
    );
    Ok((edit, id))
}

/// Gives a relation another relation type of the schema (its ends stay).
pub fn set_relation_type(
    project: &Project,
    doc_index: usize,
    id: RelationId,
    relation_type: &str,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    if project.schema.relation_type(relation_type).is_none() {
        return Err(EditError::UnknownType(relation_type.to_string()));
    }
    let mut relation = document
        .relation(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?
        .clone();
    relation.relation_type = relation_type.to_string();
    relation.author = stamp.author.clone();
    relation.changed = stamp.time.clone();
    Ok(Edit {
        label: format!(
            "change type of {id} to {}",
            project.schema.label(relation_type)
        ),
        changes: vec![set(
            doc_index,
            AnnotationKey::Relation(id),
            Some(Annotation::Relation(relation)),
        )],
        doc: Some(doc_index),
    })
}

/// Deletes a relation, with the normalisations and comments about it and a merge
/// conflict between its change and its deletion (now decided).
pub fn delete_relation(
    project: &Project,
    doc_index: usize,
    id: RelationId,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let relation = document
        .relation(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let target = AnnotationRef::Relation(id);
    let mut changes = vec![set(doc_index, AnnotationKey::Relation(id), None)];
    let links = Links {
        equivalences: document.equivalences.clone(),
        normalizations: document
            .normalizations
            .iter()
            .filter(|n| n.target != target)
            .cloned()
            .collect(),
        comments: document
            .comments
            .iter()
            .filter(|c| c.target != target)
            .cloned()
            .collect(),
    };
    if links.normalizations.len() != document.normalizations.len()
        || links.comments.len() != document.comments.len()
    {
        changes.push(Change::SetLinks {
            doc: doc_index,
            links: Box::new(links),
        });
    }
    let conflicts: Vec<_> = document
        .conflicts
        .iter()
        .filter(|c| !(c.target == target && c.other == OtherVersion::Deleted))
        .cloned()
        .collect();
    if conflicts.len() != document.conflicts.len() {
        changes.push(Change::SetConflicts {
            doc: doc_index,
            conflicts,
        });
    }
    Ok(Edit {
        label: format!(
            "delete relation {id} ({})",
            project.schema.label(&relation.relation_type)
        ),
        changes,
        doc: Some(doc_index),
    })
}

/// Adds `span` to the ranges of a mention (making it discontinuous). The span must fit
/// the text and not overlap the mention's ranges; one that touches a range is merged
/// with it.
pub fn add_range(
    project: &Project,
    doc_index: usize,
    id: MentionId,
    span: Span,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let span = checked_ranges(document, vec![span])?
        .pop()
        .ok_or(EditError::BadRange {
            start: span.start,
            end: span.end,
            len: document.char_len(),
        })?;
    let mention = document
        .mention(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    if mention.ranges.iter().any(|r| r.overlaps(&span)) {
        return Err(EditError::RangeOverlaps {
            mention: id,
            start: span.start,
            end: span.end,
        });
    }
    let mut ranges = mention.ranges.clone();
    ranges.push(span);
    ranges.sort();
    let mut merged: Vec<Span> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => merged.push(r),
        }
    }
    let label = format!("add “{}” to {id}", document.covered_text(&[span]));
    update_mention(project, doc_index, id, label, stamp, |m| m.ranges = merged)
}

/// Removes the range at `index` (from 0, in text order) of a mention; the last range
/// left is refused (delete the mention instead).
pub fn remove_range(
    project: &Project,
    doc_index: usize,
    id: MentionId,
    index: usize,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let mention = doc(project, doc_index)?
        .mention(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let count = mention.ranges.len();
    let Some(range) = mention.ranges.get(index) else {
        return Err(EditError::NoRange {
            mention: id,
            index,
            count,
        });
    };
    if count == 1 {
        return Err(EditError::LastRange(id));
    }
    let label = format!(
        "remove “{}” from {id}",
        doc(project, doc_index)?.covered_text(&[*range])
    );
    update_mention(project, doc_index, id, label, stamp, |m| {
        m.ranges.remove(index);
    })
}

/// Moves one end of a mention by a word: `grow` takes in the next word outside it,
/// otherwise its outermost word is let go. A mention keeps at least one word, and its
/// ranges stay apart.
pub fn resize_mention(
    project: &Project,
    doc_index: usize,
    id: MentionId,
    end: MentionEnd,
    grow: bool,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let document = doc(project, doc_index)?;
    let mention = document
        .mention(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let (index, range) = match end {
        MentionEnd::Start => (0, mention.ranges.first()),
        MentionEnd::End => (
            mention.ranges.len().saturating_sub(1),
            mention.ranges.last(),
        ),
    };
    let range = *range.ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let words: Vec<std::ops::Range<usize>> = word_segments(&document.text)
        .into_iter()
        .filter_map(|(r, is_word)| is_word.then_some(r))
        .collect();
    let resized = match (end, grow) {
        (MentionEnd::End, true) => words
            .iter()
            .find(|w| w.start >= range.end)
            .map(|w| Span::new(range.start, w.end)),
        (MentionEnd::End, false) => words
            .iter()
            .rev()
            .find(|w| w.end < range.end && w.end > range.start)
            .map(|w| Span::new(range.start, w.end)),
        (MentionEnd::Start, true) => words
            .iter()
            .rev()
            .find(|w| w.end <= range.start)
            .map(|w| Span::new(w.start, range.end)),
        (MentionEnd::Start, false) => words
            .iter()
            .find(|w| w.start > range.start && w.start < range.end)
            .map(|w| Span::new(w.start, range.end)),
    };
    let resized = resized.ok_or(EditError::CannotResize(id))?;
    let others = mention
        .ranges
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != index);
    if others.clone().any(|(_, r)| r.overlaps(&resized)) {
        return Err(EditError::CannotResize(id));
    }
    let label = format!(
        "{} {id} to “{}”",
        if grow { "grow" } else { "shrink" },
        document.covered_text(&[resized])
    );
    update_mention(project, doc_index, id, label, stamp, |m| {
        if let Some(r) = m.ranges.get_mut(index) {
            *r = resized;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::edit::ops::add_mention;
    use crate::model::{Comment, Normalization};

    const TEXT: &str = "Daech attaque Palmyre et Homs.";

    fn stamp() -> Stamp {
        Stamp {
            author: "ana".into(),
            time: "2026-01-02T03:04:05Z".into(),
        }
    }

    /// T1 "Daech" (armed group), T2 "Palmyre" (place).
    fn sample() -> Project {
        let mut project = Project::new("p", crate::io::default_schema());
        project
            .documents
            .push(crate::model::Document::new("d", "d", TEXT));
        for (t, span) in [
            ("armed_group", Span::new(0, 5)),
            ("place", Span::new(14, 21)),
        ] {
            let (edit, _) = add_mention(&project, 0, t, vec![span], &stamp()).expect("mention");
            edit.apply(&mut project).expect("apply");
        }
        project
    }

    const T1: MentionId = MentionId(1);
    const T2: MentionId = MentionId(2);

    /// Applies `edit` through a history: undo gives back `project` exactly, redo the
    /// edited one, which validates; returns it.
    fn apply_and_undo(project: &Project, edit: Edit) -> Project {
        let mut edited = project.clone();
        let mut history = History::default();
        history.apply(&mut edited, edit).expect("apply");
        let after = edited.clone();
        history.undo(&mut edited).expect("undo");
        assert_eq!(&edited, project, "undo restores the project exactly");
        history.redo(&mut edited).expect("redo");
        assert_eq!(edited, after, "redo gives the edit back");
        assert_eq!(crate::model::validate(&after), []);
        after
    }

    fn ranges(project: &Project, id: MentionId) -> Vec<Span> {
        project.documents[0]
            .mention(id)
            .expect("mention")
            .ranges
            .clone()
    }

    #[test]
    fn add_relation_links_two_annotations_with_a_schema_type() {
        let project = sample();
        let (m1, m2) = (Filler::Mention(T1), Filler::Mention(T2));
        let (edit, id) = add_relation(&project, 0, "located_in", m1, m2, &stamp()).expect("add");
        assert!(
            edit.label.contains("“Daech” to “Palmyre”"),
            "{}",
            edit.label
        );
        let after = apply_and_undo(&project, edit);
        let r = after.documents[0].relation(id).expect("added");
        assert_eq!((r.arg1, r.arg2, r.author.as_str()), (m1, m2, "ana"));
        assert_eq!(
            add_relation(&project, 0, "loves", m1, m2, &stamp()).err(),
            Some(EditError::UnknownType("loves".into()))
        );
        assert_eq!(
            add_relation(&project, 0, "part_of", m1, m1, &stamp()).err(),
            Some(EditError::SelfRelation("T1".into()))
        );
        assert_eq!(
            add_relation(
                &project,
                0,
                "part_of",
                m1,
                Filler::Mention(MentionId(9)),
                &stamp()
            )
            .err(),
            Some(EditError::NoAnnotation("T9".into()))
        );
    }

    #[test]
    fn set_relation_type_and_delete_relation_undo_exactly() {
        let mut project = sample();
        let (m1, m2) = (Filler::Mention(T1), Filler::Mention(T2));
        let (edit, id) = add_relation(&project, 0, "located_in", m1, m2, &stamp()).expect("add");
        edit.apply(&mut project).expect("apply");
        let edit = set_relation_type(&project, 0, id, "part_of", &stamp()).expect("type");
        let after = apply_and_undo(&project, edit);
        assert_eq!(
            after.documents[0].relation(id).expect("r").relation_type,
            "part_of"
        );
        assert_eq!(
            set_relation_type(&project, 0, id, "attack", &stamp()).err(),
            Some(EditError::UnknownType("attack".into())),
            "an event type is not a relation type"
        );

        let target = AnnotationRef::Relation(id);
        project.documents[0].normalizations.push(Normalization {
            target,
            resource: "Wikidata".into(),
            id: "Q1".into(),
            text: String::new(),
        });
        project.documents[0].comments.push(Comment {
            target: AnnotationRef::Mention(T1),
            kind: "Lemma".into(),
            text: "daech".into(),
        });
        project.documents[0].comments.push(Comment {
            target,
            kind: "Lemma".into(),
            text: "situé".into(),
        });
        let after = apply_and_undo(&project, delete_relation(&project, 0, id).expect("delete"));
        let d = &after.documents[0];
        assert!(d.relations.is_empty());
        assert!(d.normalizations.is_empty());
        assert_eq!(d.comments.len(), 1, "the comment on T1 stays");
        assert_eq!(
            delete_relation(&after, 0, id).err(),
            Some(EditError::NoAnnotation(id.to_string()))
        );
    }

    #[test]
    fn add_range_makes_a_mention_discontinuous_and_remove_range_undoes_it() {
        let project = sample();
        let homs = Span::new(25, 29);
        let after = apply_and_undo(
            &project,
            add_range(&project, 0, T2, homs, &stamp()).expect("add"),
        );
        assert_eq!(ranges(&after, T2), vec![Span::new(14, 21), homs]);
        // Before the first range: sorted.
        let after2 = apply_and_undo(
            &after,
            add_range(&after, 0, T2, Span::new(6, 13), &stamp()).expect("add"),
        );
        assert_eq!(ranges(&after2, T2)[0], Span::new(6, 13));
        // A touching range is merged.
        let merged = apply_and_undo(
            &project,
            add_range(&project, 0, T2, Span::new(21, 24), &stamp()).expect("add"),
        );
        assert_eq!(ranges(&merged, T2), vec![Span::new(14, 24)]);
        assert!(matches!(
            add_range(&after, 0, T2, Span::new(20, 26), &stamp()),
            Err(EditError::RangeOverlaps { .. })
        ));
        assert!(matches!(
            add_range(&after, 0, T2, Span::new(25, 99), &stamp()),
            Err(EditError::BadRange { .. })
        ));

        let removed = apply_and_undo(
            &after,
            remove_range(&after, 0, T2, 0, &stamp()).expect("remove"),
        );
        assert_eq!(ranges(&removed, T2), vec![homs]);
        assert_eq!(
            remove_range(&removed, 0, T2, 0, &stamp()).err(),
            Some(EditError::LastRange(T2))
        );
        assert!(matches!(
            remove_range(&after, 0, T2, 5, &stamp()),
            Err(EditError::NoRange { count: 2, .. })
        ));
    }

    #[test]
    fn resize_mention_grows_and_shrinks_either_end_by_a_word() {
        let project = sample();
        let grown = apply_and_undo(
            &project,
            resize_mention(&project, 0, T2, MentionEnd::End, true, &stamp()).expect("grow"),
        );
        assert_eq!(ranges(&grown, T2), vec![Span::new(14, 24)], "Palmyre et");
        let shrunk = apply_and_undo(
            &grown,
            resize_mention(&grown, 0, T2, MentionEnd::End, false, &stamp()).expect("shrink"),
        );
        assert_eq!(ranges(&shrunk, T2), vec![Span::new(14, 21)]);
        let start = apply_and_undo(
            &project,
            resize_mention(&project, 0, T2, MentionEnd::Start, true, &stamp()).expect("grow"),
        );
        assert_eq!(
            ranges(&start, T2),
            vec![Span::new(6, 21)],
            "attaque Palmyre"
        );
        let back = apply_and_undo(
            &start,
            resize_mention(&start, 0, T2, MentionEnd::Start, false, &stamp()).expect("shrink"),
        );
        assert_eq!(ranges(&back, T2), vec![Span::new(14, 21)]);
        // One word cannot shrink; nothing before the first word.
        assert_eq!(
            resize_mention(&project, 0, T2, MentionEnd::End, false, &stamp()).err(),
            Some(EditError::CannotResize(T2))
        );
        assert_eq!(
            resize_mention(&project, 0, T1, MentionEnd::Start, true, &stamp()).err(),
            Some(EditError::CannotResize(T1))
        );
    }
}
