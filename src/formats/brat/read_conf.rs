//! brat's configuration files made into a [`Schema`]: `annotation.conf` (types, roles,
//! attributes), `visual.conf` (labels and colours) and `kb_shortcuts.conf` (keys).
//!
//! A collection's configuration is only a help for annotators: a line that cannot be
//! understood is reported as a warning and skipped, never fatal, and the `.ann` files
//! add whatever types they use that the configuration lacks.

use super::at_line;
use crate::formats::{inner_line_break, numbered_lines};
use crate::model::{
    AttrKind, AttributeDef, Cardinality, Diagnostic, EntityType, EventType, RelationType, Rgb,
    Role, Schema,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A colour written `#rrggbb`, `#rgb` or as one of the common HTML names.
fn rgb_from_str(s: &str) -> Option<Rgb> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() == 3 && hex.is_ascii() {
            let long: String = hex.chars().flat_map(|c| [c, c]).collect();
            return Rgb::try_from(long).ok();
        }
        return Rgb::try_from(s.to_string()).ok();
    }
    let rgb = match s.to_ascii_lowercase().as_str() {
        "white" => [0xff, 0xff, 0xff],
        "black" => [0, 0, 0],
        "gray" | "grey" => [0x80, 0x80, 0x80],
        "lightgray" | "lightgrey" => [0xd3, 0xd3, 0xd3],
        "darkgray" | "darkgrey" => [0xa9, 0xa9, 0xa9],
        "red" => [0xff, 0, 0],
        "green" => [0, 0x80, 0],
        "lightgreen" => [0x90, 0xee, 0x90],
        "blue" => [0, 0, 0xff],
        "lightblue" => [0xad, 0xd8, 0xe6],
        "yellow" => [0xff, 0xff, 0],
        "orange" => [0xff, 0xa5, 0],
        "pink" => [0xff, 0xc0, 0xcb],
        "purple" => [0x80, 0, 0x80],
        "violet" => [0xee, 0x82, 0xee],
        "brown" => [0xa5, 0x2a, 0x2a],
        "cyan" => [0, 0xff, 0xff],
        "magenta" => [0xff, 0, 0xff],
        _ => return None,
    };
    Some(Rgb(rgb))
}

/// The lines of a configuration file that carry something: numbered from 1, comments,
/// blank lines and `----` separators left out.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    numbered_lines(text).filter_map(|(number, line)| {
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        let trimmed = line.trim();
        let skip =
            trimmed.is_empty() || trimmed.starts_with('#') || trimmed.chars().all(|c| c == '-');
        (!skip).then_some((number, line.trim_end()))
    })
}

/// A role or relation argument as written: name, cardinality and filler types.
struct ArgSpec {
    name: String,
    cardinality: Cardinality,
    types: Vec<String>,
}

/// Parses `Role?:A|B` (also `Role*`, `Role+`, `Role{2}`, `Role{0-3}`).
fn arg_spec(text: &str) -> Option<ArgSpec> {
    let (name, types) = text.split_once(':')?;
    let name = name.trim();
    let types: Vec<String> = types
        .split('|')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let (name, cardinality) = if let Some(n) = name.strip_suffix('?') {
        (n, Cardinality::Optional)
    } else if let Some(n) = name.strip_suffix('*') {
        (n, Cardinality::Any)
    } else if let Some(n) = name.strip_suffix('+') {
        (n, Cardinality::AtLeastOne)
    } else if let Some((n, count)) = name.strip_suffix('}').and_then(|n| n.split_once('{')) {
        // `{n}` or `{min-max}`: the closest cardinality the model has.
        let (min, max) = match count.split_once('-') {
            Some((a, b)) => (a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?),
            None => {
                let n = count.trim().parse::<u32>().ok()?;
                (n, n)
            }
        };
        let cardinality = match (min, max) {
            (1, 1) => Cardinality::One,
            (0, 1) => Cardinality::Optional,
            (0, _) => Cardinality::Any,
            _ => Cardinality::AtLeastOne,
        };
        (n, cardinality)
    } else {
        (name, Cardinality::One)
    };
    if name.is_empty() {
        return None;
    }
    Some(ArgSpec {
        name: name.to_string(),
        cardinality,
        types,
    })
}

/// A type line of `[events]` or `[relations]`: its name and its arguments.
fn name_and_args(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    match line.find(char::is_whitespace) {
        Some(i) => Some((&line[..i], line[i..].trim())),
        None => Some((line, "")),
    }
}

/// The first name among the arguments of a type line (roles, types, values) that holds
/// a tab: it would break the columns of the brat and CoNLL files it is written to. The
/// separators between arguments may be tabs.
fn name_with_tab(args: &str) -> Option<&str> {
    args.split([',', ':', '|'])
        .map(str::trim)
        .find(|n| n.contains('\t'))
}

