//! `incidex man`: the man page, made from the same command-line definition as `--help`
//! so the two never disagree; the release archives ship its output.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

/// Print the man page, or write one page per command into a folder.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write incidex.1 and a page for each command (incidex-build.1, …) into this folder
    /// instead of printing incidex.1.
    #[arg(long)]
    dir: Option<PathBuf>,
}

impl ManArgs {
    /// Renders the pages of `command`, the whole command line.
    pub fn run(self, command: clap::Command) -> ExitCode {
        let result = match &self.dir {
            Some(dir) => std::fs::create_dir_all(dir)
                .and_then(|()| clap_mangen::generate_to(command, dir))
                .map_err(|err| format!("cannot write man pages into {}: {err}", dir.display())),
            None => clap_mangen::Man::new(command)
                .render(&mut std::io::stdout())
                .map_err(|err| format!("cannot print the man page: {err}")),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(1)
            }
        }
    }
}
