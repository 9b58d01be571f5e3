//! Which map each page shows: incidents turned into marks, the extent each page frames, the
//! base map files pages share, and the text list that stands beside every map.
//!
//! Drawing is the `map` module's job; this one decides what to draw. A place known only to
//! its region is marked at the region's centre as approximate, so it is drawn as a ring.

mod base;
mod block;
mod frame;
mod marks;
mod words;

pub use marks::{all_marks, Placed};

use serde::Serialize;

use crate::domain::registry::RegionRef;
use crate::draw::map::{locator_html, map_svg, MapView, Mark};
use crate::site_context::SiteContext;

use block::Scope;

/// The views and marks of every map of the site, worked out once per build.
pub struct SiteMaps {
    /// Incident i's marks, one per place that can be put on a map.
    pub marks: Vec<Vec<Placed>>,
    site: Option<MapView>,
    countries: Vec<Option<MapView>>,
    regions: Vec<Vec<Option<MapView>>>,
    groups: Vec<Option<MapView>>,
    /// The map of every listed incident, shown on the home page and on `/map/`.
    pub site_map: Option<MapBlock>,
}

/// A map as a template shows it: the SVG, and a list of what it marks for readers who
/// cannot see or click it.
#[derive(Debug, Serialize)]
pub struct MapBlock {
    /// The inline `<svg>`, already escaped.
    pub svg: String,
    /// How many listed incidents have a place on the map.
    pub located: usize,
    /// How many of the page's incidents have no place to draw.
    pub unlocated: usize,
    /// Whether any mark is approximate, so the legend explains rings.
    pub approximate: bool,
    /// Whether any mark is precise, so the legend explains dots.
    pub exact: bool,
    /// `incidents`, `regions` or `places`: what the list items are.
    pub list_kind: &'static str,
    /// The list beside the map.
    pub items: Vec<MapItem>,
    /// Entries left out of the list for its length.
    pub more: usize,
}

/// One line of the list beside a map.
#[derive(Debug, Serialize)]
pub struct MapItem {
    /// What the line says.
    pub name: String,
    /// Where it links.
    pub url: String,
    /// Incidents counted on the line, for region and place lines.
    pub count: Option<usize>,
    /// Whether the place is known only to its region.
    pub approximate: bool,
}

impl SiteMaps {
    /// Frames every page's map over `marks`, each incident's marks ([`all_marks`]; the
    /// dev server keeps those of the reports a save did not touch).
    pub fn with_marks(cx: &SiteContext, marks: Vec<Vec<Placed>>) -> SiteMaps {
        let countries = frame::country_views(cx);
        let regions = frame::region_views(cx, &marks, &countries);
        let groups = frame::group_views(cx, &marks);
        let site_view = frame::view_of_countries(cx, &marks, &cx.index.listed);
        let mut maps = SiteMaps {
            marks,
            site: site_view,
            countries,
            regions,
            groups,
            site_map: None,
        };
        maps.site_map = maps.site.as_ref().map(|view| {
            maps.block(
                cx,
                view,
                &cx.index.listed,
                cx.words.text("maps.site_title"),
                Scope::Regions,
            )
        });
        maps
    }

    /// The map of a country page.
    pub fn country(&self, cx: &SiteContext, c: usize) -> Option<MapBlock> {
        if cx.index.by_country[c].is_empty() {
            return None;
        }
        let view = self.countries[c].as_ref()?;
        let name = &cx.site.registry.countries[c].name;
        Some(self.block(
            cx,
            view,
            &cx.index.by_country[c],
            &cx.words.fill("maps.country_title", &[("name", name)]),
            Scope::Regions,
        ))
    }

    /// The map of a region page.
    pub fn region(&self, cx: &SiteContext, (c, r): RegionRef) -> Option<MapBlock> {
        let view = self.regions[c][r].as_ref()?;
        let name = &cx.site.registry.countries[c].regions[r].name;
        Some(self.block(
            cx,
            view,
            &cx.index.by_region[c][r],
            &cx.words.fill("maps.region_title", &[("name", name)]),
            Scope::Places((c, r)),
        ))
    }

    /// The map of a group page.
    pub fn group(&self, cx: &SiteContext, g: usize) -> Option<MapBlock> {
        let view = self.groups[g].as_ref()?;
        let name = &cx.site.registry.groups[g].name;
        Some(self.block(
            cx,
            view,
            &cx.index.by_group[g],
            &cx.words.fill("maps.group_title", &[("name", name)]),
            Scope::Regions,
        ))
    }

    /// The locator map of an incident page: its places over its country's shared base
    /// map, positioned in HTML; drawn inline as SVG when a place lies outside the country's
    /// view, which then has no base map file.
    pub fn incident(&self, cx: &SiteContext, i: usize) -> Option<Locator> {
        let marks = &self.marks[i];
        if marks.is_empty() {
            return None;
        }
        // The mark's tooltip is its place: the page is the report itself, so its title
        // and date would only repeat the heading.
        let drawn: Vec<Mark> = marks
            .iter()
            .map(|p| Mark {
                label: p.place.clone(),
                ..p.mark.clone()
            })
            .collect();
        let places: Vec<&str> = marks.iter().map(|p| p.place.as_str()).collect();
        let places = places.join(cx.words.text("maps.separator"));
        let title = cx.words.fill("maps.incident_title", &[("places", &places)]);
        let country = cx.site.incidents[i].country;
        let shared_view = self.countries[country]
            .as_ref()
            .filter(|view| drawn.iter().all(|mark| inside(view, mark)));
        let html = match shared_view {
            Some(view) => locator_html(view, &self.base_href(cx, view), &drawn, &title),
            None => {
                let view = MapView::around_marks(&drawn)?;
                map_svg(&view, None, &drawn, &title, &words::map_words(cx))
            }
        };
        Some(Locator {
            html,
            approximate: drawn.iter().any(|m| m.approximate),
            exact: drawn.iter().any(|m| !m.approximate),
        })
    }
}

/// The locator map of a report's page, as `incident.html` shows it.
#[derive(Debug, Serialize)]
pub struct Locator {
    /// The map, already escaped: the shared base map with marks positioned over it, or an
    /// inline `<svg>` when the report's places lie outside its country's map.
    pub html: String,
    /// Whether any place is known only roughly, so the legend explains rings.
    pub approximate: bool,
    /// Whether any place is known precisely, so the legend explains dots.
    pub exact: bool,
}

/// Whether `view` frames `mark`, so that an incident can share its country's base map.
fn inside(view: &MapView, mark: &Mark) -> bool {
    view.bounds.contains(mark.lat, mark.lon)
}
