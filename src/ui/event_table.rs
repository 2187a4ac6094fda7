//! What the event table shows: its columns, its rows (filtered and sorted), and the
//! user's choices about them (sort, filters, hidden columns).
//!
//! The choices are runtime state of the window, not of the project: two annotators
//! sorting the same file differently must not make it differ. The rows are computed
//! from the document here, without egui, so that a unit test can check them and the
//! panel only draws.

use crate::model::conformance::event_messages;
use crate::model::schema_index::IndexedSchema;
use crate::model::span::OffsetTable;
use crate::model::{AttrValue, Document, Event, EventId, Filler, IncidentId, Project};
use std::collections::{BTreeSet, HashMap};

/// A column of the event table.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventColumn {
    /// The event's id (`E3`): always shown, the handle that selects the row.
    Id,
    /// The event type (a combo that changes it).
    Type,
    /// The trigger's words.
    Trigger,
    /// The fillers of the role of this name.
    Role(String),
    /// Attributes other than dates.
    Attributes,
    /// The normalised date (attributes whose name says `date`), or the date of the
    /// time argument when the event has none of its own.
    Date,
    /// The incident the event reports (`I3`).
    Incident,
    /// What is missing or wrong (⚠).
    Problems,
}

/// What the user chose about the event table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventTableState {
    /// The column sorted by and whether downwards (`true`: descending); none: the
    /// document's order.
    pub sort: Option<(EventColumn, bool)>,
    /// Rows whose text contains this (case ignored).
    pub text: String,
    /// Rows of this event type only.
    pub event_type: Option<String>,
    /// Rows with a problem only.
    pub only_problems: bool,
    /// Columns the user hid.
    pub hidden: BTreeSet<EventColumn>,
}

/// What the event table's header and filter row ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum EventTableAction {
    /// Sort by this column (again: the other way).
    Sort(EventColumn),
    /// Keep the rows that contain this text.
    SetText(String),
    /// Keep the rows of this type (or every type).
    SetType(Option<String>),
    /// Keep the rows with a problem only, or every row.
    OnlyProblems(bool),
    /// Show (`true`) or hide a column.
    ShowColumn(EventColumn, bool),
}

impl EventTableState {
    /// Applies what the user asked for.
    pub fn apply(&mut self, action: EventTableAction) {
        match action {
            EventTableAction::Sort(column) => {
                self.sort = match self.sort.take() {
                    Some((c, down)) if c == column => Some((c, !down)),
                    _ => Some((column, false)),
                };
            }
            EventTableAction::SetText(text) => self.text = text,
            EventTableAction::SetType(event_type) => self.event_type = event_type,
            EventTableAction::OnlyProblems(only) => self.only_problems = only,
            EventTableAction::ShowColumn(column, show) => {
                if show {
                    self.hidden.remove(&column);
                } else if column != EventColumn::Id {
                    self.hidden.insert(column);
                }
            }
        }
    }
}

/// One event as a row: the text of each column.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// The event.
    pub id: EventId,
    /// Its type's name (the combo's current choice).
    pub event_type: String,
    /// The text of each column, in the order of [`EventTable::columns`].
    pub cells: Vec<String>,
    /// What is missing or wrong.
    pub warnings: Vec<String>,
    /// Where the date shown comes from when it is not the event's own (its time
    /// argument's), in words.
    pub inherited_date: Option<String>,
}

/// The table of a document's events as the user asked to see it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventTable {
    /// Every column with its header (hidden ones too: the visibility menu lists them).
    pub columns: Vec<(EventColumn, String)>,
    /// The rows kept by the filters, in the chosen order.
    pub rows: Vec<EventRow>,
    /// How many events the document has (before filtering).
    pub total: usize,
}

/// True for an attribute that holds a (normalised) date.
fn is_date(name: &str) -> bool {
    name.to_lowercase().contains("date")
}

