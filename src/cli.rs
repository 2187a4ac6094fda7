//! The command line: headless subcommands, so that projects can be checked, counted,
//! created from articles and exported in scripts and CI, without a window.
//!
//! Everything here is a thin layer over the library ([`crate::io`], [`crate::formats`]):
//! parse the arguments, call it, print the result. Errors go to stderr with a non-zero
//! exit status and name the file (and, where known, the position, document and
//! annotation); nothing here panics on bad input.
//!
//! Two rules hold for every command, each in one place: what a command writes is checked
//! before it reads anything ([`claim_output`]: never one of its inputs, and a project it
//! writes is locked until written), and everything it prints goes through
//! [`terminal_safe`], so that names taken from files cannot drive the terminal.

use crate::edit::ops;
use crate::formats::{self, Format, ImportOptions};
use crate::io;
use crate::model::{DocStatus, Document, Project};
use anyhow::{Context, bail};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

mod agree;
mod merge;
mod merge_driver;
mod search;

/// Annotate news articles with entities and events.
///
/// With no subcommand, opens the GUI on PROJECT (the sample project if none).
#[derive(Debug, Parser)]
#[command(name = "eventail", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The project to open in the GUI.
    #[arg(value_name = "PROJECT.ron")]
    pub project: Option<PathBuf>,
    /// Colleagues' projects of the same articles to compare it with, in the review
    /// panel (as Review > Compare does).
    #[arg(long, value_name = "OTHER.ron", num_args = 1.., requires = "project")]
    pub compare: Vec<PathBuf>,
    /// Annotators' projects of which PROJECT is the gold version: brought up to date
    /// with them and adjudicated in the app (as Review > Build a gold version does).
    #[arg(long, value_name = "ANNOTATOR.ron", num_args = 2.., requires = "project")]
    pub adjudicate: Vec<PathBuf>,
    /// A headless subcommand instead of the GUI.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a project and check it: a summary if it is valid, its errors otherwise.
    Validate {
        /// The project file.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Also list what does not fit the schema (missing required roles, fillers of
        /// the wrong type, values not in their list), one line each; these are
        /// warnings: the exit status stays 0.
        #[arg(long)]
        warnings: bool,
    },
    /// Count annotations per type, per document and per status.
    Stats {
        /// The project file.
        #[arg(value_name = "PROJECT.ron")]
        project: PathBuf,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Create a project from files, or add them to one.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write a project in another format.
    Export(ExportArgs),
    /// Measure how far annotators agree on the same articles (the first project is the
    /// reference): precision, recall and F1 of mentions, events and relations, kappa
    /// and alpha. Definitions: docs/agreement.md.
    Agree(agree::AgreeArgs),
    /// Make a gold project of what annotators agree on (all, majority or at-least-N of
    /// them) and report what is left to adjudicate. Details: docs/adjudication.md.
    Merge(merge::MergeArgs),
    /// Mend a project that fails validation into a new file, listing every change.
    Repair {
        /// The broken project (left as it is).
        #[arg(value_name = "BROKEN.ron")]
        project: PathBuf,
        /// Where to write the mended project (must be another file).
        #[arg(short, long, value_name = "FIXED.ron")]
        output: PathBuf,
    },
    /// Merge two versions of a project from their common ancestor, as a git merge
    /// driver (`%O %A %B %P`): the result replaces OURS; exit status 0 when clean, 1
    /// when conflicts are kept in the file for the app to resolve, 2 when not merged.
    MergeDriver(merge_driver::MergeDriverArgs),
    /// Find text or annotations, one hit per line in context (document:start-end:
    /// context, offsets in code points); exit status 0 with hits, 1 with none, 2 on an
    /// error.
    Search(search::SearchArgs),
}

/// The formats that `import` reads, each a subcommand named and described as in the
/// table of formats, with the arguments it takes.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Plain-text articles.
    #[command(about = Format::Text.description(), long_about = None)]
    Text(ImportTextArgs),
    /// doccano JSONL; types that the schema lacks are added to it.
    #[command(about = Format::Doccano.description(), long_about = None)]
    Doccano(ImportDoccanoArgs),
    /// A brat standoff collection, with its own schema.
    #[command(about = Format::Brat.description(), long_about = None)]
    Brat(ImportBratArgs),
}

