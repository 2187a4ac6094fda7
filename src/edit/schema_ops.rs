//! Edits of the schema: types, roles, attributes, colours, keys and groups.
//!
//! A schema is not a list of labels beside the annotations: the annotations name its
//! types, roles and attributes. So an edit of the schema that changes a name changes
//! every annotation that uses it in the same [`Edit`] (one undo step puts all of it
//! back), and one that takes a name away says what to do with its annotations first
//! ([`uses_of_type`], [`InUse`]). Every function checks its arguments and builds the
//! edit without touching the project, like those of [`super::ops`]; after each, the
//! project still passes [`crate::model::validate`].

use super::change::{Annotation, AnnotationKey, Change, Edit, EditError, Links};
use super::ops::{self, Stamp};
use crate::model::{
    AnnotationRef, AttrKind, AttrValue, AttributeDef, Cardinality, Document, EventId, Filler,
    MentionId, OtherVersion, Project, RelationId, Rgb, Role, Schema,
};

/// The three kinds of types of a schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    /// Entity types: what mentions are.
    Entity,
    /// Event types: what events are.
    Event,
    /// Relation types: what relations are.
    Relation,
}

impl TypeKind {
    /// All three, in the order the schema lists them.
    pub const ALL: [TypeKind; 3] = [TypeKind::Entity, TypeKind::Event, TypeKind::Relation];

    /// "entity type", "event type", "relation type".
    pub fn word(self) -> &'static str {
        match self {
            TypeKind::Entity => "entity type",
            TypeKind::Event => "event type",
            TypeKind::Relation => "relation type",
        }
    }
}

/// What becomes of the annotations of a type that is deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InUse {
    /// They are deleted too, with the arguments and relations that point at them.
    Delete,
    /// They take this other type of the same kind.
    Retype(String),
}

/// The names of the types of `kind`, in schema order.
pub fn type_names(schema: &Schema, kind: TypeKind) -> Vec<String> {
    match kind {
        TypeKind::Entity => schema.entity_types.iter().map(|t| t.name.clone()).collect(),
        TypeKind::Event => schema.event_types.iter().map(|t| t.name.clone()).collect(),
        TypeKind::Relation => schema
            .relation_types
            .iter()
            .map(|t| t.name.clone())
            .collect(),
    }
}

fn has_type(schema: &Schema, kind: TypeKind, name: &str) -> bool {
    match kind {
        TypeKind::Entity => schema.entity_type(name).is_some(),
        TypeKind::Event => schema.event_type(name).is_some(),
        TypeKind::Relation => schema.relation_type(name).is_some(),
    }
}

/// True when a type of any kind is called `name` (a name names one type only, so that
/// role fillers and attributes, which list names of any kind, stay unambiguous).
fn name_taken(schema: &Schema, name: &str) -> bool {
    TypeKind::ALL.iter().any(|&k| has_type(schema, k, name))
}

fn check_name(name: &str) -> Result<(), EditError> {
    if name.is_empty() || name.chars().any(char::is_whitespace) {
        return Err(EditError::BadName(name.to_string()));
    }
    Ok(())
}

fn missing(kind: TypeKind, name: &str) -> EditError {
    EditError::NotInSchema(format!("{} {name:?}", kind.word()))
}

/// The type of an annotation, if it is of `kind`.
fn type_of(annotation: &Annotation, kind: TypeKind) -> Option<&str> {
    match (annotation, kind) {
        (Annotation::Mention(m), TypeKind::Entity) => Some(&m.entity_type),
        (Annotation::Event(e), TypeKind::Event) => Some(&e.event_type),
        (Annotation::Relation(r), TypeKind::Relation) => Some(&r.relation_type),
        _ => None,
    }
}

fn type_of_mut(annotation: &mut Annotation, kind: TypeKind) -> Option<&mut String> {
    match (annotation, kind) {
        (Annotation::Mention(m), TypeKind::Entity) => Some(&mut m.entity_type),
        (Annotation::Event(e), TypeKind::Event) => Some(&mut e.event_type),
        (Annotation::Relation(r), TypeKind::Relation) => Some(&mut r.relation_type),
        _ => None,
    }
}

fn attributes_mut(annotation: &mut Annotation) -> (&str, &mut crate::model::Attributes) {
    match annotation {
        Annotation::Mention(m) => (&m.entity_type, &mut m.attributes),
        Annotation::Event(e) => (&e.event_type, &mut e.attributes),
        Annotation::Relation(r) => (&r.relation_type, &mut r.attributes),
    }
}

/// How many annotations of the project (in place, not the versions set aside by a
/// merge) are of the type `name` of `kind`.
pub fn uses_of_type(project: &Project, kind: TypeKind, name: &str) -> usize {
    project
        .documents
        .iter()
        .map(|d| uses_in_document(d, kind, name))
        .sum()
}

