//! A schema with its names indexed, for the passes that look a name up per annotation
//! (validation, repair): the [`Schema`] keeps its types in lists, in menu order and as
//! the project file writes them, and scanning a list for each annotation made a project
//! of 50,000 types take seconds to check.
//!
//! The index lives only as long as a pass, and the schema can change during it only
//! through the index (it holds the schema), so that the two never disagree. Each map is
//! made on its first lookup, so that a pass that needs only some pays for those.

use super::annotation::AttrValue;
use super::diagnostic::Diagnostic;
use super::schema::{AttrKind, AttributeDef, EntityType, EventType, RelationType, Role, Schema};
use std::borrow::{Borrow, BorrowMut};
use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};

/// Positions by name; the first of two items with one name wins, as in a scan.
type Positions = HashMap<String, usize>;

/// What the lists of a schema hold: items with a name.
trait Named {
    fn name(&self) -> &str;
}

macro_rules! named {
    ($($t:ty),*) => {
        $(impl Named for $t {
            fn name(&self) -> &str {
                &self.name
            }
        })*
    };
}

named!(EntityType, EventType, RelationType, AttributeDef, Role);

fn positions(list: &[impl Named]) -> Positions {
    let mut map = Positions::new();
    for (i, item) in list.iter().enumerate() {
        map.entry(item.name().to_string()).or_insert(i);
    }
    map
}

/// The position of `name` in `list`, through its map `cell` (made now if not yet).
fn position(cell: &OnceCell<Positions>, list: &[impl Named], name: &str) -> Option<usize> {
    cell.get_or_init(|| positions(list)).get(name).copied()
}

/// The types an attribute applies to and its values, as sets.
struct AttributeSets {
    applies_to: HashSet<String>,
    values: HashSet<String>,
}

impl AttributeSets {
    fn new(def: &AttributeDef) -> Self {
        let values = match &def.kind {
            AttrKind::Values(values) => values.iter().cloned().collect(),
            AttrKind::Flag | AttrKind::Text => HashSet::new(),
        };
        Self {
            applies_to: def.applies_to.iter().cloned().collect(),
            values,
        }
    }
}

/// A schema (`&Schema`, `&mut Schema` or owned) whose lookups by name take constant
/// time; through `&mut`, it grows the schema as [`Schema`]'s `add_missing_*` do.
pub struct IndexedSchema<S> {
    schema: S,
    entity_types: OnceCell<Positions>,
    event_types: OnceCell<Positions>,
    relation_types: OnceCell<Positions>,
    attributes: OnceCell<Positions>,
    /// Role positions by name, by position of their event type.
    roles: RefCell<HashMap<usize, Positions>>,
    /// By position of the attribute.
    attribute_sets: RefCell<HashMap<usize, AttributeSets>>,
}

impl<S: Borrow<Schema>> IndexedSchema<S> {
    /// Indexes `schema` (lazily: each map on its first lookup).
    pub fn new(schema: S) -> Self {
        Self {
            schema,
            entity_types: OnceCell::new(),
            event_types: OnceCell::new(),
            relation_types: OnceCell::new(),
            attributes: OnceCell::new(),
            roles: RefCell::default(),
            attribute_sets: RefCell::default(),
        }
    }

    /// The schema.
    pub fn schema(&self) -> &Schema {
        self.schema.borrow()
    }

    /// The schema, without its index.
    pub fn into_inner(self) -> S {
        self.schema
    }

    fn entity_position(&self, name: &str) -> Option<usize> {
        position(&self.entity_types, &self.schema().entity_types, name)
    }

    fn event_position(&self, name: &str) -> Option<usize> {
        position(&self.event_types, &self.schema().event_types, name)
    }

    fn relation_position(&self, name: &str) -> Option<usize> {
        position(&self.relation_types, &self.schema().relation_types, name)
    }

    fn attribute_position(&self, name: &str) -> Option<usize> {
        position(&self.attributes, &self.schema().attributes, name)
    }

    /// The entity type called `name`.
    pub fn entity_type(&self, name: &str) -> Option<&EntityType> {
        self.schema().entity_types.get(self.entity_position(name)?)
    }

