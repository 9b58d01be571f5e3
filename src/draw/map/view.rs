//! What a map shows: its extent in degrees and which countries it is about, framed with
//! margins and kept to a shape that fits a page.

use super::bounds::Bounds;
use super::outlines;
use super::projection::{Projection, MAP_WIDTH};
use super::Mark;

/// Share of the extent added on each side, so border towns are not on the frame.
const MARGIN: f64 = 0.06;
/// Smallest margin in degrees, so a tiny country still shows its neighbours.
const MIN_MARGIN: f64 = 0.3;
/// Smallest extent in degrees around marks, so a single place is shown in its
/// surroundings instead of filling the map.
const MIN_SPAN: f64 = 2.0;
/// Height over width is kept within these, widening or heightening the extent, so a tall
/// country (Chile) or a wide one (Russia) still gives a map that fits a page.
const MIN_ASPECT: f64 = 0.45;
const MAX_ASPECT: f64 = 1.2;
/// The projection stretches without limit towards the poles.
const MAX_LATITUDE: f64 = 85.0;

/// One map's extent and focus. Views are plain data: two pages that build equal views
/// can share one base map file (see [`MapView::file_stem`]).
#[derive(Debug, Clone, PartialEq)]
pub struct MapView {
    /// The exact extent drawn, after margins and aspect limits. Setting it directly
    /// bypasses them.
    pub bounds: Bounds,
    /// Upper-case ISO alpha-2 codes of the countries the map is about; they are filled
    /// more strongly than their neighbours.
    pub highlight: Vec<String>,
}

impl MapView {
    /// A view of these countries (ISO alpha-2 codes, any case) with a margin, each
    /// highlighted. Far overseas land (French Guiana for France) is left out of the
    /// extent. Unknown codes are ignored; `None` when no code has an outline.
    pub fn for_countries<S: AsRef<str>>(codes: &[S]) -> Option<MapView> {
        let highlight = known_codes(codes);
        let bounds = highlight
            .iter()
            .filter_map(|code| outlines::find(code))
            .map(|outline| outline.main_bounds)
            .reduce(Bounds::union)?;
        Some(MapView {
            bounds: frame(bounds),
            highlight,
        })
    }

    /// A view of these bounds with a margin, highlighting the given countries (codes
    /// without an outline are dropped).
    pub fn for_bounds<S: AsRef<str>>(bounds: Bounds, highlight: &[S]) -> MapView {
        MapView {
            bounds: frame(bounds),
            highlight: known_codes(highlight),
        }
    }

    /// A view around these `(lat, lon)` points, at least two degrees across, with
    /// nothing highlighted. Points that are not finite are ignored; `None` when none is
    /// left.
    pub fn around_points(points: impl IntoIterator<Item = (f64, f64)>) -> Option<MapView> {
        let bounds = points
            .into_iter()
            .filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
            .map(|(lat, lon)| Bounds::point(lat.clamp(-90.0, 90.0), lon.clamp(-180.0, 180.0)))
            .reduce(Bounds::union)?;
        let bounds = widen(bounds, MIN_SPAN);
        Some(MapView {
            bounds: frame(bounds),
            highlight: Vec::new(),
        })
    }

    /// A view around every mark, as [`MapView::around_points`].
    pub fn around_marks(marks: &[Mark]) -> Option<MapView> {
        MapView::around_points(marks.iter().map(|mark| (mark.lat, mark.lon)))
    }

    /// The same view with these countries highlighted instead.
    pub fn with_highlight<S: AsRef<str>>(mut self, codes: &[S]) -> MapView {
        self.highlight = known_codes(codes);
        self
    }

    /// The SVG width, always [`MAP_WIDTH`].
    pub fn width(&self) -> f64 {
        MAP_WIDTH
    }

    /// The SVG height, from the extent's shape under the projection.
    pub fn height(&self) -> f64 {
        self.projection().height
    }

    /// Where a point falls in SVG units, `(x, y)` from the top left; points outside the
    /// view fall outside `0..width` × `0..height`.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        self.projection().apply(lat, lon)
    }

    /// A file name (without extension) that is the same for equal views and differs
    /// between different ones: `ml` or `ml-ne` for [`MapView::for_countries`], otherwise
    /// the highlighted codes (or `area`) and a hash of the extent.
    pub fn file_stem(&self) -> String {
        let codes = self.highlight.join("-").to_ascii_lowercase();
        if !codes.is_empty() && MapView::for_countries(&self.highlight).as_ref() == Some(self) {
            return codes;
        }
        let prefix = if codes.is_empty() {
            "area".to_string()
        } else {
            codes
        };
        let key = format!(
            "{:.4} {:.4} {:.4} {:.4} {}",
            self.bounds.south,
            self.bounds.west,
            self.bounds.north,
            self.bounds.east,
            self.highlight.join(",")
        );
        format!("{prefix}-{:08x}", fnv1a(key.as_bytes()) as u32)
    }

    pub(crate) fn projection(&self) -> Projection {
        Projection::new(&self.bounds)
    }
}

fn known_codes<S: AsRef<str>>(codes: &[S]) -> Vec<String> {
    let mut known: Vec<String> = Vec::new();
    for code in codes
        .iter()
        .filter_map(|code| outlines::find(code.as_ref())?.code)
    {
        if !known.iter().any(|seen| seen == code) {
            known.push(code.to_string());
        }
    }
    known
}

