//! The dev server's memory between saves: the loaded site, its index, templates and cards,
//! so that saving one report re-renders that report's page and the lists that show it,
//! not the whole site. Anything else (settings, registries, templates, static files)
//! gets a full build. What a save reaches is worked out in [`crate::pipeline::reach`];
//! this module only reloads, renders and writes what that says, through the build's
//! own stages.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::languages::{self, render_language, update_further, BaseMaps, Save};
use crate::diagnostics::Diagnostics;
use crate::domain::index::build_index;
use crate::load::{reload_reports, touched_reports};
use crate::output::InPlace;
use crate::pipeline::reach::{self, merge, single_edit, Reach, Snapshot};
use crate::pipeline::{build_for_serve, BuildFailure, BuildSummary, Kept};
use crate::publish::{self, ExportStream, ReportData};
use crate::render::pages::{all_pages, Page};
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
        // After a failure nothing is kept, and the next save builds everything again.
        let result = if only_reports && self.live.is_some() {
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
            .and_then(|()| languages::write_search_index(&cx, &sink, &self.output));
        result.map_err(|p| failed(&sink, p))?;
        let shared = (lists.as_slice(), live.parts.downloads.as_slice());
        for language in &mut live.further {
            languages::catch_up(language, &live.index, shared, &sink, &self.output)
                .map_err(|p| failed(&sink, p))?;
        }
        Ok(())
    }

    fn full_build(&mut self) -> Result<BuildSummary, BuildFailure> {
        self.live = None;
        self.pending = None;
        let (summary, kept) = build_for_serve(&self.options)?;
        self.live = Some(kept);
        Ok(summary)
    }

    /// Reloads the changed reports and writes the pages they reach in every language, in
    /// place; returns how many pages it wrote.
    fn incremental(&mut self, changed: &[PathBuf]) -> Result<(usize, Diagnostics), BuildFailure> {
        let Some(live) = self.live.take() else {
            return Err(content_failure(Vec::new()));
        };
        // A changed translation (`x.en.md`) touches its report (`x.md`).
        let touched = touched_reports(changed);
        let touched: HashSet<&Path> = touched.iter().map(PathBuf::as_path).collect();
        let old = Snapshot::of(&live.site, &live.index, &touched);
        let Kept {
            site,
            index,
            renderer,
            parts,
            data,
            further,
        } = live;
        // On failure nothing is kept: the next save reloads everything, which also reports
        // again any problem in a report that was not touched.
        let (site, warnings) = reload_reports(site, changed).map_err(BuildFailure::Content)?;
        let stale: Vec<usize> = (0..site.incidents.len())
            .filter(|&i| touched.contains(site.incidents[i].path.as_path()))
            .collect();
        self.defer_exports(reach::deferred_scope(&site, &old, &stale));
        let edit = single_edit(&old, &site, &stale);
        let index = match edit {
            Some((_, Reach::OwnPage | Reach::Lists)) => index,
            _ => build_index(&site),
        };
        let sink = self.sink();
        let save = Save::new(renderer.view(&site, &index), &old, &stale, edit);
        let data = fresh_data(&save, data).map_err(content_failure)?;
        let own_page = match edit {
            Some((i, Reach::OwnPage)) => Some(i),
            _ => None,
        };
        let mut base_maps = BaseMaps::default();
        let written = render_language(
            &save,
            (&renderer, &save.cx),
            parts,
            own_page,
            (&sink, &mut base_maps),
        )
        .and_then(|(parts, written)| {
            let (further, more) = update_further(&save, further, &sink, &mut base_maps)?;
            Ok((parts, further, written + more))
        });
        let (parts, further, written) = written.map_err(|p| failed(&sink, p))?;
        // The name of a base map is made from its view, so a map whose name stays the
        // same is unchanged, and one no page names any more can go.
        self.remove(base_maps.unused(), save.gone(&further).into_iter());
        drop(save);
        self.live = Some(Kept {
            site,
            index,
            renderer,
            parts,
            data,
            further,
        });
        Ok((written, warnings))
    }

    /// Deletes the `files`, and the folders of the pages whose output files are `pages`
    /// (each page's `index.html`), from the output; never anything outside it.
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

/// The exports' records of the reports after `save`: fresh ones for the stale reports,
/// the others' kept from `old`.
fn fresh_data(
    save: &Save,
    mut old: Vec<ReportData>,
) -> Result<Vec<ReportData>, Vec<crate::diagnostics::Diagnostic>> {
    let fresh = publish::report_data(&save.cx, save.stale.to_vec())?;
    Ok(merge(save.stale, fresh, &save.old.unchanged, &mut old))
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
