//! The rules of the three-way merge, one by one, on a small article; then properties
//! over random edits, and inputs shaped to cost too much.

use super::*;
use crate::edit::{Stamp, ops};
use crate::model::{
    Comment, Conflict, DocStatus, Event, EventId, Filler, Mention, MentionId, Normalization,
    OtherVersion, Relation, RelationId, RoleArg, Span, validate,
};
use proptest::prelude::*;

const TEXT: &str = "L’armée syrienne a repris Palmyre à l’EI le 27 mars.";

/// The char span of the first `needle` in `TEXT`.
fn span(needle: &str) -> Span {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn mention(id: u32, entity_type: &str, needle: &str) -> Mention {
    crate::formats::test_support::mention(id, entity_type, vec![span(needle)])
}

fn event(id: u32, event_type: &str, trigger: &str, arguments: &[(&str, Filler)]) -> Event {
    let mut e = crate::formats::test_support::event(id, event_type, vec![span(trigger)]);
    e.arguments = arguments
        .iter()
        .map(|&(role, filler)| RoleArg {
            role: role.into(),
            filler,
        })
        .collect();
    e
}

fn relation(id: u32, arg1: Filler, arg2: Filler) -> Relation {
    Relation {
        id: RelationId(id),
        relation_type: "located_in".into(),
        arg1,
        arg2,
        attributes: Default::default(),
        note: String::new(),
        author: String::new(),
        changed: String::new(),
        sources: Vec::new(),
    }
}

const T1: Filler = Filler::Mention(MentionId(1));
const T2: Filler = Filler::Mention(MentionId(2));

/// Two articles: "d1" with the army (T1), Palmyra (T2) and its capture (E3); "d2"
/// with nothing yet.
fn base() -> Project {
    let mut d1 = Document::new("d1", "Palmyre reprise", TEXT);
    d1.mentions = vec![
        mention(1, "armed_group", "armée syrienne"),
        mention(2, "place", "Palmyre"),
    ];
    d1.events = vec![event(
        3,
        "capture",
        "repris",
        &[("agent", T1), ("territory", T2)],
    )];
    d1.next_id = 4;
    let d2 = Document::new("d2", "Second article", "Daech recule.");
    let mut project = Project::new("palmyre", crate::io::default_schema());
    project.documents = vec![d1, d2].into();
    project
}

/// `base` with `edit` applied.
fn edited(edit: impl FnOnce(&mut Project)) -> Project {
    let mut project = base();
    edit(&mut project);
    assert_eq!(valid(&project), "", "an edit the test makes");
    project
}

/// The problems of a project, one a line; empty when it is valid.
fn valid(project: &Project) -> String {
    let problems: Vec<String> = validate(project).iter().map(|d| d.to_string()).collect();
    problems.join("\n")
}

/// `ours` and `theirs` merged from `base`, checked valid.
fn merged(base: &Project, ours: &Project, theirs: &Project) -> ThreeWay {
    let merge = three_way_merge(base, ours, theirs, "ours", "theirs").unwrap();
    assert_eq!(valid(&merge.project), "", "{:#?}", merge.notes);
    merge
}

fn notes(merge: &ThreeWay) -> Vec<String> {
    merge.notes.iter().map(|n| n.to_string()).collect()
}

fn d1(project: &Project) -> &Document {
    &project.documents[0]
}

fn d1_mut(project: &mut Project) -> &mut Document {
    &mut project.documents[0]
}

/// Deletes an annotation as the app does, with what refers to it.
fn delete(project: &mut Project, target: Filler) {
    let edit = ops::delete(project, 0, target, &Stamp::default()).unwrap();
    edit.apply(project).unwrap();
}

#[test]
fn disjoint_edits_merge_cleanly() {
    let ours = edited(|p| d1_mut(p).mentions[0].note = "l’armée de Bachar".into());
    let theirs = edited(|p| {
        d1_mut(p).mentions[1].entity_type = "site".into();
        p.documents[1].status = DocStatus::Done;
        p.documents[1]
            .metadata
            .insert("source".into(), "AFP".into());
    });
    let merge = merged(&base(), &ours, &theirs);
    assert!(merge.is_clean());
    assert_eq!(notes(&merge), Vec::<String>::new());
    let doc = d1(&merge.project);
    assert_eq!(doc.mentions[0].note, "l’armée de Bachar");
    assert_eq!(doc.mentions[1].entity_type, "site");
    assert_eq!(merge.project.documents[1], theirs.documents[1]);
}

#[test]
fn the_same_edit_on_both_sides_is_taken_once() {
    let both = edited(|p| {
        d1_mut(p).events[0].note = "reprise le 27".into();
        d1_mut(p).status = DocStatus::InProgress;
    });
    let merge = merged(&base(), &both, &both);
    assert!(merge.is_clean());
    assert_eq!(merge.project, both);
}

#[test]
fn two_edits_of_one_annotation_are_a_conflict_that_keeps_both() {
    let ours = edited(|p| d1_mut(p).mentions[0].note = "armée".into());
    let theirs = edited(|p| d1_mut(p).mentions[0].entity_type = "state_force".into());
    let merge = merged(&base(), &ours, &theirs);
    assert!(!merge.is_clean());
    assert_eq!(
        notes(&merge),
        [
            "document \"d1\" (Palmyre reprise): T1 changed on both sides: both versions kept, \
          the one of ours in place, the one of theirs set aside"
        ]
    );
    let doc = d1(&merge.project);
    assert_eq!(doc.mentions[0], d1(&ours).mentions[0]);
    assert_eq!(
        doc.conflicts,
        [Conflict {
            target: AnnotationRef::Mention(MentionId(1)),
            kept: "ours".into(),
            other_side: "theirs".into(),
            other: OtherVersion::Mention(d1(&theirs).mentions[0].clone()),
        }]
    );
    assert!(
        doc.conflicts[0]
            .describe(true)
            .starts_with("changed on both sides: the version of ours is in place")
    );
}

#[test]
fn an_edit_against_a_deletion_is_a_conflict_that_keeps_the_edit_in_place() {
    let edit = |p: &mut Project| d1_mut(p).mentions[1].note = "la cité antique".into();
    let edited_one = edited(edit);
    let deleted = edited(|p| delete(p, T2));
    for (ours, theirs, kept, set_aside) in [
        (&edited_one, &deleted, "ours", "theirs"),
        (&deleted, &edited_one, "theirs", "ours"),
    ] {
        let merge = merged(&base(), ours, theirs);
        let doc = d1(&merge.project);
        assert_eq!(doc.mentions[1], d1(&edited_one).mentions[1], "{kept}");
        assert_eq!(
            doc.conflicts,
            [Conflict {
                target: AnnotationRef::Mention(MentionId(2)),
                kept: kept.into(),
                other_side: set_aside.into(),
                other: OtherVersion::Deleted,
            }]
        );
        // The deletion also took T2 out of E3, which the other side left alone.
        assert_eq!(doc.events[0], d1(&deleted).events[0]);
        assert_eq!(
            notes(&merge),
            [format!(
                "document \"d1\" (Palmyre reprise): T2 changed by {kept}, deleted by \
                 {set_aside}: the changed version kept in place, the deletion set aside"
            )]
        );
    }
}

#[test]
fn colliding_additions_are_renumbered_with_every_reference_to_them() {
    let ours = edited(|p| {
        let doc = d1_mut(p);
        doc.mentions.push(mention(4, "date", "27 mars"));
        doc.events[0].arguments.push(RoleArg {
            role: "time".into(),
            filler: Filler::Mention(MentionId(4)),
        });
        doc.next_id = 5;
    });
    let theirs = edited(|p| {
        let doc = d1_mut(p);
        doc.mentions.push(mention(4, "armed_group", "EI"));
        doc.events[0].arguments.push(RoleArg {
            role: "from".into(),
            filler: Filler::Mention(MentionId(4)),
        });
        let t4 = Filler::Mention(MentionId(4));
        doc.events
            .push(event(5, "withdrawal", "repris", &[("agent", t4)]));
        doc.relations.push(relation(6, t4, T2));
        doc.normalizations.push(Normalization {
            target: AnnotationRef::Mention(MentionId(4)),
            resource: "Wikidata".into(),
            id: "Q2429253".into(),
            text: String::new(),
        });
        doc.comments.push(Comment {
            target: AnnotationRef::Relation(RelationId(6)),
            kind: "Lemma".into(),
            text: "in".into(),
        });
        doc.next_id = 7;
    });
    let merge = merged(&base(), &ours, &theirs);
    // Theirs' T4 collides with ours' T4; its E5 and R6 have ids that ours never
    // handed out, and keep them.
    assert_eq!(
        notes(&merge),
        [
            "document \"d1\" (Palmyre reprise): T4 added by theirs renumbered T7: the other \
             side added another annotation under its id",
            "document \"d1\" (Palmyre reprise): E3 changed on both sides: both versions \
             kept, the one of ours in place, the one of theirs set aside",
        ]
    );
    // E3 changed on both sides (an argument each): a conflict, ours in place.
    let doc = d1(&merge.project);
    assert_eq!(doc.conflicts.len(), 1);
    let OtherVersion::Event(set_aside) = &doc.conflicts[0].other else {
        panic!("{:?}", doc.conflicts);
    };
    let t7 = Filler::Mention(MentionId(7));
    assert_eq!(set_aside.arguments[2].filler, t7);
    let ids: Vec<u32> = doc.annotation_ids().collect();
    assert_eq!(ids, [1, 2, 4, 7, 3, 5, 6]);
    assert_eq!(doc.mentions[2].entity_type, "date");
    assert_eq!(doc.mentions[3].entity_type, "armed_group");
    assert_eq!(doc.events[1].arguments[0].filler, t7);
    assert_eq!((doc.relations[0].arg1, doc.relations[0].arg2), (t7, T2));
    assert_eq!(doc.normalizations[0].target, t7.into());
    assert_eq!(
        doc.comments[0].target,
        AnnotationRef::Relation(RelationId(6))
    );
    assert_eq!(doc.next_id, 8);
    // When ours has handed out those ids too, they move as well, in their order.
    let ours = edited(|p| {
        let doc = d1_mut(p);
        doc.mentions.push(mention(4, "date", "27 mars"));
        doc.mentions.push(mention(6, "date", "mars"));
        doc.next_id = 7;
    });
    let merge = merged(&base(), &ours, &theirs);
    let moved: Vec<String> = merge
        .notes
        .iter()
        .filter_map(|n| match &n.kind {
            NoteKind::Renumbered { from, to, .. } => Some(format!("{from}>{to}")),
            _ => None,
        })
        .collect();
    assert_eq!(moved, ["T4>T7", "E5>E8", "R6>R9"]);
    let doc = d1(&merge.project);
    assert_eq!(doc.events[1].arguments[0].filler, t7);
    assert_eq!(doc.relations[0].id, RelationId(9));
    assert_eq!(
        doc.comments[0].target,
        AnnotationRef::Relation(RelationId(9))
    );
    assert_eq!(doc.next_id, 10);
}

#[test]
fn identical_additions_are_kept_once() {
    let both = edited(|p| {
        let doc = d1_mut(p);
        doc.mentions.push(mention(4, "date", "27 mars"));
        doc.next_id = 5;
    });
    let merge = merged(&base(), &both, &both);
    assert_eq!(merge.project, both);
    // The same addition beside other changes on each side: still once, not renumbered.
    let ours = edited(|p| {
        let doc = d1_mut(p);
        doc.mentions.push(mention(4, "date", "27 mars"));
        doc.mentions[0].note = "ours".into();
        doc.next_id = 5;
    });
    let theirs = edited(|p| {
        let doc = d1_mut(p);
        doc.mentions.push(mention(4, "date", "27 mars"));
        doc.status = DocStatus::InProgress;
        doc.next_id = 5;
    });
    let merge = merged(&base(), &ours, &theirs);
    assert_eq!(notes(&merge), Vec::<String>::new());
    let doc = d1(&merge.project);
    assert_eq!(doc.mentions.len(), 3);
    assert_eq!(doc.mentions[0].note, "ours");
    assert_eq!(doc.status, DocStatus::InProgress);
}

#[test]
fn an_identical_addition_that_refers_to_a_renumbered_one_is_renumbered_too() {
    // Both add E5 "withdrawal" with agent T4, but their T4s differ.
    let side = |entity_type: &str, needle: &str| {
        edited(|p| {
            let doc = d1_mut(p);
            doc.mentions.push(mention(4, entity_type, needle));
            let t4 = Filler::Mention(MentionId(4));
            doc.events
                .push(event(5, "withdrawal", "repris", &[("agent", t4)]));
            doc.next_id = 6;
        })
    };
    let (ours, theirs) = (side("armed_group", "EI"), side("state_force", "armée"));
    let merge = merged(&base(), &ours, &theirs);
    let doc = d1(&merge.project);
    assert_eq!(
        doc.annotation_ids().collect::<Vec<_>>(),
        [1, 2, 4, 6, 3, 5, 7]
    );
    assert_eq!(
        doc.events[1].arguments[0].filler,
        Filler::Mention(MentionId(4))
    );
    assert_eq!(
        doc.events[2].arguments[0].filler,
        Filler::Mention(MentionId(6))
    );
}

#[test]
fn a_deletion_that_the_other_side_still_uses_is_a_conflict() {
    let ours = edited(|p| delete(p, T1));
    let theirs = edited(|p| {
        let doc = d1_mut(p);
        doc.relations.push(relation(4, T1, T2));
        doc.next_id = 5;
    });
    let merge = merged(&base(), &ours, &theirs);
    let doc = d1(&merge.project);
    assert_eq!(doc.mentions, base().documents[0].mentions);
    assert_eq!(doc.relations, d1(&theirs).relations);
    // E3 lost T1 as ours deleted it: ours' E3, without it.
    assert_eq!(doc.events, d1(&ours).events);
    assert_eq!(
        doc.conflicts,
        [Conflict {
            target: T1.into(),
            kept: "theirs".into(),
            other_side: "ours".into(),
            other: OtherVersion::Deleted,
        }]
    );
    assert_eq!(
        notes(&merge),
        [
            "document \"d1\" (Palmyre reprise): T1 deleted by ours, but what theirs has refers \
          to it: kept in place as theirs has it, the deletion set aside"
        ]
    );
}

#[test]
fn documents_added_on_both_sides_merge_or_are_both_kept() {
    let added = |text: &str, mentions: Vec<Mention>| {
        edited(|p| {
            let mut doc = Document::new("d3", "Troisième", text);
            doc.next_id = 1 + mentions.len() as u32;
            doc.mentions = mentions;
            p.documents.push(doc);
        })
    };
    // One text: merged as from an empty document, both annotations kept.
    let ours = added(TEXT, vec![mention(1, "place", "Palmyre")]);
    let theirs = added(TEXT, vec![mention(1, "date", "27 mars")]);
    let merge = merged(&base(), &ours, &theirs);
    let d3 = &merge.project.documents[2];
    assert_eq!(d3.mentions.len(), 2);
    assert_eq!(d3.mentions[1].id, MentionId(2));
    assert_eq!(d3.mentions[1].entity_type, "date");
    assert!(merge.is_clean());
    // Two texts: both kept, theirs under a new id.
    let theirs = added("Un autre texte.", Vec::new());
    let merge = merged(&base(), &ours, &theirs);
    let ids: Vec<&str> = merge
        .project
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(ids, ["d1", "d2", "d3", "d3-2"]);
    assert_eq!(merge.project.documents[3].text, "Un autre texte.");
    assert_eq!(
        notes(&merge),
        [
            "document \"d3\" (Troisième): the sides have different texts under this id: \
          the document of ours kept, the one of theirs added as document \"d3-2\""
        ]
    );
}

#[test]
fn a_document_deleted_on_one_side_is_deleted_unless_the_other_changed_it() {
    let deleted = edited(|p| {
        p.documents.remove(1);
    });
    let merge = merged(&base(), &deleted, &base());
    assert_eq!(merge.project, deleted);
    let changed = edited(|p| p.documents[1].status = DocStatus::InProgress);
    let merge = merged(&base(), &deleted, &changed);
    assert_eq!(merge.project, changed);
    assert_eq!(
        notes(&merge),
        [
            "document \"d2\" (Second article): deleted by ours, changed by theirs: kept as \
          theirs has it"
        ]
    );
}

#[test]
fn statuses_merge_to_the_less_advanced_and_say_so() {
    let status = |s| edited(|p| d1_mut(p).status = s);
    let merge = merged(&base(), &base(), &status(DocStatus::Done));
    assert_eq!(d1(&merge.project).status, DocStatus::Done);
    let merge = merged(
        &base(),
        &status(DocStatus::Done),
        &status(DocStatus::InProgress),
    );
    assert_eq!(d1(&merge.project).status, DocStatus::InProgress);
    assert!(merge.is_clean());
    assert_eq!(
        notes(&merge),
        [
            "document \"d1\" (Palmyre reprise): status changed on both sides (done by ours, \
          in progress by theirs): kept in progress, the less advanced"
        ]
    );
}

#[test]
fn names_metadata_schema_and_annotators_merge_field_by_field() {
    let ours = edited(|p| {
        p.name = "Palmyre (ours)".into();
        p.annotators = vec!["ana".into()];
        d1_mut(p).metadata.insert("source".into(), "AFP".into());
    });
    let theirs = edited(|p| {
        p.name = "Palmyre (theirs)".into();
        p.annotators = vec!["ben".into(), "ana".into()];
        p.schema.add_missing_entity_type("militia");
        d1_mut(p).metadata.insert("source".into(), "Reuters".into());
        d1_mut(p).mentions[0].entity_type = "militia".into();
    });
    let merge = merged(&base(), &ours, &theirs);
    let project = &merge.project;
    assert_eq!(project.name, "Palmyre (ours)");
    assert_eq!(project.annotators, ["ana", "ben"]);
    assert!(project.schema.entity_type("militia").is_some());
    assert_eq!(d1(project).metadata["source"], "AFP");
    assert_eq!(d1(project).mentions[0].entity_type, "militia");
    assert_eq!(
        notes(&merge),
        [
            "document \"d1\" (Palmyre reprise): metadata \"source\" changed on both sides \
             (\"AFP\" by ours, \"Reuters\" by theirs): kept \"AFP\"",
            "project renamed on both sides: \"Palmyre (ours)\" (ours) kept, not \"Palmyre \
             (theirs)\" (theirs)",
        ]
    );
}

#[test]
fn conflicts_left_in_the_inputs_are_kept_and_a_resolution_holds() {
    let conflict = Conflict {
        target: T1.into(),
        kept: "ana".into(),
        other_side: "ben".into(),
        other: OtherVersion::Deleted,
    };
    let with_conflict = edited(|p| d1_mut(p).conflicts.push(conflict.clone()));
    let other_edit = edited(|p| d1_mut(p).mentions[1].note = "n".into());
    // Carried over from the base, from ours, from theirs.
    for (base, ours, theirs) in [
        (&with_conflict, &with_conflict, &with_conflict),
        (&base(), &with_conflict, &other_edit),
        (&base(), &other_edit, &with_conflict),
    ] {
        let merge = merged(base, ours, theirs);
        assert_eq!(
            d1(&merge.project).conflicts,
            std::slice::from_ref(&conflict)
        );
        assert!(merge.is_clean(), "carried over, not found");
    }
    // Resolved on one side, left alone on the other: resolved.
    let merge = merged(&with_conflict, &base(), &with_conflict);
    assert!(d1(&merge.project).conflicts.is_empty());
}

#[test]
fn documents_keep_the_order_of_the_side_that_reordered_them() {
    let reordered = edited(|p| p.documents.reverse());
    let added = edited(|p| p.documents.insert(1, Document::new("d1b", "", "x")));
    for (ours, theirs) in [(&reordered, &added), (&added, &reordered)] {
        let merge = merged(&base(), ours, theirs);
        let ids: Vec<&str> = merge
            .project
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, ["d2", "d1", "d1b"]);
    }
}

