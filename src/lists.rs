//! The lists of reports the site publishes (every report, a country's, a region's, a
//! group's, an event type's, a year's) under one typed key, and the one place that says
//! which reports each holds, what it is called and where its pages and files are.

use crate::domain::index::SiteIndex;
use crate::domain::model::Incident;
use crate::domain::vocabulary::EventType;
use crate::domain::Site;
use crate::site_context::SiteContext;

/// A country, by its position in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId(pub usize);

/// A region: its country's position in the registry and its own within the country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionId {
    /// The country's position in the registry.
    pub country: usize,
    /// The region's position within the country.
    pub region: usize,
}

/// A group, by its position in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupId(pub usize);

/// An event type, by its position in [`EventType::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub usize);

/// One list of reports, newest first, with its own pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ListKey {
    /// Every listed report (`/incidents/`).
    All,
    /// A country's reports.
    Country(CountryId),
    /// A region's reports.
    Region(RegionId),
    /// The reports naming a group, whatever its role.
    Group(GroupId),
    /// An event type's reports.
    Type(TypeId),
    /// A year's reports, on one page grouped by month.
    Year(i16),
}

impl ListKey {
    /// The list's reports, newest first.
    pub fn reports(self, index: &SiteIndex) -> &[usize] {
        match self {
            ListKey::All => &index.listed,
            ListKey::Country(CountryId(c)) => &index.by_country[c],
            ListKey::Region(RegionId { country, region }) => &index.by_region[country][region],
            ListKey::Group(GroupId(g)) => &index.by_group[g],
            ListKey::Type(TypeId(t)) => &index.by_type[t],
            ListKey::Year(year) => index.by_year.get(&year).map_or(&[], Vec::as_slice),
        }
    }

    /// The URL of the list's first page; its other pages and its files sit below it.
    pub fn url(self, cx: &SiteContext) -> String {
        let urls = cx.urls;
        let registry = &cx.site.registry;
        match self {
            ListKey::All => urls.incidents(),
            ListKey::Country(CountryId(c)) => urls.country(&registry.countries[c].slug),
            ListKey::Region(RegionId { country, region }) => {
                let country = &registry.countries[country];
                urls.region(&country.slug, &country.regions[region].slug)
            }
            ListKey::Group(GroupId(g)) => urls.group(&registry.groups[g].slug),
            ListKey::Type(TypeId(t)) => urls.event_type(&EventType::ALL[t].slug()),
            ListKey::Year(year) => urls.year(year),
        }
    }

    /// The URL of the list's page `n`, counted from 1.
    pub fn page_url(self, cx: &SiteContext, n: usize) -> String {
        cx.urls.page(&self.url(cx), n)
    }

    /// What the list is called, in the site's language: its pages' title, and after the
    /// site's title its feed's.
    pub fn title(self, cx: &SiteContext) -> String {
        let registry = &cx.site.registry;
        let words = cx.words;
        match self {
            ListKey::All => words.text("titles.all_incidents").to_string(),
            ListKey::Country(CountryId(c)) => registry.countries[c].name.clone(),
            ListKey::Region(RegionId { country, region }) => {
                let country = &registry.countries[country];
                let region = &country.regions[region].name;
                words.fill(
                    "titles.region",
                    &[("region", region), ("country", &country.name)],
                )
            }
            ListKey::Group(GroupId(g)) => registry.groups[g].name.clone(),
            ListKey::Type(TypeId(t)) => cx.event_type_name(EventType::ALL[t]),
            ListKey::Year(year) => words.fill("titles.year", &[("year", &year.to_string())]),
        }
    }

    /// The URL of the list's Atom feed; every report's feed is the site's own.
    pub fn feed_url(self, cx: &SiteContext) -> String {
        match self {
            ListKey::All => cx.urls.atom(),
            _ => self.file_url(cx, "atom.xml"),
        }
    }

    /// The URL of the file `name` beside the list's first page ([`LIST_CSV`], …).
    /// Data files are facts, shared by every language: they sit beside the page of the
    /// default language. Only the feed is per language.
    pub fn file_url(self, cx: &SiteContext, name: &str) -> String {
        let beside = cx.urls.beside(&self.url(cx), name);
        match name {
            "atom.xml" => beside,
            _ => cx.urls.shared(&beside),
        }
    }

    /// True for the lists with a feed and data files of their own beside their pages:
    /// countries, regions, groups and types. Every report's files are the site-wide
    /// ones, and a year's page is a view of the timeline.
    pub fn has_files(self) -> bool {
        !matches!(self, ListKey::All | ListKey::Year(_))
    }
}

/// The CSV file beside a country's, region's, group's or type's page: the list's rows of
/// `/data/incidents.csv`, gzip-compressed. Each report's rows are repeated in every list
/// that holds it, five or six times over; compressed, they take a seventh of the room,
/// and pandas, R, QGIS and every spreadsheet-side tool read `.csv.gz` as it is.
pub const LIST_CSV: &str = "incidents.csv.gz";

/// The GeoJSON file beside the same pages: the list's features of `/data/events.geojson`,
/// gzip-compressed for the same reason as [`LIST_CSV`].
pub const LIST_GEOJSON: &str = "incidents.geojson.gz";

/// The anchor of a month's section on a year's page (`m07`).
pub fn month_anchor(month: i8) -> String {
    format!("m{month:02}")
}

/// The URL of a month's section on its year's page.
pub fn month_url(cx: &SiteContext, year: i16, month: i8) -> String {
    format!("{}#{}", cx.urls.year(year), month_anchor(month))
}

/// Every list with files of its own, in registry order: each country followed by its
/// regions, then the groups, then the event types.
pub fn lists_with_files(site: &Site) -> Vec<ListKey> {
    let registry = &site.registry;
    let mut lists = Vec::new();
    for (c, country) in registry.countries.iter().enumerate() {
        lists.push(ListKey::Country(CountryId(c)));
        lists.extend(
            (0..country.regions.len())
                .map(|region| ListKey::Region(RegionId { country: c, region })),
        );
    }
    lists.extend((0..registry.groups.len()).map(|g| ListKey::Group(GroupId(g))));
    lists.extend((0..EventType::ALL.len()).map(|t| ListKey::Type(TypeId(t))));
    lists
}

/// The lists with files of their own that `incident` belongs to, sorted, each once.
pub fn lists_with_files_of(incident: &Incident) -> Vec<ListKey> {
    let mut lists = vec![ListKey::Country(CountryId(incident.country))];
    lists.extend(
        incident
            .regions
            .iter()
            .map(|&(country, region)| ListKey::Region(RegionId { country, region })),
    );
    lists.extend(
        incident
            .actors
            .iter()
            .map(|a| ListKey::Group(GroupId(a.group))),
    );
    lists.extend(
        incident
            .event_type
            .map(|t| ListKey::Type(TypeId(t.index()))),
    );
    lists.sort();
    lists.dedup();
    lists
}

/// Every list a listed `incident` appears in: all reports, its year, and the lists with
/// files of their own.
pub fn lists_of(incident: &Incident) -> Vec<ListKey> {
    let mut lists = vec![ListKey::All, ListKey::Year(incident.date.year())];
    lists.extend(lists_with_files_of(incident));
    lists
}

/// The URL of the page of a group's alias, which points readers to the group's page.
pub fn alias_url(cx: &SiteContext, alias: &str) -> String {
    cx.urls.group(&crate::domain::slugs::slugify(alias))
}
