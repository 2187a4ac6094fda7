//! The review panel: the agreement of a pair of annotators, and in tabs every
//! disagreement (filtered by kind; clicking one, or F8 / Shift+F8, shows it in the
//! text), the figures per type and per document, and the table of every pair.

use super::action::{Action, ReviewAction};
use super::review::{ReviewState, ReviewTab, Side};
use super::review_tables_ui::{documents_ui, pairs_ui, types_ui};
use crate::review::agreement::Scores;
use crate::review::disagreement::DisagreementKind;

/// Every kind of difference, in the order the filter lists them.
const KINDS: [DisagreementKind; 8] = [
    DisagreementKind::Mention,
    DisagreementKind::MentionType,
    DisagreementKind::MentionBoundaries,
    DisagreementKind::Event,
    DisagreementKind::EventType,
    DisagreementKind::Argument,
    DisagreementKind::EventAttribute,
    DisagreementKind::Relation,
];

/// How each side of a disagreement is drawn in the article (the article view and the
/// legend share it).
pub fn side_color(side: Side) -> egui::Color32 {
    match side {
        Side::OnlyA => egui::Color32::from_rgb(120, 60, 200),
        Side::OnlyB => egui::Color32::from_rgb(230, 120, 0),
        Side::Both => egui::Color32::from_rgb(210, 30, 40),
    }
}

/// Shows the comparison with the colleagues' projects.
pub fn review_ui(ui: &mut egui::Ui, review: &ReviewState, actions: &mut Vec<Action>) {
    let (a, b) = review.pair_names();
    ui.horizontal(|ui| {
        ui.heading("Review");
        ui.label(format!(
            "A: {a} · B: {b} · {} document(s) compared",
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
            legend_ui(ui);
        });
    });
    ui.horizontal(|ui| {
        let pairs = review.pairs.len();
        for (tab, label) in [
            (ReviewTab::Differences, "Differences"),
            (ReviewTab::Types, "By type"),
            (ReviewTab::Documents, "By document"),
            (ReviewTab::Pairs, "Pairs"),
        ] {
            let label = if tab == ReviewTab::Pairs {
                format!("{label} ({pairs})")
            } else {
                label.to_string()
            };
            if ui.selectable_label(review.tab == tab, label).clicked() {
                actions.push(Action::Review(ReviewAction::Tab(tab)));
            }
        }
    });
    ui.separator();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| figures_ui(ui, review));
        ui.separator();
        ui.vertical(|ui| match review.tab {
            ReviewTab::Differences => disagreements_ui(ui, review, actions),
            ReviewTab::Types => types_ui(ui, review, actions),
            ReviewTab::Documents => documents_ui(ui, review, actions),
            ReviewTab::Pairs => pairs_ui(ui, review, actions),
        });
    });
}

/// What the marks drawn in the article mean.
fn legend_ui(ui: &mut egui::Ui) {
    for (side, text) in [
        (Side::Both, "both, differently"),
        (Side::OnlyB, "only B"),
        (Side::OnlyA, "only A"),
    ] {
        ui.label(egui::RichText::new(text).color(side_color(side)))
            .on_hover_text("How the article marks this kind of difference");
    }
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
    if let Some(all) = review.all.filter(|_| review.names.len() > 2) {
        ui.label(format!(
            "All {} annotators: alpha {:.3} · Fleiss' kappa {:.3}",
            review.names.len(),
            all.alpha,
            all.fleiss_kappa
        ));
    }
}

/// The filter and the list of disagreements.
fn disagreements_ui(ui: &mut egui::Ui, review: &ReviewState, actions: &mut Vec<Action>) {
    let listed = review.listed();
    let disagreements = review.disagreements();
    ui.horizontal(|ui| {
        let count = |k: DisagreementKind| disagreements.iter().filter(|d| d.kind == k).count();
        let shown = review
            .kind
            .map_or("every kind".to_string(), |k| k.label().to_string());
        egui::ComboBox::from_label("Differences")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                let all = format!("every kind ({})", disagreements.len());
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
        let shown = review.type_name.as_deref().unwrap_or("every type");
        egui::ComboBox::from_label("of type")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(review.type_name.is_none(), "every type")
                    .clicked()
                {
                    actions.push(Action::Review(ReviewAction::FilterType(None)));
                }
                for (type_name, count) in review.types() {
                    let chosen = review.type_name.as_deref() == Some(type_name);
                    if ui
                        .selectable_label(chosen, format!("{type_name} ({count})"))
                        .clicked()
                    {
                        let filter = Some(type_name.to_string());
                        actions.push(Action::Review(ReviewAction::FilterType(filter)));
                    }
                }
            });
        super::widgets::step_buttons_ui(ui, actions);
        ui.weak(format!("{} listed", listed.len()));
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .id_salt("disagreements")
        .auto_shrink(false)
        .show_rows(ui, row_height, listed.len(), |ui, rows| {
            for &i in &listed[rows] {
                let Some(d) = disagreements.get(i) else {
                    continue;
                };
                let a = if d.a.is_empty() { "—" } else { &d.a };
                let b = if d.b.is_empty() { "—" } else { &d.b };
                let text = format!(
                    "{} · {} · {} «{}»   A: {a}   B: {b}",
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
