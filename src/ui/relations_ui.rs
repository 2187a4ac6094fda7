//! Relations: the list of the document's relations in the side panel (each with its
//! type and a delete button), and the small window that asks a new relation's type
//! once its two ends are clicked. Both read state and push actions; the edits happen
//! in `handle/`.

use super::action::{Action, EditAction};
use super::labels::describe;
use super::state::{Linking, ViewState};
use crate::model::{Document, Filler, Project, Relation, RelationType};

/// Past this many, the relations of other annotations than the selected one start
/// folded.
const FOLDED_FROM: usize = 30;

/// The entity or event type of an annotation of `doc`.
fn type_of(doc: &Document, filler: Filler) -> Option<&str> {
    match filler {
        Filler::Mention(id) => doc.mention(id).map(|m| m.entity_type.as_str()),
        Filler::Event(id) => doc.event(id).map(|e| e.event_type.as_str()),
    }
}

/// True when the schema allows `arg1 -> arg2` for relations of type `t`.
fn fits(t: &RelationType, doc: &Document, arg1: Filler, arg2: Filler) -> bool {
    let allows = |types: &[String], end| {
        type_of(doc, end).is_some_and(|n| types.is_empty() || types.iter().any(|x| x == n))
    };
    allows(&t.arg1, arg1) && allows(&t.arg2, arg2)
}

/// The document's relations, "type: A -> B", each with a type combo and a delete button;
/// those of the selected annotation first.
pub fn relations_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let Some(doc) = project.documents.get(view.doc) else {
        return;
    };
    ui.strong(format!("Relations ({})", doc.relations.len()));
    if let Some(from) = view.selected
        && ui
            .button("Link to another annotation…")
            .on_hover_text("Then click the other highlight and choose the type (Ctrl+L)")
            .clicked()
    {
        actions.push(Action::SetLinking(Some(Linking::from(from))));
    }
    // The selected annotation's relations always; the others in a section that a long
    // list (thousands in some corpora) starts folded, so it costs nothing per frame.
    let (mine, others): (Vec<&Relation>, Vec<&Relation>) = doc
        .relations
        .iter()
        .partition(|r| view.selected.is_some_and(|s| r.involves(s)));
    for r in mine {
        relation_row(ui, project, doc, r, actions);
    }
    if !others.is_empty() {
        egui::CollapsingHeader::new(format!("Other relations ({})", others.len()))
            .id_salt(("other relations", view.doc))
            .default_open(others.len() <= FOLDED_FROM)
            .show(ui, |ui| {
                for r in others {
                    relation_row(ui, project, doc, r, actions);
                }
            });
    }
    equivalences_ui(ui, project, doc, view, actions);
    ui.separator();
}

/// The document's groups of equivalent annotations (brat's `Equiv` lines), each as its
/// type and its members, links that select them; the selected annotation's first.
fn equivalences_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    if doc.equivalences.is_empty() {
        return;
    }
    let mut groups: Vec<&crate::model::Equivalence> = doc.equivalences.iter().collect();
    // Stable: the selected annotation's groups first, the others in file order.
    groups.sort_by_key(|g| !view.selected.is_some_and(|s| g.members.contains(&s)));
    egui::CollapsingHeader::new(format!("Equivalent annotations ({})", groups.len()))
        .id_salt(("equivalences", view.doc))
        .default_open(groups.len() <= FOLDED_FROM)
        .show(ui, |ui| {
            for group in groups {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{}:", project.schema.label(&group.relation_type)));
                    for (i, &member) in group.members.iter().enumerate() {
                        if i > 0 {
                            ui.label("=");
                        }
                        let chosen = view.selected == Some(member);
                        let text = describe(project, doc, member);
                        if ui.selectable_label(chosen, text).clicked() {
                            actions.push(Action::Select {
                                target: Some(member),
                                scroll: true,
                            });
                        }
                    }
                });
            }
        });
}

/// One relation: its type (a menu), its ends (links that select them) and a delete
/// button.
fn relation_row(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    r: &Relation,
    actions: &mut Vec<Action>,
) {
    let schema = &project.schema;
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new(("relation type", r.id), format!("{}:", r.id))
            .selected_text(schema.label(&r.relation_type))
            .show_ui(ui, |ui| {
                for t in &schema.relation_types {
                    if ui
                        .selectable_label(t.name == r.relation_type, &t.label)
                        .clicked()
                        && t.name != r.relation_type
                    {
                        actions.push(EditAction::SetRelationType(r.id, t.name.clone()).into());
                    }
                }
            });
        for (i, end) in [r.arg1, r.arg2].into_iter().enumerate() {
            if i == 1 {
                ui.label("->");
            }
            if ui.link(describe(project, doc, end)).clicked() {
                actions.push(Action::Select {
                    target: Some(end),
                    scroll: true,
                });
            }
        }
        if ui
            .button(format!("🗑 Delete {}", r.id))
            .on_hover_text("Delete this relation")
            .clicked()
        {
            actions.push(EditAction::DeleteRelation(r.id).into());
        }
    });
}

/// The keys that pick the first nine relation types.
const NUMBER_KEYS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

/// Asks the type of the relation being made, once both its ends are known: the types
/// the schema allows between them first, then the others.
pub fn relation_type_ui(
    ctx: &egui::Context,
    project: &Project,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let Some(Linking {
        from, to: Some(to), ..
    }) = view.linking
    else {
        return;
    };
    let Some(doc) = project.documents.get(view.doc) else {
        return;
    };
    let (fitting, others): (Vec<&RelationType>, Vec<&RelationType>) = project
        .schema
        .relation_types
        .iter()
        .partition(|t| fits(t, doc, from, to));
    egui::Window::new("Relation type")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!(
                "{} -> {}",
                describe(project, doc, from),
                describe(project, doc, to)
            ));
            // The first nine are also picked with their digit.
            let pressed = ctx.input(|i| NUMBER_KEYS.iter().position(|k| i.key_pressed(*k)));
            let mut number = 0;
            for (i, types) in [fitting, others].into_iter().enumerate() {
                if i == 1 && !types.is_empty() {
                    ui.weak("Not allowed by the schema for these types:");
                }
                for t in types {
                    let text = if number < NUMBER_KEYS.len() {
                        format!("{}  {}", number + 1, t.label)
                    } else {
                        t.label.clone()
                    };
                    let clicked = ui.button(text).on_hover_text(&t.name).clicked();
                    if clicked || pressed == Some(number) {
                        actions.push(EditAction::AddRelation(from, to, t.name.clone()).into());
                    }
                    number += 1;
                }
            }
            if project.schema.relation_types.is_empty() {
                ui.weak("The schema has no relation type (Schema > Edit schema… adds one)");
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::SetLinking(None));
            }
        });
}
