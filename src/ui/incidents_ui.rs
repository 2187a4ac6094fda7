//! The incidents view (View > Incidents, `Ctrl+Shift+I`): the project's incidents as a
//! table or on a timeline, beside the selected incident's detail. It reads the project
//! and its state and pushes [`IncidentsAction`]s; nothing changes while it is drawn.

use super::action::Action;
use super::incident_table::{IncidentColumn, IncidentRow, incident_rows};
use super::incidents::{IncidentsAction, IncidentsState, IncidentsTab};
use crate::model::{IncidentId, Project};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

/// Pushes an action of the view.
pub(super) fn push(actions: &mut Vec<Action>, action: IncidentsAction) {
    actions.push(Action::Incidents(action));
}

/// The rows, computed again only when the project (its `generation`) or the filters
/// and sort changed.
fn cached_rows(
    ui: &egui::Ui,
    project: &Project,
    state: &IncidentsState,
    generation: (u64, usize),
) -> Arc<Vec<IncidentRow>> {
    let key = (
        generation,
        state.text.clone(),
        state.incident_type.clone(),
        state.sort,
    );
    super::frame_cache::cached(ui, egui::Id::unique("incident rows"), key, || {
        incident_rows(project, state)
    })
}

/// The whole view: its header, the table or the timeline, the detail on the right.
pub fn incidents_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &IncidentsState,
    generation: (u64, usize),
    actions: &mut Vec<Action>,
) {
    let rows = cached_rows(ui, project, state, generation);
    header_ui(ui, project, state, rows.len(), actions);
    ui.separator();
    egui::Panel::right("incident detail")
        .resizable(true)
        .default_size(480.0)
        .size_range(320.0..=800.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("incident detail scroll")
                .auto_shrink(false)
                .show(ui, |ui| {
                    super::incident_detail_ui::incident_detail_ui(ui, project, state, actions);
                });
        });
    match state.tab {
        // In its own scroll area: wider than the room left, it scrolls sideways rather
        // than spread (and take clicks) under the detail.
        IncidentsTab::Table => {
            egui::ScrollArea::horizontal()
                .id_salt("incident table scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| table_ui(ui, state, &rows, actions));
        }
        IncidentsTab::Timeline => {
            super::timeline_ui::timeline_ui(ui, project, state, &rows, generation, actions);
        }
    }
}

/// The title, the tabs, the filters, the count and the close button.
fn header_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &IncidentsState,
    shown: usize,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.strong("Incidents");
        for (tab, text, tip) in [
            (
                IncidentsTab::Table,
                "Table",
                "One row per incident, sortable",
            ),
            (
                IncidentsTab::Timeline,
                "Timeline",
                "The incidents on a time axis, their reports above them",
            ),
        ] {
            if ui
                .selectable_label(state.tab == tab, text)
                .on_hover_text(tip)
                .clicked()
            {
                push(actions, IncidentsAction::Tab(tab));
            }
        }
        ui.separator();
        let mut text = state.text.clone();
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("🔍 filter")
                .desired_width(140.0),
        );
        let _ = field
            .on_hover_text("Incidents whose row contains this (case and accents ignored)")
            .accessible_name("Filter incidents");
        if text != state.text {
            push(actions, IncidentsAction::SetText(text));
        }
        let schema = &project.schema;
        let chosen = state
            .incident_type
            .as_deref()
            .map_or("every type", |t| schema.label(t));
        let combo = egui::ComboBox::from_id_salt("incident type filter")
            .selected_text(chosen)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(state.incident_type.is_none(), "every type")
                    .clicked()
                {
                    push(actions, IncidentsAction::SetType(None));
                }
                let used: std::collections::BTreeSet<&str> = project
                    .incidents
                    .iter()
                    .map(|i| i.incident_type.as_str())
                    .collect();
                for t in used {
                    let on = state.incident_type.as_deref() == Some(t);
                    if ui.selectable_label(on, schema.label(t)).clicked() {
                        push(actions, IncidentsAction::SetType(Some(t.to_string())));
                    }
                }
            });
        let _ = combo.response.accessible_name("Incident type filter");
        ui.weak(format!("{shown} of {}", project.incidents.len()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Close the incidents view")
                .clicked()
            {
                push(actions, IncidentsAction::Close);
            }
        });
    });
}