/// How many annotations of `document` are of the type `name` of `kind`.
pub fn uses_in_document(document: &Document, kind: TypeKind, name: &str) -> usize {
    match kind {
        TypeKind::Entity => document
            .mentions
            .iter()
            .filter(|m| m.entity_type == name)
            .count(),
        TypeKind::Event => document
            .events
            .iter()
            .filter(|e| e.event_type == name)
            .count(),
        TypeKind::Relation => document
            .relations
            .iter()
            .filter(|r| r.relation_type == name)
            .count(),
    }
}

/// How many arguments of events of `event_type` fill its role `role`.
pub fn uses_of_role(project: &Project, event_type: &str, role: &str) -> usize {
    project
        .documents
        .iter()
        .flat_map(|d| &d.events)
        .filter(|e| e.event_type == event_type)
        .flat_map(|e| &e.arguments)
        .filter(|a| a.role == role)
        .count()
}

/// The changes that rewrite with `rewrite` every annotation of the project, in place
/// and set aside in merge conflicts; `rewrite` says whether it changed the annotation.
fn rewrite_annotations(
    project: &Project,
    mut rewrite: impl FnMut(&mut Annotation) -> bool,
) -> Vec<Change> {
    let mut changes = Vec::new();
    for (doc, d) in project.documents.iter().enumerate() {
        let all = d
            .mentions
            .iter()
            .map(|m| (AnnotationKey::Mention(m.id), Annotation::Mention(m.clone())))
            .chain(
                d.events
                    .iter()
                    .map(|e| (AnnotationKey::Event(e.id), Annotation::Event(e.clone()))),
            )
            .chain(d.relations.iter().map(|r| {
                (
                    AnnotationKey::Relation(r.id),
                    Annotation::Relation(r.clone()),
                )
            }));
        for (key, mut annotation) in all {
            if rewrite(&mut annotation) {
                changes.push(Change::SetAnnotation {
                    doc,
                    key,
                    value: Some(Box::new(annotation)),
                });
            }
        }
        let mut changed = false;
        let conflicts = d
            .conflicts
            .iter()
            .map(|c| {
                let mut c = c.clone();
                let other = match std::mem::replace(&mut c.other, OtherVersion::Deleted) {
                    OtherVersion::Deleted => return c,
                    OtherVersion::Mention(m) => Annotation::Mention(m),
                    OtherVersion::Event(e) => Annotation::Event(e),
                    OtherVersion::Relation(r) => Annotation::Relation(r),
                };
                let mut other = other;
                changed |= rewrite(&mut other);
                c.other = match other {
                    Annotation::Mention(m) => OtherVersion::Mention(m),
                    Annotation::Event(e) => OtherVersion::Event(e),
                    Annotation::Relation(r) => OtherVersion::Relation(r),
                };
                c
            })
            .collect();
        if changed {
            changes.push(Change::SetConflicts { doc, conflicts });
        }
    }
    changes
}

/// An edit made of the annotation changes `changes` and then the new `schema`.
fn schema_edit(label: String, mut changes: Vec<Change>, schema: Schema) -> Edit {
    changes.push(Change::SetSchema {
        schema: Box::new(schema),
    });
    Edit {
        label,
        changes,
        doc: None,
    }
}

/// Replaces `old` by `new` in a list of type names, without making a duplicate.
fn rename_in(list: &mut Vec<String>, old: &str, new: &str) {
    let had_new = list.iter().any(|n| n == new);
    if had_new {
        list.retain(|n| n != old);
    } else {
        for n in list.iter_mut().filter(|n| *n == old) {
            *n = new.to_string();
        }
    }
}

/// Every list of type names in the schema: role fillers, relation ends, attributes.
fn for_each_type_list(schema: &mut Schema, mut f: impl FnMut(&mut Vec<String>)) {
    for t in &mut schema.event_types {
        for r in &mut t.roles {
            f(&mut r.fillers);
        }
    }
    for r in &mut schema.relation_types {
        f(&mut r.arg1);
        f(&mut r.arg2);
    }
    for a in &mut schema.attributes {
        f(&mut a.applies_to);
    }
}

/// Adds a type of `kind` called `name` (labelled with its name, a colour of the
/// palette).
pub fn add_type(project: &Project, kind: TypeKind, name: &str) -> Result<Edit, EditError> {
    check_name(name)?;
    if name_taken(&project.schema, name) {
        return Err(EditError::AlreadyInSchema(format!("a type {name:?}")));
    }
    let mut schema = project.schema.clone();
    match kind {
        TypeKind::Entity => schema.add_missing_entity_type(name),
        TypeKind::Event => schema.add_missing_event_type(name),
        TypeKind::Relation => schema.add_missing_relation_type(name),
    };
    Ok(schema_edit(
        format!("add {} {name}", kind.word()),
        Vec::new(),
        schema,
    ))
}

