//! CSV export: flat tables of events and mentions for statistics software (R, pandas,
//! Stata, SPSS, Excel), where event datasets are counted, cross-tabulated and plotted.
//!
//! The export writes two files into a folder:
//!
//! - `events.csv`, one row per event: `document`, `event` (id), `type`, `trigger`
//!   (text), `start`, `end` (code points: start of the first trigger range, end of the
//!   last), then one column per role name (the union over the schema's event types, in
//!   schema order; several fillers joined by ` | `, each given by its text, or by its
//!   trigger text for an event), one column per attribute that applies to events (in
//!   schema order; a set flag is `true`), `date_normalised` (the event's normalised date
//!   when it has one) and `note`;
//! - `mentions.csv`, one row per mention: `document`, `mention` (id), `type`, `text`,
//!   `start`, `end` (first and last range), `ranges` (every range, `0-5;8-12`, for
//!   discontinuous mentions), one column per attribute that applies to entities, `note`.
//!
//! A role or attribute whose name is already a column gets a `role_` or `attr_` prefix.
//!
//! Quoting follows RFC 4180: a field is quoted when it holds a quote (doubled), a comma,
//! a line break, or leading or trailing white space (which some readers would strip);
//! records end with CRLF. Files are UTF-8 **with a byte-order mark**: without it Excel
//! opens them as the local 8-bit code page and garbles every accent and Arabic name,
//! whereas pandas (`read_csv`), readr (`read_csv`), data.table (`fread`) and LibreOffice
//! skip the mark; with base R, read with `read.csv(f, fileEncoding = "UTF-8-BOM")`.
//!
//! The files are made for spreadsheets, which run a cell that begins with `=`, `+`,
//! `-` or `@` (or a tab or carriage return before one) as a formula: an article quoting
//! `=HYPERLINK(...)` or a note beginning with `-` would run or break. Such a cell is
//! written with a leading `'` (OWASP's advice against CSV injection), which spreadsheets
//! show as text; the `raw` option (`eventail export csv --raw`) writes every cell as it
//! is, for scripts that read the files. Relations, equivalences, normalisations, typed
//! comments and metadata have no table: the export says how many it left out.

use crate::formats::lossy::{Kind, left_out_of_project};
use crate::formats::{Cancelled, FolderFiles, each_document};
use crate::model::span::OffsetTable;
use crate::model::{AttrValue, Attributes, Diagnostic, Document, Filler, Project, Schema, Span};
use std::borrow::Cow;

/// The byte-order mark that makes Excel read the files as UTF-8.
const BOM: &str = "\u{feff}";

/// Name of the attribute written in its own column of `events.csv`.
const DATE_ATTRIBUTE: &str = "date_normalised";

/// The characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a quote,
/// a comma, a line break or leading or trailing white space. Unless `raw`, a field that
/// a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is guarded by a leading `'`, which spreadsheets show as text.
pub fn csv_field_from_str(field: &str, raw: bool) -> Cow<'_, str> {
    let field = if !raw && field.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    };
    let needs_quotes = field.contains(['"', ',', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        field
    }
}

/// Appends one record, ending with CRLF; `raw` as in [`csv_field_from_str`].
pub(crate) fn push_csv_record<S: AsRef<str>>(out: &mut String, fields: &[S], raw: bool) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field_from_str(field.as_ref(), raw));
    }
    out.push_str("\r\n");
}

/// Header names: `first`, then `extra` names (each prefixed with its prefix when it is
/// already a column), then `last`.
fn header_from_names(first: &[&str], extra: &[(&str, &str)], last: &[&str]) -> Vec<String> {
    let mut header: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    for (prefix, name) in extra {
        let taken = header.iter().any(|h| h == name) || last.contains(name);
        header.push(if taken {
            format!("{prefix}{name}")
        } else {
            name.to_string()
        });
    }
    header.extend(last.iter().map(|s| s.to_string()));
    header
}

