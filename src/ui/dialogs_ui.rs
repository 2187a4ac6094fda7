//! Modal dialogs: what failed, reports, the questions that wait for the user, the command
//! palette and the progress of background work. They read state and push the user's
//! answer as an [`Action`]; the app acts on it after the panels.

use super::action::Action;
use super::command::UiCommand;
use super::jobs::Job;
use super::state::{Choice, Dialog};

/// What a dialog says and offers.
struct Content {
    heading: String,
    /// The message; scrolled when long.
    body: String,
    /// A line in a weaker colour under the message.
    note: Option<&'static str>,
    /// The buttons: text, tooltip (may be empty), the choice they make.
    buttons: Vec<(&'static str, &'static str, Choice)>,
}

/// The words and buttons of `dialog`.
fn content_from_dialog(dialog: &Dialog, project_name: &str) -> Content {
    let ok = vec![("OK", "", Choice::Ok)];
    match dialog {
        Dialog::Failed(failure) => Content {
            heading: failure.title().into(),
            body: failure.to_string(),
            note: Some("Your work is as it was: nothing was overwritten."),
            buttons: ok,
        },
        Dialog::Report { title, diagnostics } => Content {
            heading: title.clone(),
            body: diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            note: None,
            buttons: ok,
        },
        Dialog::Unsaved(_) => Content {
            heading: "Unsaved changes".into(),
            body: format!("“{project_name}” has changes that are not saved."),
            note: None,
            buttons: vec![
                ("Save", "", Choice::Save),
                ("Discard changes", "", Choice::Discard),
                ("Cancel", "", Choice::Cancel),
            ],
        },
        Dialog::Invalid { error, .. } => Content {
            heading: "This project has inconsistencies".into(),
            body: error.to_string(),
            note: Some(
                "The file is left as it is. A repaired copy drops what cannot be kept and \
                 lists every change.",
            ),
            buttons: vec![
                ("Repair into a copy…", "", Choice::Repair),
                ("Cancel", "", Choice::Cancel),
            ],
        },
        Dialog::Locked { path, owner } => Content {
            heading: "Project already open".into(),
            body: format!(
                "{} is open in another eventail ({owner}). Two copies editing one file \
                 would overwrite each other's work.",
                path.display()
            ),
            note: None,
            buttons: vec![
                ("Open read-only", "", Choice::ReadOnly),
                (
                    "Open anyway",
                    "Only if you are sure the other one is gone",
                    Choice::TakeOver,
                ),
                ("Cancel", "", Choice::Cancel),
            ],
        },
        Dialog::SaveLocked { path, owner, .. } => Content {
            heading: "That project is open elsewhere".into(),
            body: format!(
                "{} is open in another eventail ({owner}). Saving over it would destroy \
                 that one's work, and its next save would destroy yours. Nothing was \
                 written.",
                path.display()
            ),
            note: None,
            buttons: vec![
                ("Choose another file…", "", Choice::ChooseAnother),
                ("Cancel", "", Choice::Cancel),
            ],
        },
        Dialog::ChangedOnDisk { path, .. } => Content {
            heading: "The file changed on disk".into(),
            body: format!(
                "{} was changed by another program since eventail read it. Saving over it \
                 would lose that change; saving as another file keeps both. Nothing was \
                 written.",
                path.display()
            ),
            note: None,
            buttons: vec![
                (
                    "Save as…",
                    "Keep both: save yours to another file",
                    Choice::ChooseAnother,
                ),
                (
                    "Overwrite",
                    "Replace the file's new content with yours",
                    Choice::Overwrite,
                ),
                ("Cancel", "", Choice::Cancel),
            ],
        },
        Dialog::Recover { path, .. } => Content {
            heading: "Recover unsaved work?".into(),
            body: format!(
                "eventail stopped before {} was saved. An autosave holds the changes made \
                 since.",
                path.display()
            ),
            note: None,
            buttons: vec![
                ("Recover", "", Choice::Recover),
                ("Discard the autosave", "", Choice::DiscardRecovery),
            ],
        },
    }
}

/// Shows the open dialog; a message closes with Enter as well as with OK.
pub fn dialog_ui(
    ctx: &egui::Context,
    dialog: &Dialog,
    project_name: &str,
    actions: &mut Vec<Action>,
) {
    let content = content_from_dialog(dialog, project_name);
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("dialog")).show(ctx, |ui| {
        ui.set_max_width(600.0);
        ui.heading(&content.heading);
        scrolled_text_ui(ui, &content.body);
        if let Some(note) = content.note {
            ui.weak(note);
        }
        ui.horizontal(|ui| {
            for (text, tooltip, value) in &content.buttons {
                let mut button = ui.button(*text);
                if !tooltip.is_empty() {
                    button = button.on_hover_text(*tooltip);
                }
                if button.clicked() {
                    choice = Some(*value);
                }
            }
        });
        let message = matches!(content.buttons.as_slice(), [(_, _, Choice::Ok)]);
        if message && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            choice = Some(Choice::Ok);
        }
    });
    if let Some(choice) = choice {
        actions.push(Action::Answer(choice));
    }
}

/// A long message, scrolled when it does not fit.
fn scrolled_text_ui(ui: &mut egui::Ui, text: &str) {
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            ui.label(text);
        });
}

/// Every command of the table, filtered by what the user types.
pub fn palette_ui(ctx: &egui::Context, query: &str, actions: &mut Vec<Action>) {
    egui::Modal::new(egui::Id::unique("palette")).show(ctx, |ui| {
        ui.set_width(420.0);
        let mut typed = query.to_string();
        let response = ui.add(
            egui::TextEdit::singleline(&mut typed)
                .hint_text("Type a command")
                .desired_width(f32::INFINITY),
        );
        response.request_focus();
        if typed != query {
            actions.push(Action::SetPalette(Some(typed.clone())));
        }
        let needle = typed.to_lowercase();
        let matches: Vec<UiCommand> = UiCommand::all()
            .into_iter()
            .filter(|c| c.text().to_lowercase().contains(&needle))
            .collect();
        let mut chosen = None;
        for command in &matches {
            let shortcut = command.shortcut_text(ui.ctx());
            if ui
                .add(egui::Button::new(command.text()).shortcut_text(shortcut))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                chosen = Some(*command);
            }
        }
        if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = matches.first().copied();
        }
        if let Some(command) = chosen {
            actions.push(Action::SetPalette(None));
            actions.push(Action::Command(command));
        } else if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            actions.push(Action::SetPalette(None));
        }
    });
}

/// The progress of the background job, with a Cancel button.
pub fn job_ui(ctx: &egui::Context, job: &Job, actions: &mut Vec<Action>) {
    egui::Modal::new(egui::Id::unique("job")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.label(&job.label);
        let bar = match job.progress.fraction() {
            Some(f) => egui::ProgressBar::new(f).show_percentage(),
            None => egui::ProgressBar::new(0.0).animate(true),
        };
        ui.add(bar);
        if job.is_cancelling() {
            ui.weak("Cancelling…");
        } else if ui.button("Cancel").clicked() {
            actions.push(Action::CancelJob);
        }
    });
}
