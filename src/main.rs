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
///
/// GUI HOOK: the `ui` module is not in this branch; once it is, this body becomes
/// `eventail::ui::run(project)`, with its error printed on stderr and a failure status.
fn run_gui(project: Option<PathBuf>) -> ExitCode {
    let _ = project;
    eprintln!("GUI not built in this branch");
    ExitCode::FAILURE
}