    /// The event type called `name`.
    pub fn event_type(&self, name: &str) -> Option<&EventType> {
        self.schema().event_types.get(self.event_position(name)?)
    }

    /// The relation type called `name`.
    pub fn relation_type(&self, name: &str) -> Option<&RelationType> {
        self.schema()
            .relation_types
            .get(self.relation_position(name)?)
    }

    /// The attribute called `name`.
    pub fn attribute(&self, name: &str) -> Option<&AttributeDef> {
        self.schema().attributes.get(self.attribute_position(name)?)
    }

    /// The role `role` of the event type `event_type`.
    pub fn role(&self, event_type: &str, role: &str) -> Option<&Role> {
        let at = self.event_position(event_type)?;
        let roles = &self.schema().event_types.get(at)?.roles;
        let i = *self
            .roles
            .borrow_mut()
            .entry(at)
            .or_insert_with(|| positions(roles))
            .get(role)?;
        roles.get(i)
    }

    /// What `look` says of the sets of the attribute called `name`; `None` when the
    /// schema has no such attribute.
    fn with_sets<T>(
        &self,
        name: &str,
        look: impl FnOnce(&AttributeDef, &AttributeSets) -> T,
    ) -> Option<T> {
        let at = self.attribute_position(name)?;
        let def = self.schema().attributes.get(at)?;
        let mut sets = self.attribute_sets.borrow_mut();
        let sets = sets.entry(at).or_insert_with(|| AttributeSets::new(def));
        Some(look(def, sets))
    }

    /// True when the attribute `name` exists and annotations of type `type_name` may
    /// carry it, as [`AttributeDef::applies`] says.
    pub fn attribute_applies(&self, name: &str, type_name: &str) -> bool {
        self.with_sets(name, |def, sets| {
            def.applies_to.is_empty() || sets.applies_to.contains(type_name)
        })
        .unwrap_or(false)
    }

    /// True when the attribute `name` exists and may take `value`, as
    /// [`AttributeDef::allows`] says.
    pub fn attribute_allows(&self, name: &str, value: &AttrValue) -> bool {
        self.with_sets(name, |def, sets| match (&def.kind, value) {
            (AttrKind::Values(_), AttrValue::Value(v)) => sets.values.contains(v),
            _ => def.allows(value),
        })
        .unwrap_or(false)
    }
}

/// Growing the schema with what annotations use and it lacks, as [`Schema`]'s
/// `add_missing_*` do, keeping the index up to date.
impl<S: BorrowMut<Schema>> IndexedSchema<S> {
    /// Records that the last item of a list, at `at`, is called `name`, in a map that
    /// is made (and then indexes the new item with the others) or not yet.
    fn indexed(map: &mut OnceCell<Positions>, name: &str, at: usize) {
        if let Some(map) = map.get_mut() {
            map.entry(name.to_string()).or_insert(at);
        }
    }

    /// Adds the entity type `name` if the schema lacks it.
    pub fn add_missing_entity_type(&mut self, name: &str) -> Option<Diagnostic> {
        if self.entity_position(name).is_some() {
            return None;
        }
        let schema = self.schema.borrow_mut();
        let added = schema.push_entity_type(name);
        Self::indexed(&mut self.entity_types, name, schema.entity_types.len() - 1);
        Some(added)
    }

    /// Adds the event type `name` (without roles) if the schema lacks it.
    pub fn add_missing_event_type(&mut self, name: &str) -> Option<Diagnostic> {
        if self.event_position(name).is_some() {
            return None;
        }
        let schema = self.schema.borrow_mut();
        let added = schema.push_event_type(name);
        Self::indexed(&mut self.event_types, name, schema.event_types.len() - 1);
        Some(added)
    }

    /// Adds the relation type `name` if the schema lacks it.
    pub fn add_missing_relation_type(&mut self, name: &str) -> Option<Diagnostic> {
        if self.relation_position(name).is_some() {
            return None;
        }
        let schema = self.schema.borrow_mut();
        let added = schema.push_relation_type(name);
        Self::indexed(
            &mut self.relation_types,
            name,
            schema.relation_types.len() - 1,
        );
        Some(added)
    }

