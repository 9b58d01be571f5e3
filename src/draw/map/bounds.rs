//! Extents in degrees, shared by the outline data (which measures each country) and the
//! views (which frame them), so neither has to import the other.

/// An extent in degrees: latitudes south to north, longitudes west to east. Extents do
/// not cross the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Southern edge, degrees of latitude.
    pub south: f64,
    /// Western edge, degrees of longitude.
    pub west: f64,
    /// Northern edge, degrees of latitude.
    pub north: f64,
    /// Eastern edge, degrees of longitude.
    pub east: f64,
}

impl Bounds {
    /// Bounds from `[[south, west], [north, east]]`, the order front matter and Leaflet
    /// use. `None` unless every value is a finite latitude or longitude and south is below
    /// north and west of east.
    pub fn from_corners(corners: [[f64; 2]; 2]) -> Option<Bounds> {
        let [[south, west], [north, east]] = corners;
        let latitude = |value: f64| (-90.0..=90.0).contains(&value);
        let longitude = |value: f64| (-180.0..=180.0).contains(&value);
        let valid = latitude(south)
            && latitude(north)
            && longitude(west)
            && longitude(east)
            && south < north
            && west < east;
        valid.then_some(Bounds {
            south,
            west,
            north,
            east,
        })
    }

    /// Whether the point lies within the bounds, edges included.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }

    pub(crate) fn point(lat: f64, lon: f64) -> Bounds {
        Bounds {
            south: lat,
            west: lon,
            north: lat,
            east: lon,
        }
    }

    pub(crate) fn union(self, other: Bounds) -> Bounds {
        Bounds {
            south: self.south.min(other.south),
            west: self.west.min(other.west),
            north: self.north.max(other.north),
            east: self.east.max(other.east),
        }
    }

    /// The distance in degrees between the nearest edges (zero when they overlap), the
    /// larger of the two axes.
    pub(crate) fn gap_to(&self, other: &Bounds) -> f64 {
        let across = (other.west - self.east)
            .max(self.west - other.east)
            .max(0.0);
        let up = (other.south - self.north)
            .max(self.south - other.north)
            .max(0.0);
        across.max(up)
    }

    pub(crate) fn intersects(&self, other: &Bounds) -> bool {
        self.south <= other.north
            && other.south <= self.north
            && self.west <= other.east
            && other.west <= self.east
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_from_corners_reject_swapped_or_impossible_values() {
        assert!(Bounds::from_corners([[10.0, -12.0], [25.0, 4.5]]).is_some());
        assert!(Bounds::from_corners([[25.0, -12.0], [10.0, 4.5]]).is_none());
        assert!(Bounds::from_corners([[10.0, -200.0], [25.0, 4.5]]).is_none());
        assert!(Bounds::from_corners([[f64::NAN, -12.0], [25.0, 4.5]]).is_none());
    }
}
