//! The open project and its one owner: every change to it goes through [`Session::apply`],
//! [`Session::undo`], [`Session::redo`] or a replacement, so that the history, the saved
//! state and the autosave can never disagree with what is on screen.

use crate::edit::{Edit, EditError, History, Touched};
use crate::io::{FileStamp, ProjectLock};
use crate::model::Project;
use std::path::{Path, PathBuf};

/// The open project with its file, its lock and its undo history.
pub struct Session {
    project: Project,
    history: History,
    path: Option<PathBuf>,
    lock: Option<ProjectLock>,
    read_only: bool,
    /// What the file held when read or last written here.
    stamp: Option<FileStamp>,
    /// The documents changed since [`Session::take_touched`] was last called.
    touched: Touched,
    /// Which project this is: a new one for each session and each replacement of its
    /// project, so that a save that ends after the project was replaced marks nothing.
    epoch: u64,
    /// How many documents of the file are still being read (see
    /// [`Session::opened_first`]).
    to_come: Option<usize>,
    /// The file whose first document this project holds, the rest unreadable: never
    /// to be written over from here.
    unread_source: Option<PathBuf>,
}

/// The next [`Session::epoch`].
fn next_epoch() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static EPOCHS: AtomicU64 = AtomicU64::new(1);
    EPOCHS.fetch_add(1, Ordering::Relaxed)
}

/// An edit that was undone or redone: its label and the document it showed.
pub struct Step {
    /// What the edit did.
    pub label: String,
    /// The document it changed, if one.
    pub doc: Option<usize>,
}

impl Session {
    /// A project that has no file yet (new, imported, or the built-in sample).
    pub fn unsaved(project: Project) -> Self {
        Self {
            project,
            history: History::default(),
            path: None,
            lock: None,
            read_only: false,
            stamp: None,
            touched: Touched::Everything,
            epoch: next_epoch(),
            to_come: None,
            unread_source: None,
        }
    }

    /// A project read from `path` as `stamp` says the file was, holding its `lock`
    /// (none when read-only, or where no lock can be written).
    pub fn opened(
        project: Project,
        path: PathBuf,
        lock: Option<ProjectLock>,
        read_only: bool,
        stamp: Option<FileStamp>,
    ) -> Self {
        Self {
            project,
            history: History::default(),
            path: Some(path),
            lock,
            read_only,
            stamp,
            touched: Touched::Everything,
            epoch: next_epoch(),
            to_come: None,
            unread_source: None,
        }
    }

    /// The first document of the project at `path`, the other `to_come` still being
    /// read: it can be edited at once; what needs the whole project waits for
    /// [`Session::take_rest`].
    pub fn opened_first(
        project: Project,
        to_come: usize,
        path: PathBuf,
        lock: Option<ProjectLock>,
        read_only: bool,
        stamp: Option<FileStamp>,
    ) -> Self {
        let mut session = Self::opened(project, path, lock, read_only, stamp);
        session.to_come = Some(to_come);
        session
    }

    /// The changes made to the first document of `source`, whose other documents
    /// could not be read: a project with no file yet, unsaved, that is never saved over
    /// `source`.
    pub fn kept_from_unread(project: Project, source: PathBuf) -> Self {
        let mut session = Self::unsaved(project);
        session.history.mark_unsaved();
        session.unread_source = Some(source);
        session
    }

    /// The file that could not be read whole, if this project holds changes to its
    /// first document (see [`Session::kept_from_unread`]).
    pub fn unread_source(&self) -> Option<&Path> {
        self.unread_source.as_deref()
    }

    /// How many documents are still being read, if some are.
    pub fn documents_to_come(&self) -> Option<usize> {
        self.to_come
    }

