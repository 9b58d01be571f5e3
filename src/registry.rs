//! The registries: countries with their regions (`content/regions.yaml`) and actors
//! (`content/groups.yaml`). Reports name places and groups; this module turns those names
//! into entries, matching names, ISO codes and aliases while ignoring case and accents.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::locate::YamlText;
use crate::slugs::{match_key, slugify};
use crate::vocabulary::GroupKind;
use crate::yaml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    countries: Vec<CountryEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryEntry {
    name: String,
    #[serde(default)]
    iso: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    regions: Vec<RegionEntry>,
    #[serde(default)]
    bounds: Option<[[f64; 2]; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionEntry {
    name: String,
    #[serde(default)]
    iso: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    center: Option<[f64; 2]>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    groups: Vec<GroupEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupEntry {
    name: String,
    #[serde(default)]
    full_name: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    kind: GroupKind,
    #[serde(default)]
    affiliation: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

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

    fn add_country(
        &mut self,
        entry: CountryEntry,
        path: &Path,
        yaml: &YamlText,
        problems: &mut Vec<Diagnostic>,
    ) {
        let index = self.countries.len();
        let entry_line = yaml.find_from(&entry.name, 1).map_or(1, |p| p.0);
        let names = std::iter::once(&entry.name)
            .chain(entry.iso.iter())
            .chain(entry.aliases.iter());
        for name in names {
            insert_key(
                &mut self.country_keys,
                name,
                index,
                "country",
                path,
                yaml,
                entry_line,
                problems,
            );
        }
        let mut region_keys = HashMap::new();
        let mut regions = Vec::new();
        for region in entry.regions {
            let region_line = yaml
                .find_from(&region.name, entry_line)
                .map_or(entry_line, |p| p.0);
            check_center(
                region.center,
                &region.name,
                path,
                yaml,
                region_line,
                problems,
            );
            let names = std::iter::once(&region.name)
                .chain(region.iso.iter())
                .chain(region.aliases.iter());
            for name in names {
                insert_key(
                    &mut region_keys,
                    name,
                    regions.len(),
                    "region",
                    path,
                    yaml,
                    region_line,
                    problems,
                );
            }
            regions.push(Region {
                slug: slugify(&region.name),
                name: region.name,
                iso: region.iso,
                aliases: region.aliases,
                center: region.center,
            });
        }
        self.region_keys.push(region_keys);
        self.countries.push(Country {
            slug: slugify(&entry.name),
            name: entry.name,
            iso: entry.iso,
            aliases: entry.aliases,
            regions,
            bounds: entry.bounds,
        });
    }

    fn add_group(
        &mut self,
        entry: GroupEntry,
        path: &Path,
        yaml: &YamlText,
        problems: &mut Vec<Diagnostic>,
    ) {
        let index = self.groups.len();
        let entry_line = yaml
            .find_from(&format!("name: {}", entry.name), 1)
            .map_or(1, |p| p.0);
        for name in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
            insert_key(
                &mut self.group_keys,
                name,
                index,
                "group",
                path,
                yaml,
                entry_line,
                problems,
            );
        }
        self.groups.push(Group {
            slug: slugify(&entry.name),
            name: entry.name,
            full_name: entry.full_name,
            aliases: entry.aliases,
            kind: entry.kind,
            affiliation: entry.affiliation,
            description: entry.description,
        });
    }

    /// The country a report's `country:` names.
    pub fn resolve_country(&self, name: &str) -> Result<usize, NoMatch> {
        self.country_keys
            .get(&match_key(name))
            .copied()
            .ok_or_else(|| NoMatch {
                suggestion: suggest(name, self.countries.iter().map(|c| (&c.name, &c.aliases))),
            })
    }

    /// A region of `country` by name, ISO code or alias.
    pub fn resolve_region(&self, country: usize, name: &str) -> Result<RegionRef, NoMatch> {
        match self.region_keys[country].get(&match_key(name)) {
            Some(&region) => Ok((country, region)),
            None => Err(NoMatch {
                suggestion: suggest(
                    name,
                    self.countries[country]
                        .regions
                        .iter()
                        .map(|r| (&r.name, &r.aliases)),
                ),
            }),
        }
    }

    /// Countries other than `country` that have a region of this name, for hints.
    pub fn countries_with_region(&self, name: &str) -> Vec<&str> {
        let key = match_key(name);
        self.region_keys
            .iter()
            .enumerate()
            .filter(|(_, keys)| keys.contains_key(&key))
            .map(|(c, _)| self.countries[c].name.as_str())
            .collect()
    }

    /// A group by name or alias, or `None`; unlike [`Registry::resolve_group`] it works out
    /// no suggestion, for names that may rightly be something else (a claim's party).
    pub fn find_group(&self, name: &str) -> Option<usize> {
        self.group_keys.get(&match_key(name)).copied()
    }

    /// A group by name or alias.
    pub fn resolve_group(&self, name: &str) -> Result<usize, NoMatch> {
        self.group_keys
            .get(&match_key(name))
            .copied()
            .ok_or_else(|| NoMatch {
                suggestion: suggest(name, self.groups.iter().map(|g| (&g.name, &g.aliases))),
            })
    }

    /// The region a [`RegionRef`] points at.
    pub fn region(&self, (country, region): RegionRef) -> &Region {
        &self.countries[country].regions[region]
    }
}

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

#[allow(clippy::too_many_arguments)]
fn insert_key(
    keys: &mut HashMap<String, usize>,
    name: &str,
    index: usize,
    what: &str,
    path: &Path,
    yaml: &YamlText,
    entry_line: usize,
    problems: &mut Vec<Diagnostic>,
) {
    let key = match_key(name);
    let (line, column) = yaml.find_from(name, entry_line).unwrap_or((entry_line, 1));
    if key.is_empty() {
        problems.push(Diagnostic::error(
            path,
            line,
            column,
            format!("{what} name '{name}' has no letters or digits"),
        ));
        return;
    }
    match keys.get(&key) {
        Some(&other) if other != index => problems.push(
            Diagnostic::error(
                path,
                line,
                column,
                format!("{what} name '{name}' is already used by another entry"),
            )
            .with_help("names, ISO codes and aliases must be unique (ignoring case and accents)"),
        ),
        _ => {
            keys.insert(key, index);
        }
    }
}

fn check_center(
    center: Option<[f64; 2]>,
    name: &str,
    path: &Path,
    yaml: &YamlText,
    line: usize,
    problems: &mut Vec<Diagnostic>,
) {
    if let Some([lat, lon]) = center {
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            let (line, column) = yaml.find_from("center", line).unwrap_or((line, 1));
            problems.push(
                Diagnostic::error(
                    path,
                    line,
                    column,
                    format!("centre of '{name}' is out of range"),
                )
                .with_help(
                    "write [latitude, longitude], latitude within ±90, longitude within ±180",
                ),
            );
        }
    }
}

fn suggest<'a>(
    name: &str,
    entries: impl Iterator<Item = (&'a String, &'a Vec<String>)>,
) -> Option<String> {
    let names: Vec<&str> = entries
        .flat_map(|(n, aliases)| {
            std::iter::once(n.as_str()).chain(aliases.iter().map(String::as_str))
        })
        .collect();
    did_you_mean(name, names).map(str::to_string)
}
