//! What several pages share, computed once before any page is rendered so that no list
//! is walked again for each of its pages.

use std::collections::BTreeMap;

use crate::render::maps::{self, Placed, SiteMaps};
use crate::render::CardHtml;
use crate::site_context::{CountedLink, SiteContext};

/// The parts of pages that several pages show: the cards, the per-region and per-group
/// summaries, the groups' descriptions, the downloads and the maps.
pub struct PageParts {
    /// Incident i's card and row HTML.
    pub cards: Vec<CardHtml>,
    /// Per region (`[country][region]`), the groups involved there with counts.
    pub region_groups: Vec<Vec<Vec<CountedLink>>>,
    /// Per group, the regions it was seen in with counts.
    pub group_regions: Vec<Vec<CountedLink>>,
    /// Per group, its description rendered from Markdown.
    pub group_descriptions: Vec<Option<String>>,
    /// The site-wide data files with their sizes, for the data page.
    pub downloads: Vec<crate::publish::Download>,
    /// Every map's marks and extent.
    pub maps: SiteMaps,
    /// Whether list pages carry their cards' data (see [`crate::render::Renderer::card_data`]).
    pub card_data: bool,
}

impl PageParts {
    /// Computes the shared parts from the cards, the site and its index. The downloads
    /// are left empty: their sizes are known once the pass over reports has written them.
    pub fn new(cx: &SiteContext, cards: Vec<CardHtml>, card_data: bool) -> PageParts {
        let marks = maps::all_marks(cx, 0..cx.site.incidents.len());
        PageParts::with_marks(cx, cards, Vec::new(), marks, card_data)
    }

    /// Like [`PageParts::new`], with every incident's map marks already made (the dev
    /// server keeps those of the reports a save did not touch).
    pub fn with_marks(
        cx: &SiteContext,
        cards: Vec<CardHtml>,
        downloads: Vec<crate::publish::Download>,
        marks: Vec<Vec<Placed>>,
        card_data: bool,
    ) -> PageParts {
        let (maps, (region_groups, group_regions)) =
            rayon::join(|| SiteMaps::with_marks(cx, marks), || list_summaries(cx));
        let markdown = crate::markdown::MarkdownSettings {
            base_path: cx.site.settings.base_path.clone(),
            allow_raw_html: false,
        };
        let group_descriptions = cx
            .site
            .registry
            .groups
            .iter()
            .map(|g| {
                g.description
                    .as_deref()
                    .map(|d| crate::markdown::render(d, &markdown))
            })
            .collect();
        PageParts {
            cards,
            downloads,
            maps,
            region_groups,
            group_regions,
            group_descriptions,
            card_data,
        }
    }
}

/// Per region the groups seen there, and per group the regions it was seen in, with counts.
fn list_summaries(cx: &SiteContext) -> (Vec<Vec<Vec<CountedLink>>>, Vec<Vec<CountedLink>>) {
    use rayon::prelude::*;
    rayon::join(
        || {
            cx.index
                .by_region
                .par_iter()
                .map(|regions| regions.iter().map(|list| group_counts(cx, list)).collect())
                .collect()
        },
        || {
            cx.index
                .by_group
                .par_iter()
                .map(|list| region_counts(cx, list))
                .collect()
        },
    )
}

/// A link with a count.
pub fn counted(link: crate::site_context::Link, count: usize) -> CountedLink {
    CountedLink {
        name: link.name,
        url: link.url,
        count,
    }
}

/// How many of `list`'s incidents involve each group, most first.
fn group_counts(cx: &SiteContext, list: &[usize]) -> Vec<CountedLink> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &i in list {
        let mut seen = Vec::new();
        for actor in &cx.site.incidents[i].actors {
            if !seen.contains(&actor.group) {
                seen.push(actor.group);
                *counts.entry(actor.group).or_default() += 1;
            }
        }
    }
    let mut links: Vec<CountedLink> = counts
        .into_iter()
        .map(|(g, n)| counted(cx.group_link(g), n))
        .collect();
    links.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    links
}

/// How many of `list`'s incidents fall in each region, most first.
fn region_counts(cx: &SiteContext, list: &[usize]) -> Vec<CountedLink> {
    let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for &i in list {
        for &region in &cx.site.incidents[i].regions {
            *counts.entry(region).or_default() += 1;
        }
    }
    let mut links: Vec<CountedLink> = counts
        .into_iter()
        .map(|(r, n)| {
            let country = &cx.site.registry.countries[r.0].name;
            let link = cx.region_link(r);
            CountedLink {
                name: format!("{} ({country})", link.name),
                url: link.url,
                count: n,
            }
        })
        .collect();
    links.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    links
}
