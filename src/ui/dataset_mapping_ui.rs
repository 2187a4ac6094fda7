//! The schema editor's "Event dataset" section: the mapping from the schema to the
//! ACLED columns of the event dataset export ([`DatasetMapping`]). Each rule gives the
//! incidents of one type (when its conditions hold) an ACLED event type and sub-event
//! type, chosen from the codebook's; the roles of each side, the entity types that are
//! places, countries or neither, and the roles that count the dead are lists of
//! checkboxes. Every change is pushed as one [`MappingChange`], an undoable schema edit.

use super::action::{Action, SchemaAction};
use crate::edit::mapping_ops::{MappingChange, RoleSide, TypeClass};
use crate::model::Schema;
use crate::model::acled::{ACLED_TYPES, sub_event_types};
use crate::model::dataset_mapping::{Condition, DatasetMapping, FatalityRule, TypeRule};

fn push(actions: &mut Vec<Action>, change: MappingChange) {
    actions.push(Action::Schema(SchemaAction::Mapping(change)));
}

fn set_rule(actions: &mut Vec<Action>, index: usize, rule: TypeRule) {
    push(actions, MappingChange::SetRule(index, rule));
}

/// The whole section.
pub fn dataset_mapping_ui(ui: &mut egui::Ui, schema: &Schema, actions: &mut Vec<Action>) {
    let mapping = &schema.event_dataset;
    ui.weak(
        "How incidents become rows of the event dataset (File > Export > Event dataset): \
         for each incident, the first rule of its type whose conditions hold gives its \
         ACLED event type and sub-event type.",
    );
    ui.strong("Rules");
    // A grid, so that the ACLED types of every rule line up and read as a table.
    egui::Grid::new("event dataset rules")
        .striped(true)
        .show(ui, |ui| {
            for (index, rule) in mapping.types.iter().enumerate() {
                rule_ui(ui, schema, mapping, index, rule, actions);
                ui.end_row();
            }
        });
    ui.menu_button("➕ Add a rule for…", |ui| {
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for t in &schema.event_types {
                    if ui.button(&t.label).clicked() {
                        push(actions, MappingChange::AddRule(t.name.clone()));
                    }
                }
            });
    });
    ui.separator();
    ui.strong("Actors");
    let roles = role_names(schema, mapping);
    for side in RoleSide::ALL {
        let current = side.roles(mapping);
        let title = format!("{}: {}", side.column(), listed(current));
        names_menu_ui(ui, &title, &roles, current, |new| {
            push(actions, MappingChange::SetRoles(side, new));
        });
    }
    ui.strong("Entity types");
    let types: Vec<String> = schema.entity_types.iter().map(|t| t.name.clone()).collect();
    for class in TypeClass::ALL {
        let current = class.types(mapping);
        let title = format!("{}: {}", class.word(), listed(current));
        names_menu_ui(ui, &title, &types, current, |new| {
            push(actions, MappingChange::SetTypes(class, new));
        });
    }
    fatalities_ui(ui, schema, &mapping.fatalities, actions);
}

/// The names of a list, or "none".
fn listed(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

/// Every role name of the schema's event types, and those the mapping lists that no
/// type has (still shown, to be unticked).
fn role_names(schema: &Schema, mapping: &DatasetMapping) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let listed = RoleSide::ALL.into_iter().flat_map(|s| s.roles(mapping));
    let roles = schema.event_types.iter().flat_map(|t| &t.roles);
    for name in roles.map(|r| &r.name).chain(listed) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// A menu of checkboxes, one per name of `all`, ticked for those in `current`; a change
/// hands the new list to `set`.
fn names_menu_ui(
    ui: &mut egui::Ui,
    title: &str,
    all: &[String],
    current: &[String],
    set: impl FnOnce(Vec<String>),
) {
    let mut chosen = None;
    ui.menu_button(title, |ui| {
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for name in all {
                    let mut on = current.contains(name);
                    if ui.checkbox(&mut on, name.as_str()).changed() {
                        let mut new = current.to_vec();
                        if on {
                            new.push(name.clone());
                        } else {
                            new.retain(|n| n != name);
                        }
                        chosen = Some(new);
                    }
                }
            });
    });
    if let Some(new) = chosen {
        set(new);
    }
}

