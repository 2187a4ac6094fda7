//! Schema files: a RON [`Schema`] on its own, which a team shares so that all its
//! projects start with the same types (`eventail import text --schema`).

use crate::model::Schema;
use std::path::{Path, PathBuf};

/// Why a schema file could not be read. The path comes last in every message.
#[derive(Debug, thiserror::Error)]
pub enum SchemaLoadError {
    /// The file could not be read, or is not UTF-8.
    #[error("cannot read the schema: {error}: {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The file is not a RON schema.
    #[error("line {line}, column {column}: {message}: {}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// What is wrong there.
        message: String,
    },
}

/// Parses a RON schema from the text of the file at `path` (named in errors).
pub fn schema_from_str(text: &str, path: &Path) -> Result<Schema, SchemaLoadError> {
    ron::from_str(text).map_err(|e: ron::error::SpannedError| SchemaLoadError::Syntax {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// Reads the RON schema at `path`.
pub fn load_schema(path: &Path) -> Result<Schema, SchemaLoadError> {
    let read_error = |error| SchemaLoadError::Read {
        path: path.to_path_buf(),
        error,
    };
    let bytes = super::read_regular_file(path).map_err(read_error)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| read_error(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    schema_from_str(&text, path)
}

/// The schema as the text of its file: pretty RON, one type per entry, the same schema
/// always giving the same bytes (a codebook is shared and diffed like a project).
pub fn schema_to_string(schema: &Schema) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .indentor("    ")
        .new_line("\n");
    let mut text = ron::ser::to_string_pretty(schema, config)?;
    text.push('\n');
    Ok(text)
}

/// Writes the schema to `path` atomically (a full disk leaves the old file).
pub fn save_schema(path: &Path, schema: &Schema) -> std::io::Result<()> {
    let text = schema_to_string(schema).map_err(std::io::Error::other)?;
    super::write_atomically_without_backup(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_names_position_and_path() {
        let err = schema_from_str("(entity_types: [", Path::new("x/s.ron")).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("line 1, column"), "{message}");
        assert!(message.ends_with("x/s.ron"), "{message}");
    }

    #[test]
    fn a_saved_schema_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("codebook.ron");
        let schema = crate::io::default_schema();
        save_schema(&path, &schema).unwrap();
        assert_eq!(load_schema(&path).unwrap(), schema);
    }
}
