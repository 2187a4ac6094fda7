//! Every change to a project, as a value that can be applied, undone and redone.
//!
//! The GUI never mutates a [`Project`](crate::model::Project) directly: it builds an
//! [`Edit`] with the functions of [`ops`] and hands it to a [`History`]. Each primitive
//! [`Change`] returns its exact inverse when applied, so undo is always correct, whatever
//! the edit did.

mod change;
mod history;

pub mod date_ops;
pub mod incident_ops;
pub mod mapping_ops;
pub mod ops;
pub mod relation_ops;
pub mod resolve;
pub mod role_ops;
pub mod schema_ops;
mod touched;

pub use change::{Annotation, AnnotationKey, Change, Edit, EditError, Links};
pub use history::History;
pub use ops::Stamp;
pub use touched::Touched;
