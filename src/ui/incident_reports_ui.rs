//! The reports of the selected incident (a click opens the article at the event; each
//! can be unlinked or ticked to split off), and what changes the incident as a whole:
//! merging another into it, splitting it, deleting it. Each is an undoable edit.

use super::action::Action;
use super::incidents::{IncidentsAction, IncidentsState};
use super::incidents_ui::push;
use super::timeline::report_text;
use crate::model::{Incident, Project};

/// The reports, then merge, split and delete.
pub fn incident_reports_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &IncidentsState,
    incident: &Incident,
    actions: &mut Vec<Action>,
) {
    let id = incident.id;
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Reports ({})", incident.reports.len()));
        split_button_ui(ui, state, incident, actions);
    });
    if incident.reports.is_empty() {
        ui.weak("No report: link events to it from the event table.");
    }
    for report in &incident.reports {
        // Wrapped: a long article name must not widen the panel.
        ui.horizontal_wrapped(|ui| {
            let mut ticked = state.split.contains(report);
            let tick = ui
                .checkbox(&mut ticked, "")
                .on_hover_text("Tick the reports to move to a new incident (Split)");
            if tick.changed() {
                push(actions, IncidentsAction::TickSplit(report.clone(), ticked));
            }
            let _ = tick.accessible_name(format!("Split off {report}"));
            if ui
                .button("Unlink")
                .on_hover_text(format!("{} no longer reports {id}", report.event))
                .clicked()
            {
                push(actions, IncidentsAction::Unlink(report.clone()));
            }
            if ui
                .link(report_text(project, report))
                .on_hover_text("Open the article at this event")
                .clicked()
            {
                push(actions, IncidentsAction::OpenReport(report.clone()));
            }
        });
    }
}

/// The button that moves the ticked reports (some, not all) to a new incident.
fn split_button_ui(
    ui: &mut egui::Ui,
    state: &IncidentsState,
    incident: &Incident,
    actions: &mut Vec<Action>,
) {
    let ticked = incident
        .reports
        .iter()
        .filter(|r| state.split.contains(r))
        .count();
    let can_split = ticked > 0 && ticked < incident.reports.len();
    if ui
        .add_enabled(
            can_split,
            egui::Button::new(format!("Split {ticked} ticked into a new incident")),
        )
        .on_hover_text("Move the ticked reports (some, not all) to a new incident")
        .on_disabled_hover_text("Tick some of the reports, not all, to split them off")
        .clicked()
    {
        push(actions, IncidentsAction::Split(incident.id));
    }
}

/// Merging another incident into this one, and deleting it.
pub fn incident_actions_ui(
    ui: &mut egui::Ui,
    project: &Project,
    incident: &Incident,
    actions: &mut Vec<Action>,
) {
    let id = incident.id;
    ui.menu_button("Merge another into this…", |ui| {
        ui.weak(format!(
            "{id} takes its reports, keeps its own values and fills what it lacks"
        ));
        for other in project.incidents.iter().filter(|i| i.id != id) {
            let date = other.date.map(|d| d.to_string()).unwrap_or_default();
            let text = format!(
                "{} {} {date} {}",
                other.id,
                project.schema.label(&other.incident_type),
                other.places.join(", ")
            );
            if ui.button(text).clicked() {
                push(actions, IncidentsAction::Merge(id, other.id));
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("Merge another incident into this one");
    if ui
        .button("🗑 Delete incident")
        .on_hover_text("Delete it; its events stay, reporting no incident (Ctrl+Z undoes)")
        .clicked()
    {
        push(actions, IncidentsAction::Delete(id));
    }
}
