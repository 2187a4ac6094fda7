//! The primitive changes that every edit is made of, each with its inverse.

use crate::model::{
    Comment, Conflict, Decision, DocStatus, Document, Equivalence, Event, EventId, Incident,
    IncidentId, Mention, MentionId, Normalization, Project, Relation, RelationId, Report, Schema,
};

/// Why an edit could not be built or applied.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    /// The document index is past the project's documents.
    #[error("there is no document number {0}")]
    NoDocument(usize),
    /// The annotation does not exist in the document.
    #[error("{0} does not exist in this document")]
    NoAnnotation(String),
    /// A range does not fit the text.
    #[error("the range {start}-{end} does not fit the text ({len} characters)")]
    BadRange {
        /// First character.
        start: usize,
        /// One past the last.
        end: usize,
        /// Length of the text in characters.
        len: usize,
    },
    /// The type is not in the schema.
    #[error("{0:?} is not a type of the schema")]
    UnknownType(String),
    /// The filler would make an event its own argument, directly or through other
    /// events (a cycle, which no file can hold).
    #[error("an event cannot be its own argument, directly or through other events")]
    SelfArgument,
    /// The document has no annotation id left to hand out: its `next_id` is at the
    /// largest value an id can take (see [`Document::fresh_id`]).
    #[error(
        "document {document:?} has no annotation id left to hand out (next_id is {}): \
         `eventail repair` renumbers its annotations",
        u32::MAX
    )]
    IdsExhausted {
        /// Id of the document.
        document: String,
    },
    /// A schema edit names a type, role, attribute or value the schema does not have.
    #[error("the schema has no {0}")]
    NotInSchema(String),
    /// A schema edit would give a second type, role, attribute or value this name.
    #[error("the schema already has {0}")]
    AlreadyInSchema(String),
    /// The name cannot be a key of the schema (empty, or with spaces).
    #[error("{0:?} cannot be a name: it must be non-empty, without spaces")]
    BadName(String),
    /// The shortcut key is taken by another type of the same kind.
    #[error("the key {key:?} is already the key of {owner:?}")]
    KeyTaken {
        /// The key asked for.
        key: char,
        /// The label of the type that has it.
        owner: String,
    },
    /// A relation would link an annotation to itself.
    #[error("a relation links two different annotations, not {0} to itself")]
    SelfRelation(String),
    /// A new range of a mention overlaps one of its ranges.
    #[error("the range {start}-{end} overlaps a range of {mention}")]
    RangeOverlaps {
        /// The mention.
        mention: MentionId,
        /// First character.
        start: usize,
        /// One past the last.
        end: usize,
    },
    /// The mention has no range at this position.
    #[error("{mention} has no range at position {index} (it has {count})")]
    NoRange {
        /// The mention.
        mention: MentionId,
        /// The position asked for, from 0.
        index: usize,
        /// How many ranges the mention has.
        count: usize,
    },
    /// A mention keeps at least one range: delete it instead.
    #[error("{0} has only this range left: delete the mention instead")]
    LastRange(MentionId),
    /// The mention cannot grow or shrink this way (no word there, or its last word).
    #[error("{0} cannot grow or shrink by a word that way")]
    CannotResize(MentionId),
    /// The project has no incident of this id.
    #[error("there is no incident {0}")]
    NoIncident(IncidentId),
    /// The project has no incident id left to hand out.
    #[error(
        "the project has no incident id left to hand out (next_incident_id is {}): \
         `eventail repair` renumbers them",
        u32::MAX
    )]
    IncidentIdsExhausted,
    /// The event reports no incident.
    #[error("{0} reports no incident")]
    NotLinked(Report),
    /// The report is not one of the incident's.
    #[error("{report} is not a report of {incident}")]
    NotAReport {
        /// The incident.
        incident: IncidentId,
        /// The report.
        report: Report,
    },
    /// An incident cannot be merged with itself.
    #[error("{0} cannot be merged with itself")]
    SameIncident(IncidentId),
    /// A split moves some of the incident's reports, not none and not all.
    #[error("a split of {0} moves some of its reports to a new incident: not none, not all")]
    BadSplit(IncidentId),
    /// The annotation already fills that role of the event.
    #[error("{filler} already fills {role} of {event}")]
    AlreadyFills {
        /// The event.
        event: EventId,
        /// The role's label.
        role: String,
        /// The annotation (`T3`, `E4`).
        filler: String,
    },
    /// The event has no trigger to share.
    #[error("{0} has no trigger")]
    NoTrigger(EventId),
    /// The event has no argument at this position.
    #[error("{event} has no argument at position {index} (it has {count})")]
    NoArgument {
        /// The event.
        event: EventId,
        /// The position asked for, from 0.
        index: usize,
        /// How many arguments the event has.
        count: usize,
    },
}

