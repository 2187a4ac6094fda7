//! The events of the shown document (a table, [`super::event_table_ui`]) and the editor
//! of the selected event: type, trigger, roles with their fillers, attributes, note,
//! warnings. The two are drawn apart, each in its own scrolling area, so that a long
//! table never pushes the editor out of sight.

use super::action::{Action, EditAction};
use super::command::UiCommand;
use super::filler_candidates::{parent_slots, role_candidates};
use super::mention_ui::{attributes_ui, note_ui};
use super::state::ViewState;
use crate::model::conformance::event_warnings;
use crate::model::{Document, Event, Filler, Project, Role};
use crate::ui::labels::describe;

/// Shows the events of the shown document as a table filling the height left, with a
/// button that adds one; `generation` (the session's) changes whenever the project
/// does.
pub fn events_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &ViewState,
    generation: (u64, usize),
    actions: &mut Vec<Action>,
) {
    let Some(doc) = project.documents.get(view.doc) else {
        return;
    };
    let schema = &project.schema;
    ui.horizontal(|ui| {
        ui.heading(format!("Events ({})", doc.events.len()));
        ui.menu_button("➕ Add event", |ui| {
            if view.selection.is_some() {
                ui.weak("The selected text becomes the trigger");
            } else {
                ui.weak("No text selected: the event has no trigger");
            }
            super::widgets::event_types_menu_ui(ui, schema, actions, |t| {
                EditAction::AddEvent(t.to_string()).into()
            });
        })
        .response
        .on_hover_text(UiCommand::AddEvent.tooltip());
    });
    super::event_table_ui::event_table_ui(ui, project, doc, view, generation, actions);
}

/// The editor of the selected event, if an event is selected; brought into view when
/// it has just been selected.
pub fn selected_event_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let Some(Filler::Event(id)) = view.selected else {
        return;
    };
    let Some(doc) = project.documents.get(view.doc) else {
        return;
    };
    let Some(event) = doc.event(id) else {
        return;
    };
    let warnings = event_warnings(&project.schema, doc, event);
    let response = ui.heading(describe(project, doc, Filler::Event(id)));
    if view.reveal == Some(Filler::Event(id)) {
        response.scroll_to_me(Some(egui::Align::TOP));
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        event_editor_ui(ui, project, doc, event, view, &warnings, actions);
    });
}

fn event_editor_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    event: &Event,
    view: &ViewState,
    warnings: &[String],
    actions: &mut Vec<Action>,
) {
    let schema = &project.schema;
    let id = event.id;
    egui::ComboBox::new(("event type", id), "Event type")
        .selected_text(schema.label(&event.event_type))
        .show_ui(ui, |ui| {
            for t in &schema.event_types {
                if ui
                    .selectable_label(t.name == event.event_type, &t.label)
                    .clicked()
                    && t.name != event.event_type
                {
                    actions.push(EditAction::SetEventType(id, t.name.clone()).into());
                }
            }
        });
    ui.horizontal(|ui| {
        let trigger = doc.covered_text(&event.trigger);
        if trigger.is_empty() {
            ui.label("Trigger: none");
        } else {
            ui.label(format!("Trigger: «{trigger}»"));
        }
        if ui
            .small_button("Use selection")
            .on_hover_text("Make the selected text the trigger")
            .clicked()
        {
            actions.push(EditAction::SetTriggerFromSelection(id).into());
        }
        if !event.trigger.is_empty() {
            if ui
                .small_button("Remove")
                .on_hover_text("No trigger")
                .clicked()
            {
                actions.push(EditAction::ClearTrigger(id).into());
            }
            ui.menu_button("➕ Another event here", |ui| {
                ui.weak("A new event on the same trigger, of the type:");
                super::widgets::event_types_menu_ui(ui, schema, actions, |t| {
                    EditAction::AddEventOnTrigger(id, t.to_string()).into()
                });
            })
            .response
            .on_hover_text(
                "The same words trigger another event too (e.g. a battle and a capture)",
            );
        }
    });
    super::incident_cell_ui::event_incident_ui(ui, project, doc, id, actions);
    for w in warnings {
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {w}"));
    }
    if let Some(event_type) = schema.event_type(&event.event_type) {
        egui::Grid::new(("roles", id))
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for role in &event_type.roles {
                    role_row_ui(ui, project, doc, event, role, view, actions);
                    ui.end_row();
                }
            });
    }
    attributes_ui(
        ui,
        schema,
        Filler::Event(id),
        &event.event_type,
        &event.attributes,
        actions,
    );
    argument_of_ui(ui, project, doc, event, actions);
    note_ui(ui, Filler::Event(id), &event.note, actions);
    ui.horizontal(|ui| {
        if ui
            .button("🗑 Delete event")
            .on_hover_text("Delete this event and the arguments that use it (Delete)")
            .clicked()
        {
            actions.push(EditAction::Delete(Filler::Event(id)).into());
        }
        if !event.author.is_empty() {
            ui.weak(format!(
                "last changed by {} at {}",
                event.author, event.changed
            ));
        }
    });
}

