//! Checking the records of a `.ann` file before anything is built from them: offsets
//! against the text, references between lines, cycles of events, and what to do with
//! the lines found broken.
//!
//! brat's own files are often hand-edited or produced by scripts, so any of this may be
//! wrong; each check names the line, so that the user can fix the file, and the builder
//! that follows only sees lines that are well formed and resolve.

use super::parse::{Line, ParsedAnn, Record};
use super::{at_line, one_line_from_text};
use crate::model::span::OffsetTable;
use crate::model::{Diagnostic, Schema};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Which `T` lines are triggers of events rather than mentions: those an `E` line names
/// as its trigger, and those of an event type (of the configuration, or used by an `E`
/// line) that is not also an entity type of the configuration and that no line refers
/// to. A type may be both an entity type and an event type: a `T` line of it that no
/// event names is a mention.
pub(super) struct Triggers {
    event_types: BTreeSet<String>,
    entity_types: BTreeSet<String>,
    triggers: BTreeSet<String>,
    referred: BTreeSet<String>,
}

impl Triggers {
    /// The triggers of `lines`, with the types of `schema`.
    pub(super) fn new(lines: &[Line], schema: &Schema) -> Self {
        let mut event_types: BTreeSet<String> =
            schema.event_types.iter().map(|t| t.name.clone()).collect();
        let entity_types = schema.entity_types.iter().map(|t| t.name.clone()).collect();
        let mut triggers = BTreeSet::new();
        let mut referred = BTreeSet::new();
        for line in lines {
            let references = line.record.references();
            if let Record::Event {
                type_name, trigger, ..
            } = &line.record
            {
                event_types.insert(type_name.clone());
                triggers.insert(trigger.clone());
                referred.extend(references.iter().skip(1).map(|r| r.to_string()));
            } else {
                referred.extend(references.iter().map(|r| r.to_string()));
            }
        }
        Self {
            event_types,
            entity_types,
            triggers,
            referred,
        }
    }

    /// True when `line` is the trigger of an event.
    pub(super) fn is_trigger(&self, line: &Line) -> bool {
        match &line.record {
            Record::Text { type_name, .. } => line.id.as_ref().is_some_and(|id| {
                self.triggers.contains(id)
                    || (self.event_types.contains(type_name)
                        && !self.entity_types.contains(type_name)
                        && !self.referred.contains(id))
            }),
            _ => false,
        }
    }
}

impl ParsedAnn {
    /// What the line with brat id `id` is: `t` a trigger, `T` a mention, `E` an event,
    /// `R` a relation, `X` anything else; `None` when no good line has that id.
    fn kind_of(&self, id: &str, triggers: &Triggers) -> Option<char> {
        let line = &self.lines[*self.defined.get(id)?];
        Some(match line.record {
            Record::Text { .. } if triggers.is_trigger(line) => 't',
            Record::Text { .. } => 'T',
            Record::Event { .. } => 'E',
            Record::Relation { .. } => 'R',
            _ => 'X',
        })
    }
}

/// Step 2: offsets against the text. Offsets past its end break the line; a text
/// written on the line that differs from the text at its offsets is only a warning
/// (line breaks, which brat writes as spaces, count as equal).
pub(super) fn check_offsets(
    parsed: &mut ParsedAnn,
    text: &str,
    path: &Path,
    warnings: &mut Vec<Diagnostic>,
) {
    let table = OffsetTable::new(text);
    let char_len = table.char_len();
    for line in &parsed.lines {
        let Record::Text { spans, text, .. } = &line.record else {
            continue;
        };
        if let Some(s) = spans.iter().find(|s| s.end > char_len) {
            parsed.bad.insert(
                line.number,
                format!(
                    "offsets {} {} run past the end of the text ({char_len} characters)",
                    s.start, s.end
                ),
            );
        } else if let Some(text) = text {
            let actual = table.covered_text(spans);
            if one_line_from_text(&actual) != one_line_from_text(text) {
                warnings.push(at_line(
                    path,
                    line.number,
                    format!("the text {text:?} differs from the text at these offsets, {actual:?}"),
                ));
            }
        }
    }
}

