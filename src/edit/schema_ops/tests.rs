//! Each schema edit on the sample project: what it changes, that undo puts back exactly
//! what was there and redo what the edit made, and that the project stays valid.

use super::*;
use crate::edit::History;
use crate::model::validate;

fn sample() -> Project {
    crate::io::project_from_str(
        include_str!("../../../projects/palmyre.ron"),
        std::path::Path::new("palmyre.ron"),
    )
    .unwrap()
}

fn stamp() -> Stamp {
    Stamp {
        author: "tester".into(),
        time: "2026-01-01T00:00:00Z".into(),
    }
}

/// Applies `edit` through a history: the project is valid after it, undo gives back
/// `before` exactly and redo the state after the edit. Returns the project after it.
fn applied(before: &Project, edit: Edit) -> Project {
    let mut project = before.clone();
    let mut history = History::default();
    history.apply(&mut project, edit).unwrap();
    assert_eq!(validate(&project), Vec::new(), "valid after the edit");
    let after = project.clone();
    history.undo(&mut project).unwrap();
    assert!(project == *before, "undo restores exactly");
    history.redo(&mut project).unwrap();
    assert!(project == after, "redo gives the edit again");
    after
}

fn mentions_of(project: &Project, name: &str) -> usize {
    uses_of_type(project, TypeKind::Entity, name)
}

#[test]
fn add_type_of_each_kind_and_refuse_a_taken_or_bad_name() {
    let p = sample();
    for kind in TypeKind::ALL {
        let after = applied(&p, add_type(&p, kind, "new_kind").unwrap());
        assert!(type_names(&after.schema, kind).contains(&"new_kind".to_string()));
    }
    assert!(matches!(
        add_type(&p, TypeKind::Event, "person"),
        Err(EditError::AlreadyInSchema(_))
    ));
    assert!(matches!(
        add_type(&p, TypeKind::Entity, "two words"),
        Err(EditError::BadName(_))
    ));
    assert!(matches!(
        add_type(&p, TypeKind::Entity, ""),
        Err(EditError::BadName(_))
    ));
}

#[test]
fn renaming_an_entity_type_renames_it_everywhere() {
    let p = sample();
    let n = mentions_of(&p, "place");
    assert!(n > 0);
    let after = applied(
        &p,
        rename_type(&p, TypeKind::Entity, "place", "location").unwrap(),
    );
    assert_eq!(mentions_of(&after, "place"), 0);
    assert_eq!(mentions_of(&after, "location"), n);
    assert!(after.schema.entity_type("place").is_none());
    let roles = after.schema.event_types.iter().flat_map(|t| &t.roles);
    assert!(
        roles.flat_map(|r| &r.fillers).all(|f| f != "place"),
        "role fillers follow"
    );
    assert!(
        after
            .schema
            .relation_types
            .iter()
            .any(|r| r.arg1.contains(&"location".to_string()))
    );
}

#[test]
fn renaming_event_and_relation_types_renames_their_annotations() {
    let p = sample();
    let n = uses_of_type(&p, TypeKind::Event, "capture");
    let after = applied(
        &p,
        rename_type(&p, TypeKind::Event, "capture", "seizure").unwrap(),
    );
    assert_eq!(uses_of_type(&after, TypeKind::Event, "seizure"), n);
    let r = p.schema.relation_types[0].name.clone();
    let n = uses_of_type(&p, TypeKind::Relation, &r);
    let after = applied(
        &p,
        rename_type(&p, TypeKind::Relation, &r, "renamed").unwrap(),
    );
    assert_eq!(uses_of_type(&after, TypeKind::Relation, "renamed"), n);
    assert!(matches!(
        rename_type(&p, TypeKind::Event, "capture", "attack"),
        Err(EditError::AlreadyInSchema(_))
    ));
}

#[test]
fn deleting_a_type_in_use_deletes_its_annotations_and_what_points_at_them() {
    let p = sample();
    assert!(mentions_of(&p, "person") > 0);
    let args = |p: &Project| {
        p.documents
            .iter()
            .flat_map(|d| d.events.iter().map(move |e| (d, e)))
            .flat_map(|(d, e)| e.arguments.iter().map(move |a| (d, a)))
            .filter(|(d, a)| match a.filler {
                Filler::Mention(m) => d.mention(m).is_some_and(|m| m.entity_type == "person"),
                Filler::Event(_) => false,
            })
            .count()
    };
    assert!(args(&p) > 0, "the sample has persons as arguments");
    let edit = delete_type(&p, TypeKind::Entity, "person", &InUse::Delete, &stamp()).unwrap();
    assert!(edit.label.contains("11 annotations"), "{}", edit.label);
    let after = applied(&p, edit);
    assert_eq!(mentions_of(&after, "person"), 0);
    assert!(after.schema.entity_type("person").is_none());
    assert_eq!(args(&after), 0);
}