/// The parsed `annotation.conf`, before macros and `<ENTITY>`-like names are expanded.
#[derive(Default)]
struct AnnotationConf {
    entities: Vec<String>,
    events: Vec<(String, Vec<ArgSpec>)>,
    relations: Vec<(String, ArgSpec, ArgSpec)>,
    attributes: Vec<(String, Vec<String>, Option<Vec<String>>)>,
    macros: BTreeMap<String, Vec<String>>,
}

fn parse_annotation_conf(
    text: &str,
    path: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> AnnotationConf {
    let mut conf = AnnotationConf::default();
    let mut section = String::new();
    let mut warn = |line: usize, message: String| {
        warnings.push(at_line(path, line, message));
    };
    for (n, raw) in content_lines(text) {
        let line = raw.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_ascii_lowercase();
            continue;
        }
        if line.starts_with('<')
            && let Some((name, value)) = line.split_once('=')
            && name.ends_with('>')
        {
            let values = value.split('|').map(|v| v.trim().to_string()).collect();
            conf.macros.insert(name.trim().to_string(), values);
            continue;
        }
        // `!Type` is abstract: a node of the hierarchy that is never annotated.
        let abstract_type = line.starts_with('!');
        let line = line.trim_start_matches('!');
        if let Some(why) = inner_line_break(line) {
            warn(n, format!("{why}: line left out"));
            continue;
        }
        let Some((name, args)) = name_and_args(line) else {
            continue;
        };
        if let Some(bad) = name_with_tab(args) {
            warn(n, format!("the name {bad:?} holds a tab: line left out"));
            continue;
        }
        match section.as_str() {
            "entities" | "spans" => {
                if !abstract_type && !name.starts_with('<') {
                    conf.entities.push(name.to_string());
                }
            }
            "events" => {
                let mut specs = Vec::new();
                for arg in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                    match arg_spec(arg) {
                        Some(spec) if spec.name.starts_with('<') => {}
                        Some(spec) => specs.push(spec),
                        None => warn(
                            n,
                            format!("role {arg:?} is not of the form Role:Type: left out"),
                        ),
                    }
                }
                if !abstract_type && !name.starts_with('<') {
                    conf.events.push((name.to_string(), specs));
                }
            }
            "relations" => {
                if name.starts_with('<') || abstract_type {
                    continue; // <OVERLAP> and the like: eventail allows any overlap.
                }
                let specs: Vec<ArgSpec> = args
                    .split(',')
                    .filter_map(|a| arg_spec(a.trim()))
                    .filter(|s| !s.name.starts_with('<'))
                    .collect();
                let mut specs = specs.into_iter();
                match (specs.next(), specs.next(), specs.next()) {
                    (Some(a1), Some(a2), None) => {
                        conf.relations.push((name.to_string(), a1, a2));
                    }
                    _ => warn(
                        n,
                        format!("relation {name:?} does not have two arguments: left out"),
                    ),
                }
            }
            "attributes" => {
                let mut targets = Vec::new();
                let mut values = None;
                for part in args.split(',').map(str::trim) {
                    if let Some(t) = part.strip_prefix("Arg:") {
                        targets = t.split('|').map(|t| t.trim().to_string()).collect();
                    } else if let Some(v) = part.strip_prefix("Value:") {
                        values = Some(v.split('|').map(|v| v.trim().to_string()).collect());
                    }
                }
                if abstract_type || name.starts_with('<') {
                    continue;
                }
                conf.attributes.push((name.to_string(), targets, values));
            }
            _ => warn(
                n,
                format!("line outside of a known section: {line:?} left out"),
            ),
        }
    }
    conf
}

/// Labels (`[labels]`) and colours (`[drawing]`) of `visual.conf`.
#[derive(Default)]
struct VisualConf {
    labels: BTreeMap<String, String>,
    colors: BTreeMap<String, Rgb>,
}

fn parse_visual_conf(text: &str) -> VisualConf {
    let mut visual = VisualConf::default();
    let mut section = String::new();
    for (_, line) in content_lines(text) {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_ascii_lowercase();
            continue;
        }
        match section.as_str() {
            "labels" => {
                let mut parts = line.split('|').map(str::trim);
                if let Some(name) = parts.next() {
                    let label = parts.next().filter(|l| !l.is_empty()).unwrap_or(name);
                    visual.labels.insert(name.to_string(), label.to_string());
                }
            }
            "drawing" => {
                let Some((name, settings)) = name_and_args(line) else {
                    continue;
                };
                for setting in settings.split(',') {
                    if let Some((key, value)) = setting.split_once(':')
                        && matches!(key.trim(), "bgColor" | "color")
                        && let Some(rgb) = rgb_from_str(value)
                    {
                        visual.colors.insert(name.to_string(), rgb);
                    }
                }
            }
            _ => {}
        }
    }
    visual
}