/// Changes what the user sees of a type (its name, stored in annotations, stays).
pub fn set_type_label(
    project: &Project,
    kind: TypeKind,
    name: &str,
    label: &str,
) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    let slot = type_fields(&mut schema, kind, name).map(|t| t.label);
    *slot.ok_or_else(|| missing(kind, name))? = label.to_string();
    Ok(schema_edit(
        format!("label {} {name} “{label}”", kind.word()),
        Vec::new(),
        schema,
    ))
}

/// Renames the type `old` of `kind` to `new` everywhere: the schema (its label too when
/// it was the name), every annotation of that type, the role fillers, relation ends and
/// attributes that list it, equivalences and the versions set aside by a merge.
pub fn rename_type(
    project: &Project,
    kind: TypeKind,
    old: &str,
    new: &str,
) -> Result<Edit, EditError> {
    check_name(new)?;
    if !has_type(&project.schema, kind, old) {
        return Err(missing(kind, old));
    }
    if name_taken(&project.schema, new) {
        return Err(EditError::AlreadyInSchema(format!("a type {new:?}")));
    }
    let mut schema = project.schema.clone();
    let rename = |name: &mut String, label: &mut String| {
        if *label == *name {
            *label = new.to_string();
        }
        *name = new.to_string();
    };
    match kind {
        TypeKind::Entity => schema
            .entity_types
            .iter_mut()
            .filter(|t| t.name == old)
            .for_each(|t| rename(&mut t.name, &mut t.label)),
        TypeKind::Event => schema
            .event_types
            .iter_mut()
            .filter(|t| t.name == old)
            .for_each(|t| rename(&mut t.name, &mut t.label)),
        TypeKind::Relation => schema
            .relation_types
            .iter_mut()
            .filter(|t| t.name == old)
            .for_each(|t| rename(&mut t.name, &mut t.label)),
    }
    for_each_type_list(&mut schema, |list| rename_in(list, old, new));
    let mut changes = rewrite_annotations(project, |a| match type_of_mut(a, kind) {
        Some(t) if t == old => {
            *t = new.to_string();
            true
        }
        _ => false,
    });
    if kind == TypeKind::Relation {
        changes.extend(renamed_equivalences(project, old, new));
    }
    if kind == TypeKind::Event {
        schema.event_dataset.rename_event_type(old, new);
        changes.extend(super::incident_ops::retyped_incidents(project, old, new));
    }
    Ok(schema_edit(
        format!("rename {} {old} to {new}", kind.word()),
        changes,
        schema,
    ))
}

/// The changes that give the equivalences of relation type `old` the type `new`.
fn renamed_equivalences(project: &Project, old: &str, new: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    for (doc, d) in project.documents.iter().enumerate() {
        if d.equivalences.iter().any(|e| e.relation_type == old) {
            let mut links = Links {
                equivalences: d.equivalences.clone(),
                normalizations: d.normalizations.clone(),
                comments: d.comments.clone(),
            };
            for e in links
                .equivalences
                .iter_mut()
                .filter(|e| e.relation_type == old)
            {
                e.relation_type = new.to_string();
            }
            changes.push(Change::SetLinks {
                doc,
                links: Box::new(links),
            });
        }
    }
    changes
}

