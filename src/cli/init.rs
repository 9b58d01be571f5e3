//! `incidex init`: a new site that builds at once, with what to do next.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use incidex::init_site::init_site;

/// Make a new site in an empty folder.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to make the site in; it must be missing or empty.
    dir: PathBuf,
    /// The language of the site's interface: en, fr or ar.
    #[arg(long, default_value = "en")]
    language: String,
}

impl InitArgs {
    /// Makes the site and says what to do next.
    pub fn run(self) -> ExitCode {
        let dir = self.dir.as_path();
        match init_site(dir, &self.language) {
            Ok(files) => {
                println!(
                    "Made a new site in {} ({} files).",
                    dir.display(),
                    files.len()
                );
                println!("Next: cd {} && incidex serve", dir.display());
                println!(
                    "To publish on GitHub Pages: choose \"GitHub Actions\" under the repository's \
                     Settings -> Pages, set INCIDEX_GIT in .github/workflows/pages.yml to the \
                     repository incidex is installed from, and push to main (README.md in the site \
                     says more)."
                );
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(1)
            }
        }
    }
}
