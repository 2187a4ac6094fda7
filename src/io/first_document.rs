//! Opening a large project in two steps, so that its first document is on screen and
//! editable at once while the others are read.
//!
//! Parsing a thousand annotated articles takes RON a good part of a second; the first
//! of them, a few milliseconds. [`open_project`] reads the file, parses the project
//! with its first document only and checks that document; [`RestOfFile::read`] then
//! reads the whole file exactly as [`super::load_project`] does (same project, same
//! errors), for the caller to put the other documents beside the first.

use super::parallel_parse::parse_first_document;
use super::project_file::{BOM, read_project_text};
use super::{LoadError, project_from_str};
use crate::model::{FORMAT_VERSION, Project, validate_documents};
use std::path::{Path, PathBuf};

/// A project file, as far as it was read by [`open_project`].
pub enum Opening {
    /// The whole project, read and checked (a small file, or one of another shape).
    Whole(Project),
    /// The first document, the others to come.
    FirstOfMany(FirstDocument),
}

/// A project with its first document only, and the rest of its file.
pub struct FirstDocument {
    /// Everything but the other documents: the schema, the incidents, the first
    /// document. Its incidents may name reports in documents still to come.
    pub project: Project,
    /// What is left to read.
    pub rest: RestOfFile,
}

/// The text of a project file whose first document was read.
pub struct RestOfFile {
    text: String,
    path: PathBuf,
    to_come: usize,
}

impl RestOfFile {
    /// How many documents are still to be read.
    pub fn documents_to_come(&self) -> usize {
        self.to_come
    }

    /// The whole project, parsed and validated as [`super::load_project`] does: its
    /// first document is the one already read, as the file holds it.
    pub fn read(self) -> Result<Project, LoadError> {
        project_from_str(&self.text, &self.path)
    }
}

/// Reads the project at `path`: a file of two documents or more, in this version's
/// format, whose first document parses and is consistent, gives that document first;
/// any other file is read whole, with the errors of [`super::load_project`].
pub fn open_project(path: &Path) -> Result<Opening, LoadError> {
    let text = read_project_text(path)?;
    let body = text.strip_prefix(BOM).unwrap_or(&text);
    let first = parse_first_document(body).filter(|(project, _)| {
        project.format_version == FORMAT_VERSION && validate_documents(project).is_empty()
    });
    match first {
        Some((project, to_come)) => Ok(Opening::FirstOfMany(FirstDocument {
            project,
            rest: RestOfFile {
                text,
                path: path.to_path_buf(),
                to_come,
            },
        })),
        None => project_from_str(&text, path).map(Opening::Whole),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load_project, project_to_string};
    use crate::model::Document;

    /// The sample project with each of its documents twice more, under new ids.
    fn tripled() -> Project {
        let mut project = load_project(Path::new("projects/palmyre.ron")).expect("sample");
        let copies: Vec<Document> = (1..=2)
            .flat_map(|n| {
                project.documents.iter().map(move |d| {
                    let mut d = d.clone();
                    d.id = format!("{}-{n}", d.id);
                    d.name = format!("{}-{n}", d.name);
                    d
                })
            })
            .collect();
        project.documents.extend(copies);
        project
    }

    fn written(project: &Project) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("p.ron");
        let text = project_to_string(project).expect("serialises");
        std::fs::write(&path, text).expect("written");
        (dir, path)
    }

    #[test]
    fn the_first_document_comes_first_then_the_whole_project_as_loaded() {
        let project = tripled();
        let (_dir, path) = written(&project);
        let Ok(Opening::FirstOfMany(first)) = open_project(&path) else {
            panic!("a file of many documents opens with its first");
        };
        assert_eq!(first.project.documents.len(), 1);
        assert_eq!(first.project.documents[0], project.documents[0]);
        assert_eq!(first.project.schema, project.schema);
        assert_eq!(first.project.incidents, project.incidents);
        assert_eq!(first.rest.documents_to_come(), project.documents.len() - 1);
        let whole = first.rest.read().expect("the rest reads");
        assert_eq!(whole, load_project(&path).expect("loads"));
    }

    #[test]
    fn a_single_document_is_read_whole() {
        let mut project = tripled();
        let first = project.documents[0].id.clone();
        project.documents.retain(|d| d.id == first);
        project.incidents.clear();
        let (_dir, path) = written(&project);
        assert!(matches!(open_project(&path), Ok(Opening::Whole(p)) if p == project));
    }

    #[test]
    fn an_error_further_down_comes_with_the_rest_and_names_its_line() {
        let (_dir, path) = written(&tripled());
        let text = std::fs::read_to_string(&path).expect("reads");
        // Break the last document: the first still opens, the rest fails as a load does.
        let at = text.rfind("text:").expect("a text field");
        let broken = format!("{}tekst:{}", &text[..at], &text[at + 5..]);
        std::fs::write(&path, &broken).expect("written");
        let Ok(Opening::FirstOfMany(first)) = open_project(&path) else {
            panic!("the first document is fine");
        };
        let error = first.rest.read().expect_err("the last document is broken");
        let expected = load_project(&path).expect_err("a load fails too");
        assert_eq!(error.to_string(), expected.to_string());
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), broken);
    }

    #[test]
    fn a_broken_first_document_is_reported_as_a_load_reports_it() {
        let (_dir, path) = written(&tripled());
        let text = std::fs::read_to_string(&path).expect("reads");
        let at = text.find("text:").expect("a text field");
        std::fs::write(&path, format!("{}tekst:{}", &text[..at], &text[at + 5..]))
            .expect("written");
        let error = open_project(&path).err().expect("fails whole");
        assert_eq!(
            error.to_string(),
            load_project(&path).expect_err("fails").to_string()
        );
    }
}
