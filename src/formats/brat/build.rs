//! Building the annotations of a document from the checked lines of its `.ann` file,
//! and growing the schema with whatever they use that the configuration lacks.
//!
//! brat ids are renumbered: one counter per document, mentions first, then events, then
//! relations, in file order, so that the same collection always gives the same project.

use super::at_line;
use super::check::Triggers;
use super::parse::{Line, Record};
use crate::model::{
    AnnotationRef, AttrKind, AttrValue, Comment, Diagnostic, Document, Equivalence, Event, EventId,
    Filler, Mention, MentionId, Normalization, Relation, RelationId, RoleArg, Schema, Span,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// What a brat id became.
#[derive(Clone, Copy, Debug)]
enum Target {
    Mention(MentionId),
    /// A trigger: the events that share it.
    Trigger,
    Event(EventId),
    Relation(RelationId),
}

/// Step 7: makes the annotations of `lines` (checked: all well formed, and every
/// reference resolves) into `doc`, whose annotations they become; types the schema
/// lacks are added to it, each with a warning.
pub(super) fn build_annotations(
    doc: &mut Document,
    lines: &[&Line],
    triggers: &Triggers,
    schema: &mut Schema,
    path: &Path,
    warnings: &mut Vec<Diagnostic>,
) {
    // Ids count from 1: a file with more lines than ids (many gigabytes) is left out.
    if u32::try_from(lines.len()).map_or(true, |n| n >= u32::MAX - 1) {
        let message = format!(
            "{} lines: more annotations than a document can number",
            lines.len()
        );
        warnings.push(Diagnostic::new(message).in_file(path));
        return;
    }
    let mut builder = Builder {
        path,
        schema,
        warnings,
        next: 1,
        targets: HashMap::new(),
        trigger_spans: HashMap::new(),
    };
    builder.mentions_and_triggers(doc, lines, triggers);
    builder.events(doc, lines);
    builder.relations(doc, lines);
    doc.next_id = builder.next;
    builder.links(doc, lines);
}

/// The state of the building of one document.
struct Builder<'a, 'l> {
    path: &'a Path,
    schema: &'a mut Schema,
    warnings: &'a mut Vec<Diagnostic>,
    /// The next eventail id of the document.
    next: u32,
    /// What each brat id became.
    targets: HashMap<&'l str, Target>,
    /// Type and ranges (sorted, merged) of each trigger, by brat id.
    trigger_spans: HashMap<&'l str, (&'l str, Vec<Span>)>,
}

