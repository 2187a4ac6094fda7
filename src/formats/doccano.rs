//! doccano JSONL: exchanging entity and relation annotations with doccano, the web
//! annotation tool, and with the many scripts written for its export format.
//!
//! One JSON object per line, one line per document, in doccano's "JSONL (relation)"
//! layout:
//!
//! ```json
//! {"id": "d1", "text": "Daech quitte Palmyre.",
//!  "entities": [{"id": 1, "label": "armed_group", "start_offset": 0, "end_offset": 5},
//!               {"id": 2, "label": "place", "start_offset": 13, "end_offset": 20}],
//!  "relations": [{"id": 3, "from_id": 1, "to_id": 2, "type": "located_in"}]}
//! ```
//!
//! Offsets are Python string indices, that is code points, the unit of [`Span`].
//!
//! **Export.** `id` is the document id; entity and relation ids are eventail's numbers;
//! the document's metadata are further fields of the line, as doccano writes the `meta`
//! of its documents. doccano has no events and no discontinuous entities: events are
//! left out, relations with an event at one end too, and each range of a discontinuous
//! mention becomes an entity of its own (the first keeps the mention's number and
//! carries its relations; the others take numbers the document has never used). What
//! doccano has no place for (events, attributes, notes, equivalences, normalisations,
//! typed comments, metadata named like the fields above) is counted in a warning per
//! document. Authors, times of change, document names and statuses, eventail's own
//! bookkeeping, are left out without a word.
//!
//! **Import.** Each non-blank line becomes a document: its id is the line's `id` (a
//! string or a number; the line number when absent), made unique in the project; its
//! name is the first line of its text. `entities` become mentions and `relations`
//! relations; the older sequence-labelling layout, `"label": [[start, end, "TYPE"],
//! ...]`, is read too, also beside `entities`. The line's other fields, and those of a
//! `meta` object, become the document's metadata (lists of text joined by `; `); a field
//! that cannot (an object) is left out with a warning. Entity and relation types that
//! the schema lacks are added to it (with a generated colour) and reported. A line that
//! is not JSON, gives a key twice, lacks a text, has offsets past the text or an end
//! before its start, a type name with a tab or a line break, or a relation naming an
//! entity the line does not have, is an error `FILE:LINE: message`; by default nothing
//! is imported while any line is bad, and every bad line is listed.

use crate::formats::breaks_lines;
use crate::formats::import::{Import, ImportError, ImportOptions, ImportedDocument, read_error};
use crate::formats::lossy::{Kind, left_out_of_document};
use crate::formats::text::name_from_text;
use crate::formats::{Cancelled, each_document};
use crate::model::{
    Diagnostic, Document, DocumentIds, Filler, Mention, MentionId, Project, Relation, RelationId,
    Span,
};
use serde::de::{Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One entity of an exported line.
#[derive(Debug, Serialize)]
struct DoccanoEntity<'a> {
    /// A mention's id, or for its further ranges ids past the document's counter, which
    /// may go beyond what an eventail id can hold.
    id: u64,
    label: &'a str,
    start_offset: usize,
    end_offset: usize,
}

/// One relation of an exported line.
#[derive(Debug, Serialize)]
struct DoccanoRelation<'a> {
    id: u32,
    from_id: u32,
    to_id: u32,
    #[serde(rename = "type")]
    relation_type: &'a str,
}

/// One exported line.
#[derive(Debug, Serialize)]
struct DoccanoLine<'a> {
    id: &'a str,
    text: &'a str,
    entities: Vec<DoccanoEntity<'a>>,
    relations: Vec<DoccanoRelation<'a>>,
    /// The document's metadata, as doccano writes the fields of its documents' `meta`.
    #[serde(flatten)]
    metadata: BTreeMap<&'a str, &'a str>,
}

