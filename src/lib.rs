//! eventail: annotate news articles with entities and events, by hand.
//!
//! The library holds everything; `main.rs` only parses arguments and hands over to the
//! command line ([`cli`]) or the GUI ([`ui`]). The model, edit, io, formats and review
//! layers never touch egui, so all the GUI can do to a project, a test can do without a
//! window.

pub mod cli;
pub mod edit;
pub mod formats;
pub mod io;
pub mod model;
mod parallel;
pub mod review;
pub mod search;
#[cfg(feature = "gui")]
pub mod ui;
