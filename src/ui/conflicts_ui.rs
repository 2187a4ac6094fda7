//! The merge conflicts of the open project (two people edited the same annotation, see
//! [`crate::model::conflict`]): each with both versions, and a button to keep either.
//! The panel shows while any is left, so a merged project cannot be finished by mistake
//! with a conflict in it.

use super::action::{Action, EditAction};
use super::labels::{Version, describe_version};
use crate::edit::resolve::Pick;
use crate::model::{AnnotationRef, Filler, Project};

/// Lists every conflict of `project`.
pub fn conflicts_ui(ui: &mut egui::Ui, project: &Project, actions: &mut Vec<Action>) {
    let count: usize = project.documents.iter().map(|d| d.conflicts.len()).sum();
    ui.horizontal(|ui| {
        ui.heading("Merge conflicts");
        ui.label(format!(
            "{count} annotation(s) were changed differently by two people: keep one version of each"
        ));
    });
    // Only the rows in view are described: a description reads the article's text.
    let rows: Vec<(usize, usize)> = project
        .documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.conflicts.len()).map(move |i| (d, i)))
        .collect();
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ScrollArea::both()
        .id_salt("conflicts")
        .auto_shrink([false, true])
        .max_height(180.0)
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for &(doc_index, index) in rows.get(range).unwrap_or_default() {
                let Some(doc) = project.documents.get(doc_index) else {
                    continue;
                };
                let Some(conflict) = doc.conflicts.get(index) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    if ui
                        .link(format!("{} · {}", doc.name, conflict.target))
                        .on_hover_text("Show it in the text")
                        .clicked()
                    {
                        actions.push(Action::ShowDocument(doc_index));
                        let target = match conflict.target {
                            AnnotationRef::Mention(id) => Some(Filler::Mention(id)),
                            AnnotationRef::Event(id) => Some(Filler::Event(id)),
                            AnnotationRef::Relation(_) => None,
                        };
                        if target.is_some_and(|t| doc.has_filler(t)) {
                            actions.push(Action::Select {
                                target,
                                scroll: true,
                            });
                        }
                    }
                    let kept = Version::in_document(doc, conflict.target);
                    let other = Version::other(&conflict.other);
                    for (pick, side, version) in [
                        (Pick::Kept, &conflict.kept, kept),
                        (Pick::Other, &conflict.other_side, other),
                    ] {
                        let text = describe_version(project, doc, &version);
                        if ui
                            .button(format!("Keep {side}'s: {text}"))
                            .on_hover_text(format!("Keep {side}'s version; the other goes"))
                            .clicked()
                        {
                            actions.push(Action::Edit(EditAction::ResolveConflict {
                                doc: doc_index,
                                index,
                                pick,
                            }));
                        }
                    }
                });
            }
        });
}
