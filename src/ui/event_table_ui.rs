//! The event table beside the article: one row per event, its roles as columns, sorted,
//! filtered and with columns hidden as the user chose ([`super::event_table`]).
//!
//! egui_extras' table lays out only the rows in view (`TableBody::rows`), so a
//! document of thousands of events scrolls as fast as one of ten; it sizes and resizes
//! the columns. The table only reads and pushes actions: a click on a row selects its
//! event, the type combo changes its type as an undoable edit.

use super::action::{Action, EditAction};
use super::event_table::{EventColumn, EventTable, EventTableAction, event_table};
use super::state::ViewState;
use crate::model::{Document, Filler, Project};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

fn push(actions: &mut Vec<Action>, action: EventTableAction) {
    actions.push(Action::EventTable(action));
}

/// What a cached table was computed from: the project's generation, the document, the
/// user's choices.
type TableKey = ((u64, usize), usize, super::event_table::EventTableState);

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
    let id = egui::Id::unique("event table rows");
    let key: TableKey = (generation, view.doc, view.event_table.clone());
    let cached = ui.data(|d| d.get_temp::<Arc<(TableKey, Arc<EventTable>)>>(id));
    if let Some(cached) = cached.filter(|c| c.0 == key) {
        return Arc::clone(&cached.1);
    }
    let table = Arc::new(event_table(project, doc, &view.event_table));
    ui.data_mut(|d| d.insert_temp(id, Arc::new((key, Arc::clone(&table)))));
    table
}

/// The filter row, the column menu and the table of `doc`'s events, as high as the
/// space left. `generation` changes whenever the project does.
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
    filters_ui(ui, project, doc, view, &table, actions);
    let shown: Vec<(usize, &(EventColumn, String))> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| !state.hidden.contains(c))
        .collect();
    let reveal = match view.reveal {
        Some(Filler::Event(id)) => table.rows.iter().position(|r| r.id == id),
        _ => None,
    };
    egui::ScrollArea::horizontal()
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
                builder = builder.scroll_to_row(row, Some(egui::Align::Center));
            }
            builder
                .header(22.0, |mut header| {
                    for (_, (column, title)) in &shown {
                        header.col(|ui| {
                            let arrow = match &state.sort {
                                Some((c, false)) if c == column => " ⏶",
                                Some((c, true)) if c == column => " ⏷",
                                _ => "",
                            };
                            let response = ui
                                .add(egui::Button::new(format!("{title}{arrow}")).frame(false))
                                .on_hover_text(format!("Sort by {title} (again: the other way)"));
                            if response.clicked() {
                                push(actions, EventTableAction::Sort(column.clone()));
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(height, table.rows.len(), |mut row| {
                        let Some(event) = table.rows.get(row.index()) else {
                            return;
                        };
                        let selected = view.selected == Some(Filler::Event(event.id));
                        row.set_selected(selected);
                        let mut clicked = false;
                        for (index, (column, _)) in &shown {
                            let text = event.cells.get(*index).map_or("", String::as_str);
                            row.col(|ui| match column {
                                EventColumn::Id => {
                                    clicked |= ui
                                        .selectable_label(selected, text)
                                        .on_hover_text("Select this event")
                                        .clicked();
                                }
                                EventColumn::Type => {
                                    type_combo_ui(ui, project, event.id, &event.event_type, actions)
                                }
                                EventColumn::Problems if !event.warnings.is_empty() => {
                                    ui.colored_label(ui.visuals().warn_fg_color, text)
                                        .on_hover_text(event.warnings.join("\n"));
                                }
                                _ => {
                                    ui.add(egui::Label::new(text).truncate().selectable(false));
                                }
                            });
                        }
                        if clicked || row.response().clicked() {
                            let target = (!selected).then_some(Filler::Event(event.id));
                            actions.push(Action::Select {
                                target,
                                scroll: true,
                            });
                        }
                    });
                });
        });
}

/// The type of one event, as a combo that changes it.
fn type_combo_ui(
    ui: &mut egui::Ui,
    project: &Project,
    id: crate::model::EventId,
    current: &str,
    actions: &mut Vec<Action>,
) {
    let schema = &project.schema;
    let combo = egui::ComboBox::from_id_salt(("event table type", id))
        .selected_text(schema.label(current))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for t in &schema.event_types {
                if ui.selectable_label(t.name == current, &t.label).clicked() && t.name != current {
                    actions.push(EditAction::SetEventType(id, t.name.clone()).into());
                }
            }
        });
    let _ = combo.response.accessible_name(format!("Type of {id}"));
}

/// The text filter, the type filter, "only with problems", the columns menu and the
/// count of rows shown.
fn filters_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    view: &ViewState,
    table: &EventTable,
    actions: &mut Vec<Action>,
) {
    let state = &view.event_table;
    let schema = &project.schema;
    ui.horizontal_wrapped(|ui| {
        let mut text = state.text.clone();
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("🔍 filter")
                .desired_width(120.0),
        );
        let _ = field.accessible_name("Filter events");
        if text != state.text {
            push(actions, EventTableAction::SetText(text));
        }
        let shown = state
            .event_type
            .as_deref()
            .map_or("every type", |t| schema.label(t));
        let combo = egui::ComboBox::from_id_salt("event table type filter")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(state.event_type.is_none(), "every type")
                    .clicked()
                {
                    push(actions, EventTableAction::SetType(None));
                }
                let used: std::collections::BTreeSet<&str> =
                    doc.events.iter().map(|e| e.event_type.as_str()).collect();
                for t in schema
                    .event_types
                    .iter()
                    .filter(|t| used.contains(t.name.as_str()))
                {
                    let on = state.event_type.as_deref() == Some(t.name.as_str());
                    if ui.selectable_label(on, &t.label).clicked() {
                        push(actions, EventTableAction::SetType(Some(t.name.clone())));
                    }
                }
            });
        let _ = combo.response.accessible_name("Filter by type");
        let mut only = state.only_problems;
        if ui
            .checkbox(&mut only, "⚠ only")
            .on_hover_text("Only the events with a problem")
            .changed()
        {
            push(actions, EventTableAction::OnlyProblems(only));
        }
        ui.menu_button("Columns", |ui| {
            for (column, title) in &table.columns {
                if *column == EventColumn::Id {
                    continue;
                }
                let mut on = !state.hidden.contains(column);
                let name = if *column == EventColumn::Problems {
                    "Problems"
                } else {
                    title
                };
                if ui.checkbox(&mut on, name).changed() {
                    push(actions, EventTableAction::ShowColumn(column.clone(), on));
                }
            }
        })
        .response
        .on_hover_text("Show or hide columns");
        if table.rows.len() != table.total {
            ui.weak(format!("{} of {}", table.rows.len(), table.total));
        }
    });
}