/// The doccano line of a document (without its line break), and what it had to leave
/// out or change.
pub fn doccano_line_from_document(doc: &Document) -> (String, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let mut entities = Vec::new();
    let mut next_extra = u64::from(doc.next_id);
    for m in &doc.mentions {
        for (i, range) in m.ranges.iter().enumerate() {
            let id = if i == 0 {
                u64::from(m.id.0)
            } else {
                next_extra += 1;
                next_extra - 1
            };
            entities.push(DoccanoEntity {
                id,
                label: &m.entity_type,
                start_offset: range.start,
                end_offset: range.end,
            });
        }
        if m.ranges.len() > 1 {
            let message = format!(
                "discontinuous, which doccano cannot show: written as {} entities",
                m.ranges.len()
            );
            warnings.push(Diagnostic::new(message).in_document(&doc.id).on(m.id));
        }
    }
    let kinds = [
        Kind::Events,
        Kind::Attributes,
        Kind::Notes,
        Kind::Equivalences,
        Kind::Normalizations,
        Kind::Comments,
    ];
    warnings.extend(left_out_of_document(doc, &kinds, "doccano"));
    let mut metadata = BTreeMap::new();
    for (key, value) in &doc.metadata {
        if ANNOTATION_FIELDS.contains(&key.as_str()) {
            let message = format!("metadata {key:?} left out: doccano uses that field for text");
            warnings.push(Diagnostic::new(message).in_document(&doc.id));
        } else {
            metadata.insert(key.as_str(), value.as_str());
        }
    }
    let mut relations = Vec::new();
    for r in &doc.relations {
        match (r.arg1, r.arg2) {
            (Filler::Mention(from), Filler::Mention(to)) => relations.push(DoccanoRelation {
                id: r.id.0,
                from_id: from.0,
                to_id: to.0,
                relation_type: &r.relation_type,
            }),
            _ => warnings.push(
                Diagnostic::new("links an event, which doccano cannot show: left out")
                    .in_document(&doc.id)
                    .on(r.id),
            ),
        }
    }
    let line = DoccanoLine {
        id: &doc.id,
        text: &doc.text,
        entities,
        relations,
        metadata,
    };
    // Serialising these types cannot fail: the one map has string keys.
    (serde_json::to_string(&line).unwrap_or_default(), warnings)
}

/// The doccano JSONL text of the project (one line per document), and the warnings;
/// `progress` is asked before each document.
pub fn doccano_from_project(
    project: &Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(String, Vec<Diagnostic>), Cancelled> {
    let mut out = String::new();
    let mut warnings = Vec::new();
    for (line, doc_warnings) in
        each_document(project, progress, |_, doc| doccano_line_from_document(doc))?
    {
        out.push_str(&line);
        out.push('\n');
        warnings.extend(doc_warnings);
    }
    Ok((out, warnings))
}

/// A line read, before it gets a document id.
struct ParsedLine {
    id: String,
    text: String,
    /// (label, span), in line order.
    entities: Vec<(String, Span)>,
    /// (type, index of from entity, index of to entity).
    relations: Vec<(String, usize, usize)>,
    /// The line's other fields, and those of its `meta` object.
    metadata: BTreeMap<String, String>,
    /// Fields that could not be kept, by name.
    left_out: Vec<String>,
}

/// A JSON value read so that an object with a key given twice is refused, at any depth:
/// serde_json keeps the last value silently, and an entity's `label` given twice would
/// lose a type as surely as a line's `text` given twice would lose a text.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

/// Builds a [`StrictValue`].
struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(A::Error::custom(format!("key {key:?} is given twice")));
            }
            let StrictValue(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// A line's JSON, every key given once; `Err` says what is wrong, where in the line.
fn strict_value_from_str(line: &str) -> Result<Value, String> {
    serde_json::from_str::<StrictValue>(line)
        .map(|StrictValue(value)| value)
        .map_err(|e| {
            let place = format!(" at line {} column {}", e.line(), e.column());
            let shown = e.to_string();
            let what = shown.strip_suffix(&place).unwrap_or(&shown);
            let column = e.column();
            if e.is_data() {
                format!("{what} (column {column})")
            } else {
                format!("not JSON: {what} (column {column})")
            }
        })
}

/// A non-negative integer field of `object`.
fn offset_field(object: &Value, key: &str) -> Result<usize, String> {
    object
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("\"{key}\" must be a non-negative integer"))
}

