//! The `eventail` binary: the GUI when run with no subcommand, the CLI otherwise.

fn main() -> std::process::ExitCode {
    eventail::cli::main()
}
