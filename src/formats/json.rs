//! JSON export: the whole project in one documented structure, for scripts in any
//! language.
//!
//! The RON project file is eventail's own; this export is for Python, R, JavaScript or
//! Java code that wants annotations with their texts and offsets already worked out.
//! Every range carries its offsets in three units, so that each consumer slices the text
//! with its own string indices and gets the same characters:
//!
//! - `start`, `end`: Unicode code points (Python `str`, Rust `chars()`, brat);
//! - `start_byte`, `end_byte`: UTF-8 bytes (Rust `&str`, Go, C);
//! - `start_utf16`, `end_utf16`: UTF-16 code units (JavaScript, Java, C#).
//!
//! Ranges are half-open. Annotation ids are written as eventail shows them (`T3`, `E7`,
//! `R9`); fillers of roles and ends of relations name them with their kind. The output is
//! deterministic: fields in a fixed order, attributes and metadata sorted by name,
//! pretty-printed.
//!
//! ```json
//! {
//!   "format": "eventail-json",
//!   "version": 1,
//!   "project": "Palmyre 2016",
//!   "annotators": ["ana"],
//!   "schema": { "entity_types": [...], "event_types": [...],
//!               "relation_types": [...], "attributes": [...] },
//!   "documents": [
//!     {
//!       "id": "d1", "name": "Titre", "text": "L’armée a repris Palmyre.",
//!       "status": "in_progress",
//!       "metadata": { "source": "AFP" },
//!       "mentions": [
//!         { "id": "T1", "type": "organisation",
//!           "ranges": [ { "start": 0, "end": 7, "start_byte": 0, "end_byte": 9,
//!                         "start_utf16": 0, "end_utf16": 7 } ],
//!           "text": "L’armée", "attributes": { "generic": true },
//!           "note": "", "author": "ana", "changed": "2026-11-23T12:00:00Z" }
//!       ],
//!       "events": [
//!         { "id": "E3", "type": "capture",
//!           "trigger": [ { "start": 10, "end": 16, ... } ], "trigger_text": "repris",
//!           "arguments": [ { "role": "agent", "filler": { "kind": "mention", "id": "T1" } } ],
//!           "attributes": { "certainty": "certain" },
//!           "note": "", "author": "ana", "changed": "..." }
//!       ],
//!       "relations": [
//!         { "id": "R4", "type": "part_of",
//!           "arg1": { "kind": "mention", "id": "T1" }, "arg2": { "kind": "mention", "id": "T2" },
//!           "attributes": {}, "note": "", "author": "ana", "changed": "..." }
//!       ],
//!       "equivalences": [
//!         { "type": "Equiv", "members": [ { "kind": "mention", "id": "T1" }, ... ] }
//!       ],
//!       "normalizations": [
//!         { "target": { "kind": "mention", "id": "T2" }, "resource": "GeoNames",
//!           "entry": "170024", "text": "Palmyra" }
//!       ],
//!       "comments": [
//!         { "target": { "kind": "relation", "id": "R4" }, "kind": "Lemma", "text": "..." }
//!       ]
//!     }
//!   ],
//!   "incidents": [
//!     { "id": "I1", "incident_type": "capture", "date": "2016-03-27",
//!       "places": ["Palmyre"], "actors": [ { "role": "agent", "name": "Armée syrienne" } ],
//!       "reports": [ { "document": "d1", "event": "E3" } ], ... }
//!   ]
//! }
//! ```
//!
//! Everything the project file holds is here, except each document's `next_id` and the
//! project's `next_incident_id`, the counters from which eventail draws new ids. `status` is `new`, `in_progress` or
//! `done`; an attribute is `true` when it is a set flag, its value (a string)
//! otherwise; `trigger` is empty for an event without one. The schema is written as in
//! the project file: colours as `"#rrggbb"`, cardinalities `One`, `Optional`, `Any`,
//! `AtLeastOne`, attribute kinds `"Flag"`, `"Text"` or `{"Values": [...]}`.

