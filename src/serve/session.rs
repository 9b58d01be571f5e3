//! The dev server's memory between saves: the loaded site, its index, templates and cards,
//! so that saving one report re-renders that report's page and the lists that show it,
//! not the whole site. Anything else (settings, registries, templates, static files)
//! gets a full build. What a save reaches is worked out in [`crate::pipeline::reach`];
//! this module only reloads, renders and writes what that says, through the build's
//! own stages.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostics;
use crate::domain::index::{build_index, SiteIndex};
use crate::domain::Site;
use crate::load::reload_reports;
use crate::output::InPlace;
use crate::pipeline::reach::{self, affected_pages, merge, single_edit, Affected, Reach, Snapshot};
use crate::pipeline::{build_for_serve, BuildFailure, BuildSummary, Kept};
use crate::publish::{self, ExportStream, ReportData};
use crate::render::pages::{all_pages, Page, PageParts};
use crate::render::Renderer;
use crate::render::{maps, search};
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
    /// What the last good build or update left; `None` after a failure, so that the
    /// next save builds everything again.
    live: Option<Kept>,
    /// What the last incremental update left for [`Session::catch_up`] to write: the
    /// feeds and exports of these lists and reports, and the site-wide files.
    pending: Option<publish::Scope>,
}

impl Session {
    /// Builds the site in full and keeps what the build loaded.
    pub fn start(options: BuildOptions) -> (Session, Result<BuildSummary, BuildFailure>) {
        let output = options.output_folder();
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
            .filter(|i| i.status == crate::domain::vocabulary::Status::Draft)
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
        let relative = self.relative_to_root(changed);
        let only_reports = relative
            .iter()
            .all(|p| p.starts_with("content/incidents") && p.extension().is_none_or(|e| e == "md"));
        // A save in a site of several languages rebuilds every language: the pages a
        // save reaches are re-rendered per language only in a single-language site.
        let one_language = self
            .live
            .as_ref()
            .is_some_and(|live| live.site.settings.languages.len() < 2);
        let result = if only_reports && one_language {
            self.incremental(&relative)
                .map(|(pages, warnings)| (pages, warnings, true))
        } else {
            self.full_build()
                .map(|summary| (summary.pages, summary.warnings, false))
        };
        match result {
            Ok((pages, warnings, incremental)) => Update::Rebuilt {
                pages,
                took: started.elapsed(),
                incremental,
                warnings,
            },
            Err(failure) => Update::Failed(failure),
        }
    }