/// Deletes the type `name` of `kind`; its annotations, if any, are deleted (with what
/// points at them) or given another type, as `in_use` says. The lists of the schema
/// that name it (role fillers, relation ends, attributes) lose it, or name the new type.
pub fn delete_type(
    project: &Project,
    kind: TypeKind,
    name: &str,
    in_use: &InUse,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    if !has_type(&project.schema, kind, name) {
        return Err(missing(kind, name));
    }
    let uses = uses_of_type(project, kind, name);
    let mut schema = project.schema.clone();
    match kind {
        TypeKind::Entity => schema.entity_types.retain(|t| t.name != name),
        TypeKind::Event => schema.event_types.retain(|t| t.name != name),
        TypeKind::Relation => schema.relation_types.retain(|t| t.name != name),
    }
    let (changes, label) = match in_use {
        InUse::Retype(target) if uses > 0 => {
            if target == name || !has_type(&project.schema, kind, target) {
                return Err(missing(kind, target));
            }
            for_each_type_list(&mut schema, |list| rename_in(list, name, target));
            // The retyped events keep their arguments: their roles join the new type.
            if kind == TypeKind::Event {
                for role in project
                    .documents
                    .iter()
                    .flat_map(|d| &d.events)
                    .filter(|e| e.event_type == name)
                    .flat_map(|e| &e.arguments)
                {
                    if let Some(t) = schema.event_types.iter_mut().find(|t| &t.name == target)
                        && t.role(&role.role).is_none()
                        && let Some(def) = project
                            .schema
                            .event_type(name)
                            .and_then(|t| t.role(&role.role))
                    {
                        t.roles.push(def.clone());
                    }
                }
            }
            let mut changes = rewrite_annotations(project, |a| match type_of_mut(a, kind) {
                Some(t) if t == name => {
                    *t = target.clone();
                    true
                }
                _ => false,
            });
            for change in &mut changes {
                if let Change::SetAnnotation {
                    value: Some(value), ..
                } = change
                {
                    stamp_annotation(value, stamp);
                }
            }
            if kind == TypeKind::Relation {
                changes.extend(renamed_equivalences(project, name, target));
            }
            if kind == TypeKind::Event {
                changes.extend(super::incident_ops::retyped_incidents(
                    project, name, target,
                ));
            }
            let label = format!(
                "delete {} {name} ({uses} annotations become {target})",
                kind.word()
            );
            (changes, label)
        }
        _ => {
            for_each_type_list(&mut schema, |list| list.retain(|n| n != name));
            // An attribute that applied to this type only would now apply to all.
            schema.attributes.retain(|a| {
                !a.applies_to.is_empty()
                    || project
                        .schema
                        .attribute(&a.name)
                        .is_none_or(|old| old.applies_to.is_empty())
            });
            let changes = deletion_changes(project, kind, name, stamp)?;
            let label = if uses == 0 {
                format!("delete {} {name}", kind.word())
            } else {
                format!("delete {} {name} and its {uses} annotations", kind.word())
            };
            (changes, label)
        }
    };
    Ok(schema_edit(label, changes, schema))
}

fn stamp_annotation(annotation: &mut Annotation, stamp: &Stamp) {
    let (author, changed) = match annotation {
        Annotation::Mention(m) => (&mut m.author, &mut m.changed),
        Annotation::Event(e) => (&mut e.author, &mut e.changed),
        Annotation::Relation(r) => (&mut r.author, &mut r.changed),
    };
    author.clone_from(&stamp.author);
    changed.clone_from(&stamp.time);
}

/// The changes that delete every annotation of the type `name` of `kind`, with what
/// points at them (as deleting each by hand would), and the set-aside versions of it.
fn deletion_changes(
    project: &Project,
    kind: TypeKind,
    name: &str,
    stamp: &Stamp,
) -> Result<Vec<Change>, EditError> {
    // Each deletion is built on the project as the previous ones left it.
    let mut scratch = project.clone();
    let mut changes = Vec::new();
    for doc in 0..project.documents.len() {
        let targets: Vec<AnnotationKey> = {
            let d = &project.documents[doc];
            match kind {
                TypeKind::Entity => d
                    .mentions
                    .iter()
                    .filter(|m| m.entity_type == name)
                    .map(|m| AnnotationKey::Mention(m.id))
                    .collect(),
                TypeKind::Event => d
                    .events
                    .iter()
                    .filter(|e| e.event_type == name)
                    .map(|e| AnnotationKey::Event(e.id))
                    .collect(),
                TypeKind::Relation => d
                    .relations
                    .iter()
                    .filter(|r| r.relation_type == name)
                    .map(|r| AnnotationKey::Relation(r.id))
                    .collect(),
            }
        };
        for key in targets {
            let edit = match key {
                AnnotationKey::Mention(MentionId(id)) => {
                    ops::delete(&scratch, doc, Filler::Mention(MentionId(id)), stamp)?
                }
                AnnotationKey::Event(EventId(id)) => {
                    ops::delete(&scratch, doc, Filler::Event(EventId(id)), stamp)?
                }
                AnnotationKey::Relation(id) => delete_relation(&scratch, doc, id)?,
            };
            changes.extend(edit.changes.iter().cloned());
            edit.apply(&mut scratch)?;
        }
        // The versions of this type set aside by a merge go with it.
        let d = &scratch.documents[doc];
        let conflicts: Vec<_> = d
            .conflicts
            .iter()
            .filter(|c| {
                let other = match &c.other {
                    OtherVersion::Mention(m) => Some(Annotation::Mention(m.clone())),
                    OtherVersion::Event(e) => Some(Annotation::Event(e.clone())),
                    OtherVersion::Relation(r) => Some(Annotation::Relation(r.clone())),
                    OtherVersion::Deleted => None,
                };
                other.is_none_or(|o| type_of(&o, kind) != Some(name))
            })
            .cloned()
            .collect();
        if conflicts.len() != d.conflicts.len() {
            let change = Change::SetConflicts { doc, conflicts };
            changes.push(change.clone());
            change.apply(&mut scratch)?;
        }
    }
    Ok(changes)
}