#[test]
fn forty_thousand_nested_events_on_each_side_merge_without_recursion() {
    const DEPTH: u32 = 40_000;
    // Each side adds a chain of statements E(n) about E(n+1), ids from 4 up.
    let chain = |note: &str| {
        edited(|p| {
            let doc = d1_mut(p);
            for id in 4..4 + DEPTH {
                let about = Filler::Event(EventId(id + 1));
                let args: &[(&str, Filler)] = if id + 1 < 4 + DEPTH {
                    &[("topic", about)]
                } else {
                    &[]
                };
                let mut e = event(id, "statement", "repris", args);
                e.note = note.into();
                doc.events.push(e);
            }
            doc.next_id = 4 + DEPTH;
        })
    };
    let (ours, theirs) = (chain("ours"), chain("theirs"));
    let started = std::time::Instant::now();
    let merge = merged(&base(), &ours, &theirs);
    let doc = d1(&merge.project);
    assert_eq!(doc.events.len(), 1 + 2 * DEPTH as usize);
    assert_eq!(doc.next_id, 4 + 2 * DEPTH);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    // Identical chains: kept once, nothing renumbered.
    let merge = merged(&base(), &ours, &ours);
    assert_eq!(merge.project, ours);
}

#[test]
fn ids_running_out_are_an_error_not_a_wrap() {
    let near_end = |p: &mut Project, entity_type: &str| {
        let doc = d1_mut(p);
        doc.mentions.push(mention(u32::MAX - 2, entity_type, "EI"));
        doc.next_id = u32::MAX - 1;
    };
    let ours = edited(|p| near_end(p, "armed_group"));
    let theirs = edited(|p| near_end(p, "state_force"));
    let error = three_way_merge(&base(), &ours, &theirs, "ours", "theirs").unwrap_err();
    assert_eq!(
        error,
        ThreeWayError::IdsExhausted {
            document: "d1".into()
        }
    );
}

