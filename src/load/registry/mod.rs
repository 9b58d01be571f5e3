//! The registry files read into the domain's [`Registry`]: `content/regions.yaml`
//! (countries and their regions) and `content/groups.yaml` (actors), with every problem
//! of both files located by line and column.

mod countries;
mod groups;
mod keys;
mod translations;

pub(super) use translations::unpublished_languages;

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::domain::Registry;
use crate::locate::YamlText;
use crate::yaml;

use countries::RegionsFile;
use groups::GroupsFile;

impl Registry {
    /// Reads both registry files under `content/`, reporting every problem found.
    pub fn load(root: &Path) -> Result<Registry, Vec<Diagnostic>> {
        let regions_path = Path::new("content/regions.yaml");
        let groups_path = Path::new("content/groups.yaml");
        let mut problems = Vec::new();
        let regions = read_yaml::<RegionsFile>(root, regions_path).map_err(|d| problems.push(d));
        let groups = read_yaml::<GroupsFile>(root, groups_path).map_err(|d| problems.push(d));
        let (Ok((regions, regions_text)), Ok((groups, groups_text))) = (regions, groups) else {
            return Err(problems);
        };
        let mut registry = Registry::default();
        let regions_yaml = YamlText::new(&regions_text, 1);
        for entry in regions.countries {
            registry.add_country(entry, regions_path, &regions_yaml, &mut problems);
        }
        let groups_yaml = YamlText::new(&groups_text, 1);
        for entry in groups.groups {
            registry.add_group(entry, groups_path, &groups_yaml, &mut problems);
        }
        if problems.is_empty() {
            Ok(registry)
        } else {
            Err(problems)
        }
    }
}

/// Reads and parses one registry file, keeping its text to point into.
fn read_yaml<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
) -> Result<(T, String), Diagnostic> {
    let bytes = std::fs::read(root.join(path))
        .map_err(|e| Diagnostic::file_error(path, format!("cannot read the file: {e}")))?;
    let text = yaml::decode(&bytes).map_err(|(line, column)| {
        Diagnostic::error(path, line, column, "the file is not valid UTF-8")
            .with_help("save the file with UTF-8 encoding")
    })?;
    let value = yaml::parse_document(&text, 1, path)?;
    Ok((value, text))
}
