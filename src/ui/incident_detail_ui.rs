//! The selected incident's detail in the incidents view: its fields, each edited by an
//! undoable edit when the user leaves the field; where its reports disagree, each value
//! with its sources and a button that makes it the incident's. Its reports, merging and
//! splitting are [`super::incident_reports_ui`]'s.

use super::action::Action;
use super::incident_disputes::{Dispute, disputes};
use super::incidents::{IncidentsAction, IncidentsState};
use super::incidents_ui::push;
use super::widgets::{TextField, committed_text_ui};
use crate::edit::incident_ops::IncidentField;
use crate::model::{Actor, Certainty, DateRange, Incident, Project};

/// The detail of the selected incident, or a word on how to select one.
pub fn incident_detail_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &IncidentsState,
    actions: &mut Vec<Action>,
) {
    let Some(id) = state.selected else {
        ui.weak("Select an incident in the table or on the timeline to see and edit it.");
        return;
    };
    let Some(incident) = project.incident(id) else {
        ui.weak(format!("{id} is no more (merged or deleted)."));
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!(
            "{id} {}",
            project.schema.label(&incident.incident_type)
        ));
        super::incident_reports_ui::incident_actions_ui(ui, project, incident, actions);
    });
    if !incident.author.is_empty() {
        ui.weak(format!(
            "Changed by {} at {}",
            incident.author, incident.changed
        ));
    }
    fields_ui(ui, project, incident, actions);
    actors_ui(ui, project, incident, actions);
    let found = disputes(project, incident);
    if !found.is_empty() {
        ui.separator();
        ui.strong("⚠ The reports disagree");
        for dispute in &found {
            dispute_ui(ui, incident, dispute, actions);
        }
    }
    ui.separator();
    super::incident_reports_ui::incident_reports_ui(ui, project, state, incident, actions);
}

/// A labelled one-line field of the incident that commits `make(text)` when left
/// changed; `make` says why a text is refused. While the user types, a refused text is
/// said under the field.
fn field_ui(
    ui: &mut egui::Ui,
    incident: &Incident,
    name: &str,
    stored: &str,
    layout: TextField,
    make: impl Fn(&str) -> Result<IncidentField, String>,
    actions: &mut Vec<Action>,
) {
    let label = ui.label(name);
    let id = ui.scope_id().with(("incident field", incident.id, name));
    ui.vertical(|ui| {
        let field = committed_text_ui(ui, id, stored, layout);
        // Named with the incident: the event table has a Date column too.
        let _ = field
            .response
            .labelled_by(label.id)
            .accessible_name(format!("{name} of {}", incident.id));
        let draft = ui.data(|d| d.get_temp::<String>(id));
        if let Some(Err(why)) = draft.as_deref().map(&make) {
            ui.colored_label(ui.visuals().error_fg_color, why);
        }
        if let Some(text) = field.committed {
            push(
                actions,
                match make(&text) {
                    Ok(field) => IncidentsAction::SetField(incident.id, field),
                    Err(why) => IncidentsAction::Rejected(why),
                },
            );
        }
    });
    ui.end_row();
}

/// A date or range as ISO 8601 text; empty clears it.
fn parse_date(text: &str) -> Result<IncidentField, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(IncidentField::Date(None));
    }
    text.parse::<DateRange>()
        .map(|d| IncidentField::Date(Some(d)))
        .map_err(|e| e.to_string())
}

/// A number of dead; empty clears it.
fn parse_dead(text: &str) -> Result<IncidentField, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(IncidentField::Fatalities(None));
    }
    text.parse::<u32>()
        .map(|n| IncidentField::Fatalities(Some(n)))
        .map_err(|_| format!("{text:?} is not a number of dead (0, 1, 2…)"))
}

