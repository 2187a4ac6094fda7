//! Annotations that both sides added under the same ids. Each side hands out ids from
//! the counter of the document as it was at the common base, so two annotators who tag
//! the same article both create `T12`: the merge keeps ours' ids and moves theirs' new
//! annotations above every id either side has handed out, rewriting every reference to
//! them in theirs' document first, so that both are kept and the references still say
//! what their author meant.

use super::ThreeWayError;
use super::annotations::{annotations, by_id};
use crate::model::{AnnotationRef, Document};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Theirs' document with its colliding annotations renumbered.
pub(super) struct Renumbered<'a> {
    /// Theirs' document, as it is when nothing collides.
    pub(super) doc: Cow<'a, Document>,
    /// Each renumbered annotation: its id in theirs' file, then in the merge.
    pub(super) moves: Vec<(AnnotationRef, AnnotationRef)>,
}

/// Theirs' document with each annotation that collides with one of ours given a new
/// id, from the larger of the two sides' counters upward in the order of the old ids,
/// and every reference to it rewritten.
///
/// An annotation of theirs collides when it is not in the base and
/// - ours has another annotation under its id, or
/// - ours has none, but the id is one that ours' counter handed out since the base
///   (ids are never reused, even after a deletion), or
/// - ours has the same annotation, but it refers to one that is renumbered (it is then
///   no longer the same);
///
/// or when it is in the base but theirs changed it, and ours has an annotation of
/// another kind under its id (a file changed by hand). The same addition on both sides
/// (same id, same value) is kept once, under its id.
pub(super) fn renumber_theirs<'a>(
    base: &Document,
    ours: &Document,
    theirs: &'a Document,
) -> Result<Renumbered<'a>, ThreeWayError> {
    let in_base = by_id(base);
    let in_ours = by_id(ours);
    let mut moved: HashSet<u32> = HashSet::new();
    // Theirs' additions that ours has too, for now the same.
    let mut same: HashSet<u32> = HashSet::new();
    for t in annotations(theirs) {
        let id = t.id();
        let collides = match (in_base.get(&id), in_ours.get(&id)) {
            (None, Some(&o)) if o == t => {
                same.insert(id);
                false
            }
            (None, Some(_)) => true,
            (None, None) => id >= base.next_id && id < ours.next_id,
            (Some(&b), Some(&o)) => !o.same_kind(t) && b != t,
            (Some(_), None) => false,
        };
        if collides {
            moved.insert(id);
        }
    }
    spread_to_referrers(theirs, &mut moved, &same);
    if moved.is_empty() {
        return Ok(Renumbered {
            doc: Cow::Borrowed(theirs),
            moves: Vec::new(),
        });
    }
    let mut old: Vec<u32> = moved.into_iter().collect();
    old.sort_unstable();
    let first = ours.next_id.max(theirs.next_id);
    // The counter after the last new id must still have an id to hand out.
    let next_id = u32::try_from(old.len())
        .ok()
        .and_then(|n| first.checked_add(n))
        .filter(|&next| next < u32::MAX)
        .ok_or_else(|| ThreeWayError::IdsExhausted {
            document: theirs.id.clone(),
        })?;
    let new: HashMap<u32, u32> = old.iter().copied().zip(first..).collect();
    let moves = annotations(theirs)
        .filter_map(|a| {
            let to = *new.get(&a.id())?;
            Some((a.target(), a.target().with_id(to)))
        })
        .collect();
    let mut doc = theirs.clone();
    doc.map_annotation_ids(|id| new.get(&id).copied().unwrap_or(id));
    doc.mentions.sort_by_key(|m| m.id);
    doc.events.sort_by_key(|e| e.id);
    doc.relations.sort_by_key(|r| r.id);
    doc.next_id = doc.next_id.max(next_id);
    Ok(Renumbered {
        doc: Cow::Owned(doc),
        moves,
    })
}

/// Adds to `moved` every addition in `same` that refers, directly or through others of
/// `same`, to one in `moved`: once its reference is rewritten it is no longer the
/// annotation ours has. Each annotation and reference is visited once.
fn spread_to_referrers(theirs: &Document, moved: &mut HashSet<u32>, same: &HashSet<u32>) {
    if moved.is_empty() || same.is_empty() {
        return;
    }
    let mut referrers: HashMap<u32, Vec<u32>> = HashMap::new();
    for a in annotations(theirs).filter(|a| same.contains(&a.id())) {
        for filler in a.fillers() {
            referrers.entry(filler.id()).or_default().push(a.id());
        }
    }
    let mut stack: Vec<u32> = moved.iter().copied().collect();
    while let Some(id) = stack.pop() {
        for &referrer in referrers.get(&id).into_iter().flatten() {
            if moved.insert(referrer) {
                stack.push(referrer);
            }
        }
    }
}
