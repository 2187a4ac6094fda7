//! What makes two annotators' annotations "the same": each annotation reduced to the
//! comparable part of it (type and ranges; for an argument its role and its filler's
//! type and ranges), so that ids, authors and notes never count. The borrowed keys serve
//! the comparisons of agreement; the owned [`Unit`]s made from them (`unit_from_*`) are
//! what a gold project records its decisions on.

use crate::model::{Document, Event, Filler, Mention, Relation, RoleArg, Span, Unit, UnitFiller};

/// A mention as compared: its type and exact ranges.
pub type MentionKey<'a> = (&'a str, &'a [Span]);

/// An event as compared by its trigger: type and trigger ranges.
pub type TriggerKey<'a> = (&'a str, &'a [Span]);

/// What fills an argument or a relation end, as compared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FillerKey<'a> {
    /// A mention: its type and ranges.
    Mention(&'a str, &'a [Span]),
    /// An event: its type and trigger ranges.
    Event(&'a str, &'a [Span]),
    /// A filler that does not exist in the document (an invalid project).
    Missing,
}

/// An argument as compared: its role without trailing digits (`Theme2` is `Theme`) and
/// its filler.
pub type ArgumentKey<'a> = (&'a str, FillerKey<'a>);

/// A relation as compared: its type and both ends.
pub type RelationKey<'a> = (&'a str, FillerKey<'a>, FillerKey<'a>);

pub fn mention_key(m: &Mention) -> MentionKey<'_> {
    (&m.entity_type, &m.ranges)
}

pub fn trigger_key(e: &Event) -> TriggerKey<'_> {
    (&e.event_type, &e.trigger)
}

pub fn filler_key(doc: &Document, filler: Filler) -> FillerKey<'_> {
    match filler {
        Filler::Mention(id) => doc.mention(id).map_or(FillerKey::Missing, |m| {
            FillerKey::Mention(&m.entity_type, &m.ranges)
        }),
        Filler::Event(id) => doc.event(id).map_or(FillerKey::Missing, |e| {
            FillerKey::Event(&e.event_type, &e.trigger)
        }),
    }
}

pub fn relation_key<'a>(doc: &'a Document, r: &'a Relation) -> RelationKey<'a> {
    (
        &r.relation_type,
        filler_key(doc, r.arg1),
        filler_key(doc, r.arg2),
    )
}

/// `Theme2` → `Theme`: brat numbers a role that repeats.
pub fn base_role(role: &str) -> &str {
    let trimmed = role.trim_end_matches(|c: char| c.is_ascii_digit());
    if trimmed.is_empty() { role } else { trimmed }
}

pub fn argument_keys<'a>(doc: &'a Document, event: &'a Event) -> Vec<ArgumentKey<'a>> {
    event
        .arguments
        .iter()
        .map(|a| (base_role(&a.role), filler_key(doc, a.filler)))
        .collect()
}

/// The owned filler of a key; `None` for a filler missing from its document.
pub fn unit_filler(key: FillerKey<'_>) -> Option<UnitFiller> {
    match key {
        FillerKey::Mention(entity_type, ranges) => Some(UnitFiller::Mention {
            entity_type: entity_type.to_string(),
            ranges: ranges.to_vec(),
        }),
        FillerKey::Event(event_type, trigger) => Some(UnitFiller::Event {
            event_type: event_type.to_string(),
            trigger: trigger.to_vec(),
        }),
        FillerKey::Missing => None,
    }
}

/// A mention as a unit: its type and ranges.
pub fn unit_from_mention(m: &Mention) -> Unit {
    let (entity_type, ranges) = mention_key(m);
    Unit::Mention {
        entity_type: entity_type.to_string(),
        ranges: ranges.to_vec(),
    }
}

/// An event as a unit: its type and trigger (its arguments are units of their own).
pub fn unit_from_event(e: &Event) -> Unit {
    let (event_type, trigger) = trigger_key(e);
    Unit::Event {
        event_type: event_type.to_string(),
        trigger: trigger.to_vec(),
    }
}

/// An argument of `event` as a unit: the event's type and trigger, the base role and the
/// filler; `None` when the filler does not exist in `doc`.
pub fn unit_from_argument(doc: &Document, event: &Event, arg: &RoleArg) -> Option<Unit> {
    let filler = unit_filler(filler_key(doc, arg.filler))?;
    let (event_type, trigger) = trigger_key(event);
    Some(Unit::Argument {
        event_type: event_type.to_string(),
        trigger: trigger.to_vec(),
        role: base_role(&arg.role).to_string(),
        filler,
    })
}

/// A relation as a unit: its type and both ends; `None` when an end does not exist in
/// `doc`.
pub fn unit_from_relation(doc: &Document, r: &Relation) -> Option<Unit> {
    let (relation_type, arg1, arg2) = relation_key(doc, r);
    Some(Unit::Relation {
        relation_type: relation_type.to_string(),
        arg1: unit_filler(arg1)?,
        arg2: unit_filler(arg2)?,
    })
}

/// Pairs the items of `a` and `b` with equal keys, one to one, in order: returns the
/// pairs (indices into `a` and `b`) and the unpaired indices of each side.
pub fn pair_by_key<K: Ord + Clone>(a: &[K], b: &[K]) -> Paired {
    let mut b_by_key: std::collections::BTreeMap<K, std::collections::VecDeque<usize>> =
        std::collections::BTreeMap::new();
    for (j, key) in b.iter().enumerate() {
        b_by_key.entry(key.clone()).or_default().push_back(j);
    }
    let mut paired = Paired::default();
    for (i, key) in a.iter().enumerate() {
        match b_by_key.get_mut(key).and_then(|q| q.pop_front()) {
            Some(j) => paired.pairs.push((i, j)),
            None => paired.only_a.push(i),
        }
    }
    paired.only_b = b_by_key.into_values().flatten().collect();
    paired.only_b.sort_unstable();
    paired
}

/// The result of [`pair_by_key`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paired {
    /// Indices of equal items, one from each side.
    pub pairs: Vec<(usize, usize)>,
    /// Items of `a` with no partner.
    pub only_a: Vec<usize>,
    /// Items of `b` with no partner.
    pub only_b: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_roles_compare_as_their_base_role() {
        assert_eq!(base_role("Theme2"), "Theme");
        assert_eq!(base_role("Theme"), "Theme");
        assert_eq!(base_role("2"), "2");
    }

    #[test]
    fn equal_keys_pair_one_to_one_in_order() {
        let paired = pair_by_key(&["x", "y", "x", "z"], &["x", "x", "x", "y"]);
        assert_eq!(paired.pairs, [(0, 0), (1, 3), (2, 1)]);
        assert_eq!(paired.only_a, [3]);
        assert_eq!(paired.only_b, [2]);
    }
}
