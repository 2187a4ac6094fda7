//! brat standoff import: a brat collection folder made into a project, losslessly.
//!
//! Researchers arrive with corpora annotated in brat (or exported to its format by other
//! tools); this module lets them carry on in eventail without losing anything. Each
//! `X.txt` becomes a document with its text exactly as stored (offsets count code points,
//! the unit of [`Span`]) and `X.ann`, if present, its annotations: `T` lines become
//! mentions, or triggers when their type is an event type (several events may share one
//! trigger); `E` events (brat's numbered repeated roles, `Theme2`, map back to `Theme`),
//! `R` relations, `*` equivalences, `A`/`M` attributes, `N` normalisations and `#`
//! notes (the first `AnnotatorNotes` of an annotation is its note; other kinds and
//! further notes are kept as [`Comment`]s). The schema comes from the configuration
//! files (`annotation.conf`, `visual.conf`, `kb_shortcuts.conf`); types, roles and
//! attribute values that the `.ann` files use and the configuration lacks are added,
//! each with a warning.
//!
//! brat ids are renumbered: one counter per document, mentions first, then events, then
//! relations, in file order. A broken line is reported as `file:line: what is wrong`; by
//! default the import then fails with every such line listed, and with `skip_bad_lines`
//! the bad lines, and the annotations that refer to them, are left out with a warning.

mod conf;

use crate::formats::brat::is_line_break;
use crate::formats::text::name_from_text;
use crate::model::{
    AnnotationRef, AttrKind, AttrValue, AttributeDef, Cardinality, Comment, Diagnostic, Document,
    EntityType, Equivalence, Event, EventId, EventType, Filler, Mention, MentionId, Normalization,
    Project, Relation, RelationId, RelationType, Role, RoleArg, Schema, Span,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Why a brat collection could not be imported. The path comes last.
#[derive(Debug, thiserror::Error)]
pub enum BratImportError {
    /// A file or the folder could not be read.
    #[error("cannot read: {error}: {}", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// A `.txt` or `.ann` file is not UTF-8, as brat requires.
    #[error("not valid UTF-8 (brat files are UTF-8): {}", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// The folder holds no `.txt` file.
    #[error("the folder holds no .txt file: {}", path.display())]
    NoDocuments {
        /// The folder.
        path: PathBuf,
    },
    /// Lines of `.ann` files are broken; each names its file and line.
    #[error("{} broken .ann line(s) (nothing imported; skip them with --skip-bad-lines):\n{}",
        .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    BadLines(Vec<Diagnostic>),
}

/// A project read from a brat collection, and what had to be added or left out.
#[derive(Clone, Debug, PartialEq)]
pub struct BratImport {
    /// The project: the schema from the configuration, a document per `.txt` file.
    pub project: Project,
    /// Types added to the schema, text mismatches, skipped lines...
    pub warnings: Vec<Diagnostic>,
}

/// Reads the brat collection in `dir`: every `*.txt` file directly inside it (sorted by
/// name) with its `.ann` file (none: no annotations) and the configuration files.
///
/// Broken `.ann` lines make the import fail with all of them listed, unless
/// `skip_bad_lines` is set: then they, and what refers to them, are left out and
/// reported among the warnings. The project is named after the folder.
pub fn read_brat(dir: &Path, skip_bad_lines: bool) -> Result<BratImport, BratImportError> {
    let read_error = |path: &Path| {
        let path = path.to_path_buf();
        move |error| BratImportError::Read { path, error }
    };
    let mut stems = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error(dir))? {
        let path = entry.map_err(read_error(dir))?.path();
        let is_txt = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if is_txt && !path.is_dir() && !name.as_deref().unwrap_or(".").starts_with('.') {
            stems.push(path);
        }
    }
    if stems.is_empty() {
        return Err(BratImportError::NoDocuments {
            path: dir.to_path_buf(),
        });
    }
    stems.sort();
    let mut warnings = Vec::new();
    let schema = conf::schema_from_dir(dir, &mut warnings);
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "brat collection".into());
    let mut project = Project::new(name, schema);
    let mut errors = Vec::new();
    for txt_path in &stems {
        let text = read_utf8(txt_path)?;
        let ann_path = txt_path.with_extension("ann");
        let ann = if ann_path.exists() {
            read_utf8(&ann_path)?
        } else {
            String::new()
        };
        let stem = txt_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = project.unused_document_id(&stem);
        let mut doc = Document::new(id, name_from_text(&text, &stem), text);
        if let Some(file) = txt_path.file_name() {
            doc.metadata
                .insert("file".into(), file.to_string_lossy().into_owned());
        }
        let ann_errors = read_ann(
            &ann,
            &ann_path,
            &mut doc,
            &mut project.schema,
            skip_bad_lines,
            &mut warnings,
        );
        errors.extend(ann_errors);
        project.documents.push(doc);
    }
    if !errors.is_empty() {
        return Err(BratImportError::BadLines(errors));
    }
    // A later file may have changed the schema under an earlier one.
    let Project {
        schema, documents, ..
    } = &mut project;
    for doc in documents.iter_mut() {
        mend(dir, doc, schema, &mut warnings);
    }
    Ok(BratImport { project, warnings })
}

