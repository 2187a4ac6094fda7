//! Every difference between two annotators' versions of a document, as a row a person
//! can read (and a spreadsheet can sort): what kind of difference, where, which text,
//! and each annotator's version. The comparison view and `eventail agree --csv` list
//! these.

use super::keys::{ArgumentKey, FillerKey, Paired, pair_by_key};
use crate::model::span::OffsetTable;
use crate::model::{AttrValue, Document, Event, Span};
use serde::Serialize;

/// What differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// A mention that only one annotator made.
    Mention,
    /// The same ranges, tagged with different entity types.
    MentionType,
    /// The same type, overlapping ranges that are not the same.
    MentionBoundaries,
    /// An event that only one annotator made (no event of the other has its trigger).
    Event,
    /// The same trigger, different event types.
    EventType,
    /// An argument of matched events that only one annotator gave.
    Argument,
    /// An attribute that matched events do not have alike (one set it, or the two
    /// gave it different values).
    EventAttribute,
    /// A relation that only one annotator made.
    Relation,
}

impl DisagreementKind {
    /// A short name, for tables and filters.
    pub fn label(self) -> &'static str {
        match self {
            DisagreementKind::Mention => "mention",
            DisagreementKind::MentionType => "mention type",
            DisagreementKind::MentionBoundaries => "mention boundaries",
            DisagreementKind::Event => "event",
            DisagreementKind::EventType => "event type",
            DisagreementKind::Argument => "argument",
            DisagreementKind::EventAttribute => "event attribute",
            DisagreementKind::Relation => "relation",
        }
    }
}

/// One difference between annotators A and B in one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// The document's name.
    pub document: String,
    /// What differs.
    pub kind: DisagreementKind,
    /// The type concerned (entity, event or relation type; the role for an argument).
    pub type_name: String,
    /// Where in the text (the mention's or trigger's ranges; A's when both have some).
    pub ranges: Vec<Span>,
    /// The text of those ranges.
    pub text: String,
    /// A's version, or empty when A has none.
    pub a: String,
    /// B's version, or empty when B has none.
    pub b: String,
    /// B's ranges where they are not `ranges` (other boundaries, or only B has it);
    /// empty otherwise. The comparison view draws them.
    #[serde(skip)]
    pub b_ranges: Vec<Span>,
}

/// What a version of a mention says: its type and characters.
pub(super) fn mention_version(table: &OffsetTable<'_>, type_name: &str, ranges: &[Span]) -> String {
    format!(
        "{type_name} «{}» {}",
        table.covered_text(ranges),
        ranges_text(ranges)
    )
}

/// `12-18,20-24`.
pub fn ranges_text(ranges: &[Span]) -> String {
    ranges
        .iter()
        .map(|r| format!("{}-{}", r.start, r.end))
        .collect::<Vec<_>>()
        .join(",")
}