/// One edit a side may make to the base.
#[derive(Clone, Debug)]
enum Edit {
    /// A new mention of the type at this index over the word at this index.
    AddMention(usize, usize),
    /// Deletes the annotation at this index (with what refers to it).
    Delete(usize),
    /// Sets the note of the annotation at this index.
    Note(usize, String),
    /// Sets the status of "d1".
    Status(usize),
    /// Adds a document.
    AddDocument(String),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..3usize, 0..6usize).prop_map(|(t, w)| Edit::AddMention(t, w)),
        (0..8usize).prop_map(Edit::Delete),
        (0..8usize, "[a-z]{1,3}").prop_map(|(i, n)| Edit::Note(i, n)),
        (0..3usize).prop_map(Edit::Status),
        "[a-z]{1,3}".prop_map(Edit::AddDocument),
    ]
}

/// `edits` applied to the base through the edit commands, as the app makes them.
fn apply(edits: &[Edit]) -> Project {
    let mut p = base();
    let stamp = Stamp::default();
    const TYPES: [&str; 3] = ["place", "date", "person"];
    const WORDS: [&str; 6] = ["armée", "syrienne", "Palmyre", "EI", "27", "mars"];
    for edit in edits {
        let doc = &p.documents[0];
        let fillers: Vec<Filler> = doc
            .mentions
            .iter()
            .map(|m| Filler::Mention(m.id))
            .chain(doc.events.iter().map(|e| Filler::Event(e.id)))
            .collect();
        let at = |i: usize| fillers.get(i % fillers.len().max(1)).copied();
        let edit = match edit {
            Edit::AddMention(t, w) => {
                ops::add_mention(&p, 0, TYPES[*t], vec![span(WORDS[*w])], &stamp)
                    .unwrap()
                    .0
            }
            Edit::Delete(i) => match at(*i) {
                Some(f) => ops::delete(&p, 0, f, &stamp).unwrap(),
                None => continue,
            },
            Edit::Note(i, note) => match at(*i) {
                Some(f) => ops::set_note(&p, 0, f, note.clone(), &stamp).unwrap(),
                None => continue,
            },
            Edit::Status(s) => ops::set_status(&p, 0, DocStatus::ALL[*s]).unwrap(),
            Edit::AddDocument(id) => {
                if p.document(id).is_some() {
                    continue;
                }
                ops::add_documents(&p, vec![Document::new(id.clone(), "", "texte")])
            }
        };
        edit.apply(&mut p).unwrap();
    }
    p
}

