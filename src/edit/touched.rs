//! Which documents edits changed, so that what is computed per document (the items left
//! to adjudicate, their progress) is computed again for those alone rather than for a
//! whole project of thousands of documents after each keystroke.

use super::change::{Change, Edit};
use std::collections::BTreeSet;

/// The documents changed since the last time someone asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Touched {
    /// These documents (by index); the list of documents itself did not change.
    Documents(BTreeSet<usize>),
    /// Anything: documents were added, removed or replaced, or the schema changed.
    Everything,
}

impl Default for Touched {
    fn default() -> Self {
        Touched::Documents(BTreeSet::new())
    }
}

impl Touched {
    /// Adds what `edit` changes.
    pub fn add_edit(&mut self, edit: &Edit) {
        for change in &edit.changes {
            self.add_change(change);
        }
    }

    fn add_change(&mut self, change: &Change) {
        let Touched::Documents(documents) = self else {
            return;
        };
        match change {
            Change::SetAnnotation { doc, .. }
            | Change::SetNextId { doc, .. }
            | Change::SetStatus { doc, .. }
            | Change::SetLinks { doc, .. }
            | Change::SetDecisions { doc, .. }
            | Change::SetConflicts { doc, .. } => {
                documents.insert(*doc);
            }
            // Who annotated, and the incidents (which live beside the documents), change
            // nothing that is computed per document.
            Change::SetAnnotators { .. }
            | Change::SetIncident { .. }
            | Change::SetNextIncidentId { .. } => {}
            Change::InsertDocument { .. }
            | Change::RemoveDocument { .. }
            | Change::SetSchema { .. } => *self = Touched::Everything,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocStatus, Document};

    fn edit(changes: Vec<Change>) -> Edit {
        Edit {
            label: String::new(),
            changes,
            doc: None,
        }
    }

    #[test]
    fn document_changes_are_collected_and_a_new_document_is_everything() {
        let mut touched = Touched::default();
        touched.add_edit(&edit(vec![
            Change::SetStatus {
                doc: 3,
                status: DocStatus::Done,
            },
            Change::SetAnnotators {
                annotators: Vec::new(),
            },
            Change::SetNextId { doc: 1, next_id: 2 },
        ]));
        assert_eq!(touched, Touched::Documents([1, 3].into()));
        touched.add_edit(&edit(vec![Change::InsertDocument {
            index: 0,
            document: Box::new(Document::new("d", "d", "")),
        }]));
        assert_eq!(touched, Touched::Everything);
        touched.add_edit(&edit(vec![Change::SetNextId { doc: 1, next_id: 2 }]));
        assert_eq!(touched, Touched::Everything);
    }
}
