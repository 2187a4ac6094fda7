//! The explicit repair of a project that fails validation: drop what cannot be kept,
//! declare in the schema what is merely unknown, and say what was done about each
//! problem. Nothing is repaired silently: [`validate`](super::validate) reports, this
//! module acts only when the user asks (`eventail repair`). Like validation, it is
//! near-linear in the project, so that the largest broken file can be mended.

use super::annotation::AnnotationRef;
use super::annotation::{AttrValue, Attributes, Filler};
use super::diagnostic::Diagnostic;
use super::document::Document;
use super::project::{DocumentIds, Project};
use super::schema::{AttrKind, Schema};
use super::schema_index::IndexedSchema;
use super::span::Span;
use super::validate::cycle_closing_arguments;
use std::collections::{BTreeMap, BTreeSet};

/// Repairs `project` in place so that it validates; returns one line per change.
pub fn repair(project: &mut Project) -> Vec<Diagnostic> {
    let mut report = Vec::new();
    // Each document keeps its id if no document before it has it, so the ids to rename
    // into are claimed among the ids of those before and the renamed ones.
    let mut doc_ids = DocumentIds::default();
    let Project {
        schema, documents, ..
    } = project;
    let mut schema = IndexedSchema::new(schema);
    let mut renumbered = BTreeMap::new();
    for doc in documents.iter_mut() {
        if !doc_ids.take(&doc.id) {
            let fresh = doc_ids.claim(&doc.id);
            report.push(
                Diagnostic::new(format!("another document had this id: renamed {fresh:?}"))
                    .in_document(&doc.id),
            );
            doc.id = fresh;
        }
        if let Some(ids) = repair_indexed(&mut schema, doc, &mut report) {
            renumbered.insert(doc.id.clone(), ids);
        }
    }
    super::incident_repair::repair_incidents(project, &renumbered, &mut report);
    report
}

struct Fixer<'a, 's> {
    schema: &'a mut IndexedSchema<&'s mut Schema>,
    doc_id: String,
    report: &'a mut Vec<Diagnostic>,
}

impl Fixer<'_, '_> {
    fn note(&mut self, annotation: impl std::fmt::Display, message: String) {
        self.note_change(annotation, Diagnostic::new(message));
    }

    /// Reports `change`, made to annotation `annotation` of the document.
    fn note_change(&mut self, annotation: impl std::fmt::Display, change: Diagnostic) {
        self.report
            .push(change.in_document(&self.doc_id).on(annotation));
    }

    /// Keeps the ranges that fit the text, sorted and without overlap.
    fn ranges(&mut self, ann: &dyn std::fmt::Display, ranges: &mut Vec<Span>, len: usize) {
        let before = ranges.len();
        ranges.retain(|r| r.start < r.end && r.end <= len);
        ranges.sort();
        let mut kept: Vec<Span> = Vec::with_capacity(ranges.len());
        for r in ranges.drain(..) {
            if kept.last().is_none_or(|last| last.end <= r.start) {
                kept.push(r);
            }
        }
        if kept.len() != before {
            self.note(
                ann,
                format!(
                    "dropped {} range(s) that did not fit the text",
                    before - kept.len()
                ),
            );
        }
        *ranges = kept;
    }

    fn attributes(&mut self, ann: &dyn std::fmt::Display, type_name: &str, attrs: &mut Attributes) {
        let names: Vec<String> = attrs.keys().cloned().collect();
        for name in names {
            let Some(value) = attrs.get(&name).cloned() else {
                continue;
            };
            let kind = match value {
                AttrValue::Flag => AttrKind::Flag,
                AttrValue::Value(_) => AttrKind::Text,
            };
            if let Some(added) = self.schema.add_missing_attribute(&name, kind) {
                self.note_change(ann, added);
                continue;
            }
            if let Some(allowed) = self.schema.allow_attribute_on(&name, type_name) {
                self.note_change(ann, allowed);
            }
            if !self.schema.attribute_allows(&name, &value) {
                attrs.remove(&name);
                self.note(
                    ann,
                    format!("dropped attribute {name:?}: its value is not allowed"),
                );
            }
        }
    }
}