use crate::formats::{Cancelled, each_document};
use crate::model::span::OffsetTable;
use crate::model::{
    AnnotationRef, AttrValue, Attributes, Conflict, Decision, DocStatus, Document, Filler, Project,
    Schema, Span,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// The top of the file.
#[derive(Debug, Serialize)]
pub struct JsonProject<'a> {
    /// Always `eventail-json`.
    pub format: &'static str,
    /// Version of this structure.
    pub version: u32,
    /// The project's name.
    pub project: &'a str,
    /// The people who annotated it.
    pub annotators: &'a [String],
    /// The schema, as in the project file.
    pub schema: &'a Schema,
    /// The documents, in project order.
    pub documents: Vec<JsonDocument<'a>>,
    /// The incidents (real-world events the documents report), as in the project file
    /// but for ids, written as eventail shows them (`I1`, and `E87` for the event of a
    /// report).
    pub incidents: Vec<serde_json::Value>,
}

/// An incident as the JSON export writes it: its fields as in the project file, its id
/// as `I1` and the events of its reports as `E87`.
fn json_incident(incident: &crate::model::Incident) -> serde_json::Value {
    let mut value = serde_json::to_value(incident).unwrap_or_default();
    value["id"] = incident.id.to_string().into();
    value["reports"] = incident
        .reports
        .iter()
        .map(|r| serde_json::json!({"document": r.document, "event": r.event.to_string()}))
        .collect();
    value
}

/// One document.
#[derive(Debug, Serialize)]
pub struct JsonDocument<'a> {
    /// Document id.
    pub id: &'a str,
    /// Document name.
    pub name: &'a str,
    /// The text, exactly as stored.
    pub text: &'a str,
    /// `new`, `in_progress` or `done`.
    pub status: &'static str,
    /// Source, date...
    pub metadata: &'a BTreeMap<String, String>,
    /// Mentions by id.
    pub mentions: Vec<JsonMention<'a>>,
    /// Events by id.
    pub events: Vec<JsonEvent<'a>>,
    /// Relations by id.
    pub relations: Vec<JsonRelation<'a>>,
    /// Groups of equivalent annotations.
    pub equivalences: Vec<JsonEquivalence<'a>>,
    /// Links from annotations to entries of external resources.
    pub normalizations: Vec<JsonNormalization<'a>>,
    /// Typed remarks on annotations besides their notes.
    pub comments: Vec<JsonComment<'a>>,
    /// In a gold project, the decision on each unit the annotators proposed, as the
    /// project file holds them.
    #[serde(skip_serializing_if = "<[Decision]>::is_empty")]
    pub decisions: &'a [Decision],
    /// Merge conflicts not resolved yet, as the project file holds them.
    #[serde(skip_serializing_if = "<[Conflict]>::is_empty")]
    pub conflicts: &'a [Conflict],
}

/// A half-open range in three units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct JsonRange {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// First byte (UTF-8).
    pub start_byte: usize,
    /// One past the last byte.
    pub end_byte: usize,
    /// First UTF-16 code unit.
    pub start_utf16: usize,
    /// One past the last UTF-16 code unit.
    pub end_utf16: usize,
}

/// What fills a role, ends a relation, or is normalised or commented.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct JsonFiller {
    /// `mention` or `event`; `relation` too for what is normalised or commented.
    pub kind: &'static str,
    /// `T3`, `E7`...
    pub id: String,
}

/// A mention.
#[derive(Debug, Serialize)]
pub struct JsonMention<'a> {
    /// `T3`...
    pub id: String,
    /// Entity type name.
    #[serde(rename = "type")]
    pub entity_type: &'a str,
    /// Its ranges.
    pub ranges: Vec<JsonRange>,
    /// Texts of the ranges joined by a space.
    pub text: String,
    /// `true` for a set flag, the value otherwise.
    pub attributes: BTreeMap<&'a str, serde_json::Value>,
    /// Free text.
    pub note: &'a str,
    /// Who last changed it.
    pub author: &'a str,
    /// When (RFC 3339).
    pub changed: &'a str,
    /// In a gold project, the annotators who had it.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub sources: &'a [String],
}

