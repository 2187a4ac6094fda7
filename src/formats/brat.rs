//! brat standoff export: a collection that brat, and the many tools that read its
//! format, can open.
//!
//! Each document becomes `<id>.txt` (its text, byte for byte) and `<id>.ann` (one
//! annotation per line); the schema becomes `annotation.conf` and `visual.conf`. Offsets
//! in `.ann` count Unicode code points, the unit of [`Span`], so they are written as
//! they are. brat ids (`T1`, `E1`...) are numbered afresh in each file, in a fixed order,
//! so that the same project always gives the same bytes.
//!
//! Equivalences, normalisations and typed comments are written as `*`, `N` and `#`
//! lines, and events that share a trigger share its `T` line, so that a collection read
//! by [`super::brat_import`] is written back with the same annotations.
//!
//! Where brat cannot hold something, the export changes or leaves it out and says so in
//! a warning ([`Diagnostic`]); it never invents text:
//! - a `.ann` line cannot hold a line break, so a range that crosses one is split into
//!   pieces around it, and line breaks in notes become spaces;
//! - brat requires every event to have a trigger (`E1\tType:T1 ...`; its own parser
//!   rejects an event without one), and a zero-length trigger would be a fabrication, so
//!   an event without a trigger is left out, together with the arguments and relations
//!   that point at it, each with a warning;
//! - type, role and attribute names are brat identifiers: characters that brat's files
//!   use as separators are replaced by `_`.

use crate::model::span::{OffsetTable, Span};
use crate::model::{
    AnnotationRef, AttrKind, AttrValue, Attributes, Diagnostic, Document, Filler, Project, Rgb,
    Schema,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Why a brat collection could not be written. The path comes last.
#[derive(Debug, thiserror::Error)]
pub enum BratExportError {
    /// A file or the folder could not be written.
    #[error("cannot write: {error}: {}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

/// What an export wrote, and what it had to change or leave out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BratExport {
    /// Base names (without `.txt`/`.ann`) of the files written, one per document.
    pub file_stems: Vec<String>,
    /// Annotations brat cannot represent as they are, and renamed files.
    pub warnings: Vec<Diagnostic>,
}

/// Writes `project` as a brat collection into `out_dir` (created if needed): a `.txt`
/// and an `.ann` per document, `annotation.conf` and `visual.conf`. Existing files of
/// the same names are replaced.
pub fn write_brat(project: &Project, out_dir: &Path) -> Result<BratExport, BratExportError> {
    let write = |name: &str, bytes: &[u8]| {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes).map_err(|error| BratExportError::Write { path, error })
    };
    std::fs::create_dir_all(out_dir).map_err(|error| BratExportError::Write {
        path: out_dir.to_path_buf(),
        error,
    })?;
    let file_stems = file_stems_from_documents(&project.documents);
    let mut warnings = Vec::new();
    for (doc, stem) in project.documents.iter().zip(&file_stems) {
        if *stem != doc.id {
            warnings.push(
                Diagnostic::new(format!("written as {stem}.txt and {stem}.ann"))
                    .in_document(&doc.id),
            );
        }
        let (ann, doc_warnings) = ann_from_document(doc);
        warnings.extend(doc_warnings);
        write(&format!("{stem}.txt"), doc.text.as_bytes())?;
        write(&format!("{stem}.ann"), ann.as_bytes())?;
    }
    write(
        "annotation.conf",
        annotation_conf_from_project(project).as_bytes(),
    )?;
    write(
        "visual.conf",
        visual_conf_from_schema(&project.schema).as_bytes(),
    )?;
    Ok(BratExport {
        file_stems,
        warnings,
    })
}

