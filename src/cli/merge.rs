//! `eventail merge A.ron B.ron [C.ron ...] -o GOLD.ron [--strategy S] [--json]`: a
//! gold project made of what annotators agree on, for pipelines. What they do not
//! agree on is reported, document by document, and left for adjudication in the app;
//! it is the adjudicator's work, not an error, so the command succeeds with open items.
//!
//! Merged again into the same gold project, it takes what the annotators have agreed
//! on since and never touches what was decided ([`crate::review::merge`]).

use super::{Escape, Writes, claim_output, plural, print_to_stdout, say_err, terminal_safe};
use crate::edit::Stamp;
use crate::io;
use crate::model::{Project, validate};
use crate::review::merge::{MergeReport, Source, Strategy, merge_edit};
use anyhow::{Context, bail};
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Two or more annotators' projects of the same articles.
    #[arg(value_name = "PROJECT.ron", num_args = 2.., required = true)]
    pub projects: Vec<PathBuf>,
    /// The gold project: created if it does not exist, merged into if it does (what
    /// was adjudicated in it is kept as it is).
    #[arg(short, long, value_name = "GOLD.ron")]
    pub output: PathBuf,
    /// How many annotators must have an annotation for it to be taken: all, majority
    /// (more than half) or at-least-N.
    #[arg(long, value_name = "STRATEGY", default_value = "majority")]
    pub strategy: Strategy,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `merge`: loads the projects and the gold project (if any), merges, writes the gold
/// project atomically and reports.
pub fn merge(args: &MergeArgs) -> anyhow::Result<()> {
    args.strategy
        .check(args.projects.len())
        .map_err(anyhow::Error::msg)?;
    let _lock = claim_output(&args.projects, &args.output, Writes::Project)?;
    let projects = args
        .projects
        .iter()
        .map(|p| io::load_project(p))
        .collect::<Result<Vec<_>, _>>()?;
    let sources = Source::named(
        projects
            .iter()
            .zip(&args.projects)
            .map(|(project, path)| (project, stem(path))),
    );
    let out = &args.output;
    let existing = out.exists();
    let mut gold = if existing {
        io::load_project(out)
            .context("cannot merge into a gold project that does not load (nothing written)")?
    } else {
        let schema = projects
            .first()
            .map(|p| p.schema.clone())
            .unwrap_or_default();
        Project::new("gold", schema)
    };
    for source in &sources {
        if !gold.annotators.contains(&source.name) {
            gold.annotators.push(source.name.clone());
        }
    }
    let stamp = Stamp::now(&format!("eventail merge --strategy {}", args.strategy));
    let (edit, report) = merge_edit(&gold, &sources, args.strategy, &stamp)?;
    edit.apply(&mut gold)?;
    let problems = validate(&gold);
    if !problems.is_empty() {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        bail!(
            "the merged project would not be valid (nothing written): {}",
            listed.join("; ")
        );
    }
    io::save_project(out, &gold)?;
    for not_merged in &report.not_merged {
        say_err(&format!("note: {not_merged}"));
    }
    if args.json {
        let mut json = serde_json::to_value(&report)?;
        if let Some(object) = json.as_object_mut() {
            object.insert("output".into(), out.display().to_string().into());
            object.insert("created".into(), (!existing).into());
            object.insert("agreed".into(), report.agreed().into());
            object.insert("open_items".into(), report.open_items().into());
            object.insert("open_units".into(), report.open_units().into());
        }
        let json = serde_json::to_string_pretty(&json)?;
        print_to_stdout(&format!("{}\n", terminal_safe(&json, Escape::Json)));
    } else {
        print_to_stdout(&terminal_safe(
            &text_from_report(&report, out, !existing),
            Escape::Text,
        ));
    }
    Ok(())
}

/// The file's name without its extension, the name of an annotator whose project names
/// none.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The report printed without `--json`.
fn text_from_report(report: &MergeReport, out: &Path, created: bool) -> String {
    let mut text = format!(
        "{} {} (strategy {}: {} of {} annotators: {})\n",
        if created { "created" } else { "merged into" },
        out.display(),
        report.strategy,
        report.threshold,
        report.sources.len(),
        report.sources.join(", "),
    );
    let rows: Vec<Vec<String>> = report
        .documents
        .iter()
        .map(|d| {
            vec![
                d.agreed.to_string(),
                d.open_items.to_string(),
                d.open_units.to_string(),
                if d.new {
                    format!("{} (new)", d.name)
                } else {
                    d.name.clone()
                },
            ]
        })
        .collect();
    if !rows.is_empty() {
        text.push_str(&super::table_from_rows(
            &["agreed", "open items", "open versions", "document"],
            &rows,
            &[0, 1, 2],
        ));
    }
    for not_merged in &report.not_merged {
        text.push_str(&format!("  {not_merged}\n"));
    }
    text.push_str(&format!(
        "total: {} merged, {} agreed, {} open ({}), {} not merged\n",
        plural(report.documents.len(), "document"),
        report.agreed(),
        plural(report.open_items(), "item"),
        plural(report.open_units(), "version"),
        report.not_merged.len(),
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::merge::DocumentMerge;

    #[test]
    fn the_report_lists_each_document_and_the_totals() {
        let report = MergeReport {
            strategy: Strategy::Majority,
            threshold: 2,
            sources: vec!["ana".into(), "bob".into()],
            documents: vec![DocumentMerge {
                doc: 0,
                name: "Palmyre reprise".into(),
                new: true,
                agreed: 12,
                open_items: 3,
                open_units: 5,
            }],
            not_merged: Vec::new(),
        };
        let text = text_from_report(&report, Path::new("gold.ron"), true);
        assert_eq!(
            text,
            "created gold.ron (strategy majority: 2 of 2 annotators: ana, bob)\n\
             \x20 agreed  open items  open versions  document\n\
             \x20     12           3              5  Palmyre reprise (new)\n\
             total: 1 document merged, 12 agreed, 3 items open (5 versions), 0 not \
             merged\n"
        );
    }
}
