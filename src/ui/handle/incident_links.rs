//! Linking the shown document's events to incidents, and accepting suggested dates: the
//! popup's state, and the edits of [`crate::edit::incident_ops`] and
//! [`crate::edit::date_ops`] applied through the session so that Ctrl+Z undoes each.

use super::super::app::EventailApp;
use super::super::incident_link::{IncidentLinkAction, LinkPopup};
use crate::edit::{date_ops, incident_ops};
use crate::model::Filler;

impl EventailApp {
    /// Carries out what the popup, the event table or the editor asked for.
    pub(super) fn incident_link_action(&mut self, action: IncidentLinkAction) {
        let doc = self.view.doc;
        let stamp = self.stamp();
        let project = self.session.project();
        match action {
            IncidentLinkAction::Open(event) => {
                self.view.selected = Some(Filler::Event(event));
                self.view.link_incident = Some(LinkPopup::new(event));
            }
            IncidentLinkAction::SetFilter(_) | IncidentLinkAction::Highlight(_) => {
                if let Some(popup) = &mut self.view.link_incident {
                    popup.apply(&action);
                }
            }
            IncidentLinkAction::Close => self.view.link_incident = None,
            IncidentLinkAction::Link(event, id) => {
                self.view.link_incident = None;
                let built = incident_ops::link_event(project, id, doc, event, &stamp);
                self.apply_result(built);
            }
            IncidentLinkAction::New(event) => {
                self.view.link_incident = None;
                let built = incident_ops::new_incident_from_event(project, doc, event, &stamp);
                self.apply_built(built);
            }
            IncidentLinkAction::Unlink(event) => {
                self.view.link_incident = None;
                let built = incident_ops::unlink_event(project, doc, event, &stamp);
                self.apply_result(built);
            }
        }
    }

    /// Opens the popup that links the selected event to an incident.
    pub(super) fn link_selected_to_incident(&mut self) {
        match self.view.selected {
            Some(Filler::Event(event)) => {
                self.incident_link_action(IncidentLinkAction::Open(event));
            }
            _ => self.view.status = "Select an event first, then link it to an incident".into(),
        }
    }

    /// Accepts the date suggested for the selected date mention, or for the time
    /// argument the selected event takes its date from.
    pub(super) fn accept_date(&mut self) {
        let doc = self.view.doc;
        let project = self.session.project();
        let target = self
            .view
            .selected
            .and_then(|s| super::super::date_hint::accept_target(project, doc, s));
        let Some(mention) = target else {
            self.view.status = "Select a date mention (or an event with a suggested date) \
                                to accept its suggested date"
                .into();
            return;
        };
        match date_ops::accept_date_suggestion(project, doc, mention, &self.stamp()) {
            Ok(Some(edit)) => {
                self.apply_result(Ok(edit));
            }
            Ok(None) => self.view.status = format!("No date is suggested for {mention}"),
            Err(err) => {
                self.apply_result(Err(err));
            }
        }
    }
}