/// One argument of an event.
#[derive(Debug, Serialize)]
pub struct JsonArgument<'a> {
    /// Role name.
    pub role: &'a str,
    /// What fills it.
    pub filler: JsonFiller,
}

/// An event.
#[derive(Debug, Serialize)]
pub struct JsonEvent<'a> {
    /// `E7`...
    pub id: String,
    /// Event type name.
    #[serde(rename = "type")]
    pub event_type: &'a str,
    /// Trigger ranges; empty when the event has no trigger.
    pub trigger: Vec<JsonRange>,
    /// Texts of the trigger ranges joined by a space.
    pub trigger_text: String,
    /// Arguments, in the annotator's order.
    pub arguments: Vec<JsonArgument<'a>>,
    /// `true` for a set flag, the value otherwise.
    pub attributes: BTreeMap<&'a str, serde_json::Value>,
    /// Free text.
    pub note: &'a str,
    /// Who last changed it.
    pub author: &'a str,
    /// When (RFC 3339).
    pub changed: &'a str,
    /// In a gold project, the annotators who had it.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub sources: &'a [String],
}

/// A relation.
#[derive(Debug, Serialize)]
pub struct JsonRelation<'a> {
    /// `R9`...
    pub id: String,
    /// Relation type name.
    #[serde(rename = "type")]
    pub relation_type: &'a str,
    /// First argument.
    pub arg1: JsonFiller,
    /// Second argument.
    pub arg2: JsonFiller,
    /// `true` for a set flag, the value otherwise.
    pub attributes: BTreeMap<&'a str, serde_json::Value>,
    /// Free text.
    pub note: &'a str,
    /// Who last changed it.
    pub author: &'a str,
    /// When (RFC 3339).
    pub changed: &'a str,
    /// In a gold project, the annotators who had it.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub sources: &'a [String],
}

/// A group of equivalent annotations.
#[derive(Debug, Serialize)]
pub struct JsonEquivalence<'a> {
    /// Relation type name (`Equiv`, `Alias`...).
    #[serde(rename = "type")]
    pub relation_type: &'a str,
    /// The annotations that are equivalent, in the order given.
    pub members: Vec<JsonFiller>,
}

/// A link from an annotation to an entry of an external resource.
#[derive(Debug, Serialize)]
pub struct JsonNormalization<'a> {
    /// The annotation normalised.
    pub target: JsonFiller,
    /// The resource: `Wikipedia`, `GeoNames`...
    pub resource: &'a str,
    /// The entry's id in the resource.
    pub entry: &'a str,
    /// The entry's name.
    pub text: &'a str,
}

/// A typed remark on an annotation.
#[derive(Debug, Serialize)]
pub struct JsonComment<'a> {
    /// The annotation commented.
    pub target: JsonFiller,
    /// The kind of comment (`Lemma`...).
    pub kind: &'a str,
    /// The comment.
    pub text: &'a str,
}

/// The status as a JSON key.
fn json_status_from_status(status: DocStatus) -> &'static str {
    match status {
        DocStatus::New => "new",
        DocStatus::InProgress => "in_progress",
        DocStatus::Done => "done",
    }
}

/// The filler with its kind.
pub fn json_filler_from_filler(filler: Filler) -> JsonFiller {
    let kind = match filler {
        Filler::Mention(_) => "mention",
        Filler::Event(_) => "event",
    };
    JsonFiller {
        kind,
        id: filler.to_string(),
    }
}

/// An annotation with its kind, as what a normalisation or comment is about.
fn json_target_from_annotation(target: AnnotationRef) -> JsonFiller {
    match target {
        AnnotationRef::Mention(id) => json_filler_from_filler(Filler::Mention(id)),
        AnnotationRef::Event(id) => json_filler_from_filler(Filler::Event(id)),
        AnnotationRef::Relation(id) => JsonFiller {
            kind: "relation",
            id: id.to_string(),
        },
    }
}