/// The value of attribute `name` in a cell: `true` for a flag, empty when unset.
fn cell_from_attribute(attributes: &Attributes, name: &str) -> String {
    match attributes.get(name) {
        Some(AttrValue::Flag) => "true".into(),
        Some(AttrValue::Value(v)) => v.clone(),
        None => String::new(),
    }
}

/// Start of the first range and end of the last, empty cells when there is none.
fn cells_from_ranges(ranges: &[Span]) -> [String; 2] {
    match (ranges.first(), ranges.last()) {
        (Some(first), Some(last)) => [first.start.to_string(), last.end.to_string()],
        _ => Default::default(),
    }
}

/// Role names of all the schema's event types, in schema order, without repeats.
fn role_names_from_schema(schema: &Schema) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for role in schema.event_types.iter().flat_map(|t| &t.roles) {
        if !names.contains(&role.name.as_str()) {
            names.push(&role.name);
        }
    }
    names
}

/// Names of the schema's attributes that apply to at least one of `types`, in schema
/// order, except `except`.
fn attribute_names_for<'a>(
    schema: &'a Schema,
    types: impl Iterator<Item = &'a str> + Clone,
    except: &str,
) -> Vec<&'a str> {
    schema
        .attributes
        .iter()
        .filter(|a| a.name != except && types.clone().any(|t| a.applies(t)))
        .map(|a| a.name.as_str())
        .collect()
}

/// The text of a role's filler: a mention's text, an event's trigger text (its id when
/// it has no trigger).
fn filler_text(doc: &Document, table: &OffsetTable, filler: Filler) -> String {
    match filler {
        Filler::Mention(id) => doc
            .mention(id)
            .map(|m| table.covered_text(&m.ranges))
            .unwrap_or_else(|| id.to_string()),
        Filler::Event(id) => match doc.event(id) {
            Some(e) if !e.trigger.is_empty() => table.covered_text(&e.trigger),
            _ => id.to_string(),
        },
    }
}

/// The two tables as they are written: their columns, fixed by the schema, and their
/// text so far (byte-order mark and header first).
struct Tables<'a> {
    /// Role columns of `events.csv`.
    roles: Vec<&'a str>,
    /// Attribute columns of `events.csv`.
    event_attributes: Vec<&'a str>,
    /// Attribute columns of `mentions.csv`.
    mention_attributes: Vec<&'a str>,
    /// Cells written as they are, formulas unguarded.
    raw: bool,
    events: String,
    mentions: String,
}

impl<'a> Tables<'a> {
    /// Empty tables for a project of `schema`: their headers.
    fn new(schema: &'a Schema, raw: bool) -> Self {
        let roles = role_names_from_schema(schema);
        let event_types = schema.event_types.iter().map(|t| t.name.as_str());
        let event_attributes = attribute_names_for(schema, event_types, DATE_ATTRIBUTE);
        let extra: Vec<(&str, &str)> = roles
            .iter()
            .map(|r| ("role_", *r))
            .chain(event_attributes.iter().map(|a| ("attr_", *a)))
            .collect();
        let fixed = ["document", "event", "type", "trigger", "start", "end"];
        let header = header_from_names(&fixed, &extra, &[DATE_ATTRIBUTE, "note"]);
        let mut events = BOM.to_string();
        push_csv_record(&mut events, &header, raw);

        let entity_types = schema.entity_types.iter().map(|t| t.name.as_str());
        let mention_attributes = attribute_names_for(schema, entity_types, "");
        let extra: Vec<(&str, &str)> = mention_attributes.iter().map(|a| ("attr_", *a)).collect();
        let fixed = [
            "document", "mention", "type", "text", "start", "end", "ranges",
        ];
        let header = header_from_names(&fixed, &extra, &["note"]);
        let mut mentions = BOM.to_string();
        push_csv_record(&mut mentions, &header, raw);
        Self {
            roles,
            event_attributes,
            mention_attributes,
            raw,
            events,
            mentions,
        }
    }

