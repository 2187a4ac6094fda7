//! Reviewing colleagues' work beside one's own: their projects of the same articles are
//! read, and the agreement of every pair, the figures and every disagreement of the
//! chosen pair are kept up to date as the user edits, so that the list shrinks as the
//! differences are resolved. The disagreements of the shown document are also drawn in
//! the article ([`Mark`]).

use crate::model::{Project, Span};
use crate::review::agreement::PairAgreement;
use crate::review::disagreement::DisagreementKind;
use crate::review::report::{PairReport, agreement_report};
use crate::review::{CharacterAgreement, Disagreement, align};
use std::collections::HashMap;
use std::path::PathBuf;

/// A colleague's project, as read.
pub struct Colleague {
    /// Their file.
    pub path: PathBuf,
    /// Their project.
    pub project: Project,
}

/// The tabs of the review panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewTab {
    /// Every disagreement of the pair.
    #[default]
    Differences,
    /// Agreement per type and role, as a table and a chart.
    Types,
    /// Agreement per document.
    Documents,
    /// Every pair of annotators.
    Pairs,
}

/// Which annotator of the pair has a disagreement's version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Only A (the reference of the pair).
    OnlyA,
    /// Only B.
    OnlyB,
    /// Both, differently (type, boundaries).
    Both,
}

impl Side {
    /// Who has `d`'s versions.
    pub fn of(d: &Disagreement) -> Self {
        match (d.a.is_empty(), d.b.is_empty()) {
            (false, true) => Side::OnlyA,
            (true, false) => Side::OnlyB,
            _ => Side::Both,
        }
    }
}

/// One range of a disagreement, drawn in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The characters.
    pub span: Span,
    /// Who has this version.
    pub side: Side,
    /// The disagreement it belongs to (an index into the pair's list).
    pub index: usize,
    /// What the annotators say, shown when the pointer rests on it.
    pub hover: String,
}

/// How a table of the panel is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableSort {
    /// The column, from 0 (the name).
    pub column: usize,
    /// Largest first.
    pub descending: bool,
}

/// The colleagues' projects and what comparing them with the open one gives.
pub struct ReviewState {
    /// Their projects, as read.
    pub colleagues: Vec<Colleague>,
    /// Every annotator's name: the open project's first, then each colleague's.
    pub names: Vec<String>,
    /// The pair shown, as positions in `names` (0 is the open project).
    pub pair: (usize, usize),
    /// The figures of every pair, in the order (0,1), (0,2), ..., (1,2), ...
    pub pairs: Vec<PairReport>,
    /// The figures of the shown pair.
    pub report: PairReport,
    /// Character agreement of all the annotators together.
    pub all: Option<CharacterAgreement>,
    /// The counts of the shown pair, per type and document, with its disagreements.
    pub agreement: PairAgreement,
    /// Documents not compared, and why.
    pub not_compared: Vec<String>,
    /// The disagreement shown last (an index into the pair's disagreements).
    pub current: Option<usize>,
    /// Only this kind of difference is listed, when set.
    pub kind: Option<DisagreementKind>,
    /// Only differences of this type (or role) are listed, when set.
    pub type_name: Option<String>,
    /// The tab shown.
    pub tab: ReviewTab,
    /// How the tables are sorted.
    pub sort: TableSort,
    /// The marks of each document, by document name, sorted by start.
    marks: HashMap<String, Vec<Mark>>,
    /// The open project's generation the figures were computed for.
    generation: (u64, usize),
}

