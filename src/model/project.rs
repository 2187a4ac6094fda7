//! A whole project: what one `.ron` file holds.

use super::document::Document;
use super::schema::Schema;
use serde::{Deserialize, Serialize};

/// Version of the project file format written by this build.
pub const FORMAT_VERSION: u32 = 1;

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
    /// The articles, in the order the user sees them.
    #[serde(default, deserialize_with = "super::reading::each_document")]
    pub documents: Vec<Document>,
}

impl Project {
    /// An empty project with the given schema.
    pub fn new(name: impl Into<String>, schema: Schema) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: name.into(),
            annotators: Vec::new(),
            schema,
            documents: Vec::new(),
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// A document id based on `stem` that no document of the project has yet.
    pub fn unused_document_id(&self, stem: &str) -> String {
        let stem = if stem.is_empty() { "document" } else { stem };
        let mut candidate = stem.to_string();
        let mut n = 2;
        while self.document(&candidate).is_some() {
            candidate = format!("{stem}-{n}");
            n += 1;
        }
        candidate
    }
}
