//! Every problem of a project against its schema, in one list: missing required roles,
//! too many fillers, fillers of a type the role does not allow, attribute values not in
//! their list, annotations of a type the schema lacks.
//!
//! These are warnings, not errors (see [`super::validate`]): work in progress is often
//! incomplete, and a schema edited after annotating leaves annotations behind. Listing
//! them all, each naming its document and annotation, lets the user jump to each one
//! instead of finding it dropped by an export. The checks themselves live in
//! [`super::conformance`], shared with the events panel.

use super::annotation::AnnotationRef;
use super::conformance::{ProblemKind, Warning, attribute_problems, event_problems};
use super::document::Document;
use super::project::Project;
use super::schema::Schema;
use super::schema_index::IndexedSchema;

/// One problem of one annotation of a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectProblem {
    /// The index of its document in the project.
    pub doc: usize,
    /// The annotation.
    pub target: AnnotationRef,
    /// What kind of problem it is.
    pub kind: ProblemKind,
    /// What is wrong, for the user.
    pub message: String,
}

/// Every problem of `project`, document by document in the order of the annotations;
/// in time near-linear in the project (names looked up in an index).
pub fn project_problems(project: &Project) -> Vec<ProjectProblem> {
    let schema = IndexedSchema::new(&project.schema);
    let mut problems = Vec::new();
    for (index, doc) in project.documents.iter().enumerate() {
        document_problems(&schema, index, doc, &mut problems);
    }
    problems
}

fn document_problems(
    schema: &IndexedSchema<&Schema>,
    index: usize,
    doc: &Document,
    problems: &mut Vec<ProjectProblem>,
) {
    let mut push = |target: AnnotationRef, warnings: Vec<Warning>| {
        problems.extend(warnings.into_iter().map(|w| ProjectProblem {
            doc: index,
            target,
            kind: w.kind,
            message: w.message,
        }));
    };
    for m in &doc.mentions {
        let mut warnings = Vec::new();
        if schema.entity_type(&m.entity_type).is_none() {
            warnings.push(unknown_type(&m.entity_type));
        }
        warnings.extend(attribute_problems(schema, &m.entity_type, &m.attributes));
        push(AnnotationRef::Mention(m.id), warnings);
    }
    for e in &doc.events {
        let mut warnings = event_problems(schema, doc, e);
        warnings.extend(attribute_problems(schema, &e.event_type, &e.attributes));
        push(AnnotationRef::Event(e.id), warnings);
    }
    for r in &doc.relations {
        let mut warnings = Vec::new();
        if schema.relation_type(&r.relation_type).is_none() {
            warnings.push(unknown_type(&r.relation_type));
        }
        warnings.extend(attribute_problems(schema, &r.relation_type, &r.attributes));
        push(AnnotationRef::Relation(r.id), warnings);
    }
}

fn unknown_type(name: &str) -> Warning {
    Warning {
        kind: ProblemKind::UnknownType,
        message: format!("type {name:?} is not in the schema"),
    }
}

/// The annotation as the user knows it: `E12 Attack «struck»` (id, type label, the
/// text of its trigger or mention when it has one).
pub fn describe_annotation(project: &Project, doc: &Document, target: AnnotationRef) -> String {
    let (type_name, spans) = match target {
        AnnotationRef::Mention(id) => match doc.mention(id) {
            Some(m) => (m.entity_type.as_str(), m.ranges.as_slice()),
            None => return target.to_string(),
        },
        AnnotationRef::Event(id) => match doc.event(id) {
            Some(e) => (e.event_type.as_str(), e.trigger.as_slice()),
            None => return target.to_string(),
        },
        AnnotationRef::Relation(id) => match doc.relations.iter().find(|r| r.id == id) {
            Some(r) => (r.relation_type.as_str(), &[][..]),
            None => return target.to_string(),
        },
    };
    let label = project.schema.label(type_name);
    if spans.is_empty() {
        return format!("{target} {label}");
    }
    let text = doc.covered_text(spans);
    format!("{target} {label} «{text}»")
}

