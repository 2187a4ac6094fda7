//! Comparing with a colleague's project: reading it, and walking through the
//! disagreements in the text.

use super::super::action::ReviewAction;
use super::super::app::EventailApp;
use super::super::failure::Failure;
use super::super::jobs::{self, Job, JobKind, JobOutput, ProjectsFor};
use super::super::review::{Colleague, ReviewState};
use super::super::state::Dialog;
use crate::io;
use crate::model::{Project, Span};
use std::path::PathBuf;

impl EventailApp {
    /// Compares the open project with the colleagues' projects at `paths` (as Review >
    /// Compare does), or adjudicates it as the gold version of the annotators' projects
    /// at `paths` (as Review > Build a gold version does); nothing when `paths` is
    /// empty. It starts once the project is read, which may take a while.
    pub fn read_when_open(&mut self, purpose: ProjectsFor, paths: Vec<PathBuf>) {
        if !paths.is_empty() {
            self.read_when_idle.push((purpose, paths));
        }
    }

    /// Reads the projects at `paths` (in the background when large), then compares
    /// them with the open one or builds a gold version from them.
    pub(in crate::ui) fn read_projects(&mut self, paths: Vec<PathBuf>, purpose: ProjectsFor) {
        if paths.is_empty() {
            return;
        }
        let size: u64 = paths
            .iter()
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
            .sum();
        let paths_count = paths.len();
        let read_all = move || {
            paths
                .into_iter()
                .map(|path| {
                    let result = io::load_project(&path);
                    (path, result)
                })
                .collect()
        };
        if size <= jobs::BACKGROUND_BYTES {
            self.finish_read(purpose, read_all());
            return;
        }
        let label = format!("Reading {paths_count} projects");
        let job = Job::spawn(label, JobKind::Reads, &self.ctx, move |_| {
            JobOutput::ProjectsRead {
                purpose,
                results: read_all(),
            }
        });
        self.start_job(job);
    }

    /// Carries on with the projects read for `purpose`.
    pub(super) fn finish_read(
        &mut self,
        purpose: ProjectsFor,
        results: Vec<(PathBuf, Result<Project, io::LoadError>)>,
    ) {
        match purpose {
            ProjectsFor::Compare => self.finish_compare(results),
            ProjectsFor::Gold => self.finish_gold(results),
        }
    }

    /// Shows the comparison, or why a colleague's project could not be read (then
    /// nothing is compared: figures without one of the annotators would mislead).
    fn finish_compare(&mut self, results: Vec<(PathBuf, Result<Project, io::LoadError>)>) {
        let mut colleagues = Vec::with_capacity(results.len());
        for (path, result) in results {
            match result {
                Ok(project) => colleagues.push(Colleague { path, project }),
                Err(error) => {
                    self.dialog = Some(Dialog::Failed(Failure::Open(error)));
                    return;
                }
            }
        }
        let generation = self.session.generation();
        let review = ReviewState::new(
            self.session.project(),
            &self.settings.annotator,
            generation,
            colleagues,
        );
        let (_, b) = review.pair_names();
        self.view.status = format!(
            "{} difference(s) with {b}: F8 shows the next",
            review.disagreements().len(),
        );
        self.review = Some(review);
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
            ReviewAction::FilterType(type_name) => {
                if let Some(review) = &mut self.review {
                    review.type_name = type_name;
                }
            }
            ReviewAction::Tab(tab) => {
                if let Some(review) = &mut self.review {
                    review.tab = tab;
                    // Each table has its own columns.
                    review.sort = Default::default();
                }
            }
            ReviewAction::Sort(sort) => {
                if let Some(review) = &mut self.review {
                    review.sort = sort;
                }
            }
            ReviewAction::ShowDocumentNamed(name) => {
                let project = self.session.project();
                if let Some(doc) = project.documents.iter().position(|d| d.name == name) {
                    self.show_document(doc);
                }
            }
            ReviewAction::ChoosePair(a, b) => {
                if let Some(review) = &mut self.review {
                    review.choose_pair(self.session.project(), (a, b));
                }
            }
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
        let Some(d) = review.disagreements().get(index) else {
            return;
        };
        let (name, ranges) = (d.document.clone(), d.ranges.clone());
        review.current = Some(index);
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
