//! brat's configuration files made into a [`Schema`]: `annotation.conf` (types, roles,
//! attributes), `visual.conf` (labels and colours) and `kb_shortcuts.conf` (keys).
//!
//! A collection's configuration is only a help for annotators: a line that cannot be
//! understood is reported as a warning and skipped, never fatal, and the `.ann` files
//! add whatever types they use that the configuration lacks.
//!
//! Macros (`<POG>=Person|GPE`) and brat's `<ENTITY>`, `<EVENT>` and `<RELATION>` stand
//! for lists of types, which each role or attribute that uses them gets in full: a file
//! of event types each taking `<EVENT>` grows with the square of its length (a 188 KB
//! file would make 144 million names). Expanding costs what it produces, and no more
//! than ten times the file may be produced (a [`Budget`]); past that, the file is
//! ignored with a warning that names the line, and the `.ann` files bring their types.

use super::at_line;
use crate::formats::{inner_line_break, numbered_lines};
use crate::model::{
    AttrKind, AttributeDef, Cardinality, Diagnostic, EntityType, EventType, RelationType, Rgb,
    Role, Schema,
};
use std::collections::{BTreeMap, HashMap, HashSet};
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

/// A role or relation argument as written: name, cardinality and filler types, and the
/// line it is on.
struct ArgSpec {
    name: String,
    cardinality: Cardinality,
    types: Vec<String>,
    line: usize,
}

