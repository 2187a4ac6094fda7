//! The "link to incident" popup's state and its lines, without egui: which event it
//! links, what the filter holds, the line Enter picks, and the incidents offered, best
//! first ([`rank_candidates`]), each with why it ranks where it does.
//!
//! An annotator links an event by reading a short list, so each line says what the
//! incident is (id, type, date, places, actors, how many reports) and why it is offered
//! (same type, days apart, names shared with the event); the first line makes a new
//! incident from the event instead. Computed here so that a unit test can read the
//! lines and the popup ([`super::incident_link_ui`]) only draws them.

use super::filler_candidates::folded;
use crate::model::candidates::{Candidate, rank_candidates};
use crate::model::{EventId, Incident, IncidentId, Project};

/// The open popup: the event it links (of the shown document), the filter and the line
/// that Enter picks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkPopup {
    /// The event to link.
    pub event: EventId,
    /// What the filter box holds.
    pub filter: String,
    /// The highlighted line among those the filter keeps (0: the new incident).
    pub highlight: usize,
}

/// What the popup, the event table and the event editor ask for about an event's
/// incident; edits become undoable steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IncidentLinkAction {
    /// Open the popup for this event of the shown document.
    Open(EventId),
    /// Keep the lines that contain every word of this.
    SetFilter(String),
    /// Let Enter pick this line.
    Highlight(usize),
    /// Close the popup.
    Close,
    /// Link the event to this incident (it leaves the one it reported).
    Link(EventId, IncidentId),
    /// Make a new incident from the event, pre-filled from its roles.
    New(EventId),
    /// Unlink the event from its incident (the incident stays).
    Unlink(EventId),
}

impl LinkPopup {
    /// The popup for `event`, from the first line.
    pub fn new(event: EventId) -> Self {
        LinkPopup {
            event,
            filter: String::new(),
            highlight: 0,
        }
    }

    /// Applies a change of the filter or the highlight; other actions are not the
    /// popup's own.
    pub fn apply(&mut self, action: &IncidentLinkAction) {
        match action {
            IncidentLinkAction::SetFilter(filter) => {
                self.filter.clone_from(filter);
                self.highlight = 0;
            }
            IncidentLinkAction::Highlight(line) => self.highlight = *line,
            _ => {}
        }
    }
}

/// One line of the popup: a new incident, or an incident offered.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkLine {
    /// Make a new incident from the event.
    New,
    /// Link the event to an incident.
    Incident {
        /// The incident.
        id: IncidentId,
        /// What it is: `I3 capture · 2016-03-27 · Palmyre · Armée syrienne · 4 reports`.
        text: String,
        /// Why it is offered: `same type, 3 days apart, shares Palmyre`.
        why: String,
    },
}

/// The first line's text.
pub const NEW_LINE: &str = "➕ New incident from this event";

impl LinkLine {
    /// The line as shown (without the reason, shown beneath).
    pub fn text(&self) -> &str {
        match self {
            LinkLine::New => NEW_LINE,
            LinkLine::Incident { text, .. } => text,
        }
    }
}

/// What an incident is, in one line.
pub fn incident_summary(project: &Project, incident: &Incident) -> String {
    let mut parts = vec![format!(
        "{} {}",
        incident.id,
        project.schema.label(&incident.incident_type)
    )];
    if let Some(date) = incident.date {
        parts.push(date.to_string());
    }
    let places: Vec<&str> = incident
        .places
        .iter()
        .map(String::as_str)
        .chain((!incident.country.is_empty()).then_some(incident.country.as_str()))
        .collect();
    if !places.is_empty() {
        parts.push(places.join(", "));
    }
    let actors: Vec<&str> = incident.actors.iter().map(|a| a.name.as_str()).collect();
    if !actors.is_empty() {
        parts.push(actors.join(", "));
    }
    parts.push(match incident.reports.len() {
        1 => "1 report".to_string(),
        n => format!("{n} reports"),
    });
    parts.join(" · ")
}

