//! The status bar: what the user can do next, what just happened, and whether the
//! autosave works.

use super::state::ViewState;

/// Shows the status bar; `autosave_problem` stays shown until an autosave succeeds.
pub fn status_ui(
    ui: &mut egui::Ui,
    view: &ViewState,
    autosave_problem: Option<&str>,
    frame_time: Option<f32>,
) {
    ui.horizontal(|ui| {
        if let Some(linking) = view.linking {
            let text = match linking.to {
                None => format!(
                    "Click a highlight to link {} to it, or Tab to one and Enter — Esc cancels",
                    linking.from
                ),
                Some(to) => format!("Choose the type of {} to {to} — Esc cancels", linking.from),
            };
            ui.colored_label(ui.visuals().warn_fg_color, text);
        } else if let Some((event, role)) = &view.active_role {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Click a highlight to fill “{role}” of {event} — Esc cancels"),
            );
        } else if let Some(sel) = view.selection {
            ui.label(format!(
                "Selected characters {}–{}: press an entity key, or Shift+key for an event",
                sel.start, sel.end
            ));
        } else {
            ui.weak("Drag or double-click text to select it; click a highlight to edit it");
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if view.show_frame_time
                && let Some(seconds) = frame_time
            {
                ui.monospace(format!("frame {:.2} ms", seconds * 1000.0));
            }
            if let Some(problem) = autosave_problem {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {problem}"));
            }
            ui.label(&view.status);
        });
    });
}
