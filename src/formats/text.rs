//! Plain-text articles: detecting their encoding and making documents of them.
//!
//! Articles come from web pages, word processors and old archives, so their encoding is
//! rarely announced. A byte-order mark is trusted (UTF-8, UTF-16 LE or BE); otherwise
//! valid UTF-8 is taken as UTF-8 and anything else as Windows-1252, which also covers
//! Latin-1. The decoded text is kept exactly, line endings included, because annotations
//! point into it; nothing is ever replaced, so a file that does not decode cleanly in the
//! encoding its mark announces is refused rather than silently altered.

use crate::formats::import::{Import, ImportError, ImportedDocument, read_error};
use crate::model::{Diagnostic, Document, DocumentIds, Project};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use std::path::{Path, PathBuf};

/// Longest document name taken from the first line of a text, in characters.
const MAX_NAME_CHARS: usize = 120;

/// Why bytes could not be taken as the text of an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing but white space (or nothing at all) once decoded.
    #[error("the file is empty (no text to annotate)")]
    Empty,
    /// The bytes hold NUL characters: an image, a PDF, a word processor file...
    #[error("the file holds NUL bytes: it looks like a binary file, not plain text")]
    Binary,
    /// A byte-order mark announced an encoding that the rest of the bytes break.
    #[error("the file starts with a {encoding} byte-order mark but is not valid {encoding}")]
    Malformed {
        /// The encoding that the mark announced.
        encoding: &'static str,
    },
}

/// Decodes the bytes of a plain-text file; returns the text and the encoding detected.
///
/// A byte-order mark is stripped and decides the encoding; without one, valid UTF-8 is
/// UTF-8 and anything else Windows-1252. The text is otherwise unchanged (line endings
/// included). Empty and binary files are refused.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    let (text, encoding) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => {
            let name = if encoding == UTF_16LE {
                "UTF-16LE"
            } else if encoding == UTF_16BE {
                "UTF-16BE"
            } else {
                "UTF-8 with BOM"
            };
            let text = encoding
                .decode_without_bom_handling_and_without_replacement(&bytes[bom_len..])
                .ok_or(DecodeError::Malformed { encoding: name })?;
            (text.into_owned(), name)
        }
        None => {
            // Checked on the bytes so that the scan stops at the first NUL of a big binary.
            if bytes.contains(&0) {
                return Err(DecodeError::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(text) => (text.to_string(), "UTF-8"),
                Err(_) => {
                    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                    (text.into_owned(), "windows-1252")
                }
            }
        }
    };
    if text.contains('\0') {
        return Err(DecodeError::Binary);
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, encoding))
}

/// The name of an article: its first non-empty line, trimmed and shortened to
/// 120 characters, or `stem` when it has none.
pub fn name_from_text(text: &str, stem: &str) -> String {
    let Some(line) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return stem.to_string();
    };
    if line.chars().count() <= MAX_NAME_CHARS {
        return line.to_string();
    }
    let mut name: String = line.chars().take(MAX_NAME_CHARS - 1).collect();
    name.truncate(name.trim_end().len());
    name.push('…');
    name
}

/// The `*.txt` files directly inside the folder `dir` (any case of the extension,
/// hidden files skipped), sorted by name: the articles of a folder, for the text and
/// the brat imports.
pub(crate) fn txt_files_in(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error(dir))? {
        let entry = entry.map_err(read_error(dir))?;
        let file = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_txt = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        if is_txt && !name.starts_with('.') && !file.is_dir() {
            found.push((name, file));
        }
    }
    if found.is_empty() {
        return Err(ImportError::NoTextFiles {
            path: dir.to_path_buf(),
        });
    }
    found.sort();
    Ok(found.into_iter().map(|(_, file)| file).collect())
}

/// The document of the article `text` read from the file at `path`: its id from the
/// file's name, unused in `taken` (which then takes it), its name from its first line,
/// the file's name in its metadata.
pub(crate) fn document_from_file_text(
    path: &Path,
    text: String,
    taken: &mut DocumentIds,
) -> Document {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = taken.claim(&stem);
    let name = name_from_text(&text, &stem);
    let mut document = Document::new(id, name, text);
    if let Some(file_name) = path.file_name() {
        document
            .metadata
            .insert("file".into(), file_name.to_string_lossy().into_owned());
    }
    document
}

/// Reads the articles named by `paths` (files, or folders of `*.txt` files) as new
/// documents for the project `target`, with ids that neither it nor each other use yet;
/// the schema is the target's. `progress(files_done, files_total)` is asked before each
/// file.
///
/// Every file is tried, and if any fails, all the errors are returned, so that the user
/// can fix them in one go.
pub(crate) fn import_text(
    paths: &[PathBuf],
    target: &Project,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Import, ImportError> {
    // Each file, and whether it was found in a folder rather than named by the user.
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push((path.clone(), false));
            continue;
        }
        match txt_files_in(path) {
            Ok(found) => files.extend(found.into_iter().map(|file| (file, true))),
            Err(error) => errors.push(error),
        }
    }
    let total = files.len();
    let mut taken = DocumentIds::of(target);
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    for (done, (path, in_folder)) in files.into_iter().enumerate() {
        if !progress(done, total) {
            return Err(ImportError::Cancelled);
        }
        // A FIFO or a device among the articles of a folder is no article; reading it
        // would block. One named by the user is refused when read.
        if in_folder && !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            let message = format!("skipped: {}", crate::io::not_a_regular_file());
            warnings.push(Diagnostic::new(message).in_file(&path));
            continue;
        }
        match text_from_path(&path) {
            Ok((text, encoding)) => documents.push(ImportedDocument {
                document: document_from_file_text(&path, text, &mut taken),
                path,
                encoding: Some(encoding),
            }),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::BadFiles(errors));
    }
    Ok(Import {
        name: None,
        schema: target.schema.clone(),
        documents,
        warnings,
    })
}