    /// The rows of `doc` in `events.csv` and in `mentions.csv`: made apart from the
    /// tables, so that documents are rendered on several threads at once.
    fn rows_of(&self, doc: &Document) -> (String, String) {
        let table = OffsetTable::new(&doc.text);
        let (mut events, mut mentions) = (String::new(), String::new());
        self.push_events(doc, &table, &mut events);
        self.push_mentions(doc, &table, &mut mentions);
        (events, mentions)
    }

    /// Appends a row per event of `doc` (whose offsets `table` holds) to `out`.
    fn push_events(&self, doc: &Document, table: &OffsetTable, out: &mut String) {
        for e in &doc.events {
            let [start, end] = cells_from_ranges(&e.trigger);
            let mut row = vec![
                doc.id.clone(),
                e.id.to_string(),
                e.event_type.clone(),
                table.covered_text(&e.trigger),
                start,
                end,
            ];
            for role in &self.roles {
                let fillers: Vec<String> = e
                    .arguments
                    .iter()
                    .filter(|a| a.role == *role)
                    .map(|a| filler_text(doc, table, a.filler))
                    .collect();
                row.push(fillers.join(" | "));
            }
            for name in &self.event_attributes {
                row.push(cell_from_attribute(&e.attributes, name));
            }
            row.push(cell_from_attribute(&e.attributes, DATE_ATTRIBUTE));
            row.push(e.note.clone());
            push_csv_record(out, &row, self.raw);
        }
    }

    /// Appends a row per mention of `doc` (whose offsets `table` holds) to `out`.
    fn push_mentions(&self, doc: &Document, table: &OffsetTable, out: &mut String) {
        for m in &doc.mentions {
            let [start, end] = cells_from_ranges(&m.ranges);
            let ranges: Vec<String> = m
                .ranges
                .iter()
                .map(|r| format!("{}-{}", r.start, r.end))
                .collect();
            let mut row = vec![
                doc.id.clone(),
                m.id.to_string(),
                m.entity_type.clone(),
                table.covered_text(&m.ranges),
                start,
                end,
                ranges.join(";"),
            ];
            for name in &self.mention_attributes {
                row.push(cell_from_attribute(&m.attributes, name));
            }
            row.push(m.note.clone());
            push_csv_record(out, &row, self.raw);
        }
    }
}

