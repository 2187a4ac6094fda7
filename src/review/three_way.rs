//! A structured three-way merge of two versions of a project that share a common base:
//! what `eventail merge-driver` runs when git merges two branches of a project file.
//!
//! Teams share a project through git. Merged line by line, two annotators' files clash
//! on every counter and every list they both grew, or worse merge into a file that does
//! not load (two annotations `T12`). This merges what the file means instead: documents
//! by id, then annotations by id, each as a value. A change on one side is taken; the
//! same change on both is taken once; two different changes of one annotation are a
//! conflict, kept in the document ([`Conflict`](crate::model::Conflict)) with one
//! version in place and the other set aside, so that the merged file is still a valid
//! project, nothing is lost, and the user picks. New annotations that both sides
//! numbered alike are told apart by renumbering theirs ([`collisions`]).
//!
//! Everything is keyed by id in hash maps, so that the merge is near-linear in the
//! projects, thousands of documents and tens of thousands of annotations alike. Nothing
//! here reads or writes files: the command line does ([`crate::cli`]).

mod annotations;
mod collisions;
mod document;
mod incidents;
mod schema;
#[cfg(test)]
mod tests;
mod values;

use crate::model::{AnnotationRef, Document, DocumentIds, Project};
use std::collections::{HashMap, HashSet};
use std::fmt;
use values::{Merged, Side, merge3};

/// The merged project and what happened on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreeWay {
    /// The merged project: valid when the three inputs are.
    pub project: Project,
    /// Conflicts, renumberings and everything else merged by a rule the user should
    /// know about: document by document, then the project's name and the schema.
    pub notes: Vec<MergeNote>,
}

impl ThreeWay {
    /// The conflicts this merge found (kept in the merged project, where the user
    /// picks a version of each).
    pub fn conflicts(&self) -> impl Iterator<Item = &MergeNote> {
        self.notes.iter().filter(|n| n.is_conflict())
    }

    /// True when the merge found no conflict. Conflicts left unresolved in the inputs
    /// are carried over and do not count.
    pub fn is_clean(&self) -> bool {
        self.conflicts().next().is_none()
    }
}

/// A document as notes name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentLabel {
    /// Its id.
    pub id: String,
    /// Its name, as the merged project has it.
    pub name: String,
}

/// Something the merge did that the user should know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeNote {
    /// The document concerned, if any (none for the project's name).
    pub document: Option<DocumentLabel>,
    /// What happened.
    pub kind: NoteKind,
}

impl MergeNote {
    /// True for a conflict.
    pub fn is_conflict(&self) -> bool {
        matches!(self.kind, NoteKind::Conflict { .. })
    }
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// Two sides disagree on an annotation: both versions are kept in the document, one
    /// in place and the other in its conflicts, for the user to pick.
    Conflict {
        /// The annotation.
        target: AnnotationRef,
        /// How the sides disagree.
        cause: ConflictCause,
        /// The side whose version is in place.
        kept: String,
        /// The side whose version (or deletion) is set aside.
        set_aside: String,
    },
    /// A new annotation of one side was given a new id, because the other side had
    /// added another under the same id; every reference to it follows.
    Renumbered {
        /// The side whose annotation it is.
        side: String,
        /// Its id in that side's file.
        from: AnnotationRef,
        /// Its id in the merged project.
        to: AnnotationRef,
    },
    /// Something merged by a rule rather than by a plain three-way choice (a status
    /// changed on both sides, a document deleted on one side and changed on the
    /// other, a type added to the schema...), in words.
    Merged(String),
}

/// How two sides disagree on an annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictCause {
    /// Both changed it, differently.
    BothChanged,
    /// One changed it, the other deleted it.
    ChangedAndDeleted,
    /// One deleted it while the other changed something that refers to it (an event
    /// whose argument it is, a relation, a link...).
    DeletedButUsed,
    /// Arguments the two sides added apart make the event contain itself (one nested
    /// E2 in E1, the other E1 in E2): no file can hold both.
    ClosesCycle,
}

