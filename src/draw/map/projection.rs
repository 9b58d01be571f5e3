//! The projection from degrees to SVG units that the base map, the marks and the views
//! share, so a page's marks line up with a base map drawn separately.

use super::bounds::Bounds;

/// Every map is this many SVG units wide; pages scale it with CSS.
pub const MAP_WIDTH: f64 = 800.0;

/// Equirectangular, with longitudes shrunk by the cosine of the middle latitude: one
/// degree east is then about as long as one degree north near the map's centre, which at
/// Sahel latitudes is within a few percent everywhere on a country map.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Projection {
    west: f64,
    north: f64,
    /// SVG units per degree of longitude.
    x_scale: f64,
    /// SVG units per degree of latitude.
    y_scale: f64,
    pub height: f64,
}

impl Projection {
    pub(crate) fn new(bounds: &Bounds) -> Projection {
        let middle = ((bounds.south + bounds.north) / 2.0).to_radians().cos();
        // A degenerate extent still gives finite numbers.
        let lon_span = (bounds.east - bounds.west).max(1e-6);
        let lat_span = (bounds.north - bounds.south).max(1e-6);
        let x_scale = MAP_WIDTH / lon_span;
        let y_scale = x_scale / middle.max(0.05);
        Projection {
            west: bounds.west,
            north: bounds.north,
            x_scale,
            y_scale,
            height: lat_span * y_scale,
        }
    }

    pub fn apply(&self, lat: f64, lon: f64) -> (f64, f64) {
        (
            (lon - self.west) * self.x_scale,
            (self.north - lat) * self.y_scale,
        )
    }
}
