//! One type for everything eventail tells a user to look at: a validation problem, a
//! change that a repair made, a warning of an import or an export, a broken line of an
//! imported file.
//!
//! Each says where (a file and line, a document and annotation, whichever are known) and
//! what, so that the user can find the place; they are all shown the same way, so the
//! command line, the GUI and the tests print and compare them alike.

use std::fmt;
use std::path::{Path, PathBuf};

/// Something to look at, with where it is: `path:line: document "d1", T3: message`, the
/// parts that are not known left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file concerned, if any.
    pub file: Option<PathBuf>,
    /// The line of the file, from 1, if it concerns one.
    pub line: Option<usize>,
    /// Id of the document concerned, if any.
    pub document: Option<String>,
    /// The annotation concerned (`T3`, `E2`...), if any.
    pub annotation: Option<String>,
    /// What is wrong, or what was done.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic that says `message` about no place in particular; the builder
    /// methods below say where.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            file: None,
            line: None,
            document: None,
            annotation: None,
            message: message.into(),
        }
    }

    /// About the file at `path`.
    pub fn in_file(mut self, path: &Path) -> Self {
        self.file = Some(path.to_path_buf());
        self
    }

    /// About line `line` (from 1) of its file.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// About the document with id `id`.
    pub fn in_document(mut self, id: impl Into<String>) -> Self {
        self.document = Some(id.into());
        self
    }

    /// About the annotation `annotation` (`T3`, `E2`...) of its document.
    pub fn on(mut self, annotation: impl fmt::Display) -> Self {
        self.annotation = Some(annotation.to_string());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{}:{line}: ", file.display())?,
            (Some(file), None) => write!(f, "{}: ", file.display())?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        match (&self.document, &self.annotation) {
            (Some(doc), Some(ann)) => write!(f, "document {doc:?}, {ann}: ")?,
            (Some(doc), None) => write!(f, "document {doc:?}: ")?,
            (None, Some(ann)) => write!(f, "{ann}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_leaves_out_what_is_not_known() {
        let path = Path::new("corpus/a.ann");
        let shown = |d: Diagnostic| d.to_string();
        assert_eq!(shown(Diagnostic::new("bad")), "bad");
        assert_eq!(
            shown(Diagnostic::new("bad").in_file(path)),
            "corpus/a.ann: bad"
        );
        assert_eq!(
            shown(Diagnostic::new("bad").in_file(path).at_line(3)),
            "corpus/a.ann:3: bad"
        );
        assert_eq!(shown(Diagnostic::new("bad").at_line(3)), "line 3: bad");
        assert_eq!(
            shown(Diagnostic::new("bad").in_document("d1")),
            "document \"d1\": bad"
        );
        assert_eq!(
            shown(Diagnostic::new("bad").in_document("d1").on("T3")),
            "document \"d1\", T3: bad"
        );
        assert_eq!(shown(Diagnostic::new("bad").on("T3")), "T3: bad");
        assert_eq!(
            shown(
                Diagnostic::new("bad")
                    .in_file(path)
                    .at_line(7)
                    .in_document("é")
                    .on("E2")
            ),
            "corpus/a.ann:7: document \"é\", E2: bad"
        );
    }
}
