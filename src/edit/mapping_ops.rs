//! Edits of the event dataset's mapping (the schema's
//! [`DatasetMapping`]): its rules from incident types to ACLED types, the roles of each
//! side, which entity types are places, countries or neither, and where the dead are
//! counted. The mapping lives in the schema, so each change is a schema edit, undone
//! like the others; none touches an annotation or an incident.

use super::change::{Change, Edit, EditError};
use crate::model::Project;
use crate::model::dataset_mapping::{DatasetMapping, FatalityRule, TypeRule};

/// The lists of roles of the mapping: the two sides and their allies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleSide {
    /// The first side (`actor1`).
    Actor1,
    /// Its allies (`assoc_actor_1`).
    AssocActor1,
    /// The second side (`actor2`).
    Actor2,
    /// Its allies (`assoc_actor_2`).
    AssocActor2,
}

impl RoleSide {
    /// Every list, in the export's column order.
    pub const ALL: [RoleSide; 4] = [
        RoleSide::Actor1,
        RoleSide::AssocActor1,
        RoleSide::Actor2,
        RoleSide::AssocActor2,
    ];

    /// The column it fills.
    pub fn column(self) -> &'static str {
        match self {
            RoleSide::Actor1 => "actor1",
            RoleSide::AssocActor1 => "assoc_actor_1",
            RoleSide::Actor2 => "actor2",
            RoleSide::AssocActor2 => "assoc_actor_2",
        }
    }

    /// Its roles in `mapping`.
    pub fn roles(self, mapping: &DatasetMapping) -> &Vec<String> {
        match self {
            RoleSide::Actor1 => &mapping.actor1_roles,
            RoleSide::AssocActor1 => &mapping.assoc_actor1_roles,
            RoleSide::Actor2 => &mapping.actor2_roles,
            RoleSide::AssocActor2 => &mapping.assoc_actor2_roles,
        }
    }

    fn roles_mut(self, mapping: &mut DatasetMapping) -> &mut Vec<String> {
        match self {
            RoleSide::Actor1 => &mut mapping.actor1_roles,
            RoleSide::AssocActor1 => &mut mapping.assoc_actor1_roles,
            RoleSide::Actor2 => &mut mapping.actor2_roles,
            RoleSide::AssocActor2 => &mut mapping.assoc_actor2_roles,
        }
    }
}

/// The lists of entity types of the mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeClass {
    /// Places, not actors.
    Places,
    /// Places that are countries.
    Countries,
    /// Neither actors nor places (dates, numbers, weapons).
    Others,
}

impl TypeClass {
    /// Every list, in the editor's order.
    pub const ALL: [TypeClass; 3] = [TypeClass::Places, TypeClass::Countries, TypeClass::Others];

    /// What its types are, in words.
    pub fn word(self) -> &'static str {
        match self {
            TypeClass::Places => "places",
            TypeClass::Countries => "countries",
            TypeClass::Others => "neither actors nor places",
        }
    }

    /// Its entity types in `mapping`.
    pub fn types(self, mapping: &DatasetMapping) -> &Vec<String> {
        match self {
            TypeClass::Places => &mapping.place_types,
            TypeClass::Countries => &mapping.country_types,
            TypeClass::Others => &mapping.other_types,
        }
    }

    fn types_mut(self, mapping: &mut DatasetMapping) -> &mut Vec<String> {
        match self {
            TypeClass::Places => &mut mapping.place_types,
            TypeClass::Countries => &mut mapping.country_types,
            TypeClass::Others => &mut mapping.other_types,
        }
    }
}

/// One change to the mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingChange {
    /// Replace the rule at this index.
    SetRule(usize, TypeRule),
    /// Add a rule, without condition, for this incident type (after its others).
    AddRule(String),
    /// Remove the rule at this index.
    RemoveRule(usize),
    /// Move the rule at this index one place up (`true`) or down: rules are tried in
    /// order.
    MoveRule(usize, bool),
    /// Set the roles of a side.
    SetRoles(RoleSide, Vec<String>),
    /// Set the entity types of a list.
    SetTypes(TypeClass, Vec<String>),
    /// Set where the dead are counted.
    SetFatalities(Vec<FatalityRule>),
}

fn no_rule(index: usize) -> EditError {
    EditError::NotInSchema(format!("rule {} of the event dataset", index + 1))
}

