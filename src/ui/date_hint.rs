//! The date suggested for a date mention, as the side panel and the event table offer
//! it: the ISO date, the words it was read from and what it was computed relative to,
//! and which mention the accept key (`Ctrl+D`) sets.
//!
//! Computed here without egui so that a unit test reads it; the reading itself is the
//! model's ([`crate::model::dates`]) and the accepting an edit's
//! ([`crate::edit::date_ops`]).

use crate::edit::date_ops::date_suggestion;
use crate::model::dates::{DATE_ATTRIBUTE, DateSource, document_date, event_date};
use crate::model::{AttrValue, DateRange, Filler, MentionId, Project};

/// A date suggested for a mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateHint {
    /// The mention.
    pub mention: MentionId,
    /// The date read from its words.
    pub date: DateRange,
    /// What it was read relative to: `relative to the document's date 2016-03-24`.
    pub basis: String,
    /// True when the mention's normalised date is already this one.
    pub accepted: bool,
}

/// The date suggested for mention `id` of the document at `doc_index`, if its words
/// say one.
pub fn mention_date_hint(project: &Project, doc_index: usize, id: MentionId) -> Option<DateHint> {
    let date = date_suggestion(project, doc_index, id).ok()??;
    let doc = project.documents.get(doc_index)?;
    let mention = doc.mention(id)?;
    let words = doc.covered_text(&mention.ranges);
    let basis = match document_date(doc) {
        Some(day) => format!("read from «{words}» relative to the document's date {day}"),
        None => format!("read from «{words}» (the document has no date)"),
    };
    let accepted = matches!(
        mention.attributes.get(DATE_ATTRIBUTE),
        Some(AttrValue::Value(v)) if v.trim() == date.to_string()
    );
    Some(DateHint {
        mention: id,
        date,
        basis,
        accepted,
    })
}

/// The mention whose suggested date the accept key sets when `selected` is selected:
/// the mention itself, or the time argument an event takes its (suggested) date from.
pub fn accept_target(project: &Project, doc_index: usize, selected: Filler) -> Option<MentionId> {
    match selected {
        Filler::Mention(id) => Some(id),
        Filler::Event(id) => {
            let doc = project.documents.get(doc_index)?;
            match event_date(doc, doc.event(id)?)?.source {
                DateSource::Suggested(mention) => Some(mention),
                DateSource::TimeArgument(_) | DateSource::Event => None,
            }
        }
    }
}

/// Where an event's date comes from, in words, when it is not its own.
pub fn inherited_from(source: DateSource) -> Option<String> {
    match source {
        DateSource::Event => None,
        DateSource::TimeArgument(m) => Some(format!("the date of its time argument {m}")),
        DateSource::Suggested(m) => Some(format!(
            "suggested for its time argument {m}, not yet accepted (Ctrl+D accepts it)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::palmyre;
    use crate::model::EventId;

    #[test]
    fn a_date_mention_has_its_suggestion_and_basis() {
        let project = palmyre();
        // 000 T23: "veille" (of "la veille"), the day before the article's 24 March 2016.
        let hint = mention_date_hint(&project, 0, MentionId(23)).expect("a suggestion");
        assert_eq!(hint.date.to_string(), "2016-03-23");
        assert_eq!(
            hint.basis,
            "read from «veille» relative to the document's date 2016-03-24"
        );
        assert!(!hint.accepted);
        // 003 T5, "novembre", in an undated article: nothing suggested.
        assert_eq!(mention_date_hint(&project, 3, MentionId(5)), None);
        assert_eq!(
            accept_target(&project, 0, Filler::Mention(MentionId(23))),
            Some(MentionId(23))
        );
        assert_eq!(
            accept_target(&project, 0, Filler::Event(EventId(9999))),
            None
        );
        assert_eq!(inherited_from(DateSource::Event), None);
        assert!(
            inherited_from(DateSource::Suggested(MentionId(2)))
                .is_some_and(|t| t.contains("T2") && t.contains("Ctrl+D"))
        );
    }
}