/// Reads the lines of one `.ann` file (named `ann_path` in messages) into `doc`, whose
/// text is the matching `.txt`; types the schema lacks are added to it with a warning.
/// Returns the broken lines (left out when `skip_bad_lines`, then as warnings).
pub fn read_ann(
    ann: &str,
    ann_path: &Path,
    doc: &mut Document,
    schema: &mut crate::model::Schema,
    skip_bad_lines: bool,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut reader = AnnReader {
        path: ann_path,
        schema,
        warnings,
        errors: Vec::new(),
        skip_bad_lines,
    };
    reader.read(ann, doc);
    let errors = reader.errors;
    mend(ann_path, doc, schema, warnings);
    errors
}

/// Brings what the lines built into line with the schema they extended (an attribute used
/// both with and without a value, say), keeping each change as a warning, so that an
/// import always validates.
fn mend(
    path: &Path,
    doc: &mut Document,
    schema: &mut crate::model::Schema,
    warnings: &mut Vec<Diagnostic>,
) {
    let mut changes = Vec::new();
    crate::model::repair::repair_document(schema, doc, &mut changes);
    warnings.extend(changes.into_iter().map(|change| change.in_file(path)));
}

/// A diagnostic about line `line` of the file at `path`.
fn at_line(path: &Path, line: usize, message: String) -> Diagnostic {
    Diagnostic::new(message).in_file(path).at_line(line)
}

/// The content of a UTF-8 file; a `.ann` file's byte-order mark is dropped, a `.txt`
/// file's kept (brat counts it as the first character).
fn read_utf8(path: &Path) -> Result<String, BratImportError> {
    let bytes = std::fs::read(path).map_err(|error| BratImportError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| BratImportError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    let is_ann = path.extension().is_some_and(|e| e == "ann");
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) if is_ann => rest.to_string(),
        _ => text,
    })
}

/// One `.ann` line, parsed.
#[derive(Clone, Debug)]
enum Record {
    Text {
        type_name: String,
        spans: Vec<Span>,
        text: Option<String>,
    },
    Event {
        type_name: String,
        trigger: String,
        args: Vec<(String, String)>,
    },
    Relation {
        type_name: String,
        arg1: String,
        arg2: String,
    },
    Equiv {
        type_name: String,
        members: Vec<String>,
    },
    Attribute {
        name: String,
        target: String,
        value: Option<String>,
    },
    Norm {
        target: String,
        resource: String,
        entry: String,
        text: String,
    },
    Note {
        kind: String,
        target: String,
        text: String,
    },
}

impl Record {
    /// The brat ids this line refers to.
    fn references(&self) -> Vec<&str> {
        match self {
            Record::Text { .. } => Vec::new(),
            Record::Event { trigger, args, .. } => std::iter::once(trigger.as_str())
                .chain(args.iter().map(|(_, a)| a.as_str()))
                .collect(),
            Record::Relation { arg1, arg2, .. } => vec![arg1, arg2],
            Record::Equiv { members, .. } => members.iter().map(String::as_str).collect(),
            Record::Attribute { target, .. }
            | Record::Norm { target, .. }
            | Record::Note { target, .. } => vec![target],
        }
    }
}

/// A parsed line: its number, its id (none for `*`) and content.
struct Line {
    number: usize,
    id: Option<String>,
    record: Record,
}