/// The mentions that differ, once the exact matches (`exact`) are set aside: same
/// ranges with other types, same type with other boundaries, then the rest.
pub(super) fn mentions(
    table: &OffsetTable<'_>,
    a: &Document,
    b: &Document,
    exact: &Paired,
    out: &mut Vec<Disagreement>,
) {
    let ranges_a: Vec<&[Span]> = exact
        .only_a
        .iter()
        .map(|&i| a.mentions[i].ranges.as_slice())
        .collect();
    let ranges_b: Vec<&[Span]> = exact
        .only_b
        .iter()
        .map(|&j| b.mentions[j].ranges.as_slice())
        .collect();
    let same_ranges = pair_by_key(&ranges_a, &ranges_b);
    for &(i, j) in &same_ranges.pairs {
        let (ma, mb) = (&a.mentions[exact.only_a[i]], &b.mentions[exact.only_b[j]]);
        out.push(Disagreement {
            document: a.name.clone(),
            kind: DisagreementKind::MentionType,
            type_name: ma.entity_type.clone(),
            ranges: ma.ranges.clone(),
            text: table.covered_text(&ma.ranges),
            a: mention_version(table, &ma.entity_type, &ma.ranges),
            b: mention_version(table, &mb.entity_type, &mb.ranges),
            b_ranges: Vec::new(),
        });
    }
    // What is left: pair same-type overlapping mentions in text order, greedily.
    let mut left_a: Vec<usize> = same_ranges
        .only_a
        .iter()
        .map(|&i| exact.only_a[i])
        .collect();
    let mut left_b: Vec<usize> = same_ranges
        .only_b
        .iter()
        .map(|&j| exact.only_b[j])
        .collect();
    left_a.sort_by_key(|&i| a.mentions[i].extent());
    left_b.sort_by_key(|&j| b.mentions[j].extent());
    let mut used_b = vec![false; left_b.len()];
    let mut first_b = 0;
    for &i in &left_a {
        let ma = &a.mentions[i];
        let ea = ma.extent();
        while first_b < left_b.len() && b.mentions[left_b[first_b]].extent().end <= ea.start {
            first_b += 1;
        }
        let partner = (first_b..left_b.len())
            .take_while(|&k| b.mentions[left_b[k]].extent().start < ea.end)
            .find(|&k| {
                let mb = &b.mentions[left_b[k]];
                !used_b[k] && mb.entity_type == ma.entity_type && mb.extent().overlaps(&ea)
            });
        let (kind, b_version, b_ranges) = match partner {
            Some(k) => {
                used_b[k] = true;
                let mb = &b.mentions[left_b[k]];
                (
                    DisagreementKind::MentionBoundaries,
                    mention_version(table, &mb.entity_type, &mb.ranges),
                    mb.ranges.clone(),
                )
            }
            None => (DisagreementKind::Mention, String::new(), Vec::new()),
        };
        out.push(Disagreement {
            document: a.name.clone(),
            kind,
            type_name: ma.entity_type.clone(),
            ranges: ma.ranges.clone(),
            text: table.covered_text(&ma.ranges),
            a: mention_version(table, &ma.entity_type, &ma.ranges),
            b: b_version,
            b_ranges,
        });
    }
    for (k, &j) in left_b.iter().enumerate() {
        if used_b[k] {
            continue;
        }
        let mb = &b.mentions[j];
        out.push(Disagreement {
            document: a.name.clone(),
            kind: DisagreementKind::Mention,
            type_name: mb.entity_type.clone(),
            ranges: mb.ranges.clone(),
            text: table.covered_text(&mb.ranges),
            a: String::new(),
            b: mention_version(table, &mb.entity_type, &mb.ranges),
            b_ranges: Vec::new(),
        });
    }
}

/// The events that differ, once matched by type and trigger (`matched`): same trigger
/// with another type, then the rest.
pub(super) fn events(
    table: &OffsetTable<'_>,
    a: &Document,
    b: &Document,
    matched: &Paired,
    out: &mut Vec<Disagreement>,
) {
    let version = |e: &Event| {
        format!(
            "{} «{}» {}",
            e.event_type,
            table.covered_text(&e.trigger),
            ranges_text(&e.trigger)
        )
    };
    let triggers_a: Vec<&[Span]> = matched
        .only_a
        .iter()
        .map(|&i| a.events[i].trigger.as_slice())
        .collect();
    let triggers_b: Vec<&[Span]> = matched
        .only_b
        .iter()
        .map(|&j| b.events[j].trigger.as_slice())
        .collect();
    let same_trigger = pair_by_key(&triggers_a, &triggers_b);
    let mut row = |kind, e: &Event, a_version: String, b_version: String| {
        out.push(Disagreement {
            document: a.name.clone(),
            kind,
            type_name: e.event_type.clone(),
            ranges: e.trigger.clone(),
            text: table.covered_text(&e.trigger),
            a: a_version,
            b: b_version,
            b_ranges: Vec::new(),
        });
    };
    for &(i, j) in &same_trigger.pairs {
        let (ea, eb) = (&a.events[matched.only_a[i]], &b.events[matched.only_b[j]]);
        row(DisagreementKind::EventType, ea, version(ea), version(eb));
    }
    for &i in &same_trigger.only_a {
        let e = &a.events[matched.only_a[i]];
        row(DisagreementKind::Event, e, version(e), String::new());
    }
    for &j in &same_trigger.only_b {
        let e = &b.events[matched.only_b[j]];
        row(DisagreementKind::Event, e, String::new(), version(e));
    }
}

