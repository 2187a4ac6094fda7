//! The schema editor window and the legend of the types. Both read the project; the
//! editor pushes [`SchemaAction`]s, each of which becomes one undoable edit, so that
//! nothing typed here changes the project behind the history's back. Names, labels,
//! keys and groups are committed when the user leaves the field (Enter or a click
//! elsewhere), so one change is one undo step.

use super::action::{Action, SchemaAction};
use super::schema_editor::{AttrTargets, SchemaEditor};
use super::widgets::{TextField, committed_text_ui};
use crate::edit::schema_ops::{self as ops, InUse, TypeKind};
use crate::model::{AttrKind, AttributeDef, Cardinality, EventType, Project, Rgb, Schema};

/// One row of a list of types: what the editor shows of it.
struct TypeRow<'a> {
    name: &'a str,
    label: &'a str,
    color: Rgb,
    shortcut: Option<char>,
    group: &'a str,
}

fn rows(schema: &Schema, kind: TypeKind) -> Vec<TypeRow<'_>> {
    match kind {
        TypeKind::Entity => schema
            .entity_types
            .iter()
            .map(|t| TypeRow {
                name: &t.name,
                label: &t.label,
                color: t.color,
                shortcut: t.shortcut,
                group: &t.group,
            })
            .collect(),
        TypeKind::Event => schema
            .event_types
            .iter()
            .map(|t| TypeRow {
                name: &t.name,
                label: &t.label,
                color: t.color,
                shortcut: t.shortcut,
                group: &t.group,
            })
            .collect(),
        TypeKind::Relation => schema
            .relation_types
            .iter()
            .map(|t| TypeRow {
                name: &t.name,
                label: &t.label,
                color: t.color,
                shortcut: None,
                group: &t.group,
            })
            .collect(),
    }
}

fn heading(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Entity => "Entity types",
        TypeKind::Event => "Event types",
        TypeKind::Relation => "Relation types",
    }
}

fn push(actions: &mut Vec<Action>, action: SchemaAction) {
    actions.push(Action::Schema(action));
}

/// The schema editor: a window with the types of each kind, the roles of event types
/// and the attributes; and, when a type in use is being deleted, the question of what
/// becomes of its annotations.
pub fn schema_window_ui(
    ctx: &egui::Context,
    project: &Project,
    editor: &SchemaEditor,
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    egui::Window::new("Schema")
        .open(&mut open)
        .default_size([640.0, 640.0])
        .vscroll(true)
        .show(ctx, |ui| {
            for kind in TypeKind::ALL {
                egui::CollapsingHeader::new(heading(kind))
                    .default_open(kind != TypeKind::Relation)
                    .show(ui, |ui| types_ui(ui, project, kind, actions));
            }
            egui::CollapsingHeader::new("Attributes")
                .default_open(false)
                .show(ui, |ui| attributes_ui(ui, &project.schema, actions));
            egui::CollapsingHeader::new("Event dataset")
                .default_open(false)
                .show(ui, |ui| {
                    super::dataset_mapping_ui::dataset_mapping_ui(ui, &project.schema, actions)
                });
        });
    if !open {
        push(actions, SchemaAction::Close);
    }
    if let Some(pending) = &editor.delete {
        delete_dialog_ui(ctx, project, pending, actions);
    }
}

/// The types of `kind`: colour, name, label, key, group, uses, delete; then a field that
/// adds one; event types with their roles below each.
fn types_ui(ui: &mut egui::Ui, project: &Project, kind: TypeKind, actions: &mut Vec<Action>) {
    let schema = &project.schema;
    for row in rows(schema, kind) {
        ui.horizontal(|ui| type_row_ui(ui, project, kind, &row, actions));
        if kind == TypeKind::Event
            && let Some(t) = schema.event_type(row.name)
        {
            ui.indent(("roles", row.name), |ui| roles_ui(ui, schema, t, actions));
        }
    }
    ui.horizontal(|ui| {
        let text = format!("New {}:", kind.word());
        let label = ui.label(&text);
        let id = ui.make_persistent_id(("new type", kind));
        let field = committed_text_ui(ui, id, "", TextField::Line { width: 160.0 });
        field.response.labelled_by(label.id);
        if let Some(name) = field.committed.filter(|n| !n.trim().is_empty()) {
            push(actions, SchemaAction::AddType(kind, name));
        }
    });
}

