//! The schema of a merge: ours, with what theirs added to its own (types, roles,
//! attributes, attribute values), then whatever the merged annotations use and it
//! still lacks, so that the merged project validates.

use super::annotations::{Ann, annotations};
use crate::model::{
    AttrKind, AttrValue, Attributes, Diagnostic, Document, IndexedSchema, OtherVersion, Schema,
};
use std::collections::{HashMap, HashSet};

/// The items of a list by name.
fn by_name<T>(list: &[T], name: impl Fn(&T) -> &str) -> HashMap<&str, &T> {
    list.iter().map(|t| (name(t), t)).collect()
}

/// Appends to `ours` the items of `theirs` that neither `base` nor `ours` has, by name.
fn add_new<T: Clone>(ours: &mut Vec<T>, base: &[T], theirs: &[T], name: impl Fn(&T) -> &str) {
    let known: HashSet<String> = base
        .iter()
        .chain(ours.iter())
        .map(|t| name(t).to_string())
        .collect();
    ours.extend(theirs.iter().filter(|t| !known.contains(name(t))).cloned());
}

/// Ours' schema with what theirs added: types, roles of event types, attributes, the
/// values and types of shared attributes. What ours removed stays removed (unless an
/// annotation uses it: see [`declare_used`]); where both changed a definition, ours'.
pub(super) fn merge_schema(base: &Schema, ours: &Schema, theirs: &Schema) -> Schema {
    let mut merged = ours.clone();
    add_new(
        &mut merged.entity_types,
        &base.entity_types,
        &theirs.entity_types,
        |t| &t.name,
    );
    add_new(
        &mut merged.relation_types,
        &base.relation_types,
        &theirs.relation_types,
        |t| &t.name,
    );
    let base_events = by_name(&base.event_types, |t| &t.name);
    let theirs_events = by_name(&theirs.event_types, |t| &t.name);
    for t in &mut merged.event_types {
        if let Some(theirs_type) = theirs_events.get(t.name.as_str()) {
            let base_roles = base_events
                .get(t.name.as_str())
                .map_or(&[][..], |b| &b.roles[..]);
            add_new(&mut t.roles, base_roles, &theirs_type.roles, |r| &r.name);
        }
    }
    add_new(
        &mut merged.event_types,
        &base.event_types,
        &theirs.event_types,
        |t| &t.name,
    );
    let base_attributes = by_name(&base.attributes, |a| &a.name);
    let theirs_attributes = by_name(&theirs.attributes, |a| &a.name);
    for a in &mut merged.attributes {
        let Some(theirs_def) = theirs_attributes.get(a.name.as_str()) else {
            continue;
        };
        let base_def = base_attributes.get(a.name.as_str());
        if let (AttrKind::Values(values), AttrKind::Values(theirs_values)) =
            (&mut a.kind, &theirs_def.kind)
        {
            let base_values = match base_def.map(|b| &b.kind) {
                Some(AttrKind::Values(v)) => &v[..],
                _ => &[],
            };
            add_new(values, base_values, theirs_values, |v| v);
        }
        // An empty list applies to every type: a list only grows while ours keeps one.
        if !a.applies_to.is_empty() && !theirs_def.applies_to.is_empty() {
            let base_applies = base_def.map_or(&[][..], |b| &b.applies_to[..]);
            add_new(
                &mut a.applies_to,
                base_applies,
                &theirs_def.applies_to,
                |t| t,
            );
        }
    }
    add_new(
        &mut merged.attributes,
        &base.attributes,
        &theirs.attributes,
        |a| &a.name,
    );
    merged
}

/// Declares in `schema` every type, role, attribute and attribute value that the
/// annotations of `docs` use (versions set aside in conflicts too) and it lacks, as a
/// repair would; returns what was added, with the position of the document that uses
/// it.
pub(super) fn declare_used(schema: &mut Schema, docs: &[Document]) -> Vec<(usize, Diagnostic)> {
    let mut added = Vec::new();
    let mut values: Vec<(usize, String, String)> = Vec::new();
    let mut seen_values: HashSet<(String, String)> = HashSet::new();
    let mut indexed = IndexedSchema::new(&mut *schema);
    for (at, doc) in docs.iter().enumerate() {
        let set_aside = doc.conflicts.iter().filter_map(|c| match &c.other {
            OtherVersion::Deleted => None,
            OtherVersion::Mention(m) => Some(Ann::Mention(m)),
            OtherVersion::Event(e) => Some(Ann::Event(e)),
            OtherVersion::Relation(r) => Some(Ann::Relation(r)),
        });
        for a in annotations(doc).chain(set_aside) {
            let mut note = |d: Option<Diagnostic>| {
                if let Some(d) = d {
                    added.push((at, d.on(a.target())));
                }
            };
            let type_name = a.type_name();
            let attributes: &Attributes = match a {
                Ann::Mention(m) => {
                    note(indexed.add_missing_entity_type(type_name));
                    &m.attributes
                }
                Ann::Event(e) => {
                    note(indexed.add_missing_event_type(type_name));
                    for arg in &e.arguments {
                        note(indexed.add_missing_role(type_name, &arg.role));
                    }
                    &e.attributes
                }
                Ann::Relation(r) => {
                    note(indexed.add_missing_relation_type(type_name));
                    &r.attributes
                }
            };
            for (name, value) in attributes {
                let kind = match value {
                    AttrValue::Flag => AttrKind::Flag,
                    AttrValue::Value(_) => AttrKind::Text,
                };
                note(indexed.add_missing_attribute(name, kind));
                note(indexed.allow_attribute_on(name, type_name));
                if let AttrValue::Value(v) = value
                    && !indexed.attribute_allows(name, value)
                    && seen_values.insert((name.clone(), v.clone()))
                {
                    values.push((at, name.clone(), v.clone()));
                }
            }
        }
    }
    // Values of listed attributes are few to add, if any: looked up in the list.
    for (at, name, value) in values {
        if let Some(d) = schema.add_missing_attribute_value(&name, &value) {
            added.push((at, d));
        }
    }
    added
}