/// Attributes as JSON values: `true` for a flag, a string for a value.
fn json_attributes_from_attributes(attributes: &Attributes) -> BTreeMap<&str, serde_json::Value> {
    attributes
        .iter()
        .map(|(name, value)| {
            let value = match value {
                AttrValue::Flag => serde_json::Value::Bool(true),
                AttrValue::Value(v) => serde_json::Value::String(v.clone()),
            };
            (name.as_str(), value)
        })
        .collect()
}

/// The range in three units; offsets past the text (which validation refuses on load)
/// are clamped to its end.
pub fn json_range_from_span(table: &OffsetTable, span: Span) -> JsonRange {
    let end_of_text = table.char_len();
    let start = span.start.min(end_of_text);
    let end = span.end.clamp(start, end_of_text);
    let byte = |i| table.byte_from_char(i).unwrap_or(table.text().len());
    let utf16 = |i| table.utf16_from_char(i).unwrap_or(0);
    JsonRange {
        start,
        end,
        start_byte: byte(start),
        end_byte: byte(end),
        start_utf16: utf16(start),
        end_utf16: utf16(end),
    }
}

/// One document as JSON, its offsets computed from one table.
pub fn json_document_from_document(doc: &Document) -> JsonDocument<'_> {
    let table = OffsetTable::new(&doc.text);
    let ranges = |spans: &[Span]| -> Vec<JsonRange> {
        spans
            .iter()
            .map(|s| json_range_from_span(&table, *s))
            .collect()
    };
    let mentions = doc
        .mentions
        .iter()
        .map(|m| JsonMention {
            id: m.id.to_string(),
            entity_type: &m.entity_type,
            ranges: ranges(&m.ranges),
            text: table.covered_text(&m.ranges),
            attributes: json_attributes_from_attributes(&m.attributes),
            note: &m.note,
            author: &m.author,
            changed: &m.changed,
            sources: &m.sources,
        })
        .collect();
    let events = doc
        .events
        .iter()
        .map(|e| JsonEvent {
            id: e.id.to_string(),
            event_type: &e.event_type,
            trigger: ranges(&e.trigger),
            trigger_text: table.covered_text(&e.trigger),
            arguments: e
                .arguments
                .iter()
                .map(|a| JsonArgument {
                    role: &a.role,
                    filler: json_filler_from_filler(a.filler),
                })
                .collect(),
            attributes: json_attributes_from_attributes(&e.attributes),
            note: &e.note,
            author: &e.author,
            changed: &e.changed,
            sources: &e.sources,
        })
        .collect();
    let relations = doc
        .relations
        .iter()
        .map(|r| JsonRelation {
            id: r.id.to_string(),
            relation_type: &r.relation_type,
            arg1: json_filler_from_filler(r.arg1),
            arg2: json_filler_from_filler(r.arg2),
            attributes: json_attributes_from_attributes(&r.attributes),
            note: &r.note,
            author: &r.author,
            changed: &r.changed,
            sources: &r.sources,
        })
        .collect();
    let equivalences = doc
        .equivalences
        .iter()
        .map(|q| JsonEquivalence {
            relation_type: &q.relation_type,
            members: q
                .members
                .iter()
                .map(|m| json_filler_from_filler(*m))
                .collect(),
        })
        .collect();
    let normalizations = doc
        .normalizations
        .iter()
        .map(|n| JsonNormalization {
            target: json_target_from_annotation(n.target),
            resource: &n.resource,
            entry: &n.id,
            text: &n.text,
        })
        .collect();
    let comments = doc
        .comments
        .iter()
        .map(|c| JsonComment {
            target: json_target_from_annotation(c.target),
            kind: &c.kind,
            text: &c.text,
        })
        .collect();
    JsonDocument {
        id: &doc.id,
        name: &doc.name,
        text: &doc.text,
        status: json_status_from_status(doc.status),
        metadata: &doc.metadata,
        mentions,
        events,
        relations,
        equivalences,
        normalizations,
        comments,
        decisions: &doc.decisions,
        conflicts: &doc.conflicts,
    }
}

