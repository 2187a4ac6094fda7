//! The line of the mention editor that offers the date suggested for a date mention:
//! the ISO date, what it was read from and relative to, and a button (or `Ctrl+D`) that
//! accepts it as one undoable edit.

use super::action::Action;
use super::command::UiCommand;
use crate::model::{MentionId, Project};

/// The suggestion for mention `id` of the document at `doc`, if its words say a date.
pub fn date_hint_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: usize,
    id: MentionId,
    actions: &mut Vec<Action>,
) {
    let Some(hint) = super::date_hint::mention_date_hint(project, doc, id) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Suggested date: {}", hint.date));
        if hint.accepted {
            ui.weak("✔ accepted");
        } else {
            let command = UiCommand::AcceptDate;
            let key = command.shortcut_text(ui.ctx());
            if ui
                .small_button(format!("Accept ({key})"))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                actions.push(Action::Command(command));
            }
        }
    });
    ui.weak(hint.basis);
}
