//! Reading the lines of a `.ann` file into records: what each line says, before anything
//! is checked against the text, the other lines or the schema.
//!
//! Kept apart from the checks and the building so that a line that cannot even be read
//! is reported with what is wrong in its own syntax, and the later steps only ever see
//! well-formed records.

use crate::formats::{inner_line_break, numbered_lines};
use crate::model::Span;
use std::collections::{BTreeMap, HashMap};

/// One `.ann` line, parsed.
#[derive(Clone, Debug)]
pub(super) enum Record {
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
    pub(super) fn references(&self) -> Vec<&str> {
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
pub(super) struct Line {
    /// Its number in the file, from 1.
    pub number: usize,
    /// Its brat id (`T1`, `E2`...); none for an equivalence (`*`).
    pub id: Option<String>,
    /// What it says.
    pub record: Record,
}

/// Parses one line; `Err` says what is wrong.
fn parse_line(line: &str) -> Result<(Option<String>, Record), String> {
    let mut fields = line.split('\t');
    let id = fields.next().unwrap_or("").trim();
    let body = fields.next().ok_or("no tab after the id")?;
    let rest: Vec<&str> = fields.collect();
    let rest_text = rest.join("\t");
    // Only the free text after the second tab may hold one: a name that held it would
    // break the lines of every file it is written to.
    if let Some(why) = inner_line_break(body) {
        return Err(why);
    }
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

/// The lines of one `.ann` file: those that read well, and why the others are broken.
///
/// The checks that follow add the lines they find wrong to `bad`.
pub(super) struct ParsedAnn {
    /// The lines that parsed, in file order.
    pub lines: Vec<Line>,
    /// Line number → why the line is broken.
    pub bad: BTreeMap<usize, String>,
    /// Id → index of its line in `lines`.
    pub defined: HashMap<String, usize>,
    /// Id of a line that did not parse → its line number.
    pub bad_ids: HashMap<String, usize>,
}

/// Step 1 of reading a `.ann` file: parses every line (ending in `\n`, `\r\n` or a lone
/// `\r` alike); a line that does not parse, or reuses an id, is broken.
pub(super) fn parse_ann(ann: &str) -> ParsedAnn {
    let mut lines = Vec::new();
    let mut bad: BTreeMap<usize, String> = BTreeMap::new();
    let mut defined: HashMap<String, usize> = HashMap::new();
    let mut bad_ids: HashMap<String, usize> = HashMap::new();
    for (number, raw) in numbered_lines(ann) {
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
    ParsedAnn {
        lines,
        bad,
        defined,
        bad_ids,
    }
}