/// File names for the documents: the ids, with characters that file systems refuse
/// replaced by `_`, made unique even on case-insensitive file systems.
pub fn file_stems_from_documents(documents: &[Document]) -> Vec<String> {
    let mut taken = BTreeSet::new();
    let mut stems = Vec::with_capacity(documents.len());
    for doc in documents {
        let mut base: String = doc
            .id
            .chars()
            .map(|c| {
                if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if base.is_empty() {
            base = "document".into();
        }
        if base.starts_with('.') {
            base.insert(0, '_');
        }
        let mut stem = base.clone();
        let mut n = 2;
        while !taken.insert(stem.to_lowercase()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        stems.push(stem);
    }
    stems
}

/// A type, role, attribute name or attribute value as brat can read it: characters
/// that brat's files use as separators (white space, `:`, `,`, `|`, `=`, `<`, `>`, `{`,
/// `}`, `!`, `;`, `#`) and control characters become `_`.
pub fn brat_name_from_str(name: &str) -> String {
    if name.is_empty() {
        return "_".into();
    }
    name.chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() || ":,|=<>{}!;#".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// True for the characters that end a line for brat's reader (Python's `splitlines`).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Free text on one line: every line break becomes a space.
fn one_line_from_text(text: &str) -> String {
    text.chars()
        .map(|c| if is_line_break(c) { ' ' } else { c })
        .collect()
}

/// The characters of a text and their offsets, so that slicing by character offsets
/// costs nothing however many annotations a long article has.
struct CharIndex<'a> {
    offsets: OffsetTable<'a>,
    chars: Vec<char>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            offsets: OffsetTable::new(text),
            chars: text.chars().collect(),
        }
    }

    /// The text of `span`, which fits the text (checked by validation on load).
    fn slice(&self, span: Span) -> &'a str {
        self.offsets.slice(span).unwrap_or("")
    }

    /// The ranges split around line breaks, which are left out; empty pieces dropped.
    fn pieces(&self, spans: &[Span]) -> Vec<Span> {
        let mut pieces = Vec::new();
        for span in spans {
            let end = span.end.min(self.chars.len());
            let mut start = span.start;
            for i in span.start..end {
                if is_line_break(self.chars[i]) {
                    if start < i {
                        pieces.push(Span::new(start, i));
                    }
                    start = i + 1;
                }
            }
            if start < end {
                pieces.push(Span::new(start, end));
            }
        }
        pieces
    }
}

/// Builds one `.ann` file.
struct AnnWriter<'a> {
    doc: &'a Document,
    index: CharIndex<'a>,
    out: String,
    warnings: Vec<Diagnostic>,
    /// brat id of each exported mention and event.
    ids: BTreeMap<Filler, String>,
    next_t: usize,
    next_a: usize,
}

impl<'a> AnnWriter<'a> {
    fn warn(&mut self, annotation: impl std::fmt::Display, message: impl Into<String>) {
        self.warnings.push(
            Diagnostic::new(message)
                .in_document(&self.doc.id)
                .on(annotation),
        );
    }

    /// Writes a T line for `pieces` of type `type_name`; returns its id.
    fn text_bound(&mut self, type_name: &str, pieces: &[Span]) -> String {
        let id = format!("T{}", self.next_t);
        self.next_t += 1;
        let offsets: Vec<String> = pieces
            .iter()
            .map(|p| format!("{} {}", p.start, p.end))
            .collect();
        let texts: Vec<&str> = pieces.iter().map(|p| self.index.slice(*p)).collect();
        let _ = writeln!(
            self.out,
            "{id}\t{} {}\t{}",
            brat_name_from_str(type_name),
            offsets.join(";"),
            texts.join(" ")
        );
        id
    }

    fn attributes(&mut self, target: &str, attributes: &Attributes) {
        for (name, value) in attributes {
            let id = self.next_a;
            self.next_a += 1;
            let _ = match value {
                AttrValue::Flag => {
                    writeln!(self.out, "A{id}\t{} {target}", brat_name_from_str(name))
                }
                AttrValue::Value(v) => writeln!(
                    self.out,
                    "A{id}\t{} {target} {}",
                    brat_name_from_str(name),
                    brat_name_from_str(v)
                ),
            };
        }
    }
}

