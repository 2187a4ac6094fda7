//! Parsing a project file with its documents spread over the machine's cores.
//!
//! RON's parser is the cost of opening a project (about a third of a second for a
//! thousand annotated articles on one core). The documents are nearly all of a file
//! and independent of each other, so [`parse_split`] finds them ([`super::split`]),
//! parses the rest of the file, then the documents in contiguous groups, one per core,
//! and puts them back in order. The result is the project that the ordinary parse
//! gives; any failure gives `None`, and the caller parses the whole file the ordinary
//! way, for the errors it reports.

use super::split::{Split, split_documents};
use crate::model::reading::FreshDocument;
use crate::model::{Document, Project};
use crate::parallel::{cores, map_in_order};
use std::ops::Range;

/// Files smaller than this are parsed on one thread: starting threads would cost more
/// than they save.
const PARALLEL_BYTES: usize = 128 * 1024;

/// How deep RON lets values nest (`ron::Options`' default), and how deep a document is
/// in its file (the project, its list): a document parsed alone is allowed what it is
/// allowed in the file, no more.
const RECURSION_LIMIT: usize = 128;
const DOCUMENT_DEPTH: usize = 2;

/// The project of `text`, its documents parsed on several threads; `None` when the file
/// is small, not of the shape eventail writes, or anything in it fails to parse.
pub(super) fn parse_split(text: &str) -> Option<Project> {
    if text.len() < PARALLEL_BYTES {
        return None;
    }
    let threads = cores();
    if threads < 2 {
        return None;
    }
    parse_in_groups(text, threads)
}

/// The project of `text`, its documents parsed in `threads` groups at once.
fn parse_in_groups(text: &str, threads: usize) -> Option<Project> {
    let split = split_documents(text)?;
    let mut project = parse_frame(text, &split)?;
    let groups = groups(&split.elements, threads);
    let parsed = map_in_order(&groups, groups.len(), |group| parse_group(text, group));
    let mut documents = Vec::with_capacity(split.elements.len());
    for group in parsed {
        documents.extend(group?);
    }
    project.documents = documents.into();
    Some(project)
}

/// The project of `text` with its first document only, and the number of documents
/// after it: `None` unless the file is of the shape eventail writes, holds two
/// documents or more, and its first document and the rest of the file parse.
pub(super) fn parse_first_document(text: &str) -> Option<(Project, usize)> {
    let split = split_documents(text)?;
    let (first, rest) = split.elements.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let mut project = parse_frame(text, &split)?;
    project.documents = parse_group(text, std::slice::from_ref(first))?.into();
    Some((project, rest.len()))
}

/// The project of `text` without its documents.
fn parse_frame(text: &str, split: &Split) -> Option<Project> {
    let frame = [&text[..split.list.start], "[]", &text[split.list.end..]].concat();
    ron::from_str(&frame).ok()
}

/// The elements cut into at most `count` runs of about equal size in bytes, in order.
fn groups(elements: &[Range<usize>], count: usize) -> Vec<&[Range<usize>]> {
    let total: usize = elements.iter().map(|e| e.len()).sum();
    let share = total.div_ceil(count).max(1);
    let mut groups = Vec::with_capacity(count);
    let mut start = 0;
    let mut size = 0;
    for (i, element) in elements.iter().enumerate() {
        size += element.len();
        if size >= share {
            groups.push(&elements[start..=i]);
            start = i + 1;
            size = 0;
        }
    }
    if start < elements.len() {
        groups.push(&elements[start..]);
    }
    groups
}

/// The documents of `group`, parsed in order; `None` at the first that fails.
fn parse_group(text: &str, group: &[Range<usize>]) -> Option<Vec<Document>> {
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT - DOCUMENT_DEPTH);
    group
        .iter()
        .map(|range| {
            let element = text.get(range.clone())?;
            options.from_str::<FreshDocument>(element).ok().map(|d| d.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{parse_project, project_to_string};
    use crate::model::Document;
    use std::path::Path;

    /// The sample project's documents, many times over under new ids, with notes and
    /// names that look like the structure of the file.
    fn large_project() -> Project {
        let text = std::fs::read_to_string("projects/palmyre.ron").expect("sample");
        let sample: Project = ron::from_str(&text).expect("sample parses");
        let mut project = sample.clone();
        project.documents = (0..40)
            .flat_map(|n| {
                sample.documents.iter().map(move |d| {
                    let mut d: Document = d.clone();
                    d.id = format!("{}-{n}", d.id);
                    d.name = format!("{} ), ( \"], [ /* {n} */ // r#\"x\"#", d.name);
                    if let Some(m) = d.mentions.first_mut() {
                        m.note = "documents: [ ( ' ) \n ], (".into();
                    }
                    d
                })
            })
            .collect();
        project
    }

    #[test]
    fn the_documents_parsed_apart_are_the_project_parsed_whole() {
        let project = large_project();
        let text = project_to_string(&project).expect("ron");
        let whole: Project = ron::from_str(&text).expect("whole");
        assert_eq!(whole, project);
        for threads in [2, 3, 7] {
            assert_eq!(parse_in_groups(&text, threads).as_ref(), Some(&whole));
        }
        // Laid out on one line, with comments between the documents: the same.
        let compact = ron::to_string(&project).expect("ron");
        let commented = compact.replacen("),(id:", "), /* (id: */ // ],\n(id:", 3);
        assert_ne!(commented, compact);
        assert_eq!(parse_in_groups(&commented, 2).as_ref(), Some(&whole));
    }

    #[test]
    fn an_error_in_a_document_of_a_large_file_names_its_line_and_document() {
        let project = large_project();
        let text = project_to_string(&project).expect("ron");
        assert!(text.len() >= PARALLEL_BYTES, "large enough to be split");
        // An attribute given twice in a document far down the file.
        let doc = &project.documents[150];
        let at = text
            .find(&format!("id: \"{}\"", doc.id))
            .expect("the document");
        let attrs = at + text[at..].find("attributes: {").expect("attributes") + 13;
        let entry_len = text[attrs..].find([',', '}']).expect("an entry");
        let entry = &text[attrs..attrs + entry_len];
        let broken = format!("{}{entry}, {}", &text[..attrs], &text[attrs..]);
        let line = 1 + broken[..attrs].matches('\n').count();
        assert_eq!(parse_in_groups(&broken, 2), None);
        let error = parse_project(&broken, Path::new("p.ron")).expect_err("refused");
        let message = error.to_string();
        assert!(message.starts_with(&format!("line {line}, ")), "{message}");
        assert!(message.contains(&doc.id), "{message}");
        assert!(message.ends_with("p.ron"), "{message}");
    }

    #[test]
    fn a_document_nested_past_the_limit_is_refused_as_in_the_whole_file() {
        let project = large_project();
        let text = project_to_string(&project).expect("ron");
        let at = text.find("            name: ").expect("a document's name");
        for depth in [120, 125, 126, 127, 130] {
            let deep = format!("{}x: {}0{},\n", " ", "[".repeat(depth), "]".repeat(depth));
            let nested = format!("{}{deep}{}", &text[..at], &text[at..]);
            let whole = ron::from_str::<Project>(&nested).ok();
            assert_eq!(parse_in_groups(&nested, 2), whole, "depth {depth}");
        }
    }
}
