//! brat standoff: the collections of brat, the web annotation tool, read into a project
//! and written from one, losslessly both ways.
//!
//! Researchers arrive with corpora annotated in brat (or exported to its format by other
//! tools), and many tools read it; this module lets them carry on in eventail and take
//! their work back out. A collection is a folder: for each document `X.txt`, its text
//! exactly as stored (offsets count code points, the unit of
//! [`Span`](crate::model::Span)), and `X.ann`, its annotations, one per line; and the
//! configuration, `annotation.conf` (types, roles, attributes), `visual.conf` (labels,
//! colours) and `kb_shortcuts.conf` (keys).
//!
//! Reading, `.ann` by `.ann` ([`read_ann`]): `T` lines become mentions, or triggers when
//! an `E` line names them (several events may share one trigger) or when their type is
//! only an event type and no line refers to them; `E` events
//! (brat's numbered repeated roles, `Theme2`, map back to `Theme`), `R` relations, `*`
//! equivalences, `A`/`M` attributes, `N` normalisations and `#` notes (the first
//! `AnnotatorNotes` of an annotation is its note; other kinds and further notes are kept
//! as [`Comment`](crate::model::Comment)s). Types, roles and attribute values that the
//! `.ann` files use and the configuration lacks are added, each with a warning. A broken
//! line is reported as `file:line: what is wrong`; by default the import then fails with
//! every such line listed, and with `skip_bad_lines` the bad lines, and the annotations
//! that refer to them, are left out with a warning.
//!
//! One file per job:
//! - `parse`: `.ann` lines into records;
//! - `check`: records against the text and each other;
//! - `build`: checked records into the annotations of a document;
//! - `write_ann`: a document into its `.ann` file;
//! - `read_conf` and `write_conf`: the configuration files into a schema and back;
//! - here, the collection: reading a folder ([`read_brat`]) and writing one
//!   ([`write_brat`]), and the rules of brat's files that reading and writing share.

mod build;
mod check;
mod parse;
mod read_conf;
#[cfg(test)]
mod test_support;
mod write_ann;
mod write_conf;

pub use write_ann::ann_from_document;
pub use write_conf::{annotation_conf_from_project, visual_conf_from_schema};

/// The schema of brat's configuration files in `dir` (`annotation.conf`, with
/// `visual.conf` for labels and colours and `kb_shortcuts.conf` for keys, when they are
/// there), and what in them could not be understood: a codebook kept as brat files
/// becomes a schema without its annotations.
pub fn schema_from_conf_dir(dir: &Path) -> (Schema, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let schema = read_conf::schema_from_dir(dir, &mut warnings);
    (schema, warnings)
}

use crate::formats::import::{
    Import, ImportError, ImportOptions, ImportedDocument, import_project, read_error,
};
use crate::formats::lossy::{Kind, left_out_of_document};
use crate::formats::text::{document_from_file_text, txt_files_in};
use crate::formats::{
    Cancelled, ExportError, ExportReport, FolderFiles, Format, each_document, export_project,
    is_line_break,
};
use crate::model::{AttrKind, AttrValue, Diagnostic, Document, DocumentIds, Project, Schema};
use std::collections::BTreeSet;
use std::path::Path;

/// A project read from a brat collection, and what had to be added or left out.
#[derive(Clone, Debug, PartialEq)]
pub struct BratImport {
    /// The project: the schema from the configuration, a document per `.txt` file.
    pub project: Project,
    /// Types added to the schema, text mismatches, skipped lines...
    pub warnings: Vec<Diagnostic>,
}

/// Reads the brat collection in `dir` as a new project, as [`import_project`] does; the
/// project is named after the folder.
pub fn read_brat(dir: &Path, skip_bad_lines: bool) -> Result<BratImport, ImportError> {
    let import = import_project(
        Format::Brat,
        &[dir.to_path_buf()],
        None,
        ImportOptions { skip_bad_lines },
        &mut |_, _| true,
    )?;
    let (project, warnings) = import.into_project("brat collection");
    Ok(BratImport { project, warnings })
}

/// Reads the brat collection in `dir`: every `*.txt` file directly inside it (sorted by
/// name) with its `.ann` file (none: no annotations) and the configuration files, for
/// the project `target` (document ids unused in it). `progress` is asked before each
/// document.
///
/// Broken `.ann` lines make the import fail with all of them listed, unless
/// `options.skip_bad_lines` is set: then they, and what refers to them, are left out
/// and reported among the warnings.
pub(crate) fn import_brat(
    dir: &Path,
    target: &Project,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Import, ImportError> {
    let txt_paths = txt_files_in(dir)?;
    let mut warnings = Vec::new();
    let mut schema = read_conf::schema_from_dir(dir, &mut warnings);
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "brat collection".into());
    let mut taken = DocumentIds::of(target);
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    let total = txt_paths.len();
    for (done, txt_path) in txt_paths.into_iter().enumerate() {
        if !progress(done, total) {
            return Err(ImportError::Cancelled);
        }
        let text = read_utf8(&txt_path)?;
        let ann_path = txt_path.with_extension("ann");
        let ann = if ann_path.exists() {
            read_utf8(&ann_path)?
        } else {
            String::new()
        };
        let mut doc = document_from_file_text(&txt_path, text, &mut taken);
        let ann_errors = read_ann(
            &ann,
            &ann_path,
            &mut doc,
            &mut schema,
            options.skip_bad_lines,
            &mut warnings,
        );
        errors.extend(ann_errors);
        documents.push(ImportedDocument {
            document: doc,
            path: txt_path,
            encoding: None,
        });
    }
    if !errors.is_empty() {
        return Err(ImportError::BadLines(errors));
    }
    // A later file may have changed the schema under an earlier one.
    for doc in &mut documents {
        mend(dir, &mut doc.document, &mut schema, &mut warnings);
    }
    Ok(Import {
        name: Some(name),
        schema,
        documents,
        warnings,
    })
}

