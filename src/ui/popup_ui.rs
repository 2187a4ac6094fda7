//! The popup that opens on a fresh text selection: tag it with an entity type or make
//! it an event's trigger, with each type's shortcut key shown.

use super::action::{Action, EditAction};
use super::state::ViewState;
use crate::model::Project;
use crate::ui::article::color_from_rgb;

/// Shows the tag popup while the view has one open.
pub fn popup_ui(
    ctx: &egui::Context,
    project: &Project,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let (Some(anchor), Some(_)) = (view.popup, view.selection) else {
        return;
    };
    let schema = &project.schema;
    let area = egui::Area::new(egui::Id::unique("tag popup"))
        .order(egui::Order::Foreground)
        .fixed_pos(anchor + egui::vec2(8.0, 12.0))
        .constrain(true)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(420.0);
                ui.strong("Tag as");
                ui.horizontal_wrapped(|ui| {
                    for t in &schema.entity_types {
                        let key = t.shortcut.map(|c| format!(" ({c})")).unwrap_or_default();
                        let button = egui::Button::new(
                            egui::RichText::new(format!("{}{key}", t.label))
                                .color(egui::Color32::from_gray(20)),
                        )
                        .fill(color_from_rgb(t.color).gamma_multiply(0.8));
                        if ui.add(button).on_hover_text(&t.name).clicked() {
                            actions.push(EditAction::TagSelection(t.name.clone()).into());
                        }
                    }
                });
                ui.separator();
                ui.strong("Event with this trigger");
                ui.horizontal_wrapped(|ui| {
                    for t in &schema.event_types {
                        let key = t
                            .shortcut
                            .map(|c| format!(" (Shift+{})", c.to_uppercase()))
                            .unwrap_or_default();
                        let button = egui::Button::new(
                            egui::RichText::new(format!("{}{key}", t.label))
                                .color(egui::Color32::from_gray(20)),
                        )
                        .fill(color_from_rgb(t.color).gamma_multiply(0.8));
                        if ui.add(button).on_hover_text(&t.name).clicked() {
                            actions.push(EditAction::AddEventFromSelection(t.name.clone()).into());
                        }
                    }
                });
                ui.separator();
                let command = super::command::UiCommand::AnnotateAll;
                if ui
                    .button(command.text())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    actions.push(Action::Command(command));
                }
            });
        });
    // A press anywhere else closes the popup (the selection stays for the keyboard).
    let pressed = ctx.input(|i| i.pointer.any_pressed());
    if pressed && !area.response.contains_pointer() {
        actions.push(Action::ClosePopup);
    }
}
