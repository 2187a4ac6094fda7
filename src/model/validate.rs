//! What a well-formed project is, checked on load and on import.
//!
//! Every problem names its document and annotation, so that a user can find it; none is
//! silently repaired here. Each check is near-linear in the project, names looked up in
//! an [`IndexedSchema`], so that a huge or hostile file is refused in seconds at worst.

use super::annotation::{Attributes, Filler};
use super::diagnostic::Diagnostic;
use super::document::Document;
use super::ids::EventId;
use super::project::Project;
use super::schema::Schema;
use super::schema_index::IndexedSchema;
use super::span::Span;
use std::collections::{BTreeSet, HashMap};

/// Documents checked by one thread at least: fewer are checked on the calling thread.
const DOCUMENTS_PER_THREAD: usize = 64;

/// All the problems of `project`; empty when it is well formed. The documents are
/// checked on every core (each thread with its own index of the schema), the problems
/// listed in the documents' order.
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let mut problems = validate_documents(project);
    super::incident_checks::check_incidents(project, &mut problems);
    problems
}

/// The problems of `project`'s documents, each checked against the schema and for its
/// own consistency, leaving out what spans documents (its incidents): enough to show a
/// document while the others are still being read.
pub fn validate_documents(project: &Project) -> Vec<Diagnostic> {
    let documents: Vec<&Document> = project.documents.iter().collect();
    let threads = crate::parallel::cores().min(documents.len() / DOCUMENTS_PER_THREAD);
    let runs: Vec<&[&Document]> = documents
        .chunks(documents.len().div_ceil(threads.max(1)).max(1))
        .collect();
    let checked = crate::parallel::map_in_order(&runs, runs.len(), |run| {
        let schema = IndexedSchema::new(&project.schema);
        run.iter()
            .map(|doc| {
                let mut problems = Vec::new();
                validate_document(&schema, doc, &mut problems);
                problems
            })
            .collect::<Vec<_>>()
    });
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for (doc, doc_problems) in documents.iter().zip(checked.into_iter().flatten()) {
        if !ids.insert(doc.id.as_str()) {
            problems.push(Diagnostic::new("another document has the same id").in_document(&doc.id));
        }
        problems.extend(doc_problems);
    }
    problems
}

struct DocChecker<'a> {
    schema: &'a IndexedSchema<&'a Schema>,
    doc: &'a Document,
    char_len: usize,
    problems: &'a mut Vec<Diagnostic>,
}

impl DocChecker<'_> {
    fn report(&mut self, annotation: impl std::fmt::Display, message: String) {
        self.problems.push(
            Diagnostic::new(message)
                .in_document(&self.doc.id)
                .on(annotation),
        );
    }

    fn ranges(&mut self, ann: &dyn std::fmt::Display, ranges: &[Span], may_be_empty: bool) {
        if ranges.is_empty() && !may_be_empty {
            self.report(ann, "has no text range".into());
        }
        for (i, r) in ranges.iter().enumerate() {
            if r.start >= r.end {
                self.report(
                    ann,
                    format!("range {}-{} is empty or reversed", r.start, r.end),
                );
            } else if r.end > self.char_len {
                self.report(
                    ann,
                    format!(
                        "range {}-{} ends past the text ({} characters)",
                        r.start, r.end, self.char_len
                    ),
                );
            }
            if i > 0 && ranges[i - 1].end > r.start {
                self.report(ann, "ranges are out of order or overlap".into());
            }
        }
    }

    fn attributes(&mut self, ann: &dyn std::fmt::Display, type_name: &str, attrs: &Attributes) {
        for (name, value) in attrs {
            if self.schema.attribute(name).is_none() {
                self.report(ann, format!("attribute {name:?} is not in the schema"));
                continue;
            }
            if !self.schema.attribute_applies(name, type_name) {
                self.report(
                    ann,
                    format!("attribute {name:?} does not apply to {type_name:?}"),
                );
            }
            if !self.schema.attribute_allows(name, value) {
                self.report(
                    ann,
                    format!("attribute {name:?} has a value it does not allow"),
                );
            }
        }
    }

    fn filler(&mut self, ann: &dyn std::fmt::Display, what: &str, filler: Filler) {
        if !self.doc.has_filler(filler) {
            self.report(
                ann,
                format!("{what} refers to {filler}, which does not exist"),
            );
        }
    }

    fn ids(&mut self) {
        let all = self
            .doc
            .mentions
            .iter()
            .map(|m| m.id.0)
            .chain(self.doc.events.iter().map(|e| e.id.0))
            .chain(self.doc.relations.iter().map(|r| r.id.0));
        let mut seen = BTreeSet::new();
        for id in all {
            if !seen.insert(id) {
                self.report(id, "this id is used twice".into());
            }
            if id >= self.doc.next_id {
                self.report(
                    id,
                    format!("id is not below next_id ({})", self.doc.next_id),
                );
            }
        }
        if self.doc.fresh_id().is_none() {
            // Accepted, it would make the next tag fail (or reuse ids in a build that wraps).
            self.problems.push(
                Diagnostic::new(format!(
                    "next_id is {}, the largest id: no id is left for a new annotation",
                    self.doc.next_id
                ))
                .in_document(self.doc.id.clone()),
            );
        }
        let sorted = |ids: Vec<u32>| ids.windows(2).all(|w| w[0] < w[1]);
        if !sorted(self.doc.mentions.iter().map(|m| m.id.0).collect())
            || !sorted(self.doc.events.iter().map(|e| e.id.0).collect())
            || !sorted(self.doc.relations.iter().map(|r| r.id.0).collect())
        {
            self.problems.push(
                Diagnostic::new("annotations are not sorted by id").in_document(&self.doc.id),
            );
        }
    }
}

