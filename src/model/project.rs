//! A whole project: what one `.ron` file holds.

use super::document::Document;
use super::documents::Documents;
use super::incident::Incident;
use super::schema::Schema;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Version of the project file format written by this build.
///
/// - 1: documents and their annotations.
/// - 2: incidents (the real-world events that the documents report). A file of
///   version 1 is one without incidents; version 2 keeps a build that would drop them
///   unread (it ignores fields it does not know) from opening, and then saving, a file
///   that has some.
pub const FORMAT_VERSION: u32 = 2;

/// A schema, the annotators and their documents; self-contained so that it can be sent
/// to a colleague for review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Format version of the file it was read from or will be written as.
    pub format_version: u32,
    /// Shown in the title bar.
    pub name: String,
    /// People who annotated this copy.
    #[serde(default)]
    pub annotators: Vec<String>,
    /// What may be annotated.
    pub schema: Schema,
    /// The articles, in the order the user sees them; shared with the copies of the
    /// project until changed (see [`Documents`]).
    #[serde(default, deserialize_with = "super::reading::each_document")]
    pub documents: Documents,
    /// The real-world events the documents report, sorted by id (see
    /// [`super::incident`]); absent from files of version 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
    /// The next incident id to hand out; larger than every incident id ever used.
    #[serde(
        default = "first_incident_id",
        skip_serializing_if = "is_first_incident_id"
    )]
    pub next_incident_id: u32,
}

fn first_incident_id() -> u32 {
    1
}

fn is_first_incident_id(id: &u32) -> bool {
    *id == first_incident_id()
}

impl Project {
    /// An empty project with the given schema.
    pub fn new(name: impl Into<String>, schema: Schema) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: name.into(),
            annotators: Vec::new(),
            schema,
            documents: Documents::new(),
            incidents: Vec::new(),
            next_incident_id: first_incident_id(),
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// The document ids of a project, for handing out new ones: an import of thousands of
/// documents with one id (or a repair of as many) asks for `d`, `d-2`, `d-3`...; a set
/// of the ids taken and, for each stem, the next number to try make each near
/// constant time, where a search through the documents for each try took minutes.
#[derive(Clone, Debug, Default)]
pub struct DocumentIds {
    taken: HashSet<String>,
    /// For each stem asked for, the number after the last one handed out.
    next: HashMap<String, u64>,
}

impl DocumentIds {
    /// The ids of the documents of `project`.
    pub fn of(project: &Project) -> Self {
        Self {
            taken: project.documents.iter().map(|d| d.id.clone()).collect(),
            next: HashMap::new(),
        }
    }

    /// Takes `id` if it is free; false when it is taken already.
    pub fn take(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_string())
    }

    /// Takes and returns `stem` if it is free, otherwise the first of `stem-2`,
    /// `stem-3`... that is (`document` for an empty stem).
    pub fn claim(&mut self, stem: &str) -> String {
        let stem = if stem.is_empty() { "document" } else { stem };
        if self.take(stem) {
            return stem.to_string();
        }
        // Each taken id is `stem-n` for one stem and one n at most, so the tries over
        // all claims add up to the ids taken plus the claims.
        let n = self.next.entry(stem.to_string()).or_insert(2);
        loop {
            let candidate = format!("{stem}-{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claimed_ids_are_the_stem_then_numbered_and_never_taken() {
        let mut project = Project::new("p", Schema::default());
        for id in ["d", "d-3", "d-2-2"] {
            project.documents.push(Document::new(id, "", ""));
        }
        let mut ids = DocumentIds::of(&project);
        let claimed: Vec<String> = ["d", "d", "d", "d-2", "", "", "e"]
            .iter()
            .map(|stem| ids.claim(stem))
            .collect();
        assert_eq!(
            claimed,
            ["d-2", "d-4", "d-5", "d-2-3", "document", "document-2", "e"]
        );
        assert!(!ids.take("e"));
        assert!(ids.take("f"));
    }
}