/// Reads and decodes one file.
fn text_from_path(path: &Path) -> Result<(String, &'static str), ImportError> {
    let bytes = crate::io::read_regular_file(path).map_err(read_error(path))?;
    decode_text(&bytes).map_err(|error| ImportError::Decode {
        path: path.to_path_buf(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn utf16be(s: &str) -> Vec<u8> {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    }

    const FRENCH: &str = "L’armée syrienne\r\nreprend Palmyre\u{a0}: « victoire »\r\n";

    #[test]
    fn plain_utf8_is_kept_exactly() {
        let (text, enc) = decode_text(FRENCH.as_bytes()).unwrap();
        assert_eq!(text, FRENCH);
        assert_eq!(enc, "UTF-8");
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend(FRENCH.as_bytes());
        assert_eq!(
            decode_text(&bytes).unwrap(),
            (FRENCH.to_string(), "UTF-8 with BOM")
        );
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "Palmyre 🏛️ e\u{301}\r\n";
        assert_eq!(
            decode_text(&utf16le(text)).unwrap(),
            (text.to_string(), "UTF-16LE")
        );
        assert_eq!(
            decode_text(&utf16be(text)).unwrap(),
            (text.to_string(), "UTF-16BE")
        );
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // "Élysée – l’été\r\n" in Windows-1252: 0x96 is the en dash, 0x92 the apostrophe.
        let bytes = b"\xC9lys\xE9e \x96 l\x92\xE9t\xE9\xA0!\r\n";
        let (text, enc) = decode_text(bytes).unwrap();
        assert_eq!(text, "Élysée – l’été\u{a0}!\r\n");
        assert_eq!(enc, "windows-1252");
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(decode_text(b""), Err(DecodeError::Empty));
        assert_eq!(decode_text(b" \r\n\t\n"), Err(DecodeError::Empty));
        assert_eq!(decode_text(&[0xEF, 0xBB, 0xBF]), Err(DecodeError::Empty));
        assert_eq!(decode_text(&[0xFF, 0xFE]), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(
            decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        // A NUL in UTF-16 text (a UTF-32 file looks like this) is binary too.
        assert_eq!(decode_text(&utf16le("a\0b")), Err(DecodeError::Binary));
    }

    #[test]
    fn broken_utf16_is_refused_not_replaced() {
        let mut bytes = utf16le("abc");
        bytes.push(0x41); // odd length
        assert_eq!(
            decode_text(&bytes),
            Err(DecodeError::Malformed {
                encoding: "UTF-16LE"
            })
        );
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend(b"caf\xE9");
        assert_eq!(
            decode_text(&bytes),
            Err(DecodeError::Malformed {
                encoding: "UTF-8 with BOM"
            })
        );
    }

    #[test]
    fn name_is_first_non_empty_line_or_stem() {
        assert_eq!(name_from_text("\r\n  \r\n  Titre  \r\ncorps", "a"), "Titre");
        assert_eq!(name_from_text("   ", "stem"), "stem");
        let long = "x".repeat(300);
        let name = name_from_text(&long, "a");
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
        assert!(name.ends_with('…'));
    }

    #[test]
    fn folder_import_sorts_skips_and_makes_ids_unique() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "Deuxième\n").unwrap();
        std::fs::write(dir.path().join("a.TXT"), "Premier\n").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), b"\0\0").unwrap();
        std::fs::write(dir.path().join("notes.md"), "pas un article").unwrap();
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("a.txt"), "Autre\n").unwrap();

        let mut project = Project::new("p", Default::default());
        project.documents.push(Document::new("b", "déjà là", "x"));
        let paths = vec![dir.path().to_path_buf(), other.path().join("a.txt")];
        let imported = import_text(&paths, &project, &mut |_, _| true)
            .unwrap()
            .documents;
        let ids: Vec<_> = imported.iter().map(|i| i.document.id.as_str()).collect();
        assert_eq!(ids, ["a", "b-2", "a-2"]);
        assert_eq!(imported[0].document.name, "Premier");
        assert_eq!(imported[1].document.text, "Deuxième\n");
        assert_eq!(imported[0].document.metadata["file"], "a.TXT");
    }

    #[test]
    fn every_failing_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        let binary = dir.path().join("image.txt");
        std::fs::write(&empty, "").unwrap();
        std::fs::write(&binary, b"GIF89a\0\x01").unwrap();
        std::fs::write(dir.path().join("ok.txt"), "fine").unwrap();
        let no_txt = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.txt");
        let paths = vec![
            dir.path().to_path_buf(),
            no_txt.path().to_path_buf(),
            missing.clone(),
        ];
        let project = Project::new("p", Default::default());
        let Err(ImportError::BadFiles(errors)) = import_text(&paths, &project, &mut |_, _| true)
        else {
            panic!("bad files imported");
        };
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 4, "{messages:#?}");
        assert!(messages[0].contains("no .txt file"));
        assert!(messages[0].ends_with(&no_txt.path().display().to_string()));
        assert!(messages[1].contains("empty") && messages[1].ends_with("empty.txt"));
        assert!(messages[2].contains("binary") && messages[2].ends_with("image.txt"));
        assert!(messages[3].starts_with("cannot read") && messages[3].ends_with("missing.txt"));
    }
}