/// Grows the bounds about their centre to at least `span` degrees each way.
fn widen(bounds: Bounds, span: f64) -> Bounds {
    let grow = |low: f64, high: f64| {
        let extra = (span - (high - low)).max(0.0) / 2.0;
        (low - extra, high + extra)
    };
    let (south, north) = grow(bounds.south, bounds.north);
    let (west, east) = grow(bounds.west, bounds.east);
    Bounds {
        south,
        west,
        north,
        east,
    }
}

/// Adds the margin, then keeps the projected shape within the aspect limits by growing
/// the shorter side, then keeps latitudes where the projection behaves.
fn frame(bounds: Bounds) -> Bounds {
    let lat_margin = ((bounds.north - bounds.south) * MARGIN).max(MIN_MARGIN);
    let lon_margin = ((bounds.east - bounds.west) * MARGIN).max(MIN_MARGIN);
    let mut framed = Bounds {
        south: bounds.south - lat_margin,
        west: bounds.west - lon_margin,
        north: bounds.north + lat_margin,
        east: bounds.east + lon_margin,
    };
    let middle = ((framed.south + framed.north) / 2.0)
        .to_radians()
        .cos()
        .max(0.05);
    let lat_span = framed.north - framed.south;
    let lon_span = framed.east - framed.west;
    let aspect = lat_span / (lon_span * middle);
    if aspect > MAX_ASPECT {
        let extra = (lat_span / (MAX_ASPECT * middle) - lon_span) / 2.0;
        framed.west -= extra;
        framed.east += extra;
    } else if aspect < MIN_ASPECT {
        let extra = (MIN_ASPECT * lon_span * middle - lat_span) / 2.0;
        framed.south -= extra;
        framed.north += extra;
    }
    // Sliding back within the limits, rather than cutting, keeps the shape just made.
    let over_north = (framed.north - MAX_LATITUDE).max(0.0);
    let over_south = (-MAX_LATITUDE - framed.south).max(0.0);
    framed.north = (framed.north - over_north + over_south).min(MAX_LATITUDE);
    framed.south = (framed.south + over_south - over_north).max(-MAX_LATITUDE);
    framed
}

/// A stable hash (unlike std's, which is seeded per process), for file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_view_frames_the_country_with_a_margin() {
        let view = MapView::for_countries(&["ml"]).unwrap();
        assert_eq!(view.highlight, ["ML"]);
        // Mali spans about 12.2°W–4.3°E and 10.1°N–25°N.
        assert!(
            view.bounds.west < -12.3 && view.bounds.east > 4.3,
            "{:?}",
            view.bounds
        );
        assert!(
            view.bounds.south < 10.1 && view.bounds.north > 25.0,
            "{:?}",
            view.bounds
        );
        assert_eq!(view.file_stem(), "ml");
    }

    #[test]
    fn unknown_countries_give_no_view() {
        assert!(MapView::for_countries(&["QQ"]).is_none());
        let empty: [&str; 0] = [];
        assert!(MapView::for_countries(&empty).is_none());
    }

    #[test]
    fn views_keep_a_page_friendly_shape() {
        for codes in [["CL"], ["CA"], ["ID"], ["ML"], ["SG"]] {
            let view = MapView::for_countries(&codes).unwrap();
            let aspect = view.height() / view.width();
            assert!(
                (MIN_ASPECT - 0.01..=MAX_ASPECT + 0.01).contains(&aspect),
                "{codes:?} {aspect}"
            );
        }
    }

    #[test]
    fn one_point_gets_surroundings() {
        let view = MapView::around_points([(12.64, -8.0)]).unwrap();
        assert!(view.bounds.north - view.bounds.south >= MIN_SPAN);
        let (x, y) = view.project(12.64, -8.0);
        assert!((x - view.width() / 2.0).abs() < 1.0 && (y - view.height() / 2.0).abs() < 1.0);
        assert!(view.file_stem().starts_with("area-"));
    }

    #[test]
    fn projection_keeps_distances_even_at_the_middle_latitude() {
        let view = MapView::for_countries(&["ML"]).unwrap();
        let (x0, y0) = view.project(17.0, -4.0);
        let (x1, _) = view.project(17.0, -3.0);
        let (_, y1) = view.project(16.0, -4.0);
        let east = x1 - x0;
        let north = y1 - y0;
        let middle = ((view.bounds.south + view.bounds.north) / 2.0)
            .to_radians()
            .cos();
        assert!((east / north - middle).abs() < 1e-9);
    }

    #[test]
    fn equal_views_share_a_file_stem_and_different_ones_do_not() {
        let a = MapView::around_points([(14.0, -4.0)])
            .unwrap()
            .with_highlight(&["ml"]);
        let b = MapView::around_points([(14.0, -4.0)])
            .unwrap()
            .with_highlight(&["ML"]);
        let c = MapView::around_points([(15.0, -4.0)])
            .unwrap()
            .with_highlight(&["ML"]);
        assert_eq!(a.file_stem(), b.file_stem());
        assert_ne!(a.file_stem(), c.file_stem());
        assert!(a.file_stem().starts_with("ml-"));
    }
}