/// The columns for `doc`: id, type, trigger, one per role of the event types the
/// document uses (their union, in the schema's order), attributes, date, problems.
pub fn columns(project: &Project, doc: &Document) -> Vec<(EventColumn, String)> {
    let schema = &project.schema;
    let used: BTreeSet<&str> = doc.events.iter().map(|e| e.event_type.as_str()).collect();
    let mut columns = vec![
        (EventColumn::Id, "Event".to_string()),
        (EventColumn::Type, "Type".to_string()),
        (EventColumn::Trigger, "Trigger".to_string()),
    ];
    let mut roles = BTreeSet::new();
    for event_type in schema
        .event_types
        .iter()
        .filter(|t| used.contains(t.name.as_str()))
    {
        for role in &event_type.roles {
            if roles.insert(role.name.clone()) {
                columns.push((EventColumn::Role(role.name.clone()), role.label.clone()));
            }
        }
    }
    // Roles an event uses that its type does not have still show, after the others.
    for event in &doc.events {
        for arg in &event.arguments {
            if roles.insert(arg.role.clone()) {
                columns.push((EventColumn::Role(arg.role.clone()), arg.role.clone()));
            }
        }
    }
    columns.push((EventColumn::Attributes, "Attributes".to_string()));
    columns.push((EventColumn::Date, "Date".to_string()));
    columns.push((EventColumn::Incident, "Incident".to_string()));
    columns.push((EventColumn::Problems, "⚠".to_string()));
    columns
}

/// What the cells of a document's rows read: the project, the document, the offsets of
/// its text (one table for all the rows, not a walk through the text per cell).
struct Cells<'a> {
    project: &'a Project,
    doc: &'a Document,
    offsets: OffsetTable<'a>,
    /// The incident each event of the document reports, found once for all rows.
    incidents: HashMap<EventId, IncidentId>,
}

/// How a filler reads in a cell: a mention's words, an event's id and type.
fn filler_text(cells: &Cells<'_>, filler: Filler) -> String {
    let (project, doc) = (cells.project, cells.doc);
    match filler {
        Filler::Mention(id) => doc
            .mention(id)
            .map_or(id.to_string(), |m| cells.offsets.covered_text(&m.ranges)),
        Filler::Event(id) => doc.event(id).map_or(id.to_string(), |e| {
            format!("{id} {}", project.schema.label(&e.event_type))
        }),
    }
}

