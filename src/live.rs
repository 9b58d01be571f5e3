//! The dev server's memory between saves: the loaded site, its index, templates and cards,
//! so that saving one report re-renders that report's page and the lists that show it,
//! not the whole site. Anything else (settings, registries, templates, static files)
//! gets a full build.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostics;
use crate::index::{build_index, SiteIndex};
use crate::load::{reload_reports, Site};
use crate::model::Incident;
use crate::output::InPlace;
use crate::pipeline::{build_for_serve, BuildFailure, BuildSummary, Kept};
use crate::publish::{self, ReportData};
use crate::render::pages::{all_pages, Page, Shared};
use crate::render::Renderer;
use crate::render::{maps, search};
use crate::settings::BuildOptions;
use crate::site_context::SiteContext;

/// What one update did.
#[derive(Debug)]
pub enum Update {
    /// The site was rebuilt; `pages` were written.
    Rebuilt {
        /// Pages written.
        pages: usize,
        /// From the change to the last page written.
        took: Duration,
        /// True when only the pages the change touches were written.
        incremental: bool,
        /// Warnings, which do not stop the site.
        warnings: Diagnostics,
    },
    /// The change broke the site; the output keeps its last good state.
    Failed(BuildFailure),
}

/// A draft the dev server built, for the editor to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftPage {
    /// Its title.
    pub title: String,
    /// Its file, relative to the site folder.
    pub file: PathBuf,
    /// Its page's path on the server (`/incidents/SLUG/`).
    pub url_path: String,
}

/// A site being served: what is kept between saves.
pub struct Session {
    options: BuildOptions,
    output: PathBuf,
    live: Option<Live>,
    /// What the last incremental update left for [`Session::catch_up`] to write: the
    /// feeds and exports of these terms and reports, and the site-wide files.
    pending: Option<publish::Scope>,
}

struct Live {
    site: Site,
    index: SiteIndex,
    renderer: Renderer,
    shared: Shared,
    data: Vec<ReportData>,
}

impl Session {
    /// Builds the site in full and keeps what the build loaded.
    pub fn start(options: BuildOptions) -> (Session, Result<BuildSummary, BuildFailure>) {
        let output = options
            .output
            .clone()
            .unwrap_or_else(|| options.root.join("public"));
        let mut session = Session {
            options,
            output,
            live: None,
            pending: None,
        };
        let result = session.full_build();
        (session, result)
    }

    /// The folder being served.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// The drafts the last good build made pages for (none without `--drafts`).
    pub fn drafts(&self) -> Vec<DraftPage> {
        let Some(live) = &self.live else {
            return Vec::new();
        };
        let urls = crate::urls::Urls::new(&live.site.settings.base_path);
        live.site
            .incidents
            .iter()
            .filter(|i| i.status == crate::vocabulary::Status::Draft)
            .map(|i| DraftPage {
                title: i.title.clone(),
                file: i.path.clone(),
                url_path: urls.incident(&i.slug),
            })
            .collect()
    }

