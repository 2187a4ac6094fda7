//! Adjudicating a gold version: the open project is the gold one, built from the
//! annotators' projects kept here; what they did not agree on is a list of items that
//! the adjudicator walks through with the keyboard, accepting a version or rejecting
//! them all. The list and the progress follow every edit, undo and redo.

use crate::edit::Touched;
use crate::model::{Project, Unit};
use crate::review::merge::{
    Item, Progress, Source, Strategy, open_items, open_items_in, progress, progress_in,
};
use std::path::PathBuf;

/// One annotator's project, as read.
pub struct Annotator {
    /// Their name, as the gold project records it.
    pub name: String,
    /// Their file.
    pub path: PathBuf,
    /// Their project.
    pub project: Project,
}

/// The annotators' projects and what is left to adjudicate.
pub struct AdjudicationState {
    /// The annotators, in the order their projects were given.
    pub annotators: Vec<Annotator>,
    /// The strategy of the last merge.
    pub strategy: Strategy,
    /// What is left to decide, by document and position.
    pub items: Vec<Item>,
    /// How far it has got.
    pub progress: Progress,
    /// The item shown (an index into `items`).
    pub current: Option<usize>,
    /// What the current item is about (document, start, first version), to find it
    /// again, or the place where it was once decided, after the list changes.
    anchor: Option<(usize, usize, Unit)>,
    /// False once the screen shows something else than the current item (the
    /// annotation just accepted, to edit it): the next step then shows the current one.
    pub shown: bool,
    /// The gold project's generation the items were computed for.
    generation: (u64, usize),
}

impl AdjudicationState {
    /// Adjudication of `gold` (at `generation`) from `annotators`' projects.
    pub fn new(
        gold: &Project,
        generation: (u64, usize),
        annotators: Vec<Annotator>,
        strategy: Strategy,
    ) -> Self {
        let mut state = Self {
            annotators,
            strategy,
            items: Vec::new(),
            progress: Progress::default(),
            current: None,
            anchor: None,
            shown: false,
            generation,
        };
        state.recount(gold);
        state
    }