/// Why a candidate ranks where it does, in words.
pub fn why(candidate: &Candidate) -> String {
    let mut reasons = Vec::new();
    if candidate.same_type {
        reasons.push("same type".to_string());
    }
    match candidate.days_apart {
        Some(0) => reasons.push("same date".to_string()),
        Some(1) => reasons.push("1 day apart".to_string()),
        Some(days) => reasons.push(format!("{days} days apart")),
        None => {}
    }
    let shared: Vec<&str> = candidate
        .shared_places
        .iter()
        .chain(&candidate.shared_actors)
        .map(String::as_str)
        .collect();
    if !shared.is_empty() {
        reasons.push(format!("shares {}", shared.join(", ")));
    }
    if reasons.is_empty() {
        return "nothing in common".to_string();
    }
    reasons.join(", ")
}

/// Every line for event `event` of the document at `doc`: the new incident, then the
/// incidents it may report, best first (not the one it reports).
pub fn link_lines(project: &Project, doc: usize, event: EventId) -> Vec<LinkLine> {
    let mut lines = vec![LinkLine::New];
    for candidate in rank_candidates(project, doc, event) {
        let Some(incident) = project.incident(candidate.incident) else {
            continue;
        };
        lines.push(LinkLine::Incident {
            id: incident.id,
            text: incident_summary(project, incident),
            why: why(&candidate),
        });
    }
    lines
}

/// The lines whose text or reason contains every word of `filter` (case and accents
/// ignored); the new incident always stays first.
pub fn filtered<'a>(lines: &'a [LinkLine], filter: &str) -> Vec<&'a LinkLine> {
    let words = folded(filter);
    lines
        .iter()
        .filter(|line| match line {
            LinkLine::New => true,
            LinkLine::Incident { text, why, .. } => {
                let hay = folded(&format!("{text} {why}"));
                words.split_whitespace().all(|w| hay.contains(w))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::palmyre;

    #[test]
    fn the_lines_offer_a_new_incident_then_the_candidates_with_reasons() {
        let project = palmyre();
        // 000 E87 reports I1 (the recapture): the others are offered, not I1.
        let lines = link_lines(&project, 0, EventId(87));
        assert_eq!(lines.first(), Some(&LinkLine::New));
        let ids: Vec<IncidentId> = lines
            .iter()
            .filter_map(|l| match l {
                LinkLine::Incident { id, .. } => Some(*id),
                LinkLine::New => None,
            })
            .collect();
        assert_eq!(ids.len(), project.incidents.len() - 1);
        assert!(!ids.contains(&IncidentId(1)));
        let Some(LinkLine::Incident { text, why, .. }) = lines.get(1) else {
            panic!("a candidate: {lines:?}");
        };
        assert!(text.contains("report"), "{text}");
        assert!(why.contains("same type"), "{why}");

        // The filter keeps the new incident and the lines with every word.
        let kept = filtered(&lines, "PALMYRE same");
        assert_eq!(kept.first(), Some(&&LinkLine::New));
        assert!(kept.iter().skip(1).all(|l| {
            let LinkLine::Incident { text, why, .. } = l else {
                return false;
            };
            text.contains("Palmyre") && why.contains("same")
        }));
        assert_eq!(filtered(&lines, "zzz nothing").len(), 1);
    }

    #[test]
    fn reasons_and_the_highlight_read_as_expected() {
        let candidate = Candidate {
            incident: IncidentId(2),
            score: 5.0,
            same_type: true,
            days_apart: Some(3),
            shared_places: vec!["Palmyre".into()],
            shared_actors: vec!["armée syrienne".into()],
        };
        assert_eq!(
            why(&candidate),
            "same type, 3 days apart, shares Palmyre, armée syrienne"
        );
        let none = Candidate {
            same_type: false,
            days_apart: None,
            shared_places: Vec::new(),
            shared_actors: Vec::new(),
            ..candidate
        };
        assert_eq!(why(&none), "nothing in common");

        let mut popup = LinkPopup::new(EventId(4));
        popup.apply(&IncidentLinkAction::Highlight(3));
        assert_eq!(popup.highlight, 3);
        popup.apply(&IncidentLinkAction::SetFilter("pal".into()));
        assert_eq!((popup.filter.as_str(), popup.highlight), ("pal", 0));
    }
}
