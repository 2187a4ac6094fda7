//! `eventail search P.ron PATTERN [--regex] [--ignore-case] [--ignore-accents] [--type T]
//! [--attribute A[=V]] [--note TEXT] [--json]`: every place a phrase or an annotation
//! occurs, in context, for scripts and for a quick look without the window. What a query
//! finds is defined in [`crate::search`]; this parses, runs and prints.
//!
//! Like grep, the exit status says whether anything was found: 0 with hits, 1 with none,
//! 2 on an error (a project that does not load, a bad regular expression).

use super::{Escape, print_to_stdout, say_err, terminal_safe};
use crate::io;
use crate::search::{Hit, Query, SearchOptions, search as run_search};
use clap::Args;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The project file.
    #[arg(value_name = "PROJECT.ron")]
    pub project: PathBuf,
    /// What to look for: plain text, or a regular expression with --regex; may be empty
    /// ("") with --type, --attribute or --note, to list every such annotation.
    #[arg(value_name = "PATTERN", allow_hyphen_values = true)]
    pub pattern: String,
    /// PATTERN is a regular expression (Rust `regex` syntax).
    #[arg(long, short = 'e')]
    pub regex: bool,
    /// Upper and lower case match each other.
    #[arg(long, short = 'i')]
    pub ignore_case: bool,
    /// Accented letters match their base letters ("etat" finds "État").
    #[arg(long, short = 'a')]
    pub ignore_accents: bool,
    /// Search the annotations of this type (entity, event or relation type name) whose
    /// text matches PATTERN, instead of the text.
    #[arg(long = "type", short = 't', value_name = "TYPE")]
    pub type_name: Option<String>,
    /// Search the annotations that carry this attribute (`name`), or have this value of
    /// it (`name=value`, `true` for a flag).
    #[arg(long, value_name = "NAME[=VALUE]")]
    pub attribute: Option<String>,
    /// Search the annotations whose note contains this text.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Print a JSON array of hits instead of one line per hit.
    #[arg(long)]
    pub json: bool,
}

/// One hit as `--json` prints it.
#[derive(Serialize)]
struct JsonHit<'a> {
    /// The document's id.
    document: &'a str,
    /// The document's name.
    name: &'a str,
    start: usize,
    end: usize,
    context: &'a str,
    before: &'a str,
    matched: &'a str,
    after: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotation: Option<String>,
}

/// `search`: exit status 0 with hits, 1 without, 2 on an error.
pub fn search(args: &SearchArgs) -> ExitCode {
    match hits(args) {
        Ok(found) if found => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            say_err(&format!("error: {e:#}"));
            ExitCode::from(2)
        }
    }
}

/// Runs the search and prints its hits; true when there were any.
fn hits(args: &SearchArgs) -> anyhow::Result<bool> {
    let options = SearchOptions {
        regex: args.regex,
        ignore_case: args.ignore_case,
        ignore_accents: args.ignore_accents,
        type_name: args.type_name.clone(),
        attribute: args.attribute.clone(),
        note: args.note.clone(),
    };
    let query = Query::new(&args.pattern, &options)?;
    let project = io::load_project(&args.project)?;
    if let Some(t) = &options.type_name {
        let schema = &project.schema;
        if schema.entity_type(t).is_none()
            && schema.event_type(t).is_none()
            && schema.relation_type(t).is_none()
        {
            say_err(&format!(
                "warning: {t:?} is not a type of the project's schema"
            ));
        }
    }
    let hits = run_search(&project, &query);
    let name = |hit: &Hit| {
        project
            .documents
            .get(hit.doc)
            .map_or("", |d| d.name.as_str())
    };
    if args.json {
        let json: Vec<JsonHit<'_>> = hits
            .iter()
            .map(|h| JsonHit {
                document: &h.document,
                name: name(h),
                start: h.start,
                end: h.end,
                context: &h.context,
                before: &h.before,
                matched: &h.matched,
                after: &h.after,
                annotation: h.annotation.map(|a| a.to_string()),
            })
            .collect();
        let json = serde_json::to_string_pretty(&json)?;
        print_to_stdout(&format!("{}\n", terminal_safe(&json, Escape::Json)));
    } else {
        let mut out = String::new();
        for h in &hits {
            let annotation = h.annotation.map(|a| format!(" {a}")).unwrap_or_default();
            out.push_str(&format!(
                "{}:{}-{}{annotation}: {}\n",
                h.document, h.start, h.end, h.context
            ));
        }
        print_to_stdout(&terminal_safe(&out, Escape::Text));
    }
    Ok(!hits.is_empty())
}
