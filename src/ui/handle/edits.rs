//! Annotation actions made into edits by the named functions of [`crate::edit::ops`],
//! applied through the session so that each can be undone.

use super::super::action::EditAction;
use super::super::app::EventailApp;
use crate::edit::resolve::resolve_conflict;
use crate::edit::{Edit, EditError, Stamp, ops, relation_ops, role_ops};
use crate::model::Filler;

impl EventailApp {
    /// Who and when, for the annotations an edit touches.
    pub(super) fn stamp(&self) -> Stamp {
        Stamp::now(&self.settings.annotator)
    }

    /// Makes an annotation action into an edit of the shown document and applies it.
    pub(super) fn edit(&mut self, action: EditAction) {
        let project = self.session.project();
        let doc = self.view.doc;
        let stamp = self.stamp();
        let selection = self.view.selection;
        let built = match action {
            EditAction::TagSelection(entity_type) => {
                let Some(span) = selection else {
                    return;
                };
                let built = ops::add_mention(project, doc, &entity_type, vec![span], &stamp);
                if let Some(id) = self.apply_built(built) {
                    self.clear_selection();
                    self.view.selected = Some(Filler::Mention(id));
                }
                return;
            }
            EditAction::AddEventFromSelection(event_type) => {
                let Some(span) = selection else {
                    self.view.status = "Select the trigger's words first (Ctrl+E adds an \
                                        event without trigger)"
                        .into();
                    return;
                };
                self.add_event(&event_type, vec![span]);
                return;
            }
            EditAction::AddEvent(event_type) => {
                self.add_event(&event_type, selection.into_iter().collect());
                return;
            }
            EditAction::SetTriggerFromSelection(id) => {
                let Some(span) = selection else {
                    self.view.status = "Select the trigger's words in the text first".into();
                    return;
                };
                self.clear_selection();
                ops::set_trigger(self.session.project(), doc, id, vec![span], &stamp)
            }
            EditAction::SetMentionType(id, entity_type) => {
                ops::set_mention_type(project, doc, id, &entity_type, &stamp)
            }
            EditAction::SetEventType(id, event_type) => {
                ops::set_event_type(project, doc, id, &event_type, &stamp)
            }
            EditAction::ClearTrigger(id) => ops::set_trigger(project, doc, id, Vec::new(), &stamp),
            EditAction::SetNote(target, note) => ops::set_note(project, doc, target, note, &stamp),
            EditAction::SetAttribute(target, name, value) => {
                ops::set_attribute(project, doc, target, &name, value, &stamp)
            }
            EditAction::Delete(target) => {
                if self.view.selected == Some(target) {
                    self.view.selected = None;
                }
                ops::delete(self.session.project(), doc, target, &stamp)
            }
            EditAction::AddArgument(event, role, filler) => {
                self.view.active_role = None;
                self.view.selected = Some(Filler::Event(event));
                role_ops::fill_role(self.session.project(), doc, event, &role, filler, &stamp)
            }
            EditAction::AddEventOnTrigger(id, event_type) => {
                let built = role_ops::add_event_on_trigger(project, doc, id, &event_type, &stamp);
                if let Some(new) = self.apply_built(built) {
                    self.select(Some(Filler::Event(new)), true);
                }
                return;
            }
            EditAction::RemoveArgument(id, index) => {
                ops::remove_argument(project, doc, id, index, &stamp)
            }
            EditAction::SetStatus(doc, status) => ops::set_status(project, doc, status),
            EditAction::AddRelation(arg1, arg2, relation_type) => {
                self.view.linking = None;
                let built =
                    relation_ops::add_relation(project, doc, &relation_type, arg1, arg2, &stamp);
                self.apply_built(built);
                return;
            }
            EditAction::SetRelationType(id, relation_type) => {
                relation_ops::set_relation_type(project, doc, id, &relation_type, &stamp)
            }
            EditAction::DeleteRelation(id) => relation_ops::delete_relation(project, doc, id),
            EditAction::AddRange(id, span) => {
                self.clear_selection();
                relation_ops::add_range(self.session.project(), doc, id, span, &stamp)
            }
            EditAction::RemoveRange(id, index) => {
                relation_ops::remove_range(project, doc, id, index, &stamp)
            }
            EditAction::ResizeMention(id, end, grow) => {
                relation_ops::resize_mention(project, doc, id, end, grow, &stamp)
            }
            EditAction::ResolveConflict { doc, index, pick } => {
                resolve_conflict(project, doc, index, pick, &stamp)
            }
        };
        self.apply_result(built);
    }

    /// Adds an event with `trigger` (possibly none), selects it and shows it in the list.
    fn add_event(&mut self, event_type: &str, trigger: Vec<crate::model::Span>) {
        let built = ops::add_event(
            self.session.project(),
            self.view.doc,
            event_type,
            trigger,
            &self.stamp(),
        );
        if let Some(id) = self.apply_built(built) {
            self.clear_selection();
            self.select(Some(Filler::Event(id)), true);
        }
    }

    /// Applies an edit, or says in the status bar why it could not be made.
    pub(super) fn apply_result(&mut self, built: Result<Edit, EditError>) -> bool {
        let author = &self.settings.annotator;
        let built = built.map(|edit| ops::listing_author(self.session.project(), edit, author));
        match built.and_then(|edit| self.session.apply(edit)) {
            Ok(label) => {
                self.view.status = format!("Done: {label}");
                true
            }
            Err(err) => {
                self.view.status = format!("Not done: {err}");
                false
            }
        }
    }

    /// [`Self::apply_result`] for edits that create an annotation; returns its id.
    pub(super) fn apply_built<T>(&mut self, built: Result<(Edit, T), EditError>) -> Option<T> {
        match built {
            Ok((edit, id)) => self.apply_result(Ok(edit)).then_some(id),
            Err(err) => {
                self.apply_result(Err(err));
                None
            }
        }
    }
}