/// Reads a configuration file; `None` when it does not exist or cannot be read (which
/// is reported).
fn read_conf(dir: &Path, name: &str, warnings: &mut Vec<Diagnostic>) -> Option<String> {
    let path = dir.join(name);
    if !path.exists() {
        return None;
    }
    match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                warnings.push(Diagnostic::new("not valid UTF-8: ignored").in_file(&path));
                None
            }
        },
        Err(e) => {
            warnings.push(Diagnostic::new(format!("cannot read ({e}): ignored")).in_file(&path));
            None
        }
    }
}

/// The schema described by the configuration files of the collection in `dir` (an
/// empty one when it has none); what cannot be understood is added to `warnings`.
pub(super) fn schema_from_dir(dir: &Path, warnings: &mut Vec<Diagnostic>) -> Schema {
    let conf = match read_conf(dir, "annotation.conf", warnings) {
        Some(text) => parse_annotation_conf(&text, &dir.join("annotation.conf"), warnings),
        None => AnnotationConf::default(),
    };
    let visual = read_conf(dir, "visual.conf", warnings)
        .map(|t| parse_visual_conf(&t))
        .unwrap_or_default();
    let mut schema = schema_from_conf(&conf, &visual);
    if let Some(text) = read_conf(dir, "kb_shortcuts.conf", warnings) {
        let path = dir.join("kb_shortcuts.conf");
        for (n, line) in content_lines(&text) {
            let mut parts = line.split_whitespace();
            let (Some(key), Some(type_name)) = (parts.next(), parts.next()) else {
                warnings.push(at_line(
                    &path,
                    n,
                    "not of the form KEY Type: ignored".into(),
                ));
                continue;
            };
            let mut chars = key.chars();
            let (Some(key), None) = (chars.next(), chars.next()) else {
                warnings.push(at_line(
                    &path,
                    n,
                    format!("{key:?} is not one key: ignored"),
                ));
                continue;
            };
            if !set_shortcut(&mut schema, type_name, key) {
                warnings.push(at_line(
                    &path,
                    n,
                    format!("{type_name:?} is not an entity or event type: ignored"),
                ));
            }
        }
    }
    schema
}

/// Gives the type called `name` (or, failing that, named so ignoring case) the key.
fn set_shortcut(schema: &mut Schema, name: &str, key: char) -> bool {
    for exact in [true, false] {
        let same = |n: &str| {
            if exact {
                n == name
            } else {
                n.eq_ignore_ascii_case(name)
            }
        };
        if let Some(t) = schema.entity_types.iter_mut().find(|t| same(&t.name)) {
            t.shortcut = Some(key);
            return true;
        }
        if let Some(t) = schema.event_types.iter_mut().find(|t| same(&t.name)) {
            t.shortcut = Some(key);
            return true;
        }
    }
    false
}

