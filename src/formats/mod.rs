//! Import and export: getting articles and annotations in and out of a project.
//!
//! A project lives in its own RON file ([`crate::io`]); the formats here are for
//! exchanging with the rest of the world: plain-text articles to start a project from,
//! brat standoff to hand annotations to tools that read it. Each format is a module of
//! pure functions from bytes or files to model types and back, so the command line and
//! the GUI share them and tests can call them directly.
//!
//! - [`text`]: plain-text articles in UTF-8, UTF-16 or Windows-1252 (import).
//! - [`brat`]: brat standoff collections, `.txt` + `.ann` + configuration (export).
//! - [`brat_import`]: brat standoff collections (import).

pub mod brat;
pub mod brat_import;
pub mod text;
