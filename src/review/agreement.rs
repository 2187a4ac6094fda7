//! How far two annotators agree, A taken as the reference: precision, recall and F1 of
//! mentions (exact and overlapping), events (by trigger, then argument by argument),
//! relations, Cohen's kappa on the types of identically bounded mentions and agreement
//! of attributes on matched events; per document, per type, per role and for the whole
//! project. Figures are micro-averaged: counts are summed over documents before
//! dividing. The definitions are in `docs/agreement.md`.

use super::align::Alignment;
use super::disagreement::{self, Disagreement};
use super::keys::{Paired, argument_keys, mention_key, pair_by_key, relation_key, trigger_key};
use crate::model::span::OffsetTable;
use crate::model::{Document, Span};
use serde::Serialize;
use std::collections::BTreeMap;

/// Matches, and how many annotations each side had.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Annotations of A that have a partner in B (one to one).
    pub matches: usize,
    /// Annotations of A, the reference.
    pub in_a: usize,
    /// Annotations of B.
    pub in_b: usize,
}

impl Counts {
    /// matches / |B|; 0 when B has none.
    pub fn precision(&self) -> f64 {
        ratio(self.matches, self.in_b)
    }

    /// matches / |A|; 0 when A has none.
    pub fn recall(&self) -> f64 {
        ratio(self.matches, self.in_a)
    }

    /// The harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Precision, recall and F1 together, as printed and serialised.
    pub fn scores(&self) -> Scores {
        Scores {
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
        }
    }

    fn add(&mut self, other: Counts) {
        self.matches += other.matches;
        self.in_a += other.in_a;
        self.in_b += other.in_b;
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// matches / |B|.
    pub precision: f64,
    /// matches / |A|.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
}

/// How often two annotators gave a matched event the same value of an attribute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AttributeCounts {
    /// Matched events on which the values are equal (both unset is not counted).
    pub same: usize,
    /// Matched events on which either annotator set the attribute.
    pub compared: usize,
}

/// The counts of one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocumentCounts {
    /// The document's name.
    pub name: String,
    /// Mentions, same type and exact ranges.
    pub mentions_exact: Counts,
    /// Mentions, same type and overlapping.
    pub mentions_overlap: Counts,
    /// Events, same type and trigger.
    pub events_trigger: Counts,
    /// Arguments of matched events.
    pub events_arguments: Counts,
    /// Relations, same type and ends.
    pub relations: Counts,
}

/// Everything measured between A (the reference) and B.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PairAgreement {
    /// Mentions by type and exact ranges.
    pub mentions_exact: Counts,
    /// Mentions by type and at least one shared character.
    pub mentions_overlap: Counts,
    /// The type pairs of mentions with identical ranges, counted: (A's type, B's type).
    pub type_pairs: BTreeMap<(String, String), usize>,
    /// Events by type and trigger ranges.
    pub events_trigger: Counts,
    /// Arguments of matched events (role and filler).
    pub events_arguments: Counts,
    /// Relations by type and both ends.
    pub relations: Counts,
    /// Exact mention counts per entity type.
    pub per_entity_type: BTreeMap<String, Counts>,
    /// Trigger counts per event type.
    pub per_event_type: BTreeMap<String, Counts>,
    /// Argument counts per role (trailing digits removed).
    pub per_role: BTreeMap<String, Counts>,
    /// Relation counts per relation type.
    pub per_relation_type: BTreeMap<String, Counts>,
    /// Attribute agreement on matched events, per attribute.
    pub event_attributes: BTreeMap<String, AttributeCounts>,
    /// The counts of each compared document, in order.
    pub per_document: Vec<DocumentCounts>,
    /// Every difference, document by document.
    pub disagreements: Vec<Disagreement>,
}