/// Repairs one document against `schema` (which it may extend); reports each change.
pub fn repair_document(schema: &mut Schema, doc: &mut Document, report: &mut Vec<Diagnostic>) {
    // A lone document has no incident to follow a renumbering.
    let _ = repair_indexed(&mut IndexedSchema::new(schema), doc, report);
}

/// [`repair_document`] through a schema indexed once for all the documents; returns
/// the new id of every annotation when they had to be renumbered.
fn repair_indexed(
    schema: &mut IndexedSchema<&mut Schema>,
    doc: &mut Document,
    report: &mut Vec<Diagnostic>,
) -> Option<BTreeMap<u32, u32>> {
    let len = doc.char_len();
    let mut fix = Fixer {
        schema,
        doc_id: doc.id.clone(),
        report,
    };
    // Ids: sorted, each used once across the three kinds.
    doc.mentions.sort_by_key(|m| m.id);
    doc.events.sort_by_key(|e| e.id);
    doc.relations.sort_by_key(|r| r.id);
    let mut seen = BTreeSet::new();
    doc.mentions.retain(|m| {
        seen.insert(m.id.0) || {
            fix.note(m.id, "dropped: another annotation has this id".into());
            false
        }
    });
    doc.events.retain(|e| {
        seen.insert(e.id.0) || {
            fix.note(e.id, "dropped: another annotation has this id".into());
            false
        }
    });
    doc.relations.retain(|r| {
        seen.insert(r.id.0) || {
            fix.note(r.id, "dropped: another annotation has this id".into());
            false
        }
    });
    // Taken before anything is dropped, so that a dropped annotation's id is not reused.
    let largest_id = seen.last().copied();
    for m in &mut doc.mentions {
        fix.ranges(&m.id, &mut m.ranges, len);
        if let Some(added) = fix.schema.add_missing_entity_type(&m.entity_type) {
            fix.note_change(m.id, added);
        }
        fix.attributes(&m.id, &m.entity_type, &mut m.attributes);
    }
    doc.mentions.retain(|m| {
        !m.ranges.is_empty() || {
            fix.note(m.id, "dropped: no range of it fits the text".into());
            false
        }
    });
    for e in &mut doc.events {
        fix.ranges(&e.id, &mut e.trigger, len);
        if let Some(added) = fix.schema.add_missing_event_type(&e.event_type) {
            fix.note_change(e.id, added);
        }
        fix.attributes(&e.id, &e.event_type, &mut e.attributes);
    }
    let exists = |doc: &Document, f: Filler| doc.has_filler(f);
    let snapshot = doc.clone();
    for e in &mut doc.events {
        let id = e.id;
        let before = e.arguments.len();
        e.arguments
            .retain(|a| exists(&snapshot, a.filler) && a.filler != Filler::Event(id));
        if e.arguments.len() != before {
            fix.note(
                id,
                format!(
                    "dropped {} argument(s) pointing at nothing or at itself",
                    before - e.arguments.len()
                ),
            );
        }
        for arg in &e.arguments {
            if let Some(added) = fix.schema.add_missing_role(&e.event_type, &arg.role) {
                fix.note_change(id, added);
            }
        }
    }
    break_cycles(doc, &mut fix);
    let snapshot = doc.clone();
    doc.relations.retain(|r| {
        (exists(&snapshot, r.arg1) && exists(&snapshot, r.arg2)) || {
            fix.note(
                r.id,
                "dropped: an end of the relation does not exist".into(),
            );
            false
        }
    });
    let snapshot = doc.clone();
    let before = doc.equivalences.len();
    for eq in &mut doc.equivalences {
        eq.members.retain(|&m| exists(&snapshot, m));
    }
    doc.equivalences.retain(|eq| eq.members.len() >= 2);
    if doc.equivalences.len() != before {
        fix.report.push(
            Diagnostic::new(format!(
                "dropped {} equivalence(s) left with fewer than two members",
                before - doc.equivalences.len()
            ))
            .in_document(&fix.doc_id),
        );
    }
    for eq in &doc.equivalences {
        if let Some(added) = fix.schema.add_missing_relation_type(&eq.relation_type) {
            fix.report.push(added.in_document(&fix.doc_id));
        }
    }
    let (normalizations, comments) = (doc.normalizations.len(), doc.comments.len());
    doc.normalizations
        .retain(|n| snapshot.has_annotation(n.target));
    doc.comments.retain(|c| snapshot.has_annotation(c.target));
    let dropped = normalizations + comments - doc.normalizations.len() - doc.comments.len();
    if dropped > 0 {
        fix.report.push(
            Diagnostic::new(format!(
                "dropped {dropped} normalisation(s) or comment(s) on missing annotations"
            ))
            .in_document(&fix.doc_id),
        );
    }
    for r in &mut doc.relations {
        if let Some(added) = fix.schema.add_missing_relation_type(&r.relation_type) {
            fix.note_change(r.id, added);
        }
        fix.attributes(&r.id, &r.relation_type, &mut r.attributes);
    }
    // Once the annotations they refer to are settled: a conflict that cannot be
    // resolved into a valid document is dropped (either version could break it).
    let conflicts = std::mem::take(&mut doc.conflicts);
    doc.conflicts = conflicts
        .into_iter()
        .filter(|c| {
            let problems = c.problems(doc, len);
            problems.is_empty() || {
                fix.note(c.target, format!("dropped: {}", problems.join("; ")));
                false
            }
        })
        .collect();
    mend_decisions(doc, len, &mut fix);
    // Last, when every reference resolves, so that renumbering maps them all.
    mend_next_id(doc, largest_id, &mut fix)
}

