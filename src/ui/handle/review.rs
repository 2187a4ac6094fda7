//! Comparing with a colleague's project: reading it, and walking through the
//! disagreements in the text.

use super::super::action::ReviewAction;
use super::super::app::EventailApp;
use super::super::failure::Failure;
use super::super::jobs::{self, Job, JobKind, JobOutput};
use super::super::review::ReviewState;
use super::super::state::Dialog;
use crate::io;
use crate::model::{Project, Span};
use std::path::PathBuf;

impl EventailApp {
    /// Reads the colleague's project at `path` (in the background when large) and
    /// compares it with the open one.
    pub(super) fn compare_with(&mut self, path: PathBuf) {
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        if size <= jobs::BACKGROUND_BYTES {
            let result = io::load_project(&path);
            self.finish_compare(path, result);
            return;
        }
        let label = format!("Reading {}", path.display());
        let job = Job::spawn(label, JobKind::Reads, &self.ctx, move |_| {
            JobOutput::Compared {
                result: io::load_project(&path),
                path,
            }
        });
        self.start_job(job);
    }

    /// Shows the comparison, or why the colleague's project could not be read.
    pub(super) fn finish_compare(&mut self, path: PathBuf, result: Result<Project, io::LoadError>) {
        match result {
            Ok(other) => {
                let generation = self.session.generation();
                let review = ReviewState::new(self.session.project(), generation, other, path);
                self.view.status = format!(
                    "{} difference(s) with {}: F8 shows the next",
                    review.disagreements.len(),
                    review.path.display()
                );
                self.review = Some(review);
            }
            Err(error) => self.dialog = Some(Dialog::Failed(Failure::Open(error))),
        }
    }

    pub(super) fn review_action(&mut self, action: ReviewAction) {
        match action {
            ReviewAction::Show(index) => self.show_disagreement(index),
            ReviewAction::Filter(kind) => {
                if let Some(review) = &mut self.review {
                    review.kind = kind;
                }
            }
            ReviewAction::Close => self.review = None,
        }
    }

    /// Shows the next (or previous) disagreement of the list.
    pub(super) fn step_disagreement(&mut self, backwards: bool) {
        let Some(next) = self.review.as_ref().and_then(|r| r.step(backwards)) else {
            self.view.status = "No disagreement to show".into();
            return;
        };
        self.show_disagreement(next);
    }

    /// Shows disagreement `index`: its document, its text selected and in view.
    fn show_disagreement(&mut self, index: usize) {
        let Some(review) = &mut self.review else {
            return;
        };
        let Some(d) = review.disagreements.get(index) else {
            return;
        };
        review.current = Some(index);
        let (name, ranges) = (d.document.clone(), d.ranges.clone());
        let Some(doc) = self
            .session
            .project()
            .documents
            .iter()
            .position(|doc| doc.name == name)
        else {
            return;
        };
        self.show_document(doc);
        let start = ranges.iter().map(|r| r.start).min();
        let end = ranges.iter().map(|r| r.end).max();
        if let (Some(start), Some(end)) = (start, end) {
            self.view.selection = Some(Span::new(start, end));
            self.view.popup = None;
            self.article.scroll_to(start);
        }
    }
}
