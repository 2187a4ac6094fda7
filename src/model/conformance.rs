//! Whether an event fits its type: required roles filled, fillers of allowed types.
//!
//! Unlike [`super::validate`], these are not errors in the file: an annotator fills an
//! event role by role, so an incomplete event is normal while work is in progress. The
//! GUI flags them so that none is left behind.

use super::annotation::{Event, Filler};
use super::document::Document;
use super::schema::{Cardinality, Role, Schema};
use std::collections::HashMap;

/// The type name of whatever fills a role.
pub fn filler_type(doc: &Document, filler: Filler) -> Option<&str> {
    match filler {
        Filler::Mention(id) => doc.mention(id).map(|m| m.entity_type.as_str()),
        Filler::Event(id) => doc.event(id).map(|e| e.event_type.as_str()),
    }
}

/// What is missing or wrong in `event`, in words for the annotator; in time linear in
/// its arguments and its type's roles, for the events of many arguments.
pub fn event_warnings(schema: &Schema, doc: &Document, event: &Event) -> Vec<String> {
    let Some(event_type) = schema.event_type(&event.event_type) else {
        return vec![format!("type {:?} is not in the schema", event.event_type)];
    };
    let mut warnings = Vec::new();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for arg in &event.arguments {
        *counts.entry(arg.role.as_str()).or_default() += 1;
    }
    let mut roles: HashMap<&str, &Role> = HashMap::new();
    for role in &event_type.roles {
        roles.entry(role.name.as_str()).or_insert(role);
    }
    for role in &event_type.roles {
        let count = counts.get(role.name.as_str()).copied().unwrap_or(0);
        let problem = match role.cardinality {
            Cardinality::One if count != 1 => Some("needs exactly one filler"),
            Cardinality::AtLeastOne if count == 0 => Some("needs at least one filler"),
            Cardinality::Optional if count > 1 => Some("takes at most one filler"),
            _ => None,
        };
        if let Some(problem) = problem {
            warnings.push(format!("{} {problem}", role.label));
        }
    }
    for arg in &event.arguments {
        let Some(role) = roles.get(arg.role.as_str()) else {
            warnings.push(format!(
                "{:?} is not a role of {}",
                arg.role, event_type.label
            ));
            continue;
        };
        let Some(ty) = filler_type(doc, arg.filler) else {
            warnings.push(format!("{} refers to missing {}", role.label, arg.filler));
            continue;
        };
        if !role.fillers.is_empty() && !role.fillers.iter().any(|f| f == ty) {
            warnings.push(format!(
                "{} cannot be filled by {} ({})",
                role.label,
                arg.filler,
                schema.label(ty)
            ));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, EventId, EventType, Mention, MentionId, Role, RoleArg, Span};

    fn schema() -> Schema {
        let entity = |name: &str| EntityType {
            group: String::new(),
            name: name.into(),
            label: name.into(),
            color: Default::default(),
            shortcut: None,
        };
        Schema {
            entity_types: vec![entity("person"), entity("place")],
            event_types: vec![EventType {
                group: String::new(),
                name: "attack".into(),
                label: "Attack".into(),
                color: Default::default(),
                shortcut: None,
                roles: vec![
                    Role {
                        name: "attacker".into(),
                        label: "Attacker".into(),
                        fillers: vec!["person".into()],
                        cardinality: Cardinality::One,
                    },
                    Role {
                        name: "place".into(),
                        label: "Place".into(),
                        fillers: vec!["place".into()],
                        cardinality: Cardinality::Optional,
                    },
                ],
            }],
            ..Default::default()
        }
    }

    #[test]
    fn missing_roles_and_wrong_fillers_are_flagged() {
        let mut doc = Document::new("d", "d", "Ali à Palmyre");
        doc.mentions.push(Mention {
            id: MentionId(1),
            entity_type: "place".into(),
            ranges: vec![Span::new(6, 13)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        let mut event = Event {
            id: EventId(2),
            event_type: "attack".into(),
            trigger: vec![],
            arguments: vec![],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        };
        assert_eq!(
            event_warnings(&schema(), &doc, &event),
            ["Attacker needs exactly one filler"]
        );
        event.arguments.push(RoleArg {
            role: "attacker".into(),
            filler: Filler::Mention(MentionId(1)),
        });
        assert_eq!(
            event_warnings(&schema(), &doc, &event),
            ["Attacker cannot be filled by T1 (place)"]
        );
    }
}