impl ProjectProblem {
    /// The problem in one line: `document · E12 Attack «struck»: Attacker needs exactly
    /// one filler`.
    pub fn line(&self, project: &Project) -> String {
        let Some(doc) = project.documents.get(self.doc) else {
            return self.message.clone();
        };
        format!(
            "{} · {}: {}",
            doc.name,
            describe_annotation(project, doc, self.target),
            self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        AttrKind, AttrValue, AttributeDef, Cardinality, EntityType, Event, EventId, EventType,
        Filler, Mention, MentionId, Role, RoleArg, Span,
    };

    fn schema() -> Schema {
        let entity = |name: &str| EntityType {
            group: String::new(),
            name: name.into(),
            label: name.into(),
            color: Default::default(),
            shortcut: None,
        };
        let role = |name: &str, filler: &str, cardinality| Role {
            name: name.into(),
            label: name.into(),
            fillers: vec![filler.into()],
            cardinality,
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
                    role("attacker", "person", Cardinality::One),
                    role("place", "place", Cardinality::Optional),
                    role("target", "person", Cardinality::AtLeastOne),
                ],
            }],
            attributes: vec![AttributeDef {
                name: "polarity".into(),
                label: "Polarity".into(),
                applies_to: vec![],
                kind: AttrKind::Values(vec!["positive".into(), "negative".into()]),
            }],
            ..Default::default()
        }
    }

    fn mention(id: u32, ty: &str, start: usize, end: usize) -> Mention {
        Mention {
            id: MentionId(id),
            entity_type: ty.into(),
            ranges: vec![Span::new(start, end)],
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        }
    }

    fn event(id: u32, ty: &str, arguments: Vec<(&str, u32)>) -> Event {
        Event {
            id: EventId(id),
            event_type: ty.into(),
            trigger: vec![Span::new(4, 10)],
            arguments: arguments
                .into_iter()
                .map(|(role, m)| RoleArg {
                    role: role.into(),
                    filler: Filler::Mention(MentionId(m)),
                })
                .collect(),
            attributes: Default::default(),
            note: String::new(),
            author: String::new(),
            changed: String::new(),
            sources: Vec::new(),
        }
    }

    fn project() -> Project {
        let mut project = Project::new("p", schema());
        let mut doc = Document::new("d1", "first", "Ali frappe Palmyre et Omar");
        doc.mentions.push(mention(1, "person", 0, 3));
        doc.mentions.push(mention(2, "place", 11, 18));
        doc.mentions.push(mention(3, "person", 22, 26));
        project.documents.push(doc);
        project
    }

    fn kinds(project: &Project) -> Vec<(usize, AnnotationRef, ProblemKind)> {
        project_problems(project)
            .into_iter()
            .map(|p| (p.doc, p.target, p.kind))
            .collect()
    }

    #[test]
    fn a_complete_event_has_no_problem() {
        let mut p = project();
        p.documents[0].events.push(event(
            4,
            "attack",
            vec![("attacker", 1), ("target", 3), ("place", 2)],
        ));
        assert_eq!(project_problems(&p), []);
    }

    #[test]
    fn missing_roles_are_listed_with_their_document_and_event() {
        let mut p = project();
        p.documents[0].events.push(event(4, "attack", vec![]));
        let problems = project_problems(&p);
        let e = AnnotationRef::Event(EventId(4));
        assert_eq!(
            kinds(&p),
            [
                (0, e, ProblemKind::MissingRole),
                (0, e, ProblemKind::MissingRole)
            ]
        );
        assert_eq!(
            problems[0].line(&p),
            "first · E4 Attack «frappe»: attacker needs exactly one filler"
        );
    }

    #[test]
    fn too_many_fillers_and_wrong_fillers_are_listed() {
        let mut p = project();
        p.documents[0].events.push(event(
            4,
            "attack",
            vec![
                ("attacker", 1),
                ("attacker", 3),
                ("target", 2),
                ("place", 2),
                ("place", 2),
            ],
        ));
        let e = AnnotationRef::Event(EventId(4));
        assert_eq!(
            kinds(&p),
            [
                (0, e, ProblemKind::TooManyFillers),
                (0, e, ProblemKind::TooManyFillers),
                (0, e, ProblemKind::WrongFiller),
            ]
        );
    }

    #[test]
    fn values_not_in_the_list_and_unknown_types_are_listed() {
        let mut p = project();
        let doc = &mut p.documents[0];
        doc.mentions[0]
            .attributes
            .insert("polarity".into(), AttrValue::Value("maybe".into()));
        doc.mentions[1].entity_type = "city".into();
        doc.events.push(event(4, "bombing", vec![]));
        assert_eq!(
            kinds(&p),
            [
                (
                    0,
                    AnnotationRef::Mention(MentionId(1)),
                    ProblemKind::AttributeValue
                ),
                (
                    0,
                    AnnotationRef::Mention(MentionId(2)),
                    ProblemKind::UnknownType
                ),
                (
                    0,
                    AnnotationRef::Event(EventId(4)),
                    ProblemKind::UnknownType
                ),
            ]
        );
        assert_eq!(
            project_problems(&p)[0].message,
            "Polarity: \"maybe\" is not in its list"
        );
    }

    #[test]
    fn a_thousand_documents_are_checked_quickly() {
        let mut p = project();
        p.documents[0]
            .events
            .push(event(4, "attack", vec![("target", 3)]));
        let doc = p.documents[0].clone();
        p.documents = (0..1000).map(|_| doc.clone()).collect();
        let started = std::time::Instant::now();
        let problems = project_problems(&p);
        assert_eq!(problems.len(), 1000);
        assert_eq!(problems[999].doc, 999);
        assert!(started.elapsed().as_secs() < 2);
    }
}
