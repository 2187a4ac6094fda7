//! Edits, undo and redo: targeted cases and random sequences.

// A test states what it expects with expect/unwrap: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eventail::edit::{Edit, History, Stamp, incident_ops, ops};
use eventail::io::{default_schema, load_project};
use eventail::model::{AttrValue, DocStatus, EventId, Filler, IncidentId, Project, Span, validate};
use proptest::prelude::*;
use std::path::Path;

fn sample() -> Project {
    load_project(Path::new("projects/palmyre.ron")).expect("the sample project loads")
}

fn stamp() -> Stamp {
    Stamp {
        author: "tester".into(),
        time: "2026-11-23T12:00:00Z".into(),
    }
}

#[test]
fn deleting_a_mention_detaches_it_and_undo_restores_everything() {
    let mut project = sample();
    let before = project.clone();
    let doc = &project.documents[0];
    let used = doc
        .events
        .iter()
        .find_map(|e| e.arguments.first().map(|a| a.filler))
        .expect("the sample has filled roles");
    let Filler::Mention(id) = used else {
        panic!("first argument is a mention");
    };
    let mut history = History::default();
    let edit = ops::delete_mention(&project, 0, id, &stamp()).expect("delete");
    history.apply(&mut project, edit).expect("apply");
    let doc = &project.documents[0];
    assert!(doc.mention(id).is_none());
    assert_eq!(doc.events_with_argument(used).count(), 0);
    assert!(!doc.relations.iter().any(|r| r.involves(used)));
    assert!(validate(&project).is_empty());
    assert!(history.is_dirty());
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);
    assert!(!history.is_dirty());
}

#[test]
fn ids_are_never_reused_after_a_deletion() {
    let mut project = sample();
    let mut history = History::default();
    let (edit, first) =
        ops::add_mention(&project, 2, "place", vec![Span::new(0, 4)], &stamp()).expect("add");
    history.apply(&mut project, edit).expect("apply");
    let edit = ops::delete_mention(&project, 2, first, &stamp()).expect("delete");
    history.apply(&mut project, edit).expect("apply");
    let (_, second) =
        ops::add_mention(&project, 2, "place", vec![Span::new(0, 4)], &stamp()).expect("add again");
    assert!(second.0 > first.0);
}

#[test]
fn bad_edits_are_refused_and_change_nothing() {
    let project = sample();
    let len = project.documents[0].char_len();
    assert!(
        ops::add_mention(
            &project,
            0,
            "place",
            vec![Span::new(len, len + 1)],
            &stamp()
        )
        .is_err()
    );
    assert!(ops::add_mention(&project, 0, "place", vec![Span::new(3, 3)], &stamp()).is_err());
    assert!(
        ops::add_mention(&project, 0, "no_such_type", vec![Span::new(0, 3)], &stamp()).is_err()
    );
    assert!(ops::add_mention(&project, 99, "place", vec![Span::new(0, 3)], &stamp()).is_err());
    let event = project.documents[0].events[0].id;
    assert!(
        ops::add_argument(&project, 0, event, "agent", Filler::Event(event), &stamp()).is_err(),
        "an event cannot fill its own role"
    );
}

