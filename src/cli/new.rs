//! `incidex new`: a report skeleton with every field listed, filled from the arguments.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use incidex::json_schema::write_schema_file;
use incidex::new_report::{new_report, NewError, NewReport, COMMAND_LINE};

/// Write a new report with every field listed, ready to fill in.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The report's title.
    title: String,
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The day of the event, YYYY-MM-DD [default: today].
    #[arg(long)]
    date: Option<String>,
    /// The country: a name, ISO code or alias from content/regions.yaml.
    #[arg(long)]
    country: Option<String>,
    /// The region, within that country.
    #[arg(long, requires = "country")]
    region: Option<String>,
    /// A group that carried it out, attribution confirmed (repeat for several).
    #[arg(long = "group")]
    groups: Vec<String>,
    /// A group attacked (repeat for several).
    #[arg(long = "target")]
    targets: Vec<String>,
    /// A group that responded (repeat for several).
    #[arg(long = "responder")]
    responders: Vec<String>,
    /// The page's address, instead of one made from the title.
    #[arg(long)]
    slug: Option<String>,
}

impl NewArgs {
    /// Writes the report and prints its path, or what is wrong with the arguments.
    pub fn run(self) -> ExitCode {
        let request = NewReport {
            root: self.root,
            title: self.title,
            date: self.date,
            country: self.country,
            region: self.region,
            groups: self.groups,
            targets: self.targets,
            responders: self.responders,
            slug: self.slug,
        };
        match new_report(&request) {
            Ok(path) => {
                println!("{}", path.display());
                // The report's first line points editors' tools at the schema: keep it
                // in step with the registries, which may have changed since the last.
                if let Err(e) = write_schema_file(&request.root) {
                    eprintln!("warning: {e}");
                }
                eprintln!("Fill in the summary and a source, then run `incidex check`.");
                ExitCode::SUCCESS
            }
            Err(NewError::Invalid(problems)) => {
                for problem in problems {
                    // Problems with the arguments have no file to point into.
                    if problem.path == Path::new(COMMAND_LINE) {
                        eprintln!("error: {}", problem.message);
                        if let Some(help) = &problem.help {
                            eprintln!("  help: {help}");
                        }
                    } else {
                        eprintln!("{problem}");
                    }
                }
                ExitCode::from(2)
            }
            Err(other) => {
                eprintln!("error: {other}");
                ExitCode::from(1)
            }
        }
    }
}
