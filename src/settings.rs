//! The first stage: resolve the site root, read `site.yaml` and fix every path and URL
//! setting once, so later stages never guess.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::yaml;

/// What `site.yaml` holds; every key is optional except `title`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in every page's header.
    pub title: String,
    /// Where the site is published; its path prefixes every link.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// A sentence on what the site covers.
    #[serde(default)]
    pub description: String,
    /// The `lang` of every page.
    #[serde(default = "default_language")]
    pub language: String,
    /// Incidents per list page.
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    /// Keep raw HTML in reports instead of sanitising it.
    #[serde(default)]
    pub allow_raw_html: bool,
}

fn default_base_url() -> String {
    "/".to_string()
}

fn default_language() -> String {
    "en".to_string()
}

fn default_paginate_by() -> usize {
    25
}

/// Options a command passes in; each `None` falls back to the site's own setting.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder (holds `site.yaml`).
    pub root: PathBuf,
    /// Where the site is written; default `ROOT/public`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Build reports whose status is `draft`.
    pub drafts: bool,
    /// Treat warnings as errors.
    pub strict: bool,
}

impl BuildOptions {
    /// The folder a build writes: `--output`, or `public/` in the site.
    pub fn output_folder(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// Everything later stages need to know about where things are.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site folder.
    pub root: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// The parsed `site.yaml`, with `base_url` already overridden where asked.
    pub config: SiteConfig,
    /// The path part of the base URL, always starting and ending with `/`.
    pub base_path: String,
    /// Whether drafts are built.
    pub drafts: bool,
}

/// A settings problem: exit status 2, since no content can be checked without settings.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// `site.yaml` is missing or unreadable.
    #[error("cannot read {path}: {source}{}", no_site_hint(source))]
    Unreadable {
        /// The file we tried to read.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// `site.yaml` is not valid.
    #[error("{0}")]
    Invalid(crate::diagnostics::Diagnostic),
    /// A setting has a value we cannot use.
    #[error("{0}")]
    BadValue(String),
}

/// What to do when there is no `site.yaml` where one was looked for.
pub fn no_site_hint(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::NotFound => {
            "\n  help: run incidex in a site folder (the one holding site.yaml), pass --root \
             DIR, or make a new site with `incidex init DIR`"
        }
        _ => "",
    }
}

impl Settings {
    /// Reads `site.yaml` under `options.root` and resolves every setting.
    pub fn resolve(options: &BuildOptions) -> Result<Settings, SettingsError> {
        let root = options.root.clone();
        let path = root.join("site.yaml");
        let text = std::fs::read_to_string(&path).map_err(|source| SettingsError::Unreadable {
            path: path.clone(),
            source,
        })?;
        let mut config: SiteConfig = yaml::parse_document(&text, 1, Path::new("site.yaml"))
            .map_err(SettingsError::Invalid)?;
        if let Some(base_url) = &options.base_url {
            config.base_url = base_url.clone();
        }
        if config.paginate_by == 0 {
            return Err(SettingsError::BadValue(
                "site.yaml: paginate_by must be at least 1".to_string(),
            ));
        }
        let base_path = base_path_of(&config.base_url).ok_or_else(|| {
            SettingsError::BadValue(format!(
                "base URL '{}' is not an http(s) URL or a path starting with '/'",
                config.base_url
            ))
        })?;
        let output = options.output_folder();
        Ok(Settings {
            root,
            output,
            config,
            base_path,
            drafts: options.drafts,
        })
    }

    /// The base URL without its trailing slash, for absolute links in feeds and canonical tags.
    pub fn origin_and_path(&self) -> String {
        self.config.base_url.trim_end_matches('/').to_string()
    }
}

/// The path part of a base URL, normalised to start and end with `/`.
///
/// `https://user.github.io/repo` gives `/repo/`; `/` gives `/`.
pub fn base_path_of(base_url: &str) -> Option<String> {
    let after_scheme = if let Some(rest) = base_url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = base_url.strip_prefix("http://") {
        rest
    } else if base_url.starts_with('/') {
        return Some(normalise_path(base_url));
    } else {
        return None;
    };
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    Some(normalise_path(path))
}

fn normalise_path(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "/".to_string()
    } else {
        format!("/{}/", parts.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_takes_the_path_of_the_url() {
        assert_eq!(
            base_path_of("https://user.github.io/repo/").unwrap(),
            "/repo/"
        );
        assert_eq!(
            base_path_of("https://user.github.io/repo").unwrap(),
            "/repo/"
        );
        assert_eq!(base_path_of("https://example.org").unwrap(), "/");
        assert_eq!(base_path_of("/").unwrap(), "/");
        assert_eq!(base_path_of("/a//b").unwrap(), "/a/b/");
        assert!(base_path_of("example.org").is_none());
    }
}