impl PairAgreement {
    /// Cohen's kappa over [`Self::type_pairs`]: 1 when chance agreement is 1, 0 when
    /// there is no pair.
    pub fn kappa(&self) -> f64 {
        let total: usize = self.type_pairs.values().sum();
        if total == 0 {
            return 0.0;
        }
        let n = total as f64;
        let mut observed = 0.0;
        let mut by_a: BTreeMap<&str, f64> = BTreeMap::new();
        let mut by_b: BTreeMap<&str, f64> = BTreeMap::new();
        for ((a, b), &count) in &self.type_pairs {
            if a == b {
                observed += count as f64;
            }
            *by_a.entry(a).or_default() += count as f64;
            *by_b.entry(b).or_default() += count as f64;
        }
        let observed = observed / n;
        let chance: f64 = by_a
            .iter()
            .map(|(t, a)| a / n * by_b.get(t).copied().unwrap_or(0.0) / n)
            .sum();
        if (1.0 - chance).abs() < f64::EPSILON {
            1.0
        } else {
            (observed - chance) / (1.0 - chance)
        }
    }
}

/// Compares projects `a` and `b` of `alignment` (positions in the list aligned), on
/// every document they share.
pub fn pair_agreement(alignment: &Alignment<'_>, a: usize, b: usize) -> PairAgreement {
    let mut total = PairAgreement::default();
    for doc in alignment.documents() {
        let (Some(da), Some(db)) = (doc.versions.get(a), doc.versions.get(b)) else {
            continue;
        };
        let counts = compare_documents(da, db, &mut total);
        total.mentions_exact.add(counts.mentions_exact);
        total.mentions_overlap.add(counts.mentions_overlap);
        total.events_trigger.add(counts.events_trigger);
        total.events_arguments.add(counts.events_arguments);
        total.relations.add(counts.relations);
        total.per_document.push(counts);
    }
    total
}

/// Adds `count` to the counts of `key` in `map`.
fn add_to(map: &mut BTreeMap<String, Counts>, key: &str, count: Counts) {
    map.entry(key.to_string()).or_default().add(count);
}

const MATCH: Counts = Counts {
    matches: 1,
    in_a: 1,
    in_b: 1,
};
const ONLY_A: Counts = Counts {
    matches: 0,
    in_a: 1,
    in_b: 0,
};
const ONLY_B: Counts = Counts {
    matches: 0,
    in_a: 0,
    in_b: 1,
};

