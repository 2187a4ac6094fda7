//! The Problems panel: every annotation that does not fit the schema, one line each,
//! with a filter by kind; a click shows the annotation. It reads its state and pushes
//! actions.

use super::action::{Action, ProblemsAction};
use super::problems::ProblemsState;
use crate::model::conformance::ProblemKind;

/// The Problems panel.
pub fn problems_ui(ui: &mut egui::Ui, problems: &ProblemsState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.strong("Problems");
        ui.label(format!("{} in the project", problems.all().len()));
        let shown = problems.filter.map_or("every kind", ProblemKind::label);
        egui::ComboBox::new("problem kind", "Kind")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(problems.filter.is_none(), "every kind")
                    .clicked()
                {
                    actions.push(Action::Problems(ProblemsAction::Filter(None)));
                }
                for kind in ProblemKind::ALL {
                    if ui
                        .selectable_label(problems.filter == Some(kind), kind.label())
                        .clicked()
                    {
                        actions.push(Action::Problems(ProblemsAction::Filter(Some(kind))));
                    }
                }
            })
            .response
            .on_hover_text("List only the problems of one kind");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Close the problems list")
                .clicked()
            {
                actions.push(Action::Problems(ProblemsAction::Close));
            }
        });
    });
    ui.separator();
    if problems.shown_len() == 0 {
        ui.weak("No problem: every annotation fits the schema.");
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .id_salt("problems list")
        .auto_shrink(false)
        .show_rows(ui, row_height, problems.shown_len(), |ui, rows| {
            for i in rows {
                let Some((problem, line)) = problems.shown(i) else {
                    continue;
                };
                let button = egui::Button::selectable(problems.current == Some(i), line);
                if ui.add(button).on_hover_text(problem.kind.label()).clicked() {
                    actions.push(Action::Problems(ProblemsAction::Show(i)));
                }
            }
        });
}