/// What an `import` subcommand asks, whatever its format: the one shape that
/// [`import`] takes.
struct ImportRequest<'a> {
    format: Format,
    inputs: &'a [PathBuf],
    output: &'a Path,
    name: Option<&'a str>,
    schema: Option<&'a Path>,
    skip_bad_lines: bool,
}

impl ImportCommand {
    /// The request of the subcommand.
    fn request(&self) -> ImportRequest<'_> {
        match self {
            ImportCommand::Text(args) => ImportRequest {
                format: Format::Text,
                inputs: &args.paths,
                output: &args.target.output,
                name: args.target.name.as_deref(),
                schema: args.target.schema.as_deref(),
                skip_bad_lines: false,
            },
            ImportCommand::Doccano(args) => ImportRequest {
                format: Format::Doccano,
                inputs: std::slice::from_ref(&args.file),
                output: &args.target.output,
                name: args.target.name.as_deref(),
                schema: args.target.schema.as_deref(),
                skip_bad_lines: args.skip_bad_lines,
            },
            ImportCommand::Brat(args) => ImportRequest {
                format: Format::Brat,
                inputs: std::slice::from_ref(&args.dir),
                output: &args.output,
                name: args.name.as_deref(),
                schema: None,
                skip_bad_lines: args.skip_bad_lines,
            },
        }
    }
}

/// Arguments of `import brat`.
#[derive(Debug, Args)]
pub struct ImportBratArgs {
    /// The collection folder.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The project to create (an existing one is replaced only if it loads).
    #[arg(short, long, value_name = "P.ron")]
    pub output: PathBuf,
    /// Leave out broken .ann lines, and what refers to them, with a warning each,
    /// instead of importing nothing.
    #[arg(long)]
    pub skip_bad_lines: bool,
    /// Name of the project (default: the folder's name).
    #[arg(long)]
    pub name: Option<String>,
}

/// Arguments of `import text`.
#[derive(Debug, Args)]
pub struct ImportTextArgs {
    /// Text files, or folders whose `*.txt` files are imported in file-name order.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// The project to create or add to.
    #[command(flatten)]
    pub target: ImportTarget,
}

/// The project an import writes: arguments shared by the imports.
#[derive(Debug, Args)]
pub struct ImportTarget {
    /// The project to create, or to add the documents to if it exists.
    #[arg(short, long, value_name = "P.ron")]
    pub output: PathBuf,
    /// Name of a new project (default: the output file's name).
    #[arg(long)]
    pub name: Option<String>,
    /// RON schema of a new project (default: the built-in conflict-news schema).
    #[arg(long, value_name = "SCHEMA.ron")]
    pub schema: Option<PathBuf>,
}

/// Arguments of `import doccano`.
#[derive(Debug, Args)]
pub struct ImportDoccanoArgs {
    /// The JSONL file: one object per line, `{"id", "text", "entities", "relations"}`
    /// or `{"text", "label": [[start, end, "TYPE"], ...]}`, offsets in code points.
    #[arg(value_name = "FILE.jsonl")]
    pub file: PathBuf,
    /// The project to create or add to; entity and relation types that its schema
    /// lacks are added to it.
    #[command(flatten)]
    pub target: ImportTarget,
    /// Import the good lines and warn about the bad ones, instead of importing nothing.
    #[arg(long)]
    pub skip_bad_lines: bool,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(value_name = "FORMAT", value_parser = FormatParser::exporting())]
    pub format: Format,
    /// The project file.
    #[arg(value_name = "PROJECT.ron")]
    pub project: PathBuf,
    /// The file to write, or the folder for the formats that write several files
    /// (created if needed); files of the same names are replaced.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// csv: write cells as they are; by default a cell that a spreadsheet would run as a
    /// formula (beginning with =, +, -, @) starts with a '.
    #[arg(long)]
    pub raw: bool,
    /// events: write one JSON file (`{"events": [...], "reports": [...]}`) instead of
    /// OUT and OUT-reports as CSV.
    #[arg(long)]
    pub json: bool,
}

