//! The adjudication panel: how far the gold version has got (for the project and per
//! document), the item shown with each annotator's version and the keys that decide
//! it, and the list of what is left.

use super::action::{Action, AdjudicationAction};
use super::adjudication::AdjudicationState;
use super::command::UiCommand;
use crate::review::merge::{ItemKind, Tally};

/// The letter of version `v` (A, B, C...).
pub fn version_letter(v: usize) -> char {
    u8::try_from(v)
        .ok()
        .filter(|v| *v < 26)
        .map_or('?', |v| char::from(b'A' + v))
}

/// Shows the adjudication of the open (gold) project.
pub fn adjudication_ui(
    ui: &mut egui::Ui,
    state: &AdjudicationState,
    shown_doc: usize,
    actions: &mut Vec<Action>,
) {
    let names: Vec<&str> = state.annotators.iter().map(|a| a.name.as_str()).collect();
    let project = state.progress.project;
    ui.horizontal(|ui| {
        ui.heading("Adjudication");
        ui.label(format!(
            "gold version from {} · agreed under \"{}\"",
            names.join(", "),
            state.strategy
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Stop adjudicating (the gold project stays open)")
                .clicked()
            {
                actions.push(Action::Adjudication(AdjudicationAction::Close));
            }
        });
    });
    ui.horizontal(|ui| {
        tally_ui(ui, "Project", &project, 260.0);
        if let Some(doc) = state.progress.documents.get(shown_doc) {
            ui.separator();
            tally_ui(ui, "This document", &doc.tally, 180.0);
        }
    });
    ui.separator();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_max_width(ui.available_width() * 0.55);
            current_item_ui(ui, state, actions);
        });
        ui.separator();
        ui.vertical(|ui| items_ui(ui, state, actions));
    });
}

/// `Project: 120 of 150 decided (3 rejected) · 12 items left`, with a bar.
fn tally_ui(ui: &mut egui::Ui, label: &str, tally: &Tally, width: f32) {
    let total = tally.total().max(1);
    let share = tally.decided() as f32 / total as f32;
    ui.label(format!(
        "{label}: {} of {} decided ({} agreed, {} accepted, {} rejected) · {} item(s) left",
        tally.decided(),
        tally.total(),
        tally.agreed,
        tally.accepted,
        tally.rejected,
        tally.open_items
    ));
    ui.add(
        egui::ProgressBar::new(share)
            .desired_width(width)
            .show_percentage(),
    );
}

/// The item shown: what it is about and each version, with the keys that decide it.
fn current_item_ui(ui: &mut egui::Ui, state: &AdjudicationState, actions: &mut Vec<Action>) {
    let Some(item) = state.current_item() else {
        if state.items.is_empty() {
            ui.strong("Nothing left to adjudicate: the gold version is complete.");
        } else {
            let next = UiCommand::NextDisagreement.shortcut_text(ui.ctx());
            ui.label(format!(
                "{} item(s) to adjudicate: {next} shows the first",
                state.items.len()
            ));
        }
        return;
    };
    let kind = match item.kind {
        ItemKind::Mention => "Mention",
        ItemKind::Event => "Event",
        ItemKind::Argument => "Argument",
        ItemKind::Relation => "Relation",
    };
    ui.strong(format!(
        "{kind}: {} version(s) — which goes into the gold version?",
        item.versions.len()
    ));
    for (v, version) in item.versions.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let command = UiCommand::AcceptVersion(v);
            let shortcut = command.shortcut_text(ui.ctx());
            let text = if shortcut.is_empty() {
                format!("Accept {}", version_letter(v))
            } else {
                format!("Accept {} ({shortcut})", version_letter(v))
            };
            if ui
                .button(text)
                .on_hover_text("Put this version into the gold version; the others are rejected")
                .clicked()
            {
                actions.push(Action::Adjudication(AdjudicationAction::Accept(v)));
            }
            ui.label(&version.label);
            ui.weak(format!("— {}", version.sources.join(", ")));
        });
    }
    ui.horizontal(|ui| {
        for command in [UiCommand::EditItem, UiCommand::RejectItem] {
            let shortcut = command.shortcut_text(ui.ctx());
            if ui
                .button(format!("{} ({shortcut})", command.text()))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                actions.push(Action::Command(command));
            }
        }
        super::widgets::step_buttons_ui(ui, actions);
    });
}

/// Every item left, by document and position; clicking one shows it.
fn items_ui(ui: &mut egui::Ui, state: &AdjudicationState, actions: &mut Vec<Action>) {
    ui.weak(format!("{} item(s) left", state.items.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("adjudication items")
        .auto_shrink(false)
        .show_rows(ui, row_height, state.items.len(), |ui, rows| {
            for i in rows {
                let Some(item) = state.items.get(i) else {
                    continue;
                };
                let name = state
                    .progress
                    .documents
                    .get(item.doc)
                    .map_or("", |d| d.name.as_str());
                let versions: Vec<&str> = item.versions.iter().map(|v| v.label.as_str()).collect();
                let text = format!("{name} · {}", versions.join(" | "));
                let response = ui.selectable_label(state.current == Some(i), text);
                if state.current == Some(i) {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    actions.push(Action::Adjudication(AdjudicationAction::Show(i)));
                }
            }
        });
}
