//! How annotations are named to the user, the same in every panel.

use crate::model::{Document, Filler, Project};

/// One line that names an annotation for tooltips: `T3 Personne «Khaled Assaad»`.
pub fn describe(project: &Project, doc: &Document, target: Filler) -> String {
    match target {
        Filler::Mention(id) => doc.mention(id).map_or(id.to_string(), |m| {
            format!(
                "{id} {} «{}»",
                project.schema.label(&m.entity_type),
                crate::model::span::covered_text(&doc.text, &m.ranges)
            )
        }),
        Filler::Event(id) => doc.event(id).map_or(id.to_string(), |e| {
            let trigger = crate::model::span::covered_text(&doc.text, &e.trigger);
            if trigger.is_empty() {
                format!("{id} {}", project.schema.label(&e.event_type))
            } else {
                format!("{id} {} «{trigger}»", project.schema.label(&e.event_type))
            }
        }),
    }
}