    /// Brings the output up to date with `changed` files (absolute, or relative to the root).
    pub fn update(&mut self, changed: &[PathBuf]) -> Update {
        let started = Instant::now();
        let root = &self.options.root;
        let canonical_root = root.canonicalize().unwrap_or_else(|_| root.clone());
        let relative: Vec<PathBuf> = changed
            .iter()
            .map(|p| {
                p.strip_prefix(&canonical_root)
                    .or_else(|_| p.strip_prefix(root))
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| p.clone())
            })
            .collect();
        let only_reports = relative
            .iter()
            .all(|p| p.starts_with("content/incidents") && p.extension().is_none_or(|e| e == "md"));
        if only_reports && self.live.is_some() {
            match self.incremental(&relative) {
                Ok((pages, warnings)) => {
                    return Update::Rebuilt {
                        pages,
                        took: started.elapsed(),
                        incremental: true,
                        warnings,
                    }
                }
                Err(failure) => return Update::Failed(failure),
            }
        }
        match self.full_build() {
            Ok(report) => Update::Rebuilt {
                pages: report.pages,
                took: started.elapsed(),
                incremental: false,
                warnings: report.warnings,
            },
            Err(failure) => Update::Failed(failure),
        }
    }

    /// Writes what an incremental update leaves for after the reload: feeds, exports,
    /// the data page, the sitemap and the search index. At 10,000 reports these take
    /// several times longer than every page a save touches, and a reader looking at the
    /// edited page needs none of them. Does nothing when nothing is pending.
    pub fn catch_up(&mut self) -> Result<(), BuildFailure> {
        let Some(scope) = self.pending.take() else {
            return Ok(());
        };
        let Some(live) = self.live.as_mut() else {
            return Ok(());
        };
        let cx = live.renderer.view(&live.site, &live.index);
        let sink = InPlace {
            dir: self.output.clone(),
        };
        live.shared.downloads =
            publish::write_data(&cx, &live.data, Some(&sink), &scope).map_err(content_failure)?;
        let result = live
            .renderer
            .render_pages(&cx, &live.shared, &[Page::Data], Some(&sink))
            .and_then(|()| {
                let entries = crate::render::pages::sitemap_entries(&cx, &all_pages(&cx));
                publish::sitemap::write(&cx, entries, Some(&sink))
            })
            .and_then(|()| {
                let docs = search::documents(&cx);
                let inverted = search::index_all(&cx, &docs)?;
                search::write_index(&cx, &sink, &docs, inverted)
            });
        let written = result.map_err(content_failure)?;
        remove_unused_files(&self.output, "search/index", &written);
        Ok(())
    }

    fn full_build(&mut self) -> Result<BuildSummary, BuildFailure> {
        self.live = None;
        self.pending = None;
        let (
            report,
            Kept {
                site,
                index,
                renderer,
                shared,
                data,
            },
        ) = build_for_serve(&self.options)?;
        self.live = Some(Live {
            site,
            index,
            renderer,
            shared,
            data,
        });
        Ok(report)
    }

    /// Reloads the changed reports and writes the pages they touch, in place.
    fn incremental(&mut self, changed: &[PathBuf]) -> Result<(usize, Diagnostics), BuildFailure> {
        let Some(live) = self.live.take() else {
            return Err(content_failure(Vec::new()));
        };
        let Live {
            site: old_site,
            index: old_index,
            renderer,
            shared: old_shared,
            data: mut old_data,
        } = live;
        let changed_set: HashSet<&Path> = changed.iter().map(PathBuf::as_path).collect();
        let old = Snapshot::of(&old_site, &old_index, &changed_set);
        let (site, warnings) = match reload_reports(old_site, changed) {
            Ok(loaded) => loaded,
            Err(problems) => {
                // Keep nothing: the next save reloads everything, which also reports again
                // any problem in a report that was not touched.
                return Err(BuildFailure::Content(problems));
            }
        };
        let stale: Vec<usize> = (0..site.incidents.len())
            .filter(|&i| changed_set.contains(site.incidents[i].path.as_path()))
            .collect();
        let sink = InPlace {
            dir: self.output.clone(),
        };

        let edit = single_edit(&old, &site, &stale);
        if let Some((i, Reach::OwnPage)) = edit {
            // The index, the cards, the maps and every other page are as they were.
            let cx = renderer.view(&site, &old_index);
            old_data[i] = publish::report_data(&cx, [i])
                .map_err(content_failure)?
                .pop()
                .unwrap_or_default();
            renderer
                .render_pages(&cx, &old_shared, &[Page::Incident(i)], Some(&sink))
                .map_err(content_failure)?;
            self.defer_exports(&site, &old, &stale);
            self.live = Some(Live {
                site,
                index: old_index,
                renderer,
                shared: old_shared,
                data: old_data,
            });
            return Ok((1, warnings));
        }

        let index = match edit {
            Some((_, Reach::Lists)) => old_index,
            _ => build_index(&site),
        };
        let cx = renderer.view(&site, &index);
        let Shared {
            cards: mut old_cards,
            downloads,
            maps: mut old_maps,
            ..
        } = old_shared;
        let fresh_cards = renderer
            .cards(&cx, stale.clone())
            .map_err(content_failure)?;
        let cards = merge(&stale, fresh_cards, &old.unchanged, &mut old_cards);
        let fresh_data = publish::report_data(&cx, stale.clone()).map_err(content_failure)?;
        let data = merge(&stale, fresh_data, &old.unchanged, &mut old_data);

        let (pages, gone) = affected_pages(&cx, &old, &stale);
        self.defer_exports(&site, &old, &stale);
        let mut old_marks = std::mem::take(&mut old_maps.marks);
        let fresh_marks = maps::all_marks(&cx, stale.clone());
        let marks = merge(&stale, fresh_marks, &old.unchanged, &mut old_marks);
        let shared = Shared::with_marks(&cx, cards, downloads, marks);
        let pages: Vec<Page> = pages.into_iter().filter(|&p| p != Page::Data).collect();
        let new_maps = shared.maps.base_files_since(Some(&old_maps));
        let result = renderer
            .render_pages(&cx, &shared, &pages, Some(&sink))
            .and_then(|()| {
                crate::output::write_all(&sink, new_maps, "cannot write the map").map(drop)
            });
        // Base maps no page refers to any more; the name of a base map is made from
        // its view, so a map whose name stays the same is unchanged.
        for unused in old_maps.base_names().difference(&shared.maps.base_names()) {
            if let Ok(path) = crate::output::inside(&self.output, unused) {
                let _ = std::fs::remove_file(path);
            }
        }
        let gone_reports = old
            .slugs_of_changed
            .iter()
            .filter(|slug| !index.by_slug.contains_key(*slug))
            .map(|slug| cx.urls.incident(slug));
        for url in gone.into_iter().chain(gone_reports) {
            let file = cx.urls.output_file(&url);
            if let Some(folder) = std::path::Path::new(&file).parent() {
                if let Ok(path) = crate::output::inside(&self.output, &folder.to_string_lossy()) {
                    let _ = std::fs::remove_dir_all(path);
                }
            }
        }
        result.map_err(content_failure)?;
        let written = pages.len();
        self.live = Some(Live {
            site,
            index,
            renderer,
            shared,
            data,
        });
        Ok((written, warnings))
    }

    /// Notes what [`Session::catch_up`] must write after this save: the feeds and exports
    /// of the lists the changed reports were and are in, and their own JSON.
    fn defer_exports(&mut self, site: &Site, old: &Snapshot, stale: &[usize]) {
        let mut touched_terms = Terms::default();
        for &i in stale {
            touched_terms.add(site, i);
        }
        // Two saves without a catch-up between them write everything: report positions
        // move when reports come and go, so the first save's scope no longer holds.
        self.pending = Some(match self.pending {
            Some(_) => publish::Scope::default(),
            None => publish::Scope {
                terms: Some(
                    touched_terms
                        .publish_terms()
                        .chain(old.terms.publish_terms())
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect(),
                ),
                incidents: Some(stale.to_vec()),
            },
        });
    }
}