/// Checks that `start..end` is a non-empty range of a text of `char_len` characters.
fn checked_span(start: usize, end: usize, char_len: usize, what: &str) -> Result<Span, String> {
    if end < start {
        Err(format!("{what}: end {end} is before start {start}"))
    } else if end == start {
        Err(format!("{what}: empty range at {start}"))
    } else if end > char_len {
        Err(format!(
            "{what}: offsets {start}-{end} go past the end of the text ({char_len} characters)"
        ))
    } else {
        Ok(Span::new(start, end))
    }
}

/// A type name as a line gives it: refused when it holds a tab or a line break, which
/// would break the lines of the brat and CoNLL files it is later written to.
fn checked_type(name: &str, what: &str) -> Result<String, String> {
    if breaks_lines(name) {
        Err(format!(
            "{what}: the type {name:?} holds a tab or a line break, which no name may hold"
        ))
    } else {
        Ok(name.to_string())
    }
}

/// An id field as a string: a JSON string, or a number written as JSON writes it.
fn id_from_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An entity of the older layout, `[start, end, "TYPE"]` (`what` names it in errors).
fn triple_entity(item: &Value, char_len: usize, what: &str) -> Result<(String, Span), String> {
    let bad = || format!("{what}: expected [start, end, \"TYPE\"]");
    let parts = item.as_array().filter(|p| p.len() == 3).ok_or_else(bad)?;
    let offset = |v: &Value| v.as_u64().and_then(|n| usize::try_from(n).ok());
    let (Some(start), Some(end), Some(label)) =
        (offset(&parts[0]), offset(&parts[1]), parts[2].as_str())
    else {
        return Err(bad());
    };
    let span = checked_span(start, end, char_len, what)?;
    Ok((checked_type(label, what)?, span))
}

/// A metadata value as text: a string as it is, a number or a flag as JSON writes it, a
/// list of those joined by `; ` (doccano's category labels); `None` for what has no
/// text (null, an empty list), `Err(())` for what cannot be kept (objects, nested lists).
fn metadata_from_value(value: &Value) -> Result<Option<String>, ()> {
    let scalar = |v: &Value| match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(_) | Value::Bool(_) => Ok(v.to_string()),
        _ => Err(()),
    };
    match value {
        Value::Null => Ok(None),
        Value::Array(items) if items.is_empty() => Ok(None),
        Value::Array(items) => {
            let texts: Vec<String> = items.iter().map(scalar).collect::<Result<_, _>>()?;
            Ok(Some(texts.join("; ")))
        }
        other => scalar(other).map(Some),
    }
}

/// The fields of a line that are read as annotations, not metadata.
const ANNOTATION_FIELDS: [&str; 6] = ["id", "text", "entities", "label", "relations", "meta"];