/// The text of `column` for `event`.
fn cell(cells: &Cells<'_>, event: &Event, column: &EventColumn, warnings: &[String]) -> String {
    let project = cells.project;
    let attributes = |dates: bool| {
        event
            .attributes
            .iter()
            .filter(|(name, _)| is_date(name) == dates)
            .map(|(name, value)| match value {
                AttrValue::Flag => name.clone(),
                AttrValue::Value(v) if dates => v.clone(),
                AttrValue::Value(v) => format!("{name}: {v}"),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    match column {
        EventColumn::Id => event.id.to_string(),
        EventColumn::Type => project.schema.label(&event.event_type).to_string(),
        EventColumn::Trigger => cells.offsets.covered_text(&event.trigger),
        EventColumn::Role(role) => event
            .arguments
            .iter()
            .filter(|a| &a.role == role)
            .map(|a| filler_text(cells, a.filler))
            .collect::<Vec<_>>()
            .join("; "),
        EventColumn::Attributes => attributes(false),
        EventColumn::Date => {
            let own = attributes(true);
            match inherited_date(cells.doc, event) {
                Some((date, _)) if own.is_empty() => date,
                _ => own,
            }
        }
        EventColumn::Incident => cells
            .incidents
            .get(&event.id)
            .map(ToString::to_string)
            .unwrap_or_default(),
        EventColumn::Problems => {
            if warnings.is_empty() {
                String::new()
            } else {
                format!("⚠ {}", warnings.len())
            }
        }
    }
}

/// The date an event takes from its time argument, with where it comes from in words,
/// when it has no date of its own.
fn inherited_date(doc: &Document, event: &Event) -> Option<(String, String)> {
    let date = crate::model::dates::event_date(doc, event)?;
    let from = super::date_hint::inherited_from(date.source)?;
    Some((date.date.to_string(), from))
}

/// The table of `doc`'s events, filtered and sorted as `state` says. Linear in the
/// events and their arguments, plus one sort: cheap enough to redo each frame for a
/// few thousand events.
pub fn event_table(project: &Project, doc: &Document, state: &EventTableState) -> EventTable {
    let columns = columns(project, doc);
    let needle = state.text.trim().to_lowercase();
    let schema = IndexedSchema::new(&project.schema);
    let cells = Cells {
        project,
        doc,
        offsets: doc.offsets(),
        incidents: project
            .incidents
            .iter()
            .flat_map(|i| i.reports.iter().map(move |r| (r, i.id)))
            .filter(|(r, _)| r.document == doc.id)
            .map(|(r, id)| (r.event, id))
            .collect(),
    };
    let mut rows: Vec<EventRow> = doc
        .events
        .iter()
        .filter(|e| state.event_type.as_ref().is_none_or(|t| *t == e.event_type))
        .filter_map(|event| {
            let warnings = event_messages(&schema, doc, event);
            if state.only_problems && warnings.is_empty() {
                return None;
            }
            let cells: Vec<String> = columns
                .iter()
                .map(|(c, _)| cell(&cells, event, c, &warnings))
                .collect();
            if !needle.is_empty() && !cells.iter().any(|c| c.to_lowercase().contains(&needle)) {
                return None;
            }
            let own_date = event.attributes.keys().any(|name| is_date(name));
            Some(EventRow {
                id: event.id,
                event_type: event.event_type.clone(),
                cells,
                warnings,
                inherited_date: inherited_date(doc, event)
                    .filter(|_| !own_date)
                    .map(|(_, from)| from),
            })
        })
        .collect();
    let sorted = state.sort.as_ref().and_then(|(column, down)| {
        let index = columns.iter().position(|(c, _)| c == column)?;
        Some((column, *down, index))
    });
    if let Some((column, down, index)) = sorted {
        if *column == EventColumn::Id {
            rows.sort_by_key(|r| r.id);
        } else if *column == EventColumn::Problems {
            rows.sort_by_key(|r| r.warnings.len());
        } else {
            rows.sort_by_cached_key(|r| {
                r.cells
                    .get(index)
                    .map(|c| c.to_lowercase())
                    .unwrap_or_default()
            });
        }
        if down {
            rows.reverse();
        }
    }
    EventTable {
        columns,
        rows,
        total: doc.events.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::formats::test_support::palmyre as sample;

    #[test]
    fn sorting_filtering_and_hiding() {
        let project = sample();
        let doc = &project.documents[0];
        let mut state = EventTableState::default();
        let all = event_table(&project, doc, &state);
        assert_eq!(all.rows.len(), doc.events.len());
        assert!(
            all.columns
                .iter()
                .any(|(c, _)| matches!(c, EventColumn::Role(_)))
        );

        state.apply(EventTableAction::Sort(EventColumn::Type));
        let sorted = event_table(&project, doc, &state);
        let types: Vec<String> = sorted
            .rows
            .iter()
            .map(|r| r.cells[1].to_lowercase())
            .collect();
        assert!(types.windows(2).all(|w| w[0] <= w[1]));
        state.apply(EventTableAction::Sort(EventColumn::Type));
        let down = event_table(&project, doc, &state);
        assert_eq!(
            down.rows.first().map(|r| r.id),
            sorted.rows.last().map(|r| r.id)
        );

        let first = &all.rows[0];
        state.apply(EventTableAction::SetType(Some(first.event_type.clone())));
        let typed = event_table(&project, doc, &state);
        assert!(typed.rows.iter().all(|r| r.event_type == first.event_type));

        state.apply(EventTableAction::SetText("zzz-nothing-like-it".into()));
        assert!(event_table(&project, doc, &state).rows.is_empty());

        state.apply(EventTableAction::ShowColumn(EventColumn::Id, false));
        state.apply(EventTableAction::ShowColumn(EventColumn::Trigger, false));
        assert_eq!(
            state.hidden.iter().collect::<Vec<_>>(),
            [&EventColumn::Trigger]
        );
    }

    #[test]
    fn the_incident_and_an_inherited_date_have_their_cells() {
        let project = sample();
        let doc = &project.documents[0];
        let table = event_table(&project, doc, &EventTableState::default());
        let cell = |id: u32, column: EventColumn| {
            let row = table.rows.iter().find(|r| r.id == EventId(id))?;
            let index = table.columns.iter().position(|(c, _)| *c == column)?;
            Some((row.cells.get(index)?.clone(), row.inherited_date.clone()))
        };
        // E87 reports I1.
        assert_eq!(
            cell(87, EventColumn::Incident).map(|c| c.0).as_deref(),
            Some("I1")
        );
        // E94 has no date of its own: its time argument T23 ("veille") suggests one.
        let (date, from) = cell(94, EventColumn::Date).unwrap_or_default();
        assert_eq!(date, "2016-03-23");
        assert!(from.is_some_and(|f| f.contains("T23")));
    }
}
