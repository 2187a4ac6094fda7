//! Where the event table and the event editor show the incident an event reports and
//! the date it inherits: the table's Incident cell (a click opens the popup that links
//! it), its greyed inherited date, the row menu's Link and Unlink, and the editor's
//! incident line.

use super::action::Action;
use super::command::UiCommand;
use super::event_table::EventRow;
use super::incident_link::IncidentLinkAction;
use super::table_cells_ui::RowContext;
use crate::model::{Document, EventId, Project};

fn open(actions: &mut Vec<Action>, event: EventId) {
    actions.push(Action::IncidentLink(IncidentLinkAction::Open(event)));
}

/// The hover text of whatever opens the popup, with its key.
fn link_hint(ctx: &egui::Context) -> String {
    let command = UiCommand::LinkToIncident;
    format!("{} ({})", command.tooltip(), command.shortcut_text(ctx))
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "none" } else { text }
}

/// The Incident cell: the incident's id (`I3`), or a faint "link…"; a click opens the
/// popup that links the event.
pub fn incident_cell_ui(ui: &mut egui::Ui, event: EventId, text: &str, actions: &mut Vec<Action>) {
    let shown = if text.is_empty() {
        egui::RichText::new("link…").weak()
    } else {
        egui::RichText::new(text)
    };
    let response = ui
        .add(egui::Button::new(shown).frame(false).small())
        .accessible_name(format!("Incident of {event}: {}", or_none(text)))
        .on_hover_text(link_hint(ui.ctx()));
    if response.clicked() {
        open(actions, event);
    }
}

/// The date cell of an event that takes its date from its time argument: greyed, with
/// where it comes from on hover.
pub fn inherited_date_cell_ui(ui: &mut egui::Ui, row: &EventRow, text: &str) {
    let from = row.inherited_date.as_deref().unwrap_or_default();
    ui.add(
        egui::Label::new(egui::RichText::new(text).weak().italics())
            .truncate()
            .selectable(false),
    )
    .on_hover_text(format!("{text}: {from}"));
}

/// The row menu's entries: link to an incident, and unlink from the one it reports.
pub fn incident_menu_ui(ui: &mut egui::Ui, context: &RowContext<'_>, actions: &mut Vec<Action>) {
    let event = context.row.id;
    let command = UiCommand::LinkToIncident;
    let button = egui::Button::new(format!("🔗 {}", command.text()))
        .shortcut_text(command.shortcut_text(ui.ctx()));
    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
        open(actions, event);
    }
    if let Some(incident) = context.project.incident_reported_by(&context.doc.id, event)
        && ui.button(format!("Unlink from {}", incident.id)).clicked()
    {
        actions.push(Action::IncidentLink(IncidentLinkAction::Unlink(event)));
    }
}

/// The editor's line about the incident the event reports: its summary and Unlink, or
/// a button that links it.
pub fn event_incident_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    event: EventId,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| match project.incident_reported_by(&doc.id, event) {
        Some(incident) => {
            ui.label("Incident:");
            ui.label(super::incident_link::incident_summary(project, incident));
            if ui
                .small_button("Change…")
                .on_hover_text(link_hint(ui.ctx()))
                .clicked()
            {
                open(actions, event);
            }
            super::incident_link_ui::unlink_button_ui(ui, event, actions);
        }
        None => {
            ui.label("Incident: none");
            if ui
                .small_button("🔗 Link to incident…")
                .on_hover_text(link_hint(ui.ctx()))
                .clicked()
            {
                open(actions, event);
            }
        }
    });
}