    /// The annotators as the merge functions take them.
    pub fn sources(&self) -> Vec<Source<'_>> {
        self.annotators
            .iter()
            .map(|a| Source {
                name: a.name.clone(),
                project: &a.project,
            })
            .collect()
    }

    /// Lists the items again if the gold project changed: those of the `touched`
    /// documents only, when the edits say which. The item shown stays at its position:
    /// once decided, the next one takes its place.
    pub fn refresh(&mut self, gold: &Project, generation: (u64, usize), touched: &Touched) {
        if generation == self.generation {
            return;
        }
        self.generation = generation;
        match touched {
            Touched::Documents(documents)
                if self.progress.documents.len() == gold.documents.len() =>
            {
                for &doc in documents {
                    self.recount_document(gold, doc);
                }
                let documents = std::mem::take(&mut self.progress.documents);
                self.progress = Progress::of(documents);
                self.keep_current_in_range();
            }
            _ => self.recount(gold),
        }
    }

    /// Counts document `doc` again: its items replace its old ones, in place.
    fn recount_document(&mut self, gold: &Project, doc: usize) {
        let sources = self.sources();
        let fresh = open_items_in(gold, &sources, doc);
        let progress = progress_in(gold, &sources, doc);
        let start = self.items.partition_point(|i| i.doc < doc);
        let end = self.items.partition_point(|i| i.doc <= doc);
        self.items.splice(start..end, fresh);
        if let (Some(slot), Some(progress)) = (self.progress.documents.get_mut(doc), progress) {
            *slot = progress;
        }
    }

    /// Makes item `index` the current one.
    pub fn set_current(&mut self, index: usize) {
        self.current = Some(index);
        self.anchor = self
            .items
            .get(index)
            .and_then(|item| Some((item.doc, item.start(), item.versions.first()?.unit.clone())));
    }

    /// Finds the current item again after the list changed: the same item if it is
    /// still open, otherwise the one that now stands where it stood.
    fn keep_current_in_range(&mut self) {
        let Some((doc, start, unit)) = &self.anchor else {
            self.current = None;
            return;
        };
        let same = self.items.iter().position(|i| {
            i.doc == *doc
                && i.start() == *start
                && i.versions.first().is_some_and(|v| v.unit == *unit)
        });
        let index = same.unwrap_or_else(|| {
            self.items
                .partition_point(|i| (i.doc, i.start()) < (*doc, *start))
        });
        self.current = if self.items.is_empty() {
            None
        } else {
            Some(index.min(self.items.len() - 1))
        };
    }

    fn recount(&mut self, gold: &Project) {
        let sources = self.sources();
        let items = open_items(gold, &sources);
        let progress = progress(gold, &sources);
        self.items = items;
        self.progress = progress;
        self.keep_current_in_range();
    }

    /// The item shown, if any.
    pub fn current_item(&self) -> Option<&Item> {
        self.items.get(self.current?)
    }

    /// The next (or, `backwards`, previous) item, wrapping around.
    pub fn step(&self, backwards: bool) -> Option<usize> {
        let count = self.items.len();
        if count == 0 {
            return None;
        }
        if let (Some(current), false) = (self.current, self.shown) {
            return Some(current);
        }
        Some(match (self.current, backwards) {
            (None, false) => 0,
            (None, true) => count - 1,
            (Some(i), false) => (i + 1) % count,
            (Some(i), true) => (i + count - 1) % count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::ops::{self, Stamp};
    use crate::edit::{Edit, History};
    use crate::review::merge::{accept, merge_edit, reject};

    /// The sample as ana has it, and bob's copy with the first mention of two
    /// documents retyped.
    fn annotators() -> Vec<Annotator> {
        let sample = include_str!("../../projects/palmyre.ron");
        let ana = crate::io::project_from_str(sample, std::path::Path::new("p.ron")).unwrap();
        let mut bob = ana.clone();
        for doc in [0, 3] {
            let first = bob.documents[doc].mentions[0].clone();
            let other = if first.entity_type == "person" {
                "place"
            } else {
                "person"
            };
            let edit = ops::set_mention_type(&bob, doc, first.id, other, &Stamp::default());
            edit.unwrap().apply(&mut bob).unwrap();
        }
        [("ana", ana), ("bob", bob)]
            .into_iter()
            .map(|(name, project)| Annotator {
                name: name.into(),
                path: format!("{name}.ron").into(),
                project,
            })
            .collect()
    }

    #[test]
    fn counting_the_touched_documents_again_gives_what_a_full_count_gives() {
        let mut gold = Project::new("gold", crate::io::default_schema());
        let mut history = History::default();
        let state = AdjudicationState::new(&gold, (0, 0), annotators(), Strategy::Majority);
        let (edit, _) = merge_edit(
            &gold,
            &state.sources(),
            Strategy::Majority,
            &Stamp::default(),
        )
        .unwrap();
        history.apply(&mut gold, edit).unwrap();
        let mut state = AdjudicationState::new(
            &gold,
            history.generation(),
            annotators(),
            Strategy::Majority,
        );
        assert!(state.items.len() >= 2);
        let mut step = |state: &mut AdjudicationState, gold: &mut Project, edit: Edit| {
            let mut touched = Touched::default();
            touched.add_edit(&edit);
            history.apply(gold, edit).unwrap();
            state.refresh(gold, history.generation(), &touched);
            let full = AdjudicationState::new(gold, (0, 0), annotators(), Strategy::Majority);
            assert_eq!(state.items, full.items);
            assert_eq!(state.progress, full.progress);
        };
        let first = state.items[0].clone();
        let (edit, _) = accept(&gold, &state.sources(), &first, 0, &Stamp::default()).unwrap();
        step(&mut state, &mut gold, edit);
        let last = state.items[state.items.len() - 1].clone();
        let edit = reject(&gold, &last, &Stamp::default()).unwrap();
        step(&mut state, &mut gold, edit);
    }
}
