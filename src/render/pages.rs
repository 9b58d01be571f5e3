//! Which pages the site has (SPEC.md section 3) and the context each one is rendered with.
//!
//! A page is a small [`Page`] value naming what to show; its context is built only when it
//! is rendered, in parallel, so no page's data sits in memory longer than it must.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::views::pagination;
use crate::site_context::{date_view, month_name, CountedLink, Link, SiteContext};
use crate::vocabulary::{EventType, Role};

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// `/`
    Home,
    /// `/incidents/SLUG/`, by incident position.
    Incident(usize),
    /// `/incidents/` and its further pages.
    Incidents(usize),
    /// `/regions/`
    Regions,
    /// `/regions/COUNTRY/`, page n.
    Country(usize, usize),
    /// `/regions/COUNTRY/REGION/`, page n.
    Region(usize, usize, usize),
    /// `/groups/`
    Groups,
    /// `/groups/GROUP/`, page n.
    Group(usize, usize),
    /// `/groups/ALIAS/`: a redirect, by group and alias position.
    Alias(usize, usize),
    /// `/types/`
    Types,
    /// `/types/TYPE/`, page n.
    Type(usize, usize),
    /// `/timeline/`
    Timeline,
    /// `/timeline/YYYY/`
    Year(i16),
    /// `/about/`
    About,
    /// `/data/`: the downloads and their columns.
    Data,
    /// `/search/`: the search form; results come from the script and the index files.
    Search,
    /// `/map/`: every located incident.
    Map,
    /// `/stats/`: charts with their tables.
    Stats,
    /// `/404.html`
    NotFound,
}

/// How many pages a list of `len` items takes at `per_page` a page (at least one).
fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page).max(1)
}

/// Every page of the site, in a stable order.
pub fn all_pages(cx: &SiteContext) -> Vec<Page> {
    let per_page = cx.site.settings.config.paginate_by;
    let index = cx.index;
    let registry = &cx.site.registry;
    let mut pages = vec![
        Page::Home,
        Page::Regions,
        Page::Groups,
        Page::Types,
        Page::Timeline,
        Page::About,
        Page::Data,
        Page::Search,
        Page::Map,
        Page::Stats,
        Page::NotFound,
    ];
    pages.extend((0..cx.site.incidents.len()).map(Page::Incident));
    pages.extend((1..=page_count(index.listed.len(), per_page)).map(Page::Incidents));
    for (c, country) in registry.countries.iter().enumerate() {
        pages.extend(
            (1..=page_count(index.by_country[c].len(), per_page)).map(|n| Page::Country(c, n)),
        );
        for r in 0..country.regions.len() {
            let n_pages = page_count(index.by_region[c][r].len(), per_page);
            pages.extend((1..=n_pages).map(|n| Page::Region(c, r, n)));
        }
    }
    let group_slugs: std::collections::HashSet<&str> =
        registry.groups.iter().map(|g| g.slug.as_str()).collect();
    for (g, group) in registry.groups.iter().enumerate() {
        pages
            .extend((1..=page_count(index.by_group[g].len(), per_page)).map(|n| Page::Group(g, n)));
        for (a, alias) in group.aliases.iter().enumerate() {
            let slug = crate::slugs::slugify(alias);
            // An alias that slugs to a group's own page would overwrite it; it needs no redirect.
            if !slug.is_empty() && !group_slugs.contains(slug.as_str()) {
                pages.push(Page::Alias(g, a));
            }
        }
    }
    for (t, list) in index.by_type.iter().enumerate() {
        pages.extend((1..=page_count(list.len(), per_page)).map(|n| Page::Type(t, n)));
    }
    pages.extend(index.by_year.keys().map(|&y| Page::Year(y)));
    pages
}

/// The pages of `pages` that are not a report's own: what the list pages stage renders.
pub fn list_pages(pages: &[Page]) -> Vec<Page> {
    pages
        .iter()
        .copied()
        .filter(|page| !matches!(page, Page::Incident(_)))
        .collect()
}

/// The URL and last change of each of `pages` that belongs in the sitemap, in order.
pub fn sitemap_entries(
    cx: &SiteContext,
    pages: &[Page],
) -> Vec<(String, Option<jiff::civil::Date>)> {
    use rayon::prelude::*;
    pages
        .par_iter()
        .filter(|&&page| in_sitemap(cx, page))
        .map(|&page| (page_url(cx, page), page_lastmod(cx, page)))
        .collect()
}

