//! The RON project file: reading with version checks and validation, atomic saving;
//! and RON schema files, including the default schema built into eventail.

mod atomic;
mod project_file;
mod schema_file;

pub use atomic::{backup_path, write_atomically};
pub use project_file::{
    LoadError, SaveError, load_project, project_from_str, project_to_string, save_project,
};
pub use schema_file::{
    DEFAULT_SCHEMA_RON, SchemaLoadError, default_schema, load_schema, schema_from_str,
};
