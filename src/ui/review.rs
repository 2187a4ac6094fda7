//! Reviewing a colleague's work beside one's own: their project of the same articles is
//! read, and the agreement and every disagreement with the open project are kept up to
//! date as the user edits, so that the list shrinks as the differences are resolved.

use crate::model::Project;
use crate::review::disagreement::DisagreementKind;
use crate::review::report::{PairReport, agreement_report};
use crate::review::{Disagreement, align};
use std::path::PathBuf;

/// The colleague's project and what comparing it with the open one gives.
pub struct ReviewState {
    /// Their project, as read.
    pub other: Project,
    /// Its file.
    pub path: PathBuf,
    /// The figures, the open project taken as the reference (A).
    pub report: PairReport,
    /// Every difference, in document and text order.
    pub disagreements: Vec<Disagreement>,
    /// Documents not compared, and why.
    pub not_compared: Vec<String>,
    /// The disagreement shown last (an index into `disagreements`).
    pub current: Option<usize>,
    /// Only this kind of difference is listed, when set.
    pub kind: Option<DisagreementKind>,
    /// The open project's generation the figures were computed for.
    generation: (u64, usize),
}

impl ReviewState {
    /// Compares `mine` (at `generation`) with `other`, read from `path`.
    pub fn new(mine: &Project, generation: (u64, usize), other: Project, path: PathBuf) -> Self {
        let mut state = Self {
            report: PairReport::default(),
            disagreements: Vec::new(),
            not_compared: Vec::new(),
            current: None,
            kind: None,
            generation,
            other,
            path,
        };
        state.compare(mine);
        state
    }

    /// Compares again if the open project changed since the last comparison.
    pub fn refresh(&mut self, mine: &Project, generation: (u64, usize)) {
        if generation != self.generation {
            self.generation = generation;
            self.compare(mine);
        }
    }

    fn compare(&mut self, mine: &Project) {
        let alignment = align(&[mine, &self.other]);
        let names = ["yours".to_string(), self.path.display().to_string()];
        let mut report = agreement_report(&alignment, &names);
        self.not_compared = alignment
            .mismatches
            .iter()
            .map(ToString::to_string)
            .collect();
        // Two projects make one pair.
        let Some((pair_report, pair)) = report.pairs.pop() else {
            return;
        };
        self.report = pair_report;
        self.disagreements = pair.disagreements;
        if self.current.is_some_and(|i| i >= self.disagreements.len()) {
            self.current = self.disagreements.len().checked_sub(1);
        }
    }

    /// The indices of the disagreements listed under the current filter.
    pub fn listed(&self) -> Vec<usize> {
        self.disagreements
            .iter()
            .enumerate()
            .filter(|(_, d)| self.kind.is_none_or(|k| d.kind == k))
            .map(|(i, _)| i)
            .collect()
    }

    /// The next (or, `backwards`, previous) listed disagreement after the current one,
    /// wrapping around.
    pub fn step(&self, backwards: bool) -> Option<usize> {
        let listed = self.listed();
        let position = self
            .current
            .and_then(|c| listed.iter().position(|&i| i == c));
        let next = match (position, backwards) {
            (None, false) => 0,
            (None, true) => listed.len().checked_sub(1)?,
            (Some(p), false) => (p + 1) % listed.len(),
            (Some(p), true) => (p + listed.len() - 1) % listed.len(),
        };
        listed.get(next).copied()
    }
}