/// Reads one line (`number` counts from 1) of doccano JSONL.
///
/// Both layouts of entities are read when a line has both, `entities` (objects, or
/// triples as doccano's intent-detection projects write them) and `label` (triples):
/// doccano itself writes one or the other, so a line with both comes from a script that
/// meant both; reading only one would lose the other without a word, and refusing the
/// line would lose both. The same entity in both (a script that wrote it twice for
/// compatibility) is kept once. Strings in `label` are category labels (doccano's text
/// classification): kept as the document's `label` metadata. Every other field, and
/// those of `meta`, become metadata; what cannot (objects) is listed in `left_out`.
fn parsed_line_from_str(line: &str, number: usize) -> Result<ParsedLine, String> {
    let value = strict_value_from_str(line)?;
    let Value::Object(object) = &value else {
        return Err("not a JSON object".into());
    };
    let text = value
        .get("text")
        .and_then(Value::as_str)
        .ok_or("no \"text\" string")?
        .to_string();
    let id = value
        .get("id")
        .and_then(id_from_value)
        .unwrap_or_else(|| number.to_string());
    let char_len = text.chars().count();
    let mut entities: Vec<(String, Span)> = Vec::new();
    let mut index_of_id = BTreeMap::new();
    if let Some(list) = value.get("entities") {
        for (i, entity) in list
            .as_array()
            .ok_or("\"entities\" is not a list")?
            .iter()
            .enumerate()
        {
            let what = format!("entity {}", i + 1);
            if entity.is_array() {
                entities.push(triple_entity(entity, char_len, &what)?);
                continue;
            }
            let label = entity
                .get("label")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{what}: no \"label\" string"))?;
            let start = offset_field(entity, "start_offset").map_err(|e| format!("{what}: {e}"))?;
            let end = offset_field(entity, "end_offset").map_err(|e| format!("{what}: {e}"))?;
            let span = checked_span(start, end, char_len, &what)?;
            if let Some(id) = entity.get("id").and_then(id_from_value)
                && index_of_id.insert(id.clone(), entities.len()).is_some()
            {
                return Err(format!("{what}: another entity has the id {id}"));
            }
            entities.push((checked_type(label, &what)?, span));
        }
    }
    let mut categories = Vec::new();
    if let Some(list) = value.get("label") {
        let from_entities = entities.len();
        for (i, item) in list
            .as_array()
            .ok_or("\"label\" is not a list")?
            .iter()
            .enumerate()
        {
            if let Some(category) = item.as_str() {
                categories.push(Value::String(category.to_string()));
                continue;
            }
            let entity = triple_entity(item, char_len, &format!("label {}", i + 1))?;
            if !entities[..from_entities].contains(&entity) {
                entities.push(entity);
            }
        }
    }
    let mut relations = Vec::new();
    if let Some(list) = value.get("relations") {
        for (i, relation) in list
            .as_array()
            .ok_or("\"relations\" is not a list")?
            .iter()
            .enumerate()
        {
            let what = format!("relation {}", i + 1);
            let relation_type = relation
                .get("type")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{what}: no \"type\" string"))?;
            let end = |key: &str| {
                let id = relation
                    .get(key)
                    .and_then(id_from_value)
                    .ok_or_else(|| format!("{what}: no \"{key}\""))?;
                index_of_id
                    .get(&id)
                    .copied()
                    .ok_or_else(|| format!("{what}: \"{key}\" {id} is not an entity of this line"))
            };
            let relation_type = checked_type(relation_type, &what)?;
            relations.push((relation_type, end("from_id")?, end("to_id")?));
        }
    }
    let mut fields: Vec<(&str, &Value)> = object
        .iter()
        .filter(|(key, _)| !ANNOTATION_FIELDS.contains(&key.as_str()))
        .map(|(key, value)| (key.as_str(), value))
        .collect();
    let categories = Value::Array(categories);
    fields.push(("label", &categories));
    match value.get("meta") {
        Some(Value::Object(meta)) => fields.extend(meta.iter().map(|(k, v)| (k.as_str(), v))),
        Some(other) => fields.push(("meta", other)),
        None => {}
    }
    let mut metadata = BTreeMap::new();
    let mut left_out = Vec::new();
    for (key, value) in fields {
        match metadata_from_value(value) {
            Ok(Some(text)) => {
                if metadata.insert(key.to_string(), text).is_some() {
                    return Err(format!(
                        "metadata {key:?} is given twice, as a field and in \"meta\""
                    ));
                }
            }
            Ok(None) => {}
            Err(()) => left_out.push(key.to_string()),
        }
    }
    Ok(ParsedLine {
        id,
        text,
        entities,
        relations,
        metadata,
        left_out,
    })
}

