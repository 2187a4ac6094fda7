//! Runtime state of the search panel and of the "Annotate all" dialog: the query, its
//! options and its hits, kept up to date with the project. Never saved.
//!
//! A search runs on the UI thread when the query, its options or the project change:
//! [`crate::search`] is linear in the text and stops at [`MAX_HITS`], so a 1,000-article
//! project is searched in milliseconds, and a hit list stays small enough to draw.

use crate::model::{Project, Span};
use crate::search::{
    Found, Hit, OccurrenceMatching, Query, SearchOptions, search_at_most, untagged_occurrences,
};

/// The most hits listed; the panel says when there were more.
pub const MAX_HITS: usize = 10_000;

/// The search panel, while it is open.
#[derive(Clone, Debug)]
pub struct SearchState {
    /// What the user typed.
    pub query: String,
    /// Regex, case, accents and the type filter.
    pub options: SearchOptions,
    /// The hits of the query on the project as it is.
    pub found: Found,
    /// Why the query cannot run (a bad regular expression), if it cannot.
    pub error: Option<String>,
    /// The hit shown last.
    pub current: Option<usize>,
    /// What `found` was computed for: the query, its options and the project's
    /// generation.
    ran: Option<(String, SearchOptions, (u64, usize))>,
}

impl Default for SearchState {
    fn default() -> Self {
        Self {
            query: String::new(),
            // People looking through articles expect "palmyre" to find "Palmyre".
            options: SearchOptions {
                ignore_case: true,
                ignore_accents: true,
                ..Default::default()
            },
            found: Found::default(),
            error: None,
            current: None,
            ran: None,
        }
    }
}

impl SearchState {
    /// Runs the query again at the next refresh: the project was replaced, or grew
    /// without an edit.
    pub fn stale(&mut self) {
        self.ran = None;
    }

    /// Runs the query again if it, its options or the project (`generation`) changed.
    pub fn refresh(&mut self, project: &Project, generation: (u64, usize)) {
        let key = (self.query.clone(), self.options.clone(), generation);
        if self.ran.as_ref() == Some(&key) {
            return;
        }
        self.ran = Some(key);
        self.current = None;
        self.error = None;
        self.found = Found::default();
        if self.query.is_empty() && !self.options.searches_annotations() {
            return;
        }
        match Query::new(&self.query, &self.options) {
            Ok(query) => self.found = search_at_most(project, &query, MAX_HITS),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// The hits listed.
    pub fn hits(&self) -> &[Hit] {
        &self.found.hits
    }
}

/// The "Annotate all" dialog: the occurrences of a text not yet tagged as a type, each
/// to accept or skip.
#[derive(Clone, Debug)]
pub struct AnnotateAllState {
    /// The document the text was selected in.
    pub doc: usize,
    /// The selected text.
    pub text: String,
    /// The entity type to tag them as.
    pub entity_type: String,
    /// Look in every document, not only `doc`.
    pub whole_project: bool,
    /// Whole words only, and whether case matters.
    pub matching: OccurrenceMatching,
    /// The occurrences not yet tagged as `entity_type`.
    pub hits: Vec<Hit>,
    /// Whether each hit is to be tagged (all at first).
    pub checked: Vec<bool>,
}

impl AnnotateAllState {
    /// The occurrences of `text` in document `doc` of `project` not yet tagged as
    /// `entity_type`.
    pub fn new(project: &Project, doc: usize, text: String, entity_type: String) -> Self {
        let mut state = Self {
            doc,
            text,
            entity_type,
            whole_project: false,
            matching: OccurrenceMatching::default(),
            hits: Vec::new(),
            checked: Vec::new(),
        };
        state.refresh(project);
        state
    }

    /// Finds the occurrences again (another type or scope); all are checked.
    pub fn refresh(&mut self, project: &Project) {
        let doc = (!self.whole_project).then_some(self.doc);
        self.hits =
            untagged_occurrences(project, doc, &self.text, &self.entity_type, self.matching);
        self.checked = vec![true; self.hits.len()];
    }

    /// The checked occurrences, as (document, span).
    pub fn targets(&self) -> Vec<(usize, Span)> {
        self.hits
            .iter()
            .zip(&self.checked)
            .filter(|(_, checked)| **checked)
            .map(|(hit, _)| (hit.doc, hit.span()))
            .collect()
    }
}