impl DocChecker<'_> {
    /// Equivalences, normalisations and comments: every reference resolves.
    fn links(&mut self) {
        let doc = self.doc;
        for (i, eq) in doc.equivalences.iter().enumerate() {
            let what = format!("equivalence {} ({})", i + 1, eq.relation_type);
            if self.schema.relation_type(&eq.relation_type).is_none() {
                self.report(
                    &what,
                    format!("relation type {:?} is not in the schema", eq.relation_type),
                );
            }
            if eq.members.len() < 2 {
                self.report(&what, "has fewer than two members".into());
            }
            for &member in &eq.members {
                self.filler(&what, "a member", member);
            }
        }
        for n in &doc.normalizations {
            if !doc.has_annotation(n.target) {
                self.report(
                    n.target,
                    format!(
                        "normalisation {}:{} refers to an annotation that does not exist",
                        n.resource, n.id
                    ),
                );
            }
            if n.resource.is_empty() || n.id.is_empty() {
                self.report(n.target, "normalisation without resource or id".into());
            }
        }
        for c in &doc.comments {
            if !doc.has_annotation(c.target) {
                self.report(
                    c.target,
                    format!(
                        "comment {:?} refers to an annotation that does not exist",
                        c.kind
                    ),
                );
            }
        }
    }
}

impl DocChecker<'_> {
    /// Merge conflicts: each consistent with the document, so that either version can
    /// be picked (see [`Conflict::problems`](super::Conflict::problems)). A consistent
    /// conflict is no error: the file loads and the app offers the choice.
    fn conflicts(&mut self) {
        let doc = self.doc;
        for c in &doc.conflicts {
            for problem in c.problems(doc, self.char_len) {
                self.report(c.target, problem);
            }
        }
    }

    /// The decisions of a gold project: sorted by unit and one per unit (they are found
    /// by binary search), and every range of a unit fits the text.
    fn decisions(&mut self) {
        let decisions = &self.doc.decisions;
        for (i, d) in decisions.iter().enumerate() {
            let what = format!("decision on {}", d.unit);
            if let Some(previous) = i.checked_sub(1).and_then(|p| decisions.get(p)) {
                if previous.unit == d.unit {
                    self.report(&what, "the unit is decided twice".into());
                } else if previous.unit > d.unit {
                    self.report(&what, "decisions are not sorted by unit".into());
                }
            }
            for r in d.unit.all_ranges() {
                if r.start >= r.end || r.end > self.char_len {
                    self.report(
                        &what,
                        format!(
                            "range {}-{} does not fit the text ({} characters)",
                            r.start, r.end, self.char_len
                        ),
                    );
                }
            }
        }
    }
}

