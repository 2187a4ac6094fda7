//! The menu bar, built from the command table so that menus and shortcuts agree.

use super::action::Action;
use super::command::UiCommand;
use std::path::PathBuf;

/// What the menu bar shows.
pub struct MenuInput<'a> {
    /// Recently opened projects, most recent first.
    pub recent: &'a [PathBuf],
    /// What undo would undo.
    pub undo: Option<&'a str>,
    /// What redo would redo.
    pub redo: Option<&'a str>,
    /// A mention or event is selected.
    pub has_selected: bool,
    /// Text is selected in the article.
    pub has_text_selection: bool,
    /// The frame time is shown.
    pub show_frame_time: bool,
    /// The annotator's name.
    pub annotator: &'a str,
    /// The strategy of the next merge into a gold version.
    pub merge_strategy: &'a str,
    /// A gold version is being adjudicated.
    pub adjudicating: bool,
}

/// A menu entry for `command`, with its shortcut and tooltip.
fn command_button(ui: &mut egui::Ui, command: UiCommand, enabled: bool, actions: &mut Vec<Action>) {
    let shortcut = command.shortcut_text(ui.ctx());
    let response = ui
        .add_enabled(
            enabled,
            egui::Button::new(command.text()).shortcut_text(shortcut),
        )
        .on_hover_text(command.tooltip());
    if response.clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

/// The menu bar and, on its right, the annotator's name.
pub fn menu_ui(ui: &mut egui::Ui, input: &MenuInput<'_>, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, input, actions));
        ui.menu_button("Edit", |ui| {
            command_button(ui, UiCommand::Undo, input.undo.is_some(), actions);
            if let Some(label) = input.undo {
                ui.weak(format!("Undo: {label}"));
            }
            command_button(ui, UiCommand::Redo, input.redo.is_some(), actions);
            if let Some(label) = input.redo {
                ui.weak(format!("Redo: {label}"));
            }
            ui.separator();
            command_button(ui, UiCommand::AddEvent, true, actions);
            command_button(ui, UiCommand::DeleteSelected, input.has_selected, actions);
            command_button(ui, UiCommand::LinkSelected, input.has_selected, actions);
            command_button(ui, UiCommand::LinkToIncident, input.has_selected, actions);
            command_button(ui, UiCommand::AcceptDate, input.has_selected, actions);
            ui.separator();
            command_button(ui, UiCommand::Search, true, actions);
            command_button(
                ui,
                UiCommand::AnnotateAll,
                input.has_text_selection,
                actions,
            );
            command_button(ui, UiCommand::Cancel, true, actions);
        });
        ui.menu_button("Document", |ui| {
            for command in [
                UiCommand::NextDocument,
                UiCommand::PreviousDocument,
                UiCommand::MarkNew,
                UiCommand::MarkInProgress,
                UiCommand::MarkDone,
            ] {
                command_button(ui, command, true, actions);
            }
        });
        ui.menu_button("Schema", |ui| {
            for command in UiCommand::schema_commands() {
                command_button(ui, command, true, actions);
            }
        });
        ui.menu_button("Review", |ui| {
            for command in [
                UiCommand::CompareWith,
                UiCommand::NextDisagreement,
                UiCommand::PreviousDisagreement,
            ] {
                command_button(ui, command, true, actions);
            }
            ui.separator();
            command_button(ui, UiCommand::BuildGold, true, actions);
            ui.menu_button("Merge strategy", |ui| {
                strategy_menu_ui(ui, input.merge_strategy, actions);
            });
            for command in UiCommand::accepts() {
                command_button(ui, command, input.adjudicating, actions);
            }
            for command in [UiCommand::EditItem, UiCommand::RejectItem] {
                command_button(ui, command, input.adjudicating, actions);
            }
        });
        ui.menu_button("View", |ui| {
            command_button(ui, UiCommand::CommandPalette, true, actions);
            command_button(ui, UiCommand::Problems, true, actions);
            command_button(ui, UiCommand::Incidents, true, actions);
            let mut shown = input.show_frame_time;
            if ui
                .checkbox(&mut shown, "Show frame time")
                .on_hover_text("CPU time of the last frame, in the status bar")
                .changed()
            {
                actions.push(Action::ShowFrameTime(shown));
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Right to left: the field first, so that its label stands before it.
            let id = ui.scope_id().with("annotator");
            let field = super::widgets::committed_text_ui(
                ui,
                id,
                input.annotator,
                super::widgets::TextField::Line { width: 120.0 },
            );
            let label = ui.label("Annotator:");
            field.response.labelled_by(label.id);
            if let Some(name) = field.committed {
                actions.push(Action::SetAnnotator(name));
            }
        });
    });
}

/// File: projects, recent projects, import and export from the table of formats.
fn file_menu_ui(ui: &mut egui::Ui, input: &MenuInput<'_>, actions: &mut Vec<Action>) {
    for command in [UiCommand::NewProject, UiCommand::Open] {
        command_button(ui, command, true, actions);
    }
    ui.menu_button("Open recent", |ui| {
        if input.recent.is_empty() {
            ui.weak("No recent project");
        }
        for path in input.recent {
            if ui.button(path.display().to_string()).clicked() {
                actions.push(Action::OpenPath(path.clone()));
                ui.close();
            }
        }
    });
    ui.separator();
    for command in [UiCommand::Save, UiCommand::SaveAs] {
        command_button(ui, command, true, actions);
    }
    ui.separator();
    ui.menu_button("Import", |ui| {
        for command in UiCommand::imports() {
            command_button(ui, command, true, actions);
        }
    });
    ui.menu_button("Export", |ui| {
        for command in UiCommand::exports() {
            command_button(ui, command, true, actions);
        }
    });
    ui.separator();
    command_button(ui, UiCommand::Quit, true, actions);
}

/// The strategies a gold version can be merged with, the chosen one marked.
fn strategy_menu_ui(ui: &mut egui::Ui, chosen: &str, actions: &mut Vec<Action>) {
    for (strategy, tooltip) in [
        (
            "majority",
            "Take what more than half of the annotators have",
        ),
        ("all", "Take only what every annotator has"),
        ("at-least-2", "Take what at least two annotators have"),
        ("at-least-3", "Take what at least three annotators have"),
        (
            "at-least-1",
            "Take everything anyone proposed: adjudicate nothing",
        ),
    ] {
        if ui
            .radio(chosen == strategy, strategy)
            .on_hover_text(tooltip)
            .clicked()
        {
            actions.push(Action::SetMergeStrategy(strategy.to_string()));
            ui.close();
        }
    }
}
