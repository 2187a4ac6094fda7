//! The review panel: the agreement with a colleague's project, and the list of every
//! disagreement, filtered by kind; clicking one (or F8 / Shift+F8) shows it in the text.

use super::action::{Action, ReviewAction};
use super::command::UiCommand;
use super::review::ReviewState;
use crate::review::agreement::Scores;
use crate::review::disagreement::DisagreementKind;

/// Every kind of difference, in the order the filter lists them.
const KINDS: [DisagreementKind; 7] = [
    DisagreementKind::Mention,
    DisagreementKind::MentionType,
    DisagreementKind::MentionBoundaries,
    DisagreementKind::Event,
    DisagreementKind::EventType,
    DisagreementKind::Argument,
    DisagreementKind::Relation,
];

/// Shows the comparison with the colleague's project.
pub fn review_ui(ui: &mut egui::Ui, review: &ReviewState, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading("Review");
        ui.label(format!(
            "yours (A) against {} (B): {} document(s) compared",
            review.path.display(),
            review.report.documents
        ));
        if !review.not_compared.is_empty() {
            ui.weak(format!("{} not compared", review.not_compared.len()))
                .on_hover_text(review.not_compared.join("\n"));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Stop comparing").clicked() {
                actions.push(Action::Review(ReviewAction::Close));
            }
        });
    });
    ui.separator();
    ui.horizontal_top(|ui| {
        figures_ui(ui, review);
        ui.separator();
        ui.vertical(|ui| disagreements_ui(ui, review, actions));
    });
}

/// The figures of the pair, as a small table.
fn figures_ui(ui: &mut egui::Ui, review: &ReviewState) {
    let report = &review.report;
    egui::Grid::new("agreement figures")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("");
            ui.strong("precision");
            ui.strong("recall");
            ui.strong("F1");
            ui.end_row();
            let rows: [(&str, Scores); 5] = [
                ("Mentions, exact", report.mentions.exact),
                ("Mentions, overlap", report.mentions.overlap),
                ("Events, trigger", report.events.trigger),
                ("Events, arguments", report.events.arguments),
                ("Relations", report.relations),
            ];
            for (label, s) in rows {
                ui.label(label);
                for value in [s.precision, s.recall, s.f1] {
                    ui.monospace(format!("{value:.3}"));
                }
                ui.end_row();
            }
        });
    ui.label(format!(
        "Mention types: kappa {:.3} · characters: alpha {:.3}",
        report.mentions.kappa, report.mentions.alpha
    ))
    .on_hover_text("Cohen's kappa on identically bounded mentions; Krippendorff's alpha over characters (docs/agreement.md)");
}

/// The filter and the list of disagreements.
fn disagreements_ui(ui: &mut egui::Ui, review: &ReviewState, actions: &mut Vec<Action>) {
    let listed = review.listed();
    ui.horizontal(|ui| {
        let count =
            |k: DisagreementKind| review.disagreements.iter().filter(|d| d.kind == k).count();
        let shown = review
            .kind
            .map_or("every kind".to_string(), |k| k.label().to_string());
        egui::ComboBox::from_label("Differences")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                let all = format!("every kind ({})", review.disagreements.len());
                if ui.selectable_label(review.kind.is_none(), all).clicked() {
                    actions.push(Action::Review(ReviewAction::Filter(None)));
                }
                for kind in KINDS {
                    let text = format!("{} ({})", kind.label(), count(kind));
                    if ui
                        .selectable_label(review.kind == Some(kind), text)
                        .clicked()
                    {
                        actions.push(Action::Review(ReviewAction::Filter(Some(kind))));
                    }
                }
            });
        for (command, label) in [
            (UiCommand::PreviousDisagreement, "◀"),
            (UiCommand::NextDisagreement, "▶"),
        ] {
            let shortcut = command.shortcut_text(ui.ctx());
            if ui
                .button(label)
                .on_hover_text(format!("{} ({shortcut})", command.text()))
                .clicked()
            {
                actions.push(Action::Command(command));
            }
        }
        ui.weak(format!("{} listed", listed.len()));
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("disagreements")
        .auto_shrink(false)
        .show_rows(ui, row_height, listed.len(), |ui, rows| {
            for &i in &listed[rows] {
                let Some(d) = review.disagreements.get(i) else {
                    continue;
                };
                let yours = if d.a.is_empty() { "—" } else { &d.a };
                let theirs = if d.b.is_empty() { "—" } else { &d.b };
                let text = format!(
                    "{} · {} · {} «{}»   yours: {yours}   theirs: {theirs}",
                    d.document,
                    d.kind.label(),
                    d.type_name,
                    d.text
                );
                let response = ui.selectable_label(review.current == Some(i), text);
                if review.current == Some(i) {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    actions.push(Action::Review(ReviewAction::Show(i)));
                }
            }
        });
}