/// The counts of one document; per-type counts, type pairs, attribute agreement and
/// disagreements go straight into `total`.
fn compare_documents(a: &Document, b: &Document, total: &mut PairAgreement) -> DocumentCounts {
    let mut counts = DocumentCounts {
        name: a.name.clone(),
        ..Default::default()
    };
    // The texts are identical (aligned documents): one table serves both sides.
    let table = OffsetTable::new(&a.text);
    let first_disagreement = total.disagreements.len();

    // Mentions, exact.
    let keys_a: Vec<_> = a.mentions.iter().map(mention_key).collect();
    let keys_b: Vec<_> = b.mentions.iter().map(mention_key).collect();
    let exact = pair_by_key(&keys_a, &keys_b);
    counts.mentions_exact = Counts {
        matches: exact.pairs.len(),
        in_a: a.mentions.len(),
        in_b: b.mentions.len(),
    };
    count_by_type(
        &mut total.per_entity_type,
        &exact,
        |i| keys_a[i].0,
        |j| keys_b[j].0,
    );

    // Mentions, overlapping, and the type pairs of identical ranges.
    counts.mentions_overlap = Counts {
        matches: overlap_matches(a, b),
        in_a: a.mentions.len(),
        in_b: b.mentions.len(),
    };
    let ranges_a: Vec<&[Span]> = a.mentions.iter().map(|m| m.ranges.as_slice()).collect();
    let ranges_b: Vec<&[Span]> = b.mentions.iter().map(|m| m.ranges.as_slice()).collect();
    for (i, j) in pair_by_key(&ranges_a, &ranges_b).pairs {
        let pair = (
            a.mentions[i].entity_type.clone(),
            b.mentions[j].entity_type.clone(),
        );
        *total.type_pairs.entry(pair).or_default() += 1;
    }

    // Events by trigger, then their arguments and attributes.
    let triggers_a: Vec<_> = a.events.iter().map(trigger_key).collect();
    let triggers_b: Vec<_> = b.events.iter().map(trigger_key).collect();
    let events = pair_by_key(&triggers_a, &triggers_b);
    counts.events_trigger = Counts {
        matches: events.pairs.len(),
        in_a: a.events.len(),
        in_b: b.events.len(),
    };
    let (type_a, type_b) = (|i: usize| triggers_a[i].0, |j: usize| triggers_b[j].0);
    count_by_type(&mut total.per_event_type, &events, type_a, type_b);
    let mut arguments = Counts::default();
    for &(i, j) in &events.pairs {
        let (ea, eb) = (&a.events[i], &b.events[j]);
        let args_a = argument_keys(a, ea);
        let args_b = argument_keys(b, eb);
        let paired = pair_by_key(&args_a, &args_b);
        count_by_type(
            &mut total.per_role,
            &paired,
            |i| args_a[i].0,
            |j| args_b[j].0,
        );
        arguments.add(Counts {
            matches: paired.pairs.len(),
            in_a: args_a.len(),
            in_b: args_b.len(),
        });
        let args = (args_a.as_slice(), args_b.as_slice());
        disagreement::arguments(&table, a, ea, args, &paired, &mut total.disagreements);
        let names: std::collections::BTreeSet<&String> =
            ea.attributes.keys().chain(eb.attributes.keys()).collect();
        for name in names {
            let entry = total.event_attributes.entry(name.clone()).or_default();
            entry.compared += 1;
            if ea.attributes.get(name) == eb.attributes.get(name) {
                entry.same += 1;
            } else {
                disagreement::event_attribute(&table, a, (ea, eb), name, &mut total.disagreements);
            }
        }
    }
    // Arguments of unmatched events count on their side only.
    for &i in &events.only_a {
        let args = argument_keys(a, &a.events[i]);
        arguments.in_a += args.len();
        for (role, _) in &args {
            add_to(&mut total.per_role, role, ONLY_A);
        }
    }
    for &j in &events.only_b {
        let args = argument_keys(b, &b.events[j]);
        arguments.in_b += args.len();
        for (role, _) in &args {
            add_to(&mut total.per_role, role, ONLY_B);
        }
    }
    counts.events_arguments = arguments;

    // Relations.
    let rel_a: Vec<_> = a.relations.iter().map(|r| relation_key(a, r)).collect();
    let rel_b: Vec<_> = b.relations.iter().map(|r| relation_key(b, r)).collect();
    let relations = pair_by_key(&rel_a, &rel_b);
    counts.relations = Counts {
        matches: relations.pairs.len(),
        in_a: a.relations.len(),
        in_b: b.relations.len(),
    };
    count_by_type(
        &mut total.per_relation_type,
        &relations,
        |i| rel_a[i].0,
        |j| rel_b[j].0,
    );

    disagreement::mentions(&table, a, b, &exact, &mut total.disagreements);
    disagreement::events(&table, a, b, &events, &mut total.disagreements);
    disagreement::relations(&table, a, b, &relations, &mut total.disagreements);
    // In text order, so that a reader walks through the document.
    total.disagreements[first_disagreement..]
        .sort_by_key(|d| (d.ranges.first().map(|r| r.start), d.kind));
    counts
}

/// Counts the pairs and the unpaired items of `paired` under their types.
fn count_by_type<'k>(
    map: &mut BTreeMap<String, Counts>,
    paired: &Paired,
    type_of_a: impl Fn(usize) -> &'k str,
    type_of_b: impl Fn(usize) -> &'k str,
) {
    for &(i, _) in &paired.pairs {
        add_to(map, type_of_a(i), MATCH);
    }
    for &i in &paired.only_a {
        add_to(map, type_of_a(i), ONLY_A);
    }
    for &j in &paired.only_b {
        add_to(map, type_of_b(j), ONLY_B);
    }
}

