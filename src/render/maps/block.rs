//! A page's map over a list of incidents, and the text list that stands beside it: each
//! incident when there are few, else counts by region or by place, so it stays readable.

use std::collections::HashMap;

use crate::domain::registry::RegionRef;
use crate::draw::map::{map_svg, MapView, Mark};
use crate::site_context::SiteContext;

use super::{MapBlock, MapItem, Placed, SiteMaps};

/// Up to this many incidents, the list beside a map names each one; beyond it, the list
/// counts them by region or place so it stays readable.
const LIST_EACH_UP_TO: usize = 30;

/// Longest list of places or regions beside a map; the rest are counted.
const LIST_LONGEST: usize = 40;

/// What a map shows: every place of its reports, listed by region when there are many;
/// or only the places in one region, listed by place.
#[derive(Clone, Copy)]
pub(super) enum Scope {
    Regions,
    Places(RegionRef),
}

impl SiteMaps {
    /// The map of `list` (newest first) over `view`, with its text list.
    pub(super) fn block(
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
        let svg = map_svg(
            view,
            Some(&base),
            &drawn,
            title,
            &super::words::map_words(cx),
        );
        let (list_kind, mut items) = if located.len() <= LIST_EACH_UP_TO {
            let items = located
                .iter()
                .flat_map(|&i| self.marks[i].iter().filter(shown).map(incident_item))
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
                    name: cx.words.fill(
                        "maps.region_in_country",
                        &[
                            ("region", &link.name),
                            ("country", &cx.site.registry.countries[region.0].name),
                        ],
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

/// The list line of one incident's mark: its label, linking to the report.
fn incident_item(p: &Placed) -> MapItem {
    MapItem {
        name: p.mark.label.clone(),
        url: p.mark.href.clone(),
        count: None,
        approximate: p.mark.approximate,
    }
}