#[test]
fn deleting_a_type_in_use_can_retype_its_annotations() {
    let p = sample();
    let (people, groups) = (mentions_of(&p, "person"), mentions_of(&p, "armed_group"));
    let retype = InUse::Retype("armed_group".into());
    let after = applied(
        &p,
        delete_type(&p, TypeKind::Entity, "person", &retype, &stamp()).unwrap(),
    );
    assert_eq!(mentions_of(&after, "armed_group"), people + groups);
    // Events: the retyped ones keep their arguments, whose roles join the new type.
    let events = uses_of_type(&p, TypeKind::Event, "capture")
        + uses_of_type(&p, TypeKind::Event, "statement");
    let retype = InUse::Retype("statement".into());
    let after = applied(
        &p,
        delete_type(&p, TypeKind::Event, "capture", &retype, &stamp()).unwrap(),
    );
    assert_eq!(uses_of_type(&after, TypeKind::Event, "statement"), events);
    assert!(matches!(
        delete_type(
            &p,
            TypeKind::Event,
            "capture",
            &InUse::Retype("capture".into()),
            &stamp()
        ),
        Err(EditError::NotInSchema(_))
    ));
}

#[test]
fn deleting_event_and_relation_types_in_use() {
    let p = sample();
    let after = applied(
        &p,
        delete_type(&p, TypeKind::Event, "capture", &InUse::Delete, &stamp()).unwrap(),
    );
    assert_eq!(uses_of_type(&after, TypeKind::Event, "capture"), 0);
    let used = p
        .schema
        .relation_types
        .iter()
        .find(|r| uses_of_type(&p, TypeKind::Relation, &r.name) > 0)
        .unwrap()
        .name
        .clone();
    let after = applied(
        &p,
        delete_type(&p, TypeKind::Relation, &used, &InUse::Delete, &stamp()).unwrap(),
    );
    assert_eq!(uses_of_type(&after, TypeKind::Relation, &used), 0);
    let unused = applied(&p, add_type(&p, TypeKind::Entity, "spare").unwrap());
    let edit = delete_type(&unused, TypeKind::Entity, "spare", &InUse::Delete, &stamp()).unwrap();
    assert_eq!(edit.label, "delete entity type spare");
}

#[test]
fn roles_are_added_renamed_in_arguments_and_removed_with_them() {
    let p = sample();
    let after = applied(&p, add_role(&p, "capture", "witness").unwrap());
    assert!(
        after
            .schema
            .event_type("capture")
            .unwrap()
            .role("witness")
            .is_some()
    );
    let n = uses_of_role(&p, "capture", "agent");
    assert!(n > 0);
    let after = applied(&p, rename_role(&p, "capture", "agent", "captor").unwrap());
    assert_eq!(uses_of_role(&after, "capture", "agent"), 0);
    assert_eq!(uses_of_role(&after, "capture", "captor"), n);
    let after = applied(&p, remove_role(&p, "capture", "agent", &stamp()).unwrap());
    assert_eq!(uses_of_role(&after, "capture", "agent"), 0);
    assert!(
        after
            .schema
            .event_type("capture")
            .unwrap()
            .role("agent")
            .is_none()
    );
    assert!(matches!(
        add_role(&p, "capture", "agent"),
        Err(EditError::AlreadyInSchema(_))
    ));
}

#[test]
fn role_fillers_and_cardinality() {
    let p = sample();
    let fillers = vec!["person".to_string(), "armed_group".to_string()];
    let after = applied(
        &p,
        set_role_fillers(&p, "capture", "agent", fillers.clone()).unwrap(),
    );
    let role = |p: &Project| {
        p.schema
            .event_type("capture")
            .unwrap()
            .role("agent")
            .unwrap()
            .clone()
    };
    assert_eq!(role(&after).fillers, fillers);
    assert!(matches!(
        set_role_fillers(&p, "capture", "agent", vec!["nothing".into()]),
        Err(EditError::UnknownType(_))
    ));
    let edit = set_role_cardinality(&p, "capture", "agent", Cardinality::AtLeastOne).unwrap();
    assert_eq!(edit.label, "make agent of capture one or more");
    let after = applied(&p, edit);
    assert_eq!(role(&after).cardinality, Cardinality::AtLeastOne);
}

#[test]
fn cardinalities_are_words() {
    assert_eq!(cardinality_in_words(Cardinality::One), "required");
    assert_eq!(cardinality_in_words(Cardinality::Optional), "optional");
    assert_eq!(cardinality_in_words(Cardinality::AtLeastOne), "one or more");
    assert_eq!(cardinality_in_words(Cardinality::Any), "any number");
}