/// How many mentions pair up when a pair needs the same type and at least one shared
/// character, one to one: candidate pairs are taken greedily, larger overlap first,
/// then by A's first start, then by B's.
fn overlap_matches(a: &Document, b: &Document) -> usize {
    // Candidates, found by a sweep over B's mentions sorted by start (no all-pairs
    // product unless the mentions really all overlap).
    let mut b_sorted: Vec<(usize, usize, usize)> = b
        .mentions
        .iter()
        .enumerate()
        .map(|(j, m)| {
            let e = m.extent();
            (e.start, e.end, j)
        })
        .collect();
    b_sorted.sort_unstable();
    let mut candidates: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    for (i, ma) in a.mentions.iter().enumerate() {
        let ea = ma.extent();
        // B mentions starting before A's end; those ending after A's start overlap.
        let upto = b_sorted.partition_point(|&(start, _, _)| start < ea.end);
        for &(start_b, end_b, j) in &b_sorted[..upto] {
            if end_b <= ea.start {
                continue;
            }
            let mb = &b.mentions[j];
            if mb.entity_type != ma.entity_type {
                continue;
            }
            let shared = shared_chars(&ma.ranges, &mb.ranges);
            if shared > 0 {
                candidates.push((shared, ea.start, start_b, i, j));
            }
        }
    }
    candidates.sort_unstable_by(|x, y| {
        y.0.cmp(&x.0)
            .then(x.1.cmp(&y.1))
            .then(x.2.cmp(&y.2))
            .then(x.3.cmp(&y.3))
            .then(x.4.cmp(&y.4))
    });
    let mut used_a = vec![false; a.mentions.len()];
    let mut used_b = vec![false; b.mentions.len()];
    let mut matches = 0;
    for (_, _, _, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            matches += 1;
        }
    }
    matches
}