/// `events.csv` and `mentions.csv` of the project, by name, and what they have no place
/// for (once per kind); `raw` as in [`csv_field_from_str`]. `progress` is asked before
/// each document.
pub fn csv_files_from_project(
    project: &Project,
    raw: bool,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(FolderFiles, Vec<Diagnostic>), Cancelled> {
    let mut tables = Tables::new(&project.schema, raw);
    let rows = each_document(project, progress, |_, doc| tables.rows_of(doc))?;
    for (events, mentions) in rows {
        tables.events.push_str(&events);
        tables.mentions.push_str(&mentions);
    }
    let kinds = [
        Kind::Relations,
        Kind::Equivalences,
        Kind::Normalizations,
        Kind::Comments,
        Kind::Metadata,
    ];
    let files = vec![
        ("events.csv".into(), tables.events),
        ("mentions.csv".into(), tables.mentions),
    ];
    Ok((files, left_out_of_project(project, &kinds, "CSV")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::{event, mention};
    use crate::model::{
        AttrKind, AttributeDef, EntityType, Event, EventType, Mention, MentionId, Role, RoleArg,
    };

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(csv_field_from_str("Palmyre", false), "Palmyre");
        assert_eq!(csv_field_from_str("é\u{a0}👍🏽", false), "é\u{a0}👍🏽");
        assert_eq!(csv_field_from_str("a,b", false), "\"a,b\"");
        assert_eq!(
            csv_field_from_str("dit \"non\"", false),
            "\"dit \"\"non\"\"\""
        );
        assert_eq!(csv_field_from_str("a\r\nb", false), "\"a\r\nb\"");
        assert_eq!(csv_field_from_str(" a", false), "\" a\"");
        assert_eq!(csv_field_from_str("a\u{a0}", false), "\"a\u{a0}\"");
        assert_eq!(csv_field_from_str("", false), "");
    }

    fn project() -> Project {
        let role = |name: &str| Role {
            name: name.into(),
            label: name.into(),
            fillers: vec![],
            cardinality: Default::default(),
        };
        let event_type = |name: &str, roles: &[&str]| EventType {
            group: String::new(),
            name: name.into(),
            label: name.into(),
            color: Default::default(),
            shortcut: None,
            roles: roles.iter().map(|r| role(r)).collect(),
        };
        let attribute = |name: &str, applies_to: &[&str]| AttributeDef {
            name: name.into(),
            label: name.into(),
            applies_to: applies_to.iter().map(|t| t.to_string()).collect(),
            kind: AttrKind::Text,
        };
        let schema = Schema {
            entity_types: vec![EntityType {
                group: String::new(),
                name: "place".into(),
                label: "Lieu".into(),
                color: Default::default(),
                shortcut: None,
            }],
            event_types: vec![
                event_type("attack", &["attacker", "target", "note"]),
                event_type("capture", &["agent", "target"]),
            ],
            relation_types: vec![],
            attributes: vec![
                attribute("certainty", &["attack"]),
                attribute("date_normalised", &["attack", "place"]),
                attribute("generic", &["place"]),
            ],
            ..Default::default()
        };
        let text = "Homs, \"Palmyre\"\r\net Raqqa : frappés.";
        let mut doc = Document::new("d", "d", text);
        let place = |id, ranges: Vec<Span>, note: &str| Mention {
            attributes: [("generic".to_string(), AttrValue::Flag)].into(),
            note: note.into(),
            ..mention(id, "place", ranges)
        };
        doc.mentions = vec![
            place(1, vec![Span::new(0, 4)], ""),
            place(2, vec![Span::new(6, 15)], " à vérifier,\nsource ?"),
            place(3, vec![Span::new(0, 4), Span::new(20, 25)], ""),
        ];
        doc.events = vec![Event {
            arguments: ["target", "target", "attacker"]
                .iter()
                .zip([1, 2, 3])
                .map(|(role, m)| RoleArg {
                    role: role.to_string(),
                    filler: Filler::Mention(MentionId(m)),
                })
                .collect(),
            attributes: [
                ("certainty".to_string(), AttrValue::Value("probable".into())),
                (
                    "date_normalised".to_string(),
                    AttrValue::Value("2016-03".into()),
                ),
            ]
            .into(),
            note: "frappes\u{a0}?".into(),
            ..event(4, "attack", vec![Span::new(28, 35)])
        }];
        let mut p = Project::new("p", schema);
        p.documents.push(doc);
        p
    }

    /// The text of the file `name` of the export of [`project`].
    fn file(name: &str) -> String {
        let (files, _) = csv_files_from_project(&project(), false, &mut |_, _| true).unwrap();
        files.into_iter().find(|(n, _)| n == name).unwrap().1
    }

    #[test]
    fn events_have_one_column_per_role_and_attribute() {
        let csv = file("events.csv");
        assert_eq!(
            csv,
            "\u{feff}document,event,type,trigger,start,end,attacker,target,role_note,agent,\
             certainty,date_normalised,note\r\n\
             d,E4,attack,frappés,28,35,Homs Raqqa,\"Homs | \"\"Palmyre\"\"\",,,probable,2016-03,\
             frappes\u{a0}?\r\n"
        );
    }

    #[test]
    fn mentions_list_their_ranges_and_quote_notes() {
        let csv = file("mentions.csv");
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}document,mention,type,text,start,end,ranges,date_normalised,generic,note"
        );
        assert_eq!(lines[1], "d,T1,place,Homs,0,4,0-4,,true,");
        assert_eq!(
            lines[2],
            "d,T2,place,\"\"\"Palmyre\"\"\",6,15,6-15,,true,\" à vérifier,\nsource ?\""
        );
        assert_eq!(lines[3], "d,T3,place,Homs Raqqa,0,25,0-4;20-25,,true,");
    }
}