/// The `.ann` file of a document, and warnings for what brat cannot represent.
///
/// Lines come in this order: T for mentions (by id), T for event triggers (events of
/// the same type and trigger share one), E, R, `*` (equivalences), A (attributes of
/// mentions, then events, then relations), N (normalisations), `#` (notes, then the
/// other comments). Repeated roles are numbered brat-style: `target`,
/// `target2`, `target3`.
pub fn ann_from_document(doc: &Document) -> (String, Vec<Diagnostic>) {
    let mut w = AnnWriter {
        doc,
        index: CharIndex::new(&doc.text),
        out: String::new(),
        warnings: Vec::new(),
        ids: BTreeMap::new(),
        next_t: 1,
        next_a: 1,
    };

    for m in &doc.mentions {
        let pieces = w.index.pieces(&m.ranges);
        if pieces.is_empty() {
            w.warn(
                m.id,
                "covers only line breaks, which brat cannot show: left out",
            );
            continue;
        }
        let t = w.text_bound(&m.entity_type, &pieces);
        w.ids.insert(Filler::Mention(m.id), t);
    }

    // Triggers first, so that every event's id is known before nested events refer to it.
    let mut triggers: BTreeMap<(&str, Vec<Span>), String> = BTreeMap::new();
    let mut exported = Vec::new();
    for e in &doc.events {
        let pieces = w.index.pieces(&e.trigger);
        if pieces.is_empty() {
            let why = if e.trigger.is_empty() {
                "has no trigger, which brat requires for an event: left out"
            } else {
                "has a trigger of line breaks only, which brat cannot show: left out"
            };
            w.warn(e.id, why);
            continue;
        }
        let key = (e.event_type.as_str(), pieces);
        let t = match triggers.get(&key) {
            Some(t) => t.clone(),
            None => {
                let t = w.text_bound(&e.event_type, &key.1);
                triggers.insert(key, t.clone());
                t
            }
        };
        let id = format!("E{}", exported.len() + 1);
        w.ids.insert(Filler::Event(e.id), id.clone());
        exported.push((e, id, t));
    }

    for (e, id, trigger) in &exported {
        let mut line = format!("{id}\t{}:{trigger}", brat_name_from_str(&e.event_type));
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for arg in &e.arguments {
            let Some(target) = w.ids.get(&arg.filler).cloned() else {
                w.warn(
                    e.id,
                    format!(
                        "role {:?}: {} is not exported, argument left out",
                        arg.role, arg.filler
                    ),
                );
                continue;
            };
            let n = seen.entry(arg.role.as_str()).or_default();
            *n += 1;
            let role = brat_name_from_str(&arg.role);
            let _ = if *n == 1 {
                write!(line, " {role}:{target}")
            } else {
                write!(line, " {role}{n}:{target}")
            };
        }
        w.out.push_str(&line);
        w.out.push('\n');
    }

    let mut relation_ids = BTreeMap::new();
    for r in &doc.relations {
        let (Some(a1), Some(a2)) = (w.ids.get(&r.arg1), w.ids.get(&r.arg2)) else {
            w.warn(r.id, "links an annotation that is not exported: left out");
            continue;
        };
        let id = format!("R{}", relation_ids.len() + 1);
        let line = format!(
            "{id}\t{} Arg1:{a1} Arg2:{a2}\n",
            brat_name_from_str(&r.relation_type)
        );
        w.out.push_str(&line);
        relation_ids.insert(r.id, id);
    }

    for eq in &doc.equivalences {
        let members: Vec<&str> = eq
            .members
            .iter()
            .filter_map(|m| w.ids.get(m).map(String::as_str))
            .collect();
        if members.len() < 2 {
            w.warn(
                &eq.relation_type,
                "equivalence of fewer than two exported annotations: left out",
            );
            continue;
        }
        let line = format!(
            "*\t{} {}\n",
            brat_name_from_str(&eq.relation_type),
            members.join(" ")
        );
        w.out.push_str(&line);
    }

    // Attributes and notes, on the annotations that were exported.
    let mut notes = Vec::new();
    for m in &doc.mentions {
        if let Some(id) = w.ids.get(&Filler::Mention(m.id)).cloned() {
            w.attributes(&id, &m.attributes);
            notes.push((id, &m.note));
        }
    }
    for e in &doc.events {
        if let Some(id) = w.ids.get(&Filler::Event(e.id)).cloned() {
            w.attributes(&id, &e.attributes);
            notes.push((id, &e.note));
        }
    }
    for r in &doc.relations {
        if let Some(id) = relation_ids.get(&r.id) {
            w.attributes(id, &r.attributes);
            notes.push((id.clone(), &r.note));
        }
    }
    let brat_id = |target: AnnotationRef| match target {
        AnnotationRef::Mention(id) => w.ids.get(&Filler::Mention(id)),
        AnnotationRef::Event(id) => w.ids.get(&Filler::Event(id)),
        AnnotationRef::Relation(id) => relation_ids.get(&id),
    };
    let mut lines = String::new();
    for (n, norm) in doc.normalizations.iter().enumerate() {
        if let Some(id) = brat_id(norm.target) {
            let _ = writeln!(
                lines,
                "N{}\tReference {id} {}:{}\t{}",
                n + 1,
                brat_name_from_str(&norm.resource),
                one_line_from_text(&norm.id).replace(char::is_whitespace, "_"),
                one_line_from_text(&norm.text)
            );
        }
    }
    let comments = doc
        .comments
        .iter()
        .filter_map(|c| Some((brat_id(c.target)?.clone(), c.kind.as_str(), &c.text)));
    let notes = notes
        .into_iter()
        .filter(|(_, note)| !note.is_empty())
        .map(|(id, note)| (id, "AnnotatorNotes", note));
    for (next_note, (id, kind, text)) in (1..).zip(notes.chain(comments)) {
        let _ = writeln!(
            lines,
            "#{next_note}\t{} {id}\t{}",
            brat_name_from_str(kind),
            one_line_from_text(text)
        );
    }
    w.out.push_str(&lines);
    (w.out, w.warnings)
}