/// One random user action, resolved against the project when it is applied.
#[derive(Clone, Debug)]
enum Step {
    Tag {
        doc: usize,
        start: usize,
        len: usize,
        ty: usize,
    },
    AddEvent {
        doc: usize,
        start: usize,
        len: usize,
        ty: usize,
        with_trigger: bool,
    },
    Fill {
        doc: usize,
        event: usize,
        role: usize,
        filler: usize,
    },
    Delete {
        doc: usize,
        which: usize,
        event: bool,
    },
    Attribute {
        doc: usize,
        which: usize,
    },
    Note {
        doc: usize,
        which: usize,
        text: String,
    },
    Status {
        doc: usize,
        status: usize,
    },
    /// A new incident from an event.
    NewIncident {
        doc: usize,
        event: usize,
    },
    /// An event linked to (or moved to) an incident.
    Link {
        incident: usize,
        doc: usize,
        event: usize,
    },
    Unlink {
        doc: usize,
        event: usize,
    },
    MergeIncidents {
        keep: usize,
        absorbed: usize,
    },
    /// The first `take` reports of an incident moved to a new one.
    Split {
        incident: usize,
        take: usize,
    },
    Fatalities {
        incident: usize,
        dead: u32,
    },
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    let doc = 0..5usize;
    prop_oneof![
        (doc.clone(), 0..4000usize, 1..30usize, 0..20usize).prop_map(|(doc, start, len, ty)| {
            Step::Tag {
                doc,
                start,
                len,
                ty,
            }
        }),
        (
            doc.clone(),
            0..4000usize,
            1..12usize,
            0..20usize,
            any::<bool>()
        )
            .prop_map(|(doc, start, len, ty, with_trigger)| Step::AddEvent {
                doc,
                start,
                len,
                ty,
                with_trigger
            }),
        (doc.clone(), 0..50usize, 0..6usize, 0..200usize).prop_map(|(doc, event, role, filler)| {
            Step::Fill {
                doc,
                event,
                role,
                filler,
            }
        }),
        (doc.clone(), 0..200usize, any::<bool>()).prop_map(|(doc, which, event)| Step::Delete {
            doc,
            which,
            event
        }),
        (doc.clone(), 0..50usize).prop_map(|(doc, which)| Step::Attribute { doc, which }),
        (doc.clone(), 0..200usize, "[a-zé ]{0,12}").prop_map(|(doc, which, text)| Step::Note {
            doc,
            which,
            text
        }),
        (doc.clone(), 0..3usize).prop_map(|(doc, status)| Step::Status { doc, status }),
        (doc.clone(), 0..50usize).prop_map(|(doc, event)| Step::NewIncident { doc, event }),
        (0..8usize, doc.clone(), 0..50usize).prop_map(|(incident, doc, event)| Step::Link {
            incident,
            doc,
            event
        }),
        (doc, 0..50usize).prop_map(|(doc, event)| Step::Unlink { doc, event }),
        (0..8usize, 0..8usize).prop_map(|(keep, absorbed)| Step::MergeIncidents { keep, absorbed }),
        (0..8usize, 1..5usize).prop_map(|(incident, take)| Step::Split { incident, take }),
        (0..8usize, 0..500u32).prop_map(|(incident, dead)| Step::Fatalities { incident, dead }),
        Just(Step::Undo),
        Just(Step::Redo),
    ]
}

