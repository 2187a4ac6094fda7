//! Writing brat's configuration files: `annotation.conf` (types, roles, attributes)
//! and `visual.conf` (labels and colours), from the project's schema.
//!
//! brat refuses to show annotations of types its configuration does not declare, so an
//! exported collection declares everything the project may hold; and labels and colours
//! go with it, so that annotators see in brat what they saw in eventail.

use super::{brat_name_from_str, one_line_from_text};
use crate::model::{AttrKind, AttrValue, Project, Rgb, Schema};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The brat names of the schema's entity and event types, and of its relation types
/// too when `with_relations`.
fn brat_type_names(schema: &Schema, with_relations: bool) -> Vec<String> {
    let relations = schema.relation_types.iter().filter(|_| with_relations);
    schema
        .entity_types
        .iter()
        .map(|t| &t.name)
        .chain(schema.event_types.iter().map(|t| &t.name))
        .chain(relations.map(|t| &t.name))
        .map(|name| brat_name_from_str(name))
        .collect()
}

/// Every entity and event type name of the schema, for roles and arguments that accept
/// any filler; brat's `<ANY>` when the schema has none.
fn brat_types_from_schema(schema: &Schema) -> String {
    let all = brat_type_names(schema, false);
    if all.is_empty() {
        "<ANY>".into()
    } else {
        all.join("|")
    }
}

/// `types` as a brat alternative (`a|b`), or every type when empty.
fn brat_types_from_names(schema: &Schema, types: &[String]) -> String {
    if types.is_empty() {
        brat_types_from_schema(schema)
    } else {
        types
            .iter()
            .map(|t| brat_name_from_str(t))
            .collect::<Vec<_>>()
            .join("|")
    }
}

/// brat's `annotation.conf` for the project's schema.
///
/// Roles carry their cardinality mark (`?`, `*`, `+`); types that accept any filler list
/// every entity and event type. Free-text attributes (a normalised date) have no fixed
/// values, so the values the project uses are listed. Overlapping and nested spans are
/// allowed, as eventail allows them.
pub fn annotation_conf_from_project(project: &Project) -> String {
    let schema = &project.schema;
    let mut out = format!(
        "# brat annotation configuration written by eventail for the project {:?}.\n",
        one_line_from_text(&project.name)
    );
    out.push_str("\n[entities]\n\n");
    for t in &schema.entity_types {
        out.push_str(&brat_name_from_str(&t.name));
        out.push('\n');
    }
    out.push_str("\n[relations]\n\n");
    let equivalences: BTreeSet<&str> = project
        .documents
        .iter()
        .flat_map(|d| &d.equivalences)
        .map(|e| e.relation_type.as_str())
        .collect();
    for r in &schema.relation_types {
        let _ = writeln!(
            out,
            "{}\tArg1:{}, Arg2:{}{}",
            brat_name_from_str(&r.name),
            brat_types_from_names(schema, &r.arg1),
            brat_types_from_names(schema, &r.arg2),
            if equivalences.contains(r.name.as_str()) {
                ", <REL-TYPE>:symmetric-transitive"
            } else {
                ""
            }
        );
    }
    out.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    out.push_str("\n[events]\n\n");
    for t in &schema.event_types {
        let roles: Vec<String> = t
            .roles
            .iter()
            .map(|r| {
                format!(
                    "{}{}:{}",
                    brat_name_from_str(&r.name),
                    r.cardinality.brat_mark(),
                    brat_types_from_names(schema, &r.fillers)
                )
            })
            .collect();
        if roles.is_empty() {
            let _ = writeln!(out, "{}", brat_name_from_str(&t.name));
        } else {
            let _ = writeln!(out, "{}\t{}", brat_name_from_str(&t.name), roles.join(", "));
        }
    }
    out.push_str("\n[attributes]\n\n");
    for a in &schema.attributes {
        let targets = if a.applies_to.is_empty() {
            brat_type_names(schema, true).join("|")
        } else {
            brat_types_from_names(schema, &a.applies_to)
        };
        let values: Vec<String> = match &a.kind {
            AttrKind::Flag => Vec::new(),
            AttrKind::Values(values) => values.iter().map(|v| brat_name_from_str(v)).collect(),
            AttrKind::Text => {
                let used: BTreeSet<String> = used_values(project, &a.name).collect();
                if used.is_empty() {
                    let _ = writeln!(
                        out,
                        "# {}: free text, no value in this project",
                        brat_name_from_str(&a.name)
                    );
                    continue;
                }
                used.into_iter().collect()
            }
        };
        if values.is_empty() {
            let _ = writeln!(out, "{}\tArg:{targets}", brat_name_from_str(&a.name));
        } else {
            let _ = writeln!(
                out,
                "{}\tArg:{targets}, Value:{}",
                brat_name_from_str(&a.name),
                values.join("|")
            );
        }
    }
    out
}