/// The formats of the table that the command line offers for a job, as clap values:
/// their names, with their descriptions as help.
#[derive(Clone, Debug)]
struct FormatParser {
    formats: Vec<Format>,
}

impl FormatParser {
    /// The formats that `export` writes.
    fn exporting() -> Self {
        Self {
            formats: Format::ALL.into_iter().filter(|f| f.exports()).collect(),
        }
    }

    fn values(&self) -> impl Iterator<Item = PossibleValue> + '_ {
        self.formats
            .iter()
            .map(|f| PossibleValue::new(f.name()).help(f.description()))
    }
}

impl TypedValueParser for FormatParser {
    type Value = Format;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Format, clap::Error> {
        let name = PossibleValuesParser::new(self.values()).parse_ref(cmd, arg, value)?;
        self.formats
            .iter()
            .copied()
            .find(|f| f.name() == name)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values()))
    }
}

/// Parses the command line; on a usage error, or for `--help` and `--version`, prints
/// what clap says and returns the exit status to end with.
///
/// A PROJECT that is not an existing file is a usage error too, found here before any
/// window opens: `eventail agree` is a mistyped command far more often than a project.
pub fn parse() -> Result<Cli, ExitCode> {
    let cli = Cli::try_parse().map_err(|e| {
        if e.use_stderr() {
            // A usage error quotes the arguments, which may hold anything.
            eprint!("{}", terminal_safe(&e.render().to_string(), Escape::Text));
        } else {
            // Help and version: only our own words, with their colours.
            let _ = e.print();
        }
        ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
    })?;
    match &cli.project {
        Some(project) if cli.command.is_none() && !project.is_file() => {
            eprint!(
                "{}",
                terminal_safe(&not_a_command_message(project), Escape::Text)
            );
            Err(ExitCode::from(2))
        }
        _ => Ok(cli),
    }
}

/// What is said of a PROJECT argument that is neither a command nor a project file: that,
/// and the commands there are.
fn not_a_command_message(project: &Path) -> String {
    use clap::CommandFactory;
    let cli = Cli::command();
    let commands: Vec<(String, String)> = cli
        .get_subcommands()
        .map(|c| {
            let about = c.get_about().map(|a| a.to_string()).unwrap_or_default();
            (c.get_name().to_string(), about)
        })
        .collect();
    let width = commands.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    let mut message = format!(
        "error: neither a command nor an existing project file: {}\n\nCommands:\n",
        project.display()
    );
    for (name, about) in commands {
        message.push_str(&format!("  {name:width$}  {about}\n"));
    }
    message.push_str("\nFor more information, try 'eventail --help'.\n");
    message
}

/// Runs a subcommand; prints its error on stderr and returns a failure status if any.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Validate { project, warnings } => validate(&project, warnings),
        Command::Stats { project, json } => stats(&project, json),
        Command::Import(command) => import(&command.request()),
        Command::Export(args) => export(&args),
        Command::Repair { project, output } => repair(&project, &output),
        Command::Agree(args) => agree::agree(&args),
        Command::MergeDriver(args) => return merge_driver::merge_driver(&args),
        Command::Merge(args) => merge::merge(&args),
        Command::Search(args) => return search::search(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say_err(&format!("error: {e:#}"));
            ExitCode::FAILURE
        }
    }
}

/// How [`terminal_safe`] writes a control character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Escape {
    /// As Rust writes it, `\u{1b}`: for people.
    Text,
    /// As JSON writes it, `\u001b`: valid inside the strings of a JSON document, which
    /// is where data from files is.
    Json,
}

/// `text` made safe to print on a terminal: control characters other than the line break
/// are written as escapes, because an escape sequence in an article's first line or a
/// file's name would otherwise recolour, rewrite or hide what the terminal shows. Accents,
/// other scripts and emoji are kept as they are. Everything the command line prints goes
/// through here.
fn terminal_safe(text: &str, escape: Escape) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n';
    if !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match (unsafe_char(c), escape) {
            (false, _) => safe.push(c),
            (true, Escape::Text) => safe.extend(c.escape_unicode()),
            (true, Escape::Json) => safe.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    Cow::Owned(safe)
}