/// `project` with its documents in id order, to compare up to ordering.
fn sorted(mut project: Project) -> Project {
    project.documents.sort_by(|a, b| a.id.cmp(&b.id));
    project
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_side_merged_with_an_unchanged_base_is_that_side(
        edits in prop::collection::vec(edit_strategy(), 0..12)
    ) {
        let x = apply(&edits);
        let base = base();
        for (ours, theirs) in [(&x, &base), (&base, &x)] {
            let merge = merged(&base, ours, theirs);
            prop_assert!(merge.is_clean());
            prop_assert_eq!(sorted(merge.project), sorted(x.clone()));
        }
    }

    #[test]
    fn independent_additions_are_all_kept(
        ours_words in prop::collection::vec(0..6usize, 0..5),
        theirs_words in prop::collection::vec(0..6usize, 0..5),
    ) {
        let add = |words: &[usize], t: usize| {
            let edits: Vec<Edit> = words.iter().map(|&w| Edit::AddMention(t, w)).collect();
            apply(&edits)
        };
        let (ours, theirs) = (add(&ours_words, 0), add(&theirs_words, 1));
        let merge = merged(&base(), &ours, &theirs);
        prop_assert!(merge.is_clean());
        let doc = d1(&merge.project);
        prop_assert_eq!(doc.mentions.len(), 2 + ours_words.len() + theirs_words.len());
        let types = |p: &Project, t: &str| {
            d1(p).mentions.iter().filter(|m| m.entity_type == t).count()
        };
        prop_assert_eq!(types(&merge.project, "place"), types(&ours, "place"));
        prop_assert_eq!(types(&merge.project, "date"), theirs_words.len());
    }

    #[test]
    fn any_two_sides_merge_into_a_valid_project(
        ours_edits in prop::collection::vec(edit_strategy(), 0..10),
        theirs_edits in prop::collection::vec(edit_strategy(), 0..10),
    ) {
        let (ours, theirs) = (apply(&ours_edits), apply(&theirs_edits));
        let merge = merged(&base(), &ours, &theirs);
        // Every conflict noted is in the project, and the other way round.
        let in_project: usize = merge.project.documents.iter().map(|d| d.conflicts.len()).sum();
        prop_assert_eq!(merge.conflicts().count(), in_project);
    }
}

