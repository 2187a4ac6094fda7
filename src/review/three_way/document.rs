//! One document merged three ways: its fields, its annotations by id, the lists that
//! point at them, its adjudication decisions and its conflicts.

use super::annotations::{Ann, by_id, find};
use super::collisions::{Renumbered, renumber_theirs};
use super::values::{Merged, Side, merge_set, merge3};
use super::{ConflictCause, Context, DocumentLabel, NoteKind, ThreeWayError};
use crate::model::{
    AnnotationRef, Conflict, Decision, DocStatus, Document, EventId, Filler, MentionId,
    OtherVersion, RelationId, Unit,
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The documents that one document id stands for after the merge: none (deleted), one,
/// or two when both sides added a document under this id with different texts (theirs
/// then gets a new id). Nothing that one side changed is dropped: a document deleted
/// on one side and changed on the other is kept.
pub(super) fn merge_document_id(
    cx: &mut Context<'_>,
    base: Option<&Document>,
    ours: Option<&Document>,
    theirs: Option<&Document>,
) -> Result<Vec<Document>, ThreeWayError> {
    let (ours, theirs) = match (base, ours, theirs) {
        (_, None, None) => return Ok(Vec::new()),
        (None, Some(only), None) | (None, None, Some(only)) => return Ok(vec![only.clone()]),
        (Some(base), Some(kept), None) | (Some(base), None, Some(kept)) => {
            if kept == base {
                return Ok(Vec::new());
            }
            let (changed_by, deleted_by) = match ours {
                Some(_) => (Side::Ours, Side::Theirs),
                None => (Side::Theirs, Side::Ours),
            };
            let message = format!(
                "deleted by {}, changed by {}: kept as {} has it",
                cx.name(deleted_by),
                cx.name(changed_by),
                cx.name(changed_by)
            );
            cx.note_on(kept, NoteKind::Merged(message));
            return Ok(vec![kept.clone()]);
        }
        (_, Some(ours), Some(theirs)) => (ours, theirs),
    };
    if ours == theirs {
        return Ok(vec![ours.clone()]);
    }
    if ours.text != theirs.text {
        let mut copy = theirs.clone();
        copy.id = cx.doc_ids.claim(&theirs.id);
        let message = format!(
            "the sides have different texts under this id: the document of {} kept, \
             the one of {} added as document {:?}",
            cx.name(Side::Ours),
            cx.name(Side::Theirs),
            copy.id
        );
        cx.note_on(ours, NoteKind::Merged(message));
        return Ok(vec![ours.clone(), copy]);
    }
    // Added on both sides with one text: merged as if from an empty document.
    let empty;
    let base = match base {
        Some(base) => base,
        None => {
            empty = Document::new(ours.id.clone(), "", "");
            &empty
        }
    };
    if ours == base {
        return Ok(vec![theirs.clone()]);
    }
    if theirs == base {
        return Ok(vec![ours.clone()]);
    }
    merge_contents(cx, base, ours, theirs).map(|doc| vec![doc])
}

/// A document changed on both sides, whose sides have the same text.
fn merge_contents(
    cx: &mut Context<'_>,
    base: &Document,
    ours: &Document,
    theirs: &Document,
) -> Result<Document, ThreeWayError> {
    let name = merge_name(cx, ours, [&base.name, &ours.name, &theirs.name]);
    let label = DocumentLabel {
        id: ours.id.clone(),
        name: name.clone(),
    };
    let Renumbered { doc: theirs, moves } = renumber_theirs(base, ours, theirs)?;
    for (from, to) in moves {
        let side = cx.name(Side::Theirs).to_string();
        cx.note(&label, NoteKind::Renumbered { side, from, to });
    }
    let mut merged = Document {
        id: ours.id.clone(),
        name,
        text: ours.text.clone(),
        status: merge_status(cx, &label, [base.status, ours.status, theirs.status]),
        metadata: merge_metadata(cx, &label, [base, ours, &theirs]),
        next_id: ours.next_id.max(theirs.next_id),
        decisions: merge_decisions(cx, &label, [base, ours, &theirs]),
        ..Document::default()
    };
    let mut annotations = Annotations::merge(cx, &label, [base, ours, &theirs]);
    let equivalences = merge_set(
        &base.equivalences,
        &ours.equivalences,
        &theirs.equivalences,
        |e| (e.relation_type.as_str(), &e.members[..]),
    );
    let normalizations = merge_set(
        &base.normalizations,
        &ours.normalizations,
        &theirs.normalizations,
        |n| {
            (
                n.target,
                n.resource.as_str(),
                n.id.as_str(),
                n.text.as_str(),
            )
        },
    );
    let comments = merge_set(&base.comments, &ours.comments, &theirs.comments, |c| {
        (c.target, c.kind.as_str(), c.text.as_str())
    });
    // Conflicts hold whole annotations: told apart by their full description, which
    // derives from the same fields as their equality.
    let conflicts = merge_set(&base.conflicts, &ours.conflicts, &theirs.conflicts, |c| {
        format!("{c:?}")
    });
    let mut used: Vec<(Side, AnnotationRef)> = Vec::new();
    for (side, e) in &equivalences {
        used.extend(e.members.iter().map(|&m| (*side, m.into())));
    }
    used.extend(normalizations.iter().map(|(side, n)| (*side, n.target)));
    used.extend(comments.iter().map(|(side, c)| (*side, c.target)));
    for (side, c) in &conflicts {
        used.extend(c.other.fillers().into_iter().map(|f| (*side, f.into())));
        if c.other == OtherVersion::Deleted {
            used.push((*side, c.target));
        }
    }
    annotations.restore_used(cx, &label, [ours, &theirs], used);
    annotations.fill(&mut merged);
    merged.equivalences = equivalences.into_iter().map(|(_, e)| e.clone()).collect();
    merged.normalizations = normalizations.into_iter().map(|(_, n)| n.clone()).collect();
    merged.comments = comments.into_iter().map(|(_, c)| c.clone()).collect();
    merged.conflicts = conflicts.into_iter().map(|(_, c)| c.clone()).collect();
    merged.conflicts.extend(annotations.conflicts);
    drop_dangling(cx, &label, &mut merged);
    set_cycles_aside(cx, &label, &mut merged);
    let largest = merged
        .annotation_ids()
        .chain(merged.conflicts.iter().map(|c| c.target.id()))
        .max();
    if let Some(largest) = largest {
        merged.next_id = merged.next_id.max(largest.saturating_add(1));
    }
    Ok(merged)
}

/// Arguments that the two sides added apart but that together make events contain
/// themselves (ours nests E2 in E1, theirs E1 in E2): no file can hold a cycle, so each
/// argument that closes one is taken out of its event, and the event with it is set
/// aside as a conflict (the app refuses to pick it until the cycle is undone). The
/// closing arguments are the back edges of one depth-first walk: without them no cycle
/// is left.
fn set_cycles_aside(cx: &mut Context<'_>, label: &DocumentLabel, doc: &mut Document) {
    let mut by_event: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for closing in crate::model::validate::cycle_closing_arguments(doc) {
        by_event
            .entry(closing.event)
            .or_default()
            .push(closing.argument);
    }
    for (position, mut arguments) in by_event {
        let Some(event) = doc.events.get_mut(position) else {
            continue;
        };
        let whole = event.clone();
        arguments.sort_unstable();
        arguments.dedup();
        for &a in arguments.iter().rev() {
            if a < event.arguments.len() {
                event.arguments.remove(a);
            }
        }
        let target = AnnotationRef::Event(event.id);
        let (kept, set_aside) = (
            cx.name(Side::Ours).to_string(),
            cx.name(Side::Theirs).to_string(),
        );
        if doc.conflicts.iter().any(|c| c.target == target) {
            // Its other version is set aside already: the one in place loses the
            // argument, which the conflict's versions still show.
            cx.note(
                label,
                NoteKind::Merged(format!(
                    "{target}: an argument that would make it contain itself taken out of \
                     the version in place"
                )),
            );
            continue;
        }
        doc.conflicts.push(Conflict {
            target,
            kept: kept.clone(),
            other_side: set_aside.clone(),
            other: OtherVersion::Event(whole),
        });
        cx.note(
            label,
            NoteKind::Conflict {
                target,
                cause: ConflictCause::ClosesCycle,
                kept,
                set_aside,
            },
        );
    }
}

/// The name: ours where both changed it.
fn merge_name(cx: &mut Context<'_>, ours: &Document, [base, o, t]: [&String; 3]) -> String {
    match merge3(base, o, t) {
        Merged::Agreed(name, _) => name.clone(),
        Merged::Conflict { ours: o, theirs: t } => {
            let message = format!(
                "renamed on both sides: {o:?} ({}) kept, not {t:?} ({})",
                cx.name(Side::Ours),
                cx.name(Side::Theirs)
            );
            cx.note_on(ours, NoteKind::Merged(message));
            o.clone()
        }
    }
}

/// Position of a status in the workflow.
fn progress(status: DocStatus) -> usize {
    DocStatus::ALL
        .iter()
        .position(|&s| s == status)
        .unwrap_or_default()
}

/// The status: where both changed it, the less advanced, since someone still considers
/// the document not finished.
fn merge_status(
    cx: &mut Context<'_>,
    label: &DocumentLabel,
    [b, o, t]: [DocStatus; 3],
) -> DocStatus {
    match merge3(b, o, t) {
        Merged::Agreed(status, _) => status,
        Merged::Conflict { ours: o, theirs: t } => {
            let kept = if progress(t) < progress(o) { t } else { o };
            let message = format!(
                "status changed on both sides ({} by {}, {} by {}): kept {}, the less \
                 advanced",
                o.label(),
                cx.name(Side::Ours),
                t.label(),
                cx.name(Side::Theirs),
                kept.label()
            );
            cx.note(label, NoteKind::Merged(message));
            kept
        }
    }
}

/// The metadata, entry by entry: where both changed an entry, ours, or the value that
/// one side kept where the other deleted it.
fn merge_metadata(
    cx: &mut Context<'_>,
    label: &DocumentLabel,
    [base, ours, theirs]: [&Document; 3],
) -> BTreeMap<String, String> {
    let keys: BTreeSet<&String> = base
        .metadata
        .keys()
        .chain(ours.metadata.keys())
        .chain(theirs.metadata.keys())
        .collect();
    let mut merged = BTreeMap::new();
    for key in keys {
        let [b, o, t] = [base, ours, theirs].map(|d| d.metadata.get(key));
        let value = match merge3(b, o, t) {
            Merged::Agreed(value, _) => value,
            Merged::Conflict { ours: o, theirs: t } => {
                let said = |v: Option<&String>, side| match v {
                    Some(v) => format!("{v:?} by {}", cx.name(side)),
                    None => format!("deleted by {}", cx.name(side)),
                };
                let kept = o.or(t);
                let message = format!(
                    "metadata {key:?} changed on both sides ({}, {}): kept {:?}",
                    said(o, Side::Ours),
                    said(t, Side::Theirs),
                    kept.map_or("", String::as_str)
                );
                cx.note(label, NoteKind::Merged(message));
                kept
            }
        };
        if let Some(value) = value {
            merged.insert(key.clone(), value.clone());
        }
    }
    merged
}

/// The adjudication decisions, unit by unit: where both changed the decision on a
/// unit, ours (or the one that one side kept where the other removed it); sorted by
/// unit, as the file keeps them.
fn merge_decisions(
    cx: &mut Context<'_>,
    label: &DocumentLabel,
    [base, ours, theirs]: [&Document; 3],
) -> Vec<Decision> {
    fn index(d: &Document) -> HashMap<&Unit, &Decision> {
        d.decisions.iter().map(|d| (&d.unit, d)).collect()
    }
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let mut units: Vec<_> = ours.decisions.iter().map(|d| &d.unit).collect();
    units.extend(
        theirs
            .decisions
            .iter()
            .map(|d| &d.unit)
            .filter(|u| !o.contains_key(u)),
    );
    let mut seen = HashSet::new();
    let mut both_changed = 0;
    let mut merged = Vec::new();
    for unit in units.into_iter().filter(|u| seen.insert(*u)) {
        let [b, o, t] = [&b, &o, &t].map(|m| m.get(unit).copied());
        let decision = match merge3(b, o, t) {
            Merged::Agreed(d, _) => d,
            Merged::Conflict { ours, theirs } => {
                both_changed += 1;
                ours.or(theirs)
            }
        };
        merged.extend(decision.cloned());
    }
    merged.sort_by(|a, b| a.unit.cmp(&b.unit));
    if both_changed > 0 {
        let message = format!(
            "{both_changed} adjudication decision(s) changed on both sides: those of {} \
             kept",
            cx.name(Side::Ours)
        );
        cx.note(label, NoteKind::Merged(message));
    }
    merged
}

/// The annotations of the merged document, borrowed from the side each comes from,
/// by id, and the conflicts found among them.
struct Annotations<'a> {
    placed: BTreeMap<u32, (Ann<'a>, Side)>,
    conflicts: Vec<Conflict>,
    /// What the new conflicts' versions set aside refer to, with their side.
    used: Vec<(Side, AnnotationRef)>,
}

impl<'a> Annotations<'a> {
    /// Merges the annotations id by id: unchanged on one side, the other side's
    /// version (or deletion); the same change on both, that change; two changes, a
    /// conflict, with ours in place (theirs if ours deleted it) and the other version
    /// in the conflict.
    fn merge(
        cx: &mut Context<'_>,
        label: &DocumentLabel,
        [base, ours, theirs]: [&'a Document; 3],
    ) -> Self {
        let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
        let mut ids: Vec<u32> = b.keys().chain(o.keys()).chain(t.keys()).copied().collect();
        ids.sort_unstable();
        ids.dedup();
        let mut merged = Self {
            placed: BTreeMap::new(),
            conflicts: Vec::new(),
            used: Vec::new(),
        };
        for id in ids {
            let [b, o, t] = [&b, &o, &t].map(|m| m.get(&id).copied());
            match merge3(b, o, t) {
                Merged::Agreed(Some(a), side) => {
                    merged.placed.insert(id, (a, side));
                }
                Merged::Agreed(None, _) => {}
                Merged::Conflict {
                    ours: Some(kept),
                    theirs: other,
                } => {
                    let cause = match other {
                        Some(_) => ConflictCause::BothChanged,
                        None => ConflictCause::ChangedAndDeleted,
                    };
                    merged.conflict(cx, label, (kept, Side::Ours), other, cause);
                }
                Merged::Conflict {
                    ours: None,
                    theirs: Some(kept),
                } => {
                    let cause = ConflictCause::ChangedAndDeleted;
                    merged.conflict(cx, label, (kept, Side::Theirs), None, cause);
                }
                Merged::Conflict {
                    ours: None,
                    theirs: None,
                } => {}
            }
        }
        merged
    }

    /// Places `kept`, from `side`, and keeps `other` (the other side's version, `None`
    /// for its deletion) in a conflict.
    fn conflict(
        &mut self,
        cx: &mut Context<'_>,
        label: &DocumentLabel,
        (kept, side): (Ann<'a>, Side),
        other: Option<Ann<'a>>,
        cause: ConflictCause,
    ) {
        self.placed.insert(kept.id(), (kept, side));
        let other_side = side.other();
        if let Some(other) = other {
            self.used
                .extend(other.fillers().into_iter().map(|f| (other_side, f.into())));
        }
        let other = other.map_or(OtherVersion::Deleted, Ann::to_other);
        self.push_conflict(cx, label, (kept.target(), side), other, cause);
    }

    /// Records a conflict on `target`, whose version in place is `kept`'s.
    fn push_conflict(
        &mut self,
        cx: &mut Context<'_>,
        label: &DocumentLabel,
        (target, kept): (AnnotationRef, Side),
        other: OtherVersion,
        cause: ConflictCause,
    ) {
        let (kept_name, other_name) = (cx.name(kept).to_string(), cx.name(kept.other()));
        self.conflicts.push(Conflict {
            target,
            kept: kept_name.clone(),
            other_side: other_name.to_string(),
            other,
        });
        let note = NoteKind::Conflict {
            target,
            cause,
            kept: kept_name,
            set_aside: other_name.to_string(),
        };
        cx.note(label, note);
    }

    /// Brings back every annotation that one side deleted while what the other side
    /// kept refers to it (`used`, with the new conflicts' versions set aside, and what
    /// the annotations placed refer to): as that side has it, in a conflict with the
    /// deletion, so that nothing points at nothing and the user decides. Each is
    /// looked at once, however long the chains of references.
    fn restore_used(
        &mut self,
        cx: &mut Context<'_>,
        label: &DocumentLabel,
        [ours, theirs]: [&'a Document; 2],
        mut used: Vec<(Side, AnnotationRef)>,
    ) {
        used.append(&mut self.used);
        for (a, side) in self.placed.values() {
            used.extend(a.fillers().into_iter().map(|f| (*side, f.into())));
        }
        while let Some((side, target)) = used.pop() {
            if self.placed.contains_key(&target.id()) {
                // There, or its id holds an annotation of another kind (a file that
                // does not validate): left to `drop_dangling`.
                continue;
            }
            let source = match side {
                Side::Ours => ours,
                Side::Theirs => theirs,
            };
            let Some(a) = find(source, target) else {
                continue;
            };
            self.placed.insert(target.id(), (a, side));
            used.extend(a.fillers().into_iter().map(|f| (side, f.into())));
            let cause = ConflictCause::DeletedButUsed;
            self.push_conflict(cx, label, (target, side), OtherVersion::Deleted, cause);
        }
    }

    /// Copies the annotations into `doc`, sorted by id.
    fn fill(&self, doc: &mut Document) {
        for (a, _) in self.placed.values() {
            match *a {
                Ann::Mention(m) => doc.mentions.push(m.clone()),
                Ann::Event(e) => doc.events.push(e.clone()),
                Ann::Relation(r) => doc.relations.push(r.clone()),
            }
        }
    }
}

/// Removes what still refers to nothing, which only inputs that do not validate leave
/// (each side's references resolve in its own file, and [`Annotations::restore_used`]
/// brings back what they need), saying how much.
fn drop_dangling(cx: &mut Context<'_>, label: &DocumentLabel, doc: &mut Document) {
    let mentions: HashSet<MentionId> = doc.mentions.iter().map(|m| m.id).collect();
    let events: HashSet<EventId> = doc.events.iter().map(|e| e.id).collect();
    let exists = |f: Filler| match f {
        Filler::Mention(id) => mentions.contains(&id),
        Filler::Event(id) => events.contains(&id),
    };
    let before = count_references(doc);
    for e in &mut doc.events {
        e.arguments.retain(|a| exists(a.filler));
    }
    doc.relations.retain(|r| exists(r.arg1) && exists(r.arg2));
    let relations: HashSet<RelationId> = doc.relations.iter().map(|r| r.id).collect();
    let exists_ref = |t: AnnotationRef| match t {
        AnnotationRef::Mention(id) => mentions.contains(&id),
        AnnotationRef::Event(id) => events.contains(&id),
        AnnotationRef::Relation(id) => relations.contains(&id),
    };
    for e in &mut doc.equivalences {
        e.members.retain(|&m| exists(m));
    }
    doc.equivalences.retain(|e| e.members.len() >= 2);
    doc.normalizations.retain(|n| exists_ref(n.target));
    doc.comments.retain(|c| exists_ref(c.target));
    let len = doc.char_len();
    let conflicts = std::mem::take(&mut doc.conflicts);
    doc.conflicts = conflicts
        .into_iter()
        .filter(|c| c.problems(doc, len).is_empty())
        .collect();
    let dropped = before - count_references(doc);
    if dropped > 0 {
        let message = format!(
            "{dropped} reference(s), relation(s) or conflict(s) that the inputs left \
             pointing at nothing dropped"
        );
        cx.note(label, NoteKind::Merged(message));
    }
}

/// Arguments, relations, members of equivalences, normalisations, comments and
/// conflicts: what [`drop_dangling`] may drop.
fn count_references(doc: &Document) -> usize {
    let arguments: usize = doc.events.iter().map(|e| e.arguments.len()).sum();
    let members: usize = doc.equivalences.iter().map(|e| e.members.len()).sum();
    arguments
        + doc.relations.len()
        + members
        + doc.normalizations.len()
        + doc.comments.len()
        + doc.conflicts.len()
}