/// Deletes a relation, and the normalisations, comments and conflicts about it.
fn delete_relation(project: &Project, doc: usize, id: RelationId) -> Result<Edit, EditError> {
    let d = project
        .documents
        .get(doc)
        .ok_or(EditError::NoDocument(doc))?;
    let gone = AnnotationRef::Relation(id);
    let mut changes = vec![Change::SetAnnotation {
        doc,
        key: AnnotationKey::Relation(id),
        value: None,
    }];
    let links = Links {
        equivalences: d.equivalences.clone(),
        normalizations: d
            .normalizations
            .iter()
            .filter(|n| n.target != gone)
            .cloned()
            .collect(),
        comments: d
            .comments
            .iter()
            .filter(|c| c.target != gone)
            .cloned()
            .collect(),
    };
    if links.normalizations.len() != d.normalizations.len()
        || links.comments.len() != d.comments.len()
    {
        changes.push(Change::SetLinks {
            doc,
            links: Box::new(links),
        });
    }
    if d.conflicts.iter().any(|c| c.target == gone) {
        changes.push(Change::SetConflicts {
            doc,
            conflicts: d
                .conflicts
                .iter()
                .filter(|c| c.target != gone)
                .cloned()
                .collect(),
        });
    }
    Ok(Edit {
        label: format!("delete {id}"),
        changes,
        doc: Some(doc),
    })
}

/// Sets the colour of a type.
pub fn set_colour(
    project: &Project,
    kind: TypeKind,
    name: &str,
    colour: Rgb,
) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    let slot = type_fields(&mut schema, kind, name).map(|t| t.color);
    *slot.ok_or_else(|| missing(kind, name))? = colour;
    Ok(schema_edit(
        format!("set colour of {name} to {}", String::from(colour)),
        Vec::new(),
        schema,
    ))
}

/// Sets (or clears, `None`) the key of an entity or event type. Entity types and event
/// types (pressed with Shift) have keys of their own; a key another type of the same
/// kind has is refused, naming it. Keys are compared ignoring case.
pub fn set_shortcut(
    project: &Project,
    kind: TypeKind,
    name: &str,
    key: Option<char>,
) -> Result<Edit, EditError> {
    let same = |a: char, b: char| a.to_lowercase().eq(b.to_lowercase());
    let key = key.map(|k| k.to_lowercase().next().unwrap_or(k));
    let mut schema = project.schema.clone();
    let others = match kind {
        TypeKind::Entity => schema
            .entity_types
            .iter()
            .map(|t| (&t.name, t.shortcut, &t.label))
            .collect::<Vec<_>>(),
        TypeKind::Event => schema
            .event_types
            .iter()
            .map(|t| (&t.name, t.shortcut, &t.label))
            .collect(),
        TypeKind::Relation => {
            return Err(EditError::NotInSchema(
                "key for relation types (they are drawn between annotations)".into(),
            ));
        }
    };
    let owner = key.and_then(|k| {
        others
            .into_iter()
            .find(|(n, s, _)| *n != name && s.is_some_and(|s| same(s, k)))
            .map(|(_, _, label)| label.clone())
    });
    let slot = type_fields(&mut schema, kind, name)
        .and_then(|t| t.shortcut)
        .ok_or_else(|| missing(kind, name))?;
    if let (Some(key), Some(owner)) = (key, owner) {
        return Err(EditError::KeyTaken { key, owner });
    }
    *slot = key;
    let label = match key {
        Some(k) => format!("set key of {name} to {k}"),
        None => format!("remove key of {name}"),
    };
    Ok(schema_edit(label, Vec::new(), schema))
}

/// Sets the group a type is listed under; an empty `group` takes it out of any.
pub fn set_group(
    project: &Project,
    kind: TypeKind,
    name: &str,
    group: &str,
) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    let slot = type_fields(&mut schema, kind, name).map(|t| t.group);
    *slot.ok_or_else(|| missing(kind, name))? = group.trim().to_string();
    let label = if group.trim().is_empty() {
        format!("take {name} out of its group")
    } else {
        format!("put {name} in group {}", group.trim())
    };
    Ok(schema_edit(label, Vec::new(), schema))
}

/// The fields that every kind of type has, borrowed from type `name` of `kind`.
struct TypeFields<'a> {
    label: &'a mut String,
    color: &'a mut Rgb,
    group: &'a mut String,
    /// Relation types have no key.
    shortcut: Option<&'a mut Option<char>>,
}

