//! The event table beside the article: one row per event, its roles as columns, sorted,
//! filtered and with columns hidden as the user chose ([`super::event_table`]).
//!
//! egui_extras' table lays out only the rows in view (`TableBody::rows`), so a
//! document of thousands of events scrolls as fast as one of ten; it sizes and resizes
//! the columns. The table only reads and pushes actions: a click on a row selects its
//! event; its cells edit in place (the type in a combo, the fillers and the attributes
//! in a popup, [`super::cell_popup_ui`]); the keyboard moves between cells
//! ([`super::table_keys`]).

use super::action::Action;
use super::event_table::{EventColumn, EventTable, EventTableAction, event_table};
use super::state::ViewState;
use super::table_cells_ui::{RowContext, cell_ui, editable};
use super::table_cursor::{CellAction, CellEditor};
use crate::model::{Document, Filler, Project};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

/// The table of `doc`, computed again only when the project (its `generation`), the
/// document or the user's choices changed: drawing a frame then costs only the rows in
/// view, however many events the document has.
fn cached_table(
    ui: &egui::Ui,
    project: &Project,
    doc: &Document,
    view: &ViewState,
    generation: (u64, usize),
) -> Arc<EventTable> {
    let key = (generation, view.doc, view.event_table.clone());
    super::frame_cache::cached(ui, egui::Id::unique("event table rows"), key, || {
        event_table(project, doc, &view.event_table)
    })
}

/// The filter row, the column menu and the table of `doc`'s events, as high as the
/// space left, and the editor open on one of its cells. `generation` changes whenever
/// the project does.
pub fn event_table_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    view: &ViewState,
    generation: (u64, usize),
    actions: &mut Vec<Action>,
) {
    let state = &view.event_table;
    let table = cached_table(ui, project, doc, view, generation);
    super::table_filters_ui::filters_ui(ui, project, doc, view, &table, actions);
    let shown: Vec<(usize, &(EventColumn, String))> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| !state.hidden.contains(c))
        .collect();
    let shown_columns: Vec<EventColumn> = shown.iter().map(|(_, (c, _))| c.clone()).collect();
    let keys = super::table_keys::TableInput {
        project,
        doc,
        table: &table,
        columns: &shown_columns,
        view,
    };
    let focused = super::table_keys::table_keys_ui(ui, &keys, actions);
    let reveal = match view.reveal {
        Some(Filler::Event(id)) => table.rows.iter().position(|r| r.id == id),
        _ => None,
    };
    let body = Body {
        project,
        doc,
        view,
        shown: &shown,
        focused,
        cursor_column: view.table_cursor.column.as_ref().or(shown_columns.first()),
        cursor_stroke: egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
    };
    let mut drawn = Drawn::default();
    let scroll = egui::ScrollArea::horizontal()
        .id_salt("event table scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let height = ui.spacing().interact_size.y + 4.0;
            // What is left below the header row and the horizontal scroll bar.
            let max_height = (ui.available_height() - 2.0 * height).max(height);
            let mut builder = TableBuilder::new(ui)
                .id_salt("event table")
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .max_scroll_height(max_height)
                .auto_shrink([false, true])
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
            for (_, (column, _)) in &shown {
                builder = builder.column(match column {
                    EventColumn::Id => Column::auto().resizable(true),
                    EventColumn::Type => Column::initial(110.0).at_least(60.0).resizable(true),
                    EventColumn::Problems => Column::auto().at_least(24.0).resizable(true),
                    _ => Column::initial(110.0)
                        .at_least(30.0)
                        .clip(true)
                        .resizable(true),
                });
            }
            if let Some(row) = reveal {
                // Only as far as needed: a row in view stays where it is.
                builder = builder.scroll_to_row(row, None);
            }
            builder
                .header(22.0, |mut header| {
                    for (_, (column, title)) in &shown {
                        header.col(|ui| header_ui(ui, state, column, title, actions));
                    }
                })
                .body(|rows| {
                    rows.rows(height, table.rows.len(), |mut row| {
                        if let Some(event) = table.rows.get(row.index()) {
                            row_ui(&mut row, &body, event, &mut drawn, actions);
                        }
                    });
                });
            // Here, not in the cell: the table's own (vertical) scroll area would take the
            // request and drop its sideways half.
            if let Some(rect) = drawn.reveal_cell {
                ui.scroll_to_rect(rect, None);
            }
        });
    match &view.table_cursor.editor {
        Some(CellEditor::Fillers { .. } | CellEditor::Attributes { .. }) => {
            let anchor = drawn.anchor.unwrap_or(scroll.inner_rect);
            super::cell_popup_ui::cell_popup_ui(
                ui, anchor, project, doc, view, generation, actions,
            );
        }
        _ => super::cell_popup_ui::forget_popup(ui.ctx()),
    }
}