/// The documents of a doccano JSONL text read from `path` (named in errors), for the
/// project `target`: ids unique in it, its schema with the types it lacks.
/// `progress(lines_done, lines_total)` is asked before each line.
///
/// Every line is read. With bad lines, fails with all of them, unless
/// `options.skip_bad_lines` is set: then the good lines are imported and the bad ones
/// listed among the warnings. Nothing is added to `target`.
pub fn doccano_import_from_bytes(
    bytes: &[u8],
    path: &Path,
    target: &Project,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Import, ImportError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    let total = bytes.split(|&b| b == b'\n').count();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if !progress(i, total) {
            return Err(ImportError::Cancelled);
        }
        let result = std::str::from_utf8(line)
            .map_err(|e| format!("not UTF-8: {e}"))
            .and_then(|line| {
                let line = line.trim();
                if line.is_empty() {
                    Ok(None)
                } else {
                    parsed_line_from_str(line, i + 1).map(Some)
                }
            });
        match result {
            Ok(Some(line)) => parsed.push((i + 1, line)),
            Ok(None) => {}
            Err(message) => errors.push(Diagnostic::new(message).in_file(path).at_line(i + 1)),
        }
    }
    if !errors.is_empty() && !options.skip_bad_lines {
        return Err(ImportError::BadLines(errors));
    }
    let mut warnings: Vec<Diagnostic> = errors
        .into_iter()
        .map(|e| {
            let message = format!("{}: line skipped", e.message);
            Diagnostic { message, ..e }
        })
        .collect();
    let mut schema = target.schema.clone();
    let mut taken = DocumentIds::of(target);
    let mut documents = Vec::new();
    for (number, line) in parsed {
        // Ids count from 1 in a new document: a line with more annotations than ids
        // cannot be imported (it would take a line of many gigabytes).
        let annotations = line.entities.len() + line.relations.len();
        if u32::try_from(annotations).map_or(true, |n| n >= u32::MAX - 1) {
            let message =
                format!("{annotations} annotations on one line: more than a document can number");
            let too_many = Diagnostic::new(message).in_file(path).at_line(number);
            if !options.skip_bad_lines {
                return Err(ImportError::BadLines(vec![too_many]));
            }
            warnings.push(too_many);
            continue;
        }
        let id = taken.claim(&line.id);
        let name = name_from_text(&line.text, &id);
        let mut doc = Document::new(id, name, line.text);
        doc.metadata = line.metadata;
        for field in line.left_out {
            let message = format!("field {field:?} left out: eventail has no place for it");
            warnings.push(Diagnostic::new(message).in_file(path).at_line(number));
        }
        let mut schema_grew = |change: Option<Diagnostic>| {
            if let Some(change) = change {
                warnings.push(change.in_file(path).at_line(number));
            }
        };
        for (label, span) in line.entities {
            schema_grew(schema.add_missing_entity_type(&label));
            doc.mentions.push(Mention {
                id: MentionId(doc.next_id),
                entity_type: label,
                ranges: vec![span],
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
                sources: Vec::new(),
            });
            doc.next_id += 1;
        }
        for (relation_type, from, to) in line.relations {
            schema_grew(schema.add_missing_relation_type(&relation_type));
            // Indices come from the line's own entities, which all became mentions.
            let filler = |i: usize| Filler::Mention(doc.mentions[i].id);
            let relation = Relation {
                id: RelationId(doc.next_id),
                relation_type,
                arg1: filler(from),
                arg2: filler(to),
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
                sources: Vec::new(),
            };
            doc.relations.push(relation);
            doc.next_id += 1;
        }
        documents.push(ImportedDocument {
            document: doc,
            path: path.to_path_buf(),
            encoding: None,
        });
    }
    Ok(Import {
        name: None,
        schema,
        documents,
        warnings,
    })
}

