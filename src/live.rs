//! The dev server's memory between saves: the loaded site, its index, templates and cards,
//! so that saving one report re-renders that report's page and the lists that show it,
//! not the whole site. Anything else (settings, registries, templates, static files)
//! gets a full build.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::build::{build_keeping, BuildFailure, BuildReport, Built};
use crate::diagnostics::Diagnostics;
use crate::index::{build_index, SiteIndex};
use crate::load::{reload_reports, Site};
use crate::output::InPlace;
use crate::render::pages::{all_pages, Page, Shared};
use crate::render::views::ViewContext;
use crate::render::Renderer;
use crate::settings::BuildOptions;

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

/// A site being served: what is kept between saves.
pub struct Session {
    options: BuildOptions,
    output: PathBuf,
    live: Option<Live>,
}

struct Live {
    site: Site,
    index: SiteIndex,
    renderer: Renderer,
    cards: Vec<String>,
}

impl Session {
    /// Builds the site in full and keeps what the build loaded.
    pub fn start(options: BuildOptions) -> (Session, Result<BuildReport, BuildFailure>) {
        let output = options
            .output
            .clone()
            .unwrap_or_else(|| options.root.join("public"));
        let mut session = Session {
            options,
            output,
            live: None,
        };
        let result = session.full_build();
        (session, result)
    }

    /// The folder being served.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Brings the output up to date with `changed` files (absolute, or relative to the root).
    pub fn update(&mut self, changed: &[PathBuf]) -> Update {
        let started = Instant::now();
        let root = &self.options.root;
        let relative: Vec<PathBuf> = changed
            .iter()
            .map(|p| {
                let canonical_root = root.canonicalize().unwrap_or_else(|_| root.clone());
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

    fn full_build(&mut self) -> Result<BuildReport, BuildFailure> {
        self.live = None;
        let (report, Built { site, index }) = build_keeping(&self.options)?;
        let renderer = Renderer::new(&site).map_err(content_failure)?;
        let cards = {
            let cx = renderer.view(&site, &index);
            renderer
                .cards(&cx, 0..site.incidents.len())
                .map_err(content_failure)?
        };
        self.live = Some(Live {
            site,
            index,
            renderer,
            cards,
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
            cards: old_cards,
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
        let index = build_index(&site);
        let cx = renderer.view(&site, &index);

        let stale: Vec<usize> = (0..site.incidents.len())
            .filter(|&i| changed_set.contains(site.incidents[i].path.as_path()))
            .collect();
        let fresh_cards = renderer
            .cards(&cx, stale.clone())
            .map_err(content_failure)?;
        let mut fresh = stale.iter().zip(fresh_cards);
        let mut next_fresh = fresh.next();
        let mut cards = Vec::with_capacity(site.incidents.len());
        for (i, incident) in site.incidents.iter().enumerate() {
            match next_fresh.take() {
                Some((&j, card)) if j == i => {
                    cards.push(card);
                    next_fresh = fresh.next();
                }
                other => {
                    next_fresh = other;
                    let old_position = old.positions.get(incident.slug.as_str()).copied();
                    cards.push(
                        old_position
                            .map(|p| old_cards[p].clone())
                            .unwrap_or_default(),
                    );
                }
            }
        }

        let pages = affected_pages(&cx, &old, &stale);
        let shared = Shared::new(&cx, cards);
        let sink = InPlace {
            dir: self.output.clone(),
        };
        let result = renderer.render_pages(&cx, &shared, &pages, Some(&sink));
        for slug in &old.slugs_of_changed {
            if !index.by_slug.contains_key(slug) {
                let gone = self.output.join("incidents").join(slug);
                let _ = std::fs::remove_dir_all(gone);
            }
        }
        result.map_err(content_failure)?;
        let written = pages.len();
        let Shared { cards, .. } = shared;
        self.live = Some(Live {
            site,
            index,
            renderer,
            cards,
        });
        Ok((written, warnings))
    }
}

fn content_failure(problems: Vec<crate::diagnostics::Diagnostic>) -> BuildFailure {
    let mut all = Diagnostics::default();
    all.extend(problems);
    BuildFailure::Content(all)
}

/// What the pages showed before a change, for the reports the change touched.
struct Snapshot {
    /// Old position of every report by slug, to reuse unchanged cards.
    positions: std::collections::HashMap<String, usize>,
    /// Slugs of the changed reports as they were.
    slugs_of_changed: Vec<String>,
    /// Slugs of reports whose pages linked to a changed one (neighbours, related).
    linked: Vec<String>,
    /// Lists the changed reports were in.
    terms: Terms,
}

impl Snapshot {
    fn of(site: &Site, index: &SiteIndex, changed: &HashSet<&Path>) -> Snapshot {
        let touched: Vec<usize> = (0..site.incidents.len())
            .filter(|&i| changed.contains(site.incidents[i].path.as_path()))
            .collect();
        let mut terms = Terms::default();
        let mut linked = Vec::new();
        for &i in &touched {
            terms.add(site, i);
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
            positions: index.by_slug.clone(),
            slugs_of_changed: touched
                .iter()
                .map(|&i| site.incidents[i].slug.clone())
                .collect(),
            linked,
            terms,
        }
    }
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
        if let Some(t) = incident.event_type {
            self.types.extend(
                crate::vocabulary::EventType::ALL
                    .iter()
                    .position(|&e| e == t),
            );
        }
        self.years.insert(incident.date.year());
    }

    fn shows(&self, page: Page) -> bool {
        match page {
            Page::Home
            | Page::Incidents(_)
            | Page::Regions
            | Page::Groups
            | Page::Types
            | Page::Timeline => true,
            Page::Country(c, _) => self.countries.contains(&c),
            Page::Region(c, r, _) => self.regions.contains(&(c, r)),
            Page::Group(g, _) => self.groups.contains(&g),
            Page::Type(t, _) => self.types.contains(&t),
            Page::Year(y) => self.years.contains(&y),
            Page::Incident(_) | Page::Alias(..) | Page::About | Page::NotFound => false,
        }
    }
}

/// Every page that shows a changed report, before or after the change.
fn affected_pages(cx: &ViewContext, old: &Snapshot, changed: &[usize]) -> Vec<Page> {
    let site = cx.site;
    let index = cx.index;
    let mut terms = Terms::default();
    let mut incidents: HashSet<usize> = changed.iter().copied().collect();
    for &i in changed {
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
    let mut pages: Vec<Page> = all_pages(cx)
        .into_iter()
        .filter(|&p| terms.shows(p) || old.terms.shows(p))
        .collect();
    pages.extend(incidents.into_iter().map(Page::Incident));
    pages
}