/// Sorts the decisions of a gold project by unit, keeps one per unit (the later in the
/// file) and drops those on a unit with a range that does not fit the text.
fn mend_decisions(doc: &mut Document, len: usize, fix: &mut Fixer) {
    let before = doc.decisions.len();
    let sorted = doc.decisions.windows(2).all(|w| w[0].unit < w[1].unit);
    doc.decisions
        .retain(|d| d.unit.all_ranges().all(|r| r.start < r.end && r.end <= len));
    let fitting = doc.decisions.len();
    if !sorted {
        doc.decisions.sort_by(|a, b| a.unit.cmp(&b.unit));
        doc.decisions.reverse();
        doc.decisions
            .dedup_by(|later, earlier| later.unit == earlier.unit);
        doc.decisions.reverse();
        fix.note_document("sorted the decisions by unit, one per unit".into());
    }
    let dropped = before - doc.decisions.len();
    if dropped > 0 {
        fix.note_document(format!(
            "dropped {dropped} decision(s): {} on a range outside the text, the others \
             on a unit decided twice",
            before - fitting
        ));
    }
}

impl Fixer<'_, '_> {
    /// A change that concerns the document as a whole.
    fn note_document(&mut self, message: String) {
        self.report
            .push(Diagnostic::new(message).in_document(self.doc_id.clone()));
    }
}

/// Drops the arguments that close a cycle of events (E1 an argument of E2 and E2 of E1,
/// or longer), which no file can hold: brat refuses them, and so does validation.
fn break_cycles(doc: &mut Document, fix: &mut Fixer) {
    let mut closing = cycle_closing_arguments(doc);
    closing.sort_unstable();
    for c in &closing {
        if let Some((id, cycle)) = c.described(doc) {
            fix.note(id, format!("dropped {cycle}"));
        }
    }
    // From the last, so that the positions of those before stay right.
    for c in closing.iter().rev() {
        if let Some(event) = doc.events.get_mut(c.event)
            && c.argument < event.arguments.len()
        {
            event.arguments.remove(c.argument);
        }
    }
}

/// Gives the document an id counter above all its ids that still has an id to hand
/// out: the largest id it had plus one. When an annotation has the largest possible id
/// there is no such counter, so the annotations are renumbered instead: the new ids
/// are returned, for the incidents that point at its events.
fn mend_next_id(
    doc: &mut Document,
    largest_id: Option<u32>,
    fix: &mut Fixer,
) -> Option<BTreeMap<u32, u32>> {
    let lowest = largest_id.map_or(Some(1), |id| id.checked_add(1));
    if lowest.is_some_and(|lowest| doc.next_id >= lowest) && doc.fresh_id().is_some() {
        return None;
    }
    let before = doc.next_id;
    if let Some(lowest) = lowest {
        doc.next_id = lowest;
    }
    let renumbered = (lowest.is_none() || doc.fresh_id().is_none()).then(|| renumber(doc, fix));
    fix.note_document(format!(
        "next_id {before} set to {}, above every id with ids left to hand out",
        doc.next_id
    ));
    renumbered
}