/// Reads the doccano JSONL file at `path` for the project `target`; see
/// [`doccano_import_from_bytes`].
pub(crate) fn import_doccano(
    path: &Path,
    target: &Project,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Import, ImportError> {
    let bytes = crate::io::read_regular_file(path).map_err(read_error(path))?;
    doccano_import_from_bytes(&bytes, path, target, options, progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::{event, mention, span};
    use crate::model::{EventId, Schema};

    /// The import of `bytes` as the file `path` for `target`, never cancelled.
    fn import(
        bytes: &[u8],
        path: &str,
        target: &Project,
        skip_bad_lines: bool,
    ) -> Result<Import, ImportError> {
        let options = ImportOptions { skip_bad_lines };
        doccano_import_from_bytes(bytes, Path::new(path), target, options, &mut |_, _| true)
    }

    /// The documents of an import.
    fn documents(import: &Import) -> Vec<&Document> {
        import.documents.iter().map(|d| &d.document).collect()
    }

    fn relation(id: u32, from: u32, to: u32) -> Relation {
        Relation {
            id: RelationId(id),
            relation_type: "located_in".into(),
            arg1: Filler::Mention(MentionId(from)),
            arg2: Filler::Mention(MentionId(to)),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        }
    }

    const TEXT: &str = "👍🏽 L’armée e\u{301}tait à تدمر\u{a0}!\r\nFin.";

    fn project() -> Project {
        let mut doc = Document::new("d1", "d1", TEXT);
        doc.mentions = vec![
            mention(1, "state_force", vec![span(TEXT, "L’armée")]),
            mention(2, "place", vec![span(TEXT, "تدمر")]),
            mention(3, "person", vec![span(TEXT, "e\u{301}tait")]),
        ];
        doc.relations = vec![relation(4, 1, 2)];
        doc.next_id = 5;
        let mut p = Project::new("p", Schema::default());
        p.documents.push(doc);
        p
    }

    /// (type, ranges) of the mentions and (type, arg1 ranges, arg2 ranges) of relations.
    type Content = (
        Vec<(String, Vec<Span>)>,
        Vec<(String, Vec<Span>, Vec<Span>)>,
    );

    fn content(doc: &Document) -> Content {
        let ranges = |f: Filler| match f {
            Filler::Mention(id) => doc.mention(id).unwrap().ranges.clone(),
            Filler::Event(_) => vec![],
        };
        (
            doc.mentions
                .iter()
                .map(|m| (m.entity_type.clone(), m.ranges.clone()))
                .collect(),
            doc.relations
                .iter()
                .map(|r| (r.relation_type.clone(), ranges(r.arg1), ranges(r.arg2)))
                .collect(),
        )
    }

    /// Issue 8: the further ranges of a discontinuous mention get ids past the document's
    /// counter; near the largest id they used to wrap to 0 and repeat a mention's id,
    /// which the import then refused.
    #[test]
    fn ids_of_further_ranges_never_repeat_even_at_the_largest_ids() {
        let mut p = project();
        let doc = &mut p.documents[0];
        doc.mentions[0].ranges = ["L’armée", "à", "!", "Fin"]
            .iter()
            .map(|w| span(TEXT, w))
            .collect();
        doc.mentions[0].ranges.sort();
        doc.next_id = u32::MAX - 1;
        let (jsonl, _) = doccano_from_project(&p, &mut |_, _| true).unwrap();
        let line: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
        let ids: Vec<u64> = line["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_u64().unwrap())
            .collect();
        let unique: std::collections::BTreeSet<u64> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        let back = import(
            jsonl.as_bytes(),
            "back.jsonl",
            &Project::new("t", Schema::default()),
            false,
        );
        assert!(back.is_ok(), "{back:?}");
    }

    #[test]
    fn export_then_import_gives_the_same_mentions_and_relations() {
        let p = project();
        let (jsonl, warnings) = doccano_from_project(&p, &mut |_, _| true).unwrap();
        assert!(warnings.is_empty());
        let line: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
        // Python slices by code point: the offsets select the same characters.
        let chars: Vec<char> = TEXT.chars().collect();
        let e = &line["entities"][1];
        let (s, t) = (
            e["start_offset"].as_u64().unwrap() as usize,
            e["end_offset"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[s..t].iter().collect::<String>(), "تدمر");
        assert_eq!(
            line["relations"][0],
            serde_json::json!({"id": 4, "from_id": 1, "to_id": 2, "type": "located_in"})
        );

        let target = Project::new("q", Schema::default());
        let import = import(jsonl.as_bytes(), "x.jsonl", &target, false).unwrap();
        assert_eq!(import.documents.len(), 1);
        let doc = documents(&import)[0];
        assert_eq!((doc.id.as_str(), doc.text.as_str()), ("d1", TEXT));
        assert_eq!(content(doc), content(&p.documents[0]));
        let names: Vec<&str> = import
            .schema
            .entity_types
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["state_force", "place", "person"]);
        assert_eq!(import.schema.relation_types.len(), 1);
        let entities = &import.schema.entity_types;
        assert_ne!(entities[0].color, entities[1].color);
        let warnings: Vec<String> = import.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings[0],
            "x.jsonl:1: entity type \"state_force\" added to the schema"
        );
        assert_eq!(warnings.len(), 4, "{warnings:#?}");
    }

    #[test]
    fn events_and_discontinuous_mentions_are_reported() {
        let mut p = project();
        let doc = &mut p.documents[0];
        doc.mentions[0].ranges = vec![span(TEXT, "L’"), span(TEXT, "tait")];
        doc.events.push(event(5, "attack", vec![]));
        doc.relations.push(Relation {
            arg2: Filler::Event(EventId(5)),
            ..relation(6, 1, 2)
        });
        doc.next_id = 7;
        let (jsonl, warnings) = doccano_from_project(&p, &mut |_, _| true).unwrap();
        let warnings: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings,
            [
                "document \"d1\", T1: discontinuous, which doccano cannot show: written as 2 \
                 entities",
                "document \"d1\": 1 event left out: doccano has no place for them",
                "document \"d1\", R6: links an event, which doccano cannot show: left out",
            ]
        );
        let line: Value = serde_json::from_str(jsonl.trim_end()).unwrap();
        let ids: Vec<u64> = line["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_u64().unwrap())
            .collect();
        assert_eq!(ids, [1, 7, 2, 3]);
    }

    #[test]
    fn the_older_label_layout_and_numbers_as_ids_are_read() {
        let mut existing = Project::new("p", Schema::default());
        existing.documents.push(Document::new("7", "", "x"));
        let jsonl = "\u{feff}{\"id\": 7, \"text\": \"Daech à Homs\", \"label\": [[0, 5, \"ORG\"], [8, 12, \"LOC\"]]}\r\n\
                     \n\
                     {\"text\": \"Sans id\"}\n";
        let import = import(jsonl.as_bytes(), "f", &existing, false).unwrap();
        let docs = documents(&import);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["7-2", "3"]);
        assert_eq!(docs[0].name, "Daech à Homs");
        assert_eq!(
            content(docs[0]).0,
            [
                ("ORG".to_string(), vec![Span::new(0, 5)]),
                ("LOC".to_string(), vec![Span::new(8, 12)])
            ]
        );
    }

    #[test]
    fn bad_lines_are_all_reported_with_their_numbers() {
        let jsonl = [
            r#"{"text": "ok", "entities": [{"id": 1, "label": "A", "start_offset": 0, "end_offset": 2}]}"#,
            r#"{"text": "ok""#,
            r#"[1, 2]"#,
            r#"{"id": 3}"#,
            r#"{"text": "abc", "entities": [{"id": 1, "label": "A", "start_offset": 1, "end_offset": 9}]}"#,
            r#"{"text": "abc", "entities": [{"id": 1, "label": "A", "start_offset": 2, "end_offset": 1}]}"#,
            r#"{"text": "abc", "entities": [{"id": 1, "label": "A", "start_offset": -1, "end_offset": 1}]}"#,
            r#"{"text": "abc", "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "R"}]}"#,
            r#"{"text": "abc", "label": [[0, 1]]}"#,
            "{\"text\": \"\u{ff}\"}",
        ]
        .join("\n");
        let mut bytes = jsonl.into_bytes();
        bytes.extend(b"\n{\"text\": \"\xff\"}");
        let path = "dir/a.jsonl";
        let project = Project::new("p", Schema::default());
        let Err(ImportError::BadLines(errors)) = import(&bytes, path, &project, false) else {
            panic!("bad lines imported");
        };
        let lines: Vec<Option<usize>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8, 9, 11].map(Some));
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            messages[0].starts_with("dir/a.jsonl:2: not JSON: "),
            "{messages:?}"
        );
        assert_eq!(messages[1], "dir/a.jsonl:3: not a JSON object");
        assert_eq!(messages[2], "dir/a.jsonl:4: no \"text\" string");
        assert_eq!(
            messages[3],
            "dir/a.jsonl:5: entity 1: offsets 1-9 go past the end of the text (3 characters)"
        );
        assert_eq!(
            messages[4],
            "dir/a.jsonl:6: entity 1: end 1 is before start 2"
        );
        assert_eq!(
            messages[5],
            "dir/a.jsonl:7: entity 1: \"start_offset\" must be a non-negative integer"
        );
        assert_eq!(
            messages[6],
            "dir/a.jsonl:8: relation 1: \"from_id\" 1 is not an entity of this line"
        );
        assert_eq!(
            messages[7],
            "dir/a.jsonl:9: label 1: expected [start, end, \"TYPE\"]"
        );
        assert!(messages[8].starts_with("dir/a.jsonl:11: not UTF-8"));

        let import = import(&bytes, path, &project, true).unwrap();
        assert_eq!(import.documents.len(), 2);
        let skipped = import
            .warnings
            .iter()
            .filter(|w| w.message.ends_with(": line skipped"));
        assert_eq!(skipped.count(), 9);
    }
}
