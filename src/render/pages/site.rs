//! The pages about the site as a whole: how the data is gathered (`about.html`), the
//! downloads (`data.html`), search (`search.html`), the map (`map.html`), the charts
//! (`stats.html`) and the page a missing URL shows (`404.html`).

use serde::Serialize;

use super::{Page, PageParts, PageView};
use crate::domain::vocabulary::EventType;
use crate::publish::columns::{Table, TABLES};
use crate::publish::crosswalk::{self, actors::ActorType, Rule};
use crate::publish::Download;
use crate::render::maps::MapBlock;
use crate::render::search::SearchForm;
use crate::render::stats::ChartView;
use crate::render::trust::TrustScale;
use crate::site_context::SiteContext;

/// The view of one of the site-wide pages.
#[derive(Serialize)]
#[serde(untagged)]
pub enum SitePage<'a> {
    /// `about.html`.
    About(AboutPage),
    /// `data.html`.
    Data(DataPage<'a>),
    /// `search.html`.
    Search(SearchPage),
    /// `map.html`.
    Map(MapPage<'a>),
    /// `stats.html`.
    Stats(StatsPage),
    /// `404.html`: nothing beyond what every page receives.
    NotFound(NotFoundPage),
}

/// `about.html`: how the data is gathered.
#[derive(Serialize)]
pub struct AboutPage {
    /// The event types a report may have, as written in front matter.
    pub event_types: Vec<&'static str>,
    /// The site's confidence grades, the Admiralty code and the vague counts.
    pub trust: TrustScale,
}

/// `data.html`: the site-wide downloads and what their columns mean.
#[derive(Serialize)]
pub struct DataPage<'a> {
    /// Each site-wide file, with its size.
    pub files: &'a [Download],
    /// Every CSV table, with its columns.
    pub tables: &'static [Table],
    /// How acled.csv and ged.csv code our event types.
    pub crosswalk: &'static [Rule],
    /// How acled.csv codes our group kinds.
    pub actor_types: &'static [ActorType],
    /// How many reports are listed.
    pub total: usize,
    /// The feed of changes (`/changes.xml`).
    pub changes_feed: String,
    /// The data's licence, as site.yaml names it; `None` when the site gives none.
    pub license: Option<License<'a>>,
}

/// The licence the data is published under.
#[derive(Serialize)]
pub struct License<'a> {
    /// Its name as site.yaml gives it (an SPDX name: `CC-BY-4.0`).
    pub name: &'a str,
    /// Its text, for the licences whose address is known.
    pub url: Option<&'static str>,
}

/// `search.html`: the search form and its facets.
#[derive(Serialize)]
pub struct SearchPage {
    /// The form.
    pub search: SearchForm,
}

/// `map.html`: every report on one map.
#[derive(Serialize)]
pub struct MapPage<'a> {
    /// The map.
    pub map: &'a Option<MapBlock>,
    /// How many reports are listed.
    pub total: usize,
}

/// `stats.html`: charts, each with its table.
#[derive(Serialize)]
pub struct StatsPage {
    /// The charts.
    pub charts: Vec<ChartView>,
    /// How many reports are listed.
    pub total: usize,
}

/// `404.html`.
#[derive(Serialize)]
pub struct NotFoundPage {}

/// The template, title and view of a site-wide page; `page` is one of them.
pub fn view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    page: Page,
) -> (&'static str, String, PageView<'a>) {
    let total = cx.index.listed.len();
    let (template, title, view) = match page {
        Page::About => (
            "about.html",
            "titles.about",
            SitePage::About(AboutPage {
                event_types: EventType::ALL.iter().map(|e| e.as_str()).collect(),
                trust: cx.trust_scale(),
            }),
        ),
        Page::Data => (
            "data.html",
            "titles.data",
            SitePage::Data(DataPage {
                files: &parts.downloads,
                tables: &TABLES,
                crosswalk: crosswalk::RULES,
                actor_types: crosswalk::actors::KINDS,
                total,
                changes_feed: crate::publish::changes::feed_url(cx),
                license: cx
                    .site
                    .settings
                    .config
                    .license
                    .as_deref()
                    .map(|name| License {
                        name,
                        url: crate::publish::license_text(name),
                    }),
            }),
        ),
        Page::Search => (
            "search.html",
            "titles.search",
            SitePage::Search(SearchPage {
                search: crate::render::search::form(cx),
            }),
        ),
        Page::Map => (
            "map.html",
            "titles.map",
            SitePage::Map(MapPage {
                map: &parts.maps.site_map,
                total,
            }),
        ),
        Page::Stats => (
            "stats.html",
            "titles.stats",
            SitePage::Stats(StatsPage {
                charts: crate::render::stats::charts(cx),
                total,
            }),
        ),
        _ => (
            "404.html",
            "titles.not_found",
            SitePage::NotFound(NotFoundPage {}),
        ),
    };
    (
        template,
        cx.words.text(title).to_string(),
        PageView::Site(view),
    )
}
