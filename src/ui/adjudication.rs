//! Adjudicating a gold version: the open project is the gold one, built from the
//! annotators' projects kept here; what they did not agree on is a list of items that
//! the adjudicator walks through with the keyboard, accepting a version or rejecting
//! them all. The list and the progress follow every edit, undo and redo.

use crate::model::Project;
use crate::review::merge::{Item, Progress, Source, Strategy, open_items, progress};
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

    /// Lists the items again if the gold project changed. The item shown stays at its
    /// position: once decided, the next one takes its place.
    pub fn refresh(&mut self, gold: &Project, generation: (u64, usize)) {
        if generation != self.generation {
            self.generation = generation;
            self.recount(gold);
        }
    }

    fn recount(&mut self, gold: &Project) {
        let sources = self.sources();
        let items = open_items(gold, &sources);
        let progress = progress(gold, &sources);
        self.items = items;
        self.progress = progress;
        if self.current.is_some_and(|i| i >= self.items.len()) {
            self.current = self.items.len().checked_sub(1);
        }
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
        Some(match (self.current, backwards) {
            (None, false) => 0,
            (None, true) => count - 1,
            (Some(i), false) => (i + 1) % count,
            (Some(i), true) => (i + count - 1) % count,
        })
    }
}
