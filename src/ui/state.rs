//! Runtime state of the window: what the user is looking at and what waits for an answer.
//! Never saved as settings; the project itself lives in [`super::session::Session`].

use crate::model::{Document, EventId, Filler, Span};
use std::path::PathBuf;

/// What the user looks at and is in the middle of doing.
#[derive(Default)]
pub struct ViewState {
    /// Index of the shown document.
    pub doc: usize,
    /// Selected text of the shown document.
    pub selection: Option<Span>,
    /// Selected mention or event.
    pub selected: Option<Filler>,
    /// A role waiting for a click on a highlight.
    pub active_role: Option<(EventId, String)>,
    /// A relation being made with the mouse: waits for a click on its second end, then
    /// for its type.
    pub linking: Option<Linking>,
    /// Where the tag popup is open.
    pub popup: Option<egui::Pos2>,
    /// The command palette's query, when it is open.
    pub palette: Option<String>,
    /// An annotation the side panel scrolls into view on the next frame.
    pub reveal: Option<Filler>,
    /// The last thing that happened, for the status bar.
    pub status: String,
    /// Show how long the last frame took to build, in the status bar.
    pub show_frame_time: bool,
    /// How the event table is sorted and filtered, and which of its columns show.
    pub event_table: super::event_table::EventTableState,
    /// The keyboard's cell in the event table and the cell editor open, if any.
    pub table_cursor: super::table_cursor::TableCursor,
    /// The "link to incident" popup, while it is open.
    pub link_incident: Option<super::incident_link::LinkPopup>,
}

/// A relation in the making: from the selected annotation to the one clicked next, or
/// chosen with the keyboard (Tab, Shift+Tab, then Enter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Linking {
    /// The first end (the annotation selected when the link began).
    pub from: Filler,
    /// The second end, once clicked: then the relation's type is asked.
    pub to: Option<Filler>,
    /// The mention Tab moved to, outlined; Enter makes it the second end.
    pub candidate: Option<Filler>,
}

impl Linking {
    /// A link from `from`, waiting for its second end.
    pub fn from(from: Filler) -> Self {
        Self {
            from,
            to: None,
            candidate: None,
        }
    }

    /// The link with the next mention of `doc` in reading order (the previous one when
    /// not `forward`) as its candidate: next after the candidate, or after the first
    /// end at first, round the document; never the first end itself.
    pub fn step(self, doc: &Document, forward: bool) -> Self {
        let start_of = |f: Filler| match f {
            Filler::Mention(id) => doc.mention(id).map(|m| (m.extent(), f)),
            Filler::Event(id) => doc
                .event(id)
                .and_then(|e| e.trigger.first().map(|t| (*t, f))),
        };
        let mut order: Vec<(Span, Filler)> = doc
            .mentions
            .iter()
            .map(|m| (m.extent(), Filler::Mention(m.id)))
            .filter(|(_, f)| *f != self.from)
            .collect();
        order.sort_by_key(|(span, f)| (span.start, span.end, *f));
        let Some(reference) = start_of(self.candidate.unwrap_or(self.from)) else {
            return self;
        };
        let key = |(span, f): &(Span, Filler)| (span.start, span.end, *f);
        let reference = key(&reference);
        let next = if forward {
            order.iter().find(|m| key(m) > reference).or(order.first())
        } else {
            order
                .iter()
                .rev()
                .find(|m| key(m) < reference)
                .or(order.last())
        };
        Self {
            candidate: next.map(|(_, f)| *f),
            ..self
        }
    }
}

/// Something that interrupts the work and waits for the user.
pub enum Dialog {
    /// Something could not be done; nothing was changed.
    Failed(super::failure::Failure),
    /// Something was done, with things to read (a repair's changes, import warnings).
    Report {
        /// What was done.
        title: String,
        /// Each change or warning, with its file, line, document and annotation.
        diagnostics: Vec<crate::model::Diagnostic>,
    },
    /// Unsaved changes would be lost by `then`.
    Unsaved(Pending),
    /// The project parsed but is inconsistent: it can be repaired into a copy.
    Invalid {
        /// The project, left untouched.
        path: PathBuf,
        /// Every problem, with document and annotation.
        error: crate::io::LoadError,
    },
    /// Another running eventail has this project open.
    Locked {
        /// The project.
        path: PathBuf,
        /// Who has it open.
        owner: crate::io::LockOwner,
    },
    /// Save as chose a project that another running eventail has open.
    SaveLocked {
        /// The file chosen.
        path: PathBuf,
        /// Who has it open.
        owner: crate::io::LockOwner,
        /// What waited for the save.
        then: Option<Pending>,
    },
    /// The project's file changed on disk since it was read (another program wrote it):
    /// saving would overwrite that change.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What waited for the save.
        then: Option<Pending>,
    },
    /// An autosave that differs from the project was found when opening it.
    Recover {
        /// The project.
        path: PathBuf,
        /// The recovery file.
        recovery: PathBuf,
    },
}

/// What to do once the user has decided about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Close the window.
    Quit,
    /// Start an empty project.
    NewProject,
    /// Choose a project to open.
    Open,
    /// Open this project.
    OpenPath(PathBuf),
    /// Choose a file or folder in this format and open it as a new project.
    ImportProject(crate::formats::Format),
    /// Choose annotators' projects and build a gold version from them.
    BuildGold,
}

/// The user's answer to the open [`Dialog`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Close a message.
    Ok,
    /// Save the changes first.
    Save,
    /// Lose the changes.
    Discard,
    /// Do nothing.
    Cancel,
    /// Open a project that another eventail has open, without saving over it.
    ReadOnly,
    /// Take another eventail's lock (the user is sure it is gone).
    TakeOver,
    /// Mend an inconsistent project into a copy.
    Repair,
    /// Take back the autosaved work.
    Recover,
    /// Remove an autosave that is not wanted.
    DiscardRecovery,
    /// Save as another file instead.
    ChooseAnother,
    /// Write over a file that changed on disk.
    Overwrite,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MentionId;

    #[test]
    fn tab_walks_the_other_mentions_in_reading_order_round_the_document() {
        let mut doc = Document::new("d", "n", "a b c d");
        let stamp = crate::edit::Stamp::default();
        // Stored out of reading order, on purpose.
        for (id, start) in [(1, 4), (2, 0), (3, 6), (4, 2)] {
            doc.mentions.push(crate::edit::ops::new_mention(
                MentionId(id),
                "place",
                vec![Span::new(start, start + 1)],
                &stamp,
            ));
        }
        let m = |id| Some(Filler::Mention(MentionId(id)));
        // From "c" (M1): d, then round to a, b, skipping c itself.
        let link = Linking::from(Filler::Mention(MentionId(1)));
        let walk: Vec<_> = std::iter::successors(Some(link), |l| Some(l.step(&doc, true)))
            .skip(1)
            .take(4)
            .map(|l| l.candidate)
            .collect();
        assert_eq!(walk, vec![m(3), m(2), m(4), m(3)]);
        let back = link.step(&doc, false);
        assert_eq!(back.candidate, m(4));
        assert_eq!(back.step(&doc, false).candidate, m(2));
        assert_eq!(back.step(&doc, false).step(&doc, false).candidate, m(3));
        // Alone in its document, a mention has nothing to link to.
        let mut alone = Document::new("d", "n", "a");
        alone.mentions.push(doc.mentions[0].clone());
        assert_eq!(
            Linking::from(Filler::Mention(MentionId(1)))
                .step(&alone, true)
                .candidate,
            None
        );
    }
}
