//! Writing the `.ann` file of a document: one brat line per annotation.
//!
//! Offsets in `.ann` count Unicode code points, the unit of [`Span`], so they are
//! written as they are. brat ids (`T1`, `E1`...) are numbered afresh in each file, in a
//! fixed order, so that the same project always gives the same bytes. Equivalences,
//! normalisations and typed comments are written as `*`, `N` and `#` lines, and events
//! that share a trigger share its `T` line, so that a collection read by
//! [`super::read_brat`] is written back with the same annotations.
//!
//! Where brat cannot hold something, the export changes or leaves it out and says so in
//! a warning ([`Diagnostic`]); it never invents text:
//! - a `.ann` line cannot hold a line break, so a range that crosses one is split into
//!   pieces around it, and line breaks in notes become spaces;
//! - brat requires every event to have a trigger (`E1\tType:T1 ...`; its own parser
//!   rejects an event without one), and a zero-length trigger would be a fabrication, so
//!   an event without a trigger is left out, together with the arguments and relations
//!   that point at it, each with a warning;
//! - type, role and attribute names are brat identifiers: characters that brat's files
//!   use as separators are replaced by `_`.

use super::{brat_entry_from_str, brat_name_from_str, one_line_from_text};
use crate::formats::is_line_break;
use crate::model::span::{OffsetTable, Span};
use crate::model::{AnnotationRef, AttrValue, Attributes, Diagnostic, Document, Filler};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The ranges split around the line breaks they hold, which are left out (empty pieces
/// dropped), and whether any range held one.
fn pieces(table: &OffsetTable, spans: &[Span]) -> (Vec<Span>, bool) {
    let mut pieces = Vec::new();
    let mut held_a_break = false;
    for span in spans {
        let end = span.end.min(table.char_len());
        let text = table.slice(Span::new(span.start, end)).unwrap_or("");
        let mut start = span.start;
        for (i, c) in (span.start..).zip(text.chars()) {
            if is_line_break(c) {
                held_a_break = true;
                if start < i {
                    pieces.push(Span::new(start, i));
                }
                start = i + 1;
            }
        }
        if start < end {
            pieces.push(Span::new(start, end));
        }
    }
    (pieces, held_a_break)
}

/// Builds one `.ann` file.
struct AnnWriter<'a> {
    doc: &'a Document,
    table: OffsetTable<'a>,
    out: String,
    warnings: Vec<Diagnostic>,
    /// Mentions and triggers whose ranges held line breaks, written around them.
    split: usize,
    /// Notes, comments and normalisation names whose line breaks became spaces.
    flattened: usize,
    /// brat id of each exported mention and event.
    ids: BTreeMap<Filler, String>,
    next_t: usize,
    next_a: usize,
}

impl<'a> AnnWriter<'a> {
    fn warn(&mut self, annotation: impl std::fmt::Display, message: impl Into<String>) {
        self.warnings.push(
            Diagnostic::new(message)
                .in_document(&self.doc.id)
                .on(annotation),
        );
    }

    /// Writes a T line for `pieces` of type `type_name`; returns its id.
    fn text_bound(&mut self, type_name: &str, pieces: &[Span]) -> String {
        let id = format!("T{}", self.next_t);
        self.next_t += 1;
        let offsets: Vec<String> = pieces
            .iter()
            .map(|p| format!("{} {}", p.start, p.end))
            .collect();
        let texts: Vec<&str> = pieces
            .iter()
            .map(|p| self.table.slice(*p).unwrap_or(""))
            .collect();
        let _ = writeln!(
            self.out,
            "{id}\t{} {}\t{}",
            brat_name_from_str(type_name),
            offsets.join(";"),
            texts.join(" ")
        );
        id
    }

    /// The pieces of `spans` as brat can hold them (see [`pieces`]), counting the
    /// annotations whose ranges had to be split.
    fn pieces(&mut self, spans: &[Span]) -> Vec<Span> {
        let (pieces, held_a_break) = pieces(&self.table, spans);
        if held_a_break && !pieces.is_empty() {
            self.split += 1;
        }
        pieces
    }

    /// Free text on one line, counting the texts that held line breaks.
    fn one_line(&mut self, text: &str) -> String {
        let line = one_line_from_text(text);
        if line != text {
            self.flattened += 1;
        }
        line
    }

