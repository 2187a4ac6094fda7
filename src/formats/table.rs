//! The table of formats: every format eventail reads or writes, once, with what the
//! command line and the GUI need to offer it (a word for the command line, a label for
//! the menus, a description for help and tooltips, what an export writes and what an
//! import reads).
//!
//! Both front ends take their lists from here and call [`super::export_project`] and
//! [`super::import_project`] with a [`Format`], so that a format added here is offered
//! everywhere, in the same words.

use std::fmt;

/// A format of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain-text articles.
    Text,
    /// brat standoff collections.
    Brat,
    /// The whole project as documented JSON.
    Json,
    /// `events.csv` and `mentions.csv` for statistics software.
    Csv,
    /// Tokens with BIO tags.
    Conll,
    /// doccano JSONL.
    Doccano,
    /// The event dataset: one row per incident in the ACLED columns.
    Events,
}

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// One file, usually named with this extension (no dot).
    File {
        /// The extension, without its dot: `json`.
        extension: &'static str,
    },
    /// A folder of files, created if it does not exist.
    Folder,
}

/// What an import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Any number of files, or folders of them, usually with one of these extensions.
    Files {
        /// The extensions, without their dot.
        extensions: &'static [&'static str],
    },
    /// One file, usually with one of these extensions.
    File {
        /// The extensions, without their dot.
        extensions: &'static [&'static str],
    },
    /// One folder.
    Folder,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Brat,
        Format::Json,
        Format::Csv,
        Format::Conll,
        Format::Doccano,
        Format::Events,
    ];

    /// The word for the format on the command line: `brat`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Brat => "brat",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Conll => "conll",
            Format::Doccano => "doccano",
            Format::Events => "events",
        }
    }

    /// The format whose [`name`](Self::name) is `name`.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format's name in a sentence: "wrote 3 documents as brat standoff".
    pub fn title(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Brat => "brat standoff",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Conll => "CoNLL",
            Format::Doccano => "doccano JSONL",
            Format::Events => "event dataset",
        }
    }

    /// The menu item: "brat standoff (folder)…".
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "Text files…",
            Format::Brat => "brat standoff (folder)…",
            Format::Json => "JSON…",
            Format::Csv => "CSV for statistics (folder)…",
            Format::Conll => "CoNLL (BIO tags)…",
            Format::Doccano => "doccano JSONL…",
            Format::Events => "Event dataset (ACLED columns)…",
        }
    }

    /// One line on what the format holds: command-line help, GUI tooltip.
    pub fn description(self) -> &'static str {
        match self {
            Format::Text => {
                "Plain-text articles, a document per file (UTF-8, UTF-16 with BOM or \
                 Windows-1252, detected)"
            }
            Format::Brat => {
                "A brat standoff collection: a .txt and an .ann file per document, \
                 annotation.conf and visual.conf"
            }
            Format::Json => {
                "The whole project as one JSON file; every range in code points, UTF-8 bytes \
                 and UTF-16 units"
            }
            Format::Csv => {
                "events.csv and mentions.csv (UTF-8 with BOM, RFC 4180) for R, pandas or Excel"
            }
            Format::Conll => {
                "One token per line with entity and trigger BIO tags, a blank line between \
                 sentences"
            }
            Format::Doccano => {
                "doccano JSONL (relation layout): a document per line with its entities and \
                 relations (doccano has no events)"
            }
            Format::Events => {
                "One row per incident in the ACLED columns, and one per report in OUT-reports \
                 beside it (CSV; --json: one JSON file)"
            }
        }
    }

    /// What an export in this format writes; `None` when it cannot be exported.
    pub fn export_output(self) -> Option<Output> {
        match self {
            Format::Text => None,
            Format::Brat | Format::Csv => Some(Output::Folder),
            Format::Json => Some(Output::File { extension: "json" }),
            Format::Conll => Some(Output::File { extension: "conll" }),
            Format::Doccano => Some(Output::File { extension: "jsonl" }),
            Format::Events => Some(Output::File { extension: "csv" }),
        }
    }

    /// What an import of this format reads; `None` when it cannot be imported.
    pub fn import_input(self) -> Option<Input> {
        match self {
            Format::Text => Some(Input::Files {
                extensions: &["txt", "text"],
            }),
            Format::Brat => Some(Input::Folder),
            Format::Doccano => Some(Input::File {
                extensions: &["jsonl", "json"],
            }),
            Format::Json | Format::Csv | Format::Conll | Format::Events => None,
        }
    }

    /// True when projects can be written in this format.
    pub fn exports(self) -> bool {
        self.export_output().is_some()
    }

    /// True when this format can be read into a project.
    pub fn imports(self) -> bool {
        self.import_input().is_some()
    }

    /// True when what this format imports carries its own schema (brat's
    /// `annotation.conf`), so that it makes a project of its own rather than documents to
    /// add to one.
    pub fn has_own_schema(self) -> bool {
        self == Format::Brat
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_format_is_listed_once_with_its_own_words() {
        let names: BTreeSet<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        let labels: BTreeSet<&str> = Format::ALL.iter().map(|f| f.label()).collect();
        let titles: BTreeSet<&str> = Format::ALL.iter().map(|f| f.title()).collect();
        assert_eq!(names.len(), Format::ALL.len());
        assert_eq!(labels.len(), Format::ALL.len());
        assert_eq!(titles.len(), Format::ALL.len());
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
            assert_eq!(format.to_string(), format.name());
            assert!(
                format.imports() || format.exports(),
                "{format} does nothing"
            );
            assert!(!format.description().contains('\n'), "{format}");
        }
        assert_eq!(Format::from_name("incidents"), None);
    }
}