/// The rule of `incident_type` a new rule starts as: ACLED's catch-all.
fn new_rule(incident_type: &str) -> TypeRule {
    TypeRule {
        incident_type: incident_type.to_string(),
        when: Vec::new(),
        event_type: "Strategic developments".into(),
        sub_event_type: "Other".into(),
    }
}

/// Makes `change` to the mapping of `project`'s schema, as one schema edit.
pub fn edit_mapping(project: &Project, change: MappingChange) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    let mapping = &mut schema.event_dataset;
    let label = match change {
        MappingChange::SetRule(index, rule) => {
            let slot = mapping.types.get_mut(index).ok_or_else(|| no_rule(index))?;
            let label = format!(
                "set the dataset rule {} of {}",
                index + 1,
                rule.incident_type
            );
            *slot = rule;
            label
        }
        MappingChange::AddRule(incident_type) => {
            // After the type's other rules: a rule without condition catches the rest.
            let at = mapping
                .types
                .iter()
                .rposition(|r| r.incident_type == incident_type)
                .map_or(mapping.types.len(), |i| i + 1);
            mapping.types.insert(at, new_rule(&incident_type));
            format!("add a dataset rule for {incident_type}")
        }
        MappingChange::RemoveRule(index) => {
            if index >= mapping.types.len() {
                return Err(no_rule(index));
            }
            let rule = mapping.types.remove(index);
            format!(
                "remove the dataset rule {} of {}",
                index + 1,
                rule.incident_type
            )
        }
        MappingChange::MoveRule(index, up) => {
            let other = if up {
                index.checked_sub(1)
            } else {
                index.checked_add(1)
            };
            let other = other
                .filter(|o| *o < mapping.types.len())
                .ok_or_else(|| no_rule(index))?;
            if index >= mapping.types.len() {
                return Err(no_rule(index));
            }
            mapping.types.swap(index, other);
            format!(
                "move the dataset rule {} {}",
                index + 1,
                if up { "up" } else { "down" }
            )
        }
        MappingChange::SetRoles(side, roles) => {
            *side.roles_mut(mapping) = roles;
            format!("set the roles of {}", side.column())
        }
        MappingChange::SetTypes(class, types) => {
            *class.types_mut(mapping) = types;
            format!("set the entity types that are {}", class.word())
        }
        MappingChange::SetFatalities(rules) => {
            mapping.fatalities = rules;
            "set the roles that count the dead".to_string()
        }
    };
    Ok(Edit {
        label,
        changes: vec![Change::SetSchema {
            schema: Box::new(schema),
        }],
        doc: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::formats::test_support::palmyre;

    #[test]
    fn rules_are_added_moved_set_and_removed_undoably() {
        let mut project = palmyre();
        let before = project.clone();
        let mut history = History::default();
        let mut apply = |project: &mut Project, change| {
            let edit = edit_mapping(project, change).unwrap_or_else(|e| panic!("{e}"));
            history
                .apply(project, edit)
                .unwrap_or_else(|e| panic!("{e}"));
        };
        let rules = |p: &Project| p.schema.event_dataset.types.clone();
        // A new capture rule goes after the two capture rules, not at the end.
        apply(&mut project, MappingChange::AddRule("capture".into()));
        assert_eq!(rules(&project)[2], new_rule("capture"));
        apply(&mut project, MappingChange::MoveRule(2, true));
        assert_eq!(rules(&project)[1], new_rule("capture"));
        let mut rule = new_rule("capture");
        rule.sub_event_type = "Agreement".into();
        apply(&mut project, MappingChange::SetRule(1, rule.clone()));
        assert_eq!(rules(&project)[1], rule);
        apply(&mut project, MappingChange::RemoveRule(1));
        assert_eq!(rules(&project), rules(&before));
        apply(
            &mut project,
            MappingChange::SetRoles(RoleSide::AssocActor2, vec!["supporter".into()]),
        );
        apply(
            &mut project,
            MappingChange::SetTypes(TypeClass::Others, Vec::new()),
        );
        let mapping = &project.schema.event_dataset;
        assert_eq!(mapping.assoc_actor2_roles, ["supporter"]);
        assert!(mapping.other_types.is_empty());
        while history.undo(&mut project).is_some() {}
        assert_eq!(project, before);
        // Out of range: refused, nothing built.
        assert!(edit_mapping(&project, MappingChange::RemoveRule(999)).is_err());
        assert!(edit_mapping(&project, MappingChange::MoveRule(0, true)).is_err());
        let last = rules(&project).len() - 1;
        assert!(edit_mapping(&project, MappingChange::MoveRule(last, false)).is_err());
    }
}
