//! The selected mention: its type, text, attributes and note, the events it takes part
//! in, and its deletion.

use super::command::Action;
use super::state::ViewState;
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
    ui.label(format!(
        "«{}»",
        crate::model::span::covered_text(&doc.text, &mention.ranges)
    ));
    let ranges: Vec<String> = mention
        .ranges
        .iter()
        .map(|r| format!("{}–{}", r.start, r.end))
        .collect();
    ui.weak(format!("characters {}", ranges.join(", ")));
    egui::ComboBox::from_label("Entity type")
        .selected_text(schema.label(&mention.entity_type))
        .show_ui(ui, |ui| {
            for t in &schema.entity_types {
                if ui
                    .selectable_label(t.name == mention.entity_type, &t.label)
                    .clicked()
                    && t.name != mention.entity_type
                {
                    actions.push(Action::SetMentionType(id, t.name.clone()));
                }
            }
        });
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
        actions.push(Action::AddArgument(
            *event,
            role.clone(),
            Filler::Mention(id),
        ));
    }
    if ui
        .button("🗑 Delete mention")
        .on_hover_text("Delete this mention and the arguments that use it (Delete)")
        .clicked()
    {
        actions.push(Action::Delete(Filler::Mention(id)));
    }
    if !mention.author.is_empty() {
        ui.weak(format!(
            "last changed by {} at {}",
            mention.author, mention.changed
        ));
    }
    ui.separator();
}

/// Attribute editors for an annotation of type `type_name`.
pub fn attributes_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    target: Filler,
    type_name: &str,
    attributes: &Attributes,
    actions: &mut Vec<Action>,
) {
    for def in schema.attributes_for(type_name) {
        let current = attributes.get(&def.name);
        match &def.kind {
            AttrKind::Flag => {
                let mut on = current.is_some();
                if ui.checkbox(&mut on, &def.label).changed() {
                    let value = on.then_some(AttrValue::Flag);
                    actions.push(Action::SetAttribute(target, def.name.clone(), value));
                }
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
                            actions.push(Action::SetAttribute(target, def.name.clone(), None));
                        }
                        for v in values {
                            if ui.selectable_label(shown == v, v).clicked() {
                                let value = Some(AttrValue::Value(v.clone()));
                                actions.push(Action::SetAttribute(target, def.name.clone(), value));
                            }
                        }
                    });
            }
            AttrKind::Text => {
                let id = ui.scope_id().with(("attr", target, &def.name));
                let stored = match current {
                    Some(AttrValue::Value(v)) => v.clone(),
                    _ => String::new(),
                };
                ui.horizontal(|ui| {
                    let label = ui.label(&def.label);
                    if let Some(text) = committed_text_ui(ui, id, &stored, false, label.id) {
                        let value = (!text.is_empty()).then_some(AttrValue::Value(text));
                        actions.push(Action::SetAttribute(target, def.name.clone(), value));
                    }
                });
            }
        }
    }
}

/// The note of an annotation.
pub fn note_ui(ui: &mut egui::Ui, target: Filler, note: &str, actions: &mut Vec<Action>) {
    let label = ui.label("Note");
    let id = ui.scope_id().with(("note", target));
    if let Some(text) = committed_text_ui(ui, id, note, true, label.id) {
        actions.push(Action::SetNote(target, text));
    }
}

/// A text field that edits a draft and returns the text once the user leaves the field
/// with a change, so that one edit (and one undo step) covers the whole typing.
fn committed_text_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    stored: &str,
    multiline: bool,
    labelled_by: egui::Id,
) -> Option<String> {
    let mut draft: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| stored.to_string());
    let editor = if multiline {
        egui::TextEdit::multiline(&mut draft).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut draft)
    };
    let response = ui
        .add(editor.id(id).desired_width(f32::INFINITY))
        .labelled_by(labelled_by);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, draft));
        None
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        (response.lost_focus() && draft != stored).then_some(draft)
    }
}
