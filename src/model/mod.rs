//! The data a project holds and the invariants that keep it consistent.
//!
//! Nothing here knows about egui or files: the GUI, the command line and the tests all
//! work on these types, and [`validate`] is the one place that says what a well-formed
//! project is.

pub mod acled;
pub mod adjudication;
pub mod annotation;
pub mod calendar;
pub mod candidates;
pub mod conflict;
pub mod conformance;
pub mod dataset_mapping;
pub mod dates;
pub mod diagnostic;
pub mod document;
pub mod documents;
pub mod ids;
pub mod incident;
mod incident_checks;
mod incident_repair;
pub mod names;
pub mod problems;
pub mod project;
pub(crate) mod reading;
pub mod repair;
pub mod report_values;
pub mod schema;
pub mod schema_index;
pub mod span;
pub mod text_index;
pub mod validate;
pub mod words;

pub use adjudication::{Decision, Unit, UnitFiller, Verdict};
pub use annotation::{
    AnnotationRef, AttrValue, Attributes, Comment, Equivalence, Event, Filler, Mention,
    Normalization, Relation, RoleArg,
};
pub use calendar::{DateRange, Day, IsoDate, Precision};
pub use conflict::{Conflict, OtherVersion, unresolved_conflicts};
pub use diagnostic::Diagnostic;
pub use document::{DocStatus, Document};
pub use documents::Documents;
pub use ids::{EventId, MentionId, RelationId};
pub use incident::{Actor, Certainty, Incident, IncidentId, Report};
pub use problems::{ProjectProblem, project_problems};
pub use project::{DocumentIds, FORMAT_VERSION, Project};
pub use schema::{
    AttrKind, AttributeDef, Cardinality, EntityType, EventType, RelationType, Rgb, Role, Schema,
};
pub use schema_index::IndexedSchema;
pub use span::Span;
pub use validate::{validate, validate_documents};
