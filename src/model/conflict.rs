//! A merge conflict kept in the project: two different edits of the same annotation by
//! two people. The merged file holds one version in place and the other here, so that it
//! is still a valid project that eventail opens, nothing is lost, `eventail validate`
//! names each conflict and the app lets the user pick.

use super::annotation::{AnnotationRef, Event, Filler, Mention, Relation};
use super::diagnostic::Diagnostic;
use super::document::Document;
use super::project::Project;
use super::span::Span;
use serde::{Deserialize, Serialize};

/// The version of an annotation that is not in place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OtherVersion {
    /// The other side deleted the annotation.
    Deleted,
    /// The other side's mention.
    Mention(Mention),
    /// The other side's event.
    Event(Event),
    /// The other side's relation.
    Relation(Relation),
}

/// Two versions of one annotation: the one in the document (absent if that side deleted
/// it) and `other`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The annotation in conflict; the document holds one version under this id, or
    /// none when that side deleted it.
    pub target: AnnotationRef,
    /// Whose version is in the document (a branch or an annotator's name).
    pub kept: String,
    /// Whose version `other` is.
    pub other_side: String,
    /// The version that is not in place.
    pub other: OtherVersion,
}

impl OtherVersion {
    /// The annotation this version is of (`None` for a deletion).
    pub fn annotation(&self) -> Option<AnnotationRef> {
        match self {
            OtherVersion::Deleted => None,
            OtherVersion::Mention(m) => Some(AnnotationRef::Mention(m.id)),
            OtherVersion::Event(e) => Some(AnnotationRef::Event(e.id)),
            OtherVersion::Relation(r) => Some(AnnotationRef::Relation(r.id)),
        }
    }

    /// The annotations this version refers to: an event's arguments, a relation's ends.
    pub fn fillers(&self) -> Vec<Filler> {
        match self {
            OtherVersion::Deleted | OtherVersion::Mention(_) => Vec::new(),
            OtherVersion::Event(e) => e.arguments.iter().map(|a| a.filler).collect(),
            OtherVersion::Relation(r) => vec![r.arg1, r.arg2],
        }
    }
}

impl Conflict {
    /// What the conflict is, in words, for `eventail validate` and the app: who changed
    /// or deleted the annotation and which version is where. `in_place` says whether the
    /// document holds a version of the target.
    pub fn describe(&self, in_place: bool) -> String {
        let (kept, other) = (&self.kept, &self.other_side);
        match (&self.other, in_place) {
            (OtherVersion::Deleted, _) => format!(
                "changed by {kept}, deleted by {other}: the changed version is in place, \
                 the deletion set aside"
            ),
            (_, true) => format!(
                "changed on both sides: the version of {kept} is in place, the one of \
                 {other} set aside"
            ),
            (_, false) => format!(
                "deleted by {kept}, changed by {other}: the annotation is left out, the \
                 version of {other} set aside"
            ),
        }
    }

    /// What makes the conflict inconsistent with `doc`, whose text is `char_len`
    /// characters long: a version set aside of another kind or id than the target, a
    /// target that neither version has, references to annotations that the document
    /// lacks, ranges that do not fit the text. Empty when it is consistent, so that
    /// picking either version leaves a valid document.
    pub fn problems(&self, doc: &Document, char_len: usize) -> Vec<String> {
        let mut problems = Vec::new();
        let in_place = doc.has_annotation(self.target);
        // Taken, a version under an id the document may still hand out would later be
        // replaced by a new annotation under the same id.
        if self.target.id() >= doc.next_id {
            problems.push(format!(
                "merge conflict on {}: the id is not below the document's next_id ({})",
                self.target, doc.next_id
            ));
        }
        match self.other.annotation() {
            None if !in_place => problems.push(
                "merge conflict between two deletions: neither version has the annotation"
                    .to_string(),
            ),
            None => {}
            Some(other) if other != self.target => problems.push(format!(
                "merge conflict: the version set aside is {other}, not {}",
                self.target
            )),
            Some(_) => {}
        }
        for filler in self.other.fillers() {
            if !doc.has_filler(filler) {
                problems.push(format!(
                    "merge conflict: the version set aside refers to {filler}, which does \
                     not exist"
                ));
            }
            if Some(AnnotationRef::from(filler)) == self.other.annotation() {
                problems.push("merge conflict: the version set aside refers to itself".to_string());
            }
        }
        let ranges: &[Span] = match &self.other {
            OtherVersion::Mention(m) if m.ranges.is_empty() => {
                problems.push("merge conflict: the version set aside has no range".into());
                &[]
            }
            OtherVersion::Mention(m) => &m.ranges,
            OtherVersion::Event(e) => &e.trigger,
            OtherVersion::Deleted | OtherVersion::Relation(_) => &[],
        };
        let fits = |(i, r): (usize, &Span)| {
            r.start < r.end
                && r.end <= char_len
                && (i == 0 || ranges.get(i - 1).is_some_and(|p| p.end <= r.start))
        };
        if !ranges.iter().enumerate().all(fits) {
            problems.push(format!(
                "merge conflict: a range of the version set aside is empty, overlaps \
                 another or ends past the text ({char_len} characters)"
            ));
        }
        problems
    }
}

