//! What a well-formed project is, checked on load and on import.
//!
//! Every problem names its document and annotation, so that a user can find it; none is
//! silently repaired here. Each check is near-linear in the project, names looked up in
//! an [`IndexedSchema`], so that a huge or hostile file is refused in seconds at worst.

use super::annotation::{Attributes, Filler};
use super::diagnostic::Diagnostic;
use super::document::Document;
use super::project::Project;
use super::schema::Schema;
use super::schema_index::IndexedSchema;
use super::span::Span;
use std::collections::BTreeSet;

/// All the problems of `project`; empty when it is well formed.
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    let schema = IndexedSchema::new(&project.schema);
    for doc in &project.documents {
        if !ids.insert(doc.id.as_str()) {
            problems.push(Diagnostic::new("another document has the same id").in_document(&doc.id));
        }
        validate_document(&schema, doc, &mut problems);
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
}