/// Reads the lines of one `.ann` file (named `ann_path` in messages) into `doc`, whose
/// text is the matching `.txt`; types the schema lacks are added to it with a warning.
/// Returns the broken lines (left out when `skip_bad_lines`, then as warnings).
pub fn read_ann(
    ann: &str,
    ann_path: &Path,
    doc: &mut Document,
    schema: &mut Schema,
    skip_bad_lines: bool,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut parsed = parse::parse_ann(ann);
    check::check_offsets(&mut parsed, &doc.text, ann_path, warnings);
    let triggers = check::Triggers::new(&parsed.lines, schema);
    check::check_references(&mut parsed, &triggers);
    check::check_cycles(&mut parsed, &triggers);
    let errors = check::broken_lines(&parsed, ann_path, skip_bad_lines, warnings);
    if errors.is_empty() {
        let kept = check::kept_lines(&parsed, ann_path, warnings);
        build::build_annotations(doc, &kept, &triggers, schema, ann_path, warnings);
    }
    mend(ann_path, doc, schema, warnings);
    errors
}

/// Brings what the lines built into line with the schema they extended (an attribute used
/// both with and without a value, say), keeping each change as a warning, so that an
/// import always validates.
fn mend(path: &Path, doc: &mut Document, schema: &mut Schema, warnings: &mut Vec<Diagnostic>) {
    let mut changes = Vec::new();
    crate::model::repair::repair_document(schema, doc, &mut changes);
    warnings.extend(changes.into_iter().map(|change| change.in_file(path)));
}

/// A diagnostic about line `line` of the file at `path`.
fn at_line(path: &Path, line: usize, message: String) -> Diagnostic {
    Diagnostic::new(message).in_file(path).at_line(line)
}

/// The content of a UTF-8 file; a `.ann` file's byte-order mark is dropped, a `.txt`
/// file's kept (brat counts it as the first character).
fn read_utf8(path: &Path) -> Result<String, ImportError> {
    let bytes = crate::io::read_regular_file(path).map_err(read_error(path))?;
    let text = String::from_utf8(bytes).map_err(|_| ImportError::NotUtf8 {
        format: Format::Brat,
        path: path.to_path_buf(),
    })?;
    let is_ann = path.extension().is_some_and(|e| e == "ann");
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) if is_ann => rest.to_string(),
        _ => text,
    })
}

/// The files of the brat collection of `project`, by name: a `.txt` and an `.ann` per
/// document, `annotation.conf` and `visual.conf`; and what brat cannot hold, or had to
/// be renamed. `progress` is asked before each document.
pub fn brat_files_from_project(
    project: &Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(FolderFiles, Vec<Diagnostic>), Cancelled> {
    let file_stems = file_stems_from_documents(&project.documents);
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let documents = each_document(project, progress, |i, doc| {
        let stem = &file_stems[i];
        let renamed = (*stem != doc.id).then(|| {
            Diagnostic::new(format!("written as {stem}.txt and {stem}.ann")).in_document(&doc.id)
        });
        let (ann, doc_warnings) = ann_from_document(doc);
        let metadata = left_out_of_document(doc, &[Kind::Metadata], "brat");
        (
            stem,
            &doc.text,
            ann,
            renamed.into_iter().chain(doc_warnings).chain(metadata),
        )
    })?;
    for (stem, text, ann, doc_warnings) in documents {
        files.push((format!("{stem}.txt"), text.clone()));
        files.push((format!("{stem}.ann"), ann));
        warnings.extend(doc_warnings);
    }
    warnings.extend(renamed_names(project));
    files.push((
        "annotation.conf".into(),
        annotation_conf_from_project(project),
    ));
    files.push((
        "visual.conf".into(),
        visual_conf_from_schema(&project.schema),
    ));
    Ok((files, warnings))
}

/// One warning per name of `project` (type, role, attribute, attribute value, resource,
/// comment kind, entry) that brat's files cannot hold as it is, saying how it is written.
fn renamed_names<'p>(project: &'p Project) -> Vec<Diagnostic> {
    let schema = &project.schema;
    let mut names: BTreeSet<(&str, String)> = BTreeSet::new();
    let mut name = |name: &'p str| {
        let written = brat_name_from_str(name);
        if written != name {
            names.insert((name, written));
        }
    };
    schema.entity_types.iter().for_each(|t| name(&t.name));
    for t in &schema.event_types {
        name(&t.name);
        t.roles.iter().for_each(|r| name(&r.name));
    }
    schema.relation_types.iter().for_each(|t| name(&t.name));
    for a in &schema.attributes {
        name(&a.name);
        if let AttrKind::Values(values) = &a.kind {
            values.iter().for_each(|v| name(v));
        }
    }
    let mut entries: BTreeSet<(&str, String)> = BTreeSet::new();
    for doc in &project.documents {
        doc.mentions.iter().for_each(|m| name(&m.entity_type));
        for e in &doc.events {
            name(&e.event_type);
            e.arguments.iter().for_each(|a| name(&a.role));
        }
        doc.relations.iter().for_each(|r| name(&r.relation_type));
        doc.equivalences.iter().for_each(|q| name(&q.relation_type));
        let attributes = doc.mentions.iter().map(|m| &m.attributes);
        let attributes = attributes.chain(doc.events.iter().map(|e| &e.attributes));
        let attributes = attributes.chain(doc.relations.iter().map(|r| &r.attributes));
        for (key, value) in attributes.flatten() {
            name(key);
            if let AttrValue::Value(v) = value {
                name(v);
            }
        }
        for n in &doc.normalizations {
            name(&n.resource);
            let written = brat_entry_from_str(&n.id);
            if written != n.id {
                entries.insert((&n.id, written));
            }
        }
        doc.comments.iter().for_each(|c| name(&c.kind));
    }
    let names = names
        .into_iter()
        .map(|(n, w)| format!("the name {n:?} cannot be a brat name: written as {w}"));
    let entries = entries
        .into_iter()
        .map(|(n, w)| format!("the entry {n:?} cannot be a brat entry: written as {w}"));
    names.chain(entries).map(Diagnostic::new).collect()
}

