//! `incidex init`: a new site that builds at once, with what to do next.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use incidex::init_host::{Host, REPOSITORY, VERSION};
use incidex::init_site::init_site;

/// Make a new site in an empty folder.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to make the site in; it must be missing or empty.
    dir: PathBuf,
    /// The language of the site's interface: en, fr or ar.
    #[arg(long, default_value = "en")]
    language: String,
    /// Where the site is published: the CI file written is a GitHub Actions workflow or a
    /// GitLab `pages` job.
    #[arg(long, value_enum, default_value = "github")]
    host: Host,
}

impl InitArgs {
    /// Makes the site and says what to do next.
    pub fn run(self) -> ExitCode {
        let dir = self.dir.as_path();
        match init_site(dir, &self.language, self.host) {
            Ok(files) => {
                println!(
                    "Made a new site in {} ({} files).",
                    dir.display(),
                    files.len()
                );
                println!("Next: cd {} && incidex serve", dir.display());
                println!("{}", how_to_publish(self.host, dir));
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("error: {err}");
                ExitCode::from(1)
            }
        }
    }
}

/// The steps from a pushed folder to a published site, naming the one setting the CI file
/// holds, since a wrong repository address there would fail every deploy.
fn how_to_publish(host: Host, dir: &Path) -> String {
    let steps = match host {
        Host::Github => {
            "To publish on GitHub Pages:\n  \
             1. Push this folder to a new GitHub repository (branch main or master).\n  \
             2. In the repository's Settings -> Pages, choose \"GitHub Actions\" as the source."
        }
        Host::Gitlab => {
            "To publish on GitLab Pages:\n  \
             1. Push this folder to a new GitLab project; its default branch is published.\n  \
             2. Deploy -> Pages shows the site's address once the first pipeline has run\n     \
             (GitLab serves public/, at most 1 GB and 200,000 files)."
        }
    };
    format!(
        "{steps}\n  \
         3. The one setting: INCIDEX_REPOSITORY in {ci},\n     \
         the repository each deploy downloads incidex {VERSION} from ({REPOSITORY});\n     \
         change it only to use your own fork. {guide} says more.",
        ci = host.ci_path(),
        guide = dir.join("README.md").display(),
    )
}
