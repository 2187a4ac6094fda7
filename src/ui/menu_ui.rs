//! The menu bar, built from the command table so that menus and shortcuts agree.

use super::app::EventailApp;
use super::command::{Action, UiCommand};

/// A menu entry for `command`, with its shortcut and tooltip.
fn command_button(ui: &mut egui::Ui, command: UiCommand, enabled: bool, actions: &mut Vec<Action>) {
    let (text, tooltip) = command.text_and_tooltip();
    let shortcut = command
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let response = ui
        .add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut))
        .on_hover_text(tooltip);
    if response.clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// The menu bar and, on its right, the annotator's name.
pub fn menu_ui(ui: &mut egui::Ui, app: &mut EventailApp) {
    let mut actions = std::mem::take(&mut app.actions);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for command in [UiCommand::NewProject, UiCommand::Open] {
                command_button(ui, command, true, &mut actions);
            }
            ui.menu_button("Open recent", |ui| {
                if app.settings.recent.is_empty() {
                    ui.weak("No recent project");
                }
                for path in &app.settings.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::OpenPath(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            for command in [UiCommand::Save, UiCommand::SaveAs] {
                command_button(ui, command, true, &mut actions);
            }
            ui.separator();
            command_button(ui, UiCommand::ImportText, true, &mut actions);
            ui.menu_button("Import as a new project", |ui| {
                if ui.button("brat collection (folder)…").clicked() {
                    actions.push(Action::ImportBrat);
                    ui.close();
                }
                if ui.button("doccano JSONL…").clicked() {
                    actions.push(Action::ImportDoccano);
                    ui.close();
                }
            });
            ui.menu_button("Export", |ui| {
                for format in super::transfer::ExportFormat::ALL {
                    if ui.button(format.label()).clicked() {
                        actions.push(Action::Export(format));
                        ui.close();
                    }
                }
            });
            ui.separator();
            command_button(ui, UiCommand::Quit, true, &mut actions);
        });
        ui.menu_button("Edit", |ui| {
            let history = &app.session.history;
            let undo = history.undo_label().map(|l| format!("Undo: {l}"));
            let redo = history.redo_label().map(|l| format!("Redo: {l}"));
            command_button(ui, UiCommand::Undo, undo.is_some(), &mut actions);
            if let Some(label) = undo {
                ui.weak(label);
            }
            command_button(ui, UiCommand::Redo, redo.is_some(), &mut actions);
            if let Some(label) = redo {
                ui.weak(label);
            }
            ui.separator();
            command_button(ui, UiCommand::AddEvent, true, &mut actions);
            command_button(
                ui,
                UiCommand::DeleteSelected,
                app.view.selected.is_some(),
                &mut actions,
            );
            command_button(ui, UiCommand::Cancel, true, &mut actions);
        });
        ui.menu_button("Document", |ui| {
            for command in [
                UiCommand::NextDocument,
                UiCommand::PreviousDocument,
                UiCommand::MarkNew,
                UiCommand::MarkInProgress,
                UiCommand::MarkDone,
            ] {
                command_button(ui, command, true, &mut actions);
            }
        });
        ui.menu_button("View", |ui| {
            command_button(ui, UiCommand::CommandPalette, true, &mut actions);
            ui.checkbox(&mut app.view.show_frame_time, "Show frame time")
                .on_hover_text("CPU time of the last frame, in the status bar");
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Right to left: the field first, so that its label stands before it.
            let field = ui
                .add(egui::TextEdit::singleline(&mut app.settings.annotator).desired_width(120.0));
            let label = ui.label("Annotator:");
            field.labelled_by(label.id);
        });
    });
    app.actions = actions;
}