fn type_row_ui(
    ui: &mut egui::Ui,
    project: &Project,
    kind: TypeKind,
    row: &TypeRow<'_>,
    actions: &mut Vec<Action>,
) {
    let name = row.name.to_string();
    colour_ui(ui, kind, row, actions);
    let id = ui.make_persistent_id(("type name", kind, row.name));
    let field = committed_text_ui(ui, id, row.name, TextField::Line { width: 120.0 });
    let _ = field
        .response
        .accessible_name(format!("Name of {}", row.name))
        .on_hover_text("The name stored in annotations: renaming it renames them all");
    if let Some(new) = field.committed.filter(|n| !n.trim().is_empty()) {
        push(actions, SchemaAction::RenameType(kind, name.clone(), new));
    }
    let id = ui.make_persistent_id(("type label", kind, row.name));
    let field = committed_text_ui(ui, id, row.label, TextField::Line { width: 140.0 });
    let _ = field
        .response
        .accessible_name(format!("Label of {}", row.name))
        .on_hover_text("What annotators see");
    if let Some(label) = field.committed {
        push(actions, SchemaAction::SetLabel(kind, name.clone(), label));
    }
    if kind != TypeKind::Relation {
        let stored: String = row.shortcut.map(String::from).unwrap_or_default();
        let id = ui.make_persistent_id(("type key", kind, row.name));
        let field = committed_text_ui(ui, id, &stored, TextField::Line { width: 24.0 });
        let hint = if kind == TypeKind::Event {
            "Key (with Shift) that makes the selected text a trigger of this type"
        } else {
            "Key that tags the selected text with this type"
        };
        let _ = field
            .response
            .accessible_name(format!("Key of {}", row.name))
            .on_hover_text(hint);
        if let Some(key) = field.committed {
            let key = key.trim().chars().next();
            push(actions, SchemaAction::SetShortcut(kind, name.clone(), key));
        }
    }
    let id = ui.make_persistent_id(("type group", kind, row.name));
    let field = committed_text_ui(ui, id, row.group, TextField::Line { width: 90.0 });
    let _ = field
        .response
        .accessible_name(format!("Group of {}", row.name))
        .on_hover_text("The group it is listed under (empty: none)");
    if let Some(group) = field.committed {
        push(actions, SchemaAction::SetGroup(kind, name.clone(), group));
    }
    let uses = ops::uses_of_type(project, kind, row.name);
    ui.weak(format!("{uses}"))
        .on_hover_text(format!("{uses} annotations in the project"));
    if ui
        .button("🗑")
        .accessible_name(format!("Delete {}", row.name))
        .on_hover_text("Delete this type (asks first when annotations use it)")
        .clicked()
    {
        push(actions, SchemaAction::Delete(kind, name));
    }
}

/// A colour button; the change is committed once the pointer is released, so that a
/// drag in the picker is one undo step.
fn colour_ui(ui: &mut egui::Ui, kind: TypeKind, row: &TypeRow<'_>, actions: &mut Vec<Action>) {
    let id = ui.make_persistent_id(("type colour", kind, row.name));
    let mut draft: [u8; 3] = ui
        .data_mut(|d| d.get_temp::<[u8; 3]>(id))
        .unwrap_or(row.color.0);
    let response = egui::color_picker::color_edit_button_srgb(ui, &mut draft);
    let _ = response
        .accessible_name(format!("Colour of {}", row.name))
        .on_hover_text("Highlight colour");
    if draft == row.color.0 {
        ui.data_mut(|d| d.remove::<[u8; 3]>(id));
    } else if ui.input(|i| i.pointer.any_down()) {
        ui.data_mut(|d| d.insert_temp(id, draft));
    } else {
        ui.data_mut(|d| d.remove::<[u8; 3]>(id));
        push(
            actions,
            SchemaAction::SetColour(kind, row.name.to_string(), Rgb(draft)),
        );
    }
}