fn validate_document(
    schema: &IndexedSchema<&Schema>,
    doc: &Document,
    problems: &mut Vec<Diagnostic>,
) {
    let mut check = DocChecker {
        schema,
        doc,
        char_len: doc.char_len(),
        problems,
    };
    check.ids();
    for m in &doc.mentions {
        check.ranges(&m.id, &m.ranges, false);
        if schema.entity_type(&m.entity_type).is_none() {
            check.report(
                m.id,
                format!("entity type {:?} is not in the schema", m.entity_type),
            );
        }
        check.attributes(&m.id, &m.entity_type, &m.attributes);
    }
    for e in &doc.events {
        check.ranges(&e.id, &e.trigger, true);
        let event_type = schema.event_type(&e.event_type);
        if event_type.is_none() {
            check.report(
                e.id,
                format!("event type {:?} is not in the schema", e.event_type),
            );
        }
        for arg in &e.arguments {
            check.filler(&e.id, &format!("role {:?}", arg.role), arg.filler);
            if arg.filler == Filler::Event(e.id) {
                check.report(
                    e.id,
                    format!("role {:?} refers to the event itself", arg.role),
                );
            }
            if let Some(t) = event_type
                && schema.role(&t.name, &arg.role).is_none()
            {
                check.report(
                    e.id,
                    format!("role {:?} is not a role of {:?}", arg.role, t.name),
                );
            }
        }
        check.attributes(&e.id, &e.event_type, &e.attributes);
    }
    for closing in cycle_closing_arguments(doc) {
        if let Some((id, cycle)) = closing.described(doc) {
            check.report(id, cycle);
        }
    }
    for r in &doc.relations {
        if schema.relation_type(&r.relation_type).is_none() {
            check.report(
                r.id,
                format!("relation type {:?} is not in the schema", r.relation_type),
            );
        }
        check.filler(&r.id, "Arg1", r.arg1);
        check.filler(&r.id, "Arg2", r.arg2);
        check.attributes(&r.id, &r.relation_type, &r.attributes);
    }
    check.links();
    check.conflicts();
    check.decisions();
}

/// An argument that closes a cycle of events, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ClosingArgument {
    /// The position of the event among the events of the document.
    pub(crate) event: usize,
    /// The position of the argument among the arguments of the event.
    pub(crate) argument: usize,
}

impl ClosingArgument {
    /// The event and the cycle in words: `role "topic" (E1): E1 has E3 among its
    /// arguments...`.
    pub(crate) fn described(self, doc: &Document) -> Option<(EventId, String)> {
        let event = doc.events.get(self.event)?;
        let arg = event.arguments.get(self.argument)?;
        let cycle = format!(
            "role {:?} ({}): {} has {} among its arguments, directly or through other \
             events: an event cannot contain itself",
            arg.role, arg.filler, arg.filler, event.id
        );
        Some((event.id, cycle))
    }
}

