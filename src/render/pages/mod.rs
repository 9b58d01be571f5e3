//! Which pages the site has (SPEC.md section 3) and the context each one is rendered with.
//!
//! A page is a small [`Page`] value naming what to show; its context is built only when it
//! is rendered, in parallel, so no page's data sits in memory longer than it must. Each
//! family of pages has its own file, holding the view struct its templates receive beside
//! the function that fills it: [`home`], [`report`], [`lists`], [`places`], [`groups`],
//! [`timeline`] and [`site`]. `docs/templates.md` lists the same variables, and a test
//! keeps the two in step.

pub mod groups;
pub mod home;
pub mod lists;
mod paging;
mod parts;
pub mod places;
pub mod report;
pub mod site;
mod sitemap;
pub mod timeline;

use serde::Serialize;
use tera::Context;

use crate::lists::{GroupId, ListKey};
use crate::site_context::SiteContext;
pub use paging::{list_page_count, on_page, page_count, page_of, ROWS_PER_CARD};
pub use parts::PageParts;
pub use sitemap::{in_sitemap, page_lastmod, sitemap_entries};

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// The front page.
    Home,
    /// One report's own page, by position in the site.
    Incident(usize),
    /// Page `n` (from 1) of a list of reports; a year's list has one page.
    List(ListKey, usize),
    /// Every country with its regions.
    Regions,
    /// Every group.
    Groups,
    /// The page at an alias's slug pointing to its group: the group and the alias's
    /// position among the group's aliases.
    Alias(GroupId, usize),
    /// Every event type.
    Types,
    /// Every year with its months.
    Timeline,
    /// How the data is gathered.
    About,
    /// The downloads.
    Data,
    /// The search page.
    Search,
    /// The map of every report.
    Map,
    /// Charts and tables.
    Stats,
    /// The page a missing URL shows.
    NotFound,
}