/// Parses one line; `Err` says what is wrong.
fn parse_line(line: &str) -> Result<(Option<String>, Record), String> {
    let mut fields = line.split('\t');
    let id = fields.next().unwrap_or("").trim();
    let body = fields.next().ok_or("no tab after the id")?;
    let rest: Vec<&str> = fields.collect();
    let rest_text = rest.join("\t");
    let mut words = body.split_whitespace();
    let first = words.next().ok_or("nothing after the id")?.to_string();
    let words: Vec<&str> = words.collect();
    let pair = |w: &str| -> Result<(String, String), String> {
        match w.split_once(':') {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => Ok((a.to_string(), b.to_string())),
            _ => Err(format!("{w:?} is not of the form Role:Id")),
        }
    };
    let kind = id.chars().next().ok_or("the line has no id")?;
    if kind != '*' && (id.len() < 2 || id.contains(char::is_whitespace)) {
        return Err(format!("{id:?} is not a brat id"));
    }
    let record = match kind {
        'T' => {
            let offsets = body
                .split_once(char::is_whitespace)
                .map(|(_, o)| o)
                .ok_or("no offsets")?;
            let mut spans = Vec::new();
            for piece in offsets.split(';') {
                let nums: Vec<&str> = piece.split_whitespace().collect();
                let [s, e] = nums[..] else {
                    return Err(format!("offsets {piece:?} are not two numbers"));
                };
                let (Ok(s), Ok(e)) = (s.parse::<usize>(), e.parse::<usize>()) else {
                    return Err(format!("offsets {piece:?} are not two numbers"));
                };
                if s >= e {
                    return Err(format!("offsets {s} {e} make an empty or reversed range"));
                }
                spans.push(Span::new(s, e));
            }
            Record::Text {
                type_name: first,
                spans,
                text: (!rest.is_empty()).then_some(rest_text),
            }
        }
        'E' => {
            let (type_name, trigger) = pair(&first).map_err(|_| {
                format!("{first:?} is not of the form Type:Trigger (brat events need a trigger)")
            })?;
            let args = words.iter().map(|w| pair(w)).collect::<Result<_, _>>()?;
            Record::Event {
                type_name,
                trigger,
                args,
            }
        }
        'R' => {
            let [a1, a2] = words[..] else {
                return Err("a relation needs two arguments, Arg1:Id Arg2:Id".into());
            };
            Record::Relation {
                type_name: first,
                arg1: pair(a1)?.1,
                arg2: pair(a2)?.1,
            }
        }
        '*' => {
            if words.len() < 2 {
                return Err("an equivalence needs at least two members".into());
            }
            Record::Equiv {
                type_name: first,
                members: words.iter().map(|w| w.to_string()).collect(),
            }
        }
        'A' | 'M' => match words[..] {
            [target] => Record::Attribute {
                name: first,
                target: target.into(),
                value: None,
            },
            [target, value] => Record::Attribute {
                name: first,
                target: target.into(),
                value: Some(value.into()),
            },
            _ => return Err("an attribute is Name Id [Value]".into()),
        },
        'N' => {
            let [target, reference] = words[..] else {
                return Err("a normalisation is Reference Id Resource:Entry".into());
            };
            let (resource, entry) = pair(reference)?;
            if first != "Reference" {
                return Err(format!("normalisation type {first:?} is not Reference"));
            }
            Record::Norm {
                target: target.into(),
                resource,
                entry,
                text: rest_text,
            }
        }
        '#' => {
            let [target] = words[..] else {
                return Err("a note is Kind Id, a tab, then the text".into());
            };
            Record::Note {
                kind: first,
                target: target.into(),
                text: rest_text,
            }
        }
        _ => {
            return Err(format!(
                "{id:?} is not a brat id (T, E, R, *, A, M, N or #)"
            ));
        }
    };
    Ok(((kind != '*').then(|| id.to_string()), record))
}

/// Reads one `.ann` file into a document, growing the schema as needed.
struct AnnReader<'a> {
    path: &'a Path,
    schema: &'a mut Schema,
    warnings: &'a mut Vec<Diagnostic>,
    /// Broken lines when they are not skipped.
    errors: Vec<Diagnostic>,
    skip_bad_lines: bool,
}

