//! The RON project file: reading with version checks and validation, atomic saving.

mod atomic;
mod default_schema;
mod project_file;
mod schema_file;

pub use atomic::{backup_path, write_atomically};
pub use default_schema::{DEFAULT_SCHEMA_RON, default_schema};
pub use project_file::{
    LoadError, SaveError, load_project, project_from_str, project_to_string, save_project,
};
pub use schema_file::{SchemaLoadError, load_schema, schema_from_str};
