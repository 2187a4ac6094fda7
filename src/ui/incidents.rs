//! The state of the incidents view and what it asks for: which incident is shown, how
//! the table is sorted and filtered, the reports ticked to split off. This is runtime
//! state of the window, never saved in the project (two annotators sorting one file
//! differently must not make it differ); the incidents themselves change only through
//! the undoable edits of [`crate::edit::incident_ops`].

use super::incident_table::IncidentColumn;
use crate::edit::incident_ops::IncidentField;
use crate::model::{IncidentId, Report};
use std::collections::BTreeSet;

/// How the incidents are shown beside the selected one's detail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IncidentsTab {
    /// A sortable, filterable table.
    #[default]
    Table,
    /// On a time axis.
    Timeline,
}

/// The incidents view, while it is open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncidentsState {
    /// Table or timeline.
    pub tab: IncidentsTab,
    /// The column sorted by and whether downwards; none: by id.
    pub sort: Option<(IncidentColumn, bool)>,
    /// Incidents whose row contains this (case and accents ignored).
    pub text: String,
    /// Incidents of this type only.
    pub incident_type: Option<String>,
    /// The incident whose detail is shown.
    pub selected: Option<IncidentId>,
    /// The selected incident's reports ticked to move to a new incident.
    pub split: BTreeSet<Report>,
}

/// What the incidents view asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum IncidentsAction {
    /// Show the table or the timeline.
    Tab(IncidentsTab),
    /// Sort by this column (again: the other way).
    Sort(IncidentColumn),
    /// Keep the incidents whose row contains this text.
    SetText(String),
    /// Keep the incidents of this type (or of every type).
    SetType(Option<String>),
    /// Show this incident's detail (or none).
    Select(Option<IncidentId>),
    /// Tick (or untick) a report of the selected incident, to split it off.
    TickSplit(Report, bool),
    /// Show a report's article with its event selected and in view.
    OpenReport(Report),
    /// Set a field of an incident (an undoable edit).
    SetField(IncidentId, IncidentField),
    /// Unlink a report from its incident (the event stays).
    Unlink(Report),
    /// Merge the second incident into the first, which keeps its values.
    Merge(IncidentId, IncidentId),
    /// Move the ticked reports of this incident to a new one.
    Split(IncidentId),
    /// Delete an incident (its events stay).
    Delete(IncidentId),
    /// Say why a value typed was not taken (not a date, not a number).
    Rejected(String),
    /// Close the view.
    Close,
}

impl IncidentsAction {
    /// True for what would lose a draft still in a field of the detail: another
    /// incident shown, the view closed, an article opened, an incident removed.
    pub fn leaves_detail(&self) -> bool {
        matches!(
            self,
            IncidentsAction::Select(_)
                | IncidentsAction::OpenReport(_)
                | IncidentsAction::Merge(..)
                | IncidentsAction::Split(_)
                | IncidentsAction::Delete(_)
                | IncidentsAction::Close
        )
    }
}

impl IncidentsState {
    /// Applies what only changes the view; edits and effects are the app's to handle.
    pub fn apply(&mut self, action: &IncidentsAction) {
        match action {
            IncidentsAction::Tab(tab) => self.tab = *tab,
            IncidentsAction::Sort(column) => {
                self.sort = match self.sort.take() {
                    Some((c, down)) if c == *column => Some((c, !down)),
                    _ => Some((*column, false)),
                };
            }
            IncidentsAction::SetText(text) => self.text.clone_from(text),
            IncidentsAction::SetType(t) => self.incident_type.clone_from(t),
            IncidentsAction::Select(id) => {
                if self.selected != *id {
                    self.split.clear();
                }
                self.selected = *id;
            }
            IncidentsAction::TickSplit(report, ticked) => {
                if *ticked {
                    self.split.insert(report.clone());
                } else {
                    self.split.remove(report);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventId;

    #[test]
    fn sorting_again_reverses_and_a_new_incident_drops_the_ticks() {
        let mut state = IncidentsState::default();
        state.apply(&IncidentsAction::Sort(IncidentColumn::Date));
        assert_eq!(state.sort, Some((IncidentColumn::Date, false)));
        state.apply(&IncidentsAction::Sort(IncidentColumn::Date));
        assert_eq!(state.sort, Some((IncidentColumn::Date, true)));
        state.apply(&IncidentsAction::Sort(IncidentColumn::Type));
        assert_eq!(state.sort, Some((IncidentColumn::Type, false)));

        state.apply(&IncidentsAction::Select(Some(IncidentId(1))));
        let report = Report::new("d", EventId(3));
        state.apply(&IncidentsAction::TickSplit(report.clone(), true));
        assert!(state.split.contains(&report));
        state.apply(&IncidentsAction::Select(Some(IncidentId(1))));
        assert!(
            state.split.contains(&report),
            "the same incident keeps them"
        );
        state.apply(&IncidentsAction::Select(Some(IncidentId(2))));
        assert!(state.split.is_empty());
        assert!(IncidentsAction::Close.leaves_detail());
        assert!(!IncidentsAction::SetText(String::new()).leaves_detail());
    }
}