/// The fields of type `name` of `kind` in `schema`, if it has one.
fn type_fields<'a>(schema: &'a mut Schema, kind: TypeKind, name: &str) -> Option<TypeFields<'a>> {
    match kind {
        TypeKind::Entity => schema
            .entity_types
            .iter_mut()
            .find(|t| t.name == name)
            .map(|t| TypeFields {
                label: &mut t.label,
                color: &mut t.color,
                group: &mut t.group,
                shortcut: Some(&mut t.shortcut),
            }),
        TypeKind::Event => schema
            .event_types
            .iter_mut()
            .find(|t| t.name == name)
            .map(|t| TypeFields {
                label: &mut t.label,
                color: &mut t.color,
                group: &mut t.group,
                shortcut: Some(&mut t.shortcut),
            }),
        TypeKind::Relation => schema
            .relation_types
            .iter_mut()
            .find(|t| t.name == name)
            .map(|t| TypeFields {
                label: &mut t.label,
                color: &mut t.color,
                group: &mut t.group,
                shortcut: None,
            }),
    }
}

/// The event type `event_type` of a copy of the schema, and that copy.
fn with_event_type<'a>(
    schema: &'a mut Schema,
    event_type: &str,
) -> Result<&'a mut crate::model::EventType, EditError> {
    schema
        .event_types
        .iter_mut()
        .find(|t| t.name == event_type)
        .ok_or_else(|| missing(TypeKind::Event, event_type))
}

fn with_role<'a>(
    schema: &'a mut Schema,
    event_type: &str,
    role: &str,
) -> Result<&'a mut Role, EditError> {
    with_event_type(schema, event_type)?
        .roles
        .iter_mut()
        .find(|r| r.name == role)
        .ok_or_else(|| EditError::NotInSchema(format!("role {role:?} of {event_type:?}")))
}

/// Adds the role `role` to an event type: optional, any filler.
pub fn add_role(project: &Project, event_type: &str, role: &str) -> Result<Edit, EditError> {
    check_name(role)?;
    let mut schema = project.schema.clone();
    let t = with_event_type(&mut schema, event_type)?;
    if t.role(role).is_some() {
        return Err(EditError::AlreadyInSchema(format!(
            "a role {role:?} of {event_type:?}"
        )));
    }
    t.roles.push(Role {
        name: role.to_string(),
        label: role.to_string(),
        fillers: Vec::new(),
        cardinality: Cardinality::Optional,
    });
    Ok(schema_edit(
        format!("add role {role} to {event_type}"),
        Vec::new(),
        schema,
    ))
}

/// Renames a role of an event type, and the arguments of its events that fill it.
pub fn rename_role(
    project: &Project,
    event_type: &str,
    old: &str,
    new: &str,
) -> Result<Edit, EditError> {
    check_name(new)?;
    let mut schema = project.schema.clone();
    if with_event_type(&mut schema, event_type)?
        .role(new)
        .is_some()
    {
        return Err(EditError::AlreadyInSchema(format!(
            "a role {new:?} of {event_type:?}"
        )));
    }
    let role = with_role(&mut schema, event_type, old)?;
    if role.label == role.name {
        role.label = new.to_string();
    }
    role.name = new.to_string();
    let changes = rewrite_annotations(project, |a| match a {
        Annotation::Event(e) if e.event_type == event_type => {
            let mut changed = false;
            for arg in e.arguments.iter_mut().filter(|arg| arg.role == old) {
                arg.role = new.to_string();
                changed = true;
            }
            changed
        }
        _ => false,
    });
    Ok(schema_edit(
        format!("rename role {old} of {event_type} to {new}"),
        changes,
        schema,
    ))
}

/// Removes a role of an event type, and the arguments of its events that fill it.
pub fn remove_role(
    project: &Project,
    event_type: &str,
    role: &str,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    with_role(&mut schema, event_type, role)?;
    with_event_type(&mut schema, event_type)?
        .roles
        .retain(|r| r.name != role);
    let mut changes = rewrite_annotations(project, |a| match a {
        Annotation::Event(e) if e.event_type == event_type => {
            let before = e.arguments.len();
            e.arguments.retain(|arg| arg.role != role);
            e.arguments.len() != before
        }
        _ => false,
    });
    stamp_changes(&mut changes, stamp);
    Ok(schema_edit(
        format!("remove role {role} of {event_type}"),
        changes,
        schema,
    ))
}

fn stamp_changes(changes: &mut [Change], stamp: &Stamp) {
    for change in changes {
        if let Change::SetAnnotation {
            value: Some(value), ..
        } = change
        {
            stamp_annotation(value, stamp);
        }
    }
}

