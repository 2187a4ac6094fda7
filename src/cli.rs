//! Headless subcommands (validate, stats, import, export) and the choice of the GUI.

use std::process::ExitCode;

/// Parses the command line and runs the subcommand or the GUI.
pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