/// Every entity and event type name of the schema, for roles and arguments that accept
/// any filler; brat's `<ANY>` when the schema has none.
fn brat_types_from_schema(schema: &Schema) -> String {
    let all: Vec<String> = schema
        .entity_types
        .iter()
        .map(|t| brat_name_from_str(&t.name))
        .chain(
            schema
                .event_types
                .iter()
                .map(|t| brat_name_from_str(&t.name)),
        )
        .collect();
    if all.is_empty() {
        "<ANY>".into()
    } else {
        all.join("|")
    }
}

/// `types` as a brat alternative (`a|b`), or every type when empty.
fn brat_types_from_names(schema: &Schema, types: &[String]) -> String {
    if types.is_empty() {
        brat_types_from_schema(schema)
    } else {
        types
            .iter()
            .map(|t| brat_name_from_str(t))
            .collect::<Vec<_>>()
            .join("|")
    }
}

/// brat's `annotation.conf` for the project's schema.
///
/// Roles carry their cardinality mark (`?`, `*`, `+`); types that accept any filler list
/// every entity and event type. Free-text attributes (a normalised date) have no fixed
/// values, so the values the project uses are listed. Overlapping and nested spans are
/// allowed, as eventail allows them.
pub fn annotation_conf_from_project(project: &Project) -> String {
    let schema = &project.schema;
    let mut out = format!(
        "# brat annotation configuration written by eventail for the project {:?}.\n",
        one_line_from_text(&project.name)
    );
    out.push_str("\n[entities]\n\n");
    for t in &schema.entity_types {
        out.push_str(&brat_name_from_str(&t.name));
        out.push('\n');
    }
    out.push_str("\n[relations]\n\n");
    let equivalences: BTreeSet<&str> = project
        .documents
        .iter()
        .flat_map(|d| &d.equivalences)
        .map(|e| e.relation_type.as_str())
        .collect();
    for r in &schema.relation_types {
        let _ = writeln!(
            out,
            "{}\tArg1:{}, Arg2:{}{}",
            brat_name_from_str(&r.name),
            brat_types_from_names(schema, &r.arg1),
            brat_types_from_names(schema, &r.arg2),
            if equivalences.contains(r.name.as_str()) {
                ", <REL-TYPE>:symmetric-transitive"
            } else {
                ""
            }
        );
    }
    out.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    out.push_str("\n[events]\n\n");
    for t in &schema.event_types {
        let roles: Vec<String> = t
            .roles
            .iter()
            .map(|r| {
                format!(
                    "{}{}:{}",
                    brat_name_from_str(&r.name),
                    r.cardinality.brat_mark(),
                    brat_types_from_names(schema, &r.fillers)
                )
            })
            .collect();
        if roles.is_empty() {
            let _ = writeln!(out, "{}", brat_name_from_str(&t.name));
        } else {
            let _ = writeln!(out, "{}\t{}", brat_name_from_str(&t.name), roles.join(", "));
        }
    }
    out.push_str("\n[attributes]\n\n");
    for a in &schema.attributes {
        let targets = if a.applies_to.is_empty() {
            let all: Vec<String> = schema
                .entity_types
                .iter()
                .map(|t| brat_name_from_str(&t.name))
                .chain(
                    schema
                        .event_types
                        .iter()
                        .map(|t| brat_name_from_str(&t.name)),
                )
                .chain(
                    schema
                        .relation_types
                        .iter()
                        .map(|t| brat_name_from_str(&t.name)),
                )
                .collect();
            all.join("|")
        } else {
            brat_types_from_names(schema, &a.applies_to)
        };
        let values: Vec<String> = match &a.kind {
            AttrKind::Flag => Vec::new(),
            AttrKind::Values(values) => values.iter().map(|v| brat_name_from_str(v)).collect(),
            AttrKind::Text => {
                let used: BTreeSet<String> = used_values(project, &a.name).collect();
                if used.is_empty() {
                    let _ = writeln!(
                        out,
                        "# {}: free text, no value in this project",
                        brat_name_from_str(&a.name)
                    );
                    continue;
                }
                used.into_iter().collect()
            }
        };
        if values.is_empty() {
            let _ = writeln!(out, "{}\tArg:{targets}", brat_name_from_str(&a.name));
        } else {
            let _ = writeln!(
                out,
                "{}\tArg:{targets}, Value:{}",
                brat_name_from_str(&a.name),
                values.join("|")
            );
        }
    }
    out
}