/// Prints a line of `text` on stdout, made [`terminal_safe`].
fn say(text: &str) {
    print_to_stdout(&format!("{}\n", terminal_safe(text, Escape::Text)));
}

/// Prints a line of `text` on stderr, made [`terminal_safe`].
fn say_err(text: &str) {
    eprintln!("{}", terminal_safe(text, Escape::Text));
}

/// Writes `text` on stdout. A reader that stopped reading (`eventail stats | head`) is
/// not an error of ours: the rest is simply not wanted, so it is dropped quietly
/// (`println!` would panic).
fn print_to_stdout(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// How long a command that writes a project waits for another eventail to be done with
/// it before giving up.
const LOCK_PATIENCE: Duration = Duration::from_secs(2);

/// What a command writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writes {
    /// A project, read first if it exists (import, repair).
    Project,
    /// An export: a file or a folder of files, never a project.
    Export,
}

/// The one check before a command that writes reads anything: `output` is none of its
/// `inputs`, however spelled (`./p.ron`, an absolute path, a link: [`io::ensure_other_file`]),
/// and a project that it writes is locked, and stays locked as long as the returned lock
/// lives, so that commands writing one project run one after the other instead of
/// losing each other's changes. Exports never replace a project at all, their input
/// included: [`io::stage_file`] refuses to, file by file (a folder export's files too).
fn claim_output(
    inputs: &[PathBuf],
    output: &Path,
    writes: Writes,
) -> anyhow::Result<Option<io::ProjectLock>> {
    for input in inputs {
        io::ensure_other_file(input, output)?;
    }
    match writes {
        Writes::Export => Ok(None),
        Writes::Project => match io::ProjectLock::acquire_waiting(output, LOCK_PATIENCE) {
            Ok(lock) => Ok(Some(lock)),
            Err(held @ io::LockError::Held { .. }) => {
                Err(anyhow::Error::from(held).context(format!(
                    "gave up after waiting {} s, nothing written",
                    LOCK_PATIENCE.as_secs()
                )))
            }
            Err(error) => Err(error.into()),
        },
    }
}

/// "1 document", "3 documents".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Number of documents with each status, in workflow order.
fn status_counts(project: &Project) -> Vec<(DocStatus, usize)> {
    DocStatus::ALL
        .iter()
        .map(|&s| {
            (
                s,
                project.documents.iter().filter(|d| d.status == s).count(),
            )
        })
        .collect()
}

/// `validate`: the summary of a project that loads, or its load error, or the merge
/// conflicts it still holds (a project that loads, but is not finished).
fn validate(path: &Path, warnings: bool) -> anyhow::Result<()> {
    let project = io::load_project(path)?;
    let conflicts = crate::model::unresolved_conflicts(&project);
    if !conflicts.is_empty() {
        let mut listed = String::new();
        for c in &conflicts {
            listed.push_str(&format!("\n  {c}"));
        }
        bail!(
            "{} unresolved: both versions of each are kept; open the project in eventail \
             to pick one of each (the Merge conflicts panel){listed}\n: {}",
            plural(conflicts.len(), "merge conflict"),
            path.display()
        );
    }
    say(&summary_from_project(&project, path));
    if warnings {
        let problems = crate::model::project_problems(&project);
        for problem in &problems {
            say(&format!("warning: {}", problem.line(&project)));
        }
        say(&plural(problems.len(), "warning"));
    }
    Ok(())
}

/// `repair`: drop what cannot be kept, declare unknown types, write a copy, say it all.
fn repair(path: &Path, output: &Path) -> anyhow::Result<()> {
    let _lock = claim_output(&[path.to_path_buf()], output, Writes::Project)?;
    let mut project = io::load_project_unchecked(path)?;
    let changes = crate::model::repair::repair(&mut project);
    for change in &changes {
        say(&change.to_string());
    }
    io::save_project(output, &project)?;
    say(&format!(
        "{}: {} written with {}",
        path.display(),
        output.display(),
        plural(changes.len(), "change")
    ));
    Ok(())
}

