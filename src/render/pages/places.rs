//! The pages of places: the list of countries with their regions (`regions.html`), a
//! country's reports (`country.html`) and a region's (`region.html`).

use serde::Serialize;

use super::lists::{pages_of, Cards, Downloads};
use super::parts::counted;
use super::{first_page, PageParts, PageView};
use crate::lists::{CountryId, ListKey, RegionId};
use crate::render::maps::MapBlock;
use crate::render::views::Pagination;
use crate::site_context::{CountedLink, Link, SiteContext};

/// `regions.html`: every country with its regions.
#[derive(Serialize)]
pub struct RegionsPage {
    /// Each country, in registry order.
    pub countries: Vec<CountrySummary>,
}

/// The template, title and view of the list of countries.
pub fn regions_view<'a>(cx: &SiteContext) -> (&'static str, String, PageView<'a>) {
    (
        "regions.html",
        cx.words.text("titles.regions").to_string(),
        PageView::Regions(RegionsPage {
            countries: country_summaries(cx),
        }),
    )
}

/// A country with its number of reports and its regions'.
#[derive(Serialize)]
pub struct CountrySummary {
    /// Its name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// Its ISO 3166 code, when the registry gives one.
    pub iso: Option<String>,
    /// How many reports it has.
    pub count: usize,
    /// Its regions, in registry order, with their counts.
    pub regions: Vec<CountedLink>,
}

/// Every country with its incident count and its regions' counts.
pub fn country_summaries(cx: &SiteContext) -> Vec<CountrySummary> {
    cx.site
        .registry
        .countries
        .iter()
        .enumerate()
        .map(|(c, country)| {
            let link = cx.country_link(c);
            CountrySummary {
                name: link.name,
                url: link.url,
                iso: country.iso.clone(),
                count: cx.index.by_country[c].len(),
                regions: region_counts(cx, CountryId(c)),
            }
        })
        .collect()
}

/// The regions of country `c` with their counts, in registry order.
fn region_counts(cx: &SiteContext, CountryId(c): CountryId) -> Vec<CountedLink> {
    (0..cx.site.registry.countries[c].regions.len())
        .map(|r| counted(cx.region_link((c, r)), cx.index.by_region[c][r].len()))
        .collect()
}

/// `country.html`: one page of a country's reports.
#[derive(Serialize)]
pub struct CountryPage<'a> {
    /// The country.
    pub country: CountryHeader<'a>,
    /// Its regions with their counts, on the first page only: like the map, they sum
    /// up the whole list, and repeating them on every further page cost bytes for nothing.
    pub regions: Vec<CountedLink>,
    /// The map of its reports, on the first page only.
    pub map: Option<MapBlock>,
    /// Its feed and data files.
    pub downloads: Downloads,
    /// The reports on this page.
    #[serde(flatten)]
    pub cards: Cards<'a>,
    /// Links to the other pages.
    pub pagination: Pagination,
}

/// What a country's page says of the country.
#[derive(Serialize)]
pub struct CountryHeader<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its ISO 3166 code, when given.
    pub iso: Option<&'a str>,
    /// Its first page.
    pub url: String,
    /// How many reports it has.
    pub count: usize,
}

/// The view of page `n` of country `c`'s reports.
pub fn country_view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    c: CountryId,
    n: usize,
) -> CountryPage<'a> {
    let key = ListKey::Country(c);
    let country = &cx.site.registry.countries[c.0];
    CountryPage {
        country: CountryHeader {
            name: &country.name,
            iso: country.iso.as_deref(),
            url: key.url(cx),
            count: key.reports(cx.index).len(),
        },
        regions: if n == 1 {
            region_counts(cx, c)
        } else {
            Vec::new()
        },
        map: first_page(n, || parts.maps.country(cx, c.0)),
        downloads: Downloads::of(cx, key),
        cards: Cards::on_page(cx, parts, key, n),
        pagination: pages_of(cx, key, n),
    }
}

/// `region.html`: one page of a region's reports.
#[derive(Serialize)]
pub struct RegionPage<'a> {
    /// The region.
    pub region: RegionHeader<'a>,
    /// Its country.
    pub country: Link,
    /// The groups seen there, with counts, most first; on the first page only.
    pub groups: &'a [CountedLink],
    /// The map of its reports, on the first page only.
    pub map: Option<MapBlock>,
    /// Its feed and data files.
    pub downloads: Downloads,
    /// The reports on this page.
    #[serde(flatten)]
    pub cards: Cards<'a>,
    /// Links to the other pages.
    pub pagination: Pagination,
}

/// What a region's page says of the region.
#[derive(Serialize)]
pub struct RegionHeader<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its ISO 3166-2 code, when given.
    pub iso: Option<&'a str>,
    /// Its first page.
    pub url: String,
    /// How many reports it has.
    pub count: usize,
    /// Its centre as `[longitude, latitude]`, when the registry gives one.
    pub center: Option<[f64; 2]>,
}

/// The view of page `n` of region `r`'s reports.
pub fn region_view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    r: RegionId,
    n: usize,
) -> RegionPage<'a> {
    let key = ListKey::Region(r);
    let region = &cx.site.registry.countries[r.country].regions[r.region];
    RegionPage {
        region: RegionHeader {
            name: &region.name,
            iso: region.iso.as_deref(),
            url: key.url(cx),
            count: key.reports(cx.index).len(),
            center: region.center,
        },
        country: cx.country_link(r.country),
        groups: if n == 1 {
            &parts.region_groups[r.country][r.region]
        } else {
            &[]
        },
        map: first_page(n, || parts.maps.region(cx, (r.country, r.region))),
        downloads: Downloads::of(cx, key),
        cards: Cards::on_page(cx, parts, key, n),
        pagination: pages_of(cx, key, n),
    }
}