/// Deletes the files under the output's `folder` that an update did not write: a new
/// report can change how the search index is split into files.
fn remove_unused_files(output: &Path, folder: &str, written: &[String]) {
    let written: HashSet<&str> = written.iter().map(String::as_str).collect();
    for entry in walkdir::WalkDir::new(output.join(folder))
        .into_iter()
        .flatten()
        .filter(|entry| entry.file_type().is_file())
    {
        let Ok(relative) = entry.path().strip_prefix(output) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        if !written.contains(name.as_str()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The per-report values of the new site: fresh ones for the `stale` positions, the old
/// ones moved over for the rest. Both lists are in path order, so they interleave in step.
fn merge<T: Default>(stale: &[usize], fresh: Vec<T>, unchanged: &[usize], old: &mut [T]) -> Vec<T> {
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

fn content_failure(problems: Vec<crate::diagnostics::Diagnostic>) -> BuildFailure {
    BuildFailure::Content(problems.into_iter().collect())
}

/// What the pages showed before a change, for the reports the change touched.
struct Snapshot {
    /// Old positions of the changed reports, and the reports as they were.
    touched: Vec<usize>,
    before: Vec<Incident>,
    /// Old positions of the reports the change left alone, in order: they keep that
    /// order among the new reports, since both are sorted by path.
    unchanged: Vec<usize>,
    /// Slugs of the changed reports as they were.
    slugs_of_changed: Vec<String>,
    /// Slugs of reports whose pages linked to a changed one (neighbours, related).
    linked: Vec<String>,
    /// Lists the changed reports were in.
    terms: Terms,
    /// Where in each list the changed reports stood, and how long the list was.
    places: Vec<(ListKey, usize, usize)>,
}

impl Snapshot {
    fn of(site: &Site, index: &SiteIndex, changed: &HashSet<&Path>) -> Snapshot {
        let touched: Vec<usize> = (0..site.incidents.len())
            .filter(|&i| changed.contains(site.incidents[i].path.as_path()))
            .collect();
        let mut terms = Terms::default();
        let mut linked = Vec::new();
        let mut places = Vec::new();
        for &i in &touched {
            terms.add(site, i);
            places.extend(list_places(site, index, i));
            let (newer, older) = index.neighbours[i];
            linked.extend(
                newer
                    .into_iter()
                    .chain(older)
                    .map(|j| site.incidents[j].slug.clone()),
            );
        }
        for (i, related) in index.related.iter().enumerate() {
            if related.iter().any(|r| touched.contains(r)) {
                linked.push(site.incidents[i].slug.clone());
            }
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
            linked,
            terms,
            places,
            touched,
        }
    }
}

/// How far one edited report's change reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Only the report's own page shows what changed.
    OwnPage,
    /// Lists, cards, maps and charts show it, but the index is as it was.
    Lists,
    /// The index changes: where the report is listed, its neighbours, related reports.
    Index,
}

/// The position of the one report a save changed and how far the change reaches; `None`
/// when the save added, removed or renamed reports, or changed several.
fn single_edit(old: &Snapshot, site: &Site, stale: &[usize]) -> Option<(usize, Reach)> {
    let ([before], [i], [was]) = (old.before.as_slice(), stale, old.touched.as_slice()) else {
        return None;
    };
    let same_reports = was == i && old.unchanged.len() + 1 == site.incidents.len();
    same_reports.then(|| (*i, reach(before, &site.incidents[*i])))
}

/// Compares two versions of a report field by field. Exports and the search index read
/// every field, but they are written after the reload anyway.
fn reach(before: &Incident, after: &Incident) -> Reach {
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
        // What only the report's own page shows.
        body: _,
        site_links: _,
        sources: _,
        assertions: _,
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
        && *summary == after.summary;
    match (same_index, same_lists) {
        (true, true) => Reach::OwnPage,
        (true, false) => Reach::Lists,
        (false, _) => Reach::Index,
    }
}

/// One paginated list of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ListKey {
    All,
    Country(usize),
    Region(usize, usize),
    Group(usize),
    Type(usize),
}

impl ListKey {
    fn list<'a>(&self, index: &'a SiteIndex) -> &'a [usize] {
        match *self {
            ListKey::All => &index.listed,
            ListKey::Country(c) => &index.by_country[c],
            ListKey::Region(c, r) => &index.by_region[c][r],
            ListKey::Group(g) => &index.by_group[g],
            ListKey::Type(t) => &index.by_type[t],
        }
    }

    /// The URL of the list's first page.
    fn first_url(&self, cx: &SiteContext) -> String {
        let registry = &cx.site.registry;
        match *self {
            ListKey::All => cx.urls.incidents(),
            ListKey::Country(c) => cx.urls.country(&registry.countries[c].slug),
            ListKey::Region(c, r) => cx.urls.region(
                &registry.countries[c].slug,
                &registry.countries[c].regions[r].slug,
            ),
            ListKey::Group(g) => cx.urls.group(&registry.groups[g].slug),
            ListKey::Type(t) => cx
                .urls
                .event_type(&crate::vocabulary::EventType::ALL[t].slug()),
        }
    }

    fn page(&self, n: usize) -> Page {
        match *self {
            ListKey::All => Page::Incidents(n),
            ListKey::Country(c) => Page::Country(c, n),
            ListKey::Region(c, r) => Page::Region(c, r, n),
            ListKey::Group(g) => Page::Group(g, n),
            ListKey::Type(t) => Page::Type(t, n),
        }
    }
}