/// One rule: its type, its conditions, its ACLED types, and the buttons that move and
/// remove it.
fn rule_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    mapping: &DatasetMapping,
    index: usize,
    rule: &TypeRule,
    actions: &mut Vec<Action>,
) {
    let n = index + 1;
    let name = format!("rule {n} ({})", rule.incident_type);
    ui.label(format!("{n}."));
    let mut incident_type = rule.incident_type.clone();
    combo_ui(
        ui,
        ("rule type", index),
        &format!("Incident type of {name}"),
        schema.label(&rule.incident_type),
        |ui| {
            for t in &schema.event_types {
                ui.selectable_value(&mut incident_type, t.name.clone(), &t.label);
            }
        },
    );
    if incident_type != rule.incident_type {
        set_rule(
            actions,
            index,
            TypeRule {
                incident_type,
                // The conditions name roles of the old type.
                when: Vec::new(),
                ..rule.clone()
            },
        );
    }
    ui.horizontal(|ui| conditions_ui(ui, schema, &name, index, rule, actions));
    ui.label("gives");
    rule_types_ui(ui, &name, index, rule, actions);
    ui.horizontal(|ui| rule_buttons_ui(ui, mapping, &name, index, actions));
}

/// The conditions of a rule, each removable, and a button that adds one.
fn conditions_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    name: &str,
    index: usize,
    rule: &TypeRule,
    actions: &mut Vec<Action>,
) {
    for (c, condition) in rule.when.iter().enumerate() {
        condition_ui(ui, schema, rule, name, c, condition, |new| {
            set_rule(actions, index, new)
        });
    }
    let first_role = schema
        .event_type(&rule.incident_type)
        .and_then(|t| t.roles.first());
    if let Some(role) = first_role
        && ui
            .small_button("+ if…")
            .on_hover_text("Apply this rule only when a role has a filler of some types")
            .clicked()
    {
        let mut new = rule.clone();
        new.when.push(Condition::Filler {
            role: role.name.clone(),
            entity_types: Vec::new(),
        });
        set_rule(actions, index, new);
    }
}

/// The ACLED event type and sub-event type a rule gives.
fn rule_types_ui(
    ui: &mut egui::Ui,
    name: &str,
    index: usize,
    rule: &TypeRule,
    actions: &mut Vec<Action>,
) {
    let mut event_type = rule.event_type.clone();
    combo_ui(
        ui,
        ("rule event type", index),
        &format!("Event type of {name}"),
        &rule.event_type,
        |ui| {
            for (t, _) in ACLED_TYPES {
                ui.selectable_value(&mut event_type, t.to_string(), *t);
            }
        },
    );
    if event_type != rule.event_type {
        // A sub-event type belongs to its event type: take the new one's first.
        let sub = sub_event_types(&event_type).first().copied().unwrap_or("");
        set_rule(
            actions,
            index,
            TypeRule {
                sub_event_type: sub.to_string(),
                event_type,
                ..rule.clone()
            },
        );
    }
    let mut sub = rule.sub_event_type.clone();
    combo_ui(
        ui,
        ("rule sub-event type", index),
        &format!("Sub-event type of {name}"),
        &rule.sub_event_type,
        |ui| {
            for s in sub_event_types(&rule.event_type) {
                ui.selectable_value(&mut sub, s.to_string(), *s);
            }
        },
    );
    if sub != rule.sub_event_type {
        set_rule(
            actions,
            index,
            TypeRule {
                sub_event_type: sub,
                ..rule.clone()
            },
        );
    }
}

