//! Where the incident happened: its country, regions and locations, resolved through
//! the registry of regions, with coordinates checked against the country.

use crate::diagnostics::Diagnostic;
use crate::domain::model::Location;
use crate::domain::registry::RegionRef;
use crate::load::schema::{FrontMatter, RawLocation};

use super::checker::{unknown_help, Checker};

/// The country's position in the registry, or `None` when it is missing or unknown.
pub(super) fn resolve_country(ck: &mut Checker, front: &FrontMatter) -> Option<usize> {
    let registry = ck.cx.registry;
    match registry.resolve_country(&front.country) {
        Ok(c) => Some(c),
        Err(_) if front.country.trim().is_empty() => {
            ck.error(
                "country",
                "",
                "country is empty".into(),
                Some("name the country, as content/regions.yaml names it".into()),
            );
            None
        }
        Err(no) => {
            ck.error(
                "country",
                &front.country,
                format!("unknown country '{}'", front.country),
                unknown_help(&no, "content/regions.yaml"),
            );
            None
        }
    }
}

/// The regions named, each once; none when the country is unknown, since regions are
/// looked up within it.
pub(super) fn resolve_regions(
    ck: &mut Checker,
    front: &FrontMatter,
    country: Option<usize>,
) -> Vec<RegionRef> {
    let mut regions = Vec::new();
    if front.region.0.is_empty() {
        ck.error(
            "region",
            "",
            "region is empty".into(),
            Some("name at least one region".into()),
        );
    }
    if let Some(country) = country {
        for name in &front.region.0 {
            if let Some(region) = resolve_region(ck, "region", country, name) {
                if !regions.contains(&region) {
                    regions.push(region);
                }
            }
        }
    }
    regions
}

/// The places named, each with its region, which must be one of the report's `regions`:
/// a place filed under a region the report does not name would be counted in exports
/// under a region whose lists leave the report out.
pub(super) fn resolve_locations(
    ck: &mut Checker,
    raw_locations: Vec<RawLocation>,
    country: Option<usize>,
    regions: &[RegionRef],
) -> Vec<Location> {
    let mut locations = Vec::new();
    for raw in raw_locations {
        let region = match (country, &raw.region) {
            (Some(country), Some(name)) => resolve_region(ck, "locations", country, name),
            _ => None,
        };
        if let Some(region) = region.filter(|r| !regions.is_empty() && !regions.contains(r)) {
            let registry = ck.cx.registry;
            let name = &registry.region(region).name;
            let listed: Vec<&str> = regions
                .iter()
                .map(|&r| registry.region(r).name.as_str())
                .collect();
            ck.error(
                "locations",
                raw.region.as_deref().unwrap_or_default(),
                format!(
                    "'{}' is placed in {name}, which is not among the report's regions ({})",
                    raw.name,
                    listed.join(", ")
                ),
                Some(format!(
                    "add {name} to region, or correct the place's region"
                )),
            );
        }
        if let Some([lat, lon]) = raw.coordinates {
            check_coordinates(ck, &raw.name, lat, lon, country);
        }
        locations.push(Location {
            name: raw.name,
            region,
            admin2: raw.admin2.filter(|a| !a.trim().is_empty()),
            coordinates: raw.coordinates,
            precision: raw.precision,
        });
    }
    locations
}

/// Coordinates off the globe are an error; coordinates outside the country's bounds only
/// a warning, since the bounds are a rough box and a place may sit on a border.
fn check_coordinates(ck: &mut Checker, name: &str, lat: f64, lon: f64, country: Option<usize>) {
    let registry = ck.cx.registry;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        let (line, column) = ck.coordinates_of(name);
        ck.problems.push(
            Diagnostic::error(
                ck.cx.path,
                line,
                column,
                format!("coordinates of '{}' are out of range: [{lat}, {lon}]", name),
            )
            .with_help("write [latitude, longitude]: latitude within ±90, longitude within ±180"),
        );
    } else if let Some(bounds) = country.and_then(|c| registry.countries[c].bounds) {
        let [[south, west], [north, east]] = bounds;
        if !(south..=north).contains(&lat) || !(west..=east).contains(&lon) {
            let country_name = &registry.countries[country.unwrap_or_default()].name;
            let (line, column) = ck.coordinates_of(name);
            ck.warnings.push(
                Diagnostic::error(
                    ck.cx.path,
                    line,
                    column,
                    format!(
                        "coordinates of '{}' [{lat}, {lon}] lie outside {country_name}",
                        name
                    ),
                )
                .with_help("check the order: [latitude, longitude], with west and south negative")
                .warning(),
            );
        }
    }
}

fn resolve_region(ck: &mut Checker, key: &str, country: usize, name: &str) -> Option<RegionRef> {
    match ck.cx.registry.resolve_region(country, name) {
        Ok(region) => Some(region),
        Err(no) => {
            let registry = ck.cx.registry;
            let country_name = &registry.countries[country].name;
            let elsewhere = registry.countries_with_region(name);
            let help = if elsewhere.is_empty() {
                unknown_help(&no, "content/regions.yaml")
            } else {
                Some(format!("'{name}' is a region of {}", elsewhere.join(", ")))
            };
            ck.error(
                key,
                name,
                format!("unknown region '{name}' in {country_name}"),
                help,
            );
            None
        }
    }
}