    /// Puts the documents after the first from `whole`, the project read entirely,
    /// beside the first one, as edited meanwhile. Those edits could touch nothing but
    /// that document and what it reports (see [`Session::opened_first`]), so the rest
    /// of the project, read before them, is kept as edited too.
    pub fn take_rest(&mut self, whole: Project) {
        let mut documents = whole.documents;
        if let (Some(first), Some(slot)) = (self.project.documents.first(), documents.get_mut(0)) {
            *slot = first.clone();
        }
        self.project.documents = documents;
        self.history.renew();
        self.to_come = None;
        self.touched = Touched::Everything;
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Its file, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What the file held when it was read or last written here, if known.
    pub fn stamp(&self) -> Option<&FileStamp> {
        self.stamp.as_ref()
    }

    /// Opened while another eventail had it: saving over its file is refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// True when the project differs from its file (or has none and was changed).
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Changes whenever the project does (edit, undo, redo, replacement).
    pub fn generation(&self) -> (u64, usize) {
        self.history.generation()
    }

    /// Which project this is (see [`Session::generation`] for its states): changes when
    /// the project is replaced.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// What undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Applies `edit` and records it for undo; returns its label.
    pub fn apply(&mut self, edit: Edit) -> Result<String, EditError> {
        let label = edit.label.clone();
        // Nothing to change (linking an event to the incident it reports already): no
        // step to undo, and the project stays as saved.
        if edit.changes.is_empty() {
            return Ok(label);
        }
        let mut touched = self.touched.clone();
        touched.add_edit(&edit);
        self.history.apply(&mut self.project, edit)?;
        self.touched = touched;
        Ok(label)
    }

    /// Undoes the last edit, if any.
    pub fn undo(&mut self) -> Option<Step> {
        stepped(&mut self.touched, self.history.undo(&mut self.project))
    }

    /// Redoes the last undone edit, if any.
    pub fn redo(&mut self) -> Option<Step> {
        stepped(&mut self.touched, self.history.redo(&mut self.project))
    }

    /// The documents changed since the last call (everything at first).
    pub fn take_touched(&mut self) -> Touched {
        std::mem::take(&mut self.touched)
    }

    /// Replaces the project's content (with a recovered autosave): no undo history, and
    /// unsaved until saved.
    pub fn replace_project(&mut self, project: Project) {
        self.project = project;
        self.history = History::default();
        self.history.mark_unsaved();
        self.touched = Touched::Everything;
        self.epoch = next_epoch();
    }

    /// Marks the project as new and never saved (an import made into a project).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// Records that the project as it was at `generation` was written to `path`, which
    /// then held `stamp`: that state of the history is the saved one (edits made since
    /// stay unsaved); a new file comes with its own lock, and the old lock goes.
    pub fn saved_to(
        &mut self,
        path: PathBuf,
        lock: Option<ProjectLock>,
        stamp: Option<FileStamp>,
        generation: (u64, usize),
    ) {
        self.history.mark_saved_at(generation);
        self.stamp = stamp;
        if self.path.as_deref() != Some(path.as_path()) {
            self.lock = lock;
            self.read_only = false;
            self.path = Some(path);
        }
    }
}

/// The step that undo or redo made (`edit`, now on the other stack), counted in
/// `touched`; none made may mean a step that failed and forgot the history, after which
/// anything may differ.
fn stepped(touched: &mut Touched, edit: Option<&Edit>) -> Option<Step> {
    let Some(edit) = edit else {
        *touched = Touched::Everything;
        return None;
    };
    touched.add_edit(edit);
    Some(Step {
        label: edit.label.clone(),
        doc: edit.doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_that_changes_nothing_leaves_no_step_and_no_change() {
        let project = Project::new("p", crate::io::default_schema());
        let mut session = Session::opened(project, PathBuf::from("p.ron"), None, false, None);
        let generation = session.generation();
        let nothing = Edit {
            label: "link E1 to I1".into(),
            changes: Vec::new(),
            doc: Some(0),
        };
        assert_eq!(session.apply(nothing).as_deref(), Ok("link E1 to I1"));
        assert!(!session.is_dirty());
        assert_eq!(session.undo_label(), None);
        assert_eq!(session.generation(), generation);
    }
}