/// The buttons that move a rule up and down, and remove it.
fn rule_buttons_ui(
    ui: &mut egui::Ui,
    mapping: &DatasetMapping,
    name: &str,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let last = mapping.types.len().saturating_sub(1);
    for (text, up, enabled) in [("⏶", true, index > 0), ("⏷", false, index < last)] {
        let hint = "Rules are tried in order: the first that holds applies";
        if ui
            .add_enabled(enabled, egui::Button::new(text).small())
            .accessible_name(format!("Move {name} {}", if up { "up" } else { "down" }))
            .on_hover_text(hint)
            .clicked()
        {
            push(actions, MappingChange::MoveRule(index, up));
        }
    }
    if ui
        .small_button("🗑")
        .accessible_name(format!("Remove {name}"))
        .on_hover_text("Remove this rule")
        .clicked()
    {
        push(actions, MappingChange::RemoveRule(index));
    }
}

/// A combo box named `name` for screen readers (and tests), showing `shown`.
fn combo_ui(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    shown: &str,
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    let _ = egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, add_contents)
        .response
        .accessible_name(name);
}

/// One condition of a rule: "if [role] is [types]", with a button that removes it.
fn condition_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    rule: &TypeRule,
    name: &str,
    index: usize,
    condition: &Condition,
    set: impl FnOnce(TypeRule),
) {
    let Condition::Filler { role, entity_types } = condition;
    let mut new_role = role.clone();
    ui.label("if");
    combo_ui(
        ui,
        ("condition role", name, index),
        &format!("Role of condition {} of {name}", index + 1),
        role,
        |ui| {
            for r in schema
                .event_type(&rule.incident_type)
                .map_or(&[][..], |t| &t.roles[..])
            {
                ui.selectable_value(&mut new_role, r.name.clone(), &r.label);
            }
        },
    );
    ui.label("is");
    let all: Vec<String> = schema.entity_types.iter().map(|t| t.name.clone()).collect();
    let shown = if entity_types.is_empty() {
        "any type".to_string()
    } else {
        let labels: Vec<&str> = entity_types.iter().map(|t| schema.label(t)).collect();
        labels.join(" or ")
    };
    let mut new_types = None;
    names_menu_ui(ui, &shown, &all, entity_types, |new| new_types = Some(new));
    let remove = ui
        .small_button("✖")
        .accessible_name(format!("Remove condition {} of {name}", index + 1))
        .on_hover_text("Remove this condition")
        .clicked();
    let mut new = rule.clone();
    if remove {
        new.when.remove(index);
    } else if new_role != *role || new_types.is_some() {
        new.when[index] = Condition::Filler {
            role: new_role,
            entity_types: new_types.unwrap_or_else(|| entity_types.clone()),
        };
    } else {
        return;
    }
    set(new);
}

/// The roles whose number fillers count the dead, each removable, and a menu that adds
/// one (event type, then role).
fn fatalities_ui(
    ui: &mut egui::Ui,
    schema: &Schema,
    rules: &[FatalityRule],
    actions: &mut Vec<Action>,
) {
    ui.strong("Fatalities");
    ui.horizontal_wrapped(|ui| {
        ui.label("Counted in the number fillers of:");
        for (index, rule) in rules.iter().enumerate() {
            let text = format!("{} / {}", rule.event_type, rule.role);
            if ui
                .button(format!("{text} ✖"))
                .accessible_name(format!("Stop counting the dead in {text}"))
                .clicked()
            {
                let mut new = rules.to_vec();
                new.remove(index);
                push(actions, MappingChange::SetFatalities(new));
            }
        }
        ui.menu_button("➕ Add…", |ui| {
            for t in &schema.event_types {
                ui.menu_button(&t.label, |ui| {
                    for role in &t.roles {
                        let rule = FatalityRule {
                            event_type: t.name.clone(),
                            role: role.name.clone(),
                        };
                        if !rules.contains(&rule) && ui.button(&role.label).clicked() {
                            let mut new = rules.to_vec();
                            new.push(rule);
                            push(actions, MappingChange::SetFatalities(new));
                        }
                    }
                });
            }
        });
    });
}
