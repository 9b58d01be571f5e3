//! Maps drawn at build time as SVG, from country outlines committed to the repository.
//!
//! The site must work offline and without scripts, so maps use no tiles, no map library
//! and no network: [`base_map_svg`] draws the countries of a [`MapView`] once, as a file
//! many pages share, and [`map_svg`] lays an accessible, linked mark per place over it
//! ([`locator_html`], the lighter form a report's page uses, positions marks in HTML).
//! A place known only to region precision is drawn as a hollow ring, never as a dot,
//! so the map claims no more than the report does.
//!
//! The module depends on no other part of the crate: callers turn incidents into
//! [`Mark`]s. Outlines are Natural Earth's (public domain), see `data/`.

mod bounds;
mod locator;
mod marks;
mod outlines;
mod projection;
mod svg;
mod view;
mod words;

pub use bounds::Bounds;
pub use locator::locator_html;
pub use projection::MAP_WIDTH;
pub use svg::{base_map_svg, map_svg};
pub use view::MapView;
pub use words::{Counted, MapWords};

/// One place to mark on a map, linking to the incident there.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// The place is known only roughly (to a region): drawn as a hollow ring.
    pub approximate: bool,
    /// The incident's page; escaped when written, not checked. Marks with the same link
    /// are one incident's places, so counts of incidents count links, not marks.
    pub href: String,
    /// What the mark's tooltip and accessible name say; begin with the place, as merged
    /// marks read "12 incidents near {label}".
    pub label: String,
}

/// Whether the point lies inside the country's outline (ISO alpha-2 code, any case);
/// `None` when no outline has that code.
///
/// Outlines are simplified to about 3 km and rounded to 0.01°, so a point within a few
/// kilometres of a border may be answered wrongly: treat `Some(false)` near a border as
/// a reason to look, not as proof.
pub fn country_contains(iso2: &str, lat: f64, lon: f64) -> Option<bool> {
    outlines::find(iso2).map(|outline| outline.contains(lat, lon))
}

/// Every ISO alpha-2 code with an outline, upper case and sorted. Includes `XK` (Kosovo),
/// the user-assigned code most data sets use.
pub fn outline_codes() -> impl Iterator<Item = &'static str> {
    outlines::outlines()
        .iter()
        .filter_map(|outline| outline.code)
}

/// Whether a country (ISO alpha-2 code, any case) has an outline to draw and test.
pub fn has_outline(iso2: &str) -> bool {
    outlines::find(iso2).is_some()
}

/// The English name the outline data gives a country ("Mali", "Côte d'Ivoire").
pub fn country_name(iso2: &str) -> Option<&'static str> {
    outlines::find(iso2).map(|outline| outline.name)
}

/// The extent of a country's outline, far overseas land left out (France without French
/// Guiana), as [`MapView::for_countries`] frames it before adding a margin.
pub fn country_bounds(iso2: &str) -> Option<Bounds> {
    outlines::find(iso2).map(|outline| outline.main_bounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bamako_is_in_mali_and_not_in_niger() {
        assert_eq!(country_contains("ML", 12.64, -8.0), Some(true));
        assert_eq!(country_contains("ne", 12.64, -8.0), Some(false));
        assert_eq!(country_contains("NE", 13.51, 2.11), Some(true), "Niamey");
        assert_eq!(country_contains("QQ", 12.64, -8.0), None);
    }

    #[test]
    fn sahel_countries_have_outlines() {
        for code in [
            "ML", "BF", "NE", "TD", "MR", "SN", "NG", "DZ", "LY", "SD", "CM", "XK",
        ] {
            assert!(has_outline(code), "{code}");
        }
        let codes: Vec<&str> = outline_codes().collect();
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(codes.len() > 200);
        assert_eq!(country_name("ci"), Some("Côte d'Ivoire"));
    }
}
