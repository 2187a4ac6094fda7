//! What may be annotated: entity, event and relation types, roles and attributes.

use super::annotation::AttrValue;
use super::dataset_mapping::DatasetMapping;
use super::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};

/// A colour written `"#rrggbb"` in the project file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rgb(pub [u8; 3]);

impl TryFrom<String> for Rgb {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        let hex = s.strip_prefix('#').unwrap_or(&s);
        let bad = || format!("colour {s:?} is not of the form \"#rrggbb\"");
        if hex.len() != 6 || !hex.is_ascii() {
            return Err(bad());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl From<Rgb> for String {
    fn from(c: Rgb) -> String {
        let [r, g, b] = c.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// Distinct pastel colours for types that come without one (imports, repairs), taken in
/// turn.
const PALETTE: [[u8; 3]; 10] = [
    [0x8d, 0xd3, 0xc7],
    [0xff, 0xff, 0xb3],
    [0xbe, 0xba, 0xda],
    [0xfb, 0x80, 0x72],
    [0x80, 0xb1, 0xd3],
    [0xfd, 0xb4, 0x62],
    [0xb3, 0xde, 0x69],
    [0xfc, 0xcd, 0xe5],
    [0xd9, 0xd9, 0xd9],
    [0xcc, 0xeb, 0xc5],
];

impl Rgb {
    /// The `n`-th colour of a palette of distinct pastels, for a type without one.
    pub fn from_palette(n: usize) -> Self {
        Rgb(PALETTE[n % PALETTE.len()])
    }
}

impl Default for Rgb {
    fn default() -> Self {
        Rgb([0xc0, 0xc0, 0xc0])
    }
}

/// A kind of thing mentioned in text: person, organisation, place...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityType {
    /// Key stored in annotations (stable, ASCII, no spaces).
    pub name: String,
    /// What the user sees.
    pub label: String,
    /// Highlight colour.
    #[serde(default)]
    pub color: Rgb,
    /// Key that tags the selected text with this type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<char>,
    /// The group it is listed under in menus and the legend (brat's `!Life` above its
    /// event types); empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
}

/// How many fillers a role takes, as in brat's `annotation.conf`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cardinality {
    /// Exactly one (brat: no mark).
    One,
    /// Zero or one (`?`).
    #[default]
    Optional,
    /// Any number (`*`).
    Any,
    /// At least one (`+`).
    AtLeastOne,
}

impl Cardinality {
    /// The brat mark for this cardinality.
    pub fn brat_mark(self) -> &'static str {
        match self {
            Cardinality::One => "",
            Cardinality::Optional => "?",
            Cardinality::Any => "*",
            Cardinality::AtLeastOne => "+",
        }
    }

    /// True when the role must be filled at least once.
    pub fn is_required(self) -> bool {
        matches!(self, Cardinality::One | Cardinality::AtLeastOne)
    }

    /// True when the role may be filled more than once.
    pub fn allows_many(self) -> bool {
        matches!(self, Cardinality::Any | Cardinality::AtLeastOne)
    }
}

/// A role of an event type: attacker, target, place, time...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// Key stored in arguments.
    pub name: String,
    /// What the user sees.
    pub label: String,
    /// Entity or event types allowed to fill it; empty allows any.
    #[serde(default)]
    pub fillers: Vec<String>,
    /// How many fillers it takes.
    #[serde(default)]
    pub cardinality: Cardinality,
}

/// A kind of event, with its roles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventType {
    /// Key stored in events.
    pub name: String,
    /// What the user sees.
    pub label: String,
    /// Highlight colour of its triggers.
    #[serde(default)]
    pub color: Rgb,
    /// Key (with Shift) that makes the selected text a trigger of this type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcut: Option<char>,
    /// The group it is listed under in menus and the legend (brat's `!Life` above its
    /// event types); empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// Its roles, in the order they are shown.
    #[serde(default)]
    pub roles: Vec<Role>,
}

impl EventType {
    /// The role called `name`.
    pub fn role(&self, name: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.name == name)
    }
}

