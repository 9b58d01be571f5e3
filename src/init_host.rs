//! Where a site made by `init` is published: the CI file written for the host and the
//! publishing section of the site's README. Both name the incidex that wrote them, so a
//! site keeps deploying with that version until its editors choose another.

/// The service a new site is published on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Host {
    /// GitHub Pages, deployed by a GitHub Actions workflow.
    Github,
    /// GitLab Pages, deployed by a `pages` job in `.gitlab-ci.yml`.
    Gitlab,
}

/// The version written into the CI file: the running incidex's, so a site deploys with the
/// release that made it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The repository whose releases the CI file downloads incidex from; Cargo.toml's
/// `repository`, so the address is set in one place for the crate, binstall and new sites.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

impl Host {
    /// The CI file's path inside the site.
    pub fn ci_path(self) -> &'static str {
        match self {
            Host::Github => ".github/workflows/pages.yml",
            Host::Gitlab => ".gitlab-ci.yml",
        }
    }

    /// The CI file, naming this incidex's version and repository.
    pub fn ci_file(self) -> String {
        fill(match self {
            Host::Github => include_str!("init_files/pages.yml"),
            Host::Gitlab => include_str!("init_files/gitlab-ci.yml"),
        })
    }

    /// The site's README for editors, with this host's way of publishing.
    pub fn editors_guide(self) -> String {
        let publishing = match self {
            Host::Github => include_str!("init_files/publish-github.md"),
            Host::Gitlab => include_str!("init_files/publish-gitlab.md"),
        };
        fill(&include_str!("init_files/EDITORS.md").replace("@PUBLISHING@", publishing.trim_end()))
    }
}

/// Replaces the templates' placeholders with this incidex's version and repository.
fn fill(template: &str) -> String {
    template
        .replace("@VERSION@", VERSION)
        .replace("@REPOSITORY@", REPOSITORY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled_for_both_hosts() {
        for host in [Host::Github, Host::Gitlab] {
            for text in [host.ci_file(), host.editors_guide()] {
                assert!(!text.contains("@VERSION@"), "{host:?}: {text}");
                assert!(!text.contains("@REPOSITORY@"), "{host:?}: {text}");
                assert!(!text.contains("@PUBLISHING@"), "{host:?}: {text}");
                assert!(text.contains(VERSION), "{host:?}: {text}");
            }
        }
    }

    #[test]
    fn the_repository_is_an_https_address() {
        assert!(REPOSITORY.starts_with("https://"), "{REPOSITORY}");
        assert!(!REPOSITORY.ends_with('/'), "{REPOSITORY}");
    }
}
