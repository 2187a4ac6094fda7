//! The `eventail` binary: the GUI when run with no subcommand, the CLI otherwise.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match eventail::cli::parse() {
        Err(status) => status,
        Ok(eventail::cli::Cli {
            command: Some(command),
            ..
        }) => eventail::cli::run(command),
        Ok(eventail::cli::Cli {
            command: None,
            project,
            compare,
            adjudicate,
        }) => run_gui(project, compare, adjudicate),
    }
}

/// Opens the GUI on `project` (the sample project if `None`).
#[cfg(feature = "gui")]
fn run_gui(project: Option<PathBuf>, compare: Vec<PathBuf>, adjudicate: Vec<PathBuf>) -> ExitCode {
    match eventail::ui::run(project, compare, adjudicate) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Built without the `gui` feature: only the subcommands exist.
#[cfg(not(feature = "gui"))]
fn run_gui(
    _project: Option<PathBuf>,
    _compare: Vec<PathBuf>,
    _adjudicate: Vec<PathBuf>,
) -> ExitCode {
    eprintln!(
        "error: this eventail was built without its window (feature \"gui\"); use a subcommand"
    );
    ExitCode::from(2)
}
