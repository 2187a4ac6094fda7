//! Where the keyboard is in the event table: the cell under the cursor (its row is the
//! selected event, its column is kept here) and the editor open on a cell, if any.
//!
//! Like [`super::event_table::EventTableState`], runtime state of the window, changed
//! only by [`CellAction`]s handled after the panels. The moves are computed here without
//! egui, so that a unit test can check them.

use super::event_table::EventColumn;
use crate::model::EventId;

/// The editor open on a cell of the event table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellEditor {
    /// The popup that fills a role of the event.
    Fillers {
        /// The event.
        event: EventId,
        /// The role's name.
        role: String,
    },
    /// The popup that sets the event's attributes.
    Attributes {
        /// The event.
        event: EventId,
    },
    /// The type combo of the event, to open on the next frame.
    Type {
        /// The event.
        event: EventId,
    },
}

impl CellEditor {
    /// The editor of `column` for `event`, if the column has one.
    pub fn of(event: EventId, column: &EventColumn) -> Option<Self> {
        match column {
            EventColumn::Type => Some(CellEditor::Type { event }),
            EventColumn::Role(role) => Some(CellEditor::Fillers {
                event,
                role: role.clone(),
            }),
            EventColumn::Attributes | EventColumn::Date => Some(CellEditor::Attributes { event }),
            EventColumn::Id
            | EventColumn::Trigger
            | EventColumn::Problems
            | EventColumn::Incident => None,
        }
    }

    /// The event whose cell it edits.
    pub fn event(&self) -> EventId {
        match self {
            CellEditor::Fillers { event, .. }
            | CellEditor::Attributes { event }
            | CellEditor::Type { event } => *event,
        }
    }
}

/// The keyboard's place in the event table and the cell editor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableCursor {
    /// The column of the cell under the cursor; none: the first.
    pub column: Option<EventColumn>,
    /// The editor open on a cell.
    pub editor: Option<CellEditor>,
    /// What the filler popup's filter holds.
    pub filter: String,
    /// The line of the filler popup that Enter picks (among those the filter keeps).
    pub highlight: usize,
}

/// What the cells of the event table ask of the cursor and the cell editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellAction {
    /// Put the cursor in this column.
    Column(EventColumn),
    /// Open the editor of this cell (and put the cursor there).
    Open(EventId, EventColumn),
    /// Close the cell editor.
    Close,
    /// Close the cell editor if it is this one (a click outside it, which may have
    /// opened another).
    Dismiss(CellEditor),
    /// Keep the filler popup's lines that contain this.
    SetFilter(String),
    /// Let Enter pick this line of the filler popup.
    Highlight(usize),
}

impl TableCursor {
    /// Does what was asked.
    pub fn apply(&mut self, action: CellAction) {
        match action {
            CellAction::Column(column) => self.column = Some(column),
            CellAction::Open(event, column) => {
                self.editor = CellEditor::of(event, &column);
                self.column = Some(column);
                self.filter.clear();
                self.highlight = 0;
            }
            CellAction::Close => {
                self.editor = None;
                self.filter.clear();
                self.highlight = 0;
            }
            CellAction::Dismiss(editor) => {
                if self.editor.as_ref() == Some(&editor) {
                    self.apply(CellAction::Close);
                }
            }
            CellAction::SetFilter(filter) => {
                self.filter = filter;
                self.highlight = 0;
            }
            CellAction::Highlight(line) => self.highlight = line,
        }
    }
}

/// A move of the cursor from the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The row above.
    Up,
    /// The row below.
    Down,
    /// The cell on the left.
    Left,
    /// The cell on the right.
    Right,
    /// A page of rows up.
    PageUp,
    /// A page of rows down.
    PageDown,
    /// The first row.
    First,
    /// The last row.
    Last,
}

/// Rows a page move skips.
const PAGE: usize = 10;

