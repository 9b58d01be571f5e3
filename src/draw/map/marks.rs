//! Merging marks that would overlap, so a page with thousands of located incidents stays a
//! readable map of a reasonable size.
//!
//! Each mark joins the first earlier group whose first mark lies within the merge distance,
//! found through a grid of cells that size, so the cost stays linear in the number of marks
//! (a cell holds only a handful of groups, since their first marks are that far apart).

use std::collections::{HashMap, HashSet};

use super::projection::{Projection, MAP_WIDTH};
use super::Mark;

/// Centres closer than this many SVG units merge: a dot's diameter and a little more.
const MERGE_EXACT: f64 = 6.0;
/// Rings are bigger than dots, so they merge from further apart.
const MERGE_APPROXIMATE: f64 = 10.0;
const RADIUS_EXACT: f64 = 4.0;
const RADIUS_APPROXIMATE: f64 = 8.0;
/// A merged mark never covers more than this, however many incidents it holds.
const MAX_RADIUS: f64 = 40.0;

/// Marks drawn as one circle.
#[derive(Debug)]
pub(crate) struct MergedMark<'a> {
    /// The first mark given, which callers make the newest incident: the circle links to it.
    pub first: &'a Mark,
    /// Every mark drawn as this circle, `first` included: what the map's description counts.
    pub members: Vec<&'a Mark>,
    /// How many incidents the circle stands for: its marks' distinct links, as one report
    /// with two places close together is one incident, not two.
    pub reports: usize,
    /// Mean position of the merged marks, in SVG units.
    pub x: f64,
    pub y: f64,
}

impl MergedMark<'_> {
    /// Grows with the fourth root of the incidents (area with its square root), so one big
    /// cluster does not hide the map while 2, 10 and 100 incidents still look different.
    pub fn radius(&self) -> f64 {
        let base = if self.first.approximate {
            RADIUS_APPROXIMATE
        } else {
            RADIUS_EXACT
        };
        (base * (self.reports as f64).sqrt().sqrt()).min(MAX_RADIUS)
    }
}

struct Group<'a> {
    first: &'a Mark,
    seed: (f64, f64),
    sum: (f64, f64),
    members: Vec<&'a Mark>,
}

/// How many different incidents `marks` belong to, told apart by their links.
pub(crate) fn distinct_reports<'a>(marks: impl IntoIterator<Item = &'a Mark>) -> usize {
    let mut seen = HashSet::new();
    marks
        .into_iter()
        .filter(|mark| seen.insert(mark.href.as_str()))
        .count()
}

/// Merges the marks that fall inside the map (others are dropped), solid and hollow ones
/// separately. Returns hollow marks first, then solid ones, each largest first, so small
/// marks are drawn on top and stay clickable.
pub(crate) fn merge<'a>(marks: &'a [Mark], projection: &Projection) -> Vec<MergedMark<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut grid: HashMap<(bool, i64, i64), Vec<usize>> = HashMap::new();
    for mark in marks {
        let (x, y) = projection.apply(mark.lat, mark.lon);
        let inside = (0.0..=MAP_WIDTH).contains(&x) && (0.0..=projection.height).contains(&y);
        if !inside {
            continue;
        }
        let distance = if mark.approximate {
            MERGE_APPROXIMATE
        } else {
            MERGE_EXACT
        };
        let cell = ((x / distance).floor() as i64, (y / distance).floor() as i64);
        let near = (-1..=1)
            .flat_map(|dx| (-1..=1).map(move |dy| (mark.approximate, cell.0 + dx, cell.1 + dy)))
            .filter_map(|key| grid.get(&key))
            .flatten()
            .copied()
            .filter(|&index| {
                let (sx, sy) = groups[index].seed;
                (sx - x).hypot(sy - y) <= distance
            })
            .min();
        match near {
            Some(index) => {
                let group = &mut groups[index];
                group.sum.0 += x;
                group.sum.1 += y;
                group.members.push(mark);
            }
            None => {
                grid.entry((mark.approximate, cell.0, cell.1))
                    .or_default()
                    .push(groups.len());
                groups.push(Group {
                    first: mark,
                    seed: (x, y),
                    sum: (x, y),
                    members: vec![mark],
                });
            }
        }
    }
    let mut merged: Vec<MergedMark<'a>> = groups
        .into_iter()
        .map(|group| {
            let n = group.members.len() as f64;
            MergedMark {
                first: group.first,
                reports: distinct_reports(group.members.iter().copied()),
                x: group.sum.0 / n,
                y: group.sum.1 / n,
                members: group.members,
            }
        })
        .collect();
    // Stable, so equal marks keep the caller's order and the output is deterministic.
    merged.sort_by_key(|mark| (!mark.first.approximate, std::cmp::Reverse(mark.reports)));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::map::MapView;

    fn mark(lat: f64, lon: f64, approximate: bool, n: usize) -> Mark {
        Mark {
            lat,
            lon,
            approximate,
            href: format!("/incidents/{n}/"),
            label: format!("Place {n}"),
        }
    }

    fn mali() -> Projection {
        MapView::for_countries(&["ML"]).unwrap().projection()
    }

    #[test]
    fn marks_in_one_spot_become_one_linking_to_the_first() {
        let marks: Vec<Mark> = (0..5000).map(|n| mark(12.64, -8.0, false, n)).collect();
        let merged = merge(&marks, &mali());
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].reports, 5000);
        assert_eq!(merged[0].first.href, "/incidents/0/");
        assert!(merged[0].radius() <= MAX_RADIUS);
    }

    #[test]
    fn solid_and_hollow_marks_merge_separately() {
        let marks = [mark(12.64, -8.0, false, 0), mark(12.64, -8.0, true, 1)];
        let merged = merge(&marks, &mali());
        assert_eq!(merged.len(), 2);
        assert!(
            merged[0].first.approximate,
            "hollow marks are drawn first, below"
        );
    }

    #[test]
    fn distant_marks_stay_apart_and_outside_ones_are_dropped() {
        let marks = [
            mark(12.64, -8.0, false, 0),
            mark(16.77, -3.0, false, 1),
            mark(48.85, 2.35, false, 2),
            mark(f64::NAN, 0.0, false, 3),
        ];
        assert_eq!(merge(&marks, &mali()).len(), 2);
    }

    #[test]
    fn radius_grows_with_count() {
        let marks: Vec<Mark> = (0..10).map(|n| mark(12.64, -8.0, false, n)).collect();
        let ten = merge(&marks, &mali());
        let one = merge(&marks[..1], &mali());
        assert!(ten[0].radius() > one[0].radius());
    }

    #[test]
    fn a_line_of_marks_merges_in_linear_steps() {
        // 20,000 marks along a line a few units apart: each joins a nearby group without
        // comparing against all others, which a quadratic merge would make slow.
        let marks: Vec<Mark> = (0..20_000)
            .map(|n| mark(11.0 + (n % 1000) as f64 * 0.01, -8.0, n % 2 == 0, n))
            .collect();
        let merged = merge(&marks, &mali());
        assert!(merged.len() < 1000);
        assert_eq!(
            merged.iter().map(|m| m.members.len()).sum::<usize>(),
            marks.len()
        );
    }
}