/// `;`-separated names, the empty ones dropped.
fn split_names(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The precision of a date, as the user reads it.
fn precision_text(date: Option<DateRange>) -> String {
    match date {
        None => "no date".into(),
        Some(d) if d.end().is_some() => format!("a range of {} days", d.days()),
        Some(d) => format!("to the {}", d.start().precision().word()),
    }
}

/// Type, date, places, country, region, dead, certainty, note.
fn fields_ui(ui: &mut egui::Ui, project: &Project, incident: &Incident, actions: &mut Vec<Action>) {
    let id = incident.id;
    egui::Grid::new(("incident fields", id))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let type_label = ui.label("Type");
            let schema = &project.schema;
            let combo = egui::ComboBox::from_id_salt(("incident type", id))
                .selected_text(schema.label(&incident.incident_type))
                .show_ui(ui, |ui| {
                    for t in &schema.event_types {
                        let on = t.name == incident.incident_type;
                        if ui.selectable_label(on, &t.label).clicked() && !on {
                            let field = IncidentField::Type(t.name.clone());
                            push(actions, IncidentsAction::SetField(id, field));
                        }
                    }
                });
            combo.response.labelled_by(type_label.id);
            ui.end_row();

            let date = incident.date.map(|d| d.to_string()).unwrap_or_default();
            let width = TextField::Line { width: 220.0 };
            field_ui(ui, incident, "Date", &date, width, parse_date, actions);
            ui.label("");
            // Short, so as not to widen the panel; the forms are in the tooltip.
            let _ = ui.weak(precision_text(incident.date)).on_hover_text(
                "ISO 8601: 2016-03-24 (day), 2016-W12 (week), 2016-03 (month), 2016 (year), \
                 or two of them joined by / for a range",
            );
            ui.end_row();
            let places = incident.places.join("; ");
            let wide = TextField::Line { width: 280.0 };
            let make = |t: &str| Ok(IncidentField::Places(split_names(t)));
            field_ui(ui, incident, "Places", &places, wide, make, actions);
            let make = |t: &str| Ok(IncidentField::Country(t.trim().to_string()));
            field_ui(
                ui,
                incident,
                "Country",
                &incident.country,
                wide,
                make,
                actions,
            );
            let make = |t: &str| Ok(IncidentField::Admin1(t.trim().to_string()));
            field_ui(
                ui,
                incident,
                "Region",
                &incident.admin1,
                wide,
                make,
                actions,
            );
            let dead = incident
                .fatalities
                .map(|n| n.to_string())
                .unwrap_or_default();
            let narrow = TextField::Line { width: 80.0 };
            field_ui(ui, incident, "Dead", &dead, narrow, parse_dead, actions);

            let certainty_label = ui.label("Certainty");
            let word = incident.certainty.map_or("unknown", Certainty::word);
            let combo = egui::ComboBox::from_id_salt(("incident certainty", id))
                .selected_text(word)
                .show_ui(ui, |ui| {
                    let choices = std::iter::once(None).chain(Certainty::ALL.map(Some));
                    for choice in choices {
                        let text = choice.map_or("unknown", Certainty::word);
                        let on = choice == incident.certainty;
                        if ui.selectable_label(on, text).clicked() && !on {
                            let field = IncidentField::Certainty(choice);
                            push(actions, IncidentsAction::SetField(id, field));
                        }
                    }
                });
            combo.response.labelled_by(certainty_label.id);
            ui.end_row();
        });
    // Below the grid, as wide as the panel: a field as wide as it can be inside the grid
    // would widen the panel.
    let make = |t: &str| Ok(IncidentField::Note(t.to_string()));
    let note = &incident.note;
    field_ui(ui, incident, "Note", note, TextField::Lines, make, actions);
}