/// Every merge conflict of `project` not resolved yet, one line each, naming its
/// document and annotation and saying who did what ([`Conflict::describe`]): what
/// `eventail validate` lists.
pub fn unresolved_conflicts(project: &Project) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for doc in &project.documents {
        for c in &doc.conflicts {
            let message = format!(
                "merge conflict: {}",
                c.describe(doc.has_annotation(c.target))
            );
            found.push(Diagnostic::new(message).in_document(&doc.id).on(c.target));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventId, MentionId, RoleArg, validate};

    /// "Palmyre est prise.": T1 a place, E2 a capture of it.
    fn project() -> Project {
        use crate::formats::test_support::{event, mention};
        let mut doc = Document::new("d", "d", "Palmyre est prise.");
        doc.mentions
            .push(mention(1, "place", vec![Span::new(0, 7)]));
        let mut capture = event(2, "capture", vec![Span::new(12, 17)]);
        capture.arguments.push(RoleArg {
            role: "territory".into(),
            filler: Filler::Mention(MentionId(1)),
        });
        doc.events.push(capture);
        doc.next_id = 3;
        let mut project = Project::new("p", crate::io::default_schema());
        project.documents.push(doc);
        project
    }

    fn with(conflict: Conflict) -> Project {
        let mut p = project();
        p.documents[0].conflicts.push(conflict);
        p
    }

    fn problems(p: &Project) -> Vec<String> {
        validate(p).iter().map(|d| d.to_string()).collect()
    }

    fn conflict(target: AnnotationRef, other: OtherVersion) -> Conflict {
        Conflict {
            target,
            kept: "ana".into(),
            other_side: "ben".into(),
            other,
        }
    }

    #[test]
    fn consistent_conflicts_validate_and_are_listed() {
        let p = project();
        let e2 = AnnotationRef::Event(EventId(2));
        let mut theirs = p.documents[0].events[0].clone();
        theirs.note = "ben".into();
        let mut deleted_in_place = with(conflict(e2, OtherVersion::Event(theirs.clone())));
        deleted_in_place.documents[0].events.clear();
        for p in [
            with(conflict(e2, OtherVersion::Event(theirs))),
            with(conflict(e2, OtherVersion::Deleted)),
            deleted_in_place,
        ] {
            assert_eq!(problems(&p), Vec::<String>::new());
        }
        let listed: Vec<String> = unresolved_conflicts(&with(conflict(e2, OtherVersion::Deleted)))
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            listed,
            [
                "document \"d\", E2: merge conflict: changed by ana, deleted by ben: the changed \
              version is in place, the deletion set aside"
            ]
        );
    }

    #[test]
    fn inconsistent_conflicts_are_errors_naming_document_and_annotation() {
        let p = project();
        let t1 = AnnotationRef::Mention(MentionId(1));
        let e2 = AnnotationRef::Event(EventId(2));
        let mut dangling = p.documents[0].events[0].clone();
        dangling.arguments[0].filler = Filler::Mention(MentionId(9));
        let mut wide = p.documents[0].mentions[0].clone();
        wide.ranges = vec![Span::new(0, 99)];
        let mut gone = with(conflict(t1, OtherVersion::Deleted));
        gone.documents[0].mentions.clear();
        gone.documents[0].events.clear();
        for (p, expected) in [
            (
                with(conflict(
                    t1,
                    OtherVersion::Event(p.documents[0].events[0].clone()),
                )),
                "document \"d\", T1: merge conflict: the version set aside is E2, not T1",
            ),
            (
                with(conflict(e2, OtherVersion::Event(dangling))),
                "document \"d\", E2: merge conflict: the version set aside refers to T9, \
                 which does not exist",
            ),
            (
                with(conflict(t1, OtherVersion::Mention(wide))),
                "document \"d\", T1: merge conflict: a range of the version set aside is \
                 empty, overlaps another or ends past the text (18 characters)",
            ),
            (
                gone,
                "document \"d\", T1: merge conflict between two deletions: neither version \
                 has the annotation",
            ),
        ] {
            assert_eq!(problems(&p), [expected]);
            // A repair drops it, saying why.
            let mut repaired = p.clone();
            let changes = crate::model::repair::repair(&mut repaired);
            assert!(
                changes
                    .iter()
                    .any(|c| c.to_string().contains("dropped: merge conflict")),
                "{changes:?}"
            );
            assert_eq!(problems(&repaired), Vec::<String>::new());
        }
    }
}