impl ReviewState {
    /// Compares `mine` (at `generation`, by `annotator`) with the `colleagues`' projects.
    pub fn new(
        mine: &Project,
        annotator: &str,
        generation: (u64, usize),
        colleagues: Vec<Colleague>,
    ) -> Self {
        let yours = if annotator.is_empty() {
            "yours".to_string()
        } else {
            format!("{annotator} (yours)")
        };
        let mut names = vec![yours];
        for c in &colleagues {
            let name = c.project.annotators.first().cloned().unwrap_or_else(|| {
                c.path
                    .file_stem()
                    .map_or("theirs".into(), |s| s.to_string_lossy().into_owned())
            });
            // Two colleagues of one name are told apart by their position.
            let name = if names.contains(&name) {
                format!("{name} ({})", names.len() + 1)
            } else {
                name
            };
            names.push(name);
        }
        let mut state = Self {
            colleagues,
            names,
            pair: (0, 1),
            pairs: Vec::new(),
            report: PairReport::default(),
            all: None,
            agreement: PairAgreement::default(),
            not_compared: Vec::new(),
            current: None,
            kind: None,
            type_name: None,
            tab: ReviewTab::default(),
            sort: TableSort::default(),
            marks: HashMap::new(),
            generation,
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

    /// Shows the pair `(a, b)` (positions in [`Self::names`]).
    pub fn choose_pair(&mut self, mine: &Project, pair: (usize, usize)) {
        let count = self.names.len();
        if pair.0 == pair.1 || pair.0 >= count || pair.1 >= count || pair == self.pair {
            return;
        }
        self.pair = pair;
        self.current = None;
        self.compare(mine);
    }

    fn compare(&mut self, mine: &Project) {
        let projects: Vec<&Project> = std::iter::once(mine)
            .chain(self.colleagues.iter().map(|c| &c.project))
            .collect();
        let alignment = align(&projects);
        let report = agreement_report(&alignment, &self.names);
        self.not_compared = alignment
            .mismatches
            .iter()
            .map(ToString::to_string)
            .collect();
        let (a, b) = self.pair;
        let mut pairs = Vec::with_capacity(report.pairs.len());
        for (i, (pair_report, pair)) in report.pairs.into_iter().enumerate() {
            if pair_position(self.names.len(), i) == Some((a, b)) {
                self.report = pair_report.clone();
                self.agreement = pair;
            }
            pairs.push(pair_report);
        }
        self.pairs = pairs;
        self.all = Some(report.all);
        self.marks = marks_by_document(&self.agreement.disagreements);
        let count = self.agreement.disagreements.len();
        if self.current.is_some_and(|i| i >= count) {
            self.current = count.checked_sub(1);
        }
    }

    /// Every disagreement of the shown pair.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.agreement.disagreements
    }

    /// The names of the pair shown.
    pub fn pair_names(&self) -> (&str, &str) {
        let name = |i: usize| self.names.get(i).map_or("?", String::as_str);
        (name(self.pair.0), name(self.pair.1))
    }

    /// The marks of the document named `name`, sorted by start.
    pub fn marks(&self, name: &str) -> &[Mark] {
        self.marks.get(name).map_or(&[], Vec::as_slice)
    }

    /// The types (and roles) that differ, sorted, each with how many times.
    pub fn types(&self) -> Vec<(&str, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for d in self.disagreements() {
            *counts.entry(d.type_name.as_str()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// The indices of the disagreements listed under the current filter.
    pub fn listed(&self) -> Vec<usize> {
        self.disagreements()
            .iter()
            .enumerate()
            .filter(|(_, d)| self.kind.is_none_or(|k| d.kind == k))
            .filter(|(_, d)| self.type_name.as_ref().is_none_or(|t| d.type_name == *t))
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

/// The pair of annotators at position `index` of the order (0,1), (0,2), ..., (1,2), ...
fn pair_position(count: usize, index: usize) -> Option<(usize, usize)> {
    (0..count)
        .flat_map(|a| (a + 1..count).map(move |b| (a, b)))
        .nth(index)
}

/// The marks of every disagreement, by document: A's ranges, and B's where they
/// differ.
fn marks_by_document(disagreements: &[Disagreement]) -> HashMap<String, Vec<Mark>> {
    let mut marks: HashMap<String, Vec<Mark>> = HashMap::new();
    for (index, d) in disagreements.iter().enumerate() {
        let side = Side::of(d);
        let hover = hover_text(d);
        let doc = marks.entry(d.document.clone()).or_default();
        for &span in &d.ranges {
            doc.push(Mark {
                span,
                side,
                index,
                hover: hover.clone(),
            });
        }
        for &span in &d.b_ranges {
            doc.push(Mark {
                span,
                side: Side::OnlyB,
                index,
                hover: hover.clone(),
            });
        }
    }
    for list in marks.values_mut() {
        list.sort_by_key(|m| (m.span.start, m.span.end));
    }
    marks
}

fn hover_text(d: &Disagreement) -> String {
    let version = |v: &str| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.to_string()
        }
    };
    format!(
        "{}: A {} · B {}",
        d.kind.label(),
        version(&d.a),
        version(&d.b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_numbered_in_the_reports_order() {
        let all: Vec<_> = (0..6).map(|i| pair_position(4, i)).collect();
        assert_eq!(
            all,
            [
                Some((0, 1)),
                Some((0, 2)),
                Some((0, 3)),
                Some((1, 2)),
                Some((1, 3)),
                Some((2, 3))
            ]
        );
        assert_eq!(pair_position(4, 6), None);
    }
}