/// The values (as brat names) of attribute `name` on every annotation of the project.
fn used_values<'a>(project: &'a Project, name: &'a str) -> impl Iterator<Item = String> + 'a {
    project.documents.iter().flat_map(move |d| {
        let attrs = d
            .mentions
            .iter()
            .map(|m| &m.attributes)
            .chain(d.events.iter().map(|e| &e.attributes))
            .chain(d.relations.iter().map(|r| &r.attributes));
        attrs.filter_map(move |a| match a.get(name) {
            Some(AttrValue::Value(v)) => Some(brat_name_from_str(v)),
            _ => None,
        })
    })
}

/// A label as brat's `visual.conf` can hold it: one line, no `|`.
fn brat_label_from_label(label: &str) -> String {
    one_line_from_text(label)
        .replace('|', "/")
        .trim()
        .to_string()
}

/// brat's `visual.conf`: the labels users see, and the schema's colours.
pub fn visual_conf_from_schema(schema: &Schema) -> String {
    let color = |c: Rgb| String::from(c);
    let mut out = String::from("# brat visual configuration written by eventail.\n");
    out.push_str("\n[labels]\n\n");
    // One label per brat name: the first wins (a role may share a type's name).
    let mut labelled = BTreeSet::new();
    let mut label = |name: &str, label: &str| {
        let name = brat_name_from_str(name);
        if labelled.insert(name.clone()) {
            let _ = writeln!(out, "{name} | {}", brat_label_from_label(label));
        }
    };
    for t in &schema.entity_types {
        label(&t.name, &t.label);
    }
    for t in &schema.event_types {
        label(&t.name, &t.label);
    }
    for t in &schema.relation_types {
        label(&t.name, &t.label);
    }
    for r in schema.event_types.iter().flat_map(|t| &t.roles) {
        label(&r.name, &r.label);
    }
    for a in &schema.attributes {
        label(&a.name, &a.label);
    }
    out.push_str("\n[drawing]\n\n");
    out.push_str("SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n");
    out.push_str("ARC_DEFAULT\tcolor:black, dashArray:-, arrowHead:triangle-5\n");
    let spans = schema
        .entity_types
        .iter()
        .map(|t| (&t.name, t.color))
        .chain(schema.event_types.iter().map(|t| (&t.name, t.color)));
    for (name, rgb) in spans {
        let _ = writeln!(out, "{}\tbgColor:{}", brat_name_from_str(name), color(rgb));
    }
    for t in &schema.relation_types {
        let _ = writeln!(
            out,
            "{}\tcolor:{}",
            brat_name_from_str(&t.name),
            color(t.color)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::brat::test_support::{Doc, schema};
    use crate::model::Filler;

    #[test]
    fn annotation_conf_declares_the_schema() {
        let mut d = Doc::new("attaque");
        let e = d.event("attack", &["attaque"], &[]);
        d.attribute(
            Filler::Event(e),
            "date",
            AttrValue::Value("2016-03-27".into()),
        );
        let conf = annotation_conf_from_project(&d.project);
        let expected = "\n[entities]\n\nperson\norganisation\nplace\n\n[relations]\n\n\
            part_of\tArg1:person|organisation|place|attack|statement, Arg2:organisation\n\
            <OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n\
            attack\tattacker+:organisation, target*:person|organisation|place|attack|statement, \
            place?:place\n\
            statement\tcontent:attack\n\n[attributes]\n\n\
            certainty\tArg:attack, Value:certain|probable\n\
            generic\tArg:person|organisation|place|attack|statement|part_of\n\
            date\tArg:attack, Value:2016-03-27\n";
        assert!(conf.ends_with(expected), "{conf}");
        // A free-text attribute that no annotation uses cannot be declared.
        let conf = annotation_conf_from_project(&Doc::new("x").project);
        assert!(conf.ends_with("# date: free text, no value in this project\n"));
    }

    #[test]
    fn visual_conf_has_labels_and_colours() {
        let conf = visual_conf_from_schema(&schema());
        assert!(conf.contains("\nattack | Attaque\n"));
        assert!(conf.contains("\nstatement | Déclaration / dire\n"));
        assert!(conf.contains("\npart_of | Partie de\n"));
        assert!(conf.contains("\nattacker | attacker\n"));
        assert_eq!(conf.matches("\nplace | ").count(), 1, "{conf}");
        assert!(conf.contains("\nperson\tbgColor:#112233\n"));
        assert!(conf.contains("\nattack\tbgColor:#e07070\n"));
        assert!(conf.contains("\npart_of\tcolor:#0000ff\n"));
    }
}