/// A kind of relation between two annotations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationType {
    /// Key stored in relations.
    pub name: String,
    /// What the user sees.
    pub label: String,
    /// Types allowed as first argument; empty allows any.
    #[serde(default)]
    pub arg1: Vec<String>,
    /// Types allowed as second argument; empty allows any.
    #[serde(default)]
    pub arg2: Vec<String>,
    /// Line colour.
    #[serde(default)]
    pub color: Rgb,
    /// The group it is listed under in menus and the legend (brat's `!Life` above its
    /// event types); empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
}

/// The values an attribute may take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AttrKind {
    /// Set or not set.
    Flag,
    /// One of these values.
    Values(Vec<String>),
    /// Free text, such as a normalised date `2016-03-24`.
    Text,
}

/// An attribute that annotations of some types may carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributeDef {
    /// Key stored in annotations.
    pub name: String,
    /// What the user sees.
    pub label: String,
    /// Entity, event or relation types that may carry it; empty allows all.
    #[serde(default)]
    pub applies_to: Vec<String>,
    /// Its values.
    pub kind: AttrKind,
}

impl AttributeDef {
    /// True when annotations of type `type_name` may carry this attribute.
    pub fn applies(&self, type_name: &str) -> bool {
        self.applies_to.is_empty() || self.applies_to.iter().any(|t| t == type_name)
    }

    /// True when the attribute may take `value`.
    pub fn allows(&self, value: &AttrValue) -> bool {
        match (&self.kind, value) {
            (AttrKind::Flag, AttrValue::Flag) | (AttrKind::Text, AttrValue::Value(_)) => true,
            (AttrKind::Values(values), AttrValue::Value(v)) => values.contains(v),
            _ => false,
        }
    }
}

/// Everything that may be annotated in a project.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Schema {
    /// Entity types, in menu order.
    #[serde(default)]
    pub entity_types: Vec<EntityType>,
    /// Event types, in menu order.
    #[serde(default)]
    pub event_types: Vec<EventType>,
    /// Relation types, in menu order.
    #[serde(default)]
    pub relation_types: Vec<RelationType>,
    /// Attributes.
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
    /// How incidents fill the columns of the event dataset export (see
    /// [`super::dataset_mapping`]); left out of the file while it is the default.
    #[serde(default, skip_serializing_if = "DatasetMapping::is_default")]
    pub event_dataset: DatasetMapping,
}

impl Schema {
    /// The entity type called `name`.
    pub fn entity_type(&self, name: &str) -> Option<&EntityType> {
        self.entity_types.iter().find(|t| t.name == name)
    }

    /// The event type called `name`.
    pub fn event_type(&self, name: &str) -> Option<&EventType> {
        self.event_types.iter().find(|t| t.name == name)
    }

    /// The relation type called `name`.
    pub fn relation_type(&self, name: &str) -> Option<&RelationType> {
        self.relation_types.iter().find(|t| t.name == name)
    }

    /// The attribute called `name`.
    pub fn attribute(&self, name: &str) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// The attributes that annotations of type `type_name` may carry.
    pub fn attributes_for<'a>(
        &'a self,
        type_name: &'a str,
    ) -> impl Iterator<Item = &'a AttributeDef> + 'a {
        self.attributes.iter().filter(move |a| a.applies(type_name))
    }

    /// Label of an entity or event type, or the name itself when the schema lacks it.
    pub fn label<'a>(&'a self, type_name: &'a str) -> &'a str {
        if let Some(t) = self.entity_type(type_name) {
            &t.label
        } else if let Some(t) = self.event_type(type_name) {
            &t.label
        } else if let Some(t) = self.relation_type(type_name) {
            &t.label
        } else {
            type_name
        }
    }

    /// Colour of an entity or event type (grey when unknown).
    pub fn color(&self, type_name: &str) -> Rgb {
        if let Some(t) = self.entity_type(type_name) {
            t.color
        } else if let Some(t) = self.event_type(type_name) {
            t.color
        } else {
            Rgb::default()
        }
    }
}

