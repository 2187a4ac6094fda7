//! Whether an event fits its type: required roles filled, fillers of allowed types.
//!
//! Unlike [`super::validate`], these are not errors in the file: an annotator fills an
//! event role by role, so an incomplete event is normal while work is in progress. The
//! GUI flags them so that none is left behind.

use super::annotation::{AttrValue, Attributes, Event, Filler};
use super::document::Document;
use super::schema::{Cardinality, Schema};
use super::schema_index::IndexedSchema;
use std::collections::HashMap;

/// The type name of whatever fills a role.
pub fn filler_type(doc: &Document, filler: Filler) -> Option<&str> {
    match filler {
        Filler::Mention(id) => doc.mention(id).map(|m| m.entity_type.as_str()),
        Filler::Event(id) => doc.event(id).map(|e| e.event_type.as_str()),
    }
}

/// What kind of problem a [`Warning`] is, for filtering a list of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    /// A role that must be filled has no filler.
    MissingRole,
    /// A role of one filler at most has more.
    TooManyFillers,
    /// A filler of a type the role does not allow, missing, or in a role the type lacks.
    WrongFiller,
    /// An attribute the schema lacks, that does not apply, or a value not in its list.
    AttributeValue,
    /// An annotation whose type is not in the schema.
    UnknownType,
}

impl ProblemKind {
    /// Every kind, in the order a filter lists them.
    pub const ALL: [ProblemKind; 5] = [
        ProblemKind::MissingRole,
        ProblemKind::TooManyFillers,
        ProblemKind::WrongFiller,
        ProblemKind::AttributeValue,
        ProblemKind::UnknownType,
    ];

    /// What the user sees of the kind.
    pub fn label(self) -> &'static str {
        match self {
            ProblemKind::MissingRole => "Missing role",
            ProblemKind::TooManyFillers => "Too many fillers",
            ProblemKind::WrongFiller => "Wrong filler",
            ProblemKind::AttributeValue => "Attribute value",
            ProblemKind::UnknownType => "Unknown type",
        }
    }
}

/// One thing an annotation lacks or has wrong against the schema, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Its kind.
    pub kind: ProblemKind,
    /// What is wrong, for the annotator.
    pub message: String,
}

impl Warning {
    fn new(kind: ProblemKind, message: String) -> Self {
        Self { kind, message }
    }
}

/// What is missing or wrong in `event`, in words for the annotator; in time linear in
/// its arguments and its type's roles, for the events of many arguments.
pub fn event_warnings(schema: &Schema, doc: &Document, event: &Event) -> Vec<String> {
    event_messages(&IndexedSchema::new(schema), doc, event)
}

/// [`event_warnings`] with the schema indexed once, for many events.
pub fn event_messages(
    schema: &IndexedSchema<&Schema>,
    doc: &Document,
    event: &Event,
) -> Vec<String> {
    event_problems(schema, doc, event)
        .into_iter()
        .map(|w| w.message)
        .collect()
}

/// What is missing or wrong in `event`: its type, its roles, its fillers (not its
/// attributes: see [`attribute_problems`]).
pub fn event_problems(
    schema: &IndexedSchema<&Schema>,
    doc: &Document,
    event: &Event,
) -> Vec<Warning> {
    let Some(event_type) = schema.event_type(&event.event_type) else {
        return vec![Warning::new(
            ProblemKind::UnknownType,
            format!("type {:?} is not in the schema", event.event_type),
        )];
    };
    let mut warnings = Vec::new();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for arg in &event.arguments {
        *counts.entry(arg.role.as_str()).or_default() += 1;
    }
    for role in &event_type.roles {
        let count = counts.get(role.name.as_str()).copied().unwrap_or(0);
        let problem = match role.cardinality {
            Cardinality::One if count == 0 => {
                Some((ProblemKind::MissingRole, "needs exactly one filler"))
            }
            Cardinality::One if count > 1 => {
                Some((ProblemKind::TooManyFillers, "needs exactly one filler"))
            }
            Cardinality::AtLeastOne if count == 0 => {
                Some((ProblemKind::MissingRole, "needs at least one filler"))
            }
            Cardinality::Optional if count > 1 => {
                Some((ProblemKind::TooManyFillers, "takes at most one filler"))
            }
            _ => None,
        };
        if let Some((kind, problem)) = problem {
            warnings.push(Warning::new(kind, format!("{} {problem}", role.label)));
        }
    }
    for arg in &event.arguments {
        let Some(role) = schema.role(&event_type.name, &arg.role) else {
            warnings.push(Warning::new(
                ProblemKind::WrongFiller,
                format!("{:?} is not a role of {}", arg.role, event_type.label),
            ));
            continue;
        };
        let Some(ty) = filler_type(doc, arg.filler) else {
            warnings.push(Warning::new(
                ProblemKind::WrongFiller,
                format!("{} refers to missing {}", role.label, arg.filler),
            ));
            continue;
        };
        if !role.fillers.is_empty() && !role.fillers.iter().any(|f| f == ty) {
            warnings.push(Warning::new(
                ProblemKind::WrongFiller,
                format!(
                    "{} cannot be filled by {} ({})",
                    role.label,
                    arg.filler,
                    schema.schema().label(ty)
                ),
            ));
        }
    }
    warnings
}

/// What is wrong in the attributes of an annotation of type `type_name`: attributes
/// the schema lacks, that do not apply to the type, or values not in their list.
pub fn attribute_problems(
    schema: &IndexedSchema<&Schema>,
    type_name: &str,
    attributes: &Attributes,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (name, value) in attributes {
        let Some(def) = schema.attribute(name) else {
            warnings.push(Warning::new(
                ProblemKind::AttributeValue,
                format!("attribute {name:?} is not in the schema"),
            ));
            continue;
        };
        let label = &def.label;
        if !schema.attribute_applies(name, type_name) {
            warnings.push(Warning::new(
                ProblemKind::AttributeValue,
                format!(
                    "{label} does not apply to {}",
                    schema.schema().label(type_name)
                ),
            ));
        } else if !schema.attribute_allows(name, value) {
            let shown = match value {
                AttrValue::Flag => "set".to_string(),
                AttrValue::Value(v) => format!("{v:?}"),
            };
            warnings.push(Warning::new(
                ProblemKind::AttributeValue,
                format!("{label}: {shown} is not in its list"),
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