/// Any annotation, owned.
#[derive(Clone, Debug, PartialEq)]
pub enum Annotation {
    /// A mention.
    Mention(Mention),
    /// An event.
    Event(Event),
    /// A relation.
    Relation(Relation),
}

/// Which annotation of a document a change concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnotationKey {
    /// A mention.
    Mention(MentionId),
    /// An event.
    Event(EventId),
    /// A relation.
    Relation(RelationId),
}

/// One primitive change; [`Change::apply`] returns the change that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Put `value` in the slot of `key` (insert, replace, or remove when `None`).
    SetAnnotation {
        /// Document index.
        doc: usize,
        /// The annotation's id.
        key: AnnotationKey,
        /// The new value; `None` removes it.
        value: Option<Box<Annotation>>,
    },
    /// Set the id counter of a document.
    SetNextId {
        /// Document index.
        doc: usize,
        /// New value.
        next_id: u32,
    },
    /// Set the status of a document.
    SetStatus {
        /// Document index.
        doc: usize,
        /// New status.
        status: DocStatus,
    },
    /// Insert a document at `index`.
    InsertDocument {
        /// Position in the document list.
        index: usize,
        /// The document.
        document: Box<Document>,
    },
    /// Remove the document at `index`.
    RemoveDocument {
        /// Position in the document list.
        index: usize,
    },
    /// Replace the equivalences, normalisations and comments of a document (they point
    /// at annotations, so deleting one may change them).
    SetLinks {
        /// Document index.
        doc: usize,
        /// The new lists.
        links: Box<Links>,
    },
    /// Replace the list of the project's annotators.
    SetAnnotators {
        /// The new list.
        annotators: Vec<String>,
    },
    /// Replace the adjudication decisions of a document.
    SetDecisions {
        /// Document index.
        doc: usize,
        /// The new list, sorted by unit.
        decisions: Vec<Decision>,
    },
    /// Replace the merge conflicts of a document.
    SetConflicts {
        /// Document index.
        doc: usize,
        /// The new list.
        conflicts: Vec<Conflict>,
    },
    /// Replace the schema (a merge adds the types of the annotators' schemas that the
    /// gold project lacks).
    SetSchema {
        /// The new schema.
        schema: Box<Schema>,
    },
    /// Put `value` in the slot of incident `id` (insert, replace, or remove when
    /// `None`).
    SetIncident {
        /// The incident's id.
        id: IncidentId,
        /// The new value; `None` removes it.
        value: Option<Box<Incident>>,
    },
    /// Set the project's incident id counter.
    SetNextIncidentId {
        /// New value.
        next_id: u32,
    },
}

/// The lists of a document that point at its annotations from outside them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    /// [`Document::equivalences`].
    pub equivalences: Vec<Equivalence>,
    /// [`Document::normalizations`].
    pub normalizations: Vec<Normalization>,
    /// [`Document::comments`].
    pub comments: Vec<Comment>,
}

/// A named group of changes that the user does and undoes as one.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    /// What the user did, shown in the Edit menu ("Undo: tag Palmyre").
    pub label: String,
    /// The changes, applied in order.
    pub changes: Vec<Change>,
    /// The document the user sees the change in, so undo can show it again.
    pub doc: Option<usize>,
}

fn document(project: &mut Project, doc: usize) -> Result<&mut Document, EditError> {
    project
        .documents
        .get_mut(doc)
        .ok_or(EditError::NoDocument(doc))
}

/// Puts `value` in the id-sorted `list` at `id`, returning what was there.
fn set_sorted<T, K: Ord + Copy>(
    list: &mut Vec<T>,
    id: K,
    key: impl Fn(&T) -> K,
    value: Option<T>,
) -> Option<T> {
    match (list.binary_search_by_key(&id, key), value) {
        (Ok(i), Some(v)) => Some(std::mem::replace(&mut list[i], v)),
        (Ok(i), None) => Some(list.remove(i)),
        (Err(i), Some(v)) => {
            list.insert(i, v);
            None
        }
        (Err(_), None) => None,
    }
}