/// One paragraph saying what a valid project holds.
fn summary_from_project(project: &Project, path: &Path) -> String {
    let docs = &project.documents;
    let statuses: Vec<String> = status_counts(project)
        .into_iter()
        .map(|(s, n)| format!("{n} {}", s.label()))
        .collect();
    let schema = &project.schema;
    // Incidents are named only when there are some, as older projects have none.
    let incidents = match project.incidents.len() {
        0 => String::new(),
        n => format!(
            ", {} ({})",
            plural(n, "incident"),
            plural(
                project.incidents.iter().map(|i| i.reports.len()).sum(),
                "report"
            )
        ),
    };
    format!(
        "{}: project {:?} is valid: {} ({}), {}, {}, {}{incidents}; schema of {}, {}, {}, {}.",
        path.display(),
        project.name,
        plural(docs.len(), "document"),
        statuses.join(", "),
        plural(docs.iter().map(|d| d.mentions.len()).sum(), "mention"),
        plural(docs.iter().map(|d| d.events.len()).sum(), "event"),
        plural(docs.iter().map(|d| d.relations.len()).sum(), "relation"),
        plural(schema.entity_types.len(), "entity type"),
        plural(schema.event_types.len(), "event type"),
        plural(schema.relation_types.len(), "relation type"),
        plural(schema.attributes.len(), "attribute"),
    )
}

/// How many annotations of one type.
#[derive(Debug, Serialize)]
struct TypeCount {
    name: String,
    label: String,
    count: usize,
}

/// The counts of one document.
#[derive(Debug, Serialize)]
struct DocumentCount {
    id: String,
    name: String,
    status: &'static str,
    mentions: usize,
    events: usize,
    relations: usize,
}

/// How many documents have a status.
#[derive(Debug, Serialize)]
struct StatusCount {
    status: &'static str,
    documents: usize,
}

/// Everything `stats` prints, in schema and document order.
#[derive(Debug, Serialize)]
struct Stats {
    project: String,
    documents: usize,
    mentions: usize,
    events: usize,
    relations: usize,
    entity_types: Vec<TypeCount>,
    event_types: Vec<TypeCount>,
    relation_types: Vec<TypeCount>,
    statuses: Vec<StatusCount>,
    per_document: Vec<DocumentCount>,
}

/// Counts of `project`; every schema type is listed, used or not.
fn stats_from_project(project: &Project) -> Stats {
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &project.documents {
        let types = d
            .mentions
            .iter()
            .map(|m| m.entity_type.as_str())
            .chain(d.events.iter().map(|e| e.event_type.as_str()))
            .chain(d.relations.iter().map(|r| r.relation_type.as_str()));
        for t in types {
            *by_type.entry(t).or_default() += 1;
        }
    }
    let count = |name: &str, label: &str| TypeCount {
        name: name.to_string(),
        label: label.to_string(),
        count: by_type.get(name).copied().unwrap_or(0),
    };
    let schema = &project.schema;
    let per_document: Vec<DocumentCount> = project
        .documents
        .iter()
        .map(|d| DocumentCount {
            id: d.id.clone(),
            name: d.name.clone(),
            status: d.status.label(),
            mentions: d.mentions.len(),
            events: d.events.len(),
            relations: d.relations.len(),
        })
        .collect();
    Stats {
        project: project.name.clone(),
        documents: per_document.len(),
        mentions: per_document.iter().map(|d| d.mentions).sum(),
        events: per_document.iter().map(|d| d.events).sum(),
        relations: per_document.iter().map(|d| d.relations).sum(),
        entity_types: schema
            .entity_types
            .iter()
            .map(|t| count(&t.name, &t.label))
            .collect(),
        event_types: schema
            .event_types
            .iter()
            .map(|t| count(&t.name, &t.label))
            .collect(),
        relation_types: schema
            .relation_types
            .iter()
            .map(|t| count(&t.name, &t.label))
            .collect(),
        statuses: status_counts(project)
            .into_iter()
            .map(|(s, documents)| StatusCount {
                status: s.label(),
                documents,
            })
            .collect(),
        per_document,
    }
}