/// The edit for `step`, or `None` when it does not apply to this project.
fn edit_for(project: &Project, step: &Step) -> Option<Edit> {
    let s = stamp();
    let schema = &project.schema;
    match step {
        Step::Tag {
            doc,
            start,
            len,
            ty,
        } => {
            let n = project.documents[*doc].char_len();
            let start = start % n;
            let end = (start + len).min(n);
            let ty = &schema.entity_types[ty % schema.entity_types.len()].name;
            ops::add_mention(project, *doc, ty, vec![Span::new(start, end)], &s)
                .ok()
                .map(|(e, _)| e)
        }
        Step::AddEvent {
            doc,
            start,
            len,
            ty,
            with_trigger,
        } => {
            let n = project.documents[*doc].char_len();
            let start = start % n;
            let trigger = if *with_trigger {
                vec![Span::new(start, (start + len).min(n))]
            } else {
                vec![]
            };
            let ty = &schema.event_types[ty % schema.event_types.len()].name;
            ops::add_event(project, *doc, ty, trigger, &s)
                .ok()
                .map(|(e, _)| e)
        }
        Step::Fill {
            doc,
            event,
            role,
            filler,
        } => {
            let d = &project.documents[*doc];
            let e = d.events.get(event % d.events.len().max(1))?;
            let roles = &schema.event_type(&e.event_type)?.roles;
            let role = &roles.get(role % roles.len().max(1))?.name;
            let m = d.mentions.get(filler % d.mentions.len().max(1))?;
            ops::add_argument(project, *doc, e.id, role, Filler::Mention(m.id), &s).ok()
        }
        Step::Delete { doc, which, event } => {
            let d = &project.documents[*doc];
            if *event {
                let e = d.events.get(which % d.events.len().max(1))?;
                ops::delete_event(project, *doc, e.id, &s).ok()
            } else {
                let m = d.mentions.get(which % d.mentions.len().max(1))?;
                ops::delete_mention(project, *doc, m.id, &s).ok()
            }
        }
        Step::Attribute { doc, which } => {
            let d = &project.documents[*doc];
            let e = d.events.get(which % d.events.len().max(1))?;
            let value = Some(AttrValue::Value("probable".into()));
            ops::set_attribute(project, *doc, Filler::Event(e.id), "certainty", value, &s).ok()
        }
        Step::Note { doc, which, text } => {
            let d = &project.documents[*doc];
            let m = d.mentions.get(which % d.mentions.len().max(1))?;
            let text = text.clone();
            ops::set_note(project, *doc, Filler::Mention(m.id), text, &s).ok()
        }
        Step::Status { doc, status } => {
            ops::set_status(project, *doc, DocStatus::ALL[status % 3]).ok()
        }
        Step::NewIncident { doc, event } => {
            let e = nth_event(project, *doc, *event)?;
            incident_ops::new_incident_from_event(project, *doc, e, &s)
                .ok()
                .map(|(e, _)| e)
        }
        Step::Link {
            incident,
            doc,
            event,
        } => {
            let id = nth_incident(project, *incident)?;
            let e = nth_event(project, *doc, *event)?;
            incident_ops::link_event(project, id, *doc, e, &s).ok()
        }
        Step::Unlink { doc, event } => {
            let e = nth_event(project, *doc, *event)?;
            incident_ops::unlink_event(project, *doc, e, &s).ok()
        }
        Step::MergeIncidents { keep, absorbed } => {
            let (keep, absorbed) = (
                nth_incident(project, *keep)?,
                nth_incident(project, *absorbed)?,
            );
            incident_ops::merge_incidents(project, keep, absorbed, &s).ok()
        }
        Step::Split { incident, take } => {
            let id = nth_incident(project, *incident)?;
            let reports = &project.incident(id)?.reports;
            let moved = &reports[..(*take).min(reports.len())];
            incident_ops::split_incident(project, id, moved, &s)
                .ok()
                .map(|(e, _)| e)
        }
        Step::Fatalities { incident, dead } => {
            let id = nth_incident(project, *incident)?;
            let field = incident_ops::IncidentField::Fatalities(Some(*dead));
            incident_ops::set_incident_field(project, id, field, &s).ok()
        }
        Step::Undo | Step::Redo => None,
    }
}

/// The id of the event at position `n` (modulo their number) of document `doc`.
fn nth_event(project: &Project, doc: usize, n: usize) -> Option<EventId> {
    let events = &project.documents.get(doc)?.events;
    events.get(n % events.len().max(1)).map(|e| e.id)
}

/// The id of the incident at position `n` (modulo their number).
fn nth_incident(project: &Project, n: usize) -> Option<IncidentId> {
    let incidents = &project.incidents;
    incidents.get(n % incidents.len().max(1)).map(|i| i.id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever the user does, the project stays valid; undoing everything gives back
    /// the start and redoing everything gives back the end.
    #[test]
    fn undo_all_restores_the_start_and_redo_all_the_end(steps in prop::collection::vec(step(), 1..40)) {
        let start = sample();
        let mut project = start.clone();
        let mut history = History::default();
        for step in &steps {
            match step {
                Step::Undo => { history.undo(&mut project); }
                Step::Redo => { history.redo(&mut project); }
                other => {
                    if let Some(edit) = edit_for(&project, other) {
                        history.apply(&mut project, edit).expect("a built edit applies");
                    }
                }
            }
            let problems = validate(&project);
            prop_assert!(problems.is_empty(), "{:?} after {:?}", problems, step);
        }
        // The end: the state after the last step, with what is still redoable redone.
        let mut end = project.clone();
        let mut ahead = history.clone();
        while ahead.redo(&mut end).is_some() {}
        while history.undo(&mut project).is_some() {}
        prop_assert!(project == start, "undo-all differs from the start");
        prop_assert!(!history.is_dirty());
        while history.redo(&mut project).is_some() {}
        prop_assert!(project == end, "redo-all differs from the end");
    }
}

#[test]
fn a_new_project_has_the_default_schema() {
    let project = Project::new("x", default_schema());
    assert!(project.schema.entity_type("person").is_some());
    assert!(validate(&project).is_empty());
}