/// What a brat id became.
#[derive(Clone, Copy, Debug)]
enum Target {
    Mention(MentionId),
    /// A trigger: the events that share it.
    Trigger,
    Event(EventId),
    Relation(RelationId),
}

impl AnnReader<'_> {
    fn warn(&mut self, line: usize, message: String) {
        self.warnings.push(at_line(self.path, line, message));
    }

    fn read(&mut self, ann: &str, doc: &mut Document) {
        // 1. Parse every line.
        let mut lines = Vec::new();
        let mut bad: BTreeMap<usize, String> = BTreeMap::new(); // line number → why
        let mut defined: HashMap<String, usize> = HashMap::new(); // id → index in `lines`
        let mut bad_ids: HashMap<String, usize> = HashMap::new(); // id of a bad line → line
        for (i, raw) in ann.split('\n').enumerate() {
            let number = i + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            if raw.trim().is_empty() {
                continue;
            }
            match parse_line(raw) {
                Ok((id, record)) => {
                    if let Some(id) = &id
                        && let Some(&first) = defined.get(id)
                    {
                        let first: &Line = &lines[first];
                        bad.insert(
                            number,
                            format!("id {id} is already used on line {}", first.number),
                        );
                        continue;
                    }
                    if let Some(id) = &id {
                        defined.insert(id.clone(), lines.len());
                    }
                    lines.push(Line { number, id, record });
                }
                Err(why) => {
                    let id = raw.split('\t').next().unwrap_or("").trim();
                    if !id.is_empty() && !id.starts_with('*') {
                        bad_ids.entry(id.to_string()).or_insert(number);
                    }
                    bad.insert(number, why);
                }
            }
        }
        // 2. Offsets against the text.
        let chars: Vec<(usize, char)> = doc.text.char_indices().collect();
        let char_len = chars.len();
        let slice = |s: Span| -> &str {
            let byte = |i: usize| chars.get(i).map_or(doc.text.len(), |(b, _)| *b);
            &doc.text[byte(s.start)..byte(s.end)]
        };
        for line in &lines {
            if let Record::Text { spans, text, .. } = &line.record {
                if let Some(s) = spans.iter().find(|s| s.end > char_len) {
                    bad.insert(
                        line.number,
                        format!(
                            "offsets {} {} run past the end of the text ({char_len} characters)",
                            s.start, s.end
                        ),
                    );
                } else if let Some(text) = text {
                    let actual: Vec<&str> = spans.iter().map(|s| slice(*s)).collect();
                    let actual = actual.join(" ");
                    let flat = |t: &str| -> String {
                        t.chars()
                            .map(|c| if is_line_break(c) { ' ' } else { c })
                            .collect()
                    };
                    if flat(&actual) != flat(text) {
                        self.warnings.push(at_line(
                            self.path,
                            line.number,
                            format!("the text {text:?} differs from the text at these offsets, {actual:?}"),
                        ));
                    }
                }
            }
        }
        // Event types: the configuration's, and those the E lines use.
        let mut event_types: BTreeSet<String> = self
            .schema
            .event_types
            .iter()
            .map(|t| t.name.clone())
            .collect();
        let mut triggers = BTreeSet::new();
        for line in &lines {
            if let Record::Event {
                type_name, trigger, ..
            } = &line.record
            {
                event_types.insert(type_name.clone());
                triggers.insert(trigger.clone());
            }
        }
        let is_trigger = |line: &Line| match &line.record {
            Record::Text { type_name, .. } => {
                event_types.contains(type_name)
                    || line.id.as_ref().is_some_and(|id| triggers.contains(id))
            }
            _ => false,
        };
        // 3. References: each must name a line of the right kind.
        let kind_of = |id: &str| -> Option<char> {
            let line = &lines[*defined.get(id)?];
            Some(match line.record {
                Record::Text { .. } if is_trigger(line) => 't',
                Record::Text { .. } => 'T',
                Record::Event { .. } => 'E',
                Record::Relation { .. } => 'R',
                _ => 'X',
            })
        };
        let mut attribute_set = BTreeMap::new();
        for line in &lines {
            if bad.contains_key(&line.number) {
                continue;
            }
            let allowed: &[char] = match &line.record {
                Record::Text { .. } => &[],
                Record::Event { .. } | Record::Relation { .. } | Record::Equiv { .. } => {
                    &['T', 'E']
                }
                Record::Attribute { .. } | Record::Norm { .. } | Record::Note { .. } => {
                    &['T', 'E', 'R']
                }
            };
            let refs = line.record.references();
            for (i, r) in refs.iter().enumerate() {
                let want: &[char] = if i == 0 && matches!(line.record, Record::Event { .. }) {
                    &['t']
                } else {
                    allowed
                };
                let why = match kind_of(r) {
                    Some(k) if want.contains(&k) => continue,
                    None if bad_ids.contains_key(*r) => continue, // reported with its line
                    None => format!("{r} is not defined in this file"),
                    Some('t') => format!("{r} is the trigger of an event: refer to the event"),
                    Some(_) => format!("{r} cannot be referred to here"),
                };
                bad.entry(line.number).or_insert(why);
                break;
            }
            if let Record::Attribute { name, target, .. } = &line.record
                && let Some(first) =
                    attribute_set.insert((name.clone(), target.clone()), line.number)
            {
                bad.insert(
                    line.number,
                    format!("attribute {name} of {target} is already set on line {first}"),
                );
            }
        }
        // 4. Cycles of events: an event cannot contain itself, even through others.
        let mut remaining: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for line in &lines {
            if let (Some(id), Record::Event { args, .. }) = (&line.id, &line.record) {
                let nested = args
                    .iter()
                    .map(|(_, a)| a.as_str())
                    .filter(|a| kind_of(a) == Some('E'))
                    .collect();
                remaining.insert(id, nested);
            }
        }
        loop {
            let done: Vec<&str> = remaining
                .iter()
                .filter(|(_, nested)| nested.iter().all(|n| !remaining.contains_key(n)))
                .map(|(id, _)| *id)
                .collect();
            if done.is_empty() {
                break;
            }
            for id in done {
                remaining.remove(id);
            }
        }
        for id in remaining.keys() {
            if let Some(&i) = defined.get(*id) {
                bad.entry(lines[i].number).or_insert_with(|| {
                    format!("event {id} contains itself, through its arguments")
                });
            }
        }
        // 5. Broken lines: errors, or skipped with whatever refers to them.
        for (&number, why) in &bad {
            if self.skip_bad_lines {
                self.warn(number, format!("{why}: line skipped"));
            } else {
                self.errors.push(at_line(self.path, number, why.clone()));
            }
        }
        if !self.errors.is_empty() {
            return;
        }
        let mut skipped: BTreeSet<&str> = bad_ids.keys().map(String::as_str).collect();
        for line in &lines {
            if let Some(id) = &line.id
                && bad.contains_key(&line.number)
            {
                skipped.insert(id);
            }
        }
        let mut dependents: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, line) in lines.iter().enumerate() {
            for r in line.record.references() {
                dependents.entry(r).or_default().push(i);
            }
        }
        let mut dropped: BTreeSet<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| bad.contains_key(&l.number))
            .map(|(i, _)| i)
            .collect();
        let mut work: Vec<&str> = skipped.iter().copied().collect();
        while let Some(id) = work.pop() {
            for &i in dependents.get(id).map(Vec::as_slice).unwrap_or(&[]) {
                if dropped.insert(i) {
                    let line = &lines[i];
                    self.warn(
                        line.number,
                        format!("refers to {id}, which was skipped: line skipped"),
                    );
                    if let Some(own) = &line.id {
                        work.push(own);
                    }
                }
            }
        }
        let kept: Vec<&Line> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| !dropped.contains(i))
            .map(|(_, l)| l)
            .collect();
        self.build(doc, &kept, &is_trigger);
    }

    /// Makes the annotations of the kept lines, which are all well formed and resolve.
    fn build(&mut self, doc: &mut Document, lines: &[&Line], is_trigger: &dyn Fn(&Line) -> bool) {
        let mut next = 1u32;
        let mut targets: HashMap<&str, Target> = HashMap::new();
        let mut trigger_spans: HashMap<&str, (&str, &[Span])> = HashMap::new();
        let mut used_triggers = BTreeSet::new();
        for line in lines {
            if let Record::Event { trigger, .. } = &line.record {
                used_triggers.insert(trigger.as_str());
            }
        }
        // Mentions first, then events (and lone triggers as events), then relations.
        for line in lines {
            let (
                Some(id),
                Record::Text {
                    type_name, spans, ..
                },
            ) = (&line.id, &line.record)
            else {
                continue;
            };
            let mut ranges = spans.clone();
            ranges.sort();
            // Overlapping pieces of one annotation are merged: the model keeps them apart.
            let mut merged: Vec<Span> = Vec::new();
            for r in ranges {
                match merged.last_mut() {
                    Some(last) if last.end > r.start => last.end = last.end.max(r.end),
                    _ => merged.push(r),
                }
            }
            if is_trigger(line) {
                trigger_spans.insert(id, (type_name, spans));
                targets.insert(id, Target::Trigger);
                if used_triggers.contains(id.as_str()) {
                    continue;
                }
                self.warn(
                    line.number,
                    format!("trigger {id} has no event: imported as an event without arguments"),
                );
                self.event_type(type_name, line.number);
                let eid = EventId(next);
                next += 1;
                doc.events.push(event(eid, type_name, merged));
                continue;
            }
            self.entity_type(type_name, line.number);
            let mid = MentionId(next);
            next += 1;
            targets.insert(id, Target::Mention(mid));
            doc.mentions.push(Mention {
                id: mid,
                entity_type: type_name.clone(),
                ranges: merged,
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
            });
        }
        let mut event_index = Vec::new();
        for line in lines {
            if let (Some(id), Record::Event { .. }) = (&line.id, &line.record) {
                targets.insert(id, Target::Event(EventId(next)));
                next += 1;
                event_index.push(line);
            }
        }
        let filler = |targets: &HashMap<&str, Target>, id: &str| match targets.get(id) {
            Some(Target::Mention(m)) => Some(Filler::Mention(*m)),
            Some(Target::Event(e)) => Some(Filler::Event(*e)),
            _ => None,
        };
        for line in event_index {
            let (
                Some(id),
                Record::Event {
                    type_name,
                    trigger,
                    args,
                },
            ) = (&line.id, &line.record)
            else {
                continue;
            };
            let Some(Target::Event(eid)) = targets.get(id.as_str()).copied() else {
                continue;
            };
            self.event_type(type_name, line.number);
            let (trigger_type, spans) = trigger_spans
                .get(trigger.as_str())
                .copied()
                .unwrap_or(("", &[]));
            if trigger_type != type_name {
                self.warn(
                    line.number,
                    format!(
                        "trigger {trigger} is of type {trigger_type}, the event of type {type_name}"
                    ),
                );
            }
            let mut ranges = spans.to_vec();
            ranges.sort();
            let mut e = event(eid, type_name, ranges);
            let roles: BTreeSet<&str> = args.iter().map(|(r, _)| r.as_str()).collect();
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            for (role, arg) in args {
                let Some(f) = filler(&targets, arg) else {
                    continue;
                };
                let role = self.role(type_name, role, &roles, &seen, line.number);
                *seen.entry(role.clone()).or_default() += 1;
                e.arguments.push(RoleArg { role, filler: f });
            }
            doc.events.push(e);
        }
        doc.events.sort_by_key(|e| e.id);
        for line in lines {
            let (
                Some(id),
                Record::Relation {
                    type_name,
                    arg1,
                    arg2,
                },
            ) = (&line.id, &line.record)
            else {
                continue;
            };
            let (Some(a1), Some(a2)) = (filler(&targets, arg1), filler(&targets, arg2)) else {
                continue;
            };
            self.relation_type(type_name, line.number);
            let rid = RelationId(next);
            next += 1;
            targets.insert(id, Target::Relation(rid));
            doc.relations.push(Relation {
                id: rid,
                relation_type: type_name.clone(),
                arg1: a1,
                arg2: a2,
                attributes: Default::default(),
                note: String::new(),
                author: String::new(),
                changed: String::new(),
            });
        }
        doc.next_id = next;
        let target_ref = |id: &str| match targets.get(id) {
            Some(Target::Mention(m)) => Some(AnnotationRef::Mention(*m)),
            Some(Target::Event(e)) => Some(AnnotationRef::Event(*e)),
            Some(Target::Relation(r)) => Some(AnnotationRef::Relation(*r)),
            _ => None,
        };
        for line in lines {
            match &line.record {
                Record::Equiv { type_name, members } => {
                    let members: Vec<Filler> =
                        members.iter().filter_map(|m| filler(&targets, m)).collect();
                    self.relation_type(type_name, line.number);
                    doc.equivalences.push(Equivalence {
                        relation_type: type_name.clone(),
                        members,
                    });
                }
                Record::Attribute {
                    name,
                    target,
                    value,
                } => {
                    let Some(t) = target_ref(target) else {
                        continue;
                    };
                    let type_name = annotation_type(doc, t);
                    self.attribute(name, &type_name, value.as_deref(), line.number);
                    let value = value.clone().map_or(AttrValue::Flag, AttrValue::Value);
                    if let Some((attrs, _)) = annotation_mut(doc, t) {
                        attrs.insert(name.clone(), value);
                    }
                }
                Record::Norm {
                    target,
                    resource,
                    entry,
                    text,
                } => {
                    let Some(t) = target_ref(target) else {
                        continue;
                    };
                    doc.normalizations.push(Normalization {
                        target: t,
                        resource: resource.clone(),
                        id: entry.clone(),
                        text: text.clone(),
                    });
                }
                Record::Note { kind, target, text } => {
                    let Some(t) = target_ref(target) else {
                        continue;
                    };
                    let note = annotation_mut(doc, t).map(|(_, note)| note);
                    match note {
                        Some(note)
                            if kind == "AnnotatorNotes" && note.is_empty() && !text.is_empty() =>
                        {
                            *note = text.clone();
                        }
                        _ => doc.comments.push(Comment {
                            target: t,
                            kind: kind.clone(),
                            text: text.clone(),
                        }),
                    }
                }
                _ => {}
            }
        }
    }

    /// Adds `name` to the schema's entity types if it is not there.
    fn entity_type(&mut self, name: &str, line: usize) {
        if self.schema.entity_type(name).is_some() {
            return;
        }
        self.warn(
            line,
            format!("type {name} is not an entity type of annotation.conf: added"),
        );
        let color = crate::model::Rgb::from_palette(
            self.schema.entity_types.len() + self.schema.event_types.len(),
        );
        self.schema.entity_types.push(EntityType {
            name: name.into(),
            label: name.into(),
            color,
            shortcut: None,
        });
    }

    /// Adds `name` to the schema's event types if it is not there.
    fn event_type(&mut self, name: &str, line: usize) {
        if self.schema.event_type(name).is_some() {
            return;
        }
        self.warn(
            line,
            format!("type {name} is not an event type of annotation.conf: added"),
        );
        let color = crate::model::Rgb::from_palette(
            self.schema.entity_types.len() + self.schema.event_types.len(),
        );
        self.schema.event_types.push(EventType {
            name: name.into(),
            label: name.into(),
            color,
            shortcut: None,
            roles: Vec::new(),
        });
    }

    /// Adds `name` to the schema's relation types if it is not there.
    fn relation_type(&mut self, name: &str, line: usize) {
        if self.schema.relation_type(name).is_some() {
            return;
        }
        self.warn(
            line,
            format!("relation type {name} is not in annotation.conf: added"),
        );
        self.schema.relation_types.push(RelationType {
            name: name.into(),
            label: name.into(),
            arg1: Vec::new(),
            arg2: Vec::new(),
            color: Default::default(),
        });
    }

    /// The role that `written` (`Theme`, or brat's numbered repeat `Theme2`) stands for in
    /// an event of `event_type`; undeclared roles are added to the schema.
    ///
    /// `ThemeN` is the N-th `Theme` only when N-1 `Theme`s come before it (`seen` counts
    /// the roles so far) and `Theme` may be repeated: BioNLP's `Site2` (the site of
    /// `Theme2`) after no `Site` stays a role of its own.
    fn role(
        &mut self,
        event_type: &str,
        written: &str,
        on_line: &BTreeSet<&str>,
        seen: &BTreeMap<String, usize>,
        line: usize,
    ) -> String {
        let Some(t) = self
            .schema
            .event_types
            .iter()
            .find(|t| t.name == event_type)
        else {
            return written.into();
        };
        if t.role(written).is_some() {
            return written.into();
        }
        let base = written.trim_end_matches(|c: char| c.is_ascii_digit());
        let number = written[base.len()..].parse::<usize>().unwrap_or(0);
        let numbered =
            !base.is_empty() && number >= 2 && seen.get(base).copied().unwrap_or(0) + 1 == number;
        let name = if numbered
            && (t.role(base).is_some_and(|r| r.cardinality.allows_many()) || on_line.contains(base))
        {
            base
        } else {
            written
        };
        if t.role(name).is_none() {
            self.warn(
                line,
                format!("role {name} is not a role of {event_type} in annotation.conf: added"),
            );
            if let Some(t) = self
                .schema
                .event_types
                .iter_mut()
                .find(|t| t.name == event_type)
            {
                t.roles.push(Role {
                    name: name.into(),
                    label: name.into(),
                    fillers: Vec::new(),
                    cardinality: Cardinality::Any,
                });
            }
        }
        name.into()
    }

    /// Makes the schema accept attribute `name` with `value` on a `type_name`.
    fn attribute(&mut self, name: &str, type_name: &str, value: Option<&str>, line: usize) {
        let mut added = Vec::new();
        match self.schema.attributes.iter_mut().find(|a| a.name == name) {
            None => {
                added.push(format!("attribute {name} is not in annotation.conf: added"));
                self.schema.attributes.push(AttributeDef {
                    name: name.into(),
                    label: name.into(),
                    applies_to: Vec::new(),
                    kind: match value {
                        Some(v) => AttrKind::Values(vec![v.into()]),
                        None => AttrKind::Flag,
                    },
                });
            }
            Some(def) => {
                if !def.applies(type_name) {
                    added.push(format!(
                        "attribute {name} does not apply to {type_name} in annotation.conf: allowed"
                    ));
                    def.applies_to.push(type_name.into());
                }
                match (&mut def.kind, value) {
                    (AttrKind::Values(values), Some(v)) if !values.iter().any(|x| x == v) => {
                        added.push(format!(
                            "value {v} of attribute {name} is not in annotation.conf: added"
                        ));
                        values.push(v.into());
                    }
                    (AttrKind::Flag, Some(v)) => {
                        added.push(format!("attribute {name} takes no value in annotation.conf, here {v}: values allowed"));
                        def.kind = AttrKind::Text;
                    }
                    (AttrKind::Values(_) | AttrKind::Text, None) => {
                        added.push(format!("attribute {name} takes a value in annotation.conf, here none: kept as set"));
                    }
                    _ => {}
                }
            }
        }
        for message in added {
            self.warn(line, message);
        }
    }
}