/// Width of a cell as a terminal shows it, roughly: one column per grapheme.
fn width(cell: &str) -> usize {
    cell.graphemes(true).count()
}

/// A plain-text table indented by two spaces: columns padded to their widest cell,
/// numbers (columns listed in `right`) aligned on the right, the last column unpadded.
fn table_from_rows(header: &[&str], rows: &[Vec<String>], right: &[usize]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
            out.push_str("  ");
            if right.contains(&i) {
                out.push_str(&pad);
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if i + 1 < cells.len() {
                    out.push_str(&pad);
                }
            }
        }
        out.push('\n');
        out
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

/// The plain-text report of `stats`.
fn text_from_stats(stats: &Stats) -> String {
    let types = |title: &str, counts: &[TypeCount], what: &str| {
        let rows: Vec<Vec<String>> = counts
            .iter()
            .map(|t| vec![t.name.clone(), t.count.to_string(), t.label.clone()])
            .collect();
        format!(
            "\n{title}\n{}",
            table_from_rows(&["type", what, "label"], &rows, &[1])
        )
    };
    let mut out = format!(
        "Project {:?}: {}, {}, {}, {}\n",
        stats.project,
        plural(stats.documents, "document"),
        plural(stats.mentions, "mention"),
        plural(stats.events, "event"),
        plural(stats.relations, "relation"),
    );
    out.push_str(&types("Entity types", &stats.entity_types, "mentions"));
    out.push_str(&types("Event types", &stats.event_types, "events"));
    out.push_str(&types("Relation types", &stats.relation_types, "relations"));
    let rows: Vec<Vec<String>> = stats
        .statuses
        .iter()
        .map(|s| vec![s.status.to_string(), s.documents.to_string()])
        .collect();
    out.push_str("\nDocuments by status\n");
    out.push_str(&table_from_rows(&["status", "documents"], &rows, &[1]));
    let rows: Vec<Vec<String>> = stats
        .per_document
        .iter()
        .map(|d| {
            vec![
                d.id.clone(),
                d.status.to_string(),
                d.mentions.to_string(),
                d.events.to_string(),
                d.relations.to_string(),
                d.name.clone(),
            ]
        })
        .collect();
    out.push_str("\nDocuments\n");
    out.push_str(&table_from_rows(
        &["id", "status", "mentions", "events", "relations", "name"],
        &rows,
        &[2, 3, 4],
    ));
    out
}

/// `stats`: counts as tables, or as JSON.
fn stats(path: &Path, json: bool) -> anyhow::Result<()> {
    let project = io::load_project(path)?;
    let stats = stats_from_project(&project);
    if json {
        let json = serde_json::to_string_pretty(&stats)?;
        print_to_stdout(&format!("{}\n", terminal_safe(&json, Escape::Json)));
    } else {
        print_to_stdout(&terminal_safe(&text_from_stats(&stats), Escape::Text));
    }
    Ok(())
}