/// Writes `project` as a brat collection into `out_dir` (created if needed), as
/// [`export_project`] does: files of the same names are replaced.
pub fn write_brat(project: &Project, out_dir: &Path) -> Result<ExportReport, ExportError> {
    export_project(project, Format::Brat, out_dir, &mut |_, _| true)
}

/// File names for the documents: the ids, with characters that file systems refuse
/// replaced by `_`, made unique even on case-insensitive file systems.
pub fn file_stems_from_documents<'d>(
    documents: impl IntoIterator<Item = &'d Document>,
) -> Vec<String> {
    let mut taken = BTreeSet::new();
    let mut stems = Vec::new();
    for doc in documents {
        let mut base: String = doc
            .id
            .chars()
            .map(|c| {
                if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if base.is_empty() {
            base = "document".into();
        }
        if base.starts_with('.') {
            base.insert(0, '_');
        }
        let mut stem = base.clone();
        let mut n = 2;
        while !taken.insert(stem.to_lowercase()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        stems.push(stem);
    }
    stems
}

/// A type, role, attribute name or attribute value as brat can read it: characters
/// that brat's files use as separators (white space, `:`, `,`, `|`, `=`, `<`, `>`, `{`,
/// `}`, `!`, `;`, `#`) and control characters become `_`.
pub fn brat_name_from_str(name: &str) -> String {
    if name.is_empty() {
        return "_".into();
    }
    name.chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() || ":,|=<>{}!;#".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// The id of an entry of an external resource as a brat `N` line can hold it: white
/// space (line breaks included) becomes `_`.
fn brat_entry_from_str(entry: &str) -> String {
    entry.replace(|c: char| c.is_whitespace() || is_line_break(c), "_")
}

/// Free text on one line: every line break becomes a space.
fn one_line_from_text(text: &str) -> String {
    text.chars()
        .map(|c| if is_line_break(c) { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_support::Doc;

    #[test]
    fn file_stems_are_safe_and_unique_ignoring_case() {
        let docs: Vec<Document> = ["a/b", "A_b", "..", "", "Été", "été"]
            .iter()
            .map(|id| Document::new(*id, "", "x"))
            .collect();
        assert_eq!(
            file_stems_from_documents(&docs),
            ["a_b", "A_b-2", "_..", "document", "Été", "été-2"]
        );
    }

    #[test]
    fn names_lose_brat_separators() {
        assert_eq!(brat_name_from_str("part of"), "part_of");
        assert_eq!(brat_name_from_str("a:b,c|d=e"), "a_b_c_d_e");
        assert_eq!(brat_name_from_str("événement"), "événement");
        assert_eq!(brat_name_from_str(""), "_");
    }

    #[test]
    fn write_brat_writes_every_file() {
        let d = Doc::new("Texte\r\navec é.");
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new/collection");
        let export = write_brat(&d.project, &out).unwrap();
        let names = ["d.txt", "d.ann", "annotation.conf", "visual.conf"];
        assert_eq!(export.written, names.map(|n| out.join(n)));
        assert_eq!(
            std::fs::read(out.join("d.txt")).unwrap(),
            "Texte\r\navec é.".as_bytes()
        );
        assert_eq!(std::fs::read_to_string(out.join("d.ann")).unwrap(), "");
        assert!(out.join("annotation.conf").exists() && out.join("visual.conf").exists());
    }
}
