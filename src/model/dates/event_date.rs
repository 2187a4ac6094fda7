//! The date of an event: its own normalised date when the annotator set one, otherwise
//! the date of its time argument (the argument's normalised date, or the date suggested
//! for its text). Incidents are pre-filled with it, candidates ranked by it, and the
//! export lists it for each report, so the rule lives here, once.

use super::suggest_date;
use crate::model::calendar::{DateRange, Day, IsoDate};
use crate::model::{AttrValue, Document, Event, Filler, MentionId};

/// The attribute that holds a normalised date (ISO 8601) on events and date mentions.
pub const DATE_ATTRIBUTE: &str = "date_normalised";

/// Where the date of an event comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// The event's own normalised date.
    Event,
    /// The normalised date of its time argument, this mention.
    TimeArgument(MentionId),
    /// The date suggested for the text of its time argument, this mention.
    Suggested(MentionId),
}

/// The date of an event and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventDate {
    /// The date or range.
    pub date: DateRange,
    /// Where it comes from.
    pub source: DateSource,
}

/// The document's date (its `date` metadata, ISO 8601, of which the day is taken: a
/// time after it is ignored).
pub fn document_date(doc: &Document) -> Option<Day> {
    let text = doc.metadata.get("date")?;
    let day = text.get(..10).unwrap_or(text);
    day.parse::<IsoDate>().ok().map(IsoDate::first_day)
}

/// The normalised date held by `attribute`, when it holds one.
fn normalised(value: Option<&AttrValue>) -> Option<DateRange> {
    match value? {
        AttrValue::Value(text) => text.trim().parse().ok(),
        AttrValue::Flag => None,
    }
}

/// The date of `event` of `doc`: its own normalised date unless it has none, then its
/// time argument's (the first argument in a role whose name starts with `time`, or
/// filled by a mention of type `date`).
pub fn event_date(doc: &Document, event: &Event) -> Option<EventDate> {
    if let Some(date) = normalised(event.attributes.get(DATE_ATTRIBUTE)) {
        return Some(EventDate {
            date,
            source: DateSource::Event,
        });
    }
    event.arguments.iter().find_map(|arg| {
        let Filler::Mention(id) = arg.filler else {
            return None;
        };
        let mention = doc.mention(id)?;
        let is_time = arg.role.to_lowercase().starts_with("time") || mention.entity_type == "date";
        if !is_time {
            return None;
        }
        if let Some(date) = normalised(mention.attributes.get(DATE_ATTRIBUTE)) {
            return Some(EventDate {
                date,
                source: DateSource::TimeArgument(id),
            });
        }
        let text = doc.covered_text(&mention.ranges);
        suggest_date(&text, document_date(doc)).map(|date| EventDate {
            date,
            source: DateSource::Suggested(id),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::{event as test_event, mention};
    use crate::model::{RoleArg, Span};

    #[test]
    fn an_event_takes_its_own_date_then_its_time_arguments() {
        let mut doc = Document::new("d", "d", "Frappes la veille.");
        doc.metadata
            .insert("date".into(), "2016-03-24T08:00:00Z".into());
        doc.mentions
            .push(mention(1, "date", vec![Span::new(8, 17)]));
        let mut event = test_event(2, "attack", vec![Span::new(0, 7)]);
        event.arguments.push(RoleArg {
            role: "time".into(),
            filler: Filler::Mention(MentionId(1)),
        });
        let date =
            |doc: &Document, e: &Event| event_date(doc, e).map(|d| (d.date.to_string(), d.source));
        assert_eq!(
            date(&doc, &event),
            Some(("2016-03-23".into(), DateSource::Suggested(MentionId(1))))
        );
        doc.mentions[0]
            .attributes
            .insert(DATE_ATTRIBUTE.into(), AttrValue::Value("2016-03".into()));
        assert_eq!(
            date(&doc, &event),
            Some(("2016-03".into(), DateSource::TimeArgument(MentionId(1))))
        );
        event
            .attributes
            .insert(DATE_ATTRIBUTE.into(), AttrValue::Value("2016-03-22".into()));
        assert_eq!(
            date(&doc, &event),
            Some(("2016-03-22".into(), DateSource::Event))
        );
        event.attributes.clear();
        event.arguments.clear();
        assert_eq!(date(&doc, &event), None);
    }
}