    fn attributes(&mut self, target: &str, attributes: &Attributes) {
        for (name, value) in attributes {
            let id = self.next_a;
            self.next_a += 1;
            let _ = match value {
                AttrValue::Flag => {
                    writeln!(self.out, "A{id}\t{} {target}", brat_name_from_str(name))
                }
                AttrValue::Value(v) => writeln!(
                    self.out,
                    "A{id}\t{} {target} {}",
                    brat_name_from_str(name),
                    brat_name_from_str(v)
                ),
            };
        }
    }
}

/// The `.ann` file of a document, and warnings for what brat cannot represent.
///
/// Lines come in this order: T for mentions (by id), T for event triggers (events of
/// the same type and trigger share one), E, R, `*` (equivalences), A (attributes of
/// mentions, then events, then relations), N (normalisations), `#` (notes, then the
/// other comments). Repeated roles are numbered brat-style: `target`,
/// `target2`, `target3`.
pub fn ann_from_document(doc: &Document) -> (String, Vec<Diagnostic>) {
    let mut w = AnnWriter {
        doc,
        table: OffsetTable::new(&doc.text),
        out: String::new(),
        warnings: Vec::new(),
        split: 0,
        flattened: 0,
        ids: BTreeMap::new(),
        next_t: 1,
        next_a: 1,
    };

    for m in &doc.mentions {
        let pieces = w.pieces(&m.ranges);
        if pieces.is_empty() {
            w.warn(
                m.id,
                "covers only line breaks, which brat cannot show: left out",
            );
            continue;
        }
        let t = w.text_bound(&m.entity_type, &pieces);
        w.ids.insert(Filler::Mention(m.id), t);
    }

    // Triggers first, so that every event's id is known before nested events refer to it.
    let mut triggers: BTreeMap<(&str, Vec<Span>), String> = BTreeMap::new();
    let mut exported = Vec::new();
    for e in &doc.events {
        let pieces = w.pieces(&e.trigger);
        if pieces.is_empty() {
            let why = if e.trigger.is_empty() {
                "has no trigger, which brat requires for an event: left out"
            } else {
                "has a trigger of line breaks only, which brat cannot show: left out"
            };
            w.warn(e.id, why);
            continue;
        }
        let key = (e.event_type.as_str(), pieces);
        let t = match triggers.get(&key) {
            Some(t) => t.clone(),
            None => {
                let t = w.text_bound(&e.event_type, &key.1);
                triggers.insert(key, t.clone());
                t
            }
        };
        let id = format!("E{}", exported.len() + 1);
        w.ids.insert(Filler::Event(e.id), id.clone());
        exported.push((e, id, t));
    }

    for (e, id, trigger) in &exported {
        let mut line = format!("{id}\t{}:{trigger}", brat_name_from_str(&e.event_type));
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for arg in &e.arguments {
            let Some(target) = w.ids.get(&arg.filler).cloned() else {
                w.warn(
                    e.id,
                    format!(
                        "role {:?}: {} is not exported, argument left out",
                        arg.role, arg.filler
                    ),
                );
                continue;
            };
            let n = seen.entry(arg.role.as_str()).or_default();
            *n += 1;
            let role = brat_name_from_str(&arg.role);
            let _ = if *n == 1 {
                write!(line, " {role}:{target}")
            } else {
                write!(line, " {role}{n}:{target}")
            };
        }
        w.out.push_str(&line);
        w.out.push('\n');
    }

    let mut relation_ids = BTreeMap::new();
    for r in &doc.relations {
        let (Some(a1), Some(a2)) = (w.ids.get(&r.arg1), w.ids.get(&r.arg2)) else {
            w.warn(r.id, "links an annotation that is not exported: left out");
            continue;
        };
        let id = format!("R{}", relation_ids.len() + 1);
        let line = format!(
            "{id}\t{} Arg1:{a1} Arg2:{a2}\n",
            brat_name_from_str(&r.relation_type)
        );
        w.out.push_str(&line);
        relation_ids.insert(r.id, id);
    }

    for eq in &doc.equivalences {
        let members: Vec<&str> = eq
            .members
            .iter()
            .filter_map(|m| w.ids.get(m).map(String::as_str))
            .collect();
        if members.len() < 2 {
            w.warn(
                &eq.relation_type,
                "equivalence of fewer than two exported annotations: left out",
            );
            continue;
        }
        let line = format!(
            "*\t{} {}\n",
            brat_name_from_str(&eq.relation_type),
            members.join(" ")
        );
        w.out.push_str(&line);
    }

    // Attributes and notes, on the annotations that were exported.
    let mut notes = Vec::new();
    for m in &doc.mentions {
        if let Some(id) = w.ids.get(&Filler::Mention(m.id)).cloned() {
            w.attributes(&id, &m.attributes);
            notes.push((id, &m.note));
        }
    }
    for e in &doc.events {
        if let Some(id) = w.ids.get(&Filler::Event(e.id)).cloned() {
            w.attributes(&id, &e.attributes);
            notes.push((id, &e.note));
        }
    }
    for r in &doc.relations {
        if let Some(id) = relation_ids.get(&r.id) {
            w.attributes(id, &r.attributes);
            notes.push((id.clone(), &r.note));
        }
    }
    let brat_id = |target: AnnotationRef| match target {
        AnnotationRef::Mention(id) => w.ids.get(&Filler::Mention(id)).cloned(),
        AnnotationRef::Event(id) => w.ids.get(&Filler::Event(id)).cloned(),
        AnnotationRef::Relation(id) => relation_ids.get(&id).cloned(),
    };
    let normalizations: Vec<_> = doc
        .normalizations
        .iter()
        .filter_map(|n| Some((brat_id(n.target)?, n)))
        .collect();
    let comments: Vec<_> = doc
        .comments
        .iter()
        .filter_map(|c| Some((brat_id(c.target)?, c.kind.as_str(), &c.text)))
        .collect();
    let mut lines = String::new();
    for (n, (id, norm)) in (1..).zip(normalizations) {
        let text = w.one_line(&norm.text);
        let _ = writeln!(
            lines,
            "N{n}\tReference {id} {}:{}\t{text}",
            brat_name_from_str(&norm.resource),
            brat_entry_from_str(&norm.id),
        );
    }
    let notes = notes
        .into_iter()
        .filter(|(_, note)| !note.is_empty())
        .map(|(id, note)| (id, "AnnotatorNotes", note));
    for (next_note, (id, kind, text)) in (1..).zip(notes.chain(comments)) {
        let text = w.one_line(text);
        let _ = writeln!(
            lines,
            "#{next_note}\t{} {id}\t{text}",
            brat_name_from_str(kind),
        );
    }
    w.out.push_str(&lines);
    let mut warnings = w.warnings;
    let mut say = |count: usize, one: &str, many: &str, rest: &str| {
        if count > 0 {
            let what = if count == 1 { one } else { many };
            let message = format!("{count} {what} {rest}");
            warnings.push(Diagnostic::new(message).in_document(&doc.id));
        }
    };
    say(
        w.split,
        "mention or trigger crosses",
        "mentions or triggers cross",
        "a line break, which a brat range cannot hold: written in pieces around it",
    );
    say(
        w.flattened,
        "note, comment or entry name holds",
        "notes, comments or entry names hold",
        "line breaks, which a brat line cannot hold: written with spaces",
    );
    (w.out, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::ops;
    use crate::formats::brat::test_support::Doc;

    #[test]
    fn ranges_are_split_around_line_breaks() {
        let mut d = Doc::new("Les forces de\r\nBachar reprennent\u{2028}Palmyre.");
        d.mention("organisation", &["forces de\r\nBachar"]);
        d.mention("place", &["reprennent\u{2028}Palmyre"]);
        d.mention("place", &["\r\n"]);
        let (ann, warnings) = d.ann();
        assert_eq!(
            ann,
            "T1\torganisation 4 13;15 21\tforces de Bachar\n\
             T2\tplace 22 32;33 40\treprennent Palmyre\n"
        );
        assert_eq!(
            warnings,
            [
                "document \"d\", T3: covers only line breaks, which brat cannot show: left out",
                "document \"d\": 2 mentions or triggers cross a line break, which a brat range \
                 cannot hold: written in pieces around it"
            ]
        );
    }

    #[test]
    fn discontinuous_mentions_join_ranges_and_texts() {
        let mut d = Doc::new("les forces russes et syriennes");
        d.mention("organisation", &["forces", "syriennes"]);
        let (ann, _) = d.ann();
        assert_eq!(ann, "T1\torganisation 4 10;21 30\tforces syriennes\n");
    }

    #[test]
    fn identical_triggers_are_shared_and_repeated_roles_numbered() {
        let mut d = Doc::new("Daech et Al-Nosra attaquent Palmyre et Homs.");
        let daech = Filler::Mention(d.mention("organisation", &["Daech"]));
        let nosra = Filler::Mention(d.mention("organisation", &["Al-Nosra"]));
        let palmyre = Filler::Mention(d.mention("place", &["Palmyre"]));
        let homs = Filler::Mention(d.mention("place", &["Homs"]));
        let args = [
            ("attacker", daech),
            ("target", palmyre),
            ("attacker", nosra),
            ("target", homs),
        ];
        let e1 = d.event("attack", &["attaquent"], &args);
        d.event(
            "attack",
            &["attaquent"],
            &[("target", homs), ("place", homs)],
        );
        d.event(
            "statement",
            &["attaquent"],
            &[("content", Filler::Event(e1))],
        );
        let (ann, warnings) = d.ann();
        assert!(warnings.is_empty());
        assert_eq!(
            ann,
            "T1\torganisation 0 5\tDaech\n\
             T2\torganisation 9 17\tAl-Nosra\n\
             T3\tplace 28 35\tPalmyre\n\
             T4\tplace 39 43\tHoms\n\
             T5\tattack 18 27\tattaquent\n\
             T6\tstatement 18 27\tattaquent\n\
             E1\tattack:T5 attacker:T1 target:T3 attacker2:T2 target2:T4\n\
             E2\tattack:T5 target:T4 place:T4\n\
             E3\tstatement:T6 content:E1\n"
        );
    }

    #[test]
    fn events_without_trigger_are_left_out_with_their_links() {
        let mut d = Doc::new("Daech a été chassé de Palmyre, dit l’armée.");
        let daech = Filler::Mention(d.mention("organisation", &["Daech"]));
        let armee = Filler::Mention(d.mention("organisation", &["l’armée"]));
        let no_trigger = d.event("attack", &[], &[("attacker", armee), ("target", daech)]);
        d.event(
            "statement",
            &["dit"],
            &[("content", Filler::Event(no_trigger))],
        );
        d.relation("part of", Filler::Event(no_trigger), armee);
        d.relation("part of", daech, armee);
        d.attribute(
            Filler::Event(no_trigger),
            "certainty",
            AttrValue::Value("certain".into()),
        );
        let (ann, warnings) = d.ann();
        assert_eq!(
            ann,
            "T1\torganisation 0 5\tDaech\n\
             T2\torganisation 35 42\tl’armée\n\
             T3\tstatement 31 34\tdit\n\
             E1\tstatement:T3\n\
             R1\tpart_of Arg1:T1 Arg2:T2\n"
        );
        assert_eq!(
            warnings,
            [
                "document \"d\", E3: has no trigger, which brat requires for an event: left out",
                "document \"d\", E4: role \"content\": E3 is not exported, argument left out",
                "document \"d\", R5: links an annotation that is not exported: left out",
            ]
        );
    }

    #[test]
    fn attributes_and_notes_follow_the_annotations() {
        let mut d = Doc::new("Les rebelles attaquent.");
        let rebels = d.mention("organisation", &["rebelles"]);
        let attack = d.event("attack", &["attaquent"], &[]);
        d.attribute(Filler::Mention(rebels), "generic", AttrValue::Flag);
        d.attribute(
            Filler::Event(attack),
            "certainty",
            AttrValue::Value("probable".into()),
        );
        d.attribute(
            Filler::Event(attack),
            "date",
            AttrValue::Value("2016-03-27".into()),
        );
        for (target, note) in [
            (Filler::Mention(rebels), "qui exactement ?\r\nà vérifier"),
            (Filler::Event(attack), "source unique"),
        ] {
            ops::set_note(&d.project, 0, target, note.into(), &d.stamp)
                .unwrap()
                .apply(&mut d.project)
                .unwrap();
        }
        let (ann, warnings) = d.ann();
        assert_eq!(
            ann,
            "T1\torganisation 4 12\trebelles\n\
             T2\tattack 13 22\tattaquent\n\
             E1\tattack:T2\n\
             A1\tgeneric T1\n\
             A2\tcertainty E1 probable\n\
             A3\tdate E1 2016-03-27\n\
             #1\tAnnotatorNotes T1\tqui exactement ?  à vérifier\n\
             #2\tAnnotatorNotes E1\tsource unique\n"
        );
        assert_eq!(
            warnings,
            [
                "document \"d\": 1 note, comment or entry name holds line breaks, which a brat \
              line cannot hold: written with spaces"
            ]
        );
    }
}
