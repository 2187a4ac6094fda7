//! Filling roles as an annotator means it, and events that share a trigger.
//!
//! [`super::ops::add_argument`] adds a filler whatever the role: importers need that,
//! since a file may hold anything. An annotator picking the place of an attack means
//! *the* place: a role that takes one filler gets it replaced, in one edit, so that one
//! undo gives the old one back. Several events on one trigger ("l'offensive" is both a
//! battle and an advance) are made by copying the trigger of an event into a new one.

use super::change::{Edit, EditError};
use super::ops::{Stamp, add_argument, add_event, doc, role_label, update_event};
use crate::model::{EventId, Filler, Project, RoleArg};

/// Fills `role` of the event `id` with `filler`: added beside the others, or, where the
/// schema says the role takes one filler at most and it has one, in place of it. Refused
/// when `filler` already fills that role.
pub fn fill_role(
    project: &Project,
    doc_index: usize,
    id: EventId,
    role: &str,
    filler: Filler,
    stamp: &Stamp,
) -> Result<Edit, EditError> {
    let event = doc(project, doc_index)?
        .event(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let label = role_label(project, doc_index, id, role);
    let present = |a: &RoleArg| a.role == role;
    if event
        .arguments
        .iter()
        .any(|a| present(a) && a.filler == filler)
    {
        return Err(EditError::AlreadyFills {
            event: id,
            role: label.to_string(),
            filler: filler.to_string(),
        });
    }
    let single = project
        .schema
        .event_type(&event.event_type)
        .and_then(|t| t.role(role))
        .is_some_and(|r| !r.cardinality.allows_many());
    let Some(first) = event.arguments.iter().position(present).filter(|_| single) else {
        return add_argument(project, doc_index, id, role, filler, stamp);
    };
    let text = format!("set {label} of {id} to {filler}");
    update_event(project, doc_index, id, text, stamp, |e| {
        // The first filler of the role takes the new one, in its place; any others go.
        let mut index = 0;
        e.arguments.retain_mut(|a| {
            let keep = if !present(a) {
                true
            } else if index == first {
                a.filler = filler;
                true
            } else {
                false
            };
            index += 1;
            keep
        });
    })
}

/// A new event of `event_type` on the trigger of the event `id` (the same words, another
/// event); returns the edit and the new event's id.
pub fn add_event_on_trigger(
    project: &Project,
    doc_index: usize,
    id: EventId,
    event_type: &str,
    stamp: &Stamp,
) -> Result<(Edit, EventId), EditError> {
    let event = doc(project, doc_index)?
        .event(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    if event.trigger.is_empty() {
        return Err(EditError::NoTrigger(id));
    }
    let (mut edit, new) = add_event(project, doc_index, event_type, event.trigger.clone(), stamp)?;
    edit.label = format!(
        "add event {} on the trigger of {id}",
        project.schema.label(event_type)
    );
    Ok((edit, new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::edit::ops::add_mention;
    use crate::model::{Document, MentionId, Span};

    /// "Daech attaque Palmyre et Homs.": T1 armed group, T2 and T3 places, E4 attack.
    fn sample() -> (Project, EventId) {
        let mut project = Project::new("p", crate::io::default_schema());
        project
            .documents
            .push(Document::new("d", "d", "Daech attaque Palmyre et Homs."));
        let s = Stamp::default();
        for (entity_type, span) in [
            ("armed_group", Span::new(0, 5)),
            ("place", Span::new(14, 21)),
            ("place", Span::new(25, 29)),
        ] {
            let (edit, _) = add_mention(&project, 0, entity_type, vec![span], &s).expect("T");
            edit.apply(&mut project).expect("apply");
        }
        let (edit, attack) =
            add_event(&project, 0, "attack", vec![Span::new(6, 13)], &s).expect("E4");
        edit.apply(&mut project).expect("apply");
        (project, attack)
    }

    /// Applies `edit` through a history; checks that one undo gives `project` back.
    fn apply(project: &Project, edit: Edit) -> Project {
        let mut edited = project.clone();
        let mut history = History::default();
        history.apply(&mut edited, edit).expect("apply");
        let after = edited.clone();
        history.undo(&mut edited).expect("undo");
        assert_eq!(&edited, project, "one undo restores the project");
        after
    }

    fn fillers(project: &Project, id: EventId, role: &str) -> Vec<Filler> {
        let event = project.documents[0].event(id).expect("event");
        let of_role = event.arguments.iter().filter(|a| a.role == role);
        of_role.map(|a| a.filler).collect()
    }

    #[test]
    fn a_role_of_one_filler_is_replaced_and_a_role_of_many_grows() {
        let (project, attack) = sample();
        let s = Stamp::default();
        let (t1, t2, t3) = (MentionId(1), MentionId(2), MentionId(3));
        let place = |p: &Project, t| fill_role(p, 0, attack, "place", Filler::Mention(t), &s);
        let project = apply(&project, place(&project, t2).expect("first place"));
        assert_eq!(fillers(&project, attack, "place"), [Filler::Mention(t2)]);
        // "place" takes one filler: the second replaces the first.
        let edit = place(&project, t3).expect("another place");
        assert!(edit.label.starts_with("set "), "{}", edit.label);
        let project = apply(&project, edit);
        assert_eq!(fillers(&project, attack, "place"), [Filler::Mention(t3)]);
        // Picking the same filler again says so.
        assert!(matches!(
            place(&project, t3),
            Err(EditError::AlreadyFills { .. })
        ));
        // "target" takes any number: each is added.
        let mut project = project;
        for t in [t2, t1] {
            let edit = fill_role(&project, 0, attack, "target", Filler::Mention(t), &s);
            project = apply(&project, edit.expect("target"));
        }
        assert_eq!(
            fillers(&project, attack, "target"),
            [Filler::Mention(t2), Filler::Mention(t1)]
        );
    }

    #[test]
    fn a_new_event_shares_the_trigger_of_another() {
        let (project, attack) = sample();
        let s = Stamp::default();
        let (edit, battle) =
            add_event_on_trigger(&project, 0, attack, "battle", &s).expect("on its trigger");
        assert!(edit.label.contains("trigger of E4"), "{}", edit.label);
        let after = apply(&project, edit);
        let doc = &after.documents[0];
        let (a, b) = (
            doc.event(attack).expect("E4"),
            doc.event(battle).expect("new"),
        );
        assert_eq!(a.trigger, b.trigger);
        assert_eq!(b.event_type, "battle");

        let (edit, bare) = add_event(&after, 0, "statement", Vec::new(), &s).expect("bare");
        let mut after = after;
        edit.apply(&mut after).expect("apply");
        assert_eq!(
            add_event_on_trigger(&after, 0, bare, "battle", &s).err(),
            Some(EditError::NoTrigger(bare))
        );
    }
}