/// Where the cursor goes from (`row`, `column`) by `step`, among `rows` (the events in
/// the order shown) and `columns` (the columns shown): a row (none when there is no
/// row) and a column. With no row under the cursor, a vertical move starts from the
/// first row (the last, going up); with no column, the cursor is in the first one.
pub fn moved(
    rows: &[EventId],
    columns: &[EventColumn],
    row: Option<EventId>,
    column: Option<&EventColumn>,
    step: Move,
) -> (Option<EventId>, Option<EventColumn>) {
    let last_row = rows.len().saturating_sub(1);
    let at = row.and_then(|r| rows.iter().position(|x| *x == r));
    let row_index = match (step, at) {
        (Move::First, _) => Some(0),
        (Move::Last, _) => Some(last_row),
        (Move::Up, Some(i)) => Some(i.saturating_sub(1)),
        (Move::Down, Some(i)) => Some((i + 1).min(last_row)),
        (Move::PageUp, Some(i)) => Some(i.saturating_sub(PAGE)),
        (Move::PageDown, Some(i)) => Some((i + PAGE).min(last_row)),
        (Move::Up | Move::PageUp, None) => Some(last_row),
        (Move::Down | Move::PageDown, None) => Some(0),
        (Move::Left | Move::Right, i) => i,
    };
    let column_index = column
        .and_then(|c| columns.iter().position(|x| x == c))
        .unwrap_or(0);
    let column_index = match step {
        Move::Left => column_index.saturating_sub(1),
        Move::Right => (column_index + 1).min(columns.len().saturating_sub(1)),
        _ => column_index,
    };
    (
        row_index.and_then(|i| rows.get(i)).copied(),
        columns.get(column_index).cloned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<EventColumn> {
        vec![
            EventColumn::Id,
            EventColumn::Type,
            EventColumn::Role("place".into()),
            EventColumn::Attributes,
        ]
    }

    #[test]
    fn arrows_move_between_rows_and_cells_and_stop_at_the_edges() {
        let rows: Vec<EventId> = (1..=25).map(EventId).collect();
        let columns = columns();
        let go = |row: Option<u32>, column: Option<&EventColumn>, step| {
            let (r, c) = moved(&rows, &columns, row.map(EventId), column, step);
            (r.map(|r| r.0), c)
        };
        assert_eq!(go(None, None, Move::Down), (Some(1), Some(EventColumn::Id)));
        assert_eq!(go(None, None, Move::Up), (Some(25), Some(EventColumn::Id)));
        assert_eq!(go(Some(1), None, Move::Up).0, Some(1), "stays on the first");
        assert_eq!(
            go(Some(25), None, Move::Down).0,
            Some(25),
            "stays on the last"
        );
        assert_eq!(go(Some(3), None, Move::Down).0, Some(4));
        assert_eq!(go(Some(3), None, Move::PageDown).0, Some(13));
        assert_eq!(go(Some(20), None, Move::PageDown).0, Some(25));
        assert_eq!(go(Some(3), None, Move::PageUp).0, Some(1));
        assert_eq!(go(Some(9), None, Move::First).0, Some(1));
        assert_eq!(go(Some(9), None, Move::Last).0, Some(25));

        let place = EventColumn::Role("place".into());
        assert_eq!(
            go(Some(2), None, Move::Right),
            (Some(2), Some(EventColumn::Type))
        );
        assert_eq!(
            go(Some(2), Some(&EventColumn::Type), Move::Right).1,
            Some(place.clone())
        );
        assert_eq!(
            go(Some(2), Some(&EventColumn::Attributes), Move::Right).1,
            Some(EventColumn::Attributes),
            "stays in the last column"
        );
        assert_eq!(
            go(Some(2), Some(&place), Move::Left).1,
            Some(EventColumn::Type)
        );
        assert_eq!(go(Some(2), None, Move::Left).1, Some(EventColumn::Id));
        // A column hidden since: the cursor is back in the first.
        assert_eq!(
            go(Some(2), Some(&EventColumn::Date), Move::Down).1,
            Some(EventColumn::Id)
        );
        // A row filtered out since: a vertical move starts over.
        assert_eq!(go(Some(99), None, Move::Down).0, Some(1));
        assert_eq!(moved(&[], &columns, None, None, Move::Down).0, None);
    }

    #[test]
    fn opening_a_cell_picks_its_editor_and_starts_afresh() {
        let mut cursor = TableCursor::default();
        let e = EventId(4);
        cursor.apply(CellAction::Open(e, EventColumn::Role("place".into())));
        assert_eq!(
            cursor.editor,
            Some(CellEditor::Fillers {
                event: e,
                role: "place".into()
            })
        );
        cursor.apply(CellAction::SetFilter("pal".into()));
        cursor.apply(CellAction::Highlight(2));
        assert_eq!((cursor.filter.as_str(), cursor.highlight), ("pal", 2));
        cursor.apply(CellAction::SetFilter("palm".into()));
        assert_eq!(cursor.highlight, 0, "a new filter starts at the first line");
        cursor.apply(CellAction::Dismiss(CellEditor::Attributes { event: e }));
        assert!(cursor.editor.is_some(), "another editor is not dismissed");
        cursor.apply(CellAction::Open(e, EventColumn::Date));
        assert_eq!(cursor.editor, Some(CellEditor::Attributes { event: e }));
        assert!(cursor.filter.is_empty());
        cursor.apply(CellAction::Open(e, EventColumn::Trigger));
        assert_eq!(cursor.editor, None, "the trigger has no cell editor");
        assert_eq!(cursor.column, Some(EventColumn::Trigger));
        cursor.apply(CellAction::Open(e, EventColumn::Type));
        assert_eq!(cursor.editor.as_ref().map(CellEditor::event), Some(e));
        cursor.apply(CellAction::Close);
        assert_eq!(cursor.editor, None);
    }
}