/// The roles of an event type: name, how many fillers (in words), filler types.
fn roles_ui(ui: &mut egui::Ui, schema: &Schema, t: &EventType, actions: &mut Vec<Action>) {
    for role in &t.roles {
        ui.horizontal(|ui| {
            let id = ui.make_persistent_id(("role name", &t.name, &role.name));
            let field = committed_text_ui(ui, id, &role.name, TextField::Line { width: 100.0 });
            let _ = field
                .response
                .accessible_name(format!("Role {} of {}", role.name, t.name));
            if let Some(new) = field.committed.filter(|n| !n.trim().is_empty()) {
                push(
                    actions,
                    SchemaAction::RenameRole(t.name.clone(), role.name.clone(), new),
                );
            }
            let mut chosen = role.cardinality;
            egui::ComboBox::from_id_salt(("cardinality", &t.name, &role.name))
                .selected_text(ops::cardinality_in_words(chosen))
                .show_ui(ui, |ui| {
                    for c in [
                        Cardinality::One,
                        Cardinality::Optional,
                        Cardinality::AtLeastOne,
                        Cardinality::Any,
                    ] {
                        ui.selectable_value(&mut chosen, c, ops::cardinality_in_words(c));
                    }
                })
                .response
                .accessible_name(format!(
                    "How many fillers {} of {} takes",
                    role.name, t.name
                ));
            if chosen != role.cardinality {
                push(
                    actions,
                    SchemaAction::SetRoleCardinality(t.name.clone(), role.name.clone(), chosen),
                );
            }
            let fillers = if role.fillers.is_empty() {
                "any type".to_string()
            } else {
                role.fillers
                    .iter()
                    .map(|f| schema.label(f))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            ui.menu_button(format!("Fillers: {fillers}"), |ui| {
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        let names = schema
                            .entity_types
                            .iter()
                            .map(|e| (&e.name, &e.label))
                            .chain(schema.event_types.iter().map(|e| (&e.name, &e.label)));
                        for (name, label) in names {
                            let mut on = role.fillers.contains(name);
                            if ui.checkbox(&mut on, label.as_str()).changed() {
                                let mut new = role.fillers.clone();
                                if on {
                                    new.push(name.clone());
                                } else {
                                    new.retain(|f| f != name);
                                }
                                push(
                                    actions,
                                    SchemaAction::SetRoleFillers(
                                        t.name.clone(),
                                        role.name.clone(),
                                        new,
                                    ),
                                );
                            }
                        }
                    });
            });
            if ui
                .button("🗑")
                .accessible_name(format!("Remove role {} of {}", role.name, t.name))
                .on_hover_text("Remove this role and the arguments that fill it")
                .clicked()
            {
                push(
                    actions,
                    SchemaAction::RemoveRole(t.name.clone(), role.name.clone()),
                );
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label("New role:");
        let id = ui.make_persistent_id(("new role", &t.name));
        let field = committed_text_ui(ui, id, "", TextField::Line { width: 100.0 });
        let _ = field
            .response
            .labelled_by(label.id)
            .accessible_name(format!("New role of {}", t.name));
        if let Some(role) = field.committed.filter(|n| !n.trim().is_empty()) {
            push(actions, SchemaAction::AddRole(t.name.clone(), role));
        }
    });
}

/// Where an attribute applies, as the editor's three choices (`None`: a list of types
/// that is none of them).
fn targets_of(schema: &Schema, def: &AttributeDef) -> Option<AttrTargets> {
    if def.applies_to.is_empty() {
        return Some(AttrTargets::Both);
    }
    let all = |kind| {
        let names = ops::type_names(schema, kind);
        !names.is_empty() && names.iter().all(|n| def.applies_to.contains(n))
    };
    if def
        .applies_to
        .iter()
        .all(|n| schema.entity_type(n).is_some())
        && all(TypeKind::Entity)
    {
        Some(AttrTargets::Mentions)
    } else if def
        .applies_to
        .iter()
        .all(|n| schema.event_type(n).is_some())
        && all(TypeKind::Event)
    {
        Some(AttrTargets::Events)
    } else {
        None
    }
}

/// The attributes: where each applies, its values; a field that adds one.
fn attributes_ui(ui: &mut egui::Ui, schema: &Schema, actions: &mut Vec<Action>) {
    for def in &schema.attributes {
        ui.horizontal(|ui| {
            ui.strong(&def.label);
            let current = targets_of(schema, def);
            let shown = current.map_or("some types", AttrTargets::label);
            let mut chosen = current;
            egui::ComboBox::from_id_salt(("attr targets", &def.name))
                .selected_text(format!("on {shown}"))
                .show_ui(ui, |ui| {
                    for t in AttrTargets::ALL {
                        ui.selectable_value(&mut chosen, Some(t), t.label());
                    }
                })
                .response
                .accessible_name(format!("Where {} may be set", def.name));
            if let Some(t) = chosen
                && chosen != current
            {
                push(
                    actions,
                    SchemaAction::SetAttributeTargets(def.name.clone(), t),
                );
            }
            if ui
                .button("🗑")
                .accessible_name(format!("Remove attribute {}", def.name))
                .on_hover_text("Remove this attribute from the schema and the annotations")
                .clicked()
            {
                push(actions, SchemaAction::RemoveAttribute(def.name.clone()));
            }
        });
        ui.indent(("attr", &def.name), |ui| match &def.kind {
            AttrKind::Flag => {
                ui.weak("a flag: set or not");
            }
            AttrKind::Text => {
                ui.weak("free text");
            }
            AttrKind::Values(values) => {
                ui.horizontal_wrapped(|ui| {
                    for v in values {
                        if ui
                            .button(format!("{v} ✖"))
                            .accessible_name(format!("Remove value {v} of {}", def.name))
                            .on_hover_text("Remove this value (annotations that have it lose it)")
                            .clicked()
                        {
                            push(
                                actions,
                                SchemaAction::RemoveAttributeValue(def.name.clone(), v.clone()),
                            );
                        }
                    }
                    let id = ui.make_persistent_id(("new value", &def.name));
                    let field = committed_text_ui(ui, id, "", TextField::Line { width: 90.0 });
                    let _ = field
                        .response
                        .accessible_name(format!("New value of {}", def.name));
                    if let Some(v) = field.committed.filter(|v| !v.trim().is_empty()) {
                        push(
                            actions,
                            SchemaAction::AddAttributeValue(def.name.clone(), v),
                        );
                    }
                });
            }
        });
    }
    ui.horizontal(|ui| {
        let label = ui.label("New attribute:");
        let id = ui.make_persistent_id("new attribute");
        let field = committed_text_ui(ui, id, "", TextField::Line { width: 120.0 });
        field.response.labelled_by(label.id);
        let flag_id = ui.make_persistent_id("new attribute is a flag");
        let mut flag = ui.data(|d| d.get_temp::<bool>(flag_id)).unwrap_or(true);
        if ui
            .checkbox(&mut flag, "a flag (otherwise a list of values)")
            .changed()
        {
            ui.data_mut(|d| d.insert_temp(flag_id, flag));
        }
        if let Some(name) = field.committed.filter(|n| !n.trim().is_empty()) {
            push(actions, SchemaAction::AddAttribute(name, flag));
        }
    });
}

/// "N annotations use X: delete them / change them to [type] / cancel".
fn delete_dialog_ui(
    ctx: &egui::Context,
    project: &Project,
    pending: &super::schema_editor::PendingDelete,
    actions: &mut Vec<Action>,
) {
    let (kind, name, uses) = (pending.kind, &pending.name, pending.uses);
    let others: Vec<String> = ops::type_names(&project.schema, kind)
        .into_iter()
        .filter(|n| n != name)
        .collect();
    let target_id = egui::Id::unique(("retype target", kind, name));
    let mut target = ctx
        .data(|d| d.get_temp::<String>(target_id))
        .filter(|t| others.contains(t))
        .or_else(|| others.first().cloned());
    egui::Modal::new(egui::Id::unique("delete type")).show(ctx, |ui| {
        ui.heading(format!(
            "Delete {} {}?",
            kind.word(),
            project.schema.label(name)
        ));
        ui.label(format!(
            "{uses} annotation{} use{} {}.",
            if uses == 1 { "" } else { "s" },
            if uses == 1 { "s" } else { "" },
            project.schema.label(name)
        ));
        if ui
            .button(format!("Delete them ({uses})"))
            .on_hover_text("With the arguments and relations that point at them")
            .clicked()
        {
            push(
                actions,
                SchemaAction::ConfirmDelete(kind, name.clone(), InUse::Delete),
            );
        }
        if let Some(chosen) = &mut target {
            ui.horizontal(|ui| {
                if ui.button("Change them to").clicked() {
                    push(
                        actions,
                        SchemaAction::ConfirmDelete(
                            kind,
                            name.clone(),
                            InUse::Retype(chosen.clone()),
                        ),
                    );
                }
                egui::ComboBox::from_id_salt("retype to")
                    .selected_text(project.schema.label(chosen))
                    .show_ui(ui, |ui| {
                        for o in &others {
                            ui.selectable_value(chosen, o.clone(), project.schema.label(o));
                        }
                    })
                    .response
                    .accessible_name("The type they change to");
            });
        }
        if ui.button("Cancel").clicked() {
            push(actions, SchemaAction::CancelDelete);
        }
    });
    if let Some(t) = target {
        ctx.data_mut(|d| d.insert_temp(target_id, t));
    }
}

/// The legend: each type with its colour, key and how many annotations have it in the
/// shown document and in the project; folded until the user opens it.
pub fn legend_ui(ui: &mut egui::Ui, project: &Project, doc: usize) {
    egui::CollapsingHeader::new("Legend")
        .default_open(false)
        .show(ui, |ui| {
            let document = project.documents.get(doc);
            egui::Grid::new("legend").striped(true).show(ui, |ui| {
                ui.strong("Type");
                ui.strong("Key");
                ui.strong("Here");
                ui.strong("Project");
                ui.end_row();
                for kind in TypeKind::ALL {
                    for row in rows(&project.schema, kind) {
                        let [r, g, b] = row.color.0;
                        let colour = egui::Color32::from_rgb(r, g, b);
                        ui.horizontal(|ui| {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, colour);
                            ui.label(row.label).on_hover_text(kind.word());
                        });
                        let key = match (kind, row.shortcut) {
                            (TypeKind::Event, Some(k)) => format!("Shift+{}", k.to_uppercase()),
                            (_, Some(k)) => k.to_string(),
                            (_, None) => String::new(),
                        };
                        ui.label(key);
                        let here = document.map_or(0, |d| ops::uses_in_document(d, kind, row.name));
                        ui.label(here.to_string());
                        ui.label(ops::uses_of_type(project, kind, row.name).to_string());
                        ui.end_row();
                    }
                }
            });
        });
}