/// Renumbers the annotations 1, 2, 3... in the order of their ids (so creation order
/// and every list's sorting survive), rewrites every reference to them (arguments,
/// relation ends, equivalences, normalisations, comments, conflicts) and reports each
/// new id; returns the new id of each old one.
fn renumber(doc: &mut Document, fix: &mut Fixer) -> BTreeMap<u32, u32> {
    let mut old: Vec<u32> = doc.annotation_ids().collect();
    old.sort_unstable();
    let new: BTreeMap<u32, u32> = old.iter().copied().zip(1..).collect();
    // Every reference resolves by now; one that did not would keep its id.
    let id = |old: u32| new.get(&old).copied().unwrap_or(old);
    let kinds = [
        doc.mentions
            .iter()
            .map(|m| AnnotationRef::Mention(m.id))
            .collect::<Vec<_>>(),
        doc.events
            .iter()
            .map(|e| AnnotationRef::Event(e.id))
            .collect(),
        doc.relations
            .iter()
            .map(|r| AnnotationRef::Relation(r.id))
            .collect(),
    ];
    for from in kinds.into_iter().flatten() {
        let to = from.with_id(id(from.id()));
        if to != from {
            fix.note(from, format!("renumbered as {to}"));
        }
    }
    doc.map_annotation_ids(id);
    // As many ids as annotations: far below the largest id, which fits in memory.
    doc.next_id = u32::try_from(new.len()).map_or(u32::MAX, |n| n.saturating_add(1));
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Event, EventId, Mention, MentionId, Relation, RelationId, RoleArg, validate,
    };

    fn mention(id: u32, ty: &str, start: usize, end: usize) -> Mention {
        Mention {
            id: MentionId(id),
            entity_type: ty.into(),
            ranges: vec![Span::new(start, end)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn a_broken_project_validates_after_repair_and_every_change_is_reported() {
        let mut doc = Document::new("d", "d", "Daech à Palmyre");
        doc.next_id = 2;
        doc.mentions = vec![
            mention(3, "armed_group", 0, 5),
            mention(1, "place", 8, 99),
            mention(3, "place", 8, 15),
            mention(4, "ghost", 8, 15),
        ];
        doc.events.push(Event {
            id: EventId(5),
            event_type: "attack".into(),
            trigger: vec![Span::new(0, 5), Span::new(2, 4)],
            arguments: vec![
                RoleArg {
                    role: "attacker".into(),
                    filler: Filler::Mention(MentionId(3)),
                },
                RoleArg {
                    role: "target".into(),
                    filler: Filler::Mention(MentionId(1)),
                },
                RoleArg {
                    role: "weird".into(),
                    filler: Filler::Event(EventId(5)),
                },
            ],
            attributes: [("certainty".to_string(), AttrValue::Value("sure?".into()))].into(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        doc.relations.push(Relation {
            id: RelationId(6),
            relation_type: "part_of".into(),
            arg1: Filler::Mention(MentionId(1)),
            arg2: Filler::Mention(MentionId(4)),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        let mut project = Project::new("p", crate::io::default_schema());
        project.documents = vec![doc.clone(), doc].into();
        assert!(!validate(&project).is_empty());
        let report = repair(&mut project);
        assert_eq!(validate(&project), Vec::new(), "{report:#?}");
        let text: Vec<String> = report.iter().map(|p| p.to_string()).collect();
        let all = text.join("\n");
        for expected in [
            "renamed \"d-2\"",
            "T3: dropped: another annotation has this id",
            "T1: dropped 1 range(s)",
            "T1: dropped: no range of it fits the text",
            "entity type \"ghost\" added to the schema",
            "E5: dropped 1 range(s)",
            "E5: dropped 2 argument(s)",
            "dropped attribute \"certainty\"",
            "R6: dropped: an end of the relation does not exist",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in\n{all}");
        }
        let d = &project.documents[0];
        assert_eq!(d.mentions.len(), 2);
        assert!(d.next_id > 5);
    }

    /// "Daech à Palmyre": T1, T2, E3 (T1 attacks T2), R4 (T2 part of T1) at `ids`, with
    /// an equivalence, a normalisation and a comment pointing at them.
    fn linked(ids: [u32; 4], next_id: u32) -> Project {
        use crate::model::{AnnotationRef, Comment, Equivalence, Normalization};
        let [t1, t2, e3, r4] = ids;
        let mut doc = Document::new("d", "d", "Daech à Palmyre");
        doc.next_id = next_id;
        doc.mentions = vec![
            mention(t1, "armed_group", 0, 5),
            mention(t2, "place", 8, 15),
        ];
        doc.events.push(Event {
            id: EventId(e3),
            event_type: "attack".into(),
            trigger: Vec::new(),
            arguments: vec![
                RoleArg {
                    role: "attacker".into(),
                    filler: Filler::Mention(MentionId(t1)),
                },
                RoleArg {
                    role: "target".into(),
                    filler: Filler::Mention(MentionId(t2)),
                },
            ],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        doc.relations.push(Relation {
            id: RelationId(r4),
            relation_type: "part_of".into(),
            arg1: Filler::Mention(MentionId(t2)),
            arg2: Filler::Event(EventId(e3)),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        doc.equivalences.push(Equivalence {
            relation_type: "part_of".into(),
            members: vec![Filler::Mention(MentionId(t1)), Filler::Event(EventId(e3))],
        });
        doc.normalizations.push(Normalization {
            target: AnnotationRef::Relation(RelationId(r4)),
            resource: "Wikidata".into(),
            id: "Q5427".into(),
            text: String::new(),
        });
        doc.comments.push(Comment {
            target: AnnotationRef::Mention(MentionId(t2)),
            kind: "Lemma".into(),
            text: "Palmyre".into(),
        });
        let mut project = Project::new("p", crate::io::default_schema());
        project.documents.push(doc);
        project
    }

    fn report_text(report: &[Diagnostic]) -> String {
        let lines: Vec<String> = report.iter().map(|p| p.to_string()).collect();
        lines.join("\n")
    }

    #[test]
    fn a_next_id_too_small_or_exhausted_becomes_the_largest_id_plus_one() {
        for next_id in [0, 3, u32::MAX] {
            let mut project = linked([1, 2, 3, 7], next_id);
            assert!(!validate(&project).is_empty(), "{next_id}");
            let report = repair(&mut project);
            assert_eq!(validate(&project), Vec::new(), "{next_id}");
            assert_eq!(project.documents[0].next_id, 8);
            let all = report_text(&report);
            assert_eq!(
                all,
                format!(
                    "document \"d\": next_id {next_id} set to 8, above every id with ids \
                     left to hand out"
                )
            );
            assert_eq!(project.documents[0].mentions[0].id, MentionId(1), "kept");
        }
        // A larger next_id that leaves room stays: ids are never reused.
        let mut project = linked([1, 2, 3, 7], 100);
        assert_eq!(repair(&mut project), Vec::new());
        assert_eq!(project.documents[0].next_id, 100);
    }

    #[test]
    fn an_id_at_the_largest_value_renumbers_the_document_and_every_reference() {
        for ids in [
            [5, 9, u32::MAX - 1, u32::MAX],
            [5, u32::MAX, 6, 7],
            [5, 9, u32::MAX - 2, u32::MAX - 1],
        ] {
            let mut project = linked(ids, u32::MAX);
            let report = repair(&mut project);
            assert_eq!(validate(&project), Vec::new(), "{ids:?}");
            // Renumbered in the order of the old ids: the same layout as built afresh.
            let mut order = ids;
            order.sort_unstable();
            let new = |old: u32| 1 + order.iter().position(|&id| id == old).unwrap_or(9) as u32;
            let expected = linked(ids.map(new), 5);
            assert_eq!(project, expected, "{ids:?}\n{}", report_text(&report));
            let all = report_text(&report);
            assert!(
                all.contains("document \"d\", T5: renumbered as T1"),
                "{all}"
            );
            assert!(all.contains("next_id 4294967295 set to 5"), "{all}");
            // One line per annotation whose id changed, one for the counter.
            let changed = ids.iter().filter(|&&id| new(id) != id).count();
            assert_eq!(report.len(), changed + 1, "{all}");
        }
    }

    #[test]
    fn renumbering_follows_the_other_repairs_so_no_reference_lands_on_another_annotation() {
        // E(MAX) points at T1, which does not exist: once renumbered, T5 becomes T1, and
        // the dangling argument must not point at it.
        let mut project = linked([5, 9, 10, u32::MAX], u32::MAX);
        project.documents[0].events[0].arguments.push(RoleArg {
            role: "target".into(),
            filler: Filler::Mention(MentionId(1)),
        });
        let report = repair(&mut project);
        assert_eq!(validate(&project), Vec::new(), "{}", report_text(&report));
        assert_eq!(project.documents[0].events[0].arguments.len(), 2);
        assert_eq!(project, linked([1, 2, 3, 4], 5));
    }

    #[test]
    fn repair_breaks_cycles_of_events_by_dropping_the_argument_that_closes_each() {
        // E2 about E1 and E3, E3 about E2: E1 is no cycle.
        let mut project = crate::model::validate::tests::nested(&[&[], &[1, 3], &[2]]);
        assert!(!validate(&project).is_empty());
        let report = repair(&mut project);
        assert_eq!(validate(&project), Vec::new(), "{}", report_text(&report));
        assert_eq!(
            report_text(&report),
            "document \"d\", E3: dropped role \"topic\" (E2): E2 has E3 among its \
             arguments, directly or through other events: an event cannot contain itself"
        );
        let doc = &project.documents[0];
        assert!(doc.event(EventId(3)).unwrap().arguments.is_empty());
        assert_eq!(doc.event(EventId(2)).unwrap().arguments.len(), 2);
    }

    #[test]
    fn twenty_thousand_documents_with_one_id_get_one_each() {
        let mut project = Project::new("p", Schema::default());
        project.documents = (0..20_000).map(|_| Document::new("d", "d", "x")).collect();
        project.documents[1].id = "d-3".into();
        let report = repair(&mut project);
        assert_eq!(report.len(), 19_998, "all but the first two renamed");
        let ids: BTreeSet<&str> = project.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids.len(), 20_000);
        assert_eq!(project.documents[2].id, "d-2");
        assert_eq!(project.documents[3].id, "d-4", "d-3 is taken");
        assert_eq!(validate(&project), Vec::new());
    }

    #[test]
    fn decisions_are_sorted_one_per_unit_and_those_outside_the_text_dropped() {
        use crate::model::{Decision, Unit, Verdict};
        let decision = |start: usize, end: usize, verdict: Verdict| Decision {
            unit: Unit::Mention {
                entity_type: "place".into(),
                ranges: vec![Span::new(start, end)],
            },
            verdict,
            sources: Vec::new(),
            author: String::new(),
            changed: String::new(),
        };
        let mut project = crate::model::validate::tests::nested(&[]);
        project.documents[0].decisions = vec![
            decision(8, 11, Verdict::Agreed),
            decision(0, 7, Verdict::Agreed),
            decision(0, 7, Verdict::Rejected),
            decision(12, 40, Verdict::Agreed),
        ];
        let report = repair(&mut project);
        assert_eq!(validate(&project), Vec::new(), "{}", report_text(&report));
        let kept: Vec<Verdict> = project.documents[0]
            .decisions
            .iter()
            .map(|d| d.verdict)
            .collect();
        assert_eq!(
            kept,
            [Verdict::Rejected, Verdict::Agreed],
            "the later one kept"
        );
        assert_eq!(
            report_text(&report),
            "document \"d\": sorted the decisions by unit, one per unit\n\
             document \"d\": dropped 2 decision(s): 1 on a range outside the text, the \
             others on a unit decided twice"
        );
    }
}
