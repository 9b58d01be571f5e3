//! What one save in the dev server reaches, worked out from the site before and after it:
//! which pages to render again, which to delete, which lists' feeds and data files to
//! write. Pure: nothing here reads or writes a file, so every rule is unit-tested.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use crate::domain::index::SiteIndex;
use crate::domain::model::Incident;
use crate::domain::Site;
use crate::lists::{lists_with_files_of, ListKey};
use crate::publish::Scope;
use crate::render::pages::{list_page_count, page_count, page_of, Page};
use crate::site_context::SiteContext;

/// What the pages showed before a save, for the reports the save touched.
pub struct Snapshot {
    /// Old positions of the changed reports.
    touched: Vec<usize>,
    /// The changed reports as they were.
    before: Vec<Incident>,
    /// Old positions of the reports the save left alone, in order: they keep that order
    /// among the new reports, since both are sorted by path.
    pub unchanged: Vec<usize>,
    /// Slugs of the changed reports as they were.
    pub slugs_of_changed: Vec<String>,
    /// Slugs of reports whose pages linked to a changed one (neighbours, related).
    linked: Vec<String>,
    /// The lists with files and the years the changed reports were in.
    was_in: Memberships,
    /// Where in each list the changed reports stood, and how long the list was.
    places: Vec<Place>,
}

/// A report's place in a list: the list, its position there, the list's length.
type Place = (ListKey, usize, usize);

impl Snapshot {
    /// What `site` shows of the reports whose files are `changed`, before the save.
    pub fn of(site: &Site, index: &SiteIndex, changed: &HashSet<&Path>) -> Snapshot {
        let touched: Vec<usize> = (0..site.incidents.len())
            .filter(|&i| changed.contains(site.incidents[i].path.as_path()))
            .collect();
        let mut was_in = Memberships::default();
        let mut places = Vec::new();
        for &i in &touched {
            was_in.add(&site.incidents[i]);
            places.extend(list_places(site, index, i));
        }
        Snapshot {
            before: touched.iter().map(|&i| site.incidents[i].clone()).collect(),
            unchanged: (0..site.incidents.len())
                .filter(|i| !touched.contains(i))
                .collect(),
            slugs_of_changed: touched
                .iter()
                .map(|&i| site.incidents[i].slug.clone())
                .collect(),
            linked: linking_to(index, &touched)
                .map(|i| site.incidents[i].slug.clone())
                .collect(),
            was_in,
            places,
            touched,
        }
    }
}

/// The reports whose pages link to one of `reports`: their neighbours in time, and the
/// reports that name one of them as related.
fn linking_to<'a>(index: &'a SiteIndex, reports: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let neighbours = reports.iter().flat_map(|&i| {
        let (newer, older) = index.neighbours[i];
        newer.into_iter().chain(older)
    });
    let naming = index
        .related
        .iter()
        .enumerate()
        .filter(|(_, related)| related.iter().any(|r| reports.contains(r)))
        .map(|(i, _)| i);
    neighbours.chain(naming)
}

/// How far one edited report's change reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Only the report's own page shows what changed.
    OwnPage,
    /// Lists, cards, maps and charts show it, but the index is as it was.
    Lists,
    /// The index changes: where the report is listed, its neighbours, related reports.
    Index,
}

/// The position of the one report a save changed and how far the change reaches; `None`
/// when the save added, removed or renamed reports, or changed several.
pub fn single_edit(old: &Snapshot, site: &Site, stale: &[usize]) -> Option<(usize, Reach)> {
    let ([before], [i], [was]) = (old.before.as_slice(), stale, old.touched.as_slice()) else {
        return None;
    };
    let same_reports = was == i && old.unchanged.len() + 1 == site.incidents.len();
    same_reports.then(|| (*i, reach(before, &site.incidents[*i])))
}