/// Every list that holds incident `i`, with its position there and the list's length.
fn list_places(site: &Site, index: &SiteIndex, i: usize) -> Vec<(ListKey, usize, usize)> {
    let mut terms = Terms::default();
    terms.add(site, i);
    let keys = std::iter::once(ListKey::All)
        .chain(terms.countries.iter().map(|&c| ListKey::Country(c)))
        .chain(terms.regions.iter().map(|&(c, r)| ListKey::Region(c, r)))
        .chain(terms.groups.iter().map(|&g| ListKey::Group(g)))
        .chain(terms.types.iter().map(|&t| ListKey::Type(t)));
    keys.filter_map(|key| {
        let list = key.list(index);
        list.iter()
            .position(|&x| x == i)
            .map(|at| (key, at, list.len()))
    })
    .collect()
}

/// Countries, regions, groups, types and years some reports belong to.
#[derive(Default)]
struct Terms {
    countries: HashSet<usize>,
    regions: HashSet<(usize, usize)>,
    groups: HashSet<usize>,
    types: HashSet<usize>,
    years: HashSet<i16>,
}

impl Terms {
    fn add(&mut self, site: &Site, i: usize) {
        let incident = &site.incidents[i];
        self.countries.insert(incident.country);
        self.regions.extend(incident.regions.iter().copied());
        self.groups.extend(incident.actors.iter().map(|a| a.group));
        self.types.extend(incident.event_type.map(|t| t.index()));
        self.years.insert(incident.date.year());
    }