impl fmt::Display for NoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteKind::Conflict {
                target,
                cause,
                kept,
                set_aside,
            } => match cause {
                ConflictCause::BothChanged => write!(
                    f,
                    "{target} changed on both sides: both versions kept, the one of \
                     {kept} in place, the one of {set_aside} set aside"
                ),
                ConflictCause::ChangedAndDeleted => write!(
                    f,
                    "{target} changed by {kept}, deleted by {set_aside}: the changed \
                     version kept in place, the deletion set aside"
                ),
                ConflictCause::DeletedButUsed => write!(
                    f,
                    "{target} deleted by {set_aside}, but what {kept} has refers to it: \
                     kept in place as {kept} has it, the deletion set aside"
                ),
                ConflictCause::ClosesCycle => write!(
                    f,
                    "{target}: the arguments {kept} and {set_aside} added would make it \
                     contain itself: in place without the argument that closes the cycle, \
                     the version with it set aside"
                ),
            },
            NoteKind::Renumbered { side, from, to } => write!(
                f,
                "{from} added by {side} renumbered {to}: the other side added another \
                 annotation under its id"
            ),
            NoteKind::Merged(message) => f.write_str(message),
        }
    }
}

impl fmt::Display for MergeNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(doc) = &self.document {
            write!(f, "document {:?} ({}): ", doc.id, doc.name)?;
        }
        self.kind.fmt(f)
    }
}

/// Why two projects could not be merged.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ThreeWayError {
    /// Renumbering one side's new annotations would take ids past the largest.
    #[error(
        "document {document:?}: too few annotation ids are left to renumber the new \
         annotations of one side (`eventail repair` renumbers a document from 1)"
    )]
    IdsExhausted {
        /// The document's id.
        document: String,
    },
}

/// What the merge of the documents shares: the sides' names, the notes so far, and
/// the document ids taken.
struct Context<'a> {
    names: [&'a str; 2],
    notes: Vec<MergeNote>,
    doc_ids: DocumentIds,
}

impl<'a> Context<'a> {
    /// The name of `side`.
    fn name(&self, side: Side) -> &'a str {
        match side {
            Side::Ours => self.names[0],
            Side::Theirs => self.names[1],
        }
    }

    /// Notes `kind` about the document `label`.
    fn note(&mut self, label: &DocumentLabel, kind: NoteKind) {
        self.notes.push(MergeNote {
            document: Some(label.clone()),
            kind,
        });
    }

    /// Notes `kind` about `doc`.
    fn note_on(&mut self, doc: &Document, kind: NoteKind) {
        let label = DocumentLabel {
            id: doc.id.clone(),
            name: doc.name.clone(),
        };
        self.note(&label, kind);
    }
}

