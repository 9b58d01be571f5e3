//! The front page (`home.html`): the latest reports, the countries, the most named
//! groups and the map of every report.

use serde::Serialize;

use super::lists::Cards;
use super::parts::counted;
use super::places::{country_summaries, CountrySummary};
use super::{PageParts, PageView};
use crate::render::maps::MapBlock;
use crate::site_context::{CountedLink, DateView, SiteContext};

/// How many of the latest reports the front page shows.
const LATEST: usize = 10;
/// How many groups the front page names.
const TOP_GROUPS: usize = 12;

/// `home.html`: the site at a glance.
#[derive(Serialize)]
pub struct HomePage<'a> {
    /// The latest reports.
    #[serde(flatten)]
    pub cards: Cards<'a>,
    /// How many reports are listed.
    pub total: usize,
    /// Every country with its regions and counts.
    pub countries: Vec<CountrySummary>,
    /// The groups named in the most reports, most first.
    pub groups: Vec<CountedLink>,
    /// The map of every report.
    pub map: &'a Option<MapBlock>,
    /// The date of the oldest listed report.
    pub first_date: Option<DateView>,
    /// The date of the newest listed report.
    pub last_date: Option<DateView>,
}

/// The template, title and view of the front page.
pub fn view<'a>(cx: &'a SiteContext, parts: &'a PageParts) -> (&'static str, String, PageView<'a>) {
    let listed = &cx.index.listed;
    let date_of = |i: usize| cx.date(cx.site.incidents[i].date, Default::default());
    let home = HomePage {
        cards: Cards::of(cx, parts, &listed[..listed.len().min(LATEST)]),
        total: listed.len(),
        countries: country_summaries(cx),
        groups: top_groups(cx, TOP_GROUPS),
        map: &parts.maps.site_map,
        first_date: listed.last().map(|&i| date_of(i)),
        last_date: listed.first().map(|&i| date_of(i)),
    };
    (
        "home.html",
        cx.site.settings.config.title.clone(),
        PageView::Home(home),
    )
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
