//! The `incidex` command: parses the command line and hands it to the command's own file
//! in `cli/`, which calls one library function, prints what happened and gives the exit
//! status SPEC.md section 2 gives.

mod cli;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use cli::output::MessageFormat;

/// Builds allocate and free millions of small strings on every core; mimalloc's
/// per-thread heaps make that markedly cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What `--version` prints after the name: the release and the commit it was built from,
/// so a site's build log says exactly which incidex made it.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("INCIDEX_COMMIT"),
    ")"
);

/// Builds browsable sites from incident reports.
#[derive(Debug, Parser)]
#[command(name = "incidex", version = VERSION, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How problems are printed: full (the line, marked) or short (one line each).
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Full)]
    message_format: MessageFormat,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into public/ (or --output).
    Build(cli::build::BuildArgs),
    /// Check everything a build reads, writing nothing.
    Check(cli::check::CheckArgs),
    /// Build the site and serve it on this machine.
    Serve(cli::serve::ServeArgs),
    /// Write a new report with every field listed, ready to fill in.
    New(cli::new::NewArgs),
    /// Make a new site in an empty folder.
    Init(cli::init::InitArgs),
    /// Print the JSON Schema of a report's front matter (the site's own, when there is one).
    Schema(cli::schema::SchemaArgs),
    /// Print the completion script for a shell (bash, zsh, fish, powershell).
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (release archives ship it; packagers run it).
    #[command(hide = true)]
    Man(cli::man::ManArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = cli.message_format;
    match cli.command {
        Command::Build(args) => args.run(format),
        Command::Check(args) => args.run(format),
        Command::Serve(args) => args.run(format),
        Command::New(args) => args.run(),
        Command::Init(args) => args.run(),
        Command::Schema(args) => args.run(),
        Command::Completions(args) => args.run(Cli::command()),
        Command::Man(args) => args.run(Cli::command()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
