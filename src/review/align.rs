//! Which documents of several annotators' projects are the same article: same name and
//! identical text. Agreement is only measured on those; the others are listed, so that
//! a difference in the texts is never counted as a difference in the annotations.

use crate::model::{Document, Project};
use std::collections::HashMap;

/// One article present, with the same text, in every project.
#[derive(Clone, Copy, Debug)]
pub struct AlignedDocument<'a> {
    /// The document's name.
    pub name: &'a str,
    /// Its version in each project, in the order the projects were given.
    pub versions: &'a [&'a Document],
}

/// Why a document of one project is not compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// Another project has no document of this name.
    Missing {
        /// The document's name.
        name: String,
        /// The projects (by position) that have it.
        present_in: Vec<usize>,
    },
    /// Documents of this name have different texts in different projects.
    TextDiffers {
        /// The document's name.
        name: String,
    },
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mismatch::Missing { name, present_in } => {
                let projects: Vec<String> =
                    present_in.iter().map(|p| (p + 1).to_string()).collect();
                write!(
                    f,
                    "document {name:?} is only in project(s) {}: not compared",
                    projects.join(", ")
                )
            }
            Mismatch::TextDiffers { name } => {
                write!(f, "document {name:?} has different texts: not compared")
            }
        }
    }
}

/// The documents that every project has with the same text, and the others.
#[derive(Clone, Debug)]
pub struct Alignment<'a> {
    /// How many projects were aligned.
    pub projects: usize,
    /// The versions of each compared document, one per project, in the first project's
    /// order (flattened: `projects` entries per document).
    versions: Vec<&'a Document>,
    /// The documents that are not compared, and why.
    pub mismatches: Vec<Mismatch>,
    /// The projects aligned, in the order given: what lives beside the documents
    /// (incidents) is compared through them.
    sources: Vec<&'a Project>,
}

impl<'a> Alignment<'a> {
    /// The compared documents, in the first project's order.
    pub fn documents(&self) -> impl Iterator<Item = AlignedDocument<'_>> {
        self.versions().map(|versions| AlignedDocument {
            name: &versions[0].name,
            versions,
        })
    }

    /// The versions of each compared document, one per project, in the first
    /// project's order, borrowed from the projects rather than from the alignment.
    pub fn versions(&self) -> impl Iterator<Item = &[&'a Document]> {
        self.versions
            .chunks(self.projects.max(1))
            .filter(|versions| !versions.is_empty())
    }

    /// The project at position `i` of those aligned.
    pub fn project(&self, i: usize) -> Option<&'a Project> {
        self.sources.get(i).copied()
    }

    /// How many documents are compared.
    pub fn len(&self) -> usize {
        self.versions.len() / self.projects.max(1)
    }

    /// True when no document is compared.
    pub fn is_empty(&self) -> bool {
        self.versions.is_empty()
    }
}

/// Aligns `projects`: a document is compared when every project has a document of the
/// same name and text (documents that share a name and a text are paired in order).
pub fn align<'a>(projects: &[&'a Project]) -> Alignment<'a> {
    let count = projects.len();
    // For each project after the first: its documents by (name, text), in order.
    let mut others: Vec<HashMap<(&str, &str), Vec<&'a Document>>> = projects
        .iter()
        .skip(1)
        .map(|p| {
            let mut by_key: HashMap<(&str, &str), Vec<&'a Document>> = HashMap::new();
            for d in p.documents.iter().rev() {
                by_key.entry((&d.name, &d.text)).or_default().push(d);
            }
            by_key
        })
        .collect();
    let mut versions = Vec::new();
    let mut mismatches = Vec::new();
    let mut unmatched_names: Vec<&str> = Vec::new();
    let Some(first) = projects.first() else {
        return Alignment {
            projects: 0,
            versions,
            mismatches,
            sources: Vec::new(),
        };
    };
    for doc in &first.documents {
        let key = (doc.name.as_str(), doc.text.as_str());
        let all = others
            .iter()
            .all(|by_key| by_key.get(&key).is_some_and(|v| !v.is_empty()));
        if !all {
            unmatched_names.push(&doc.name);
            continue;
        }
        versions.push(doc);
        for by_key in &mut others {
            if let Some(doc) = by_key.get_mut(&key).and_then(Vec::pop) {
                versions.push(doc);
            }
        }
    }
    // What is left unmatched, in any project, by name.
    let mut leftover: HashMap<&str, Vec<usize>> = HashMap::new();
    for name in unmatched_names {
        leftover.entry(name).or_default().push(0);
    }
    for (i, by_key) in others.iter().enumerate() {
        for ((name, _), docs) in by_key {
            if !docs.is_empty() {
                leftover.entry(name).or_default().push(i + 1);
            }
        }
    }
    let mut names: Vec<(&str, Vec<usize>)> = leftover.into_iter().collect();
    names.sort();
    for (name, mut present_in) in names {
        present_in.sort_unstable();
        present_in.dedup();
        mismatches.push(if present_in.len() == count {
            Mismatch::TextDiffers { name: name.into() }
        } else {
            Mismatch::Missing {
                name: name.into(),
                present_in,
            }
        });
    }
    Alignment {
        projects: count,
        versions,
        mismatches,
        sources: projects.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_schema;

    fn project(docs: &[(&str, &str)]) -> Project {
        let mut p = Project::new("p", default_schema());
        for (i, (name, text)) in docs.iter().enumerate() {
            p.documents
                .push(Document::new(format!("d{i}"), *name, *text));
        }
        p
    }

    #[test]
    fn documents_align_by_name_and_identical_text_in_the_first_projects_order() {
        let a = project(&[("un", "Texte un."), ("deux", "Texte deux."), ("trois", "3")]);
        let b = project(&[
            ("deux", "Texte deux."),
            ("un", "Texte un."),
            ("trois", "autre"),
        ]);
        let aligned = align(&[&a, &b]);
        let names: Vec<&str> = aligned.documents().map(|d| d.name).collect();
        assert_eq!(names, ["un", "deux"]);
        assert_eq!(
            aligned.mismatches,
            [Mismatch::TextDiffers {
                name: "trois".into()
            }]
        );
    }

    #[test]
    fn a_document_missing_from_one_project_is_listed_with_where_it_is() {
        let a = project(&[("un", "1"), ("seul", "s")]);
        let b = project(&[("un", "1"), ("autre", "x")]);
        let c = project(&[("un", "1"), ("seul", "s")]);
        let aligned = align(&[&a, &b, &c]);
        assert_eq!(aligned.len(), 1);
        assert_eq!(
            aligned.mismatches,
            [
                Mismatch::Missing {
                    name: "autre".into(),
                    present_in: vec![1]
                },
                Mismatch::Missing {
                    name: "seul".into(),
                    present_in: vec![0, 2]
                },
            ]
        );
    }

    #[test]
    fn no_common_document_is_an_empty_alignment() {
        let a = project(&[("un", "1")]);
        let b = project(&[]);
        let aligned = align(&[&a, &b]);
        assert!(aligned.is_empty());
        assert_eq!(aligned.documents().count(), 0);
    }
}
