//! The schema of one site on disk: read from its `site.yaml` and registries, and kept in
//! `.incidex/schema.json`, where the front matter's first line points editors' tools.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::domain::Registry;
use crate::settings::{BuildOptions, Settings, SettingsError};

use super::{front_matter_schema, SiteNames, MODELINE_PREFIX, SCHEMA_FILE};

/// Why a site's schema could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// `site.yaml` is missing or wrong (exit status 2).
    #[error(transparent)]
    Settings(#[from] SettingsError),
    /// The registries have problems (exit status 1).
    #[error("{}", .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
    Registry(Vec<Diagnostic>),
    /// The schema file could not be written.
    #[error("cannot write {}: {source}", .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The schema of the site at `root`: its grades, and its countries, regions and groups
/// as the only names allowed.
pub fn site_schema(root: &Path) -> Result<Value, SchemaError> {
    let settings = Settings::resolve(&BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    })?;
    let registry = Registry::load(root).map_err(SchemaError::Registry)?;
    let names = SiteNames {
        registry: &registry,
    };
    Ok(front_matter_schema(
        &settings.config.confidence,
        Some(names),
    ))
}

/// Writes the schema of the site at `root` to [`SCHEMA_FILE`] in it; returns the path.
pub fn write_schema_file(root: &Path) -> Result<PathBuf, SchemaError> {
    let schema = site_schema(root)?;
    let path = root.join(SCHEMA_FILE);
    let write = |path: &Path| {
        let text = serde_json::to_string_pretty(&schema).map_err(std::io::Error::other)? + "\n";
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(path, text)
    };
    write(&path).map_err(|source| SchemaError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// The front matter line pointing a report `depth` folders below the site's root (3 for
/// `content/incidents/2025/x.md`) at the site's schema file.
pub fn modeline(depth: usize) -> String {
    format!("{MODELINE_PREFIX}{}{SCHEMA_FILE}", "../".repeat(depth))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_modeline_climbs_to_the_root() {
        assert_eq!(
            super::modeline(3),
            "# yaml-language-server: $schema=../../../.incidex/schema.json"
        );
    }
}
