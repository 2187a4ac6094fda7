//! The keyboard in the event table. The table is one place the keyboard can be (Tab
//! reaches it, a click in a row puts it there); then the arrows move the cursor between
//! rows, selecting their events (outlined in the text), and between cells; Page Up and
//! Page Down move by ten rows, Home and End to the ends; Enter opens the cell's editor.
//! While the table has the keyboard, egui's own moves of the focus by arrows are held
//! off. The moves themselves are computed in [`super::table_cursor`].

use super::action::Action;
use super::event_table::{EventColumn, EventTable};
use super::state::ViewState;
use super::table_cells_ui::{RowContext, editable};
use super::table_cursor::{CellAction, Move, moved};
use crate::model::{Document, EventId, Filler, Project};
use egui::{Key, Modifiers};

/// The id under which the table has the keyboard.
pub fn focus_id() -> egui::Id {
    egui::Id::unique("event table keyboard")
}

/// Where the table notes that the cursor moved, for the cell under it to scroll into
/// view (a column off to the right, a row below) once it is drawn.
fn reveal_id() -> egui::Id {
    egui::Id::unique("event table cursor moved")
}

/// True once, for the cell the keyboard just moved the cursor to (row `id`, `column`):
/// it is to be brought into view.
pub fn take_cursor_moved(ctx: &egui::Context, id: EventId, column: &EventColumn) -> bool {
    let target = Some((id, column.clone()));
    let moved_here = ctx.data(|d| d.get_temp::<(EventId, EventColumn)>(reveal_id())) == target;
    if moved_here {
        ctx.data_mut(|d| d.remove::<(EventId, EventColumn)>(reveal_id()));
    }
    moved_here
}

/// Gives the keyboard to the table (after a click in it, or when a cell's editor
/// closes).
pub fn focus_table(ctx: &egui::Context) {
    ctx.memory_mut(|m| m.request_focus(focus_id()));
}

/// Makes the space left in `ui` a place the keyboard can be; true while it is there.
fn table_focus_ui(ui: &mut egui::Ui) -> bool {
    let rect = ui.available_rect_before_wrap();
    let response = ui.interact(rect, focus_id(), egui::Sense::focusable_noninteractive());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Table, true, "Event table"));
    let focused = response.has_focus();
    if focused {
        let filter = egui::EventFilter {
            horizontal_arrows: true,
            vertical_arrows: true,
            ..Default::default()
        };
        ui.memory_mut(|m| m.set_focus_lock_filter(focus_id(), filter));
    }
    focused
}

/// The keys that move the cursor, and where.
const MOVES: [(Key, Move); 8] = [
    (Key::ArrowUp, Move::Up),
    (Key::ArrowDown, Move::Down),
    (Key::ArrowLeft, Move::Left),
    (Key::ArrowRight, Move::Right),
    (Key::PageUp, Move::PageUp),
    (Key::PageDown, Move::PageDown),
    (Key::Home, Move::First),
    (Key::End, Move::Last),
];

/// What the keys of the table move through.
pub struct TableInput<'a> {
    /// The project (its schema).
    pub project: &'a Project,
    /// The document shown.
    pub doc: &'a Document,
    /// Its events as rows, in the order shown.
    pub table: &'a EventTable,
    /// The columns shown.
    pub columns: &'a [EventColumn],
    /// The selection (the cursor's row) and the cursor.
    pub view: &'a ViewState,
}

/// Makes the space left in `ui` a place for the keyboard ([`table_focus_ui`]) and, while
/// the keyboard is there, turns the keys pressed into moves of the cursor among the rows
/// and the columns shown, and Enter into the opening of the cell's editor; returns
/// whether the keyboard is there. No key is taken while an editor or a popup is open:
/// the keys are theirs.
pub fn table_keys_ui(ui: &mut egui::Ui, input: &TableInput<'_>, actions: &mut Vec<Action>) -> bool {
    let focused = table_focus_ui(ui);
    if focused {
        keys(ui.ctx(), input, actions);
    }
    focused
}

fn keys(ctx: &egui::Context, input: &TableInput<'_>, actions: &mut Vec<Action>) {
    let TableInput {
        project,
        doc,
        table,
        columns,
        view,
    } = *input;
    if view.table_cursor.editor.is_some() || egui::Popup::is_any_open(ctx) {
        return;
    }
    let selected = match view.selected {
        Some(Filler::Event(id)) => Some(id),
        _ => None,
    };
    let mut row = selected;
    let mut column = view.table_cursor.column.clone();
    let mut rows: Option<Vec<EventId>> = None;
    for (key, step) in MOVES {
        let presses = ctx.input_mut(|i| i.count_and_consume_key(Modifiers::NONE, key));
        for _ in 0..presses {
            let ids = rows.get_or_insert_with(|| table.rows.iter().map(|r| r.id).collect());
            (row, column) = moved(ids, columns, row, column.as_ref(), step);
        }
    }
    if rows.is_some()
        && let Some(target) = row.zip(column.clone().or_else(|| columns.first().cloned()))
    {
        // The new cursor's cell scrolls into view once drawn (next frame).
        ctx.data_mut(|d| d.insert_temp(reveal_id(), target));
    }
    if row != selected
        && let Some(id) = row
    {
        actions.push(Action::Select {
            target: Some(Filler::Event(id)),
            scroll: true,
        });
    }
    if column != view.table_cursor.column
        && let Some(column) = column.clone()
    {
        actions.push(Action::TableCell(CellAction::Column(column)));
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
        && let Some(id) = row.filter(|id| table.rows.iter().any(|r| r.id == *id))
    {
        let column = column.or_else(|| columns.first().cloned());
        let editable = |c: &EventColumn| {
            let row = table.rows.iter().find(|r| r.id == id);
            row.is_some_and(|row| {
                let context = RowContext {
                    project,
                    doc,
                    row,
                    selected: true,
                    editor: None,
                };
                editable(&context, c)
            })
        };
        if column == Some(EventColumn::Incident) {
            // The incident's "editor" is the popup that links the event.
            let open = super::incident_link::IncidentLinkAction::Open(id);
            actions.push(Action::IncidentLink(open));
        } else if let Some(column) = column.filter(editable) {
            actions.push(Action::TableCell(CellAction::Open(id, column)));
        }
    }
}
