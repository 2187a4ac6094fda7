//! The RON project file: reading with version checks and validation, atomic saving,
//! recovery files and the lock that keeps two eventails off one project.

mod atomic;
mod autosave;
mod default_schema;
mod file_stamp;
mod first_document;
mod lock;
mod parallel_parse;
mod project_file;
mod same_file;
mod schema_file;
mod split;

pub use atomic::{
    StagedFile, backup_path, read_regular_file, stage_file, write_atomically,
    write_atomically_without_backup,
};
pub(crate) use atomic::{folder_of, not_a_regular_file, sync_dir, temporary_folder_in};
pub use autosave::{
    AutosaveOutcome, Autosaver, has_recovery_file, pending_recovery, recovery_path,
};
pub use default_schema::{DEFAULT_SCHEMA_RON, default_schema};
pub use file_stamp::FileStamp;
pub use first_document::{FirstDocument, Opening, RestOfFile, open_project};
pub use lock::{LockError, LockOwner, ProjectLock, host_name, lock_path};
pub use project_file::{
    LoadError, SaveError, load_project, load_project_unchecked, parse_project, project_from_str,
    project_to_string, save_project, save_project_stamped, save_project_without_backup,
};
pub use same_file::{SameFileError, ensure_other_file, is_same_file};
pub use schema_file::{
    SchemaLoadError, load_schema, save_schema, schema_from_str, schema_to_string,
};
