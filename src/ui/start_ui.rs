//! What the article area shows when the project has no article: the ways to start.

use super::action::Action;
use super::command::UiCommand;
use crate::formats::Format;
use std::path::PathBuf;

/// The start page: open a project, import articles, or reopen a recent project.
pub fn start_ui(ui: &mut egui::Ui, recent: &[PathBuf], actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 4.0);
        ui.heading("No article to annotate yet");
        ui.add_space(12.0);
        for command in [
            UiCommand::Open,
            UiCommand::Import(Format::Text),
            UiCommand::NewProject,
        ] {
            let shortcut = match command.shortcut_text(ui.ctx()) {
                text if text.is_empty() => text,
                text => format!(" ({text})"),
            };
            if ui
                .button(format!("{}{shortcut}", command.text()))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                actions.push(Action::Command(command));
            }
        }
        if !recent.is_empty() {
            ui.add_space(12.0);
            ui.label("Recent projects");
            for path in recent {
                if ui.link(path.display().to_string()).clicked() {
                    actions.push(Action::OpenPath(path.clone()));
                }
            }
        }
    });
}