/// The arguments of two matched events that only one annotator gave.
pub(super) fn arguments(
    table: &OffsetTable<'_>,
    doc: &Document,
    event: &Event,
    (args_a, args_b): (&[ArgumentKey<'_>], &[ArgumentKey<'_>]),
    paired: &Paired,
    out: &mut Vec<Disagreement>,
) {
    let version = |(role, filler): &ArgumentKey<'_>| match filler {
        FillerKey::Mention(t, r) | FillerKey::Event(t, r) => {
            format!("{role}: {t} «{}» {}", table.covered_text(r), ranges_text(r))
        }
        FillerKey::Missing => format!("{role}: (missing)"),
    };
    let sides = paired
        .only_a
        .iter()
        .map(|&i| (&args_a[i], true))
        .chain(paired.only_b.iter().map(|&j| (&args_b[j], false)));
    for (arg, in_a) in sides {
        let text = version(arg);
        out.push(Disagreement {
            document: doc.name.clone(),
            kind: DisagreementKind::Argument,
            type_name: arg.0.to_string(),
            ranges: event.trigger.clone(),
            text: table.covered_text(&event.trigger),
            a: if in_a { text.clone() } else { String::new() },
            b: if in_a { String::new() } else { text },
            b_ranges: Vec::new(),
        });
    }
}

/// The attribute `name` of matched events `ea` (A's) and `eb` (B's) when they differ: a
/// flag is `set`, a value is itself, and a side without it has no version.
pub(super) fn event_attribute(
    table: &OffsetTable<'_>,
    doc: &Document,
    (ea, eb): (&Event, &Event),
    name: &str,
    out: &mut Vec<Disagreement>,
) {
    let (va, vb) = (ea.attributes.get(name), eb.attributes.get(name));
    if va == vb {
        return;
    }
    let version = |v: Option<&AttrValue>| match v {
        None => String::new(),
        Some(AttrValue::Flag) => format!("{name}: set"),
        Some(AttrValue::Value(value)) => format!("{name}: {value}"),
    };
    out.push(Disagreement {
        document: doc.name.clone(),
        kind: DisagreementKind::EventAttribute,
        type_name: name.to_string(),
        ranges: ea.trigger.clone(),
        text: table.covered_text(&ea.trigger),
        a: version(va),
        b: version(vb),
        b_ranges: Vec::new(),
    });
}

/// The relations that only one annotator made.
pub(super) fn relations(
    table: &OffsetTable<'_>,
    a: &Document,
    b: &Document,
    matched: &Paired,
    out: &mut Vec<Disagreement>,
) {
    let sides = matched
        .only_a
        .iter()
        .map(|&i| (a, &a.relations[i], true))
        .chain(matched.only_b.iter().map(|&j| (b, &b.relations[j], false)));
    for (doc, r, in_a) in sides {
        let end = |f| match super::keys::filler_key(doc, f) {
            FillerKey::Mention(_, ranges) | FillerKey::Event(_, ranges) => ranges.to_vec(),
            FillerKey::Missing => Vec::new(),
        };
        let (from, to) = (end(r.arg1), end(r.arg2));
        let version = format!(
            "{} «{}» → «{}»",
            r.relation_type,
            table.covered_text(&from),
            table.covered_text(&to)
        );
        out.push(Disagreement {
            document: a.name.clone(),
            kind: DisagreementKind::Relation,
            type_name: r.relation_type.clone(),
            text: table.covered_text(&from),
            ranges: from,
            a: if in_a { version.clone() } else { String::new() },
            b: if in_a { String::new() } else { version },
            b_ranges: Vec::new(),
        });
    }
}