#[test]
fn events_nested_in_each_other_by_the_two_sides_are_a_conflict_not_a_refusal() {
    // Ours makes E5 a topic of E4, theirs E4 a topic of E5: each side is valid, both
    // together would make E4 contain itself.
    let with_statements = |nest: fn(&mut Document)| {
        edited(|p| {
            let d = d1_mut(p);
            d.events.push(event(4, "statement", "repris", &[]));
            d.events.push(event(5, "statement", "mars", &[]));
            d.next_id = 6;
            nest(d);
        })
    };
    let base = with_statements(|_| {});
    let ours = with_statements(|d| {
        d.events[1].arguments.push(RoleArg {
            role: "topic".into(),
            filler: Filler::Event(EventId(5)),
        });
    });
    let theirs = with_statements(|d| {
        d.events[2].arguments.push(RoleArg {
            role: "topic".into(),
            filler: Filler::Event(EventId(4)),
        });
    });
    let merge = merged(&base, &ours, &theirs);
    assert!(!merge.is_clean(), "{:#?}", notes(&merge));
    let doc = d1(&merge.project);
    assert_eq!(doc.conflicts.len(), 1);
    let nested = doc.events.iter().map(|e| e.arguments.len()).sum::<usize>();
    assert_eq!(
        nested, 3,
        "one of the two nestings is set aside: {:#?}",
        doc.events
    );
    // Taking the version set aside would close the cycle: refused, nothing changes.
    let pick = crate::edit::resolve::resolve_conflict(
        &merge.project,
        0,
        0,
        crate::edit::resolve::Pick::Other,
        &Stamp::default(),
    );
    assert_eq!(pick.unwrap_err(), crate::edit::EditError::SelfArgument);
}
