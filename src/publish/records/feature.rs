//! A report's place in `events.geojson`: the events row as an RFC 7946 feature.

use serde::Serialize;

use super::EventRow;

/// An RFC 7946 feature: a point at [longitude, latitude], or no geometry when the place
/// has no coordinates (RFC 7946 section 3.2 allows a null geometry).
#[derive(Serialize)]
pub(super) struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Option<Point>,
    properties: &'a EventRow,
}

/// A GeoJSON point geometry.
#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

impl<'a> Feature<'a> {
    /// The feature of `row`, whose values are its properties.
    pub(super) fn of(row: &'a EventRow) -> Feature<'a> {
        Feature {
            kind: "Feature",
            geometry: row.latitude.zip(row.longitude).map(|(lat, lon)| Point {
                kind: "Point",
                coordinates: [lon, lat],
            }),
            properties: row,
        }
    }
}
