//! The editor open on a cell of the event table, as a popup below the cell: the fillers
//! of a role ([`super::filler_popup_ui`]) or the attributes of the event (flags as
//! checkboxes, lists of values as combos, texts such as the normalised date as fields).
//!
//! The popup starts with the keyboard in it; Esc or a press outside closes it (then the
//! keyboard goes back to the table). What it changes goes through actions, as anywhere.

use super::action::Action;
use super::state::ViewState;
use super::table_cursor::{CellAction, CellEditor};
use crate::model::{Document, Event, Filler, Project};

fn popup_id() -> egui::Id {
    egui::Id::unique("event table cell editor")
}

/// Forgets which editor the popup showed last (none is open now), so that the next one
/// starts with the keyboard in it.
pub fn forget_popup(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<CellEditor>(popup_id()));
}

/// Closes the popup and gives the keyboard back to the table.
pub fn close_popup(ctx: &egui::Context, actions: &mut Vec<Action>) {
    actions.push(Action::TableCell(CellAction::Close));
    super::table_keys::focus_table(ctx);
}

/// Shows the editor open on a cell of the table, below `anchor` (the cell).
pub fn cell_popup_ui(
    ui: &egui::Ui,
    anchor: egui::Rect,
    project: &Project,
    doc: &Document,
    view: &ViewState,
    generation: (u64, usize),
    actions: &mut Vec<Action>,
) {
    let Some(editor) = view.table_cursor.editor.clone() else {
        return;
    };
    let ctx = ui.ctx().clone();
    // Its event may be gone (undone, deleted).
    let Some(event) = doc.event(editor.event()) else {
        actions.push(Action::TableCell(CellAction::Dismiss(editor)));
        return;
    };
    let first = ctx.data(|d| d.get_temp::<CellEditor>(popup_id())).as_ref() != Some(&editor);
    if first {
        ctx.data_mut(|d| d.insert_temp(popup_id(), editor.clone()));
    }
    egui::Area::new(popup_id())
        .order(egui::Order::Foreground)
        .fixed_pos(anchor.left_bottom())
        .constrain(true)
        .show(&ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(460.0);
                match &editor {
                    CellEditor::Fillers { role, .. } => {
                        let input = super::filler_popup_ui::FillerInput {
                            project,
                            doc,
                            event,
                            role,
                            cursor: &view.table_cursor,
                            first,
                            generation,
                        };
                        super::filler_popup_ui::fillers_ui(ui, &input, actions);
                    }
                    CellEditor::Attributes { .. } => {
                        attributes_popup_ui(ui, project, event, first, actions);
                    }
                    CellEditor::Type { .. } => {}
                }
            });
        });
    // A press outside (not in a popup of its own, such as a combo's list) closes it.
    let outside = ctx.input(|i| i.pointer.press_origin().filter(|_| i.pointer.any_pressed()));
    if let Some(pos) = outside
        && ctx
            .layer_id_at(pos)
            .is_none_or(|l| l.order < egui::Order::Foreground)
    {
        actions.push(Action::TableCell(CellAction::Dismiss(editor)));
    }
}

/// The attributes of `event` that its type may carry.
fn attributes_popup_ui(
    ui: &mut egui::Ui,
    project: &Project,
    event: &Event,
    first: bool,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.strong(format!("Attributes of {}", event.id));
        if ui.small_button("✖").on_hover_text("Close (Esc)").clicked() {
            close_popup(ui.ctx(), actions);
        }
    });
    let first_widget = super::mention_ui::attributes_ui(
        ui,
        &project.schema,
        Filler::Event(event.id),
        &event.event_type,
        &event.attributes,
        actions,
    );
    match first_widget {
        None => {
            ui.weak("Events of this type have no attributes (the schema editor adds some)");
        }
        Some(id) if first => ui.memory_mut(|m| m.request_focus(id)),
        Some(_) => {}
    }
}
