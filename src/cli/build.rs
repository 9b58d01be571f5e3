//! `incidex build`: the whole site into `public/` (or `--output`), swapped in only when
//! every page rendered.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use incidex::pipeline;
use incidex::settings::BuildOptions;

use super::output::{finish, MessageFormat, Printer};

/// Build the site into public/ (or --output).
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site [default: ROOT/public].
    #[arg(long)]
    output: Option<PathBuf>,
    /// Publish under this URL instead of site.yaml's base_url.
    #[arg(long)]
    base_url: Option<String>,
    /// Also build reports whose status is draft.
    #[arg(long)]
    drafts: bool,
    /// Print how long each stage took.
    #[arg(long)]
    timings: bool,
    /// Fail on warnings too (for CI).
    #[arg(long)]
    strict: bool,
}

impl BuildArgs {
    /// Builds, prints what happened (and each stage's time with `--timings`).
    pub fn run(self, format: MessageFormat) -> ExitCode {
        let printer = &Printer::new(&self.root, format);
        let timings = self.timings;
        let result = pipeline::build(&BuildOptions {
            root: self.root,
            output: self.output,
            base_url: self.base_url,
            drafts: self.drafts,
            strict: self.strict,
        });
        if let (true, Ok(report)) = (timings, &result) {
            for stage in &report.stages {
                let peak = stage
                    .peak_kib
                    .map(|kib| format!("{:>6} MB peak", kib / 1024))
                    .unwrap_or_default();
                eprintln!(
                    "{:>8.1} ms  {peak}  {}",
                    stage.took.as_secs_f64() * 1000.0,
                    stage.name
                );
            }
        }
        finish(printer, result, false)
    }
}