fn schema_from_conf(conf: &AnnotationConf, visual: &VisualConf) -> Schema {
    let entity_names: Vec<String> = dedup(conf.entities.iter().cloned());
    let event_names: Vec<String> = dedup(conf.events.iter().map(|(n, _)| n.clone()))
        .into_iter()
        .filter(|n| !entity_names.contains(n))
        .collect();
    let relation_names: Vec<String> = dedup(conf.relations.iter().map(|(n, _, _)| n.clone()));
    // Expands macros and brat's special names; `<ANY>` (any type) becomes the empty list.
    let expand = |types: &[String]| -> Vec<String> {
        let mut out = Vec::new();
        let mut any = false;
        for t in types {
            let names: Vec<String> = match conf.macros.get(t) {
                Some(m) => m.clone(),
                None => vec![t.clone()],
            };
            for name in names {
                match name.as_str() {
                    "<ANY>" => any = true,
                    "<ENTITY>" => out.extend(entity_names.iter().cloned()),
                    "<EVENT>" => out.extend(event_names.iter().cloned()),
                    "<RELATION>" => out.extend(relation_names.iter().cloned()),
                    _ => out.push(name),
                }
            }
        }
        if any { Vec::new() } else { dedup(out) }
    };
    let label = |name: &str| {
        visual
            .labels
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    let mut colors_used = 0;
    let mut color = |name: &str| match visual.colors.get(name) {
        Some(c) => *c,
        None => {
            colors_used += 1;
            Rgb::from_palette(colors_used - 1)
        }
    };
    let mut schema = Schema::default();
    for name in &entity_names {
        schema.entity_types.push(EntityType {
            name: name.clone(),
            label: label(name),
            color: color(name),
            shortcut: None,
        });
    }
    for name in &event_names {
        let Some((_, specs)) = conf.events.iter().find(|(n, _)| n == name) else {
            continue;
        };
        let mut roles: Vec<Role> = Vec::new();
        for spec in specs {
            if roles.iter().any(|r| r.name == spec.name) {
                continue;
            }
            roles.push(Role {
                name: spec.name.clone(),
                label: label(&spec.name),
                fillers: expand(&spec.types),
                cardinality: spec.cardinality,
            });
        }
        schema.event_types.push(EventType {
            name: name.clone(),
            label: label(name),
            color: color(name),
            shortcut: None,
            roles,
        });
    }
    for name in &relation_names {
        let Some((_, a1, a2)) = conf.relations.iter().find(|(n, _, _)| n == name) else {
            continue;
        };
        schema.relation_types.push(RelationType {
            name: name.clone(),
            label: label(name),
            arg1: expand(&a1.types),
            arg2: expand(&a2.types),
            color: visual.colors.get(name).copied().unwrap_or_default(),
        });
    }
    let mut seen = BTreeSet::new();
    for (name, targets, values) in &conf.attributes {
        if !seen.insert(name.clone()) {
            continue;
        }
        schema.attributes.push(AttributeDef {
            name: name.clone(),
            label: label(name),
            applies_to: expand(targets),
            kind: match values {
                Some(values) => AttrKind::Values(dedup(values.iter().cloned())),
                None => AttrKind::Flag,
            },
        });
    }
    schema
}

/// The names in their first order, without repeats.
fn dedup(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    names
        .into_iter()
        .filter(|n| !n.is_empty() && seen.insert(n.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_conf_with_macros_hierarchy_and_cardinalities() {
        let text = "[entities]\nPerson\n!Place\n\tGPE\n[relations]\n\
            Located Arg1:Person, Arg2:GPE\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\
            Alias Arg1:Person, Arg2:Person, <REL-TYPE>:symmetric-transitive\n\
            [events]\n<POG>=Person|GPE\n!Life\n\tMarry\tPerson-Arg{2}:Person, Place-Arg?:GPE\n\
            Report\tReporter-Arg:<POG>, Event-Arg*:<EVENT>, Any+:<ANY>\n----\n\
            [attributes]\nNegation Arg:<EVENT>\nConfidence\tArg:<EVENT>, Value:High|Low\n";
        let mut warnings = Vec::new();
        let conf = parse_annotation_conf(text, Path::new("a.conf"), &mut warnings);
        let mut visual = parse_visual_conf(
            "[labels]\nGPE | Geo-political entity | GPE\n[drawing]\nPerson\tbgColor:#FF821C\nGPE\tbgColor:lightgreen, fgColor:white\n",
        );
        visual.labels.insert("Person-Arg".into(), "Person".into());
        let schema = schema_from_conf(&conf, &visual);
        assert!(warnings.is_empty(), "{warnings:?}");
        let names: Vec<&str> = schema
            .entity_types
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["Person", "GPE"]);
        assert_eq!(schema.entity_types[0].color, Rgb([0xff, 0x82, 0x1c]));
        assert_eq!(schema.entity_types[1].label, "Geo-political entity");
        assert_eq!(schema.entity_types[1].color, Rgb([0x90, 0xee, 0x90]));
        let marry = schema.event_type("Marry").unwrap();
        assert_eq!(marry.roles[0].cardinality, Cardinality::AtLeastOne);
        assert_eq!(marry.roles[0].label, "Person");
        assert_eq!(marry.roles[1].cardinality, Cardinality::Optional);
        let report = schema.event_type("Report").unwrap();
        assert_eq!(report.roles[0].fillers, ["Person", "GPE"]);
        assert_eq!(report.roles[1].fillers, ["Marry", "Report"]);
        assert_eq!(report.roles[1].cardinality, Cardinality::Any);
        assert!(report.roles[2].fillers.is_empty());
        assert_eq!(schema.relation_types.len(), 2);
        assert_eq!(schema.attributes[0].applies_to, ["Marry", "Report"]);
        assert_eq!(schema.attributes[0].kind, AttrKind::Flag);
        assert_eq!(
            schema.attributes[1].kind,
            AttrKind::Values(vec!["High".into(), "Low".into()])
        );
    }

    #[test]
    fn colours_in_every_notation() {
        assert_eq!(rgb_from_str("#abc"), Some(Rgb([0xaa, 0xbb, 0xcc])));
        assert_eq!(rgb_from_str(" #A0B1C2"), Some(Rgb([0xa0, 0xb1, 0xc2])));
        assert_eq!(rgb_from_str("LightGray"), Some(Rgb([0xd3, 0xd3, 0xd3])));
        assert_eq!(rgb_from_str("#éé"), None);
        assert_eq!(rgb_from_str("chartreuse-ish"), None);
    }
}