/// The actors, each with its role, name and a button that removes it; a button adds one.
fn actors_ui(ui: &mut egui::Ui, project: &Project, incident: &Incident, actions: &mut Vec<Action>) {
    let id = incident.id;
    let set = |actors: Vec<Actor>, actions: &mut Vec<Action>| {
        push(
            actions,
            IncidentsAction::SetField(id, IncidentField::Actors(actors)),
        );
    };
    let roles: Vec<String> = project
        .schema
        .event_type(&incident.incident_type)
        .map(|t| t.roles.iter().map(|r| r.name.clone()).collect())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        ui.strong("Actors");
        if ui
            .button("➕ Add actor")
            .on_hover_text("Add an actor in the first role of the incident's type")
            .clicked()
        {
            let mut actors = incident.actors.clone();
            actors.push(Actor {
                role: roles.first().cloned().unwrap_or_else(|| "agent".into()),
                name: String::new(),
                entity_type: String::new(),
            });
            set(actors, actions);
        }
    });
    for (i, actor) in incident.actors.iter().enumerate() {
        ui.horizontal(|ui| {
            let combo = egui::ComboBox::from_id_salt(("actor role", id, i))
                .selected_text(actor.role.as_str())
                .show_ui(ui, |ui| {
                    for role in &roles {
                        if ui.selectable_label(*role == actor.role, role).clicked()
                            && *role != actor.role
                        {
                            let mut actors = incident.actors.clone();
                            if let Some(a) = actors.get_mut(i) {
                                a.role.clone_from(role);
                            }
                            set(actors, actions);
                        }
                    }
                });
            let _ = combo
                .response
                .accessible_name(format!("Role of actor {}", i + 1));
            let field_id = ui.scope_id().with(("actor name", id, i));
            let field =
                committed_text_ui(ui, field_id, &actor.name, TextField::Line { width: 200.0 });
            let _ = field
                .response
                .on_hover_text(format!("entity type: {}", actor.entity_type))
                .accessible_name(format!("Name of actor {}", i + 1));
            if let Some(name) = field.committed {
                let mut actors = incident.actors.clone();
                if let Some(a) = actors.get_mut(i) {
                    a.name = name.trim().to_string();
                }
                set(actors, actions);
            }
            let remove = ui
                .button("🗑")
                .on_hover_text(format!("Remove {}", actor.name));
            if remove.clicked() {
                let mut actors = incident.actors.clone();
                actors.remove(i);
                set(actors, actions);
            }
            let _ = remove.accessible_name(format!("Remove actor {}", i + 1));
        });
    }
}

/// One field the reports disagree on: each value, its sources (a click opens the
/// article at the event) and a button that makes it the incident's.
fn dispute_ui(
    ui: &mut egui::Ui,
    incident: &Incident,
    dispute: &Dispute,
    actions: &mut Vec<Action>,
) {
    let id = incident.id;
    ui.label(egui::RichText::new(dispute.field).strong());
    ui.indent(("dispute", id, dispute.field), |ui| {
        for value in &dispute.values {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&value.text).monospace());
                if value.chosen {
                    ui.weak("✔ the incident's");
                } else if ui
                    .button(format!("Use {}", value.text))
                    .on_hover_text(format!(
                        "Make this the incident's {}",
                        dispute.field.to_lowercase()
                    ))
                    .clicked()
                {
                    push(actions, IncidentsAction::SetField(id, value.choose.clone()));
                }
            });
            ui.indent(("sources", &value.text), |ui| {
                for (report, text) in &value.sources {
                    if ui
                        .link(text)
                        .on_hover_text("Open the article at this event")
                        .clicked()
                    {
                        push(actions, IncidentsAction::OpenReport(report.clone()));
                    }
                }
            });
        }
        // Offered only when it is not one of the values already listed.
        if let Some((text, field)) = &dispute.span_all
            && !dispute.values.iter().any(|v| v.text == *text)
            && ui
                .button(format!("Use the range spanning them: {text}"))
                .on_hover_text("The smallest range that holds every date the reports give")
                .clicked()
        {
            push(actions, IncidentsAction::SetField(id, field.clone()));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_and_numbers_are_checked() {
        assert!(matches!(
            parse_date(" 2016-03 "),
            Ok(IncidentField::Date(Some(_)))
        ));
        assert_eq!(parse_date(""), Ok(IncidentField::Date(None)));
        assert!(parse_date("24 mars").is_err());
        assert_eq!(parse_dead("12"), Ok(IncidentField::Fatalities(Some(12))));
        assert!(parse_dead("-3").is_err());
        assert_eq!(split_names(" Palmyre ; ;Homs"), ["Palmyre", "Homs"]);
        assert_eq!(precision_text(None), "no date");
    }
}