/// `import`: documents read in a format of the table, added to the output project if it
/// exists (and the format does not bring its own schema), else made into a new one,
/// replacing the output if it loads; warnings on stderr.
fn import(request: &ImportRequest) -> anyhow::Result<()> {
    let ImportRequest {
        format,
        inputs,
        output: out,
        name,
        schema,
        skip_bad_lines,
    } = *request;
    let _lock = claim_output(inputs, out, Writes::Project)?;
    let exists = out.exists();
    let adding = exists && !format.has_own_schema();
    if adding && (name.is_some() || schema.is_some()) {
        bail!(
            "--name and --schema are for a new project, and this one exists (nothing \
             written): {}",
            out.display()
        );
    }
    let mut project = if adding {
        io::load_project(out)
            .context("cannot add documents to a project that does not load (nothing written)")?
    } else {
        if exists {
            io::load_project(out)
                .context("refusing to replace a project that does not load (nothing written)")?;
        }
        let schema = match schema {
            Some(path) => io::load_schema(path)?,
            None => io::default_schema(),
        };
        Project::new("", schema)
    };
    let options = ImportOptions { skip_bad_lines };
    let import =
        formats::import_project(format, inputs, Some(&project), options, &mut |_, _| true)?;
    for d in &import.documents {
        if let Some(encoding) = d.encoding {
            let doc = &d.document;
            say(&format!(
                "{} → {} ({encoding}): {}",
                d.path.display(),
                doc.id,
                doc.name
            ));
        }
    }
    for w in &import.warnings {
        say_err(&format!("warning: {w}"));
    }
    if !adding {
        project.name = match (name, import.name) {
            (Some(name), _) => name.to_string(),
            (None, Some(name)) => name,
            (None, None) => out
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "eventail project".into()),
        };
    }
    project.schema = import.schema;
    let documents: Vec<_> = import.documents.into_iter().map(|d| d.document).collect();
    let count = |f: fn(&Document) -> usize| documents.iter().map(f).sum::<usize>();
    let contents = format!(
        "{}, {}, {}",
        plural(count(|d| d.mentions.len()), "mention"),
        plural(count(|d| d.events.len()), "event"),
        plural(count(|d| d.relations.len()), "relation"),
    );
    let added = documents.len();
    let edit = ops::add_documents(&project, documents);
    edit.apply(&mut project)?;
    io::save_project(out, &project)?;
    say(&format!(
        "{} {} ({contents}) to {} ({} in all){}",
        if adding { "added" } else { "imported" },
        plural(added, "document"),
        out.display(),
        plural(project.documents.len(), "document"),
        warnings_on_stderr(import.warnings.len()),
    ));
    Ok(())
}

/// What a command adds to its last line when it printed warnings on stderr.
fn warnings_on_stderr(count: usize) -> String {
    match count {
        0 => String::new(),
        n => format!(" ({} on stderr)", plural(n, "warning")),
    }
}

