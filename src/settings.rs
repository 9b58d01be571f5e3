//! The first stage: resolve the site root, read `site.yaml` and fix every path and URL
//! setting once, so later stages never guess.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::grades::Grades;
use crate::domain::vague_counts::VagueCounts;
use crate::locate::YamlText;
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
    /// The default language: the `lang` of every page at the root of the site.
    #[serde(default = "default_language")]
    pub language: String,
    /// Every language the site is published in, the default among them; empty when the
    /// site has one language. Read it through [`Settings::languages`], which puts the
    /// default first.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The site's title and description in each further language, by language code.
    #[serde(default)]
    pub translations: BTreeMap<String, SiteStrings>,
    /// Incidents per list page.
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    /// Keep raw HTML in reports instead of sanitising it.
    #[serde(default)]
    pub allow_raw_html: bool,
    /// The data's licence (an SPDX identifier such as `CC-BY-4.0`), written into
    /// `datapackage.json` and named on the data page; `None` when the site gives none.
    #[serde(default)]
    pub license: Option<String>,
    /// The confidence grades reports may carry, most confident first; the built-in five
    /// when `site.yaml` gives none.
    #[serde(default)]
    pub confidence: Grades,
    /// Whether every source on the web must give an `archive_url` (an error, not a
    /// warning, when one does not).
    #[serde(default)]
    pub require_archive: bool,
    /// The numbers vague words in sources are read as (`dozens: 12`).
    #[serde(default)]
    pub vague_counts: VagueCounts,
}

/// The site's own strings in one further language; what is not given stays as written in
/// the default language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteStrings {
    /// The site's name in this language.
    #[serde(default)]
    pub title: Option<String>,
    /// What the site covers, in this language.
    #[serde(default)]
    pub description: Option<String>,
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
    /// Every language published: the default (`config.language`) first, then the others
    /// in the order `languages:` gives them.
    pub languages: Vec<String>,
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
        check_trust_settings(&config, &text)?;
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
        let languages = published_languages(&config)?;
        let output = options.output_folder();
        Ok(Settings {
            root,
            output,
            config,
            base_path,
            drafts: options.drafts,
            languages,
        })
    }

    /// Whether the site is published in more than its default language.
    pub fn is_multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// The path under which the pages of `lang` sit: the base path for the default
    /// language, `BASE/LANG/` for the others. A site-absolute link in a translation's
    /// body (`/incidents/x/`) leads there, so a reader stays in the language.
    pub fn pages_base_path(&self, lang: &str) -> String {
        match self.languages.first() {
            Some(default) if default != lang => format!("{}{lang}/", self.base_path),
            _ => self.base_path.clone(),
        }
    }

    /// The base URL without its trailing slash, for absolute links in feeds and canonical tags.
    pub fn origin_and_path(&self) -> String {
        self.config.base_url.trim_end_matches('/').to_string()
    }
}

/// Whether `code` is written as a language code incidex accepts: two or three lower-case
/// letters, optionally `-` and a subtag of 2 to 8 letters or digits (`fr`, `pt-BR`).
/// Also what tells a translation (`x.fr.md`) from a report whose name has a dot.
pub fn is_language_tag(code: &str) -> bool {
    let (language, subtag) = match code.split_once('-') {
        Some((language, subtag)) => (language, Some(subtag)),
        None => (code, None),
    };
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && subtag.is_none_or(|s| {
            (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// The confidence grades and vague counts must be usable: the first problem is pointed at
/// in `site.yaml` (`text`).
fn check_trust_settings(config: &SiteConfig, text: &str) -> Result<(), SettingsError> {
    let problems = [
        ("confidence", config.confidence.problem()),
        ("vague_counts", config.vague_counts.problem()),
    ];
    let Some((key, (needle, message))) = problems
        .into_iter()
        .find_map(|(key, problem)| problem.map(|p| (key, p)))
    else {
        return Ok(());
    };
    let (line, column) = YamlText::new(text, 1).find_in_key(key, &needle);
    Err(SettingsError::Invalid(
        crate::diagnostics::Diagnostic::error(Path::new("site.yaml"), line, column, message),
    ))
}

/// The languages `config` publishes, the default first, or what is wrong with them.
fn published_languages(config: &SiteConfig) -> Result<Vec<String>, SettingsError> {
    let bad = |message: String| Err(SettingsError::BadValue(message));
    let default = &config.language;
    for code in std::iter::once(default).chain(&config.languages) {
        if !is_language_tag(code) {
            return bad(format!(
                "site.yaml: '{code}' is not a language code: write two or three lower-case \
                 letters, optionally followed by '-' and a region (en, fr, pt-BR)"
            ));
        }
    }
    if !config.languages.is_empty() && !config.languages.contains(default) {
        return bad(format!(
            "site.yaml: languages ({}) does not hold the default language '{default}': add it \
             to languages, or set language to one of them",
            config.languages.join(", ")
        ));
    }
    for (i, code) in config.languages.iter().enumerate() {
        if config.languages[..i].contains(code) {
            return bad(format!(
                "site.yaml: '{code}' is listed twice in languages: list each language once"
            ));
        }
    }
    let mut languages = vec![default.clone()];
    languages.extend(config.languages.iter().filter(|&c| c != default).cloned());
    for code in config.translations.keys() {
        if code == default {
            return bad(format!(
                "site.yaml: translations has '{code}', the default language: the site's own \
                 title and description are already in it; remove translations.{code}"
            ));
        }
        if !languages.contains(code) {
            return bad(format!(
                "site.yaml: translations has '{code}', which is not one of the site's languages \
                 ({}): add it to languages or remove translations.{code}",
                languages.join(", ")
            ));
        }
    }
    Ok(languages)
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

    fn config(yaml_text: &str) -> SiteConfig {
        yaml::parse_document(yaml_text, 1, Path::new("site.yaml")).unwrap()
    }

    fn languages_of(yaml_text: &str) -> Result<Vec<String>, String> {
        published_languages(&config(yaml_text)).map_err(|e| e.to_string())
    }

    #[test]
    fn the_default_language_comes_first() {
        let found = languages_of("title: t\nlanguage: fr\nlanguages: [en, fr, ar]\n");
        assert_eq!(found.unwrap(), ["fr", "en", "ar"]);
        assert_eq!(languages_of("title: t\n").unwrap(), ["en"]);
    }

    #[test]
    fn languages_that_cannot_be_published_are_refused() {
        let missing = languages_of("title: t\nlanguage: fr\nlanguages: [en]\n").unwrap_err();
        assert!(
            missing.contains("does not hold the default language 'fr'"),
            "{missing}"
        );
        let twice = languages_of("title: t\nlanguages: [en, fr, fr]\n").unwrap_err();
        assert!(twice.contains("'fr' is listed twice"), "{twice}");
        let bad = languages_of("title: t\nlanguages: [en, French]\n").unwrap_err();
        assert!(bad.contains("'French' is not a language code"), "{bad}");
        let other = "title: t\nlanguages: [en, fr]\ntranslations: {de: {title: x}}\n";
        assert!(languages_of(other).unwrap_err().contains("'de'"));
        let default = "title: t\nlanguages: [en, fr]\ntranslations: {en: {title: x}}\n";
        assert!(languages_of(default)
            .unwrap_err()
            .contains("the default language"));
    }

    #[test]
    fn language_tags_are_short_codes() {
        for good in ["en", "fr", "ful", "pt-BR", "zh-Hant"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["v2", "EN", "e", "engl", "final", "pt-", "pt-B", "en-US-x"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