/// Adding what annotations use and the schema lacks: every importer (brat's `.ann` lines
/// beyond its `annotation.conf`, doccano's labels) and the repair of a project grow the
/// schema through these, so that an added type looks and is reported the same whatever
/// brought it. Each returns what it did, for the caller to place (file, line,
/// document), or `None` when the schema already had it. Each looks the name up in a
/// list: a pass that adds for every annotation goes through
/// [`IndexedSchema`](super::schema_index::IndexedSchema), whose own do the same in
/// constant time.
impl Schema {
    /// The colour of the next type added without one: the palette, taken in turn by all
    /// the types of the schema, so that neighbours differ.
    fn next_colour(&self) -> Rgb {
        Rgb::from_palette(
            self.entity_types.len() + self.event_types.len() + self.relation_types.len(),
        )
    }

    /// Adds the entity type `name` (labelled with its name) if the schema lacks it.
    pub fn add_missing_entity_type(&mut self, name: &str) -> Option<Diagnostic> {
        self.entity_type(name)
            .is_none()
            .then(|| self.push_entity_type(name))
    }

    /// Adds the event type `name` (labelled with its name, without roles) if the schema
    /// lacks it.
    pub fn add_missing_event_type(&mut self, name: &str) -> Option<Diagnostic> {
        self.event_type(name)
            .is_none()
            .then(|| self.push_event_type(name))
    }

    /// Adds the relation type `name` (labelled with its name, any arguments) if the
    /// schema lacks it.
    pub fn add_missing_relation_type(&mut self, name: &str) -> Option<Diagnostic> {
        self.relation_type(name)
            .is_none()
            .then(|| self.push_relation_type(name))
    }

    /// Adds the role `role` (any filler, any number of them) to the event type
    /// `event_type` if it lacks it; nothing when the schema has no such event type.
    pub fn add_missing_role(&mut self, event_type: &str, role: &str) -> Option<Diagnostic> {
        let t = self.event_types.iter_mut().find(|t| t.name == event_type)?;
        t.role(role).is_none().then(|| t.push_role(role))
    }

    /// Adds the attribute `name` with values `kind`, for every type, if the schema lacks
    /// it.
    pub fn add_missing_attribute(&mut self, name: &str, kind: AttrKind) -> Option<Diagnostic> {
        self.attribute(name)
            .is_none()
            .then(|| self.push_attribute(name, kind))
    }

    /// Lets annotations of type `type_name` carry the attribute `name`, if the schema has
    /// it and it does not apply to them yet.
    pub fn allow_attribute_on(&mut self, name: &str, type_name: &str) -> Option<Diagnostic> {
        let def = self.attributes.iter_mut().find(|a| a.name == name)?;
        (!def.applies(type_name)).then(|| def.push_applies_to(type_name))
    }

    /// Adds `value` to the values of the attribute `name`, if it is an attribute of a list
    /// of values that lacks it.
    pub fn add_missing_attribute_value(&mut self, name: &str, value: &str) -> Option<Diagnostic> {
        let def = self.attributes.iter_mut().find(|a| a.name == name)?;
        let AttrKind::Values(values) = &mut def.kind else {
            return None;
        };
        if values.iter().any(|v| v == value) {
            return None;
        }
        values.push(value.into());
        Some(Diagnostic::new(format!(
            "value {value:?} added to attribute {name:?} in the schema"
        )))
    }
}

/// What the `add_missing_*` of [`Schema`] and of
/// [`IndexedSchema`](super::schema_index::IndexedSchema) add, once they know it is
/// missing: one way of making each, whatever looked it up.
impl Schema {
    /// Adds the entity type `name`, labelled with its name.
    pub(super) fn push_entity_type(&mut self, name: &str) -> Diagnostic {
        let color = self.next_colour();
        self.entity_types.push(EntityType {
            group: String::new(),
            name: name.into(),
            label: name.into(),
            color,
            shortcut: None,
        });
        Diagnostic::new(format!("entity type {name:?} added to the schema"))
    }

