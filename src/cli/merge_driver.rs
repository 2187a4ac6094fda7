//! `eventail merge-driver %O %A %B %P`: the three-way merge of a project file, as a git
//! merge driver, so that a team sharing a project through git merges annotations
//! rather than lines (see the README, "Sharing a project through git").
//!
//! git gives the common ancestor (`%O`), ours (`%A`, where the result goes), theirs
//! (`%B`) and the file's path in the repository (`%P`, for messages). The merge itself
//! is [`crate::review::three_way`]; this reads, writes and reports. Exit status: 0 for
//! a clean merge; 1 when conflicts remain (the file is still a valid project, with
//! both versions of each conflicting annotation); 2 when the merge could not be made,
//! `%A` then left as it was, so that git reports its own conflict.

use super::{Writes, claim_output, say_err};
use crate::io;
use crate::model::{Project, validate};
use crate::review::three_way::three_way_merge;
use anyhow::{Context, bail};
use clap::Args;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `merge-driver`, in git's order.
#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor (git's %O).
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// Ours (git's %A): the merged project is written here.
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    /// Theirs (git's %B).
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
    /// The file's path in the repository (git's %P), shown in messages; OURS if not
    /// given.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// The exit status of a merge that found conflicts.
const CONFLICTS: u8 = 1;

/// The exit status of a merge that could not be made (nothing written).
const NOT_MERGED: u8 = 2;

/// `merge-driver`: merges, writes the result over OURS, lists conflicts and notes on
/// stderr; the exit status says how it went (see the module's documentation).
pub fn merge_driver(args: &MergeDriverArgs) -> ExitCode {
    let shown = args.path.as_deref().unwrap_or(&args.ours);
    match merge(args, shown) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(CONFLICTS),
        Err(e) => {
            say_err(&format!("error: {}: not merged: {e:#}", shown.display()));
            ExitCode::from(NOT_MERGED)
        }
    }
}

/// Merges and writes; returns the number of conflicts the merge found.
fn merge(args: &MergeDriverArgs, shown: &Path) -> anyhow::Result<usize> {
    let inputs = [args.base.clone(), args.theirs.clone()];
    let _lock = claim_output(&inputs, &args.ours, Writes::Project)?;
    let load = |path: &Path, what: &str| {
        io::load_project(path).with_context(|| format!("cannot read {what}"))
    };
    // Two branches that each added the file have no common ancestor: git gives an
    // empty file, merged from as from an empty project.
    let base = if std::fs::metadata(&args.base).is_ok_and(|m| m.is_file() && m.len() == 0) {
        Project::new("", Default::default())
    } else {
        load(&args.base, "the common ancestor (%O)")?
    };
    let ours = load(&args.ours, "ours (%A)")?;
    let theirs = load(&args.theirs, "theirs (%B)")?;
    let (ours_name, theirs_name) = side_names(&ours, &theirs);
    let merge = three_way_merge(&base, &ours, &theirs, &ours_name, &theirs_name)?;
    let problems = validate(&merge.project);
    if !problems.is_empty() {
        let listed: Vec<String> = problems.iter().take(20).map(|p| p.to_string()).collect();
        bail!(
            "the merge would not be a valid project ({} problem(s), which the schemas of \
             the two sides may explain), nothing written:\n  {}",
            problems.len(),
            listed.join("\n  ")
        );
    }
    for note in &merge.notes {
        say_err(&format!("{}: {note}", shown.display()));
    }
    io::save_project_without_backup(&args.ours, &merge.project)?;
    let found = merge.conflicts().count();
    let all: usize = merge
        .project
        .documents
        .iter()
        .map(|d| d.conflicts.len())
        .sum();
    if found > 0 {
        say_err(&format!(
            "{}: {found} conflict(s): both versions of each are kept in the file, which \
             eventail opens; pick one of each there (the Merge conflicts panel), or list them with \
             `eventail validate`",
            shown.display()
        ));
    } else if all > 0 {
        say_err(&format!(
            "{}: merged; {all} conflict(s) from earlier merges are still to resolve",
            shown.display()
        ));
    }
    Ok(found)
}

/// How the two sides are named in conflicts: by the first annotator that each lists
/// and the other does not, when both have one (two annotators who each added their
/// name to the project), else `ours` and `theirs` as git says.
fn side_names(ours: &Project, theirs: &Project) -> (String, String) {
    let own = |a: &Project, b: &Project| {
        let others: HashSet<&String> = b.annotators.iter().collect();
        a.annotators.iter().find(|n| !others.contains(n)).cloned()
    };
    match (own(ours, theirs), own(theirs, ours)) {
        (Some(o), Some(t)) if !o.trim().is_empty() && !t.trim().is_empty() => (o, t),
        _ => ("ours".to_string(), "theirs".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_are_named_by_their_own_annotators_or_as_git_does() {
        let with = |names: &[&str]| {
            let mut p = Project::new("p", Default::default());
            p.annotators = names.iter().map(|n| n.to_string()).collect();
            p
        };
        let names = |a: &[&str], b: &[&str]| side_names(&with(a), &with(b));
        let git = ("ours".to_string(), "theirs".to_string());
        assert_eq!(
            names(&["ana"], &["ben"]),
            ("ana".to_string(), "ben".to_string())
        );
        assert_eq!(
            names(&["ana", "ben"], &["ana", "chloé"]),
            ("ben".to_string(), "chloé".to_string())
        );
        assert_eq!(names(&["ana", "ben"], &["ben", "ana"]), git);
        assert_eq!(names(&["ana"], &[]), git);
        assert_eq!(names(&[], &[]), git);
    }
}