/// Step 3: references. Each id a line names must be a line of the right kind (an
/// event's trigger a trigger; arguments mentions or events; attributes, notes and
/// normalisations any annotation), and an attribute is set once per annotation.
pub(super) fn check_references(parsed: &mut ParsedAnn, triggers: &Triggers) {
    // Collected apart, as the lines are read while `parsed` is borrowed.
    let mut found: BTreeMap<usize, String> = BTreeMap::new();
    let mut attribute_set = BTreeMap::new();
    for line in &parsed.lines {
        if parsed.bad.contains_key(&line.number) {
            continue;
        }
        let allowed: &[char] = match &line.record {
            Record::Text { .. } => &[],
            Record::Event { .. } | Record::Relation { .. } | Record::Equiv { .. } => &['T', 'E'],
            Record::Attribute { .. } | Record::Norm { .. } | Record::Note { .. } => {
                &['T', 'E', 'R']
            }
        };
        let refs = line.record.references();
        for (i, r) in refs.iter().enumerate() {
            let want: &[char] = if i == 0 && matches!(line.record, Record::Event { .. }) {
                &['t']
            } else {
                allowed
            };
            let why = match parsed.kind_of(r, triggers) {
                Some(k) if want.contains(&k) => continue,
                None if parsed.bad_ids.contains_key(*r) => continue, // reported with its line
                None => format!("{r} is not defined in this file"),
                Some('t') => format!("{r} is the trigger of an event: refer to the event"),
                Some(_) => format!("{r} cannot be referred to here"),
            };
            found.entry(line.number).or_insert(why);
            break;
        }
        if let Record::Attribute { name, target, .. } = &line.record
            && let Some(first) = attribute_set.insert((name.clone(), target.clone()), line.number)
        {
            found.insert(
                line.number,
                format!("attribute {name} of {target} is already set on line {first}"),
            );
        }
    }
    parsed.bad.extend(found);
}

/// Step 4: cycles of events. An event cannot contain itself, even through others.
/// The events that do, or contain one that does, are those that peeling off events whose
/// nested events are all peeled off already never reaches: each event and argument is
/// looked at once, however deep the nesting.
pub(super) fn check_cycles(parsed: &mut ParsedAnn, triggers: &Triggers) {
    let mut nested: HashMap<&str, Vec<&str>> = HashMap::new();
    for line in &parsed.lines {
        if let (Some(id), Record::Event { args, .. }) = (&line.id, &line.record) {
            let events = args
                .iter()
                .map(|(_, a)| a.as_str())
                .filter(|a| parsed.kind_of(a, triggers) == Some('E'))
                .collect();
            nested.insert(id, events);
        }
    }
    // For each event, how many of its nested events are not peeled off yet, and the
    // events it is nested in.
    let mut waiting: HashMap<&str, usize> = HashMap::new();
    let mut containers: HashMap<&str, Vec<&str>> = HashMap::new();
    for (&id, events) in &nested {
        let inner: Vec<&str> = events
            .iter()
            .copied()
            .filter(|n| nested.contains_key(n))
            .collect();
        waiting.insert(id, inner.len());
        for n in inner {
            containers.entry(n).or_default().push(id);
        }
    }
    let mut peel: Vec<&str> = waiting
        .iter()
        .filter(|&(_, &n)| n == 0)
        .map(|(&id, _)| id)
        .collect();
    while let Some(id) = peel.pop() {
        waiting.remove(id);
        for &container in containers.get(id).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(n) = waiting.get_mut(container) {
                *n -= 1;
                if *n == 0 {
                    peel.push(container);
                }
            }
        }
    }
    let remaining: BTreeSet<&str> = waiting.into_keys().collect();
    let cycles: Vec<(usize, String)> = remaining
        .iter()
        .filter_map(|id| {
            let i = *parsed.defined.get(*id)?;
            Some((
                parsed.lines[i].number,
                format!("event {id} contains itself, through its arguments"),
            ))
        })
        .collect();
    for (number, why) in cycles {
        parsed.bad.entry(number).or_insert(why);
    }
}

/// Step 5: the broken lines. Without `skip_bad_lines` they are returned as errors;
/// with it they become warnings, and nothing is returned.
pub(super) fn broken_lines(
    parsed: &ParsedAnn,
    path: &Path,
    skip_bad_lines: bool,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (&number, why) in &parsed.bad {
        if skip_bad_lines {
            warnings.push(at_line(path, number, format!("{why}: line skipped")));
        } else {
            errors.push(at_line(path, number, why.clone()));
        }
    }
    errors
}

/// Step 6: the lines to build from: the good ones, less those that refer, directly or
/// through others, to a broken line (each left out with a warning).
pub(super) fn kept_lines<'a>(
    parsed: &'a ParsedAnn,
    path: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<&'a Line> {
    let lines = &parsed.lines;
    let mut skipped: BTreeSet<&str> = parsed.bad_ids.keys().map(String::as_str).collect();
    for line in lines {
        if let Some(id) = &line.id
            && parsed.bad.contains_key(&line.number)
        {
            skipped.insert(id);
        }
    }
    let mut dependents: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        for r in line.record.references() {
            dependents.entry(r).or_default().push(i);
        }
    }
    let mut dropped: BTreeSet<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| parsed.bad.contains_key(&l.number))
        .map(|(i, _)| i)
        .collect();
    let mut work: Vec<&str> = skipped.iter().copied().collect();
    while let Some(id) = work.pop() {
        for &i in dependents.get(id).map(Vec::as_slice).unwrap_or(&[]) {
            if dropped.insert(i) {
                let line = &lines[i];
                warnings.push(at_line(
                    path,
                    line.number,
                    format!("refers to {id}, which was skipped: line skipped"),
                ));
                if let Some(own) = &line.id {
                    work.push(own);
                }
            }
        }
    }
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, l)| l)
        .collect()
}