    /// Adds the event type `name`, labelled with its name, without roles.
    pub(super) fn push_event_type(&mut self, name: &str) -> Diagnostic {
        let color = self.next_colour();
        self.event_types.push(EventType {
            group: String::new(),
            name: name.into(),
            label: name.into(),
            color,
            shortcut: None,
            roles: Vec::new(),
        });
        Diagnostic::new(format!("event type {name:?} added to the schema"))
    }

    /// Adds the relation type `name`, labelled with its name, any arguments.
    pub(super) fn push_relation_type(&mut self, name: &str) -> Diagnostic {
        let color = self.next_colour();
        self.relation_types.push(RelationType {
            group: String::new(),
            name: name.into(),
            label: name.into(),
            arg1: Vec::new(),
            arg2: Vec::new(),
            color,
        });
        Diagnostic::new(format!("relation type {name:?} added to the schema"))
    }

    /// Adds the attribute `name` with values `kind`, for every type.
    pub(super) fn push_attribute(&mut self, name: &str, kind: AttrKind) -> Diagnostic {
        self.attributes.push(AttributeDef {
            name: name.into(),
            label: name.into(),
            applies_to: Vec::new(),
            kind,
        });
        Diagnostic::new(format!("attribute {name:?} added to the schema"))
    }
}

impl EventType {
    /// Adds the role `role`: any filler, any number of them.
    pub(super) fn push_role(&mut self, role: &str) -> Diagnostic {
        self.roles.push(Role {
            name: role.into(),
            label: role.into(),
            fillers: Vec::new(),
            cardinality: Cardinality::Any,
        });
        let event_type = &self.name;
        Diagnostic::new(format!(
            "role {role:?} added to {event_type:?} in the schema"
        ))
    }
}

impl AttributeDef {
    /// Lets annotations of type `type_name` carry the attribute.
    pub(super) fn push_applies_to(&mut self, type_name: &str) -> Diagnostic {
        self.applies_to.push(type_name.into());
        let name = &self.name;
        Diagnostic::new(format!(
            "attribute {name:?} now applies to {type_name:?} in the schema"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_types_are_added_once_with_distinct_colours() {
        let mut schema = Schema::default();
        let added = schema
            .add_missing_entity_type("person")
            .map(|d| d.to_string());
        assert_eq!(
            added.as_deref(),
            Some("entity type \"person\" added to the schema")
        );
        assert_eq!(schema.add_missing_entity_type("person"), None);
        assert!(schema.add_missing_event_type("attack").is_some());
        assert!(schema.add_missing_relation_type("part_of").is_some());
        let colours = [
            schema.entity_types[0].color,
            schema.event_types[0].color,
            schema.relation_types[0].color,
        ];
        assert_eq!(colours, [0, 1, 2].map(Rgb::from_palette));
        assert_eq!(schema.add_missing_role("nothing", "agent"), None);
        assert!(schema.add_missing_role("attack", "agent").is_some());
        assert_eq!(schema.add_missing_role("attack", "agent"), None);
        assert_eq!(schema.event_types[0].roles[0].cardinality, Cardinality::Any);
    }

    #[test]
    fn attributes_grow_by_type_and_value() {
        let mut schema = Schema::default();
        let kind = AttrKind::Values(vec!["sure".into()]);
        assert!(
            schema
                .add_missing_attribute("certainty", kind.clone())
                .is_some()
        );
        assert_eq!(schema.add_missing_attribute("certainty", kind), None);
        assert_eq!(schema.allow_attribute_on("certainty", "attack"), None);
        schema.attributes[0].applies_to = vec!["attack".into()];
        let allowed = schema.allow_attribute_on("certainty", "place");
        assert_eq!(
            allowed.map(|d| d.message),
            Some("attribute \"certainty\" now applies to \"place\" in the schema".into())
        );
        assert!(
            schema
                .add_missing_attribute_value("certainty", "doubtful")
                .is_some()
        );
        assert_eq!(
            schema.add_missing_attribute_value("certainty", "sure"),
            None
        );
        assert_eq!(
            schema.attributes[0].kind,
            AttrKind::Values(vec!["sure".into(), "doubtful".into()])
        );
    }
}
