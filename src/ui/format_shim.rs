//! TEMPORARY: stands for the formats table until it lands from the `formats` branch.

use super::file_dialog::PickKind;

/// A format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Text.
    Text,
    /// brat.
    Brat,
    /// JSON.
    Json,
    /// CSV.
    Csv,
    /// CoNLL.
    Conll,
    /// doccano.
    Doccano,
}

impl Format {
    /// All.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Brat,
        Format::Json,
        Format::Csv,
        Format::Conll,
        Format::Doccano,
    ];
    /// Name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Brat => "brat",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Conll => "conll",
            Format::Doccano => "doccano",
        }
    }
    /// Label.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Brat => "brat standoff (folder)",
            Format::Json => "JSON",
            Format::Csv => "CSV for statistics (folder)",
            Format::Conll => "CoNLL (BIO tags)",
            Format::Doccano => "doccano JSONL",
        }
    }
    /// Description.
    pub fn description(self) -> &'static str {
        self.label()
    }
    /// Imports.
    pub fn imports(self) -> bool {
        matches!(self, Format::Text | Format::Brat | Format::Doccano)
    }
    /// Exports.
    pub fn exports(self) -> bool {
        !matches!(self, Format::Text)
    }
    /// Export extension.
    pub fn export_extension(self) -> Option<&'static str> {
        match self {
            Format::Brat | Format::Csv | Format::Text => None,
            Format::Json => Some("json"),
            Format::Conll => Some("conll"),
            Format::Doccano => Some("jsonl"),
        }
    }
    /// Pick.
    pub fn import_pick(self) -> PickKind {
        match self {
            Format::Brat => PickKind::Folder,
            Format::Text => PickKind::Files,
            _ => PickKind::File,
        }
    }
    /// Extensions.
    pub fn extensions(self) -> Option<(&'static str, &'static [&'static str])> {
        match self {
            Format::Doccano => Some(("doccano", &["jsonl", "json"])),
            Format::Text => Some(("text", &["txt", "text"])),
            _ => None,
        }
    }
}