/// Sets the types that may fill a role (entity or event types; empty: any).
pub fn set_role_fillers(
    project: &Project,
    event_type: &str,
    role: &str,
    fillers: Vec<String>,
) -> Result<Edit, EditError> {
    for f in &fillers {
        if project.schema.entity_type(f).is_none() && project.schema.event_type(f).is_none() {
            return Err(EditError::UnknownType(f.clone()));
        }
    }
    let mut schema = project.schema.clone();
    with_role(&mut schema, event_type, role)?.fillers = fillers;
    Ok(schema_edit(
        format!("change the fillers of {role} of {event_type}"),
        Vec::new(),
        schema,
    ))
}

/// Sets how many fillers a role takes.
pub fn set_role_cardinality(
    project: &Project,
    event_type: &str,
    role: &str,
    cardinality: Cardinality,
) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    with_role(&mut schema, event_type, role)?.cardinality = cardinality;
    Ok(schema_edit(
        format!(
            "make {role} of {event_type} {}",
            cardinality_in_words(cardinality)
        ),
        Vec::new(),
        schema,
    ))
}

/// A cardinality as annotators say it: "required", "optional", "one or more", "any
/// number" (brat's no mark, `?`, `+`, `*`).
pub fn cardinality_in_words(cardinality: Cardinality) -> &'static str {
    match cardinality {
        Cardinality::One => "required",
        Cardinality::Optional => "optional",
        Cardinality::AtLeastOne => "one or more",
        Cardinality::Any => "any number",
    }
}

/// Adds an attribute: a flag, or a list of values (`kind`), on the types `applies_to`
/// (empty: every type).
pub fn add_attribute(
    project: &Project,
    name: &str,
    kind: AttrKind,
    applies_to: Vec<String>,
) -> Result<Edit, EditError> {
    check_name(name)?;
    if project.schema.attribute(name).is_some() {
        return Err(EditError::AlreadyInSchema(format!("an attribute {name:?}")));
    }
    for t in &applies_to {
        if !name_taken(&project.schema, t) {
            return Err(EditError::UnknownType(t.clone()));
        }
    }
    let mut schema = project.schema.clone();
    schema.attributes.push(AttributeDef {
        name: name.to_string(),
        label: name.to_string(),
        applies_to,
        kind,
    });
    Ok(schema_edit(
        format!("add attribute {name}"),
        Vec::new(),
        schema,
    ))
}

fn attribute_mut<'a>(
    schema: &'a mut Schema,
    name: &str,
) -> Result<&'a mut AttributeDef, EditError> {
    schema
        .attributes
        .iter_mut()
        .find(|a| a.name == name)
        .ok_or_else(|| EditError::NotInSchema(format!("attribute {name:?}")))
}

/// Removes an attribute, and its values from every annotation.
pub fn remove_attribute(project: &Project, name: &str, stamp: &Stamp) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    attribute_mut(&mut schema, name)?;
    schema.attributes.retain(|a| a.name != name);
    let mut changes = rewrite_annotations(project, |a| attributes_mut(a).1.remove(name).is_some());
    stamp_changes(&mut changes, stamp);
    Ok(schema_edit(
        format!("remove attribute {name}"),
        changes,
        schema,
    ))
}

/// Sets the types an attribute applies to (empty: every type); annotations of the
/// types it no longer applies to lose it.
pub fn set_attribute_targets(
    project: &Project,
    name: &str,
    applies_to: Vec<String>,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    for t in &applies_to {
        if !name_taken(&project.schema, t) {
            return Err(EditError::UnknownType(t.clone()));
        }
    }
    let mut schema = project.schema.clone();
    let def = attribute_mut(&mut schema, name)?;
    def.applies_to = applies_to;
    let def = def.clone();
    let mut changes = rewrite_annotations(project, |a| {
        let (type_name, attributes) = attributes_mut(a);
        !def.applies(type_name) && attributes.remove(name).is_some()
    });
    stamp_changes(&mut changes, stamp);
    Ok(schema_edit(
        format!("change the types of attribute {name}"),
        changes,
        schema,
    ))
}

/// Adds a value to an attribute of a list of values.
pub fn add_attribute_value(project: &Project, name: &str, value: &str) -> Result<Edit, EditError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(EditError::BadName(value.to_string()));
    }
    let mut schema = project.schema.clone();
    let AttrKind::Values(values) = &mut attribute_mut(&mut schema, name)?.kind else {
        return Err(EditError::NotInSchema(format!(
            "list of values for attribute {name:?}"
        )));
    };
    if values.iter().any(|v| v == value) {
        return Err(EditError::AlreadyInSchema(format!(
            "a value {value:?} of {name:?}"
        )));
    }
    values.push(value.to_string());
    Ok(schema_edit(
        format!("add value {value} to {name}"),
        Vec::new(),
        schema,
    ))
}

