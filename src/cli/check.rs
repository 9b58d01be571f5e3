//! `incidex check`: everything a build reads, validated and rendered, nothing written;
//! with `--links`, every source's addresses fetched too.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use incidex::links::{check_with_links, LinkOptions};
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
    /// Also fetch every source's url and archive_url, and warn of dead links, moves to
    /// another host and sources with no archive (answers are kept a day in
    /// .incidex-links.json).
    #[arg(long)]
    links: bool,
    /// With --links: the longest one request may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, requires = "links",
          value_parser = positive_seconds)]
    link_timeout: f64,
}

/// A time limit in seconds: a positive, finite number.
fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 3600.0 => Ok(s),
        _ => Err(format!(
            "'{text}' is not a number of seconds between 0 and 3600"
        )),
    }
}

impl CheckArgs {
    /// Checks and prints what was found.
    pub fn run(self, format: MessageFormat) -> ExitCode {
        let printer = &Printer::new(&self.root, format);
        let options = BuildOptions {
            root: self.root,
            drafts: self.drafts,
            strict: self.strict,
            ..BuildOptions::default()
        };
        let result = match self.links {
            false => pipeline::check(&options),
            true => {
                let links = LinkOptions {
                    timeout: Duration::from_secs_f64(self.link_timeout),
                    ..LinkOptions::default()
                };
                check_with_links(&options, &links)
            }
        };
        finish(printer, result, true)
    }
}
