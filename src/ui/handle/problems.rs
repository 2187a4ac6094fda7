//! The Problems panel's effects: opening and closing it, filtering, and showing a
//! problem (its document, its annotation selected and in view).

use super::super::action::ProblemsAction;
use super::super::app::EventailApp;
use super::super::problems::ProblemsState;
use crate::model::{AnnotationRef, Filler};

impl EventailApp {
    /// Opens the Problems panel (closes it when open).
    pub(super) fn toggle_problems(&mut self) {
        if self.problems.take().is_none() {
            let mut state = ProblemsState::default();
            state.refresh(self.session.project(), self.session.generation());
            self.problems = Some(state);
        }
    }

    pub(super) fn problems_action(&mut self, action: ProblemsAction) {
        let Some(problems) = &mut self.problems else {
            return;
        };
        match action {
            ProblemsAction::Filter(kind) => problems.set_filter(kind),
            ProblemsAction::Show(index) => self.show_problem(index),
            ProblemsAction::Close => self.problems = None,
        }
    }

    /// Shows listed problem `index`: its document, its annotation selected.
    fn show_problem(&mut self, index: usize) {
        let Some(problems) = &mut self.problems else {
            return;
        };
        let Some((problem, _)) = problems.shown(index) else {
            return;
        };
        let (doc, target) = (problem.doc, problem.target);
        problems.current = Some(index);
        self.show_document(doc);
        if self.view.doc != doc {
            return;
        }
        let target = match target {
            AnnotationRef::Mention(id) => Some(Filler::Mention(id)),
            AnnotationRef::Event(id) => Some(Filler::Event(id)),
            AnnotationRef::Relation(_) => None,
        };
        if target.is_some() {
            self.select(target, true);
        }
    }
}
