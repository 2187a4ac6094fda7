//! Accepting the date suggested for a date mention: the one edit behind the key that
//! takes a suggestion, so that it is undone like any other.

use super::change::{Edit, EditError};
use super::ops::{Stamp, doc, set_attribute};
use crate::model::dates::{DATE_ATTRIBUTE, document_date, suggest_date};
use crate::model::{AttrValue, DateRange, Filler, MentionId, Project};

/// The date suggested for mention `id` of the document at `doc_index` (its text read
/// relative to the document's date), if any.
pub fn date_suggestion(
    project: &Project,
    doc_index: usize,
    id: MentionId,
) -> Result<Option<DateRange>, EditError> {
    let document = doc(project, doc_index)?;
    let mention = document
        .mention(id)
        .ok_or_else(|| EditError::NoAnnotation(id.to_string()))?;
    let text = document.covered_text(&mention.ranges);
    Ok(suggest_date(&text, document_date(document)))
}

/// Sets the normalised date of mention `id` to the date suggested for it; `None` when
/// nothing is suggested.
pub fn accept_date_suggestion(
    project: &Project,
    doc_index: usize,
    id: MentionId,
    stamp: &Stamp,
) -> Result<Option<Edit>, EditError> {
    let Some(date) = date_suggestion(project, doc_index, id)? else {
        return Ok(None);
    };
    let value = Some(AttrValue::Value(date.to_string()));
    let mut edit = set_attribute(
        project,
        doc_index,
        Filler::Mention(id),
        DATE_ATTRIBUTE,
        value,
        stamp,
    )?;
    edit.label = format!("date {id} {date}");
    Ok(Some(edit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;

    #[test]
    fn a_suggestion_is_accepted_and_undone() {
        let mut project = crate::formats::test_support::palmyre();
        let before = project.clone();
        // 000 T23: "la veille", the day before the article's 24 March 2016.
        let edit = accept_date_suggestion(&project, 0, MentionId(23), &Stamp::default())
            .unwrap()
            .unwrap();
        assert_eq!(edit.label, "date T23 2016-03-23");
        let mut history = History::default();
        history.apply(&mut project, edit).unwrap();
        let m = project.documents[0].mention(MentionId(23)).unwrap();
        assert_eq!(
            m.attributes.get(DATE_ATTRIBUTE),
            Some(&AttrValue::Value("2016-03-23".into()))
        );
        history.undo(&mut project).unwrap();
        assert_eq!(project, before);
        // 003 T5, "novembre", in an undated article: nothing to accept.
        assert_eq!(
            accept_date_suggestion(&project, 3, MentionId(5), &Stamp::default()),
            Ok(None)
        );
    }
}