    fn relative_to_root(&self, changed: &[PathBuf]) -> Vec<PathBuf> {
        let root = &self.options.root;
        let canonical_root = root.canonicalize().unwrap_or_else(|_| root.clone());
        changed
            .iter()
            .map(|p| {
                p.strip_prefix(&canonical_root)
                    .or_else(|_| p.strip_prefix(root))
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| p.clone())
            })
            .collect()
    }

    /// Writes what an incremental update leaves for after the reload, through the build's
    /// own stages over the update's scope: exports, feeds, the data page, the sitemap and
    /// the search index. At 10,000 reports these take several times longer than every
    /// page a save touches, and a reader looking at the edited page needs none of them.
    /// Does nothing when nothing is pending.
    pub fn catch_up(&mut self) -> Result<(), BuildFailure> {
        let Some(scope) = self.pending.take() else {
            return Ok(());
        };
        let sink = self.sink();
        let Some(live) = self.live.as_mut() else {
            return Ok(());
        };
        let cx = live.renderer.view(&live.site, &live.index);
        let mut exports =
            ExportStream::open(&cx, Some(&sink), &scope).map_err(|p| failed(&sink, p))?;
        exports
            .push(&cx, &cx.index.listed, |i| &live.data[i])
            .map_err(|p| failed(&sink, p))?;
        let lists = exports.lists().to_vec();
        live.parts.downloads = exports.finish(&cx).map_err(|p| failed(&sink, p))?;
        let result = publish::feeds::write_feeds(&cx, Some(&sink), &lists, &Default::default())
            .and_then(|()| {
                live.renderer
                    .render_pages(&cx, &live.parts, &[Page::Data], Some(&sink))
            })
            .and_then(|()| {
                let entries = crate::render::pages::sitemap_entries(&cx, &all_pages(&cx));
                publish::sitemap::write(&cx, entries, Some(&sink))
            })
            .and_then(|()| {
                let docs = search::documents(&cx);
                let inverted = search::index_all(&cx, &docs)?;
                search::write_index(&cx, &sink, &docs, inverted)
            });
        let written = result.map_err(|p| failed(&sink, p))?;
        crate::output::remove_unwritten(&self.output, "search/index", &written);
        Ok(())
    }

    fn full_build(&mut self) -> Result<BuildSummary, BuildFailure> {
        self.live = None;
        self.pending = None;
        let (summary, kept) = build_for_serve(&self.options)?;
        self.live = Some(kept);
        Ok(summary)
    }

    /// Reloads the changed reports and writes the pages they reach, in place; returns how
    /// many pages it wrote.
    fn incremental(&mut self, changed: &[PathBuf]) -> Result<(usize, Diagnostics), BuildFailure> {
        let Some(live) = self.live.take() else {
            return Err(content_failure(Vec::new()));
        };
        let changed_set: HashSet<&Path> = changed.iter().map(PathBuf::as_path).collect();
        let old = Snapshot::of(&live.site, &live.index, &changed_set);
        let Kept {
            site: old_site,
            index: old_index,
            renderer,
            parts: old_parts,
            data: old_data,
        } = live;
        // On failure nothing is kept: the next save reloads everything, which also reports
        // again any problem in a report that was not touched.
        let (site, warnings) = reload_reports(old_site, changed).map_err(BuildFailure::Content)?;
        let stale: Vec<usize> = (0..site.incidents.len())
            .filter(|&i| changed_set.contains(site.incidents[i].path.as_path()))
            .collect();
        self.defer_exports(reach::deferred_scope(&site, &old, &stale));
        let old = Before {
            snapshot: old,
            index: old_index,
            parts: old_parts,
            data: old_data,
        };
        let (kept, written) = match single_edit(&old.snapshot, &site, &stale) {
            Some((i, Reach::OwnPage)) => self.own_page(site, renderer, old, i)?,
            edit => {
                let same_index = matches!(edit, Some((_, Reach::Lists)));
                self.pages_reached(site, renderer, old, &stale, same_index)?
            }
        };
        self.live = Some(kept);
        Ok((written, warnings))
    }

    /// After a save that changed only what a report's own page shows: that page, and
    /// the report's record for the exports.
    fn own_page(
        &self,
        site: Site,
        renderer: Renderer,
        old: Before,
        i: usize,
    ) -> Result<(Kept, usize), BuildFailure> {
        let Before {
            index,
            parts,
            mut data,
            ..
        } = old;
        let cx = renderer.view(&site, &index);
        data[i] = publish::report_data(&cx, [i])
            .map_err(content_failure)?
            .pop()
            .unwrap_or_default();
        let sink = self.sink();
        renderer
            .render_pages(&cx, &parts, &[Page::Incident(i)], Some(&sink))
            .map_err(|p| failed(&sink, p))?;
        let kept = Kept {
            site,
            index,
            renderer,
            parts,
            data,
        };
        Ok((kept, 1))
    }

    /// After any other save: fresh cards, records and map marks for the `stale` reports,
    /// the others' kept, and every page [`affected_pages`] names written again; the
    /// pages and base maps nothing refers to any more removed.
    fn pages_reached(
        &self,
        site: Site,
        renderer: Renderer,
        old: Before,
        stale: &[usize],
        same_index: bool,
    ) -> Result<(Kept, usize), BuildFailure> {
        let Before {
            snapshot: old,
            index: old_index,
            parts: old_parts,
            data: mut old_data,
        } = old;
        let index = if same_index {
            old_index
        } else {
            build_index(&site)
        };
        let cx = renderer.view(&site, &index);
        let PageParts {
            cards: mut old_cards,
            downloads,
            maps: mut old_maps,
            ..
        } = old_parts;
        let fresh_cards = renderer
            .cards(&cx, stale.to_vec())
            .map_err(content_failure)?;
        let cards = merge(stale, fresh_cards, &old.unchanged, &mut old_cards);
        let fresh_data = publish::report_data(&cx, stale.to_vec()).map_err(content_failure)?;
        let data = merge(stale, fresh_data, &old.unchanged, &mut old_data);
        let mut old_marks = std::mem::take(&mut old_maps.marks);
        let fresh_marks = maps::all_marks(&cx, stale.to_vec());
        let marks = merge(stale, fresh_marks, &old.unchanged, &mut old_marks);
        let parts = PageParts::with_marks(&cx, cards, downloads, marks, renderer.card_data());

        let Affected { pages, gone } = affected_pages(&cx, &old, stale);
        // The data page shows the files' sizes, known once the catch-up has written them.
        let pages: Vec<Page> = pages.into_iter().filter(|&p| p != Page::Data).collect();
        let sink = self.sink();
        let new_maps = parts.maps.base_files_since(&cx, Some(&old_maps));
        let result = renderer
            .render_pages(&cx, &parts, &pages, Some(&sink))
            .and_then(|()| {
                crate::output::write_all(&sink, new_maps, "cannot write the map").map(drop)
            });
        // The name of a base map is made from its view, so a map whose name stays the
        // same is unchanged, and one no page names any more can go.
        let (was, is) = (old_maps.base_names(), parts.maps.base_names());
        let unused_maps = was.difference(&is).cloned();
        self.remove(unused_maps, gone.iter().map(|url| cx.urls.output_file(url)));
        result.map_err(|p| failed(&sink, p))?;
        let written = pages.len();
        let kept = Kept {
            site,
            index,
            renderer,
            parts,
            data,
        };
        Ok((kept, written))
    }

    /// Deletes the `files`, and the folders of the pages `pages` (each page's
    /// `index.html`), from the output; never anything outside it.
    fn remove(&self, files: impl Iterator<Item = String>, pages: impl Iterator<Item = String>) {
        for file in files {
            if let Ok(path) = crate::output::inside(&self.output, &file) {
                let _ = std::fs::remove_file(path);
            }
        }
        for page in pages {
            let Some(folder) = Path::new(&page).parent() else {
                continue;
            };
            if let Ok(path) = crate::output::inside(&self.output, &folder.to_string_lossy()) {
                let _ = std::fs::remove_dir_all(path);
            }
        }
    }

    fn sink(&self) -> InPlace {
        InPlace::new(self.output.clone())
    }

    /// Notes what [`Session::catch_up`] must write after this save.
    fn defer_exports(&mut self, scope: publish::Scope) {
        // Two saves without a catch-up between them write everything: report positions
        // move when reports come and go, so the first save's scope no longer holds.
        self.pending = Some(match self.pending {
            Some(_) => publish::Scope::default(),
            None => scope,
        });
    }
}

/// What the site was before a save: the snapshot of the reports it touched, and what the
/// last build or update kept.
struct Before {
    snapshot: Snapshot,
    index: SiteIndex,
    parts: PageParts,
    data: Vec<ReportData>,
}

/// The failure of an update whose stage met `problems`: a failed write into the output
/// when there was one, said once with its file and the system's error, else the problems.
fn failed(sink: &InPlace, problems: Vec<crate::diagnostics::Diagnostic>) -> BuildFailure {
    match sink.first_failure() {
        Some(failure) => BuildFailure::write(&sink.dir, &failure),
        None => content_failure(problems),
    }
}

fn content_failure(problems: Vec<crate::diagnostics::Diagnostic>) -> BuildFailure {
    BuildFailure::Content(problems.into_iter().collect())
}
