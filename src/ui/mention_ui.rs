//! The selected mention: its type, text, attributes and note, the events it takes part
//! in, and its deletion.

use super::action::{Action, EditAction};
use super::state::ViewState;
use super::widgets::{TextField, committed_text_ui};
use crate::model::{AttrKind, AttrValue, Attributes, Filler, Project, Schema};

/// Shows the selected mention, if a mention is selected.
pub fn mention_ui(
    ui: &mut egui::Ui,
    project: &Project,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let Some(Filler::Mention(id)) = view.selected else {
        return;
    };
    let Some(doc) = project.documents.get(view.doc) else {
        return;
    };
    let Some(mention) = doc.mention(id) else {
        return;
    };
    let schema = &project.schema;
    ui.heading(format!("Mention {id}"));
    ui.label(format!("«{}»", doc.covered_text(&mention.ranges)));
    ranges_ui(ui, doc, id, &mention.ranges, actions);
    egui::ComboBox::from_label("Entity type")
        .selected_text(schema.label(&mention.entity_type))
        .show_ui(ui, |ui| {
            for t in &schema.entity_types {
                if ui
                    .selectable_label(t.name == mention.entity_type, &t.label)
                    .clicked()
                    && t.name != mention.entity_type
                {
                    actions.push(EditAction::SetMentionType(id, t.name.clone()).into());
                }
            }
        });
    super::date_hint_ui::date_hint_ui(ui, project, view.doc, id, actions);
    attributes_ui(
        ui,
        schema,
        Filler::Mention(id),
        &mention.entity_type,
        &mention.attributes,
        actions,
    );
    note_ui(ui, Filler::Mention(id), &mention.note, actions);
    let events: Vec<_> = doc.events_with_argument(Filler::Mention(id)).collect();
    if !events.is_empty() {
        ui.label("Takes part in:");
        for event in events {
            let event_type = schema.event_type(&event.event_type);
            let roles: Vec<&str> = event
                .arguments
                .iter()
                .filter(|a| a.filler == Filler::Mention(id))
                .map(|a| {
                    event_type
                        .and_then(|t| t.role(&a.role))
                        .map_or(a.role.as_str(), |r| r.label.as_str())
                })
                .collect();
            let text = format!(
                "{} {} ({})",
                event.id,
                schema.label(&event.event_type),
                roles.join(", ")
            );
            if ui.link(text).clicked() {
                actions.push(Action::Select {
                    target: Some(Filler::Event(event.id)),
                    scroll: true,
                });
            }
        }
    }
    if let Some((event, role)) = &view.active_role
        && ui
            .button(format!("Fill “{role}” of {event} with {id}"))
            .clicked()
    {
        actions.push(EditAction::AddArgument(*event, role.clone(), Filler::Mention(id)).into());
    }
    if ui
        .button("🗑 Delete mention")
        .on_hover_text("Delete this mention and the arguments that use it (Delete)")
        .clicked()
    {
        actions.push(EditAction::Delete(Filler::Mention(id)).into());
    }
    if !mention.author.is_empty() {
        ui.weak(format!(
            "last changed by {} at {}",
            mention.author, mention.changed
        ));
    }
    ui.separator();
}

/// The ranges of a mention, each with its characters and, when it has several (a
/// discontinuous mention), a button that removes it. Ctrl+drag adds one.
fn ranges_ui(
    ui: &mut egui::Ui,
    doc: &crate::model::Document,
    id: crate::model::MentionId,
    ranges: &[crate::model::Span],
    actions: &mut Vec<Action>,
) {
    for (i, r) in ranges.iter().enumerate() {
        ui.horizontal(|ui| {
            let words = doc.covered_text(&[*r]);
            ui.weak(format!("characters {}–{}", r.start, r.end));
            if ranges.len() > 1
                && ui
                    .button(format!("Remove “{words}”"))
                    .on_hover_text("Remove this piece of the mention")
                    .clicked()
            {
                actions.push(EditAction::RemoveRange(id, i).into());
            }
        });
    }
    ui.weak("Ctrl+drag adds words to it; Shift+Left/Right moves its end, Ctrl+Shift+Left/Right its start");
}

/// Attribute editors for an annotation of type `type_name`; returns the id of the first
/// (to give it the keyboard), if the type has any.
pub fn attributes_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    target: Filler,
    type_name: &str,
    attributes: &Attributes,
    actions: &mut Vec<Action>,
) -> Option<egui::Id> {
    let mut first = None;
    for def in schema.attributes_for(type_name) {
        let current = attributes.get(&def.name);
        let response = match &def.kind {
            AttrKind::Flag => {
                let mut on = current.is_some();
                let response = ui.checkbox(&mut on, &def.label);
                if response.changed() {
                    let value = on.then_some(AttrValue::Flag);
                    actions.push(EditAction::SetAttribute(target, def.name.clone(), value).into());
                }
                response
            }
            AttrKind::Values(values) => {
                let shown = match current {
                    Some(AttrValue::Value(v)) => v.as_str(),
                    _ => "—",
                };
                egui::ComboBox::new((target, &def.name), &def.label)
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), "—").clicked() {
                            actions.push(
                                EditAction::SetAttribute(target, def.name.clone(), None).into(),
                            );
                        }
                        for v in values {
                            if ui.selectable_label(shown == v, v).clicked() {
                                let value = Some(AttrValue::Value(v.clone()));
                                actions.push(
                                    EditAction::SetAttribute(target, def.name.clone(), value)
                                        .into(),
                                );
                            }
                        }
                    })
                    .response
            }
            AttrKind::Text => {
                let id = ui.scope_id().with(("attr", target, &def.name));
                let stored = match current {
                    Some(AttrValue::Value(v)) => v.clone(),
                    _ => String::new(),
                };
                ui.horizontal(|ui| {
                    let label = ui.label(&def.label);
                    let field = committed_text_ui(ui, id, &stored, TextField::WideLine);
                    let response = field.response.labelled_by(label.id);
                    if let Some(text) = field.committed {
                        let value = (!text.is_empty()).then_some(AttrValue::Value(text));
                        actions
                            .push(EditAction::SetAttribute(target, def.name.clone(), value).into());
                    }
                    response
                })
                .inner
            }
        };
        first.get_or_insert(response.id);
    }
    first
}

/// The note of an annotation.
pub fn note_ui(ui: &mut egui::Ui, target: Filler, note: &str, actions: &mut Vec<Action>) {
    let label = ui.label("Note");
    let id = ui.scope_id().with(("note", target));
    let field = committed_text_ui(ui, id, note, TextField::Lines);
    field.response.labelled_by(label.id);
    if let Some(text) = field.committed {
        actions.push(EditAction::SetNote(target, text).into());
    }
}