    /// Adds the role `role` to the event type `event_type` if it lacks it; nothing when
    /// the schema has no such event type.
    pub fn add_missing_role(&mut self, event_type: &str, role: &str) -> Option<Diagnostic> {
        let at = self.event_position(event_type)?;
        if self.role(event_type, role).is_some() {
            return None;
        }
        let t = self.schema.borrow_mut().event_types.get_mut(at)?;
        let added = t.push_role(role);
        if let Some(map) = self.roles.get_mut().get_mut(&at) {
            map.insert(role.to_string(), t.roles.len() - 1);
        }
        Some(added)
    }

    /// Adds the attribute `name` with values `kind`, for every type, if the schema
    /// lacks it.
    pub fn add_missing_attribute(&mut self, name: &str, kind: AttrKind) -> Option<Diagnostic> {
        if self.attribute_position(name).is_some() {
            return None;
        }
        let schema = self.schema.borrow_mut();
        let added = schema.push_attribute(name, kind);
        Self::indexed(&mut self.attributes, name, schema.attributes.len() - 1);
        Some(added)
    }

    /// Lets annotations of type `type_name` carry the attribute `name`, if the schema
    /// has it and it does not apply to them yet.
    pub fn allow_attribute_on(&mut self, name: &str, type_name: &str) -> Option<Diagnostic> {
        let at = self.attribute_position(name)?;
        if self.attribute_applies(name, type_name) {
            return None;
        }
        let def = self.schema.borrow_mut().attributes.get_mut(at)?;
        let allowed = def.push_applies_to(type_name);
        if let Some(sets) = self.attribute_sets.get_mut().get_mut(&at) {
            sets.applies_to.insert(type_name.to_string());
        }
        Some(allowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_agree_with_the_lists_and_follow_what_is_added() {
        let mut schema = Schema::default();
        schema.add_missing_entity_type("person");
        schema.add_missing_entity_type("place");
        schema.add_missing_event_type("attack");
        schema.add_missing_role("attack", "agent");
        let mut indexed = IndexedSchema::new(&mut schema);
        assert_eq!(
            indexed.entity_type("place").map(|t| t.name.as_str()),
            Some("place")
        );
        assert!(indexed.entity_type("attack").is_none());
        assert!(indexed.role("attack", "agent").is_some());
        assert!(indexed.role("attack", "target").is_none());
        // Added after the maps were made: found through them.
        assert!(indexed.add_missing_entity_type("date").is_some());
        assert!(indexed.add_missing_entity_type("date").is_none());
        assert!(indexed.add_missing_role("attack", "target").is_some());
        assert!(indexed.role("attack", "target").is_some());
        assert!(indexed.add_missing_role("nothing", "agent").is_none());
        // Added before any lookup: found when the map is made.
        assert!(indexed.add_missing_relation_type("part_of").is_some());
        assert!(indexed.relation_type("part_of").is_some());
        let kind = AttrKind::Values(vec!["sure".into()]);
        assert!(indexed.add_missing_attribute("certainty", kind).is_some());
        let sure = AttrValue::Value("sure".into());
        assert!(indexed.attribute_allows("certainty", &sure));
        assert!(!indexed.attribute_allows("certainty", &AttrValue::Flag));
        assert!(
            indexed.attribute_applies("certainty", "attack"),
            "empty: all"
        );
        assert!(!indexed.attribute_applies("ghost", "attack"));
        indexed.into_inner().attributes[0].applies_to = vec!["attack".into()];
        let mut indexed = IndexedSchema::new(&mut schema);
        assert!(!indexed.attribute_applies("certainty", "place"));
        assert!(indexed.allow_attribute_on("certainty", "place").is_some());
        assert!(indexed.attribute_applies("certainty", "place"));
        assert!(indexed.allow_attribute_on("certainty", "place").is_none());
        assert_eq!(schema.entity_types.len(), 3);
        assert_eq!(schema.event_types[0].roles.len(), 2);
    }
}
