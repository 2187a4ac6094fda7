//! The row above the event table: filter by text, by type, only the events with a
//! problem; show or hide columns; how many rows of how many events are shown. It only
//! pushes [`EventTableAction`]s: the table's state changes after the panels.

use super::action::Action;
use super::event_table::{EventColumn, EventTable, EventTableAction};
use super::state::ViewState;
use crate::model::{Document, Project};

fn push(actions: &mut Vec<Action>, action: EventTableAction) {
    actions.push(Action::EventTable(action));
}

/// The text filter, the type filter, "only with problems", the columns menu and the
/// count of rows shown.
pub fn filters_ui(
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