#[test]
fn attributes_and_their_values() {
    let p = sample();
    let after = applied(
        &p,
        add_attribute(&p, "hearsay", AttrKind::Flag, vec!["person".into()]).unwrap(),
    );
    assert_eq!(
        after.schema.attribute("hearsay").unwrap().kind,
        AttrKind::Flag
    );
    let after = applied(
        &p,
        add_attribute_value(&p, "certainty", "doubtful").unwrap(),
    );
    assert!(
        after
            .schema
            .attribute("certainty")
            .unwrap()
            .allows(&AttrValue::Value("doubtful".into()))
    );
    let carried = |p: &Project, name: &str| {
        p.documents
            .iter()
            .flat_map(|d| &d.mentions)
            .filter(|m| m.attributes.contains_key(name))
            .count()
    };
    assert!(carried(&p, "metonymy") > 0);
    let after = applied(&p, remove_attribute(&p, "metonymy", &stamp()).unwrap());
    assert_eq!(carried(&after, "metonymy"), 0);
    assert!(after.schema.attribute("metonymy").is_none());
    let after = applied(
        &p,
        set_attribute_targets(&p, "metonymy", vec!["place".into()], &stamp()).unwrap(),
    );
    assert_eq!(carried(&after, "metonymy"), 0, "countries lose it");
}

#[test]
fn removing_a_value_in_use_takes_it_off_the_annotations() {
    let mut p = sample();
    let add = add_attribute(
        &p,
        "mode",
        AttrKind::Values(vec!["a".into(), "b".into()]),
        vec![],
    )
    .unwrap();
    add.apply(&mut p).unwrap();
    let mut m = p.documents[0].mentions[0].clone();
    m.attributes
        .insert("mode".into(), AttrValue::Value("a".into()));
    Change::SetAnnotation {
        doc: 0,
        key: AnnotationKey::Mention(m.id),
        value: Some(Box::new(Annotation::Mention(m.clone()))),
    }
    .apply(&mut p)
    .unwrap();
    let after = applied(
        &p,
        remove_attribute_value(&p, "mode", "a", &stamp()).unwrap(),
    );
    assert!(
        !after.documents[0].mentions[0]
            .attributes
            .contains_key("mode")
    );
    assert!(after.documents[0].mentions[0].author == "tester");
}

#[test]
fn colours_keys_and_groups() {
    let p = sample();
    let after = applied(
        &p,
        set_colour(&p, TypeKind::Entity, "person", Rgb([1, 2, 3])).unwrap(),
    );
    assert_eq!(
        after.schema.entity_type("person").unwrap().color,
        Rgb([1, 2, 3])
    );
    let after = applied(
        &p,
        set_shortcut(&p, TypeKind::Entity, "person", Some('Q')).unwrap(),
    );
    assert_eq!(
        after.schema.entity_type("person").unwrap().shortcut,
        Some('q')
    );
    let taken = set_shortcut(&p, TypeKind::Entity, "person", Some('g'));
    let owner = p
        .schema
        .entity_types
        .iter()
        .find(|t| t.shortcut == Some('g'))
        .unwrap();
    assert_eq!(
        taken,
        Err(EditError::KeyTaken {
            key: 'g',
            owner: owner.label.clone()
        })
    );
    assert_eq!(
        taken.unwrap_err().to_string(),
        format!("the key 'g' is already the key of {:?}", owner.label)
    );
    // Event keys are apart from entity keys: `a` may be both.
    let event_key = p.schema.event_types[0].shortcut.unwrap();
    let free = set_shortcut(&p, TypeKind::Entity, "person", Some(event_key));
    let entity_has = p
        .schema
        .entity_types
        .iter()
        .any(|t| t.shortcut == Some(event_key) && t.name != "person");
    assert_eq!(free.is_ok(), !entity_has);
    let after = applied(
        &p,
        set_shortcut(&p, TypeKind::Entity, "person", None).unwrap(),
    );
    assert_eq!(after.schema.entity_type("person").unwrap().shortcut, None);
    let after = applied(
        &p,
        set_group(&p, TypeKind::Event, "capture", "Conflict").unwrap(),
    );
    assert_eq!(
        after.schema.event_type("capture").unwrap().group,
        "Conflict"
    );
    let after = applied(
        &p,
        set_type_label(&p, TypeKind::Event, "capture", "Prise").unwrap(),
    );
    assert_eq!(after.schema.event_type("capture").unwrap().label, "Prise");
}

#[test]
fn loading_a_schema_keeps_what_annotations_use() {
    let p = sample();
    let mut shared = Schema::default();
    shared.add_missing_entity_type("person");
    shared.add_missing_event_type("capture");
    let (edit, kept) = load_schema(&p, shared, "codebook.ron");
    let after = applied(&p, edit);
    assert!(after.schema.entity_type("place").is_some(), "in use: kept");
    assert!(kept.contains(&"entity type place".to_string()), "{kept:?}");
    assert!(
        kept.iter()
            .any(|k| k.starts_with("role ") && k.ends_with(" of capture"))
    );
    assert!(
        after.schema.event_type("surrender").is_none()
            || uses_of_type(&p, TypeKind::Event, "surrender") > 0
    );
    // The kept types are the project's own, with their colours.
    assert_eq!(
        after.schema.entity_type("place"),
        p.schema.entity_type("place")
    );
}
