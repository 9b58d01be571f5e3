//! `incidex init DIR`: a new site that builds at once, with the Sahel registries of the
//! example site, one report, a guide for editors and a GitHub Pages workflow.

use std::path::{Path, PathBuf};

/// Every file of a new site, relative to its folder, with its contents.
const FILES: &[(&str, &str)] = &[
    ("site.yaml", include_str!("init_files/site.yaml")),
    (
        "content/regions.yaml",
        include_str!("../content/regions.yaml"),
    ),
    (
        "content/groups.yaml",
        include_str!("../content/groups.yaml"),
    ),
    (
        "content/incidents/2025/2025-07-01-kayes-curfew.md",
        include_str!("init_files/example-report.md"),
    ),
    ("README.md", include_str!("init_files/EDITORS.md")),
    (".gitignore", include_str!("init_files/gitignore")),
    (
        ".github/workflows/pages.yml",
        include_str!("init_files/pages.yml"),
    ),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
];

/// Why no site was made.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder holds files already.
    #[error("{0} is not empty; init only writes into a new or empty folder")]
    NotEmpty(PathBuf),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Writes a new site into `dir`, which must be missing or empty; returns the files written.
pub fn init_site(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| InitError::Write { path, source }
    };
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut written = Vec::with_capacity(FILES.len());
    for (relative, contents) in FILES {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(write_error(parent))?;
        }
        std::fs::write(&path, contents).map_err(write_error(&path))?;
        written.push(PathBuf::from(relative));
    }
    Ok(written)
}