/// Parses `Role?:A|B` (also `Role*`, `Role+`, `Role{2}`, `Role{0-3}`), on line `line`.
fn arg_spec(text: &str, line: usize) -> Option<ArgSpec> {
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
        line,
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

/// What the expansion of macros and of brat's special names may still produce, in
/// bytes of type names (a byte more for each name, so that empty ones count).
struct Budget {
    left: usize,
}

/// The expansion of a file would produce more than it may: it went over at `line`.
#[derive(Debug)]
struct TooLarge {
    line: usize,
}

impl Budget {
    /// The least a file may expand to, however short: far more than real configurations
    /// need (BioNLP-ST 2011's expands to 1.3 KB of names, TDT's to 14 KB, three times
    /// its size).
    const FLOOR: usize = 1 << 20;

    /// The budget of a file of `len` bytes: ten times the file, and at least
    /// [`Self::FLOOR`].
    fn for_file(len: usize) -> Self {
        Self {
            left: len.saturating_mul(10).max(Self::FLOOR),
        }
    }

    /// Takes `bytes` from the budget, for the expansion of `line`.
    fn spend(&mut self, bytes: usize, line: usize) -> Result<(), TooLarge> {
        self.left = self.left.checked_sub(bytes).ok_or(TooLarge { line })?;
        Ok(())
    }
}

impl Default for Budget {
    fn default() -> Self {
        Self::for_file(0)
    }
}

/// Type names with the bytes they count for in a [`Budget`].
#[derive(Default)]
struct NameList {
    names: Vec<String>,
    bytes: usize,
}

impl NameList {
    fn push(&mut self, name: &str) {
        self.bytes += name.len() + 1;
        self.names.push(name.to_string());
    }

    fn extend(&mut self, other: &NameList) {
        self.bytes += other.bytes;
        self.names.extend(other.names.iter().cloned());
    }
}

impl FromIterator<String> for NameList {
    fn from_iter<I: IntoIterator<Item = String>>(names: I) -> Self {
        let names: Vec<String> = names.into_iter().collect();
        let bytes = names.iter().map(|n| n.len() + 1).sum();
        Self { names, bytes }
    }
}

/// brat's names for lists of types, which are not macros of the file.
const SPECIAL_NAMES: [&str; 4] = ["<ANY>", "<ENTITY>", "<EVENT>", "<RELATION>"];

/// True when `name` is written as a macro is, `<NAME>`.
fn is_macro_name(name: &str) -> bool {
    name.len() > 1 && name.starts_with('<') && name.ends_with('>')
}

/// An attribute as written: its name, the types it applies to, its values (none for a
/// flag), and the line it is on.
struct AttributeLine {
    name: String,
    targets: Vec<String>,
    values: Option<Vec<String>>,
    line: usize,
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
    attributes: Vec<AttributeLine>,
    /// The group of each type written under another (indented below `!Life`): the name
    /// of its outermost ancestor, which lists it in the app's menus and legend.
    groups: HashMap<String, String>,
    /// Each macro with its value, in which the macros defined before it are expanded
    /// (as brat does, line by line); brat's special names stay as they are.
    macros: HashMap<String, NameList>,
    /// What expanding may still produce.
    budget: Budget,
}

fn parse_annotation_conf(
    text: &str,
    path: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> Result<AnnotationConf, TooLarge> {
    let mut conf = AnnotationConf {
        budget: Budget::for_file(text.len()),
        ..Default::default()
    };
    let mut section = String::new();
    // The types above the current line, by indentation: its ancestors.
    let mut ancestors: Vec<(usize, String)> = Vec::new();
    let mut warn = |line: usize, message: String| {
        warnings.push(at_line(path, line, message));
    };
    for (n, raw) in content_lines(text) {
        let line = raw.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_ascii_lowercase();
            ancestors.clear();
            continue;
        }
        if line.starts_with('<')
            && let Some((name, value)) = line.split_once('=')
            && name.ends_with('>')
        {
            let mut values = NameList::default();
            for v in value.split('|').map(str::trim) {
                if let Some(m) = conf.macros.get(v) {
                    conf.budget.spend(m.bytes, n)?;
                    values.extend(m);
                } else if is_macro_name(v) && !SPECIAL_NAMES.contains(&v) {
                    warn(
                        n,
                        format!("{v} is not a macro defined above this line: left out"),
                    );
                } else {
                    conf.budget.spend(v.len() + 1, n)?;
                    values.push(v);
                }
            }
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
        let indent = raw.len() - raw.trim_start().len();
        while ancestors.last().is_some_and(|(i, _)| *i >= indent) {
            ancestors.pop();
        }
        if let Some((_, top)) = ancestors.first() {
            conf.groups.insert(name.to_string(), top.clone());
        }
        ancestors.push((indent, name.to_string()));
        match section.as_str() {
            "entities" | "spans" => {
                if !abstract_type && !name.starts_with('<') {
                    conf.entities.push(name.to_string());
                }
            }
            "events" => {
                let mut specs = Vec::new();
                for arg in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                    match arg_spec(arg, n) {
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
                    .filter_map(|a| arg_spec(a.trim(), n))
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
                conf.attributes.push(AttributeLine {
                    name: name.to_string(),
                    targets,
                    values,
                    line: n,
                });
            }
            _ => warn(
                n,
                format!("line outside of a known section: {line:?} left out"),
            ),
        }
    }
    Ok(conf)
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
    match crate::io::read_regular_file(&path) {
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
    let visual = read_conf(dir, "visual.conf", warnings)
        .map(|t| parse_visual_conf(&t))
        .unwrap_or_default();
    let mut schema = match read_conf(dir, "annotation.conf", warnings) {
        Some(text) => {
            let path = dir.join("annotation.conf");
            let schema = parse_annotation_conf(&text, &path, warnings)
                .and_then(|conf| schema_from_conf(conf, &visual, &path, warnings));
            schema.unwrap_or_else(|TooLarge { line }| {
                let limit = Budget::for_file(text.len()).left;
                warnings.push(at_line(
                    &path,
                    line,
                    format!(
                        "by this line, the macros, <ENTITY>, <EVENT> and <RELATION> expand \
                         to more than {limit} bytes of type names (ten times the file, or \
                         1 MiB): the file is ignored, and the types of the .ann files are \
                         added as they come"
                    ),
                ));
                Schema::default()
            })
        }
        None => Schema::default(),
    };
    if let Some(text) = read_conf(dir, "kb_shortcuts.conf", warnings) {
        let path = dir.join("kb_shortcuts.conf");
        let types = TypesByName::of(&schema);
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
            if !types.set_shortcut(&mut schema, type_name, key) {
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

/// An entity type or an event type, by position.
#[derive(Clone, Copy)]
enum TypeAt {
    Entity(usize),
    Event(usize),
}

/// The entity and event types of a schema by name, and by name ignoring case, for the
/// keys of `kb_shortcuts.conf`, looked up once per line.
struct TypesByName {
    exact: HashMap<String, TypeAt>,
    any_case: HashMap<String, TypeAt>,
}

impl TypesByName {
    fn of(schema: &Schema) -> Self {
        let all = schema
            .entity_types
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), TypeAt::Entity(i)))
            .chain(
                schema
                    .event_types
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.name.as_str(), TypeAt::Event(i))),
            );
        let mut types = Self {
            exact: HashMap::new(),
            any_case: HashMap::new(),
        };
        // The first of two types with one name (entity types first) wins.
        for (name, at) in all {
            types.exact.entry(name.to_string()).or_insert(at);
            types
                .any_case
                .entry(name.to_ascii_lowercase())
                .or_insert(at);
        }
        types
    }

    /// Gives the type called `name` (or, failing that, named so ignoring case) the key.
    fn set_shortcut(&self, schema: &mut Schema, name: &str, key: char) -> bool {
        let at = self
            .exact
            .get(name)
            .or_else(|| self.any_case.get(&name.to_ascii_lowercase()));
        let shortcut = match at {
            Some(TypeAt::Entity(i)) => schema.entity_types.get_mut(*i).map(|t| &mut t.shortcut),
            Some(TypeAt::Event(i)) => schema.event_types.get_mut(*i).map(|t| &mut t.shortcut),
            None => None,
        };
        shortcut.map(|s| *s = Some(key)).is_some()
    }
}

/// Expands the types of roles and attributes: macros, and brat's special names into the
/// lists of types, within the [`Budget`] of the file.
struct Expander<'a> {
    macros: &'a HashMap<String, NameList>,
    entities: &'a NameList,
    events: &'a NameList,
    relations: &'a NameList,
    budget: Budget,
    path: &'a Path,
    warnings: &'a mut Vec<Diagnostic>,
    /// The names like macros that are not, each reported once.
    undefined: HashSet<String>,
}

impl Expander<'_> {
    /// The types `types`, written on `line`, expanded; `<ANY>` (any type) becomes the
    /// empty list.
    fn expand(&mut self, types: &[String], line: usize) -> Result<Vec<String>, TooLarge> {
        let mut out = Vec::new();
        let mut any = false;
        for t in types {
            let names = match self.macros.get(t) {
                Some(m) => {
                    self.budget.spend(m.bytes, line)?;
                    m.names.as_slice()
                }
                None => std::slice::from_ref(t),
            };
            for name in names {
                let special = match name.as_str() {
                    "<ANY>" => {
                        any = true;
                        continue;
                    }
                    "<ENTITY>" => self.entities,
                    "<EVENT>" => self.events,
                    "<RELATION>" => self.relations,
                    _ if is_macro_name(name) => {
                        if self.undefined.insert(name.clone()) {
                            self.warnings.push(at_line(
                                self.path,
                                line,
                                format!(
                                    "{name} is not a macro of this file nor one of brat's \
                                     {}: left out, here and wherever else it is used",
                                    SPECIAL_NAMES.join(", ")
                                ),
                            ));
                        }
                        continue;
                    }
                    _ => {
                        self.budget.spend(name.len() + 1, line)?;
                        out.push(name.clone());
                        continue;
                    }
                };
                self.budget.spend(special.bytes, line)?;
                out.extend(special.names.iter().cloned());
            }
        }
        Ok(if any { Vec::new() } else { dedup(out) })
    }
}

