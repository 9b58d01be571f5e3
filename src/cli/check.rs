//! `incidex check`: everything a build reads, validated and rendered, nothing written.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use incidex::pipeline;
use incidex::settings::BuildOptions;

use super::output::{finish, MessageFormat, Printer};

/// Check everything a build reads, writing nothing.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Also check reports whose status is draft.
    #[arg(long)]
    drafts: bool,
    /// Fail on warnings too (for CI).
    #[arg(long)]
    strict: bool,
}

impl CheckArgs {
    /// Checks and prints what was found.
    pub fn run(self, format: MessageFormat) -> ExitCode {
        let printer = &Printer::new(&self.root, format);
        let result = pipeline::check(&BuildOptions {
            root: self.root,
            drafts: self.drafts,
            strict: self.strict,
            ..BuildOptions::default()
        });
        finish(printer, result, true)
    }
}