impl Change {
    /// Applies the change and returns its inverse.
    pub fn apply(self, project: &mut Project) -> Result<Change, EditError> {
        Ok(match self {
            Change::SetAnnotation { doc, key, value } => {
                let d = document(project, doc)?;
                let old = match (key, value.map(|v| *v)) {
                    (AnnotationKey::Mention(id), Some(Annotation::Mention(m))) => {
                        set_sorted(&mut d.mentions, id, |m| m.id, Some(m)).map(Annotation::Mention)
                    }
                    (AnnotationKey::Mention(id), None) => {
                        set_sorted(&mut d.mentions, id, |m| m.id, None).map(Annotation::Mention)
                    }
                    (AnnotationKey::Event(id), Some(Annotation::Event(e))) => {
                        set_sorted(&mut d.events, id, |e| e.id, Some(e)).map(Annotation::Event)
                    }
                    (AnnotationKey::Event(id), None) => {
                        set_sorted(&mut d.events, id, |e| e.id, None).map(Annotation::Event)
                    }
                    (AnnotationKey::Relation(id), Some(Annotation::Relation(r))) => {
                        set_sorted(&mut d.relations, id, |r| r.id, Some(r))
                            .map(Annotation::Relation)
                    }
                    (AnnotationKey::Relation(id), None) => {
                        set_sorted(&mut d.relations, id, |r| r.id, None).map(Annotation::Relation)
                    }
                    (key, Some(_)) => {
                        return Err(EditError::NoAnnotation(format!("{key:?} (kind mismatch)")));
                    }
                };
                Change::SetAnnotation {
                    doc,
                    key,
                    value: old.map(Box::new),
                }
            }
            Change::SetNextId { doc, next_id } => {
                let d = document(project, doc)?;
                let old = std::mem::replace(&mut d.next_id, next_id);
                Change::SetNextId { doc, next_id: old }
            }
            Change::SetStatus { doc, status } => {
                let d = document(project, doc)?;
                let old = std::mem::replace(&mut d.status, status);
                Change::SetStatus { doc, status: old }
            }
            Change::InsertDocument { index, document } => {
                if index > project.documents.len() {
                    return Err(EditError::NoDocument(index));
                }
                project.documents.insert(index, *document);
                Change::RemoveDocument { index }
            }
            Change::RemoveDocument { index } => {
                if index >= project.documents.len() {
                    return Err(EditError::NoDocument(index));
                }
                let document = Box::new(project.documents.remove(index));
                Change::InsertDocument { index, document }
            }
            Change::SetLinks { doc, links } => {
                let d = document(project, doc)?;
                let Links {
                    equivalences,
                    normalizations,
                    comments,
                } = *links;
                let old = Links {
                    equivalences: std::mem::replace(&mut d.equivalences, equivalences),
                    normalizations: std::mem::replace(&mut d.normalizations, normalizations),
                    comments: std::mem::replace(&mut d.comments, comments),
                };
                Change::SetLinks {
                    doc,
                    links: Box::new(old),
                }
            }
            Change::SetAnnotators { annotators } => {
                let old = std::mem::replace(&mut project.annotators, annotators);
                Change::SetAnnotators { annotators: old }
            }
            Change::SetDecisions { doc, decisions } => {
                let d = document(project, doc)?;
                let old = std::mem::replace(&mut d.decisions, decisions);
                Change::SetDecisions {
                    doc,
                    decisions: old,
                }
            }
            Change::SetConflicts { doc, conflicts } => {
                let d = document(project, doc)?;
                let old = std::mem::replace(&mut d.conflicts, conflicts);
                Change::SetConflicts {
                    doc,
                    conflicts: old,
                }
            }
            Change::SetSchema { schema } => {
                let old = std::mem::replace(&mut project.schema, *schema);
                Change::SetSchema {
                    schema: Box::new(old),
                }
            }
            Change::SetIncident { id, value } => {
                let old = set_sorted(&mut project.incidents, id, |i| i.id, value.map(|v| *v));
                Change::SetIncident {
                    id,
                    value: old.map(Box::new),
                }
            }
            Change::SetNextIncidentId { next_id } => {
                let old = std::mem::replace(&mut project.next_incident_id, next_id);
                Change::SetNextIncidentId { next_id: old }
            }
        })
    }
}

impl Edit {
    /// Applies every change in order and returns the edit that undoes them all.
    ///
    /// If a change fails, the ones already applied are undone before the error is
    /// returned, so the project is left as it was.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(self.changes.len());
        for change in self.changes {
            match change.apply(project) {
                Ok(inverse) => inverses.push(inverse),
                Err(err) => {
                    for inverse in inverses.into_iter().rev() {
                        // Each inverse undoes a change that just succeeded, so it applies.
                        let _ = inverse.apply(project);
                    }
                    return Err(err);
                }
            }
        }
        inverses.reverse();
        Ok(Edit {
            label: self.label,
            changes: inverses,
            doc: self.doc,
        })
    }
}
