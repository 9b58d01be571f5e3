//! `incidex serve`: the site built for this machine's address and served with live
//! reload, and what the terminal is told as it goes.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use incidex::pipeline::{BuildFailure, BuildSummary};
use incidex::serve::dev_pages::DRAFTS_PATH;
use incidex::serve::session::{DraftPage, Update};
use incidex::serve::{self, ServeError, ServeListener, ServeOptions};

use super::output::{print_failure, print_success, MessageFormat, Printer};

/// Build the site and serve it on this machine.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The first port to try; the next free one is used if it is taken.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Also build reports whose status is draft.
    #[arg(long)]
    drafts: bool,
}

impl ServeArgs {
    /// Serves until Ctrl-C, printing what each save did.
    pub fn run(self, format: MessageFormat) -> ExitCode {
        let printer = &Printer::new(&self.root, format);
        let options = ServeOptions {
            root: self.root,
            bind: self.bind,
            port: self.port,
            drafts: self.drafts,
        };
        let terminal = Terminal {
            printer: printer.clone(),
            asked_port: self.port,
            url: String::new(),
        };
        let result = serve::serve(&options, terminal);
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(ServeError::Build(failure)) => {
                print_failure(printer, &failure, false);
                ExitCode::from(failure.exit_code() as u8)
            }
            Err(other) => {
                eprintln!("error: {other}");
                ExitCode::from(2)
            }
        }
    }
}

/// What `serve` prints as it goes.
struct Terminal {
    printer: Printer,
    asked_port: u16,
    /// The server's address, once it is up.
    url: String,
}

impl ServeListener for Terminal {
    fn ready(
        &mut self,
        url: &str,
        folder: &Path,
        first: &Result<BuildSummary, BuildFailure>,
        drafts: &[DraftPage],
    ) {
        match first {
            Ok(report) => print_success(&self.printer, report),
            Err(failure) => {
                print_failure(&self.printer, failure, false);
                println!("Serving a page that lists these problems until a save fixes them.");
            }
        }
        let asked = self.asked_port;
        if !url.ends_with(&format!(":{asked}/")) {
            println!("Port {asked} is taken; using the next free one.");
        }
        self.url = url.to_string();
        println!("Serving the site at {url} (Ctrl-C to stop)");
        println!(
            "Pages for this address are kept in {} and never in the folder `build` writes.",
            folder.display()
        );
        print_drafts(url, drafts);
        println!("Watching site.yaml, content/, templates/ and static/ for changes.");
    }

    fn updated(&mut self, changed: &[PathBuf], update: &Update, drafts: &[DraftPage]) {
        let what = match changed {
            [one] => one.display().to_string(),
            many => format!("{} files", many.len()),
        };
        match update {
            Update::Rebuilt {
                pages,
                took,
                incremental,
                warnings,
            } => {
                self.printer.print(warnings);
                let how = if *incremental { "updated" } else { "rebuilt" };
                println!(
                    "{what} changed: {how} {pages} pages in {} ms",
                    took.as_millis()
                );
                let url = self.url.clone();
                print_drafts(&url, drafts);
            }
            Update::Failed(failure) => {
                println!("{what} changed:");
                print_failure(&self.printer, failure, false);
                println!("The pages keep their last good state; the next good save updates them.");
            }
        }
    }
}

/// One line per draft with the address of its page; the list of all is at `/drafts/`.
fn print_drafts(url: &str, drafts: &[DraftPage]) {
    let root = url.trim_end_matches('/');
    for draft in drafts {
        println!(
            "Draft: {} at {root}{}",
            draft.file.display(),
            draft.url_path
        );
    }
    if !drafts.is_empty() {
        println!("Every draft is listed at {root}{DRAFTS_PATH}");
    }
}
