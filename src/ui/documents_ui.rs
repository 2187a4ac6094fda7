//! The list of documents on the left: name, status, counts; the status of the shown one.

use super::action::{Action, EditAction};
use super::command::UiCommand;
use crate::formats::Format;
use crate::model::{DocStatus, Project};

/// A mark for each status, so the list reads at a glance.
fn status_mark(status: DocStatus) -> &'static str {
    match status {
        DocStatus::New => "○",
        DocStatus::InProgress => "◑",
        DocStatus::Done => "✔",
    }
}

/// Shows the documents and pushes [`Action::ShowDocument`] / [`EditAction::SetStatus`].
pub fn documents_ui(
    ui: &mut egui::Ui,
    project: &Project,
    current: usize,
    to_come: Option<usize>,
    actions: &mut Vec<Action>,
) {
    ui.heading("Documents");
    if let Some(to_come) = to_come {
        // No spinner: it would repaint every frame; the reader repaints once done.
        ui.label(format!("Reading {to_come} more…"))
            .on_hover_text("The first document can be edited meanwhile; saving waits for the rest");
    }
    let done = project
        .documents
        .iter()
        .filter(|d| d.status == DocStatus::Done)
        .count();
    ui.weak(format!("{done} of {} done", project.documents.len()));
    if !project.annotators.is_empty() {
        ui.weak(format!("Annotated by {}", project.annotators.join(", ")))
            .on_hover_text("Everyone who changed this project (Settings: your name)");
    }
    if let Some(doc) = project.documents.get(current) {
        ui.horizontal(|ui| {
            for status in DocStatus::ALL {
                if ui
                    .selectable_label(doc.status == status, status.label())
                    .on_hover_text("Status of the shown document (Alt+1, Alt+2, Alt+3)")
                    .clicked()
                {
                    actions.push(EditAction::SetStatus(current, status).into());
                }
            }
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("documents")
        .auto_shrink(false)
        .show(ui, |ui| {
            for (i, doc) in project.documents.iter().enumerate() {
                let text = format!(
                    "{} {}\n    {} mentions · {} events",
                    status_mark(doc.status),
                    doc.name,
                    doc.mentions.len(),
                    doc.events.len()
                );
                let response = ui
                    .selectable_label(i == current, text)
                    .on_hover_text(format!("{} ({})", doc.id, doc.status.label()));
                if response.clicked() {
                    actions.push(Action::ShowDocument(i));
                }
            }
            let import = UiCommand::Import(Format::Text);
            if project.documents.is_empty() && ui.button(import.text()).clicked() {
                actions.push(Action::Command(import));
            }
        });
}