/// The values (as brat names) of attribute `name` on every annotation of the project.
fn used_values<'a>(project: &'a Project, name: &'a str) -> impl Iterator<Item = String> + 'a {
    project.documents.iter().flat_map(move |d| {
        let attrs = d
            .mentions
            .iter()
            .map(|m| &m.attributes)
            .chain(d.events.iter().map(|e| &e.attributes))
            .chain(d.relations.iter().map(|r| &r.attributes));
        attrs.filter_map(move |a| match a.get(name) {
            Some(AttrValue::Value(v)) => Some(brat_name_from_str(v)),
            _ => None,
        })
    })
}

/// A label as brat's `visual.conf` can hold it: one line, no `|`.
fn brat_label_from_label(label: &str) -> String {
    one_line_from_text(label)
        .replace('|', "/")
        .trim()
        .to_string()
}

/// brat's `visual.conf`: the labels users see, and the schema's colours.
pub fn visual_conf_from_schema(schema: &Schema) -> String {
    let color = |c: Rgb| String::from(c);
    let mut out = String::from("# brat visual configuration written by eventail.\n");
    out.push_str("\n[labels]\n\n");
    // One label per brat name: the first wins (a role may share a type's name).
    let mut labelled = BTreeSet::new();
    let mut label = |name: &str, label: &str| {
        let name = brat_name_from_str(name);
        if labelled.insert(name.clone()) {
            let _ = writeln!(out, "{name} | {}", brat_label_from_label(label));
        }
    };
    for t in &schema.entity_types {
        label(&t.name, &t.label);
    }
    for t in &schema.event_types {
        label(&t.name, &t.label);
    }
    for t in &schema.relation_types {
        label(&t.name, &t.label);
    }
    for r in schema.event_types.iter().flat_map(|t| &t.roles) {
        label(&r.name, &r.label);
    }
    for a in &schema.attributes {
        label(&a.name, &a.label);
    }
    out.push_str("\n[drawing]\n\n");
    out.push_str("SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n");
    out.push_str("ARC_DEFAULT\tcolor:black, dashArray:-, arrowHead:triangle-5\n");
    let spans = schema
        .entity_types
        .iter()
        .map(|t| (&t.name, t.color))
        .chain(schema.event_types.iter().map(|t| (&t.name, t.color)));
    for (name, rgb) in spans {
        let _ = writeln!(out, "{}\tbgColor:{}", brat_name_from_str(name), color(rgb));
    }
    for t in &schema.relation_types {
        let _ = writeln!(
            out,
            "{}\tcolor:{}",
            brat_name_from_str(&t.name),
            color(t.color)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Stamp, ops};
    use crate::model::{
        AttributeDef, Cardinality, EntityType, EventId, EventType, MentionId, Relation, RelationId,
        RelationType, Role,
    };

    fn schema() -> Schema {
        let entity = |name: &str| EntityType {
            name: name.into(),
            label: name.to_uppercase(),
            color: Rgb([0x11, 0x22, 0x33]),
            shortcut: None,
        };
        let role = |name: &str, fillers: &[&str], cardinality| Role {
            name: name.into(),
            label: name.into(),
            fillers: fillers.iter().map(|f| f.to_string()).collect(),
            cardinality,
        };
        Schema {
            entity_types: vec![entity("person"), entity("organisation"), entity("place")],
            event_types: vec![
                EventType {
                    name: "attack".into(),
                    label: "Attaque".into(),
                    color: Rgb([0xe0, 0x70, 0x70]),
                    shortcut: None,
                    roles: vec![
                        role("attacker", &["organisation"], Cardinality::AtLeastOne),
                        role("target", &[], Cardinality::Any),
                        role("place", &["place"], Cardinality::Optional),
                    ],
                },
                EventType {
                    name: "statement".into(),
                    label: "Déclaration | dire".into(),
                    color: Rgb::default(),
                    shortcut: None,
                    roles: vec![role("content", &["attack"], Cardinality::One)],
                },
            ],
            relation_types: vec![RelationType {
                name: "part of".into(),
                label: "Partie de".into(),
                arg1: vec![],
                arg2: vec!["organisation".into()],
                color: Rgb([0, 0, 0xff]),
            }],
            attributes: vec![
                AttributeDef {
                    name: "certainty".into(),
                    label: "Certitude".into(),
                    applies_to: vec!["attack".into()],
                    kind: AttrKind::Values(vec!["certain".into(), "probable".into()]),
                },
                AttributeDef {
                    name: "generic".into(),
                    label: "Générique".into(),
                    applies_to: vec![],
                    kind: AttrKind::Flag,
                },
                AttributeDef {
                    name: "date".into(),
                    label: "Date".into(),
                    applies_to: vec!["attack".into()],
                    kind: AttrKind::Text,
                },
            ],
        }
    }

    /// The char span of the first `needle` in `text`.
    fn span(text: &str, needle: &str) -> Span {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    /// A one-document project, annotated through the edit commands.
    struct Doc {
        project: Project,
        stamp: Stamp,
    }

    impl Doc {
        fn new(text: &str) -> Self {
            let mut project = Project::new("test", schema());
            project.documents.push(Document::new("d", "d", text));
            Self {
                project,
                stamp: Stamp::default(),
            }
        }

        fn text(&self) -> String {
            self.project.documents[0].text.clone()
        }

        fn mention(&mut self, entity_type: &str, needles: &[&str]) -> MentionId {
            let text = self.text();
            let ranges = needles.iter().map(|n| span(&text, n)).collect();
            let (edit, id) =
                ops::add_mention(&self.project, 0, entity_type, ranges, &self.stamp).unwrap();
            edit.apply(&mut self.project).unwrap();
            id
        }

        fn event(
            &mut self,
            event_type: &str,
            trigger: &[&str],
            args: &[(&str, Filler)],
        ) -> EventId {
            let text = self.text();
            let trigger = trigger.iter().map(|n| span(&text, n)).collect();
            let (edit, id) =
                ops::add_event(&self.project, 0, event_type, trigger, &self.stamp).unwrap();
            edit.apply(&mut self.project).unwrap();
            for (role, filler) in args {
                ops::add_argument(&self.project, 0, id, role, *filler, &self.stamp)
                    .unwrap()
                    .apply(&mut self.project)
                    .unwrap();
            }
            id
        }

        /// There is no edit command for relations yet: added directly, with a fresh id.
        fn relation(&mut self, relation_type: &str, arg1: Filler, arg2: Filler) -> RelationId {
            let doc = &mut self.project.documents[0];
            let id = RelationId(doc.next_id);
            doc.next_id += 1;
            doc.relations.push(Relation {
                id,
                relation_type: relation_type.into(),
                arg1,
                arg2,
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
            });
            id
        }

        fn attribute(&mut self, target: Filler, name: &str, value: AttrValue) {
            ops::set_attribute(&self.project, 0, target, name, Some(value), &self.stamp)
                .unwrap()
                .apply(&mut self.project)
                .unwrap();
        }

        fn ann(&self) -> (String, Vec<String>) {
            assert_eq!(crate::model::validate(&self.project), vec![]);
            let (ann, warnings) = ann_from_document(&self.project.documents[0]);
            (ann, warnings.iter().map(|w| w.to_string()).collect())
        }
    }

    #[test]
    fn ranges_are_split_around_line_breaks() {
        let mut d = Doc::new("Les forces de\r\nBachar reprennent\u{2028}Palmyre.");
        d.mention("organisation", &["forces de\r\nBachar"]);
        d.mention("place", &["reprennent\u{2028}Palmyre"]);
        d.mention("place", &["\r\n"]);
        let (ann, warnings) = d.ann();
        assert_eq!(
            ann,
            "T1\torganisation 4 13;15 21\tforces de Bachar\n\
             T2\tplace 22 32;33 40\treprennent Palmyre\n"
        );
        assert_eq!(
            warnings,
            ["document \"d\", T3: covers only line breaks, which brat cannot show: left out"]
        );
    }

    #[test]
    fn discontinuous_mentions_join_ranges_and_texts() {
        let mut d = Doc::new("les forces russes et syriennes");
        d.mention("organisation", &["forces", "syriennes"]);
        let (ann, _) = d.ann();
        assert_eq!(ann, "T1\torganisation 4 10;21 30\tforces syriennes\n");
    }

    #[test]
    fn identical_triggers_are_shared_and_repeated_roles_numbered() {
        let mut d = Doc::new("Daech et Al-Nosra attaquent Palmyre et Homs.");
        let daech = Filler::Mention(d.mention("organisation", &["Daech"]));
        let nosra = Filler::Mention(d.mention("organisation", &["Al-Nosra"]));
        let palmyre = Filler::Mention(d.mention("place", &["Palmyre"]));
        let homs = Filler::Mention(d.mention("place", &["Homs"]));
        let args = [
            ("attacker", daech),
            ("target", palmyre),
            ("attacker", nosra),
            ("target", homs),
        ];
        let e1 = d.event("attack", &["attaquent"], &args);
        d.event(
            "attack",
            &["attaquent"],
            &[("target", homs), ("place", homs)],
        );
        d.event(
            "statement",
            &["attaquent"],
            &[("content", Filler::Event(e1))],
        );
        let (ann, warnings) = d.ann();
        assert!(warnings.is_empty());
        assert_eq!(
            ann,
            "T1\torganisation 0 5\tDaech\n\
             T2\torganisation 9 17\tAl-Nosra\n\
             T3\tplace 28 35\tPalmyre\n\
             T4\tplace 39 43\tHoms\n\
             T5\tattack 18 27\tattaquent\n\
             T6\tstatement 18 27\tattaquent\n\
             E1\tattack:T5 attacker:T1 target:T3 attacker2:T2 target2:T4\n\
             E2\tattack:T5 target:T4 place:T4\n\
             E3\tstatement:T6 content:E1\n"
        );
    }

    #[test]
    fn events_without_trigger_are_left_out_with_their_links() {
        let mut d = Doc::new("Daech a été chassé de Palmyre, dit l’armée.");
        let daech = Filler::Mention(d.mention("organisation", &["Daech"]));
        let armee = Filler::Mention(d.mention("organisation", &["l’armée"]));
        let no_trigger = d.event("attack", &[], &[("attacker", armee), ("target", daech)]);
        d.event(
            "statement",
            &["dit"],
            &[("content", Filler::Event(no_trigger))],
        );
        d.relation("part of", Filler::Event(no_trigger), armee);
        d.relation("part of", daech, armee);
        d.attribute(
            Filler::Event(no_trigger),
            "certainty",
            AttrValue::Value("certain".into()),
        );
        let (ann, warnings) = d.ann();
        assert_eq!(
            ann,
            "T1\torganisation 0 5\tDaech\n\
             T2\torganisation 35 42\tl’armée\n\
             T3\tstatement 31 34\tdit\n\
             E1\tstatement:T3\n\
             R1\tpart_of Arg1:T1 Arg2:T2\n"
        );
        assert_eq!(
            warnings,
            [
                "document \"d\", E3: has no trigger, which brat requires for an event: left out",
                "document \"d\", E4: role \"content\": E3 is not exported, argument left out",
                "document \"d\", R5: links an annotation that is not exported: left out",
            ]
        );
    }

    #[test]
    fn attributes_and_notes_follow_the_annotations() {
        let mut d = Doc::new("Les rebelles attaquent.");
        let rebels = d.mention("organisation", &["rebelles"]);
        let attack = d.event("attack", &["attaquent"], &[]);
        d.attribute(Filler::Mention(rebels), "generic", AttrValue::Flag);
        d.attribute(
            Filler::Event(attack),
            "certainty",
            AttrValue::Value("probable".into()),
        );
        d.attribute(
            Filler::Event(attack),
            "date",
            AttrValue::Value("2016-03-27".into()),
        );
        let note = |text: &str| {
            let text = text.to_string();
            move |n: &mut String| *n = text
        };
        let set_note = note("qui exactement ?\r\nà vérifier");
        ops::update_mention(&d.project, 0, rebels, "note", &d.stamp, |m| {
            set_note(&mut m.note)
        })
        .unwrap()
        .apply(&mut d.project)
        .unwrap();
        let set_note = note("source unique");
        ops::update_event(&d.project, 0, attack, "note", &d.stamp, |e| {
            set_note(&mut e.note)
        })
        .unwrap()
        .apply(&mut d.project)
        .unwrap();
        let (ann, _) = d.ann();
        assert_eq!(
            ann,
            "T1\torganisation 4 12\trebelles\n\
             T2\tattack 13 22\tattaquent\n\
             E1\tattack:T2\n\
             A1\tgeneric T1\n\
             A2\tcertainty E1 probable\n\
             A3\tdate E1 2016-03-27\n\
             #1\tAnnotatorNotes T1\tqui exactement ?  à vérifier\n\
             #2\tAnnotatorNotes E1\tsource unique\n"
        );
    }

    #[test]
    fn file_stems_are_safe_and_unique_ignoring_case() {
        let docs: Vec<Document> = ["a/b", "A_b", "..", "", "Été", "été"]
            .iter()
            .map(|id| Document::new(*id, "", "x"))
            .collect();
        assert_eq!(
            file_stems_from_documents(&docs),
            ["a_b", "A_b-2", "_..", "document", "Été", "été-2"]
        );
    }

    #[test]
    fn names_lose_brat_separators() {
        assert_eq!(brat_name_from_str("part of"), "part_of");
        assert_eq!(brat_name_from_str("a:b,c|d=e"), "a_b_c_d_e");
        assert_eq!(brat_name_from_str("événement"), "événement");
        assert_eq!(brat_name_from_str(""), "_");
    }

    #[test]
    fn annotation_conf_declares_the_schema() {
        let mut d = Doc::new("attaque");
        let e = d.event("attack", &["attaque"], &[]);
        d.attribute(
            Filler::Event(e),
            "date",
            AttrValue::Value("2016-03-27".into()),
        );
        let conf = annotation_conf_from_project(&d.project);
        let expected = "\n[entities]\n\nperson\norganisation\nplace\n\n[relations]\n\n\
            part_of\tArg1:person|organisation|place|attack|statement, Arg2:organisation\n\
            <OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n\
            attack\tattacker+:organisation, target*:person|organisation|place|attack|statement, \
            place?:place\n\
            statement\tcontent:attack\n\n[attributes]\n\n\
            certainty\tArg:attack, Value:certain|probable\n\
            generic\tArg:person|organisation|place|attack|statement|part_of\n\
            date\tArg:attack, Value:2016-03-27\n";
        assert!(conf.ends_with(expected), "{conf}");
        // A free-text attribute that no annotation uses cannot be declared.
        let conf = annotation_conf_from_project(&Doc::new("x").project);
        assert!(conf.ends_with("# date: free text, no value in this project\n"));
    }

    #[test]
    fn visual_conf_has_labels_and_colours() {
        let conf = visual_conf_from_schema(&schema());
        assert!(conf.contains("\nattack | Attaque\n"));
        assert!(conf.contains("\nstatement | Déclaration / dire\n"));
        assert!(conf.contains("\npart_of | Partie de\n"));
        assert!(conf.contains("\nattacker | attacker\n"));
        assert_eq!(conf.matches("\nplace | ").count(), 1, "{conf}");
        assert!(conf.contains("\nperson\tbgColor:#112233\n"));
        assert!(conf.contains("\nattack\tbgColor:#e07070\n"));
        assert!(conf.contains("\npart_of\tcolor:#0000ff\n"));
    }

    #[test]
    fn write_brat_writes_every_file() {
        let d = Doc::new("Texte\r\navec é.");
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/collection");
        let export = write_brat(&d.project, &out).unwrap();
        assert_eq!(export.file_stems, ["d"]);
        assert_eq!(
            std::fs::read(out.join("d.txt")).unwrap(),
            "Texte\r\navec é.".as_bytes()
        );
        assert_eq!(std::fs::read_to_string(out.join("d.ann")).unwrap(), "");
        assert!(out.join("annotation.conf").exists() && out.join("visual.conf").exists());
    }
}
