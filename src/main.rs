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
        }) => run_gui(project),
    }
}

/// Opens the GUI on `project` (the sample project if `None`).
fn run_gui(project: Option<PathBuf>) -> ExitCode {
    match eventail::ui::run(project) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