/// Every page of the site, in a stable order.
pub fn all_pages(cx: &SiteContext) -> Vec<Page> {
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
    let list = |pages: &mut Vec<Page>, key: ListKey| {
        pages.extend((1..=list_page_count(cx, key)).map(|n| Page::List(key, n)));
    };
    list(&mut pages, ListKey::All);
    let group_slugs = groups::group_slugs(cx);
    for key in crate::lists::lists_with_files(cx.site) {
        list(&mut pages, key);
        if let ListKey::Group(g) = key {
            pages.extend(groups::alias_pages(cx, g, &group_slugs));
        }
    }
    pages.extend(
        cx.index
            .by_year
            .keys()
            .map(|&y| Page::List(ListKey::Year(y), 1)),
    );
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

/// What one page's template receives besides the variables every template sees: the
/// view struct of the page's family, serialised field by field into the context.
#[derive(Serialize)]
#[serde(untagged)]
pub enum PageView<'a> {
    /// `home.html`.
    Home(home::HomePage<'a>),
    /// `incident.html`.
    Report(Box<report::ReportPage<'a>>),
    /// `incidents.html`.
    All(lists::AllPage<'a>),
    /// `country.html`.
    Country(places::CountryPage<'a>),
    /// `region.html`.
    Region(places::RegionPage<'a>),
    /// `regions.html`.
    Regions(places::RegionsPage),
    /// `type.html`.
    Type(lists::TypePage<'a>),
    /// `types.html`.
    Types(lists::TypesPage),
    /// `groups.html`.
    Groups(groups::GroupsPage<'a>),
    /// `group.html`.
    Group(groups::GroupPage<'a>),
    /// `alias.html`.
    Alias(groups::AliasPage<'a>),
    /// `timeline.html`.
    Timeline(timeline::TimelinePage),
    /// `year.html`.
    Year(timeline::YearPage<'a>),
    /// `about.html`, `data.html`, `search.html`, `map.html`, `stats.html` and `404.html`.
    Site(site::SitePage<'a>),
}

/// A page's template, title and view.
pub struct PageViewOf<'a> {
    /// The template that renders it.
    pub template: &'static str,
    /// Its title, as templates see it in `page_title`.
    pub title: String,
    /// Its own variables.
    pub view: PageView<'a>,
}

/// The template, title and view of `page`; `report` is the report's body and record when
/// `page` is a report's own page.
pub fn page_view<'a>(
    cx: &'a SiteContext,
    page: Page,
    parts: &'a PageParts,
    report: report::Content<'a>,
) -> PageViewOf<'a> {
    let (template, title, view) = match page {
        Page::Home => home::view(cx, parts),
        Page::Incident(i) => report::view(cx, parts, i, report),
        Page::List(key, n) => list_view(cx, parts, key, n),
        Page::Regions => places::regions_view(cx),
        Page::Groups => groups::groups_view(cx),
        Page::Alias(g, a) => groups::alias_view(cx, g, a),
        Page::Types => lists::types_view(cx),
        Page::Timeline => timeline::timeline_view(cx),
        Page::About | Page::Data | Page::Search | Page::Map | Page::Stats | Page::NotFound => {
            site::view(cx, parts, page)
        }
    };
    PageViewOf {
        template,
        title,
        view,
    }
}

/// The template, title and view of page `n` of the list `key`.
fn list_view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    key: ListKey,
    n: usize,
) -> (&'static str, String, PageView<'a>) {
    let title = key.title(cx);
    let (template, view) = match key {
        ListKey::All => (
            "incidents.html",
            PageView::All(lists::all_view(cx, parts, n)),
        ),
        ListKey::Country(c) => (
            "country.html",
            PageView::Country(places::country_view(cx, parts, c, n)),
        ),
        ListKey::Region(r) => (
            "region.html",
            PageView::Region(places::region_view(cx, parts, r, n)),
        ),
        ListKey::Group(g) => (
            "group.html",
            PageView::Group(groups::group_view(cx, parts, g, n)),
        ),
        ListKey::Type(t) => (
            "type.html",
            PageView::Type(lists::type_view(cx, parts, t, n)),
        ),
        ListKey::Year(year) => (
            "year.html",
            PageView::Year(timeline::year_view(cx, parts, year)),
        ),
    };
    (template, title, view)
}

/// A page's template, URL and context, ready for Tera.
pub type PageContext = (&'static str, String, Context);

/// The template, URL and context of one page; a report's page renders the report's body
/// from its file unless the site holds it.
pub fn page_context(
    cx: &SiteContext,
    page: Page,
    parts: &PageParts,
) -> Result<PageContext, crate::diagnostics::Diagnostic> {
    let body = match page {
        Page::Incident(i) => cx.site.body(i)?,
        _ => std::borrow::Cow::Borrowed(""),
    };
    let content = report::Content {
        body_html: &body,
        record: None,
    };
    Ok(context_of(cx, page, parts, content))
}

/// The template, URL and context of the page of incident `i`, with its body and, when
/// the caller has it already, its JSON record.
pub fn incident_context(
    cx: &SiteContext,
    i: usize,
    parts: &PageParts,
    content: report::Content,
) -> PageContext {
    context_of(cx, Page::Incident(i), parts, content)
}

/// [`page_context`], with the content of the incident when `page` is an incident's.
fn context_of(
    cx: &SiteContext,
    page: Page,
    parts: &PageParts,
    content: report::Content,
) -> PageContext {
    let PageViewOf {
        template,
        title,
        view,
    } = page_view(cx, page, parts, content);
    // Every view is a struct, which always serialises to a map; the fallback is unreachable.
    let mut context = Context::from_serialize(&view).unwrap_or_default();
    let url = page_url(cx, page);
    context.insert("page_title", &title);
    context.insert("page_url", &url);
    context.insert("languages", &cx.alternates(&url));
    (template, url, context)
}

/// The URL of `page`.
pub fn page_url(cx: &SiteContext, page: Page) -> String {
    let urls = cx.urls;
    match page {
        Page::Home => urls.home(),
        Page::Incident(i) => urls.incident(&cx.site.incidents[i].slug),
        Page::List(ListKey::Year(year), _) => urls.year(year),
        Page::List(key, n) => key.page_url(cx, n),
        Page::Regions => urls.regions(),
        Page::Groups => urls.groups(),
        Page::Alias(GroupId(g), a) => {
            crate::lists::alias_url(cx, &cx.site.registry.groups[g].aliases[a])
        }
        Page::Types => urls.types(),
        Page::Timeline => urls.timeline(),
        Page::About => urls.about(),
        Page::Data => urls.data(),
        Page::Search => urls.search(),
        Page::Map => urls.map(),
        Page::Stats => urls.stats(),
        Page::NotFound => urls.path("404.html"),
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

/// The names of the variables `page`'s template receives, the ones every page gets
/// (`page_title`, `page_url`) included: what `docs/templates.md` lists for it.
pub fn page_variables(
    cx: &SiteContext,
    page: Page,
    parts: &PageParts,
) -> (&'static str, Vec<String>) {
    let PageViewOf { template, view, .. } = page_view(cx, page, parts, report::Content::default());
    let mut names: Vec<String> = match serde_json::to_value(&view) {
        Ok(serde_json::Value::Object(fields)) => fields.keys().cloned().collect(),
        _ => Vec::new(),
    };
    names.extend(["page_title".to_string(), "page_url".to_string()]);
    names.sort();
    (template, names)
}

/// Every template's variables over `pages`, as [`page_variables`] gives them: the list
/// `docs/templates.md` is checked against.
pub fn variables_by_template(
    cx: &SiteContext,
    pages: &[Page],
    parts: &PageParts,
) -> std::collections::BTreeMap<&'static str, std::collections::BTreeSet<String>> {
    let mut by_template = std::collections::BTreeMap::new();
    for &page in pages {
        let (template, names) = page_variables(cx, page, parts);
        by_template
            .entry(template)
            .or_insert_with(std::collections::BTreeSet::new)
            .extend(names);
    }
    by_template
}
