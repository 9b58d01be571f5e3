//! The words a map's SVG says (titles, descriptions, tooltips), given by the caller in the
//! site's language; this module knows no catalogue, so it takes them as plain strings with
//! `{name}` placeholders, and the phrases that depend on a count as functions.

/// A phrase for a count, in the caller's language ("3 incidents").
pub type Counted<'a> = Box<dyn Fn(usize) -> String + Send + Sync + 'a>;

/// Everything a map writes in words. [`MapWords::default`] is English.
pub struct MapWords<'a> {
    /// A base map's title when it highlights no country: "Outline map".
    pub outline: &'a str,
    /// A base map's title for one country: "Outline map of {country} and neighbouring
    /// countries".
    pub outline_of_one: &'a str,
    /// A base map's title for several countries: "Outline map of {countries} and {last},
    /// with neighbouring countries".
    pub outline_of_many: &'a str,
    /// Between the names of a list: ", ".
    pub separator: &'a str,
    /// The description of a map with no marks: "No located incidents.".
    pub no_marks: &'a str,
    /// The description's count: "{incidents} at {places}.".
    pub marks_at: &'a str,
    /// Said when some marks are exact: "Solid dots are places known precisely.".
    pub exact: &'a str,
    /// Said when some marks are approximate.
    pub approximate: &'a str,
    /// Said when some marks stand for several incidents.
    pub clusters: &'a str,
    /// The title of a merged mark: "{incidents} near {label}".
    pub near: &'a str,
    /// Added to an approximate mark's title, one incident: " (approximate place)".
    pub approximate_one: &'a str,
    /// Added to an approximate mark's title, several incidents.
    pub approximate_many: &'a str,
    /// "{n} incidents", for `marks_at` and `near`.
    pub incidents: Counted<'a>,
    /// "{n} places", for `marks_at`.
    pub places: Counted<'a>,
}

impl Default for MapWords<'static> {
    fn default() -> Self {
        MapWords {
            outline: "Outline map",
            outline_of_one: "Outline map of {country} and neighbouring countries",
            outline_of_many: "Outline map of {countries} and {last}, with neighbouring countries",
            separator: ", ",
            no_marks: "No located incidents.",
            marks_at: "{incidents} at {places}.",
            exact: "Solid dots are places known precisely.",
            approximate: "Dashed rings are places known only approximately.",
            clusters: "Larger marks stand for several incidents close together.",
            near: "{incidents} near {label}",
            approximate_one: " (approximate place)",
            approximate_many: " (approximate places)",
            incidents: Box::new(|n| english(n, "incident", "incidents")),
            places: Box::new(|n| english(n, "place", "places")),
        }
    }
}

fn english(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) use crate::placeholders::fill;
