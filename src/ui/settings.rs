//! What the app remembers between runs (through eframe persistence).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent projects the File menu lists.
const MAX_RECENT: usize = 10;

/// Saved state: small, and every field has a default so that an old or damaged
/// settings file never stops the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Recently opened or saved projects, most recent first.
    pub recent: Vec<PathBuf>,
    /// Name written on the annotations this user makes.
    pub annotator: String,
    /// How a gold version takes what annotators agree on: `all`, `majority` or
    /// `at-least-N`.
    pub merge_strategy: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            annotator: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "annotator".to_string()),
            merge_strategy: "majority".to_string(),
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