/// A column's header: a button that sorts by it, with an arrow for the sort in force.
fn header_ui(
    ui: &mut egui::Ui,
    state: &super::event_table::EventTableState,
    column: &EventColumn,
    title: &str,
    actions: &mut Vec<Action>,
) {
    let sorted = match &state.sort {
        Some((c, down)) if c == column => Some(*down),
        _ => None,
    };
    if super::widgets::sort_header_ui(ui, title, sorted) {
        actions.push(Action::EventTable(EventTableAction::Sort(column.clone())));
    }
}

/// What every row of the table's body reads.
struct Body<'a> {
    project: &'a Project,
    doc: &'a Document,
    view: &'a ViewState,
    /// The columns shown, each with its position among the rows' cells and its title.
    shown: &'a [(usize, &'a (EventColumn, String))],
    /// The table has the keyboard: the cursor's cell is outlined.
    focused: bool,
    cursor_column: Option<&'a EventColumn>,
    cursor_stroke: egui::Stroke,
}

/// What the rows leave for after the table.
#[derive(Default)]
struct Drawn {
    /// Where the cell whose editor is open was drawn: its popup opens below it.
    anchor: Option<egui::Rect>,
    /// The cell the keyboard just moved to, to scroll into view sideways.
    reveal_cell: Option<egui::Rect>,
}

/// One row: its cells, the cursor's outline, the click that selects it or opens a cell's
/// editor, its context menu.
fn row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    body: &Body<'_>,
    event: &super::event_table::EventRow,
    drawn: &mut Drawn,
    actions: &mut Vec<Action>,
) {
    let selected = body.view.selected == Some(Filler::Event(event.id));
    row.set_selected(selected);
    let editor_open = body.view.table_cursor.editor.as_ref();
    let context = RowContext {
        project: body.project,
        doc: body.doc,
        row: event,
        selected,
        editor: editor_open,
    };
    let mut click = None;
    for (index, (column, title)) in body.shown {
        let text = event.cells.get(*index).map_or("", String::as_str);
        let under_cursor = body.focused && selected && body.cursor_column == Some(column);
        let mut id_clicked = false;
        let (rect, response) = row.col(|ui| {
            id_clicked = cell_ui(ui, &context, column, text, actions);
            if under_cursor {
                if super::table_keys::take_cursor_moved(ui.ctx(), event.id, column) {
                    drawn.reveal_cell = Some(ui.max_rect());
                }
                let outline = ui.max_rect().shrink(1.0);
                let stroke = body.cursor_stroke;
                ui.painter()
                    .rect_stroke(outline, 2.0, stroke, egui::StrokeKind::Inside);
            }
        });
        let editor = CellEditor::of(event.id, column);
        if editor.is_some() && *column != EventColumn::Type {
            let name = format!("{title} of {}", event.id);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, &name));
            if editable(&context, column) {
                let _ = response
                    .clone()
                    .on_hover_text("Click or Enter: edit in place");
            }
        }
        if editor.is_some() && editor.as_ref() == editor_open {
            drawn.anchor = Some(rect);
        }
        if id_clicked || response.clicked() {
            click = Some(column.clone());
        }
    }
    let response = row.response();
    super::table_cells_ui::row_menu_ui(&response, &context, actions);
    if let Some(column) = click {
        super::table_keys::focus_table(&response.ctx);
        row_clicked(&context, column, actions);
    }
}

/// A click in a row: a cell with an editor opens it (and selects the event); elsewhere
/// the row's event is selected, or unselected if it was.
fn row_clicked(context: &RowContext<'_>, column: EventColumn, actions: &mut Vec<Action>) {
    let id = context.row.id;
    let opens = column != EventColumn::Type && editable(context, &column);
    if opens {
        if !context.selected {
            actions.push(Action::Select {
                target: Some(Filler::Event(id)),
                scroll: true,
            });
        }
        actions.push(Action::TableCell(CellAction::Open(id, column)));
        return;
    }
    actions.push(Action::TableCell(CellAction::Column(column)));
    let target = (!context.selected).then_some(Filler::Event(id));
    actions.push(Action::Select {
        target,
        scroll: true,
    });
}
