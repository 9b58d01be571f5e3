//! `incidex completions SHELL`: the shell's completion script, printed for the user to
//! save where their shell loads completions from (the release archives ship them too).

use std::process::ExitCode;

use clap::Args;
use clap_complete::Shell;

/// Print the completion script for a shell.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: Shell,
}

impl CompletionsArgs {
    /// Writes the script for `command`, the whole command line, to standard output.
    pub fn run(self, mut command: clap::Command) -> ExitCode {
        let name = command.get_name().to_string();
        clap_complete::generate(self.shell, &mut command, name, &mut std::io::stdout());
        ExitCode::SUCCESS
    }
}
