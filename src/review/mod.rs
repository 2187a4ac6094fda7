//! Reviewing annotators' work: the same articles annotated by several people are
//! aligned ([`align`]), their agreement is measured ([`agreement`], [`units`]) and their
//! disagreements listed ([`disagreement`]), so that a team can see how far it agrees
//! and adjudicate a gold version ([`merge`] builds it from several annotators' projects
//! and drives its adjudication); two versions of a project edited apart are merged
//! three ways ([`three_way`]), as git merges branches. Nothing here touches egui: the
//! command line, the GUI and the tests share it.
//!
//! The definitions of every figure are in `docs/agreement.md`.

pub mod agreement;
pub mod align;
pub mod assignment;
pub mod coreference;
pub mod disagreement;
pub mod incident_agreement;
mod keys;
pub mod merge;
pub mod report;
pub mod three_way;
pub mod units;

pub use agreement::{Counts, PairAgreement, pair_agreement};
pub use align::{AlignedDocument, Alignment, Mismatch, align};
pub use disagreement::{Disagreement, DisagreementKind};
pub use three_way::{ThreeWay, three_way_merge};
pub use units::{CharacterAgreement, character_agreement, character_agreement_among};
