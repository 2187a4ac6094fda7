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
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Done>,
    redo: Vec<Done>,
    next_serial: u64,
    saved_serial: u64,
}

impl History {
    /// Applies `edit` to `project` and records it for undo; clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let undo = edit.apply(project)?;
        self.next_serial += 1;
        self.undo.push(Done {
            undo,
            serial: self.next_serial,
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
        self.undo.last().map_or(0, |d| d.serial)
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