/// The schema of the parsed `annotation.conf` (at `path`) with the labels and colours of
/// `visual`; `Err` when expanding its types would produce more than its budget.
fn schema_from_conf(
    conf: AnnotationConf,
    visual: &VisualConf,
    path: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Schema, TooLarge> {
    let entity_names: NameList = dedup(conf.entities.iter().cloned()).into_iter().collect();
    let entity_set: HashSet<&str> = entity_names.names.iter().map(String::as_str).collect();
    let event_names: NameList = dedup(conf.events.iter().map(|(n, _)| n.clone()))
        .into_iter()
        .filter(|n| !entity_set.contains(n.as_str()))
        .collect();
    let relation_names: NameList = dedup(conf.relations.iter().map(|(n, _, _)| n.clone()))
        .into_iter()
        .collect();
    // The first line of a type names it; later ones are left out.
    let mut events: HashMap<&str, &[ArgSpec]> = HashMap::new();
    for (name, specs) in &conf.events {
        events.entry(name).or_insert(specs);
    }
    let mut relations: HashMap<&str, (&ArgSpec, &ArgSpec)> = HashMap::new();
    for (name, a1, a2) in &conf.relations {
        relations.entry(name).or_insert((a1, a2));
    }
    let mut expander = Expander {
        macros: &conf.macros,
        entities: &entity_names,
        events: &event_names,
        relations: &relation_names,
        budget: conf.budget,
        path,
        warnings,
        undefined: HashSet::new(),
    };
    let label = |name: &str| {
        visual
            .labels
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string())
    };
    let group = |name: &str| conf.groups.get(name).cloned().unwrap_or_default();
    let mut colors_used = 0;
    let mut color = |name: &str| match visual.colors.get(name) {
        Some(c) => *c,
        None => {
            colors_used += 1;
            Rgb::from_palette(colors_used - 1)
        }
    };
    let mut schema = Schema::default();
    for name in &entity_names.names {
        schema.entity_types.push(EntityType {
            group: group(name),
            name: name.clone(),
            label: label(name),
            color: color(name),
            shortcut: None,
        });
    }
    for name in &event_names.names {
        let Some(specs) = events.get(name.as_str()) else {
            continue;
        };
        let mut roles: Vec<Role> = Vec::new();
        let mut role_names = HashSet::new();
        for spec in specs.iter() {
            if !role_names.insert(spec.name.as_str()) {
                continue;
            }
            roles.push(Role {
                name: spec.name.clone(),
                label: label(&spec.name),
                fillers: expander.expand(&spec.types, spec.line)?,
                cardinality: spec.cardinality,
            });
        }
        schema.event_types.push(EventType {
            group: group(name),
            name: name.clone(),
            label: label(name),
            color: color(name),
            shortcut: None,
            roles,
        });
    }
    for name in &relation_names.names {
        let Some((a1, a2)) = relations.get(name.as_str()) else {
            continue;
        };
        schema.relation_types.push(RelationType {
            group: group(name),
            name: name.clone(),
            label: label(name),
            arg1: expander.expand(&a1.types, a1.line)?,
            arg2: expander.expand(&a2.types, a2.line)?,
            color: visual.colors.get(name).copied().unwrap_or_default(),
        });
    }
    let mut seen = HashSet::new();
    for AttributeLine {
        name,
        targets,
        values,
        line,
    } in &conf.attributes
    {
        if !seen.insert(name.as_str()) {
            continue;
        }
        schema.attributes.push(AttributeDef {
            name: name.clone(),
            label: label(name),
            applies_to: expander.expand(targets, *line)?,
            kind: match values {
                Some(values) => AttrKind::Values(dedup(values.iter().cloned())),
                None => AttrKind::Flag,
            },
        });
    }
    Ok(schema)
}