/// The table: a header that sorts, one row per incident, a click shows its detail.
fn table_ui(
    ui: &mut egui::Ui,
    state: &IncidentsState,
    rows: &[IncidentRow],
    actions: &mut Vec<Action>,
) {
    if rows.is_empty() {
        ui.weak(if state.text.is_empty() && state.incident_type.is_none() {
            "No incident yet: make one from an event of the event table."
        } else {
            "No incident matches the filters."
        });
        return;
    }
    let height = ui.spacing().interact_size.y + 2.0;
    // Scrolled to once when the selection changes (a click on the timeline), not every
    // frame: the user scrolls the table freely while an incident is selected.
    let revealed_id = ui.scope_id().with("revealed incident");
    let revealed = ui.data(|d| d.get_temp::<Option<IncidentId>>(revealed_id));
    let reveal = revealed.flatten() != state.selected;
    if reveal {
        ui.data_mut(|d| d.insert_temp(revealed_id, state.selected));
    }
    let selected_row = rows
        .iter()
        .position(|r| Some(r.id) == state.selected)
        .filter(|_| reveal);
    let mut builder = TableBuilder::new(ui)
        .id_salt("incident table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for column in IncidentColumn::ALL {
        // Narrow enough that every column, the reports' and ⚠ too, fits beside the
        // detail on a 1400-point window; the long ones clip and show whole on hover.
        builder = builder.column(match column {
            IncidentColumn::Id | IncidentColumn::Disagree | IncidentColumn::Fatalities => {
                Column::auto().at_least(28.0).resizable(true)
            }
            IncidentColumn::Actors => Column::initial(190.0).at_least(60.0).clip(true),
            IncidentColumn::Date => Column::initial(165.0).at_least(60.0).clip(true),
            IncidentColumn::Certainty => Column::initial(70.0).at_least(40.0).clip(true),
            _ => Column::initial(95.0)
                .at_least(40.0)
                .clip(true)
                .resizable(true),
        });
    }
    if let Some(row) = selected_row {
        builder = builder.scroll_to_row(row, None);
    }
    builder
        .header(22.0, |mut header| {
            for column in IncidentColumn::ALL {
                header.col(|ui| header_cell_ui(ui, state, column, actions));
            }
        })
        .body(|body| {
            body.rows(height, rows.len(), |mut row| {
                let Some(incident) = rows.get(row.index()) else {
                    return;
                };
                let selected = state.selected == Some(incident.id);
                row.set_selected(selected);
                for (column, text) in IncidentColumn::ALL.iter().zip(&incident.cells) {
                    row.col(|ui| {
                        let label =
                            ui.add(egui::Label::new(text.as_str()).truncate().selectable(false));
                        if *column == IncidentColumn::Disagree && incident.disagree {
                            let _ = label.on_hover_text(
                                "The reports disagree (date, dead or actors): see the detail",
                            );
                        }
                    });
                }
                if row.response().clicked() {
                    push(actions, IncidentsAction::Select(Some(incident.id)));
                }
            });
        });
}

/// A column's header: a button that sorts by it, with an arrow for the sort in force.
fn header_cell_ui(
    ui: &mut egui::Ui,
    state: &IncidentsState,
    column: IncidentColumn,
    actions: &mut Vec<Action>,
) {
    let sorted = match state.sort {
        Some((c, down)) if c == column => Some(down),
        _ => None,
    };
    if super::widgets::sort_header_ui(ui, column.title(), sorted) {
        push(actions, IncidentsAction::Sort(column));
    }
}