/// Merges `ours` and `theirs`, two versions of `base`, into one project; `ours_name`
/// and `theirs_name` name the sides in conflicts and notes (git's `ours` and `theirs`,
/// or the annotators).
///
/// Documents are matched by id, annotations by id inside them. For each: unchanged on
/// one side, the other side's version (or deletion); the same change on both, that
/// change; two different changes (or a change and a deletion) of an annotation, a
/// conflict, ours in place (theirs if ours deleted it) and the other in the document's
/// conflicts. New annotations that collide with ours' ids are renumbered on theirs'
/// side first. A document deleted on one side and changed on the other is kept; one
/// added on both sides with different texts is kept twice, theirs under a new id.
/// Statuses, names and metadata merge field by field: where both changed a field, the
/// less advanced status, or ours, with a note. Lists that point at annotations
/// (equivalences, normalisations, comments) and conflicts merge as sets, decisions unit
/// by unit; the schema is ours with what theirs added. The project's name is ours
/// unless only theirs changed it; the annotators are both lists, ours first.
pub fn three_way_merge(
    base: &Project,
    ours: &Project,
    theirs: &Project,
    ours_name: &str,
    theirs_name: &str,
) -> Result<ThreeWay, ThreeWayError> {
    let mut doc_ids = DocumentIds::of(ours);
    for d in &theirs.documents {
        doc_ids.take(&d.id);
    }
    let mut cx = Context {
        names: [ours_name, theirs_name],
        notes: Vec::new(),
        doc_ids,
    };
    /// The documents of `p` by id; of two with one id (a file that does not
    /// validate), the first.
    fn by_id(p: &Project) -> HashMap<&str, &Document> {
        let mut map = HashMap::with_capacity(p.documents.len());
        for d in &p.documents {
            map.entry(d.id.as_str()).or_insert(d);
        }
        map
    }
    let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
    let mut documents = Vec::with_capacity(ours.documents.len().max(theirs.documents.len()));
    for id in document_order(base, ours, theirs) {
        let [b, o, t] = [&b, &o, &t].map(|m| m.get(id).copied());
        documents.extend(document::merge_document_id(&mut cx, b, o, t)?);
    }
    let name = match merge3(&base.name, &ours.name, &theirs.name) {
        Merged::Agreed(name, _) => name.clone(),
        Merged::Conflict { ours: o, theirs: t } => {
            cx.notes.push(MergeNote {
                document: None,
                kind: NoteKind::Merged(format!(
                    "project renamed on both sides: {o:?} ({ours_name}) kept, not {t:?} \
                     ({theirs_name})"
                )),
            });
            o.clone()
        }
    };
    let mut schema = schema::merge_schema(&base.schema, &ours.schema, &theirs.schema);
    for (at, added) in schema::declare_used(&mut schema, &documents) {
        let Some(doc) = documents.get(at) else {
            continue;
        };
        let message = match &added.annotation {
            Some(annotation) => format!("{annotation}: {} (used there)", added.message),
            None => format!("{} (used there)", added.message),
        };
        cx.note_on(doc, NoteKind::Merged(message));
    }
    let mut annotators = ours.annotators.clone();
    let known: HashSet<&String> = ours.annotators.iter().collect();
    annotators.extend(
        theirs
            .annotators
            .iter()
            .filter(|a| !known.contains(a))
            .cloned(),
    );
    annotators.dedup();
    let (incidents, next_incident_id) =
        incidents::merge_incidents(&mut cx, [base, ours, theirs], &documents);
    Ok(ThreeWay {
        project: Project {
            format_version: ours.format_version,
            name,
            annotators,
            schema,
            documents: documents.into(),
            incidents,
            next_incident_id,
        },
        notes: cx.notes,
    })
}

/// The document ids of the merge, in the order the merged project lists them: the order
/// of the side that reordered its documents (ours if both did, theirs if neither did,
/// which is then the base's with theirs' additions), with the other side's own
/// documents each after the one it follows there.
fn document_order<'a>(base: &Project, ours: &'a Project, theirs: &'a Project) -> Vec<&'a str> {
    let ids = |p: &'a Project| p.documents.iter().map(|d| d.id.as_str());
    let in_ours: HashSet<&str> = ids(ours).collect();
    let in_base: HashSet<&str> = base.documents.iter().map(|d| d.id.as_str()).collect();
    let ours_reordered = ids(ours).filter(|id| in_base.contains(id)).ne(base
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .filter(|id| in_ours.contains(id)));
    let (primary, secondary) = if ours_reordered {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    let in_primary: HashSet<&str> = ids(primary).collect();
    // The secondary side's own documents, by the primary document they follow.
    let mut following: HashMap<Option<&str>, Vec<&str>> = HashMap::new();
    let mut last = None;
    for id in ids(secondary) {
        if in_primary.contains(id) {
            last = Some(id);
        } else {
            following.entry(last).or_default().push(id);
        }
    }
    let mut order = Vec::with_capacity(in_primary.len() + in_ours.len());
    order.extend(following.remove(&None).unwrap_or_default());
    for id in ids(primary) {
        order.push(id);
        order.extend(following.remove(&Some(id)).unwrap_or_default());
    }
    let mut seen = HashSet::new();
    order.retain(|id| seen.insert(*id));
    order
}
