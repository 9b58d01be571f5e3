//! Which pages the sitemap lists, and when each last changed.

use super::{on_page, page_url, Page};
use crate::lists::ListKey;
use crate::site_context::SiteContext;

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
    match page {
        Page::Incident(i) => Some(cx.site.incidents[i].last_revision()),
        Page::List(key @ ListKey::Year(_), _) => latest(key.reports(index)),
        Page::List(key, n) => latest(on_page(key.reports(index), n, per_page)),
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
        Page::Incident(i) => {
            cx.site.incidents[i].status != crate::domain::vocabulary::Status::Draft
        }
        _ => true,
    }
}
