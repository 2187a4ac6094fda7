//! `eventail agree A.ron B.ron [C.ron ...] [--json] [--csv DIR]`: the agreement of
//! annotators who worked on the same articles, for a team's weekly check and for
//! scripts. The figures come from [`crate::review`]; this only prints and writes them.

use super::{Escape, Writes, claim_output, plural, print_to_stdout, say_err, terminal_safe};
use crate::io;
use crate::review::report::{AgreementReport, PairReport, agreement_report};
use crate::review::{Alignment, align};
use anyhow::Context;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `agree`.
#[derive(Debug, Args)]
pub struct AgreeArgs {
    /// Two or more projects of the same articles; the first is the reference.
    #[arg(value_name = "PROJECT.ron", num_args = 2.., required = true)]
    pub projects: Vec<PathBuf>,
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Also write documents.csv, types.csv and disagreements.csv into this folder.
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
}

/// `agree`: loads every project, aligns their documents and reports.
pub fn agree(args: &AgreeArgs) -> anyhow::Result<()> {
    let projects = args
        .projects
        .iter()
        .map(|p| io::load_project(p))
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<&crate::model::Project> = projects.iter().collect();
    let alignment = align(&refs);
    for mismatch in &alignment.mismatches {
        say_err(&format!("note: {mismatch}"));
    }
    let names: Vec<String> = args
        .projects
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let report = agreement_report(&alignment, &names);
    if args.json {
        let json = serde_json::to_string_pretty(&report.to_json())?;
        print_to_stdout(&format!("{}\n", terminal_safe(&json, Escape::Json)));
    } else {
        print_to_stdout(&terminal_safe(
            &text_from_report(&report, &alignment),
            Escape::Text,
        ));
    }
    if let Some(dir) = &args.csv {
        write_csv(&report, dir, &args.projects)?;
    }
    Ok(())
}

/// Writes the CSV tables into `dir` (created if needed), each file atomically; none
/// over an input project.
fn write_csv(report: &AgreementReport, dir: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder: {}", dir.display()))?;
    for (name, contents) in report.csv_files() {
        let path = dir.join(name);
        claim_output(inputs, &path, Writes::Export)?;
        io::stage_file(&path, contents.as_bytes())
            .and_then(io::StagedFile::put_in_place)
            .map_err(|e| anyhow::anyhow!("cannot write: {e}: {}", path.display()))?;
    }
    say_err(&format!(
        "wrote documents.csv, types.csv and disagreements.csv to {}",
        dir.display()
    ));
    Ok(())
}

/// The tables printed without `--json`.
fn text_from_report(report: &AgreementReport, alignment: &Alignment<'_>) -> String {
    let mut out = format!(
        "{} compared ({} not compared)\n",
        plural(alignment.len(), "document"),
        alignment.mismatches.len()
    );
    let has_incidents = (0..alignment.projects)
        .filter_map(|i| alignment.project(i))
        .any(|p| !p.incidents.is_empty());
    for (pair, _) in &report.pairs {
        out.push_str(&pair_text(pair));
        if has_incidents {
            out.push_str(&incidents_text(pair));
        }
    }
    if report.pairs.len() > 1 {
        out.push_str(&format!(
            "\nAll {} annotators, over {} characters: alpha {:.3}, Fleiss' kappa {:.3}\n",
            alignment.projects, report.all.units, report.all.alpha, report.all.fleiss_kappa
        ));
    }
    out
}

/// How the pair grouped reports into incidents, in one line.
fn incidents_text(pair: &PairReport) -> String {
    let i = &pair.incidents;
    format!(
        "  incidents (reports grouped, f1): MUC {:.3}, B³ {:.3}, CEAF-e {:.3}; CoNLL {:.3}\n",
        i.muc.f1, i.b3.f1, i.ceafe.f1, i.conll
    )
}

fn pair_text(pair: &PairReport) -> String {
    let mut out = format!("\nA = {}\nB = {}\n", pair.a, pair.b);
    out.push_str("                     precision  recall      f1\n");
    let rows = [
        ("mentions (exact)", pair.mentions.exact),
        ("mentions (overlap)", pair.mentions.overlap),
        ("events (trigger)", pair.events.trigger),
        ("events (arguments)", pair.events.arguments),
        ("relations", pair.relations),
    ];
    for (label, s) in rows {
        out.push_str(&format!(
            "  {label:<19}{:>9.3}{:>8.3}{:>8.3}\n",
            s.precision, s.recall, s.f1
        ));
    }
    out.push_str(&format!(
        "  mention types: Cohen's kappa {:.3}; characters: alpha {:.3}, Fleiss' kappa {:.3}\n",
        pair.mentions.kappa, pair.mentions.alpha, pair.mentions.fleiss_kappa
    ));
    if !pair.events.roles.is_empty() {
        out.push_str("  arguments per role (f1):");
        for (role, s) in &pair.events.roles {
            out.push_str(&format!(" {role} {:.3};", s.f1));
        }
        out.push('\n');
    }
    out
}
