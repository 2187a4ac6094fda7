//! The review panel's tables: agreement per type and role, per document, and between
//! every pair of annotators. Type and document tables sort by any column (click its
//! header) and draw F1 as a bar, so the weakest types and documents stand out at a
//! glance.

use super::action::{Action, ReviewAction};
use super::review::{ReviewState, TableSort};
use crate::review::agreement::Counts;

/// One cell of a sortable table.
enum Cell {
    Text(String),
    Number(f64),
    Count(usize),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format!("{n:.3}"),
            Cell::Count(c) => c.to_string(),
        }
    }

    fn cmp(&self, other: &Cell) -> std::cmp::Ordering {
        match (self, other) {
            (Cell::Text(a), Cell::Text(b)) => a.cmp(b),
            (Cell::Number(a), Cell::Number(b)) => a.total_cmp(b),
            (Cell::Count(a), Cell::Count(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        }
    }
}

/// The cells of a row of counts: A, B, matches, precision, recall, F1.
fn count_cells(counts: Counts) -> [Cell; 6] {
    [
        Cell::Count(counts.in_a),
        Cell::Count(counts.in_b),
        Cell::Count(counts.matches),
        Cell::Number(counts.precision()),
        Cell::Number(counts.recall()),
        Cell::Number(counts.f1()),
    ]
}

/// Agreement per entity type, event type, role and relation type.
pub fn types_ui(ui: &mut egui::Ui, review: &ReviewState, actions: &mut Vec<Action>) {
    let pair = &review.agreement;
    let mut rows = Vec::new();
    for (kind, table) in [
        ("entity", &pair.per_entity_type),
        ("event", &pair.per_event_type),
        ("role", &pair.per_role),
        ("relation", &pair.per_relation_type),
    ] {
        for (name, &counts) in table {
            let mut row = vec![Cell::Text(kind.into()), Cell::Text(name.clone())];
            row.extend(count_cells(counts));
            rows.push(row);
        }
    }
    let headers = [
        "kind",
        "type",
        "A",
        "B",
        "same",
        "precision",
        "recall",
        "F1",
    ];
    sortable_table_ui(ui, "types table", &headers, rows, review.sort, actions);
}

/// Agreement per document.
pub fn documents_ui(ui: &mut egui::Ui, review: &ReviewState, actions: &mut Vec<Action>) {
    let rows = review
        .agreement
        .per_document
        .iter()
        .map(|d| {
            vec![
                Cell::Text(d.name.clone()),
                Cell::Count(d.mentions_exact.in_a),
                Cell::Count(d.mentions_exact.in_b),
                Cell::Number(d.events_trigger.f1()),
                Cell::Number(d.events_arguments.f1()),
                Cell::Number(d.relations.f1()),
                Cell::Number(d.mentions_exact.f1()),
            ]
        })
        .collect();
    let headers = [
        "document",
        "mentions A",
        "mentions B",
        "events F1",
        "arguments F1",
        "relations F1",
        "mentions F1",
    ];
    if let Some(row) =
        sortable_table_ui(ui, "documents table", &headers, rows, review.sort, actions)
        && let Some(d) = review.agreement.per_document.get(row)
    {
        actions.push(Action::Review(ReviewAction::ShowDocumentNamed(
            d.name.clone(),
        )));
    }
}

/// A table of rows whose last column is an F1 drawn as a bar too; clicking a header
/// sorts by it (again: the other way). Returns the row clicked, as an index into `rows`
/// as given.
fn sortable_table_ui(
    ui: &mut egui::Ui,
    id: &str,
    headers: &[&str],
    rows: Vec<Vec<Cell>>,
    sort: TableSort,
    actions: &mut Vec<Action>,
) -> Option<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&x, &y| {
        let (Some(a), Some(b)) = (
            rows.get(x).and_then(|r| r.get(sort.column)),
            rows.get(y).and_then(|r| r.get(sort.column)),
        ) else {
            return std::cmp::Ordering::Equal;
        };
        let ordering = a.cmp(b);
        if sort.descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new(id).striped(true).show(ui, |ui| {
                for (column, header) in headers.iter().enumerate() {
                    let arrow = match (sort.column == column, sort.descending) {
                        (true, false) => " ⏶",
                        (true, true) => " ⏷",
                        (false, _) => "",
                    };
                    if ui
                        .button(format!("{header}{arrow}"))
                        .on_hover_text(format!("Sort by {header}"))
                        .clicked()
                    {
                        let descending = sort.column == column && !sort.descending;
                        actions.push(Action::Review(ReviewAction::Sort(TableSort {
                            column,
                            descending,
                        })));
                    }
                }
                ui.end_row();
                for &i in &order {
                    let Some(row) = rows.get(i) else { continue };
                    for (column, cell) in row.iter().enumerate() {
                        let text = cell.text();
                        let response = if column == 0 {
                            ui.selectable_label(false, text)
                        } else {
                            ui.monospace(text)
                        };
                        if response.clicked() {
                            clicked = Some(i);
                        }
                    }
                    if let Some(Cell::Number(f1)) = row.last() {
                        bar_ui(ui, *f1);
                    }
                    ui.end_row();
                }
            });
        });
    clicked
}

/// A horizontal bar for a share between 0 and 1: red when low, green when high.
fn bar_ui(ui: &mut egui::Ui, share: f64) {
    let width = 120.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 12.0), egui::Sense::hover());
    let share = share.clamp(0.0, 1.0) as f32;
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let filled = egui::Rect::from_min_size(rect.min, egui::vec2(width * share, rect.height()));
    let color = egui::Color32::from_rgb((220.0 * (1.0 - share)) as u8, (170.0 * share) as u8, 60);
    painter.rect_filled(filled, 2.0, color);
    response.on_hover_text(format!("F1 {share:.3}"));
}

/// The pairwise table: one cell per pair of annotators, with the F1 of mentions and of
/// events; clicking a cell compares that pair.
pub fn pairs_ui(ui: &mut egui::Ui, review: &ReviewState, actions: &mut Vec<Action>) {
    ui.weak("F1 of mentions (exact) / events (trigger); the row's annotator is A. Click a pair to compare it.");
    let count = review.names.len();
    let mut index = 0;
    let mut cells = vec![vec![None; count]; count];
    for a in 0..count {
        for b in a + 1..count {
            if let Some(report) = review.pairs.get(index)
                && let Some(row) = cells.get_mut(a)
                && let Some(cell) = row.get_mut(b)
            {
                *cell = Some((report.mentions.exact.f1, report.events.trigger.f1));
            }
            index += 1;
        }
    }
    egui::Grid::new("pairs table").striped(true).show(ui, |ui| {
        ui.label("");
        for name in review.names.iter().skip(1) {
            ui.strong(name);
        }
        ui.end_row();
        for (a, name) in review
            .names
            .iter()
            .enumerate()
            .take(count.saturating_sub(1))
        {
            ui.strong(name);
            for b in 1..count {
                let Some(Some((mentions, events))) = cells.get(a).and_then(|r| r.get(b)) else {
                    ui.label("");
                    continue;
                };
                let text = format!("{mentions:.2} / {events:.2}");
                if ui
                    .selectable_label(review.pair == (a, b), text)
                    .on_hover_text(format!(
                        "Compare {name} (A) with {} (B)",
                        review.names.get(b).map_or("", String::as_str)
                    ))
                    .clicked()
                {
                    actions.push(Action::Review(ReviewAction::ChoosePair(a, b)));
                }
            }
            ui.end_row();
        }
    });
}
