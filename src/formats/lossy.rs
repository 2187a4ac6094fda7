//! What an export cannot hold, counted rather than listed annotation by annotation: a
//! corpus of thousands of notes exported to doccano gets `document "d1": 12 notes and 3
//! events left out`, not thousands of lines.
//!
//! Formats that are made to be lossy (CSV tables, CoNLL tags) say it once for the whole
//! project ([`left_out_of_project`]); formats meant to carry annotations to another
//! tool (brat, doccano) once per document ([`left_out_of_document`]), so that the user
//! can find what is missing.

use crate::model::{Diagnostic, Document, Project};

/// A kind of thing that a document holds and some formats cannot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Events.
    Events,
    /// Role arguments of events.
    Arguments,
    /// Relations.
    Relations,
    /// Attribute values of mentions, events and relations.
    Attributes,
    /// Notes of mentions, events and relations.
    Notes,
    /// Groups of equivalent annotations.
    Equivalences,
    /// Links to external resources.
    Normalizations,
    /// Typed comments.
    Comments,
    /// Entries of the document's metadata.
    Metadata,
}

impl Kind {
    /// How many of this kind `doc` holds.
    fn count(self, doc: &Document) -> usize {
        let notes = |note: &String| usize::from(!note.is_empty());
        match self {
            Kind::Events => doc.events.len(),
            Kind::Arguments => doc.events.iter().map(|e| e.arguments.len()).sum(),
            Kind::Relations => doc.relations.len(),
            Kind::Attributes => {
                let m: usize = doc.mentions.iter().map(|m| m.attributes.len()).sum();
                let e: usize = doc.events.iter().map(|e| e.attributes.len()).sum();
                let r: usize = doc.relations.iter().map(|r| r.attributes.len()).sum();
                m + e + r
            }
            Kind::Notes => {
                let m: usize = doc.mentions.iter().map(|m| notes(&m.note)).sum();
                let e: usize = doc.events.iter().map(|e| notes(&e.note)).sum();
                let r: usize = doc.relations.iter().map(|r| notes(&r.note)).sum();
                m + e + r
            }
            Kind::Equivalences => doc.equivalences.len(),
            Kind::Normalizations => doc.normalizations.len(),
            Kind::Comments => doc.comments.len(),
            Kind::Metadata => doc.metadata.len(),
        }
    }

    /// `count` things of this kind, in words: `1 note`, `3 notes`.
    fn counted(self, count: usize) -> String {
        let (one, many) = match self {
            Kind::Events => ("event", "events"),
            Kind::Arguments => ("event argument", "event arguments"),
            Kind::Relations => ("relation", "relations"),
            Kind::Attributes => ("attribute value", "attribute values"),
            Kind::Notes => ("note", "notes"),
            Kind::Equivalences => ("equivalence", "equivalences"),
            Kind::Normalizations => ("normalisation", "normalisations"),
            Kind::Comments => ("typed comment", "typed comments"),
            Kind::Metadata => ("metadata entry", "metadata entries"),
        };
        format!("{count} {}", if count == 1 { one } else { many })
    }
}

/// The counts of `kinds` in words, those of none left out: `3 notes and 1 relation`;
/// empty when every count is nought.
fn listed(kinds: &[Kind], count: impl Fn(Kind) -> usize) -> String {
    let parts: Vec<String> = kinds
        .iter()
        .map(|&kind| (kind, count(kind)))
        .filter(|&(_, n)| n > 0)
        .map(|(kind, n)| kind.counted(n))
        .collect();
    match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// One warning that lists what of `kinds` `doc` holds: `document "d1": 12 notes and 3
/// relations left out: FORMAT has no place for them`; none when it holds none.
pub(crate) fn left_out_of_document(
    doc: &Document,
    kinds: &[Kind],
    format: &str,
) -> Vec<Diagnostic> {
    let what = listed(kinds, |kind| kind.count(doc));
    if what.is_empty() {
        return Vec::new();
    }
    let message = format!("{what} left out: {format} has no place for them");
    vec![Diagnostic::new(message).in_document(&doc.id)]
}

/// One warning that lists what of `kinds` the documents of `project` hold: `40
/// relations and 2 notes left out of 3 documents: FORMAT has no place for them`; none
/// when they hold none.
pub(crate) fn left_out_of_project(
    project: &Project,
    kinds: &[Kind],
    format: &str,
) -> Vec<Diagnostic> {
    let total = |kind: Kind| project.documents.iter().map(|d| kind.count(d)).sum();
    let what = listed(kinds, total);
    if what.is_empty() {
        return Vec::new();
    }
    let holding = project
        .documents
        .iter()
        .filter(|d| kinds.iter().any(|k| k.count(d) > 0))
        .count();
    let documents = if holding == 1 {
        "document"
    } else {
        "documents"
    };
    let message =
        format!("{what} left out of {holding} {documents}: {format} has no place for them");
    vec![Diagnostic::new(message)]
}

/// One warning when documents of `project` hold merge conflicts not resolved yet: the
/// export has the versions in place, not those set aside. None when there are none.
pub(crate) fn unresolved_conflicts(project: &Project, format: &str) -> Vec<Diagnostic> {
    let counts: Vec<usize> = project
        .documents
        .iter()
        .map(|d| d.conflicts.len())
        .filter(|&n| n > 0)
        .collect();
    let total: usize = counts.iter().sum();
    if total == 0 {
        return Vec::new();
    }
    let conflicts = if total == 1 { "conflict" } else { "conflicts" };
    let documents = if counts.len() == 1 {
        "document"
    } else {
        "documents"
    };
    let message = format!(
        "{total} unresolved merge {conflicts} in {} {documents}: only the versions in \
         place are exported, {format} has no place for those set aside (resolve them in \
         eventail first; `eventail validate` lists them)",
        counts.len()
    );
    vec![Diagnostic::new(message)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::test_support::mention;
    use crate::model::{Mention, Span};

    #[test]
    fn what_is_left_out_is_counted_in_one_line() {
        let mut doc = Document::new("d1", "d1", "abc");
        let noted = |id| Mention {
            note: "n".into(),
            ..mention(id, "x", vec![Span::new(0, 1)])
        };
        doc.mentions = vec![noted(1), noted(2), mention(3, "x", vec![Span::new(1, 2)])];
        doc.metadata.insert("source".into(), "AFP".into());
        let kinds = [Kind::Notes, Kind::Metadata, Kind::Relations];
        let shown: Vec<String> = left_out_of_document(&doc, &kinds, "F")
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            shown,
            ["document \"d1\": 2 notes and 1 metadata entry left out: F has no place for them"]
        );
        let mut project = Project::new("p", Default::default());
        project.documents = vec![doc.clone(), Document::new("d2", "", "x"), doc].into();
        let shown: Vec<String> = left_out_of_project(&project, &kinds, "F")
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            shown,
            ["4 notes and 2 metadata entries left out of 2 documents: F has no place for them"]
        );
        assert!(left_out_of_project(&project, &[Kind::Relations], "F").is_empty());
    }
}