/// Characters covered by both lists of sorted, disjoint ranges.
fn shared_chars(a: &[Span], b: &[Span]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        shared += end.saturating_sub(start);
        if a[i].end <= b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_schema;
    use crate::model::{
        Event, EventId, Filler, Mention, MentionId, Project, Relation, RelationId, RoleArg,
    };
    use crate::review::{align, character_agreement};

    const TEXT: &str = "Daech prend Palmyre, Assad reprend la ville. Les combats.";

    fn mention(id: u32, entity_type: &str, start: usize, end: usize) -> Mention {
        Mention {
            id: MentionId(id),
            entity_type: entity_type.into(),
            ranges: vec![Span::new(start, end)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        }
    }

    fn event(id: u32, event_type: &str, trigger: (usize, usize), args: &[(&str, u32)]) -> Event {
        Event {
            id: EventId(id),
            event_type: event_type.into(),
            trigger: vec![Span::new(trigger.0, trigger.1)],
            arguments: args
                .iter()
                .map(|(role, m)| RoleArg {
                    role: (*role).into(),
                    filler: Filler::Mention(MentionId(*m)),
                })
                .collect(),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        }
    }

    fn project(mentions: Vec<Mention>, events: Vec<Event>, relations: Vec<Relation>) -> Project {
        let mut p = Project::new("p", default_schema());
        let mut doc = Document::new("d1", "article", TEXT);
        doc.mentions = mentions;
        doc.events = events;
        doc.relations = relations;
        doc.next_id = 100;
        p.documents.push(doc);
        p
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-12
    }

    #[test]
    fn identical_annotators_agree_fully_and_disagree_nowhere() {
        let a = project(
            vec![mention(1, "armed_group", 0, 5), mention(2, "place", 12, 19)],
            vec![event(
                3,
                "capture",
                (6, 11),
                &[("agent", 1), ("territory", 2)],
            )],
            vec![],
        );
        let aligned = align(&[&a, &a]);
        let pair = pair_agreement(&aligned, 0, 1);
        assert_eq!(pair.mentions_exact.scores().f1, 1.0);
        assert_eq!(pair.mentions_overlap.scores().f1, 1.0);
        assert_eq!(pair.events_trigger.scores().f1, 1.0);
        assert_eq!(pair.events_arguments.scores().f1, 1.0);
        assert!(close(pair.kappa(), 1.0));
        assert!(pair.disagreements.is_empty());
        let chars = character_agreement(&aligned);
        assert!(close(chars.alpha, 1.0) && close(chars.fleiss_kappa, 1.0));
        assert_eq!(chars.units, TEXT.chars().count());
    }

    #[test]
    fn empty_documents_score_zero_and_characters_agree() {
        let a = project(vec![], vec![], vec![]);
        let aligned = align(&[&a, &a]);
        let pair = pair_agreement(&aligned, 0, 1);
        assert_eq!(pair.mentions_exact, Counts::default());
        assert_eq!(pair.mentions_exact.scores().f1, 0.0);
        assert_eq!(pair.kappa(), 0.0);
        assert!(close(character_agreement(&aligned).alpha, 1.0));
    }

    #[test]
    fn no_common_document_counts_nothing() {
        let a = project(vec![mention(1, "person", 0, 5)], vec![], vec![]);
        let mut b = a.clone();
        b.documents[0].text.push('!');
        let aligned = align(&[&a, &b]);
        let pair = pair_agreement(&aligned, 0, 1);
        assert_eq!(pair.mentions_exact, Counts::default());
        assert!(pair.per_document.is_empty());
        assert_eq!(character_agreement(&aligned).units, 0);
    }

    /// Computed by hand: A has person 0-5, place 12-19, person 21-26; B has person 0-5,
    /// person 12-19 (type differs), person 22-26 (boundaries differ), organisation 38-43.
    #[test]
    fn mentions_by_hand() {
        let a = project(
            vec![
                mention(1, "person", 0, 5),
                mention(2, "place", 12, 19),
                mention(3, "person", 21, 26),
            ],
            vec![],
            vec![],
        );
        let b = project(
            vec![
                mention(1, "person", 0, 5),
                mention(2, "person", 12, 19),
                mention(3, "person", 22, 26),
                mention(4, "organisation", 38, 43),
            ],
            vec![],
            vec![],
        );
        let pair = pair_agreement(&align(&[&a, &b]), 0, 1);
        // Exact: 1 match of 3 and 4.
        assert_eq!(
            pair.mentions_exact,
            Counts {
                matches: 1,
                in_a: 3,
                in_b: 4
            }
        );
        assert!(close(pair.mentions_exact.f1(), 2.0 / 7.0));
        // Overlap: 0-5 and 21-26 ~ 22-26 (same type); 12-19 differs in type.
        assert_eq!(pair.mentions_overlap.matches, 2);
        // Kappa over (person, person) and (place, person): observed 1/2, chance 1/2.
        assert!(close(pair.kappa(), 0.0));
        let kinds: Vec<_> = pair.disagreements.iter().map(|d| d.kind).collect();
        use super::super::DisagreementKind as K;
        assert_eq!(kinds, [K::MentionType, K::MentionBoundaries, K::Mention]);
        assert_eq!(pair.disagreements[0].text, "Palmyre");
        assert!(pair.disagreements[2].a.is_empty() && !pair.disagreements[2].b.is_empty());
        assert_eq!(
            pair.per_entity_type["person"],
            Counts {
                matches: 1,
                in_a: 2,
                in_b: 3
            }
        );
    }

    /// Overlapping candidates are taken larger overlap first: B's 2-10 (8 shared) wins
    /// over B's 0-4 (4 shared), so only one pair is made.
    #[test]
    fn overlap_pairs_are_taken_greedily_by_size() {
        let a = project(vec![mention(1, "person", 0, 10)], vec![], vec![]);
        let b = project(
            vec![mention(1, "person", 0, 4), mention(2, "person", 2, 10)],
            vec![],
            vec![],
        );
        let pair = pair_agreement(&align(&[&a, &b]), 0, 1);
        assert_eq!(
            pair.mentions_overlap,
            Counts {
                matches: 1,
                in_a: 1,
                in_b: 2
            }
        );
    }

    /// Events match by type and trigger; arguments by base role and filler.
    #[test]
    fn events_and_arguments_by_hand() {
        let mentions = vec![
            mention(1, "armed_group", 0, 5),
            mention(2, "place", 12, 19),
            mention(4, "person", 21, 26),
        ];
        let a = project(
            mentions.clone(),
            vec![
                event(10, "capture", (6, 11), &[("agent", 1), ("territory", 2)]),
                event(11, "capture", (27, 34), &[("agent", 4)]),
            ],
            vec![],
        );
        let b = project(
            mentions,
            vec![
                event(10, "capture", (6, 11), &[("agent", 1), ("territory2", 4)]),
                event(11, "attack", (27, 34), &[]),
            ],
            vec![],
        );
        let pair = pair_agreement(&align(&[&a, &b]), 0, 1);
        assert_eq!(
            pair.events_trigger,
            Counts {
                matches: 1,
                in_a: 2,
                in_b: 2
            }
        );
        // Matched event: agent agrees, territory differs (place vs person); the
        // unmatched events' arguments count on their side.
        assert_eq!(
            pair.events_arguments,
            Counts {
                matches: 1,
                in_a: 3,
                in_b: 2
            }
        );
        assert_eq!(
            pair.per_role["agent"],
            Counts {
                matches: 1,
                in_a: 2,
                in_b: 1
            }
        );
        assert_eq!(
            pair.per_role["territory"],
            Counts {
                matches: 0,
                in_a: 1,
                in_b: 1
            }
        );
        use super::super::DisagreementKind as K;
        let kinds: Vec<_> = pair.disagreements.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [K::Argument, K::Argument, K::EventType]);
    }

    #[test]
    fn attributes_of_matched_events_that_differ_are_each_a_disagreement() {
        use crate::model::AttrValue;
        let with = |attributes: &[(&str, AttrValue)]| {
            let mut e = event(10, "capture", (6, 11), &[]);
            e.attributes = attributes
                .iter()
                .map(|(n, v)| (n.to_string(), v.clone()))
                .collect();
            project(vec![], vec![e], vec![])
        };
        let a = with(&[
            ("negated", AttrValue::Flag),
            ("certainty", AttrValue::Value("certain".into())),
            ("tense", AttrValue::Value("past".into())),
        ]);
        let b = with(&[
            ("certainty", AttrValue::Value("probable".into())),
            ("tense", AttrValue::Value("past".into())),
        ]);
        let pair = pair_agreement(&align(&[&a, &b]), 0, 1);
        let rows: Vec<(&str, &str, &str)> = pair
            .disagreements
            .iter()
            .map(|d| (d.type_name.as_str(), d.a.as_str(), d.b.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("certainty", "certainty: certain", "certainty: probable"),
                ("negated", "negated: set", ""),
            ]
        );
        assert!(
            pair.disagreements
                .iter()
                .all(|d| d.kind == super::super::DisagreementKind::EventAttribute)
        );
    }

    #[test]
    fn relations_match_by_type_and_both_ends() {
        let mentions = vec![mention(1, "person", 0, 5), mention(2, "place", 12, 19)];
        let relation = |id: u32, from: u32, to: u32| Relation {
            id: RelationId(id),
            relation_type: "located_in".into(),
            arg1: Filler::Mention(MentionId(from)),
            arg2: Filler::Mention(MentionId(to)),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        };
        let a = project(mentions.clone(), vec![], vec![relation(3, 1, 2)]);
        let b = project(mentions, vec![], vec![relation(3, 2, 1)]);
        let pair = pair_agreement(&align(&[&a, &b]), 0, 1);
        assert_eq!(
            pair.relations,
            Counts {
                matches: 0,
                in_a: 1,
                in_b: 1
            }
        );
        assert_eq!(pair.per_relation_type["located_in"].in_a, 1);
    }

    /// Character units, against the `krippendorff` (0.9.0) and statsmodels (0.15)
    /// packages on the same value sequences: A person 0-6; B person 2-8 and
    /// organisation 6-10 (chars 6-7 are {organisation, person} for B) → alpha 0.109375,
    /// Fleiss 0.0625.
    #[test]
    fn character_units_match_the_reference_implementations() {
        let mut a = project(vec![mention(1, "person", 0, 6)], vec![], vec![]);
        let mut b = project(
            vec![
                mention(1, "person", 2, 8),
                mention(2, "organisation", 6, 10),
            ],
            vec![],
            vec![],
        );
        for p in [&mut a, &mut b] {
            p.documents[0].text = "0123456789".into();
        }
        let chars = character_agreement(&align(&[&a, &b]));
        assert_eq!(chars.units, 10);
        assert!(close(chars.alpha, 0.109_375), "{}", chars.alpha);
        assert!(close(chars.fleiss_kappa, 0.0625), "{}", chars.fleiss_kappa);
    }
}
