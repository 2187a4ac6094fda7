//! Modal dialogs: errors, the unsaved-changes question, and the command palette.

use super::app::EventailApp;
use super::command::{Action, UiCommand};
use super::state::{Dialog, Pending};

/// Shows the open dialog, if any, and the command palette.
pub fn dialogs_ui(ctx: &egui::Context, app: &mut EventailApp) {
    palette_ui(ctx, app);
    job_ui(ctx, app);
    let Some(dialog) = app.dialog.take() else {
        return;
    };
    match dialog {
        Dialog::Error(message) => {
            let mut open = true;
            egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading("Something went wrong");
                ui.label(&message);
                ui.weak("Your work is as it was: nothing was overwritten.");
                if ui.button("OK").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    open = false;
                }
            });
            if open {
                app.dialog = Some(Dialog::Error(message));
            }
        }
        Dialog::Unsaved(pending) => {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                ui.heading("Unsaved changes");
                ui.label(format!(
                    "“{}” has changes that are not saved.",
                    app.session.project.name
                ));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        choice = Some(Choice::Save);
                    }
                    if ui.button("Discard changes").clicked() {
                        choice = Some(Choice::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Cancel);
                    }
                });
            });
            match choice {
                None => app.dialog = Some(Dialog::Unsaved(pending)),
                Some(Choice::Cancel | Choice::ReadOnly) => {}
                Some(Choice::Save) => {
                    if app.save() {
                        app.run_pending(ctx, pending);
                    }
                }
                Some(Choice::Discard) => {
                    if pending == Pending::Quit {
                        app.allow_close = true;
                    }
                    if let Some(path) = &app.session.path {
                        app.autosaver.clear(path);
                    }
                    app.session.history.mark_saved();
                    app.run_pending(ctx, pending);
                }
            }
        }
        Dialog::Invalid { path, message } => {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("invalid")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading("This project has inconsistencies");
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    ui.label(&message);
                });
                ui.weak("The file is left as it is. A repaired copy drops what cannot be kept and lists every change.");
                ui.horizontal(|ui| {
                    if ui.button("Repair into a copy…").clicked() {
                        choice = Some(Choice::Save);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Cancel);
                    }
                });
            });
            match choice {
                None => app.dialog = Some(Dialog::Invalid { path, message }),
                Some(Choice::Save) => app.repair_into_copy(&path),
                Some(_) => {}
            }
        }
        Dialog::Locked { path, owner } => {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("locked")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading("Project already open");
                ui.label(format!(
                    "{} is open in another eventail ({owner}). Two copies editing one file \
                     would overwrite each other's work.",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Open read-only").clicked() {
                        choice = Some(Choice::ReadOnly);
                    }
                    if ui
                        .button("Open anyway")
                        .on_hover_text("Only if you are sure the other one is gone")
                        .clicked()
                    {
                        choice = Some(Choice::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(Choice::Cancel);
                    }
                });
            });
            match choice {
                None => app.dialog = Some(Dialog::Locked { path, owner }),
                Some(Choice::ReadOnly) => app.open_locked(path, None, true),
                Some(Choice::Discard) => {
                    let lock = crate::io::ProjectLock::take_over(&path).ok();
                    app.open_locked(path, lock, false);
                }
                Some(Choice::Save | Choice::Cancel) => {}
            }
        }
        Dialog::Recover { path, recovery } => {
            let mut choice = None;
            egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
                ui.set_max_width(560.0);
                ui.heading("Recover unsaved work?");
                ui.label(format!(
                    "eventail stopped before {} was saved. An autosave newer than the file \
                     holds the changes made since.",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        choice = Some(true);
                    }
                    if ui.button("Discard the autosave").clicked() {
                        choice = Some(false);
                    }
                });
            });
            match choice {
                Some(true) => app.recover(&recovery),
                Some(false) => crate::io::discard_recovery(&path),
                None => app.dialog = Some(Dialog::Recover { path, recovery }),
            }
        }
    }
}

/// What the user chose in a dialog.
enum Choice {
    Save,
    /// Discard changes, or ignore the other eventail's lock.
    Discard,
    ReadOnly,
    Cancel,
}

/// Every command of the table, filtered by what the user types.
fn palette_ui(ctx: &egui::Context, app: &mut EventailApp) {
    let Some(query) = app.view.palette.as_mut() else {
        return;
    };
    let mut chosen = None;
    let mut close = false;
    egui::Modal::new(egui::Id::unique("palette")).show(ctx, |ui| {
        ui.set_width(420.0);
        let response = ui.add(
            egui::TextEdit::singleline(query)
                .hint_text("Type a command")
                .desired_width(f32::INFINITY),
        );
        response.request_focus();
        let needle = query.to_lowercase();
        let matches: Vec<UiCommand> = UiCommand::ALL
            .into_iter()
            .filter(|c| c.text().to_lowercase().contains(&needle))
            .collect();
        for command in &matches {
            let shortcut = command
                .shortcuts()
                .first()
                .map(|s| ui.ctx().format_shortcut(s))
                .unwrap_or_default();
            if ui
                .add(egui::Button::new(command.text()).shortcut_text(shortcut))
                .on_hover_text(command.text_and_tooltip().1)
                .clicked()
            {
                chosen = Some(*command);
            }
        }
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = matches.first().copied();
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
    });
    if let Some(command) = chosen {
        app.actions.push(Action::Command(command));
        close = true;
    }
    if close {
        app.view.palette = None;
    }
}

/// The progress of the background job, with a Cancel button.
fn job_ui(ctx: &egui::Context, app: &mut EventailApp) {
    let Some(job) = &app.job else {
        return;
    };
    let mut cancel = false;
    egui::Modal::new(egui::Id::unique("job")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.label(&job.label);
        let bar = match job.progress.fraction() {
            Some(f) => egui::ProgressBar::new(f).show_percentage(),
            None => egui::ProgressBar::new(0.0).animate(true),
        };
        ui.add(bar);
        if ui.button("Cancel").clicked() {
            cancel = true;
        }
    });
    if cancel {
        job.progress.cancel();
        app.job = None;
        app.view.status = "Cancelled: nothing was changed".into();
    }
}