/// `export`: the project in a format of the table; what the format cannot hold is
/// reported as warnings on stderr.
fn export(args: &ExportArgs) -> anyhow::Result<()> {
    let events = args.format == Format::Events;
    if args.raw && !matches!(args.format, Format::Csv | Format::Events) {
        bail!("--raw applies to the csv and events formats only");
    }
    if args.json && !events {
        bail!("--json applies to the events format only (the json format is JSON already)");
    }
    let out = &args.output;
    let inputs = std::slice::from_ref(&args.project);
    claim_output(inputs, out, Writes::Export)?;
    if events && !args.json {
        claim_output(inputs, &formats::events::reports_path(out), Writes::Export)?;
    }
    let project = io::load_project(&args.project)?;
    let options = formats::ExportOptions {
        raw: args.raw,
        json: args.json,
    };
    let report =
        formats::export_project_with(&project, args.format, options, out, &mut |_, _| true)?;
    for w in &report.warnings {
        say_err(&format!("warning: {w}"));
    }
    let what = if events {
        let reports: usize = project.incidents.iter().map(|i| i.reports.len()).sum();
        format!(
            "{} ({})",
            plural(report.incidents, "incident"),
            plural(reports, "report")
        )
    } else {
        plural(report.documents, "document")
    };
    // A folder export names its folder; the event dataset its two files.
    let written: Vec<String> = if events {
        report
            .written
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    } else {
        vec![out.display().to_string()]
    };
    say(&format!(
        "wrote {what} as {} to {}{}",
        args.format.title(),
        written.join(" and "),
        warnings_on_stderr(report.warnings.len()),
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_accented_cells_and_right_aligns_numbers() {
        let rows = vec![
            vec![
                "e\u{301}te\u{301}".to_string(),
                "7".to_string(),
                "x".to_string(),
            ],
            vec![
                "organisation".to_string(),
                "12".to_string(),
                "y".to_string(),
            ],
        ];
        let table = table_from_rows(&["type", "n", "label"], &rows, &[1]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "  type           n  label");
        assert_eq!(lines[1], "  e\u{301}te\u{301}            7  x");
        assert_eq!(lines[2], "  organisation  12  y");
    }

    /// Fails when a part of the message, between `: `, is said twice.
    fn assert_said_once(error: impl Into<anyhow::Error>) {
        let text = format!("{:#}", error.into());
        for part in text.split(": ").filter(|p| p.len() > 3) {
            assert_eq!(text.matches(part).count(), 1, "{part:?} twice in {text:?}");
        }
    }

    #[test]
    fn errors_say_each_cause_once_and_the_path_last() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing/p.ron");
        let Err(load) = io::load_project(&missing) else {
            panic!("a missing project loads");
        };
        assert!(load.to_string().ends_with(&missing.display().to_string()));
        assert_said_once(load);
        let project = Project::new("p", Default::default());
        let Err(save) = io::save_project(&missing, &project) else {
            panic!("saved into a missing folder");
        };
        assert_said_once(save);
        let Err(schema) = io::load_schema(&missing) else {
            panic!("a missing schema loads");
        };
        assert_said_once(schema);
        let Err(lock) = io::ProjectLock::acquire(&missing) else {
            panic!("locked in a missing folder");
        };
        assert_said_once(lock);
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let options = ImportOptions::default();
        let import = |format, inputs: &[PathBuf]| {
            formats::import_project(format, inputs, Some(&project), options, &mut |_, _| true)
        };
        let Err(text) = import(Format::Text, &[empty, missing.clone()]) else {
            panic!("an empty file imports");
        };
        assert_said_once(text);
        let Err(brat) = import(Format::Brat, std::slice::from_ref(&missing)) else {
            panic!("a missing folder imports");
        };
        assert_said_once(brat);
        let Err(doccano) = import(Format::Doccano, std::slice::from_ref(&missing)) else {
            panic!("a missing file imports");
        };
        assert_said_once(doccano);
        let Err(export) =
            formats::export_project(&project, Format::Json, &missing, &mut |_, _| true)
        else {
            panic!("exported into a missing folder");
        };
        assert_said_once(export);
        // Context added by the command line keeps the path last.
        let Err(load) = io::load_project(&missing) else {
            panic!("a missing project loads");
        };
        assert_said_once(anyhow::Error::from(load).context("cannot add documents"));
    }

    #[test]
    fn control_characters_are_escaped_and_every_script_kept() {
        let text = "a\u{1b}[31m é خالد 👍🏽\u{9b}2J\r\tz\n";
        assert_eq!(
            terminal_safe(text, Escape::Text),
            "a\\u{1b}[31m é خالد 👍🏽\\u{9b}2J\\u{d}\\u{9}z\n"
        );
        assert_eq!(
            terminal_safe(text, Escape::Json),
            "a\\u001b[31m é خالد 👍🏽\\u009b2J\\u000d\\u0009z\n"
        );
        assert!(matches!(
            terminal_safe("é\n", Escape::Text),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn export_formats_round_trip_through_clap() {
        for format in Format::ALL {
            let args = ["eventail", "export", format.name(), "p.ron", "-o", "out"];
            match Cli::try_parse_from(args) {
                Ok(Cli {
                    command: Some(Command::Export(args)),
                    ..
                }) => assert_eq!(args.format, format),
                Ok(other) => panic!("{format}: {other:?}"),
                Err(_) => assert!(!format.exports(), "{format} is not offered"),
            }
        }
    }

    #[test]
    fn import_subcommands_are_the_importing_formats_of_the_table() {
        use clap::CommandFactory;
        let cli = Cli::command();
        let Some(import) = cli.find_subcommand("import") else {
            panic!("no import subcommand");
        };
        for format in Format::ALL {
            let sub = import.find_subcommand(format.name());
            assert_eq!(sub.is_some(), format.imports(), "{format}");
            if let Some(sub) = sub {
                let about = sub.get_about().map(|a| a.to_string());
                assert_eq!(about.as_deref(), Some(format.description()));
                let args = ["eventail", "import", format.name(), "in", "-o", "p.ron"];
                let Ok(Cli {
                    command: Some(Command::Import(command)),
                    ..
                }) = Cli::try_parse_from(args)
                else {
                    panic!("{format}: not an import");
                };
                assert_eq!(command.request().format, format);
            }
        }
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
