//! What the brat tests share: a schema with every kind of type, and a one-document
//! project annotated through the edit commands, as the GUI would.

use super::write_ann::ann_from_document;
use crate::edit::{Stamp, ops};
use crate::formats::test_support::span;
use crate::model::{
    AttrKind, AttrValue, AttributeDef, Cardinality, Document, EntityType, EventId, EventType,
    Filler, MentionId, Project, Relation, RelationId, RelationType, Rgb, Role, Schema,
};

pub(super) fn schema() -> Schema {
    let entity = |name: &str| EntityType {
        group: String::new(),
        name: name.into(),
        label: name.to_uppercase(),
        color: Rgb([0x11, 0x22, 0x33]),
        shortcut: None,
    };
    let role = |name: &str, fillers: &[&str], cardinality| Role {
        name: name.into(),
        label: name.into(),
        fillers: fillers.iter().map(|f| f.to_string()).collect(),
        cardinality,
    };
    Schema {
        entity_types: vec![entity("person"), entity("organisation"), entity("place")],
        event_types: vec![
            EventType {
                group: String::new(),
                name: "attack".into(),
                label: "Attaque".into(),
                color: Rgb([0xe0, 0x70, 0x70]),
                shortcut: None,
                roles: vec![
                    role("attacker", &["organisation"], Cardinality::AtLeastOne),
                    role("target", &[], Cardinality::Any),
                    role("place", &["place"], Cardinality::Optional),
                ],
            },
            EventType {
                group: String::new(),
                name: "statement".into(),
                label: "Déclaration | dire".into(),
                color: Rgb::default(),
                shortcut: None,
                roles: vec![role("content", &["attack"], Cardinality::One)],
            },
        ],
        relation_types: vec![RelationType {
            group: String::new(),
            name: "part of".into(),
            label: "Partie de".into(),
            arg1: vec![],
            arg2: vec!["organisation".into()],
            color: Rgb([0, 0, 0xff]),
        }],
        attributes: vec![
            AttributeDef {
                name: "certainty".into(),
                label: "Certitude".into(),
                applies_to: vec!["attack".into()],
                kind: AttrKind::Values(vec!["certain".into(), "probable".into()]),
            },
            AttributeDef {
                name: "generic".into(),
                label: "Générique".into(),
                applies_to: vec![],
                kind: AttrKind::Flag,
            },
            AttributeDef {
                name: "date".into(),
                label: "Date".into(),
                applies_to: vec!["attack".into()],
                kind: AttrKind::Text,
            },
        ],
        ..Default::default()
    }
}

/// A one-document project, annotated through the edit commands.
pub(super) struct Doc {
    pub(super) project: Project,
    pub(super) stamp: Stamp,
}

impl Doc {
    pub(super) fn new(text: &str) -> Self {
        let mut project = Project::new("test", schema());
        project.documents.push(Document::new("d", "d", text));
        Self {
            project,
            stamp: Stamp::default(),
        }
    }

    fn text(&self) -> String {
        self.project.documents[0].text.clone()
    }

    pub(super) fn mention(&mut self, entity_type: &str, needles: &[&str]) -> MentionId {
        let text = self.text();
        let ranges = needles.iter().map(|n| span(&text, n)).collect();
        let (edit, id) =
            ops::add_mention(&self.project, 0, entity_type, ranges, &self.stamp).unwrap();
        edit.apply(&mut self.project).unwrap();
        id
    }

    pub(super) fn event(
        &mut self,
        event_type: &str,
        trigger: &[&str],
        args: &[(&str, Filler)],
    ) -> EventId {
        let text = self.text();
        let trigger = trigger.iter().map(|n| span(&text, n)).collect();
        let (edit, id) =
            ops::add_event(&self.project, 0, event_type, trigger, &self.stamp).unwrap();
        edit.apply(&mut self.project).unwrap();
        for (role, filler) in args {
            ops::add_argument(&self.project, 0, id, role, *filler, &self.stamp)
                .unwrap()
                .apply(&mut self.project)
                .unwrap();
        }
        id
    }

    /// There is no edit command for relations yet: added directly, with a fresh id.
    pub(super) fn relation(
        &mut self,
        relation_type: &str,
        arg1: Filler,
        arg2: Filler,
    ) -> RelationId {
        let doc = &mut self.project.documents[0];
        let id = RelationId(doc.next_id);
        doc.next_id += 1;
        doc.relations.push(Relation {
            id,
            relation_type: relation_type.into(),
            arg1,
            arg2,
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        });
        id
    }

    pub(super) fn attribute(&mut self, target: Filler, name: &str, value: AttrValue) {
        ops::set_attribute(&self.project, 0, target, name, Some(value), &self.stamp)
            .unwrap()
            .apply(&mut self.project)
            .unwrap();
    }

    pub(super) fn ann(&self) -> (String, Vec<String>) {
        assert_eq!(crate::model::validate(&self.project), vec![]);
        let (ann, warnings) = ann_from_document(&self.project.documents[0]);
        (ann, warnings.iter().map(|w| w.to_string()).collect())
    }
}
