//! The documents of a project, each behind a shared pointer so that copying a project
//! copies pointers, not texts and annotations.
//!
//! A project is copied to be saved and autosaved off the UI thread (and to be exported
//! in the background); copying a thousand articles with their annotations took
//! milliseconds of the UI thread each time. Here a copy costs a pointer per document,
//! and the first change to a document after a copy copies that document alone
//! ([`Arc::make_mut`]). To everything else the list reads and writes as a `Vec` of
//! documents does, and the file holds the same list.

use super::document::Document;
use serde::{Serialize, Serializer};
use std::sync::Arc;

/// The documents of a list, in order.
pub type Iter<'a> =
    std::iter::Map<std::slice::Iter<'a, Arc<Document>>, fn(&Arc<Document>) -> &Document>;

/// The documents of a list, in order, to change.
pub type IterMut<'a> =
    std::iter::Map<std::slice::IterMut<'a, Arc<Document>>, fn(&mut Arc<Document>) -> &mut Document>;

/// The documents of a project, in the order the user sees them.
#[derive(Clone, Default, PartialEq)]
pub struct Documents(Vec<Arc<Document>>);

impl Documents {
    /// No documents.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many documents there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The documents in order.
    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(|d| &**d)
    }

    /// The documents in order, to change; each is copied first if a copy of the project
    /// shares it.
    pub fn iter_mut(&mut self) -> IterMut<'_> {
        self.0.iter_mut().map(Arc::make_mut)
    }

    /// Document `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&Document> {
        self.0.get(index).map(|d| &**d)
    }

    /// Document `index` to change, if there is one (copied first if shared).
    pub fn get_mut(&mut self, index: usize) -> Option<&mut Document> {
        self.0.get_mut(index).map(Arc::make_mut)
    }

    /// The first document.
    pub fn first(&self) -> Option<&Document> {
        self.get(0)
    }

    /// The last document.
    pub fn last(&self) -> Option<&Document> {
        self.0.last().map(|d| &**d)
    }

    /// Adds `document` at the end.
    pub fn push(&mut self, document: Document) {
        self.0.push(Arc::new(document));
    }

    /// Inserts `document` at `index` (panics past the end, as `Vec::insert` does).
    pub fn insert(&mut self, index: usize, document: Document) {
        self.0.insert(index, Arc::new(document));
    }

    /// Removes and returns document `index` (panics past the end, as `Vec::remove`
    /// does).
    pub fn remove(&mut self, index: usize) -> Document {
        Arc::unwrap_or_clone(self.0.remove(index))
    }

    /// Keeps only the documents for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&Document) -> bool) {
        self.0.retain(|d| keep(d));
    }

    /// Sorts the documents by `key`, stably.
    pub fn sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(&Document) -> K) {
        self.0.sort_by_key(|d| key(d));
    }

    /// Sorts the documents with `compare`, stably.
    pub fn sort_by(&mut self, mut compare: impl FnMut(&Document, &Document) -> std::cmp::Ordering) {
        self.0.sort_by(|a, b| compare(a, b));
    }

    /// Reverses the order of the documents.
    pub fn reverse(&mut self) {
        self.0.reverse();
    }
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl std::ops::Index<usize> for Documents {
    type Output = Document;

    fn index(&self, index: usize) -> &Document {
        &self.0[index]
    }
}

impl std::ops::IndexMut<usize> for Documents {
    fn index_mut(&mut self, index: usize) -> &mut Document {
        Arc::make_mut(&mut self.0[index])
    }
}

impl From<Vec<Document>> for Documents {
    fn from(documents: Vec<Document>) -> Self {
        documents.into_iter().collect()
    }
}

impl FromIterator<Document> for Documents {
    fn from_iter<I: IntoIterator<Item = Document>>(iter: I) -> Self {
        Self(iter.into_iter().map(Arc::new).collect())
    }
}

impl Extend<Document> for Documents {
    fn extend<I: IntoIterator<Item = Document>>(&mut self, iter: I) {
        self.0.extend(iter.into_iter().map(Arc::new));
    }
}

impl IntoIterator for Documents {
    type Item = Document;
    type IntoIter =
        std::iter::Map<std::vec::IntoIter<Arc<Document>>, fn(Arc<Document>) -> Document>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().map(Arc::unwrap_or_clone)
    }
}

impl<'a> IntoIterator for &'a Documents {
    type Item = &'a Document;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Documents {
    type Item = &'a mut Document;
    type IntoIter = IterMut<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl PartialEq<Vec<Document>> for Documents {
    fn eq(&self, other: &Vec<Document>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl Serialize for Documents {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}
