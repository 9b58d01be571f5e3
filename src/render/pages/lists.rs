//! The pages of a list of reports: every report (`incidents.html`), an event type's
//! (`type.html`) and the list of event types (`types.html`), with what every list page
//! shares: its cards, their data, its downloads and its page links. A country's and a
//! region's pages are in [`super::places`], a group's in [`super::groups`], a year's in
//! [`super::timeline`]; they take their shared parts from here.

use serde::Serialize;

use super::{on_page, PageParts, PageView};
use crate::domain::vocabulary::EventType;
use crate::lists::{ListKey, TypeId};
use crate::render::views::{pagination, CardView, Pagination};
use crate::site_context::{CountedLink, Link, SiteContext};

/// The reports on one page of a list, as HTML and as data. A report is in five or six
/// lists, so its full card is shown only where a list opens (its first page, the front
/// page); further pages show one row per report, a quarter of a card's bytes, and the
/// report's page a click away has everything the card had.
#[derive(Serialize)]
pub struct Cards<'a> {
    /// Each report's card, rendered by `card.html`; empty on a list's further pages.
    pub cards: Vec<&'a str>,
    /// Each report's row (its cells), rendered by `row.html`; empty where cards are shown.
    pub rows: Vec<&'a str>,
    /// The same reports' card data, for templates that lay cards out themselves; empty
    /// when every template is built in, as none of those reads it.
    pub reports: Vec<CardView<'a>>,
}

impl<'a> Cards<'a> {
    /// The full cards of `reports`, in order.
    pub fn of(cx: &'a SiteContext, parts: &'a PageParts, reports: &[usize]) -> Cards<'a> {
        Cards {
            cards: reports
                .iter()
                .map(|&i| parts.cards[i].card.as_str())
                .collect(),
            rows: Vec::new(),
            reports: card_data(cx, parts, reports),
        }
    }

    /// The rows of `reports`, in order.
    pub fn rows(cx: &'a SiteContext, parts: &'a PageParts, reports: &[usize]) -> Cards<'a> {
        Cards {
            cards: Vec::new(),
            rows: reports
                .iter()
                .map(|&i| parts.cards[i].row.as_str())
                .collect(),
            reports: card_data(cx, parts, reports),
        }
    }

    /// The reports on page `n` of the list `key`: cards on the first page, rows after.
    pub fn on_page(cx: &'a SiteContext, parts: &'a PageParts, key: ListKey, n: usize) -> Self {
        let per_page = cx.site.settings.config.paginate_by;
        let reports = on_page(key.reports(cx.index), n, per_page);
        if full_cards(n) {
            Cards::of(cx, parts, reports)
        } else {
            Cards::rows(cx, parts, reports)
        }
    }
}

/// Whether page `n` of a list shows full cards: the first page does, as the one readers
/// land on from a link; the further ones show rows.
pub fn full_cards(n: usize) -> bool {
    n == 1
}

/// The card data of `reports` when the site's templates may read it, else nothing.
fn card_data<'a>(cx: &'a SiteContext, parts: &PageParts, reports: &[usize]) -> Vec<CardView<'a>> {
    if parts.card_data {
        reports.iter().map(|&i| cx.card(i)).collect()
    } else {
        Vec::new()
    }
}

/// The feed and data files beside a country, region, group or type page.
#[derive(Serialize)]
pub struct Downloads {
    /// The list's Atom feed.
    pub feed: String,
    /// Its reports as gzip-compressed CSV.
    pub csv: String,
    /// Its reports as gzip-compressed GeoJSON.
    pub geojson: String,
}

impl Downloads {
    /// The files of the list `key`.
    pub fn of(cx: &SiteContext, key: ListKey) -> Downloads {
        Downloads {
            feed: key.feed_url(cx),
            csv: key.file_url(cx, crate::lists::LIST_CSV),
            geojson: key.file_url(cx, crate::lists::LIST_GEOJSON),
        }
    }
}

/// The links to the other pages of the list `key`, from page `n`.
pub fn pages_of(cx: &SiteContext, key: ListKey, n: usize) -> Pagination {
    pagination(cx.urls, &key.url(cx), n, super::list_page_count(cx, key))
}

/// `incidents.html`: every listed report, newest first.
#[derive(Serialize)]
pub struct AllPage<'a> {
    /// The reports on this page.
    #[serde(flatten)]
    pub cards: Cards<'a>,
    /// How many reports are listed.
    pub total: usize,
    /// Links to the other pages.
    pub pagination: Pagination,
}

/// The view of page `n` of every listed report.
pub fn all_view<'a>(cx: &'a SiteContext, parts: &'a PageParts, n: usize) -> AllPage<'a> {
    AllPage {
        cards: Cards::on_page(cx, parts, ListKey::All, n),
        total: cx.index.listed.len(),
        pagination: pages_of(cx, ListKey::All, n),
    }
}

/// `type.html`: the reports of one event type.
#[derive(Serialize)]
pub struct TypePage<'a> {
    /// The type, with its page and its number of reports.
    pub event_type: CountedLink,
    /// Its feed and data files.
    pub downloads: Downloads,
    /// The reports on this page.
    #[serde(flatten)]
    pub cards: Cards<'a>,
    /// Links to the other pages.
    pub pagination: Pagination,
}

/// The view of page `n` of event type `t`'s reports.
pub fn type_view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    t: TypeId,
    n: usize,
) -> TypePage<'a> {
    let key = ListKey::Type(t);
    TypePage {
        event_type: CountedLink {
            name: cx.event_type_name(EventType::ALL[t.0]),
            url: key.url(cx),
            count: key.reports(cx.index).len(),
        },
        downloads: Downloads::of(cx, key),
        cards: Cards::on_page(cx, parts, key, n),
        pagination: pages_of(cx, key, n),
    }
}

/// `types.html`: every event type with its number of reports.
#[derive(Serialize)]
pub struct TypesPage {
    /// Each type, in vocabulary order.
    pub types: Vec<CountedLink>,
}

/// The template, title and view of the list of event types.
pub fn types_view<'a>(cx: &SiteContext) -> (&'static str, String, PageView<'a>) {
    let types = (0..EventType::ALL.len())
        .map(|t| {
            let key = ListKey::Type(TypeId(t));
            super::parts::counted(
                Link {
                    name: cx.event_type_name(EventType::ALL[t]),
                    url: key.url(cx),
                },
                key.reports(cx.index).len(),
            )
        })
        .collect();
    (
        "types.html",
        cx.words.text("titles.types").to_string(),
        PageView::Types(TypesPage { types }),
    )
}
