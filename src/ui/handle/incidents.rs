//! The incidents view's effects: opening and closing it, its edits (each an undoable
//! edit of [`crate::edit::incident_ops`]) and opening a report's article at its event.

use super::super::app::EventailApp;
use super::super::incidents::{IncidentsAction, IncidentsState};
use crate::edit::incident_ops;
use crate::model::{Filler, Report};

impl EventailApp {
    /// Opens the incidents view (closes it when open).
    pub(super) fn toggle_incidents(&mut self) {
        if self.incidents.take().is_none() {
            self.incidents = Some(IncidentsState::default());
        }
    }

    pub(super) fn incidents_action(&mut self, action: IncidentsAction) {
        let stamp = self.stamp();
        let Some(state) = &mut self.incidents else {
            return;
        };
        state.apply(&action);
        let project = self.session.project();
        match action {
            IncidentsAction::Close => self.incidents = None,
            IncidentsAction::OpenReport(report) => self.open_report(&report),
            IncidentsAction::Rejected(why) => self.view.status = format!("Not done: {why}"),
            IncidentsAction::SetField(id, field) => {
                let built = incident_ops::set_incident_field(project, id, field, &stamp);
                self.apply_result(built);
            }
            IncidentsAction::Unlink(report) => {
                let Some(doc) = project
                    .documents
                    .iter()
                    .position(|d| d.id == report.document)
                else {
                    return;
                };
                let built = incident_ops::unlink_event(project, doc, report.event, &stamp);
                self.apply_result(built);
            }
            IncidentsAction::Merge(keep, absorbed) => {
                let built = incident_ops::merge_incidents(project, keep, absorbed, &stamp);
                self.apply_result(built);
            }
            IncidentsAction::Split(id) => {
                // Ticks of reports unlinked since (or undone) are not the incident's.
                let reports = project.incident(id).map_or(&[][..], |i| &i.reports[..]);
                let moved: Vec<Report> = state
                    .split
                    .iter()
                    .filter(|r| reports.contains(r))
                    .cloned()
                    .collect();
                let built = incident_ops::split_incident(project, id, &moved, &stamp);
                if let Some(new) = self.apply_built(built) {
                    self.view.status = format!("Done: split off {new}");
                    if let Some(state) = &mut self.incidents {
                        state.split.clear();
                    }
                }
            }
            IncidentsAction::Delete(id) => {
                let built = incident_ops::delete_incident(project, id);
                self.apply_result(built);
            }
            IncidentsAction::Tab(_)
            | IncidentsAction::Sort(_)
            | IncidentsAction::SetText(_)
            | IncidentsAction::SetType(_)
            | IncidentsAction::Select(_)
            | IncidentsAction::TickSplit(..) => {}
        }
    }

    /// Shows the article of `report` with its event selected and in view, as the search
    /// panel and the problems list show what they list.
    fn open_report(&mut self, report: &Report) {
        let project = self.session.project();
        let Some(doc) = project
            .documents
            .iter()
            .position(|d| d.id == report.document)
        else {
            self.view.status = format!("{} is no longer in the project", report.document);
            return;
        };
        self.show_document(doc);
        if self.view.doc != doc {
            return;
        }
        let exists = self
            .session
            .project()
            .documents
            .get(doc)
            .is_some_and(|d| d.event(report.event).is_some());
        if exists {
            self.select(Some(Filler::Event(report.event)), true);
        } else {
            self.view.status = format!("{} is no longer in its document", report.event);
        }
    }
}