/// The project as pretty-printed JSON text, ending with a line break; `progress` is
/// asked before each document.
///
/// Serialising is most of an export's time and serde_json writes on one thread, so
/// each document is written apart, on every core, indented as it stands in the list,
/// and put into the text of the rest: the same text, byte for byte, as the project
/// written whole.
pub fn json_string_from_project(
    project: &Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<String, Cancelled> {
    let documents = each_document(project, progress, |_, doc| json_text_in_list(doc))?;
    let rest = json_project(project, Vec::new());
    // Serialising these types cannot fail: every map has string keys.
    let frame = serde_json::to_string_pretty(&rest).unwrap_or_default();
    let mut out = match frame.find(EMPTY_DOCUMENTS) {
        Some(at) if !documents.is_empty() => {
            let after = &frame[at + EMPTY_DOCUMENTS.len()..];
            let mut out = String::with_capacity(
                frame.len() + documents.iter().map(|d| d.len() + 6).sum::<usize>(),
            );
            out.push_str(&frame[..at]);
            out.push_str("\n  \"documents\": [");
            for (i, document) in documents.iter().enumerate() {
                out.push_str(if i == 0 { "\n    " } else { ",\n    " });
                out.push_str(document);
            }
            out.push_str("\n  ]");
            out.push_str(after);
            out
        }
        Some(_) => frame,
        // Not what serde_json writes today: the project written whole, more slowly.
        None => {
            let whole = json_project(
                project,
                project
                    .documents
                    .iter()
                    .map(json_document_from_document)
                    .collect(),
            );
            serde_json::to_string_pretty(&whole).unwrap_or_default()
        }
    };
    out.push('\n');
    Ok(out)
}

/// The empty list of documents as serde_json's pretty printer writes it in the
/// project: no string of the text holds a raw line break, so this can only be it.
const EMPTY_DOCUMENTS: &str = "\n  \"documents\": []";

/// The project's JSON structure holding `documents`.
fn json_project<'a>(project: &'a Project, documents: Vec<JsonDocument<'a>>) -> JsonProject<'a> {
    JsonProject {
        format: "eventail-json",
        version: 1,
        project: &project.name,
        annotators: &project.annotators,
        schema: &project.schema,
        documents,
        incidents: project.incidents.iter().map(json_incident).collect(),
    }
}

/// A document's pretty-printed JSON as it stands in the project's list: its lines
/// after the first indented by two levels (the project, the list).
fn json_text_in_list(doc: &Document) -> String {
    let mut out = InList(Vec::new());
    let _ = serde_json::to_writer_pretty(&mut out, &json_document_from_document(doc));
    // serde_json writes valid UTF-8, and the indentation is ASCII.
    String::from_utf8(out.0).unwrap_or_default()
}

/// Bytes written with two more levels of indentation after each line break.
struct InList(Vec<u8>);

impl std::io::Write for InList {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut lines = bytes.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.0.extend_from_slice(first);
        }
        for line in lines {
            self.0.extend_from_slice(b"\n    ");
            self.0.extend_from_slice(line);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::{event, mention, span};
    use crate::model::{Event, Mention, MentionId, RoleArg};

    const TEXT: &str = "Ali\u{a0}👍🏽 e\u{301}te\u{301}\r\nقصف تدمر.";

    fn project() -> Project {
        let mut doc = Document::new("d1", "n", TEXT);
        let place = |id, needles: &[&str]| Mention {
            attributes: [("generic".to_string(), AttrValue::Flag)].into(),
            note: "n".into(),
            author: "a".into(),
            changed: "c".into(),
            sources: Vec::new(),
            ..mention(id, "place", needles.iter().map(|n| span(TEXT, n)).collect())
        };
        doc.mentions = vec![
            place(1, &["تدمر"]),
            place(2, &["👍🏽"]),
            place(3, &["Ali", "e\u{301}te\u{301}"]),
        ];
        doc.events = vec![Event {
            arguments: vec![RoleArg {
                role: "target".into(),
                filler: Filler::Mention(MentionId(1)),
            }],
            attributes: [("certainty".to_string(), AttrValue::Value("certain".into()))].into(),
            ..event(4, "attack", vec![span(TEXT, "قصف")])
        }];
        let mut p = Project::new("p", Schema::default());
        p.documents.push(doc);
        p
    }

    #[test]
    fn documents_written_apart_make_the_text_of_the_project_written_whole() {
        let mut p = project();
        p.documents.push(p.documents[0].clone());
        p.name = "\n  \"documents\": []".into();
        for documents in [2, 1, 0] {
            p.documents.retain({
                let mut n = 0;
                move |_| {
                    n += 1;
                    n <= documents
                }
            });
            let whole = json_project(
                &p,
                p.documents
                    .iter()
                    .map(json_document_from_document)
                    .collect(),
            );
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(
                json_string_from_project(&p, &mut |_, _| true).unwrap(),
                expected
            );
        }
    }

    #[test]
    fn the_three_units_slice_the_same_text() {
        let p = project();
        let json: serde_json::Value =
            serde_json::from_str(&json_string_from_project(&p, &mut |_, _| true).unwrap()).unwrap();
        let doc = &json["documents"][0];
        let text = doc["text"].as_str().unwrap();
        assert_eq!(text, TEXT);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        let mut checked = 0;
        let mut check = |r: &serde_json::Value, expected: &str| {
            let n = |k: &str| r[k].as_u64().unwrap() as usize;
            assert_eq!(&text[n("start_byte")..n("end_byte")], expected);
            assert_eq!(
                String::from_utf16(&utf16[n("start_utf16")..n("end_utf16")]).unwrap(),
                expected
            );
            assert_eq!(
                chars[n("start")..n("end")].iter().collect::<String>(),
                expected
            );
            checked += 1;
        };
        for m in doc["mentions"].as_array().unwrap() {
            let parts: Vec<&str> = m["text"].as_str().unwrap().split(' ').collect();
            for (r, part) in m["ranges"].as_array().unwrap().iter().zip(parts) {
                check(r, part);
            }
        }
        check(&doc["events"][0]["trigger"][0], "قصف");
        assert_eq!(checked, 5);
        let thumb = &doc["mentions"][1]["ranges"][0];
        assert_eq!(
            thumb["end"].as_u64().unwrap() - thumb["start"].as_u64().unwrap(),
            2
        );
        assert_eq!(
            thumb["end_utf16"].as_u64().unwrap() - thumb["start_utf16"].as_u64().unwrap(),
            4
        );
        assert_eq!(
            thumb["end_byte"].as_u64().unwrap() - thumb["start_byte"].as_u64().unwrap(),
            8
        );
    }

    #[test]
    fn annotations_carry_ids_fillers_attributes_and_notes() {
        let p = project();
        let json: serde_json::Value =
            serde_json::from_str(&json_string_from_project(&p, &mut |_, _| true).unwrap()).unwrap();
        let doc = &json["documents"][0];
        assert_eq!(json["format"], "eventail-json");
        assert_eq!(doc["status"], "new");
        let m = &doc["mentions"][2];
        assert_eq!(m["id"], "T3");
        assert_eq!(m["text"], "Ali e\u{301}te\u{301}");
        assert_eq!(m["attributes"]["generic"], true);
        assert_eq!(m["note"], "n");
        let e = &doc["events"][0];
        assert_eq!(e["id"], "E4");
        assert_eq!(e["trigger_text"], "قصف");
        assert_eq!(e["attributes"]["certainty"], "certain");
        assert_eq!(
            e["arguments"][0],
            serde_json::json!({"role": "target", "filler": {"kind": "mention", "id": "T1"}})
        );
        assert_eq!(
            json_string_from_project(&p, &mut |_, _| true).unwrap(),
            json_string_from_project(&p, &mut |_, _| true).unwrap()
        );
    }
}