/// One role: its fillers (each removable), a button that waits for a click on a
/// highlight, and a list of the document's candidates.
fn role_row_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    event: &Event,
    role: &Role,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let schema = &project.schema;
    let how_many = crate::edit::schema_ops::cardinality_in_words(role.cardinality);
    let fillers = if role.fillers.is_empty() {
        "any type".to_string()
    } else {
        role.fillers
            .iter()
            .map(|f| schema.label(f))
            .collect::<Vec<_>>()
            .join(", ")
    };
    ui.vertical(|ui| {
        // Never wrapped letter by letter when the fillers take the width.
        ui.add(egui::Label::new(&role.label).extend())
            .on_hover_text(format!("{how_many}: {fillers}"));
        ui.add(egui::Label::new(egui::RichText::new(how_many).weak()).extend());
    });
    ui.vertical(|ui| {
        for (index, arg) in event.arguments.iter().enumerate() {
            if arg.role != role.name {
                continue;
            }
            ui.horizontal(|ui| {
                if ui
                    .link(describe(project, doc, arg.filler))
                    .on_hover_text("Show it")
                    .clicked()
                {
                    actions.push(Action::Select {
                        target: Some(arg.filler),
                        scroll: true,
                    });
                }
                if ui
                    .small_button("✖")
                    .on_hover_text(format!("Remove from {}", role.label))
                    .clicked()
                {
                    actions.push(EditAction::RemoveArgument(event.id, index).into());
                }
            });
        }
        ui.horizontal(|ui| {
            let active = view
                .active_role
                .as_ref()
                .is_some_and(|(e, r)| *e == event.id && *r == role.name);
            let pick = ui
                .selectable_label(active, "🎯 pick")
                .on_hover_text(format!(
                    "Then click a highlight in the text to fill {}",
                    role.label
                ));
            if pick.clicked() {
                let next = (!active).then(|| (event.id, role.name.clone()));
                actions.push(Action::ActivateRole(next));
            }
            candidates_ui(ui, project, doc, event, role, actions);
        });
    });
}

/// A list of the mentions (and events, where the role allows them) that may fill `role`,
/// the allowed types first, the nearest first ([`role_candidates`]).
fn candidates_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    event: &Event,
    role: &Role,
    actions: &mut Vec<Action>,
) {
    ui.menu_button("choose…", |ui| {
        let candidates = role_candidates(project, doc, event, &role.name);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for c in candidates.iter().filter(|c| c.argument.is_none()) {
                    let mut text = c.text();
                    if !c.allowed {
                        text.push_str(" ⚠");
                    }
                    if ui.button(text).clicked() {
                        let fill = EditAction::AddArgument(event.id, role.name.clone(), c.filler);
                        actions.push(fill.into());
                        ui.close();
                    }
                }
            });
    })
    .response
    .on_hover_text(format!(
        "Fill {} from the document's annotations",
        role.label
    ));
}

/// The roles of other events this event may fill (nested events: a statement about an
/// attack), each a click away.
fn argument_of_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    event: &Event,
    actions: &mut Vec<Action>,
) {
    let slots = parent_slots(project, doc, event);
    if slots.is_empty() {
        return;
    }
    ui.menu_button("⤴ Argument of…", |ui| {
        for slot in slots {
            if ui.button(&slot.text).clicked() {
                let filler = Filler::Event(event.id);
                actions.push(EditAction::AddArgument(slot.event, slot.role, filler).into());
            }
        }
    })
    .response
    .on_hover_text("Make this event an argument of another (an event about this event)");
}
