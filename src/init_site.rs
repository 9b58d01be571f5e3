//! `incidex init DIR`: a new site that builds at once, with registries of the Sahel's
//! places and groups (in English, as a base to translate), one report, a guide for
//! editors, the CI file that publishes it on its host (see `init_host`), and the JSON
//! Schema reports point editors' tools at.

use std::path::{Path, PathBuf};

use crate::init_host::Host;

/// Every file of a new site that is the same whatever its host, relative to its folder,
/// with its contents (`site.yaml` is then given the site's language).
const FILES: &[(&str, &str)] = &[
    ("site.yaml", include_str!("init_files/site.yaml")),
    (
        "content/regions.yaml",
        include_str!("init_files/regions.yaml"),
    ),
    (
        "content/groups.yaml",
        include_str!("init_files/groups.yaml"),
    ),
    (
        "content/incidents/2025/2025-07-01-kayes-curfew.md",
        include_str!("init_files/example-report.md"),
    ),
    (".gitignore", include_str!("init_files/gitignore")),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
];

/// Why no site was made.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The language has no built-in interface strings.
    #[error("no built-in interface strings for language '{0}'; choose one of {1}")]
    UnknownLanguage(String, String),
    /// The folder holds files already.
    #[error("{0} is not empty; init only writes into a new or empty folder")]
    NotEmpty(PathBuf),
    /// The site's schema could not be made from the files just written.
    #[error("cannot write the report schema: {0}")]
    Schema(#[from] crate::json_schema::SchemaError),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Writes a new site into `dir`, which must be missing or empty, with its interface in
/// `language` (one with built-in strings: `en`, `fr`, `ar`), published on `host`; returns
/// the files written.
pub fn init_site(dir: &Path, language: &str, host: Host) -> Result<Vec<PathBuf>, InitError> {
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Write { path, source }
    };
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    }
    let settings = site_settings(language)?;
    let guide = host.editors_guide();
    let ci_file = host.ci_file();
    let hosted = [
        ("README.md", guide.as_str()),
        (host.ci_path(), ci_file.as_str()),
    ];
    let mut written = Vec::with_capacity(FILES.len() + hosted.len());
    for (relative, contents) in FILES.iter().chain(&hosted) {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_error(parent))?;
        }
        let contents = if *relative == "site.yaml" {
            settings.as_str()
        } else {
            contents
        };
        std::fs::write(&path, contents).map_err(write_error(&path))?;
        written.push(PathBuf::from(relative));
    }
    // Made from the registries just written, so the example report's first line, which
    // points at it, finds it.
    crate::json_schema::write_schema_file(dir)?;
    written.push(PathBuf::from(crate::json_schema::SCHEMA_FILE));
    Ok(written)
}

/// `site.yaml` for a site in `language`: its language, and a title and description in it
/// from the built-in catalogue, which the editor will change.
fn site_settings(language: &str) -> Result<String, InitError> {
    let unknown = || {
        let known: Vec<&str> = crate::i18n::BUILT_IN
            .iter()
            .map(|(code, _)| *code)
            .collect();
        InitError::UnknownLanguage(language.to_string(), known.join(", "))
    };
    let words = crate::i18n::Catalogue::built_in(language).ok_or_else(unknown)?;
    let quoted = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    Ok(SITE_YAML
        .replace(
            "title: Incident Monitor",
            &format!("title: {}", quoted(words.text("site_defaults.title"))),
        )
        .replace(
            "description: Reported attacks, clashes and security measures, with who said what.",
            &format!(
                "description: {}",
                quoted(words.text("site_defaults.description"))
            ),
        )
        .replace("language: en", &format!("language: {language}")))
}

const SITE_YAML: &str = include_str!("init_files/site.yaml");
