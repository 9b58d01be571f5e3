//! The extent each page's map frames: a country's outline or box, a region with some of
//! its country around it, or the countries a list of incidents happened in.

use rayon::prelude::*;

use crate::domain::registry::RegionRef;
use crate::draw::map::{has_outline, Bounds, MapView};
use crate::site_context::SiteContext;

use super::Placed;

/// Degrees of surroundings a region's map shows around its centre, as region outlines are
/// not drawn and a reader needs the country's shape to place it.
const REGION_MARGIN: f64 = 2.5;

/// Each country's view: its outline when the map data has one, else its registry box.
pub(super) fn country_views(cx: &SiteContext) -> Vec<Option<MapView>> {
    cx.site
        .registry
        .countries
        .iter()
        .map(|country| {
            let iso: Vec<&str> = country.iso.as_deref().into_iter().collect();
            MapView::for_countries(&iso).or_else(|| {
                country
                    .bounds
                    .and_then(Bounds::from_corners)
                    .map(|bounds| MapView::for_bounds(bounds, &iso))
            })
        })
        .collect()
}

/// Each region's view, by country then region; none for a region with no incidents.
pub(super) fn region_views(
    cx: &SiteContext,
    marks: &[Vec<Placed>],
    countries: &[Option<MapView>],
) -> Vec<Vec<Option<MapView>>> {
    cx.site
        .registry
        .countries
        .par_iter()
        .enumerate()
        .map(|(c, country)| {
            (0..country.regions.len())
                .map(|r| {
                    let list = &cx.index.by_region[c][r];
                    let country_view = countries[c].as_ref();
                    (!list.is_empty())
                        .then(|| region_view(cx, marks, (c, r), country_view))
                        .flatten()
                })
                .collect()
        })
        .collect()
}

/// Each group's view; none for a group with no incidents.
pub(super) fn group_views(cx: &SiteContext, marks: &[Vec<Placed>]) -> Vec<Option<MapView>> {
    cx.index
        .by_group
        .par_iter()
        .map(|list| {
            (!list.is_empty())
                .then(|| view_of_countries(cx, marks, list))
                .flatten()
        })
        .collect()
}

/// A region's map: around its own marks and its centre, its country highlighted; the
/// country's view when the region has neither.
fn region_view(
    cx: &SiteContext,
    marks: &[Vec<Placed>],
    region: RegionRef,
    country_view: Option<&MapView>,
) -> Option<MapView> {
    let registry = &cx.site.registry;
    let iso: Vec<&str> = registry.countries[region.0]
        .iso
        .as_deref()
        .into_iter()
        .collect();
    let centre = registry.countries[region.0].regions[region.1].center;
    let points: Vec<(f64, f64)> = cx.index.by_region[region.0][region.1]
        .iter()
        .flat_map(|&i| marks[i].iter())
        .filter(|p| p.region == Some(region))
        .map(|p| (p.mark.lat, p.mark.lon))
        .chain(centre.into_iter().flat_map(|[lat, lon]| {
            // The centre with some country around it, as no region outlines are drawn.
            [
                (lat - REGION_MARGIN, lon - REGION_MARGIN),
                (lat + REGION_MARGIN, lon + REGION_MARGIN),
            ]
        }))
        .collect();
    MapView::around_points(points)
        .map(|view| view.with_highlight(&iso))
        .or_else(|| country_view.cloned())
}

/// A view of the countries `list`'s incidents happened in; around their marks when no
/// country has an outline.
pub(super) fn view_of_countries(
    cx: &SiteContext,
    marks: &[Vec<Placed>],
    list: &[usize],
) -> Option<MapView> {
    let countries = &cx.site.registry.countries;
    let mut seen = vec![false; countries.len()];
    for &i in list {
        seen[cx.site.incidents[i].country] = true;
    }
    let codes: Vec<&str> = countries
        .iter()
        .zip(&seen)
        .filter(|(_, &seen)| seen)
        .filter_map(|(country, _)| country.iso.as_deref())
        .filter(|code| has_outline(code))
        .collect();
    MapView::for_countries(&codes).or_else(|| {
        MapView::around_points(
            list.iter()
                .flat_map(|&i| marks[i].iter())
                .map(|p| (p.mark.lat, p.mark.lon)),
        )
    })
}