/// The names in their first order, without repeats.
fn dedup(names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
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
        let path = Path::new("a.conf");
        let conf = parse_annotation_conf(text, path, &mut warnings).unwrap();
        let mut visual = parse_visual_conf(
            "[labels]\nGPE | Geo-political entity | GPE\n[drawing]\nPerson\tbgColor:#FF821C\nGPE\tbgColor:lightgreen, fgColor:white\n",
        );
        visual.labels.insert("Person-Arg".into(), "Person".into());
        let schema = schema_from_conf(conf, &visual, path, &mut warnings).unwrap();
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

    /// The schema of a collection whose `annotation.conf` is `conf`, with the warnings,
    /// shown with the file's name only.
    fn schema_of(conf: &str) -> (Schema, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("annotation.conf"), conf).unwrap();
        let mut warnings = Vec::new();
        let schema = schema_from_dir(dir.path(), &mut warnings);
        let prefix = format!("{}/", dir.path().display());
        let warnings = warnings
            .iter()
            .map(|w| w.to_string().replace(&prefix, ""))
            .collect();
        (schema, warnings)
    }

    #[test]
    fn macros_expand_those_above_them_and_undefined_ones_are_warned_once_and_left_out() {
        let (schema, warnings) = schema_of(
            "[entities]\nPerson\nPlace\n[events]\n<P>=Person|<NOPE>\n<PP>=<P>|Place\n\
             Meet\tWho:<PP>, Where:<FOO>|Place, When:<FOO>\nSay\tWhat:<FOO>|<EVENT>\n",
        );
        let meet = schema.event_type("Meet").unwrap();
        assert_eq!(meet.roles[0].fillers, ["Person", "Place"]);
        assert_eq!(meet.roles[1].fillers, ["Place"]);
        assert_eq!(
            schema.event_type("Say").unwrap().roles[0].fillers,
            ["Meet", "Say"]
        );
        assert_eq!(
            warnings,
            [
                "annotation.conf:5: <NOPE> is not a macro defined above this line: left out",
                "annotation.conf:7: <FOO> is not a macro of this file nor one of brat's \
                 <ANY>, <ENTITY>, <EVENT>, <RELATION>: left out, here and wherever else it \
                 is used",
            ]
        );
    }

    #[test]
    fn a_file_that_would_expand_past_ten_times_its_size_is_ignored_with_its_line() {
        // 12,000 event types, each with a role of any of them: 144 million names.
        let mut conf = String::from("[entities]\nPerson\n[events]\n");
        for i in 0..12_000 {
            conf.push_str(&format!("V{i}\tA:<EVENT>\n"));
        }
        let (schema, warnings) = schema_of(&conf);
        assert_eq!(schema, Schema::default());
        let limit = 10 * conf.len();
        // Each role takes 72,890 bytes of names: the 27th, on line 30, goes over.
        assert_eq!(
            warnings,
            [format!(
                "annotation.conf:30: by this line, the macros, <ENTITY>, <EVENT> and \
                 <RELATION> expand to more than {limit} bytes of type names (ten times the \
                 file, or 1 MiB): the file is ignored, and the types of the .ann files are \
                 added as they come"
            )]
        );
    }
}