/// Removes a value of an attribute; annotations that had it lose the attribute.
pub fn remove_attribute_value(
    project: &Project,
    name: &str,
    value: &str,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let mut schema = project.schema.clone();
    let AttrKind::Values(values) = &mut attribute_mut(&mut schema, name)?.kind else {
        return Err(EditError::NotInSchema(format!(
            "list of values for attribute {name:?}"
        )));
    };
    let before = values.len();
    values.retain(|v| v != value);
    if values.len() == before {
        return Err(EditError::NotInSchema(format!(
            "value {value:?} of {name:?}"
        )));
    }
    let gone = AttrValue::Value(value.to_string());
    let mut changes = rewrite_annotations(project, |a| {
        let attributes = attributes_mut(a).1;
        if attributes.get(name) == Some(&gone) {
            attributes.remove(name);
            true
        } else {
            false
        }
    });
    stamp_changes(&mut changes, stamp);
    Ok(schema_edit(
        format!("remove value {value} of {name}"),
        changes,
        schema,
    ))
}

/// Replaces the schema with `loaded` (a shared codebook), keeping what the project's
/// annotations use and `loaded` lacks: their types, roles, attributes and values, as
/// the project defined them. Returns the edit and what was kept, in words.
pub fn load_schema(project: &Project, loaded: Schema, from: &str) -> (Edit, Vec<String>) {
    let old = &project.schema;
    let mut schema = loaded;
    let mut kept = Vec::new();
    let mut keep = |what: String| {
        if !kept.contains(&what) {
            kept.push(what);
        }
    };
    for d in &project.documents {
        for m in &d.mentions {
            if schema.entity_type(&m.entity_type).is_none() {
                match old.entity_type(&m.entity_type) {
                    Some(t) => schema.entity_types.push(t.clone()),
                    None => {
                        schema.add_missing_entity_type(&m.entity_type);
                    }
                }
                keep(format!("entity type {}", m.entity_type));
            }
        }
        for e in &d.events {
            if schema.event_type(&e.event_type).is_none() {
                match old.event_type(&e.event_type) {
                    Some(t) => schema.event_types.push(t.clone()),
                    None => {
                        schema.add_missing_event_type(&e.event_type);
                    }
                }
                keep(format!("event type {}", e.event_type));
            }
            for arg in &e.arguments {
                let def = old
                    .event_type(&e.event_type)
                    .and_then(|t| t.role(&arg.role));
                if let Some(t) = schema
                    .event_types
                    .iter_mut()
                    .find(|t| t.name == e.event_type)
                    && t.role(&arg.role).is_none()
                {
                    match def {
                        Some(r) => t.roles.push(r.clone()),
                        None => {
                            schema.add_missing_role(&e.event_type, &arg.role);
                        }
                    }
                    keep(format!("role {} of {}", arg.role, e.event_type));
                }
            }
        }
        let relation_types = d
            .relations
            .iter()
            .map(|r| &r.relation_type)
            .chain(d.equivalences.iter().map(|e| &e.relation_type));
        for name in relation_types {
            if schema.relation_type(name).is_none() {
                match old.relation_type(name) {
                    Some(t) => schema.relation_types.push(t.clone()),
                    None => {
                        schema.add_missing_relation_type(name);
                    }
                }
                keep(format!("relation type {name}"));
            }
        }
        let attributes = d
            .mentions
            .iter()
            .map(|m| (&m.entity_type, &m.attributes))
            .chain(d.events.iter().map(|e| (&e.event_type, &e.attributes)))
            .chain(
                d.relations
                    .iter()
                    .map(|r| (&r.relation_type, &r.attributes)),
            );
        for (type_name, attrs) in attributes {
            for (name, value) in attrs {
                if schema.attribute(name).is_none() {
                    match old.attribute(name) {
                        Some(a) => schema.attributes.push(a.clone()),
                        None => {
                            let kind = match value {
                                AttrValue::Flag => AttrKind::Flag,
                                AttrValue::Value(_) => AttrKind::Values(Vec::new()),
                            };
                            schema.add_missing_attribute(name, kind);
                        }
                    }
                    keep(format!("attribute {name}"));
                }
                if schema.allow_attribute_on(name, type_name).is_some() {
                    keep(format!("attribute {name} on {type_name}"));
                }
                if let AttrValue::Value(v) = value
                    && schema.add_missing_attribute_value(name, v).is_some()
                {
                    keep(format!("value {v} of attribute {name}"));
                }
                if let AttrValue::Flag = value
                    && schema.attribute(name).is_some_and(|a| !a.allows(value))
                    && let Some(a) = schema.attributes.iter_mut().find(|a| &a.name == name)
                {
                    a.kind = AttrKind::Flag;
                    keep(format!("attribute {name} as a flag"));
                }
            }
        }
    }
    let edit = schema_edit(format!("load schema {from}"), Vec::new(), schema);
    (edit, kept)
}

#[cfg(test)]
mod tests;