/// Compares two versions of a report field by field. Exports and the search index read
/// every field, but they are written after the reload anyway.
pub fn reach(before: &Incident, after: &Incident) -> Reach {
    // Every field is named, so that a new one must be placed in one of the three groups.
    let Incident {
        // What the index is made from.
        path,
        slug,
        date,
        status,
        country,
        regions,
        actors,
        event_type,
        related,
        updated,
        revisions,
        // What lists, cards, maps, charts and other reports' pages show besides.
        id,
        title,
        end_date,
        precision,
        locations,
        fatalities,
        injured,
        summary,
        // Cards will carry the grade (issue 19's display).
        confidence,
        // A card says when the report is not translated into the page's language.
        shown_in,
        // What only the report's own page shows.
        body: _,
        // What only changes.csv, written after every save, reads.
        first_committed: _,
        site_links: _,
        translations: _,
        sources: _,
        assertions: _,
        // Only the duplicate check, which runs at every full load, reads it.
        not_duplicate_of: _,
        tags: _,
    } = before;
    let same_index = *path == after.path
        && *slug == after.slug
        && *date == after.date
        && *status == after.status
        && *country == after.country
        && *regions == after.regions
        && *actors == after.actors
        && *event_type == after.event_type
        && *related == after.related
        && *updated == after.updated
        && *revisions == after.revisions;
    let same_lists = *id == after.id
        && *title == after.title
        && *end_date == after.end_date
        && *precision == after.precision
        && *locations == after.locations
        && *fatalities == after.fatalities
        && *injured == after.injured
        && *summary == after.summary
        && *confidence == after.confidence
        && *shown_in == after.shown_in;
    match (same_index, same_lists) {
        (true, true) => Reach::OwnPage,
        (true, false) => Reach::Lists,
        (false, _) => Reach::Index,
    }
}

/// The lists with files of their own, and the years, some reports belong to.
#[derive(Default)]
struct Memberships {
    lists: BTreeSet<ListKey>,
    years: BTreeSet<i16>,
}

impl Memberships {
    fn add(&mut self, incident: &Incident) {
        self.lists.extend(lists_with_files_of(incident));
        self.years.insert(incident.date.year());
    }

    /// The pages that count or list these reports and are not paginated: the summary
    /// pages, and the pages of these years.
    fn summary_pages(&self) -> impl Iterator<Item = Page> + '_ {
        [
            Page::Home,
            Page::Regions,
            Page::Groups,
            Page::Types,
            Page::Timeline,
            Page::Data,
            Page::Map,
            Page::Stats,
            Page::Search,
        ]
        .into_iter()
        .chain(self.years.iter().map(|&y| Page::List(ListKey::Year(y), 1)))
    }
}

/// Every paginated list that holds incident `i`, with its position there and the list's
/// length.
fn list_places(site: &Site, index: &SiteIndex, i: usize) -> Vec<Place> {
    std::iter::once(ListKey::All)
        .chain(lists_with_files_of(&site.incidents[i]))
        .filter_map(|key| {
            let list = key.reports(index);
            list.iter()
                .position(|&x| x == i)
                .map(|at| (key, at, list.len()))
        })
        .collect()
}

/// What a save leaves for after the reload: the feeds and data files of the lists the
/// `changed` reports were and are in.
pub fn deferred_scope(site: &Site, old: &Snapshot, changed: &[usize]) -> Scope {
    let mut lists = old.was_in.lists.clone();
    for &i in changed {
        lists.extend(lists_with_files_of(&site.incidents[i]));
    }
    Scope {
        lists: Some(lists.into_iter().collect()),
    }
}

/// The pages a save reaches, and the URLs of the pages it leaves without a report.
pub struct Affected {
    /// Every page that shows a changed report, before or after the change.
    pub pages: Vec<Page>,
    /// The URLs of pages that no longer exist: a list's pages past its new end, a year
    /// left without reports, a report renamed or removed.
    pub gone: Vec<String>,
}