impl<'l> Builder<'_, 'l> {
    fn warn(&mut self, line: usize, message: String) {
        self.warnings.push(at_line(self.path, line, message));
    }

    /// A fresh eventail id (there are fewer lines than ids: checked before building).
    fn next_id(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }

    /// The mention or event that brat id `id` became.
    fn filler(&self, id: &str) -> Option<Filler> {
        match self.targets.get(id) {
            Some(Target::Mention(m)) => Some(Filler::Mention(*m)),
            Some(Target::Event(e)) => Some(Filler::Event(*e)),
            _ => None,
        }
    }

    /// The annotation that brat id `id` became.
    fn annotation(&self, id: &str) -> Option<AnnotationRef> {
        match self.targets.get(id) {
            Some(Target::Mention(m)) => Some(AnnotationRef::Mention(*m)),
            Some(Target::Event(e)) => Some(AnnotationRef::Event(*e)),
            Some(Target::Relation(r)) => Some(AnnotationRef::Relation(*r)),
            _ => None,
        }
    }

    /// The pieces of a `T` line sorted, and those that overlap merged (with a warning):
    /// the ranges of a mention or a trigger never overlap in the model.
    fn merged_pieces(&mut self, pieces: &[Span], line: usize) -> Vec<Span> {
        let mut sorted = pieces.to_vec();
        sorted.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(sorted.len());
        for r in sorted {
            match merged.last_mut() {
                Some(last) if last.end > r.start => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        if merged.len() < pieces.len() {
            let offsets = |spans: &[Span]| {
                let pairs: Vec<String> = spans
                    .iter()
                    .map(|s| format!("{} {}", s.start, s.end))
                    .collect();
                pairs.join(";")
            };
            self.warn(
                line,
                format!(
                    "pieces {} overlap: merged into {}",
                    offsets(pieces),
                    offsets(&merged)
                ),
            );
        }
        merged
    }

    /// `T` lines: mentions, and triggers (a trigger no event uses becomes an event
    /// without arguments).
    fn mentions_and_triggers(
        &mut self,
        doc: &mut Document,
        lines: &[&'l Line],
        triggers: &Triggers,
    ) {
        let used_triggers: BTreeSet<&str> = lines
            .iter()
            .filter_map(|line| match &line.record {
                Record::Event { trigger, .. } => Some(trigger.as_str()),
                _ => None,
            })
            .collect();
        for line in lines {
            let (
                Some(id),
                Record::Text {
                    type_name, spans, ..
                },
            ) = (&line.id, &line.record)
            else {
                continue;
            };
            let merged = self.merged_pieces(spans, line.number);
            if triggers.is_trigger(line) {
                self.trigger_spans.insert(id, (type_name, merged.clone()));
                self.targets.insert(id, Target::Trigger);
                if used_triggers.contains(id.as_str()) {
                    continue;
                }
                self.warn(
                    line.number,
                    format!("trigger {id} has no event: imported as an event without arguments"),
                );
                self.event_type(type_name, line.number);
                let eid = EventId(self.next_id());
                doc.events.push(event(eid, type_name, merged));
                continue;
            }
            self.entity_type(type_name, line.number);
            let mid = MentionId(self.next_id());
            self.targets.insert(id, Target::Mention(mid));
            doc.mentions.push(Mention {
                id: mid,
                entity_type: type_name.clone(),
                ranges: merged,
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
                sources: Vec::new(),
            });
        }
    }

    /// `E` lines: events, numbered before any is built so that nested events resolve;
    /// brat's numbered repeated roles map back to their role.
    fn events(&mut self, doc: &mut Document, lines: &[&'l Line]) {
        let mut event_index = Vec::new();
        for line in lines {
            if let (Some(id), Record::Event { .. }) = (&line.id, &line.record) {
                let eid = EventId(self.next_id());
                self.targets.insert(id, Target::Event(eid));
                event_index.push(line);
            }
        }
        for line in event_index {
            let (
                Some(id),
                Record::Event {
                    type_name,
                    trigger,
                    args,
                },
            ) = (&line.id, &line.record)
            else {
                continue;
            };
            let Some(Target::Event(eid)) = self.targets.get(id.as_str()).copied() else {
                continue;
            };
            self.event_type(type_name, line.number);
            let (trigger_type, ranges) = self
                .trigger_spans
                .get(trigger.as_str())
                .cloned()
                .unwrap_or_default();
            if trigger_type != type_name {
                self.warn(
                    line.number,
                    format!(
                        "trigger {trigger} is of type {trigger_type}, the event of type {type_name}"
                    ),
                );
            }
            let mut e = event(eid, type_name, ranges);
            let roles: BTreeSet<&str> = args.iter().map(|(r, _)| r.as_str()).collect();
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            for (role, arg) in args {
                let Some(f) = self.filler(arg) else {
                    continue;
                };
                let role = self.role(type_name, role, &roles, &seen, line.number);
                *seen.entry(role.clone()).or_default() += 1;
                e.arguments.push(RoleArg { role, filler: f });
            }
            doc.events.push(e);
        }
        doc.events.sort_by_key(|e| e.id);
    }

    /// `R` lines: relations.
    fn relations(&mut self, doc: &mut Document, lines: &[&'l Line]) {
        for line in lines {
            let (
                Some(id),
                Record::Relation {
                    type_name,
                    arg1,
                    arg2,
                },
            ) = (&line.id, &line.record)
            else {
                continue;
            };
            let (Some(a1), Some(a2)) = (self.filler(arg1), self.filler(arg2)) else {
                continue;
            };
            self.relation_type(type_name, line.number);
            let rid = RelationId(self.next_id());
            self.targets.insert(id, Target::Relation(rid));
            doc.relations.push(Relation {
                id: rid,
                relation_type: type_name.clone(),
                arg1: a1,
                arg2: a2,
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
                sources: Vec::new(),
            });
        }
    }

    /// What the other lines attach to the annotations: `*` equivalences, `A`/`M`
    /// attributes, `N` normalisations and `#` notes (the first `AnnotatorNotes` of an
    /// annotation is its note; other kinds and further notes are comments).
    fn links(&mut self, doc: &mut Document, lines: &[&'l Line]) {
        for line in lines {
            match &line.record {
                Record::Equiv { type_name, members } => {
                    let members: Vec<Filler> =
                        members.iter().filter_map(|m| self.filler(m)).collect();
                    self.relation_type(type_name, line.number);
                    doc.equivalences.push(Equivalence {
                        relation_type: type_name.clone(),
                        members,
                    });
                }
                Record::Attribute {
                    name,
                    target,
                    value,
                } => {
                    let Some(t) = self.annotation(target) else {
                        continue;
                    };
                    let type_name = annotation_type(doc, t);
                    self.attribute(name, &type_name, value.as_deref(), line.number);
                    let value = value.clone().map_or(AttrValue::Flag, AttrValue::Value);
                    if let Some((attrs, _)) = annotation_mut(doc, t) {
                        attrs.insert(name.clone(), value);
                    }
                }
                Record::Norm {
                    target,
                    resource,
                    entry,
                    text,
                } => {
                    let Some(t) = self.annotation(target) else {
                        continue;
                    };
                    doc.normalizations.push(Normalization {
                        target: t,
                        resource: resource.clone(),
                        id: entry.clone(),
                        text: text.clone(),
                    });
                }
                Record::Note { kind, target, text } => {
                    let Some(t) = self.annotation(target) else {
                        continue;
                    };
                    let note = annotation_mut(doc, t).map(|(_, note)| note);
                    match note {
                        Some(note)
                            if kind == "AnnotatorNotes" && note.is_empty() && !text.is_empty() =>
                        {
                            *note = text.clone();
                        }
                        _ => doc.comments.push(Comment {
                            target: t,
                            kind: kind.clone(),
                            text: text.clone(),
                        }),
                    }
                }
                _ => {}
            }
        }
    }

    /// Reports, at `line`, a change that the line made to the schema.
    fn schema_grew(&mut self, line: usize, change: Option<Diagnostic>) {
        if let Some(change) = change {
            self.warnings.push(change.in_file(self.path).at_line(line));
        }
    }

    /// Adds `name` to the schema's entity types if it is not there.
    fn entity_type(&mut self, name: &str, line: usize) {
        let added = self.schema.add_missing_entity_type(name);
        self.schema_grew(line, added);
    }

    /// Adds `name` to the schema's event types if it is not there.
    fn event_type(&mut self, name: &str, line: usize) {
        let added = self.schema.add_missing_event_type(name);
        self.schema_grew(line, added);
    }

    /// Adds `name` to the schema's relation types if it is not there.
    fn relation_type(&mut self, name: &str, line: usize) {
        let added = self.schema.add_missing_relation_type(name);
        self.schema_grew(line, added);
    }

    /// The role that `written` (`Theme`, or brat's numbered repeat `Theme2`) stands for in
    /// an event of `event_type`; undeclared roles are added to the schema.
    ///
    /// `ThemeN` is the N-th `Theme` only when N-1 `Theme`s come before it (`seen` counts
    /// the roles so far) and `Theme` may be repeated: BioNLP's `Site2` (the site of
    /// `Theme2`) after no `Site` stays a role of its own.
    fn role(
        &mut self,
        event_type: &str,
        written: &str,
        on_line: &BTreeSet<&str>,
        seen: &BTreeMap<String, usize>,
        line: usize,
    ) -> String {
        let Some(t) = self.schema.event_type(event_type) else {
            return written.into();
        };
        if t.role(written).is_some() {
            return written.into();
        }
        let base = written.trim_end_matches(|c: char| c.is_ascii_digit());
        let number = written[base.len()..].parse::<usize>().unwrap_or(0);
        let numbered =
            !base.is_empty() && number >= 2 && seen.get(base).copied().unwrap_or(0) + 1 == number;
        let name = if numbered
            && (t.role(base).is_some_and(|r| r.cardinality.allows_many()) || on_line.contains(base))
        {
            base
        } else {
            written
        };
        let added = self.schema.add_missing_role(event_type, name);
        self.schema_grew(line, added);
        name.into()
    }

    /// Makes the schema accept attribute `name` with `value` on a `type_name`: a new
    /// attribute takes the values it is used with, and one declared without values
    /// (a flag) used with a value becomes free text.
    fn attribute(&mut self, name: &str, type_name: &str, value: Option<&str>, line: usize) {
        let kind = match value {
            Some(v) => AttrKind::Values(vec![v.into()]),
            None => AttrKind::Flag,
        };
        if let Some(added) = self.schema.add_missing_attribute(name, kind) {
            return self.schema_grew(line, Some(added));
        }
        let allowed = self.schema.allow_attribute_on(name, type_name);
        self.schema_grew(line, allowed);
        let Some(def) = self.schema.attributes.iter_mut().find(|a| a.name == name) else {
            return;
        };
        match (&def.kind, value) {
            (AttrKind::Values(_), Some(v)) => {
                let added = self.schema.add_missing_attribute_value(name, v);
                self.schema_grew(line, added);
            }
            (AttrKind::Flag, Some(v)) => {
                def.kind = AttrKind::Text;
                self.warn(
                    line,
                    format!(
                        "attribute {name} takes no value in annotation.conf, here {v}: values allowed"
                    ),
                );
            }
            (AttrKind::Values(_) | AttrKind::Text, None) => self.warn(
                line,
                format!(
                    "attribute {name} takes a value in annotation.conf, here none: kept as set"
                ),
            ),
            _ => {}
        }
    }
}

/// An event with nothing but its type and trigger.
fn event(id: EventId, type_name: &str, trigger: Vec<Span>) -> Event {
    Event {
        id,
        event_type: type_name.into(),
        trigger,
        arguments: Vec::new(),
        attributes: Default::default(),
        note: String::new(),
        author: String::new(),
        changed: String::new(),
        sources: Vec::new(),
    }
}

/// The type name of an annotation of `doc`.
fn annotation_type(doc: &Document, target: AnnotationRef) -> String {
    match target {
        AnnotationRef::Mention(id) => doc.mention(id).map(|m| m.entity_type.clone()),
        AnnotationRef::Event(id) => doc.event(id).map(|e| e.event_type.clone()),
        AnnotationRef::Relation(id) => doc.relation(id).map(|r| r.relation_type.clone()),
    }
    .unwrap_or_default()
}

/// The attributes and note of an annotation of `doc` (lists sorted by id).
fn annotation_mut(
    doc: &mut Document,
    target: AnnotationRef,
) -> Option<(&mut crate::model::Attributes, &mut String)> {
    match target {
        AnnotationRef::Mention(id) => {
            let i = doc.mentions.binary_search_by_key(&id, |m| m.id).ok()?;
            doc.mentions
                .get_mut(i)
                .map(|m| (&mut m.attributes, &mut m.note))
        }
        AnnotationRef::Event(id) => {
            let i = doc.events.binary_search_by_key(&id, |e| e.id).ok()?;
            doc.events
                .get_mut(i)
                .map(|e| (&mut e.attributes, &mut e.note))
        }
        AnnotationRef::Relation(id) => {
            let i = doc.relations.binary_search_by_key(&id, |r| r.id).ok()?;
            doc.relations
                .get_mut(i)
                .map(|r| (&mut r.attributes, &mut r.note))
        }
    }
}