/// What several pages share, computed once before any page is rendered so that no list
/// is walked again for each of its pages.
pub struct Shared {
    /// Incident i's card HTML.
    pub cards: Vec<String>,
    /// Per region (`[country][region]`), the groups involved there with counts.
    pub region_groups: Vec<Vec<Vec<CountedLink>>>,
    /// Per group, the regions it was seen in with counts.
    pub group_regions: Vec<Vec<CountedLink>>,
    /// Per group, its description rendered from Markdown.
    pub group_descriptions: Vec<Option<String>>,
    /// The site-wide data files with their sizes, for the data page.
    pub downloads: Vec<crate::publish::Download>,
    /// Every map's marks and extent.
    pub maps: super::maps::SiteMaps,
}

impl Shared {
    /// Computes the shared parts from the cards, the site and its index. The downloads
    /// are left empty: their sizes are known once the pass over reports has written them.
    pub fn new(cx: &SiteContext, cards: Vec<String>) -> Shared {
        let marks = super::maps::all_marks(cx, 0..cx.site.incidents.len());
        Shared::with_marks(cx, cards, Vec::new(), marks)
    }

    /// Like [`Shared::new`], with every incident's map marks already made (the dev server
    /// keeps those of the reports a save did not touch).
    pub fn with_marks(
        cx: &SiteContext,
        cards: Vec<String>,
        downloads: Vec<crate::publish::Download>,
        marks: Vec<Vec<super::maps::Placed>>,
    ) -> Shared {
        let (maps, (region_groups, group_regions)) = rayon::join(
            || super::maps::SiteMaps::with_marks(cx, marks),
            || list_summaries(cx),
        );
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
        Shared {
            cards,
            downloads,
            maps,
            region_groups,
            group_regions,
            group_descriptions,
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

/// A page's template, URL and context, ready for Tera.
pub type PageContext = (&'static str, String, Context);

/// The template, URL and context of one page; a report's page renders the report's body
/// from its file unless the site holds it.
pub fn page_context(
    cx: &SiteContext,
    page: Page,
    shared: &Shared,
) -> Result<PageContext, crate::diagnostics::Diagnostic> {
    let body = match page {
        Page::Incident(i) => cx.site.body(i)?,
        _ => std::borrow::Cow::Borrowed(""),
    };
    Ok(context_of(cx, page, shared, &body))
}

/// The template, URL and context of the page of incident `i`, whose body is `body_html`.
pub fn incident_context(
    cx: &SiteContext,
    i: usize,
    shared: &Shared,
    body_html: &str,
) -> PageContext {
    context_of(cx, Page::Incident(i), shared, body_html)
}

/// [`page_context`], with the body of the incident when `page` is an incident's.
fn context_of(cx: &SiteContext, page: Page, shared: &Shared, body_html: &str) -> PageContext {
    let cards = &shared.cards;
    let urls = cx.urls;
    let site = cx.site;
    let index = cx.index;
    let registry = &site.registry;
    let per_page = site.settings.config.paginate_by;
    let mut context = Context::new();
    let slice_cards = |list: &[usize], n: usize| -> Vec<&str> {
        list.iter()
            .skip((n - 1) * per_page)
            .take(per_page)
            .map(|&i| cards[i].as_str())
            .collect()
    };
    let (template, url, title) = match page {
        Page::Home => {
            let latest: Vec<&str> = index
                .listed
                .iter()
                .take(10)
                .map(|&i| cards[i].as_str())
                .collect();
            context.insert("cards", &latest);
            context.insert("total", &index.listed.len());
            context.insert("countries", &country_summaries(cx));
            context.insert("groups", &top_groups(cx, 12));
            context.insert("map", &shared.maps.site_map);
            context.insert(
                "first_date",
                &index
                    .listed
                    .last()
                    .map(|&i| date_view(site.incidents[i].date, Default::default())),
            );
            context.insert(
                "last_date",
                &index
                    .listed
                    .first()
                    .map(|&i| date_view(site.incidents[i].date, Default::default())),
            );
            ("home.html", urls.home(), site.settings.config.title.clone())
        }
        Page::Incident(i) => {
            let view = cx.incident(i, body_html);
            let title = view.title.to_string();
            context.insert("incident", &view);
            context.insert("map", &shared.maps.incident(cx, i));
            ("incident.html", view.url.clone(), title)
        }
        Page::Incidents(n) => {
            let first = urls.incidents();
            context.insert("cards", &slice_cards(&index.listed, n));
            context.insert("total", &index.listed.len());
            context.insert(
                "pagination",
                &pagination(urls, &first, n, page_count(index.listed.len(), per_page)),
            );
            (
                "incidents.html",
                urls.page(&first, n),
                "All incidents".to_string(),
            )
        }
        Page::Regions => {
            context.insert("countries", &country_summaries(cx));
            ("regions.html", urls.regions(), "Regions".to_string())
        }
        Page::Country(c, n) => {
            let country = &registry.countries[c];
            let first = urls.country(&country.slug);
            let list = &index.by_country[c];
            let regions: Vec<CountedLink> = (0..country.regions.len())
                .map(|r| counted(cx.region_link((c, r)), index.by_region[c][r].len()))
                .collect();
            context.insert(
                "country",
                &CountryHeader {
                    name: &country.name,
                    iso: country.iso.as_deref(),
                    url: &first,
                    count: list.len(),
                },
            );
            context.insert("regions", &regions);
            context.insert("map", &first_page(n, || shared.maps.country(cx, c)));
            context.insert("downloads", &Downloads::beside(urls, &first));
            context.insert("cards", &slice_cards(list, n));
            context.insert(
                "pagination",
                &pagination(urls, &first, n, page_count(list.len(), per_page)),
            );
            ("country.html", urls.page(&first, n), country.name.clone())
        }
        Page::Region(c, r, n) => {
            let country = &registry.countries[c];
            let region = &country.regions[r];
            let first = urls.region(&country.slug, &region.slug);
            let list = &index.by_region[c][r];
            context.insert(
                "region",
                &RegionHeader {
                    name: &region.name,
                    iso: region.iso.as_deref(),
                    url: &first,
                    count: list.len(),
                    center: region.center,
                },
            );
            context.insert("country", &cx.country_link(c));
            context.insert("groups", &shared.region_groups[c][r]);
            context.insert("map", &first_page(n, || shared.maps.region(cx, (c, r))));
            context.insert("downloads", &Downloads::beside(urls, &first));
            context.insert("cards", &slice_cards(list, n));
            context.insert(
                "pagination",
                &pagination(urls, &first, n, page_count(list.len(), per_page)),
            );
            (
                "region.html",
                urls.page(&first, n),
                format!("{}, {}", region.name, country.name),
            )
        }
        Page::Groups => {
            let mut groups: Vec<GroupRow> = registry
                .groups
                .iter()
                .enumerate()
                .map(|(g, group)| GroupRow {
                    name: &group.name,
                    url: urls.group(&group.slug),
                    full_name: group.full_name.as_deref(),
                    kind: group.kind.as_str(),
                    affiliation: group.affiliation.as_deref(),
                    total: index.by_group[g].len(),
                    perpetrator: index.role_counts[g][0],
                    target: index.role_counts[g][1],
                })
                .collect();
            groups.sort_by(|a, b| {
                b.total
                    .cmp(&a.total)
                    .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            });
            context.insert("groups", &groups);
            ("groups.html", urls.groups(), "Groups".to_string())
        }
        Page::Group(g, n) => {
            let group = &registry.groups[g];
            let first = urls.group(&group.slug);
            let list = &index.by_group[g];
            let items: Vec<RoleCard> = list
                .iter()
                .skip((n - 1) * per_page)
                .take(per_page)
                .map(|&i| RoleCard {
                    roles: roles_of(&site.incidents[i], g),
                    card: &cards[i],
                })
                .collect();
            context.insert(
                "group",
                &GroupHeader {
                    name: &group.name,
                    full_name: group.full_name.as_deref(),
                    aliases: &group.aliases,
                    kind: group.kind.as_str(),
                    affiliation: group.affiliation.as_deref(),
                    description: shared.group_descriptions[g].as_deref(),
                    url: &first,
                    total: list.len(),
                    perpetrator: index.role_counts[g][0],
                    target: index.role_counts[g][1],
                    responder: index.role_counts[g][2],
                    first_seen: list
                        .last()
                        .map(|&i| date_view(site.incidents[i].date, site.incidents[i].precision)),
                    last_seen: list
                        .first()
                        .map(|&i| date_view(site.incidents[i].date, site.incidents[i].precision)),
                },
            );
            context.insert("regions", &shared.group_regions[g]);
            context.insert("map", &first_page(n, || shared.maps.group(cx, g)));
            context.insert("downloads", &Downloads::beside(urls, &first));
            context.insert("items", &items);
            context.insert(
                "pagination",
                &pagination(urls, &first, n, page_count(list.len(), per_page)),
            );
            ("group.html", urls.page(&first, n), group.name.clone())
        }
        Page::Alias(g, a) => {
            let group = &registry.groups[g];
            let alias = &group.aliases[a];
            context.insert("alias", alias);
            context.insert("target", &cx.group_link(g));
            (
                "alias.html",
                urls.group(&crate::slugs::slugify(alias)),
                format!("{alias} (see {})", group.name),
            )
        }
        Page::Types => {
            let types: Vec<CountedLink> = EventType::ALL
                .iter()
                .enumerate()
                .map(|(t, e)| {
                    counted(
                        Link {
                            name: e.title(),
                            url: urls.event_type(&e.slug()),
                        },
                        index.by_type[t].len(),
                    )
                })
                .collect();
            context.insert("types", &types);
            ("types.html", urls.types(), "Event types".to_string())
        }
        Page::Type(t, n) => {
            let event_type = EventType::ALL[t];
            let first = urls.event_type(&event_type.slug());
            let list = &index.by_type[t];
            context.insert(
                "event_type",
                &CountedLink {
                    name: event_type.title(),
                    url: first.clone(),
                    count: list.len(),
                },
            );
            context.insert("downloads", &Downloads::beside(urls, &first));
            context.insert("cards", &slice_cards(list, n));
            context.insert(
                "pagination",
                &pagination(urls, &first, n, page_count(list.len(), per_page)),
            );
            ("type.html", urls.page(&first, n), event_type.title())
        }
        Page::Timeline => {
            let years: Vec<YearRow> = index
                .by_year
                .iter()
                .rev()
                .map(|(&year, list)| YearRow {
                    year,
                    url: urls.year(year),
                    count: list.len(),
                    months: month_counts(cx, list)
                        .into_iter()
                        .map(|(m, count)| MonthCount {
                            name: month_name(m),
                            anchor: format!("{}#m{m:02}", urls.year(year)),
                            count,
                        })
                        .collect(),
                })
                .collect();
            context.insert("years", &years);
            ("timeline.html", urls.timeline(), "Timeline".to_string())
        }
        Page::Year(year) => {
            let list = &index.by_year[&year];
            let mut months: BTreeMap<i8, Vec<&str>> = BTreeMap::new();
            for &i in list {
                months
                    .entry(site.incidents[i].date.month())
                    .or_default()
                    .push(&cards[i]);
            }
            let months: Vec<MonthSection> = months
                .into_iter()
                .rev()
                .map(|(m, cards)| MonthSection {
                    name: month_name(m),
                    anchor: format!("m{m:02}"),
                    count: cards.len(),
                    cards,
                })
                .collect();
            let newer = index.by_year.range(year + 1..).next().map(|(&y, _)| Link {
                name: y.to_string(),
                url: urls.year(y),
            });
            let older = index.by_year.range(..year).next_back().map(|(&y, _)| Link {
                name: y.to_string(),
                url: urls.year(y),
            });
            context.insert("year", &year);
            context.insert("count", &list.len());
            context.insert("months", &months);
            context.insert("newer", &newer);
            context.insert("older", &older);
            ("year.html", urls.year(year), format!("Incidents in {year}"))
        }
        Page::About => {
            let vocab = |items: Vec<&'static str>| items;
            context.insert(
                "event_types",
                &vocab(EventType::ALL.iter().map(|e| e.as_str()).collect()),
            );
            ("about.html", urls.about(), "About the data".to_string())
        }
        Page::Data => {
            context.insert("files", &shared.downloads);
            context.insert(
                "incident_columns",
                crate::publish::columns::INCIDENT_COLUMNS,
            );
            context.insert("event_columns", crate::publish::columns::EVENT_COLUMNS);
            context.insert("total", &index.listed.len());
            ("data.html", urls.data(), "Data".to_string())
        }
        Page::Search => {
            context.insert("search", &super::search::form(cx));
            ("search.html", urls.search(), "Search".to_string())
        }
        Page::Map => {
            context.insert("map", &shared.maps.site_map);
            context.insert("total", &index.listed.len());
            ("map.html", urls.map(), "Map".to_string())
        }
        Page::Stats => {
            context.insert("charts", &super::stats::charts(cx));
            context.insert("total", &index.listed.len());
            ("stats.html", urls.stats(), "Statistics".to_string())
        }
        Page::NotFound => (
            "404.html",
            urls.path("404.html"),
            "Page not found".to_string(),
        ),
    };
    debug_assert_eq!(url, page_url(cx, page));
    context.insert("page_title", &title);
    context.insert("page_url", &url);
    (template, url, context)
}

/// The URL of `page`.
pub fn page_url(cx: &SiteContext, page: Page) -> String {
    let urls = cx.urls;
    let registry = &cx.site.registry;
    match page {
        Page::Home => urls.home(),
        Page::Incident(i) => urls.incident(&cx.site.incidents[i].slug),
        Page::Incidents(n) => urls.page(&urls.incidents(), n),
        Page::Regions => urls.regions(),
        Page::Country(c, n) => urls.page(&urls.country(&registry.countries[c].slug), n),
        Page::Region(c, r, n) => urls.page(&cx.region_link((c, r)).url, n),
        Page::Groups => urls.groups(),
        Page::Group(g, n) => urls.page(&urls.group(&registry.groups[g].slug), n),
        Page::Alias(g, a) => urls.group(&crate::slugs::slugify(&registry.groups[g].aliases[a])),
        Page::Types => urls.types(),
        Page::Type(t, n) => urls.page(&urls.event_type(&EventType::ALL[t].slug()), n),
        Page::Timeline => urls.timeline(),
        Page::Year(year) => urls.year(year),
        Page::About => urls.about(),
        Page::Data => urls.data(),
        Page::Search => urls.search(),
        Page::Map => urls.map(),
        Page::Stats => urls.stats(),
        Page::NotFound => urls.path("404.html"),
    }
}

/// When `page` last changed, for the sitemap: the latest revision of the reports it shows.
/// `None` for pages that no report changes, and for pages left out of the sitemap.
pub fn page_lastmod(cx: &SiteContext, page: Page) -> Option<jiff::civil::Date> {
    let index = cx.index;
    let per_page = cx.site.settings.config.paginate_by;
    let latest = |list: &[usize]| {
        list.iter()
            .map(|&i| cx.site.incidents[i].last_revision())
            .max()
    };
    let on_page = |list: &[usize], n: usize| {
        let from = ((n - 1) * per_page).min(list.len());
        let to = (from + per_page).min(list.len());
        latest(&list[from..to])
    };
    match page {
        Page::Incident(i) => Some(cx.site.incidents[i].last_revision()),
        Page::Incidents(n) => on_page(&index.listed, n),
        Page::Country(c, n) => on_page(&index.by_country[c], n),
        Page::Region(c, r, n) => on_page(&index.by_region[c][r], n),
        Page::Group(g, n) => on_page(&index.by_group[g], n),
        Page::Type(t, n) => on_page(&index.by_type[t], n),
        Page::Year(year) => latest(&index.by_year[&year]),
        Page::Home
        | Page::Regions
        | Page::Groups
        | Page::Types
        | Page::Timeline
        | Page::Data
        | Page::Map
        | Page::Stats => index.latest_revision,
        Page::About | Page::Search | Page::Alias(..) | Page::NotFound => None,
    }
}

/// Whether `page` belongs in the sitemap: redirects, the 404 page and drafts do not.
pub fn in_sitemap(cx: &SiteContext, page: Page) -> bool {
    match page {
        Page::Alias(..) | Page::NotFound => false,
        Page::Incident(i) => cx.site.incidents[i].status != crate::vocabulary::Status::Draft,
        _ => true,
    }
}

/// Maps are shown on the first page of a list only: they cover the whole list, and
/// drawing them again for each further page would cost time for nothing new.
fn first_page<T>(n: usize, make: impl FnOnce() -> Option<T>) -> Option<T> {
    if n == 1 {
        make()
    } else {
        None
    }
}

/// The feed and data files beside a country, region, group or type page.
#[derive(Serialize)]
struct Downloads {
    feed: String,
    csv: String,
    geojson: String,
}

impl Downloads {
    fn beside(urls: &crate::urls::Urls, first: &str) -> Downloads {
        Downloads {
            feed: urls.beside(first, "atom.xml"),
            csv: urls.beside(first, "incidents.csv"),
            geojson: urls.beside(first, "incidents.geojson"),
        }
    }
}

fn counted(link: Link, count: usize) -> CountedLink {
    CountedLink {
        name: link.name,
        url: link.url,
        count,
    }
}

#[derive(Serialize)]
struct CountryHeader<'a> {
    name: &'a str,
    iso: Option<&'a str>,
    url: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct RegionHeader<'a> {
    name: &'a str,
    iso: Option<&'a str>,
    url: &'a str,
    count: usize,
    center: Option<[f64; 2]>,
}

#[derive(Serialize)]
struct CountrySummary {
    name: String,
    url: String,
    iso: Option<String>,
    count: usize,
    regions: Vec<CountedLink>,
}

/// Every country with its incident count and its regions' counts.
fn country_summaries(cx: &SiteContext) -> Vec<CountrySummary> {
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
                regions: (0..country.regions.len())
                    .map(|r| counted(cx.region_link((c, r)), cx.index.by_region[c][r].len()))
                    .collect(),
            }
        })
        .collect()
}

