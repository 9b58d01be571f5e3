//! Which map each page shows: incidents turned into marks, the extent each page frames, the
//! base map files pages share, and the text list that stands beside every map.
//!
//! Drawing is the `map` module's job; this one decides what to draw. A place known only to
//! its region is marked at the region's centre as approximate, so it is drawn as a ring.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::map::{base_map_svg, has_outline, map_svg, Bounds, MapView, Mark};
use crate::model::Incident;
use crate::registry::RegionRef;
use crate::site_context::{date_view, SiteContext};
use crate::vocabulary::LocationPrecision;

/// Up to this many incidents, the list beside a map names each one; beyond it, the list
/// counts them by region or place so it stays readable.
const LIST_EACH_UP_TO: usize = 30;

/// Longest list of places or regions beside a map; the rest are counted.
const LIST_LONGEST: usize = 40;

/// Degrees of surroundings a region's map shows around its centre, as region outlines are
/// not drawn and a reader needs the country's shape to place it.
const REGION_MARGIN: f64 = 2.5;

/// One mark with the region it lies in, so region maps can frame their own marks.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The region the place is in, as the report gives it.
    pub region: Option<RegionRef>,
    /// The place's name as the list beside the map shows it.
    pub place: String,
    /// What the map draws.
    pub mark: Mark,
}

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
        let registry = &cx.site.registry;
        let countries: Vec<Option<MapView>> = registry
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
            .collect();
        let regions = registry
            .countries
            .par_iter()
            .enumerate()
            .map(|(c, country)| {
                (0..country.regions.len())
                    .map(|r| {
                        let list = &cx.index.by_region[c][r];
                        let country_view = countries[c].as_ref();
                        (!list.is_empty())
                            .then(|| region_view(cx, &marks, (c, r), country_view))
                            .flatten()
                    })
                    .collect()
            })
            .collect();
        let groups = cx
            .index
            .by_group
            .par_iter()
            .map(|list| {
                (!list.is_empty())
                    .then(|| view_of_countries(cx, &marks, list))
                    .flatten()
            })
            .collect();
        let site_view = view_of_countries(cx, &marks, &cx.index.listed);
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
                "Every located incident",
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
            &format!("Incidents in {name}"),
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
            &format!("Incidents in {name}"),
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
            &format!("Incidents involving {name}"),
            Scope::Regions,
        ))
    }

    /// The locator map of an incident page: its places over its country.
    pub fn incident(&self, cx: &SiteContext, i: usize) -> Option<MapBlock> {
        let marks = &self.marks[i];
        if marks.is_empty() {
            return None;
        }
        let drawn: Vec<Mark> = marks.iter().map(|p| p.mark.clone()).collect();
        let country = cx.site.incidents[i].country;
        let shared_view = self.countries[country]
            .as_ref()
            .filter(|view| drawn.iter().all(|mark| inside(view, mark)));
        let own_view;
        let (view, base) = match shared_view {
            Some(view) => (view, Some(self.base_href(cx, view))),
            None => {
                own_view = MapView::around_marks(&drawn)?;
                (&own_view, None)
            }
        };
        let title = format!(
            "Where it happened: {}",
            marks
                .iter()
                .map(|p| p.place.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        Some(MapBlock {
            svg: map_svg(view, base.as_deref(), &drawn, &title),
            located: 1,
            unlocated: 0,
            approximate: drawn.iter().any(|m| m.approximate),
            exact: drawn.iter().any(|m| !m.approximate),
            list_kind: "places",
            items: marks
                .iter()
                .map(|p| MapItem {
                    name: p.place.clone(),
                    url: String::new(),
                    count: None,
                    approximate: p.mark.approximate,
                })
                .collect(),
            more: 0,
        })
    }

    /// Every base map the pages refer to, as (output file, SVG): one per distinct view.
    pub fn base_files(&self) -> Vec<(String, String)> {
        self.base_files_since(None)
    }

    /// The base maps these maps refer to that `before` did not: all a save must write,
    /// since a base map's file name is made from its view.
    pub fn base_files_since(&self, before: Option<&SiteMaps>) -> Vec<(String, String)> {
        let known = before.map(SiteMaps::base_names).unwrap_or_default();
        self.base_views()
            .into_par_iter()
            .map(|(stem, view)| (base_file(&stem), view))
            .filter(|(file, _)| !known.contains(file))
            .map(|(file, view)| (file, base_map_svg(view)))
            .collect()
    }

    /// The output files of every base map the pages refer to.
    pub fn base_names(&self) -> BTreeSet<String> {
        self.base_views()
            .into_keys()
            .map(|stem| base_file(&stem))
            .collect()
    }

    fn base_views(&self) -> BTreeMap<String, &MapView> {
        let mut views: BTreeMap<String, &MapView> = BTreeMap::new();
        let all = self
            .site
            .iter()
            .chain(self.countries.iter().flatten())
            .chain(self.regions.iter().flatten().flatten())
            .chain(self.groups.iter().flatten());
        for view in all {
            views.entry(view.file_stem()).or_insert(view);
        }
        views
    }

    fn base_href(&self, cx: &SiteContext, view: &MapView) -> String {
        cx.urls.path(&base_file(&view.file_stem()))
    }

    /// The map of `list` (newest first) over `view`, with its text list.
    fn block(
        &self,
        cx: &SiteContext,
        view: &MapView,
        list: &[usize],
        title: &str,
        scope: Scope,
    ) -> MapBlock {
        // A region's map shows only the places in that region, not every place of a
        // report that spans several.
        let shown = |p: &&Placed| match scope {
            Scope::Places(region) => p.region == Some(region),
            Scope::Regions => true,
        };
        let located: Vec<usize> = list
            .iter()
            .copied()
            .filter(|&i| self.marks[i].iter().any(|p| shown(&p)))
            .collect();
        let drawn: Vec<Mark> = located
            .iter()
            .flat_map(|&i| self.marks[i].iter().filter(shown).map(|p| p.mark.clone()))
            .collect();
        let base = self.base_href(cx, view);
        let svg = map_svg(view, Some(&base), &drawn, title);
        let (list_kind, mut items) = if located.len() <= LIST_EACH_UP_TO {
            let items = located
                .iter()
                .flat_map(|&i| {
                    self.marks[i].iter().filter(shown).map(|p| MapItem {
                        name: p.mark.label.clone(),
                        url: p.mark.href.clone(),
                        count: None,
                        approximate: p.mark.approximate,
                    })
                })
                .collect();
            ("incidents", items)
        } else {
            match scope {
                Scope::Regions => ("regions", self.by_region(cx, &located)),
                Scope::Places(region) => ("places", self.by_place(&located, region)),
            }
        };
        let more = items.len().saturating_sub(LIST_LONGEST);
        items.truncate(LIST_LONGEST);
        MapBlock {
            svg,
            located: located.len(),
            unlocated: list.len() - located.len(),
            approximate: drawn.iter().any(|m| m.approximate),
            exact: drawn.iter().any(|m| !m.approximate),
            list_kind,
            items,
            more,
        }
    }

    /// Incidents of `located` per region, most first, linking to region pages.
    fn by_region(&self, cx: &SiteContext, located: &[usize]) -> Vec<MapItem> {
        let mut counts: HashMap<RegionRef, usize> = HashMap::new();
        for &i in located {
            let mut seen: Vec<RegionRef> = self.marks[i].iter().filter_map(|p| p.region).collect();
            seen.sort_unstable();
            seen.dedup();
            for region in seen {
                *counts.entry(region).or_default() += 1;
            }
        }
        let mut items: Vec<MapItem> = counts
            .into_iter()
            .map(|(region, count)| {
                let link = cx.region_link(region);
                MapItem {
                    name: format!(
                        "{}, {}",
                        link.name, cx.site.registry.countries[region.0].name
                    ),
                    url: link.url,
                    count: Some(count),
                    approximate: false,
                }
            })
            .collect();
        items.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        items
    }

    /// Incidents of `located` per place name, most first, linking to the newest there.
    fn by_place(&self, located: &[usize], region: RegionRef) -> Vec<MapItem> {
        let mut places: HashMap<&str, MapItem> = HashMap::new();
        for &i in located {
            let mut seen: Vec<&Placed> = self.marks[i]
                .iter()
                .filter(|p| p.region == Some(region))
                .collect();
            seen.dedup_by(|a, b| a.place == b.place);
            for placed in seen {
                let item = places.entry(&placed.place).or_insert_with(|| MapItem {
                    name: placed.place.clone(),
                    url: placed.mark.href.clone(),
                    count: Some(0),
                    approximate: placed.mark.approximate,
                });
                item.count = item.count.map(|n| n + 1);
            }
        }
        let mut items: Vec<MapItem> = places.into_values().collect();
        items.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        items
    }
}

/// What a map shows: every place of its reports, listed by region when there are many;
/// or only the places in one region, listed by place.
#[derive(Clone, Copy)]
enum Scope {
    Regions,
    Places(RegionRef),
}

fn inside(view: &MapView, mark: &Mark) -> bool {
    view.bounds.contains(mark.lat, mark.lon)
}

/// The marks of each incident in `which`, in order.
pub fn all_marks(
    cx: &SiteContext,
    which: impl IntoParallelIterator<Item = usize>,
) -> Vec<Vec<Placed>> {
    which.into_par_iter().map(|i| marks_of(cx, i)).collect()
}

fn base_file(stem: &str) -> String {
    format!("maps/{stem}.svg")
}

/// The marks of one incident: each place with coordinates, else the centre of its region
/// as an approximate place; with no places at all, the centres of the report's regions.
fn marks_of(cx: &SiteContext, i: usize) -> Vec<Placed> {
    let incident: &Incident = &cx.site.incidents[i];
    let registry = &cx.site.registry;
    let href = cx.urls.incident(&incident.slug);
    let date = date_view(incident.date, incident.precision).label;
    let centre = |region: RegionRef| registry.countries[region.0].regions[region.1].center;
    let region_name =
        |region: RegionRef| registry.countries[region.0].regions[region.1].name.clone();
    let mark = |place: &str, [lat, lon]: [f64; 2], approximate: bool| Mark {
        lat,
        lon,
        approximate,
        href: href.clone(),
        label: format!("{place}: {} ({date})", incident.title),
    };
    let mut placed: Vec<Placed> = incident
        .locations
        .iter()
        .filter_map(|location| {
            let region = location
                .region
                .or_else(|| incident.regions.first().copied());
            match (location.coordinates, region) {
                (Some(point), _) => Some(Placed {
                    region,
                    place: location.name.clone(),
                    mark: mark(
                        &location.name,
                        point,
                        location.precision == Some(LocationPrecision::Region),
                    ),
                }),
                (None, Some(region)) => centre(region).map(|point| Placed {
                    region: Some(region),
                    place: format!("{} ({} region)", location.name, region_name(region)),
                    mark: mark(&location.name, point, true),
                }),
                (None, None) => None,
            }
        })
        .collect();
    if incident.locations.is_empty() {
        placed.extend(incident.regions.iter().filter_map(|&region| {
            let name = format!("{} region", region_name(region));
            centre(region).map(|point| Placed {
                region: Some(region),
                mark: mark(&name, point, true),
                place: name,
            })
        }));
    }
    placed
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
fn view_of_countries(cx: &SiteContext, marks: &[Vec<Placed>], list: &[usize]) -> Option<MapView> {
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
