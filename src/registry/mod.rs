//! The registries: countries with their regions (`content/regions.yaml`) and actors
//! (`content/groups.yaml`). Reports name places and groups; this module turns those names
//! into entries, matching names, ISO codes and aliases while ignoring case and accents.

mod countries;
mod groups;
mod lookup;

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::locate::YamlText;
use crate::vocabulary::GroupKind;
use crate::yaml;

use countries::RegionsFile;
use groups::GroupsFile;

/// A country of the region index.
#[derive(Debug, Clone)]
pub struct Country {
    /// What pages show.
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// ISO 3166-1 alpha-2 code, when given.
    pub iso: Option<String>,
    /// Other names reports may use.
    pub aliases: Vec<String>,
    /// Its first-level regions.
    pub regions: Vec<Region>,
    /// `[[south, west], [north, east]]`: the box the country fits in, to catch coordinates
    /// with latitude and longitude swapped or a sign lost.
    pub bounds: Option<[[f64; 2]; 2]>,
}

/// A first-level region of a country.
#[derive(Debug, Clone)]
pub struct Region {
    /// What pages show.
    pub name: String,
    /// Its URL segment under the country's.
    pub slug: String,
    /// ISO 3166-2 code, when given.
    pub iso: Option<String>,
    /// Other names reports may use.
    pub aliases: Vec<String>,
    /// Latitude and longitude of its centre, for maps.
    pub center: Option<[f64; 2]>,
}

/// An actor of the group index.
#[derive(Debug, Clone)]
pub struct Group {
    /// What pages show.
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// The long name, when different.
    pub full_name: Option<String>,
    /// Other names reports may use; each gets a redirect page.
    pub aliases: Vec<String>,
    /// State force, militia, ...
    pub kind: GroupKind,
    /// Wider movement it belongs to.
    pub affiliation: Option<String>,
    /// Markdown description for the group's page.
    pub description: Option<String>,
}

/// A region's position: the country's index, then the region's index in it.
pub type RegionRef = (usize, usize);

/// Both registries, with the lookup tables that resolve names.
#[derive(Debug, Default)]
pub struct Registry {
    /// Countries in file order.
    pub countries: Vec<Country>,
    /// Groups in file order.
    pub groups: Vec<Group>,
    country_keys: HashMap<String, usize>,
    region_keys: Vec<HashMap<String, usize>>,
    group_keys: HashMap<String, usize>,
}

/// A name that matched nothing, with the closest known name if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoMatch {
    /// A likely intended name.
    pub suggestion: Option<String>,
}

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