/// Every page that shows a changed report, before or after the change: its own page, its
/// neighbours and the reports that name it as related, the summary pages, and in each list
/// it is in only the list pages from its old place to its new one (all of the rest of the
/// list when the list grew or shrank, as every later item moves).
pub fn affected_pages(cx: &SiteContext, old: &Snapshot, changed: &[usize]) -> Affected {
    let (site, index) = (cx.site, cx.index);
    let mut is_in = Memberships::default();
    let mut places: Vec<Place> = old.places.clone();
    for &i in changed {
        places.extend(list_places(site, index, i));
        is_in.add(&site.incidents[i]);
    }
    let mut reports: HashSet<usize> = changed.iter().copied().collect();
    reports.extend(linking_to(index, changed));
    reports.extend(
        old.linked
            .iter()
            .filter_map(|slug| index.by_slug.get(slug).copied()),
    );
    let mut gone = Vec::new();
    let mut pages: HashSet<Page> = HashSet::new();
    for page in is_in.summary_pages().chain(old.was_in.summary_pages()) {
        match page {
            Page::List(ListKey::Year(y), _) if !index.by_year.contains_key(&y) => {
                gone.push(cx.urls.year(y));
            }
            page => {
                pages.insert(page);
            }
        }
    }
    pages.extend(reports.into_iter().map(Page::Incident));
    list_spans(cx, old, places, &mut pages, &mut gone);
    gone.extend(
        old.slugs_of_changed
            .iter()
            .filter(|slug| !index.by_slug.contains_key(*slug))
            .map(|slug| cx.urls.incident(slug)),
    );
    Affected {
        pages: pages.into_iter().collect(),
        gone,
    }
}

/// The pages of each list from the first place a change touched to the last (or to the
/// list's end when its length changed), and the URLs of pages past its new end.
fn list_spans(
    cx: &SiteContext,
    old: &Snapshot,
    places: Vec<Place>,
    pages: &mut HashSet<Page>,
    gone: &mut Vec<String>,
) {
    let per_page = cx.site.settings.config.paginate_by.max(1);
    let mut spans: HashMap<ListKey, (usize, usize)> = HashMap::new();
    for (key, at, _) in places {
        let span = spans.entry(key).or_insert((at, at));
        *span = (span.0.min(at), span.1.max(at));
    }
    let old_lengths: HashMap<ListKey, usize> =
        old.places.iter().map(|&(key, _, len)| (key, len)).collect();
    for (key, (first, last)) in spans {
        let new_len = key.reports(cx.index).len();
        let old_len = old_lengths.get(&key).copied();
        let resized = old_len != Some(new_len);
        let last_page = list_page_count(cx, key);
        let old_last_page = old_len.map_or(last_page, |len| page_count(len, per_page));
        gone.extend((last_page + 1..=old_last_page).map(|n| key.page_url(cx, n)));
        // The first page carries the list's map, which shows every report of the list.
        pages.insert(Page::List(key, 1));
        let from = page_of(first, per_page).min(last_page);
        let to = if resized {
            last_page
        } else {
            page_of(last, per_page).min(last_page)
        };
        pages.extend((from..=to).map(|n| Page::List(key, n)));
    }
}

/// The per-report values of the new site: fresh ones for the `stale` positions, the old
/// ones moved over for the rest. Both lists are in path order, so they interleave in step.
pub fn merge<T: Default>(
    stale: &[usize],
    fresh: Vec<T>,
    unchanged: &[usize],
    old: &mut [T],
) -> Vec<T> {
    let total = unchanged.len() + fresh.len();
    let mut fresh = stale.iter().copied().zip(fresh).peekable();
    let mut kept = unchanged.iter();
    (0..total)
        .map(|i| match fresh.next_if(|(j, _)| *j == i) {
            Some((_, value)) => value,
            None => kept
                .next()
                .map(|&p| std::mem::take(&mut old[p]))
                .unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