    /// The same terms as the publish stage names them, for their feeds and data files.
    fn publish_terms(&self) -> impl Iterator<Item = publish::Term> + '_ {
        self.countries
            .iter()
            .map(|&c| publish::Term::Country(c))
            .chain(
                self.regions
                    .iter()
                    .map(|&(c, r)| publish::Term::Region(c, r)),
            )
            .chain(self.groups.iter().map(|&g| publish::Term::Group(g)))
            .chain(self.types.iter().map(|&t| publish::Term::Type(t)))
    }

    /// The pages that show counts or lists of these terms and are not paginated.
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
        .chain(self.years.iter().map(|&y| Page::Year(y)))
    }
}

/// Every page that shows a changed report, before or after the change: its own page, its
/// neighbours and the reports that name it as related, the summary pages, and in each list
/// it is in only the list pages from its old place to its new one (all of the rest of the
/// list when the list grew or shrank, as every later item moves).
fn affected_pages(cx: &SiteContext, old: &Snapshot, changed: &[usize]) -> (Vec<Page>, Vec<String>) {
    let site = cx.site;
    let index = cx.index;
    let per_page = site.settings.config.paginate_by.max(1);
    let mut terms = Terms::default();
    let mut incidents: HashSet<usize> = changed.iter().copied().collect();
    let mut places: Vec<(ListKey, usize, usize)> = old.places.clone();
    for &i in changed {
        places.extend(list_places(site, index, i));
        terms.add(site, i);
        let (newer, older) = index.neighbours[i];
        incidents.extend(newer.into_iter().chain(older));
    }
    for (i, related) in index.related.iter().enumerate() {
        if related.iter().any(|r| changed.contains(r)) {
            incidents.insert(i);
        }
    }
    incidents.extend(
        old.linked
            .iter()
            .filter_map(|slug| index.by_slug.get(slug).copied()),
    );

    let mut stale = Vec::new();
    let mut pages: HashSet<Page> = HashSet::new();
    for page in terms.summary_pages().chain(old.terms.summary_pages()) {
        match page {
            Page::Year(y) if !index.by_year.contains_key(&y) => {
                stale.push(cx.urls.year(y));
            }
            page => {
                pages.insert(page);
            }
        }
    }
    pages.extend(incidents.into_iter().map(Page::Incident));
    // Per list: the first and last place touched, old or new.
    let mut spans: std::collections::HashMap<ListKey, (usize, usize)> =
        std::collections::HashMap::new();
    for (key, at, _) in places {
        let span = spans.entry(key).or_insert((at, at));
        *span = (span.0.min(at), span.1.max(at));
    }
    let old_lengths: std::collections::HashMap<ListKey, usize> =
        old.places.iter().map(|&(key, _, len)| (key, len)).collect();
    for (key, (first, last)) in spans {
        let new_len = key.list(index).len();
        let old_len = old_lengths.get(&key).copied();
        // A list the report joined or left, or whose length changed otherwise, shifts from
        // the first place touched to its end.
        let resized = old_len != Some(new_len);
        let last_page = new_len.div_ceil(per_page).max(1);
        let old_last_page = old_len.map_or(last_page, |len| len.div_ceil(per_page).max(1));
        let first_url = key.first_url(cx);
        stale.extend((last_page + 1..=old_last_page).map(|n| cx.urls.page(&first_url, n)));
        // The first page carries the list's map, which shows every report of the list.
        pages.insert(key.page(1));
        let from = first / per_page + 1;
        let to = if resized {
            last_page
        } else {
            (last / per_page + 1).min(last_page)
        };
        pages.extend((from.min(last_page)..=to).map(|n| key.page(n)));
    }
    (pages.into_iter().collect(), stale)
}