/// The arguments that close a cycle of events (E1 an argument of E2 and E2 of E1, or
/// longer): without them, no event contains itself.
/// They are the arguments that a depth-first walk, from each event in turn and through
/// the arguments in order, finds pointing back at an event it is still inside of: the
/// graph less such arguments has no cycle. An event given as its own argument, and
/// arguments that point at nothing, are left to the checks that report them.
///
/// The walk keeps its own stack, so a chain of nested events as deep as the file makes
/// it does not overflow the thread's; each event and argument is visited once.
pub(crate) fn cycle_closing_arguments(doc: &Document) -> Vec<ClosingArgument> {
    #[derive(Clone, Copy, PartialEq)]
    enum Visit {
        NotYet,
        Inside,
        Done,
    }
    let mut position = HashMap::with_capacity(doc.events.len());
    for (i, e) in doc.events.iter().enumerate() {
        position.entry(e.id).or_insert(i);
    }
    let mut visit = vec![Visit::NotYet; doc.events.len()];
    let mut closing = Vec::new();
    for root in 0..doc.events.len() {
        if visit[root] != Visit::NotYet {
            continue;
        }
        visit[root] = Visit::Inside;
        // Each event being walked, with the position of its next argument.
        let mut stack = vec![(root, 0)];
        while let Some(top) = stack.last_mut() {
            let (e, a) = *top;
            let Some(arg) = doc.events[e].arguments.get(a) else {
                visit[e] = Visit::Done;
                stack.pop();
                continue;
            };
            top.1 += 1;
            let Filler::Event(id) = arg.filler else {
                continue;
            };
            let Some(&next) = position.get(&id) else {
                continue;
            };
            match visit[next] {
                _ if next == e => {}
                Visit::NotYet => {
                    visit[next] = Visit::Inside;
                    stack.push((next, 0));
                }
                Visit::Inside => closing.push(ClosingArgument {
                    event: e,
                    argument: a,
                }),
                Visit::Done => {}
            }
        }
    }
    closing
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Event, EventId, RoleArg};

    /// A project of one document, "d", of the statements `arguments` describes: event
    /// `i + 1` has as topics the events listed at `i`.
    pub(crate) fn nested(arguments: &[&[u32]]) -> Project {
        let mut doc = Document::new("d", "d", "Palmyre est prise.");
        for (i, args) in (1..).zip(arguments) {
            doc.events.push(Event {
                id: EventId(i),
                event_type: "statement".into(),
                trigger: Vec::new(),
                arguments: args
                    .iter()
                    .map(|&a| RoleArg {
                        role: "topic".into(),
                        filler: Filler::Event(EventId(a)),
                    })
                    .collect(),
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
                sources: Vec::new(),
            });
        }
        doc.next_id = u32::try_from(arguments.len()).unwrap() + 1;
        let mut project = Project::new("p", crate::io::default_schema());
        project.documents.push(doc);
        project
    }

    fn problems(project: &Project) -> Vec<String> {
        validate(project).iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn decisions_are_sorted_unique_and_within_the_text() {
        use crate::model::{Decision, Unit, Verdict};
        let decision = |start: usize, end: usize| Decision {
            unit: Unit::Mention {
                entity_type: "place".into(),
                ranges: vec![Span::new(start, end)],
            },
            verdict: Verdict::Agreed,
            sources: Vec::new(),
            author: String::new(),
            changed: String::new(),
        };
        let mut project = nested(&[]);
        project.documents[0].decisions = vec![decision(0, 7), decision(8, 11)];
        assert_eq!(problems(&project), Vec::<String>::new());
        project.documents[0].decisions = vec![
            decision(8, 11),
            decision(0, 7),
            decision(0, 7),
            decision(12, 40),
        ];
        assert_eq!(
            problems(&project),
            [
                "document \"d\", decision on mention place 0-7: decisions are not sorted by unit",
                "document \"d\", decision on mention place 0-7: the unit is decided twice",
                "document \"d\", decision on mention place 12-40: range 12-40 does not fit the \
                 text (18 characters)",
            ]
        );
    }

    #[test]
    fn a_cycle_of_events_is_reported_once_on_the_event_that_closes_it() {
        let two = nested(&[&[2], &[1]]);
        assert_eq!(
            problems(&two),
            [
                "document \"d\", E2: role \"topic\" (E1): E1 has E2 among its arguments, \
                 directly or through other events: an event cannot contain itself"
            ]
        );
        // E4 only leads into the cycle E1 > E2 > E3 > E1; E5 is nested twice, no cycle.
        let longer = nested(&[&[2], &[3, 5], &[1, 5], &[2], &[]]);
        let found = problems(&longer);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("document \"d\", E3: role \"topic\" (E1): "));
        // An event that is its own argument is said so, once.
        let own = problems(&nested(&[&[1]]));
        assert_eq!(own.len(), 1, "{own:?}");
        assert!(own[0].contains("refers to the event itself"), "{own:?}");
    }

    #[test]
    fn a_chain_of_forty_thousand_nested_events_is_valid() {
        let chain: Vec<Vec<u32>> = (2..=40_000)
            .map(|next| vec![next])
            .chain([vec![]])
            .collect();
        let chain: Vec<&[u32]> = chain.iter().map(Vec::as_slice).collect();
        let mut project = nested(&chain);
        assert_eq!(problems(&project), Vec::<String>::new());
        // Closed at its end, the chain is one cycle, found without deep recursion.
        project.documents[0].events[39_999].arguments =
            nested(&[&[1]]).documents[0].events[0].arguments.clone();
        let found = problems(&project);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("E40000: role \"topic\" (E1): "),
            "{found:?}"
        );
    }
}
