//! Headless subcommands (validate, stats, import, export) and the choice of the GUI.

use std::process::ExitCode;

/// Parses the command line and runs the subcommand or the GUI.
pub fn main() -> ExitCode {
    let project = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    match crate::ui::run(project) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("eventail: {err:#}");
            ExitCode::FAILURE
        }
    }
}