/// An event with nothing but its type and trigger.
fn event(id: EventId, type_name: &str, trigger: Vec<Span>) -> Event {
    Event {
        id,
        event_type: type_name.into(),
        trigger,
        arguments: Vec::new(),
        attributes: Default::default(),
        note: String::new(),
        author: String::new(),
        changed: String::new(),
    }
}

/// The type name of an annotation of `doc`.
fn annotation_type(doc: &Document, target: AnnotationRef) -> String {
    match target {
        AnnotationRef::Mention(id) => doc.mention(id).map(|m| m.entity_type.clone()),
        AnnotationRef::Event(id) => doc.event(id).map(|e| e.event_type.clone()),
        AnnotationRef::Relation(id) => doc.relation(id).map(|r| r.relation_type.clone()),
    }
    .unwrap_or_default()
}

/// The attributes and note of an annotation of `doc` (lists sorted by id).
fn annotation_mut(
    doc: &mut Document,
    target: AnnotationRef,
) -> Option<(&mut crate::model::Attributes, &mut String)> {
    match target {
        AnnotationRef::Mention(id) => {
            let i = doc.mentions.binary_search_by_key(&id, |m| m.id).ok()?;
            doc.mentions
                .get_mut(i)
                .map(|m| (&mut m.attributes, &mut m.note))
        }
        AnnotationRef::Event(id) => {
            let i = doc.events.binary_search_by_key(&id, |e| e.id).ok()?;
            doc.events
                .get_mut(i)
                .map(|e| (&mut e.attributes, &mut e.note))
        }
        AnnotationRef::Relation(id) => {
            let i = doc.relations.binary_search_by_key(&id, |r| r.id).ok()?;
            doc.relations
                .get_mut(i)
                .map(|r| (&mut r.attributes, &mut r.note))
        }
    }
}
