//! `content/regions.yaml`: the countries and their first-level regions, each entered in
//! the name tables under its name, ISO code and aliases.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::domain::slugs::slugify;
use crate::locate::YamlText;

use super::keys::insert_key;
use super::translations::{self, PlaceTranslation};
use crate::domain::registry::{Country, Region, Registry};

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RegionsFile {
    pub(super) countries: Vec<CountryEntry>,
}

/// One country as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CountryEntry {
    name: String,
    #[serde(default)]
    iso: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    regions: Vec<RegionEntry>,
    #[serde(default)]
    bounds: Option<[[f64; 2]; 2]>,
    #[serde(default)]
    translations: BTreeMap<String, PlaceTranslation>,
}

/// One region as written.
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
    #[serde(default)]
    translations: BTreeMap<String, PlaceTranslation>,
}

impl Registry {
    /// Adds a country and its regions, reporting names that clash with others.
    pub(super) fn add_country(
        &mut self,
        entry: CountryEntry,
        path: &Path,
        yaml: &YamlText,
        problems: &mut Vec<Diagnostic>,
    ) {
        let index = self.countries.len();
        let entry_line = yaml.find_from(&entry.name, 1).map_or(1, |p| p.0);
        let translations = translations::of_place(entry.translations);
        let translated = translations::names(&translations);
        let names = std::iter::once(&entry.name)
            .chain(entry.iso.iter())
            .chain(entry.aliases.iter())
            .chain(translated.iter());
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
            let index = regions.len();
            let region = region_of(
                region,
                index,
                &mut region_keys,
                path,
                yaml,
                entry_line,
                problems,
            );
            regions.push(region);
        }
        self.region_keys.push(region_keys);
        self.countries.push(Country {
            slug: slugify(&entry.name),
            name: entry.name,
            iso: entry.iso,
            aliases: entry.aliases,
            regions,
            bounds: entry.bounds,
            translations,
        });
    }
}

/// The region of `entry`, the `index`th of its country, with its names entered in the
/// country's `keys`; `entry_line` is where the country starts, for finding the region.
fn region_of(
    entry: RegionEntry,
    index: usize,
    keys: &mut HashMap<String, usize>,
    path: &Path,
    yaml: &YamlText,
    entry_line: usize,
    problems: &mut Vec<Diagnostic>,
) -> Region {
    let region_line = yaml
        .find_from(&entry.name, entry_line)
        .map_or(entry_line, |p| p.0);
    check_center(entry.center, &entry.name, path, yaml, region_line, problems);
    let translations = translations::of_place(entry.translations);
    let translated = translations::names(&translations);
    let names = std::iter::once(&entry.name)
        .chain(entry.iso.iter())
        .chain(entry.aliases.iter())
        .chain(translated.iter());
    for name in names {
        insert_key(
            keys,
            name,
            index,
            "region",
            path,
            yaml,
            region_line,
            problems,
        );
    }
    Region {
        slug: slugify(&entry.name),
        name: entry.name,
        iso: entry.iso,
        aliases: entry.aliases,
        center: entry.center,
        translations,
    }
}

/// Reports a region centre that is not a latitude and longitude.
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
