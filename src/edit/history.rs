//! Undo and redo stacks, and whether the project differs from its saved version.

use super::change::{Edit, EditError};
use crate::model::Project;

/// One applied edit with its inverse and a serial number that names the state after it.
#[derive(Clone, Debug)]
struct Done {
    undo: Edit,
    serial: u64,
}

/// The undo and redo stacks of one open project.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Done>,
    redo: Vec<Done>,
    /// The serial of the state before the first edit kept.
    base: u64,
    saved_serial: u64,
}

impl Default for History {
    /// No edit, the state saved.
    fn default() -> Self {
        let base = fresh_serial();
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            base,
            saved_serial: base,
        }
    }
}

/// A serial number no state of any history in this process had: panels keep what they
/// computed under a [`History::generation`], and must not take one project's for
/// another's (two projects just opened, no edit made in either).
fn fresh_serial() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl History {
    /// Applies `edit` to `project` and records it for undo; clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let undo = edit.apply(project)?;
        self.undo.push(Done {
            undo,
            serial: fresh_serial(),
        });
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit; returns it (its label and document) or `None` if none.
    pub fn undo(&mut self, project: &mut Project) -> Option<&Edit> {
        if step(&mut self.undo, &mut self.redo, project)? {
            self.redo.last().map(|d| &d.undo)
        } else {
            self.forget();
            None
        }
    }

    /// Redoes the last undone edit; returns it (its label and document) or `None`.
    pub fn redo(&mut self, project: &mut Project) -> Option<&Edit> {
        if step(&mut self.redo, &mut self.undo, project)? {
            self.undo.last().map(|d| &d.undo)
        } else {
            self.forget();
            None
        }
    }

    /// Label of the edit that undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|d| d.undo.label.as_str())
    }

    /// Label of the edit that redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|d| d.undo.label.as_str())
    }

    /// Remembers the current state as the saved one.
    pub fn mark_saved(&mut self) {
        self.saved_serial = self.current_serial();
    }

    /// Remembers the state of `generation` (see [`History::generation`]) as the saved
    /// one: a save that began there has ended. If the project has changed since, it
    /// stays dirty; if it has come back to that state (undo, redo), it is clean.
    pub fn mark_saved_at(&mut self, generation: (u64, usize)) {
        self.saved_serial = generation.0;
    }

    /// Marks the current state as differing from the file (a recovered autosave).
    pub fn mark_unsaved(&mut self) {
        self.saved_serial = u64::MAX;
    }

    /// True when the project differs from its last saved state.
    pub fn is_dirty(&self) -> bool {
        self.current_serial() != self.saved_serial
    }

    /// A number that changes whenever the project does (edits, undo, redo).
    pub fn generation(&self) -> (u64, usize) {
        (self.current_serial(), self.redo.len())
    }

    fn current_serial(&self) -> u64 {
        self.undo.last().map_or(self.base, |d| d.serial)
    }

    /// Gives every state a new serial, the saved one staying saved: the project changed
    /// without an edit (documents read after the first joined it), and what was
    /// computed from it before must be computed again.
    pub fn renew(&mut self) {
        let saved = self.saved_serial;
        let renewed = |serial: &mut u64, saved_serial: &mut u64| {
            let fresh = fresh_serial();
            if *serial == saved {
                *saved_serial = fresh;
            }
            *serial = fresh;
        };
        let mut saved_serial = self.saved_serial;
        renewed(&mut self.base, &mut saved_serial);
        for done in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            renewed(&mut done.serial, &mut saved_serial);
        }
        self.saved_serial = saved_serial;
    }

    fn forget(&mut self) {
        self.undo.clear();
        self.redo.clear();
        // The state on screen can no longer be tied to the saved one.
        self.saved_serial = u64::MAX;
    }
}

/// Moves the top edit of `from` onto `to`, applying it: `None` when `from` is empty,
/// `Some(false)` when the edit failed, which only happens when the project was changed
/// behind the history's back (the caller then forgets the history rather than lie).
fn step(from: &mut Vec<Done>, to: &mut Vec<Done>, project: &mut Project) -> Option<bool> {
    let done = from.pop()?;
    match done.undo.apply(project) {
        Ok(inverse) => {
            to.push(Done {
                undo: inverse,
                serial: done.serial,
            });
            Some(true)
        }
        Err(_) => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocStatus, Document, Project};

    fn project() -> Project {
        let mut project = Project::new("p", crate::io::default_schema());
        project.documents.push(Document::new("d", "D", "Un texte."));
        project
    }

    fn mark(project: &Project, status: DocStatus) -> Edit {
        crate::edit::ops::set_status(project, 0, status).expect("a document")
    }

    #[test]
    fn two_histories_never_share_a_generation() {
        assert_ne!(
            History::default().generation(),
            History::default().generation()
        );
    }

    #[test]
    fn renewing_changes_every_generation_and_keeps_what_is_saved_and_undoable() {
        let mut project = project();
        let mut history = History::default();
        let done = mark(&project, DocStatus::Done);
        history.apply(&mut project, done).expect("applies");
        history.mark_saved();
        let new = mark(&project, DocStatus::New);
        history.apply(&mut project, new).expect("applies");
        let before = history.generation();
        history.renew();
        assert_ne!(history.generation(), before);
        assert!(history.is_dirty());
        history.undo(&mut project).expect("undoes");
        assert!(
            !history.is_dirty(),
            "the saved state is still the saved one"
        );
        assert_eq!(project.documents[0].status, DocStatus::Done);
        history.undo(&mut project).expect("undoes");
        assert!(history.is_dirty());
        history.redo(&mut project).expect("redoes");
        assert!(!history.is_dirty());
    }
}
