//! The committed country outlines (`data/countries.txt`), parsed once on first use, and the
//! questions asked of them: which countries exist, where they are, what lies inside them.

use std::sync::OnceLock;

use super::bounds::Bounds;

/// Made by `data/convert.mjs` from Natural Earth; the format is described at its top.
const DATA: &str = include_str!("data/countries.txt");

/// Islands further than this (in degrees) from a country's main land are left out of the
/// extent a view frames, so France is framed without French Guiana and Réunion.
const NEAR_MAIN_LAND: f64 = 3.0;

/// One line of the data file.
#[derive(Debug)]
pub(crate) struct Outline {
    /// Upper-case ISO 3166-1 alpha-2 code; `None` for land that has none (a disputed
    /// glacier), which is drawn but cannot be asked for.
    pub code: Option<&'static str>,
    pub name: &'static str,
    /// Closed rings of `[lon, lat]` in degrees, holes included; inside is by even-odd.
    pub rings: Vec<Vec<[f64; 2]>>,
    /// Every ring.
    pub bounds: Bounds,
    /// The largest ring and the land near it: what a map of the country should show.
    pub main_bounds: Bounds,
}

/// Every outline, coded ones sorted by code, then the uncoded ones.
pub(crate) fn outlines() -> &'static [Outline] {
    static OUTLINES: OnceLock<Vec<Outline>> = OnceLock::new();
    OUTLINES.get_or_init(|| DATA.lines().filter_map(parse_line).collect())
}

/// The outline with this code, in any case.
pub(crate) fn find(code: &str) -> Option<&'static Outline> {
    let code = code.trim().to_ascii_uppercase();
    let all = outlines();
    let coded = all.partition_point(|outline| outline.code.is_some());
    all[..coded]
        .binary_search_by(|outline| outline.code.unwrap_or_default().cmp(code.as_str()))
        .ok()
        .map(|index| &all[index])
}

fn parse_line(line: &'static str) -> Option<Outline> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut fields = line.split('\t');
    let code = fields.next()?;
    let name = fields.next()?;
    let rings = fields
        .next()?
        .split(';')
        .map(parse_ring)
        .collect::<Option<Vec<_>>>()?;
    let ring_bounds: Vec<Bounds> = rings.iter().map(|ring| ring_bounds(ring)).collect();
    let bounds = ring_bounds.iter().copied().reduce(Bounds::union)?;
    Some(Outline {
        code: (code != "-").then_some(code),
        name,
        main_bounds: main_land_bounds(&rings, &ring_bounds),
        rings,
        bounds,
    })
}

/// Points are steps in hundredths of a degree from the previous one, so they are summed
/// as integers and divided once, keeping shared borders exactly equal.
fn parse_ring(text: &str) -> Option<Vec<[f64; 2]>> {
    let mut lon = 0i64;
    let mut lat = 0i64;
    let mut ring = Vec::new();
    for pair in text.split(' ') {
        let (dx, dy) = pair.split_once(',')?;
        lon += dx.parse::<i64>().ok()?;
        lat += dy.parse::<i64>().ok()?;
        ring.push([lon as f64 / 100.0, lat as f64 / 100.0]);
    }
    (ring.len() >= 3).then_some(ring)
}

fn ring_bounds(ring: &[[f64; 2]]) -> Bounds {
    let mut bounds = Bounds::point(ring[0][1], ring[0][0]);
    for &[lon, lat] in ring {
        bounds = bounds.union(Bounds::point(lat, lon));
    }
    bounds
}

/// Twice the ring's area in square degrees, only to rank rings by size.
fn ring_area(ring: &[[f64; 2]]) -> f64 {
    let mut twice = 0.0;
    for (i, &[x1, y1]) in ring.iter().enumerate() {
        let [x2, y2] = ring[(i + 1) % ring.len()];
        twice += x1 * y2 - x2 * y1;
    }
    twice.abs()
}

/// Grows the largest ring's bounds by every ring within [`NEAR_MAIN_LAND`] of them, until
/// nothing more is near, so island chains (Indonesia, Japan) stay whole.
fn main_land_bounds(rings: &[Vec<[f64; 2]>], ring_bounds: &[Bounds]) -> Bounds {
    let largest = (0..rings.len())
        .max_by(|&a, &b| ring_area(&rings[a]).total_cmp(&ring_area(&rings[b])))
        .unwrap_or(0);
    let mut taken = vec![false; rings.len()];
    taken[largest] = true;
    let mut bounds = ring_bounds[largest];
    loop {
        let mut grew = false;
        for (i, ring) in ring_bounds.iter().enumerate() {
            if !taken[i] && bounds.gap_to(ring) <= NEAR_MAIN_LAND {
                taken[i] = true;
                bounds = bounds.union(*ring);
                grew = true;
            }
        }
        if !grew {
            return bounds;
        }
    }
}

impl Outline {
    /// Even-odd ray casting over all rings at once, so holes (Lesotho inside South
    /// Africa) count as outside without knowing which ring is a hole.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        if !self.bounds.contains(lat, lon) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let mut previous = ring[ring.len() - 1];
            for &point in ring {
                let [x1, y1] = previous;
                let [x2, y2] = point;
                if (y1 > lat) != (y2 > lat) {
                    let crossing = x1 + (lat - y1) / (y2 - y1) * (x2 - x1);
                    if lon < crossing {
                        inside = !inside;
                    }
                }
                previous = point;
            }
        }
        inside
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        let lines = DATA
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .count();
        assert_eq!(outlines().len(), lines);
        assert!(lines > 200);
    }

    #[test]
    fn coded_outlines_are_sorted_and_unique_so_lookup_finds_them() {
        let codes: Vec<&str> = outlines().iter().filter_map(|o| o.code).collect();
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
        for code in codes {
            assert_eq!(find(code).and_then(|o| o.code), Some(code));
        }
        assert_eq!(find("ml").map(|o| o.name), Some("Mali"));
        assert!(find("-").is_none());
        assert!(find("QQ").is_none());
    }

    #[test]
    fn main_bounds_leave_out_far_islands() {
        let france = find("FR").unwrap();
        assert!(france.main_bounds.west > -10.0, "{:?}", france.main_bounds);
        assert!(france.main_bounds.south > 40.0, "{:?}", france.main_bounds);
        let mali = find("ML").unwrap();
        assert_eq!(mali.main_bounds, mali.bounds);
    }

    #[test]
    fn holes_are_outside() {
        let south_africa = find("ZA").unwrap();
        // Maseru, in Lesotho, which South Africa surrounds.
        assert!(!south_africa.contains(-29.31, 27.48));
        assert!(find("LS").unwrap().contains(-29.31, 27.48));
        assert!(south_africa.contains(-26.2, 28.05));
    }
}