/// The groups with the most incidents.
fn top_groups(cx: &SiteContext, n: usize) -> Vec<CountedLink> {
    let mut groups: Vec<CountedLink> = (0..cx.site.registry.groups.len())
        .filter(|&g| !cx.index.by_group[g].is_empty())
        .map(|g| counted(cx.group_link(g), cx.index.by_group[g].len()))
        .collect();
    groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    groups.truncate(n);
    groups
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

/// Incidents per month of `list`, months ascending.
fn month_counts(cx: &SiteContext, list: &[usize]) -> Vec<(i8, usize)> {
    let mut counts = [0usize; 12];
    for &i in list {
        counts[(cx.site.incidents[i].date.month() - 1) as usize] += 1;
    }
    counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(m, &n)| (m as i8 + 1, n))
        .collect()
}

/// The roles a group played in one incident, as words.
fn roles_of(incident: &crate::model::Incident, group: usize) -> Vec<&'static str> {
    let mut roles: Vec<&'static str> = incident
        .actors
        .iter()
        .filter(|a| a.group == group)
        .map(|a| a.role.as_str())
        .collect();
    roles.dedup();
    if roles.is_empty() {
        roles.push(Role::Perpetrator.as_str());
    }
    roles
}

#[derive(Serialize)]
struct GroupRow<'a> {
    name: &'a str,
    url: String,
    full_name: Option<&'a str>,
    kind: &'static str,
    affiliation: Option<&'a str>,
    total: usize,
    perpetrator: usize,
    target: usize,
}

#[derive(Serialize)]
struct GroupHeader<'a> {
    name: &'a str,
    full_name: Option<&'a str>,
    aliases: &'a [String],
    kind: &'static str,
    affiliation: Option<&'a str>,
    description: Option<&'a str>,
    url: &'a str,
    total: usize,
    perpetrator: usize,
    target: usize,
    responder: usize,
    first_seen: Option<crate::site_context::DateView>,
    last_seen: Option<crate::site_context::DateView>,
}

#[derive(Serialize)]
struct RoleCard<'a> {
    roles: Vec<&'static str>,
    card: &'a str,
}

#[derive(Serialize)]
struct YearRow {
    year: i16,
    url: String,
    count: usize,
    months: Vec<MonthCount>,
}

#[derive(Serialize)]
struct MonthCount {
    name: &'static str,
    anchor: String,
    count: usize,
}

#[derive(Serialize)]
struct MonthSection<'a> {
    name: &'static str,
    anchor: String,
    count: usize,
    cards: Vec<&'a str>,
}
