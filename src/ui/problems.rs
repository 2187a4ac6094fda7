//! The state of the Problems panel: every schema-conformance problem of the project,
//! recomputed only when the project changes (its history's generation), with the
//! one-line text of each made once, so that drawing a long list costs nothing.

use crate::model::conformance::ProblemKind;
use crate::model::{Project, ProjectProblem, project_problems};

/// The Problems panel, while it is open.
#[derive(Debug, Default)]
pub struct ProblemsState {
    /// List only problems of this kind (or of every kind).
    pub filter: Option<ProblemKind>,
    /// The problem last shown, as an index in [`ProblemsState::shown`].
    pub current: Option<usize>,
    problems: Vec<ProjectProblem>,
    lines: Vec<String>,
    shown: Vec<usize>,
    generation: Option<(u64, usize)>,
}

impl ProblemsState {
    /// Recomputes the list at the next refresh: the project was replaced, or grew
    /// without an edit.
    pub fn stale(&mut self) {
        self.generation = None;
    }

    /// Recomputes the list when `generation` is not the one it was made from.
    pub fn refresh(&mut self, project: &Project, generation: (u64, usize)) {
        if self.generation == Some(generation) {
            return;
        }
        self.generation = Some(generation);
        self.problems = project_problems(project);
        self.lines = self.problems.iter().map(|p| p.line(project)).collect();
        self.current = None;
        self.apply_filter();
    }

    /// Lists only problems of `filter` (or all).
    pub fn set_filter(&mut self, filter: Option<ProblemKind>) {
        self.filter = filter;
        self.current = None;
        self.apply_filter();
    }

    fn apply_filter(&mut self) {
        self.shown = (0..self.problems.len())
            .filter(|&i| {
                self.filter
                    .is_none_or(|kind| self.problems.get(i).is_some_and(|p| p.kind == kind))
            })
            .collect();
    }

    /// Every problem of the project.
    pub fn all(&self) -> &[ProjectProblem] {
        &self.problems
    }

    /// How many problems are listed (after the filter).
    pub fn shown_len(&self) -> usize {
        self.shown.len()
    }

    /// The `i`-th listed problem and its line.
    pub fn shown(&self, i: usize) -> Option<(&ProjectProblem, &str)> {
        let at = *self.shown.get(i)?;
        Some((self.problems.get(at)?, self.lines.get(at)?.as_str()))
    }
}
