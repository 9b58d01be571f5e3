//! The stages a build runs once per language, over one set of facts: prepare → the pass
//! over reports → list pages → search index → base maps → feeds. The default language
//! runs them first and writes what every language shares (data files, scripts); each
//! further language runs them over its translated view of the site, under `/LANG/`.

use std::collections::BTreeSet;

use super::pass::{self, Exports};
use super::BuildFailure;
use super::{prepare, Stop};
use crate::diagnostics::Diagnostic;
use crate::domain::index::SiteIndex;
use crate::domain::Site;
use crate::output::PageSink;
use crate::publish::{Download, ReportData};
use crate::render::pages::{all_pages, list_pages, Page, PageParts};
use crate::render::Renderer;
use crate::site_context::SiteContext;
use crate::timings::Laps;

/// One language's run of the stages.
pub(super) struct Language<'a> {
    /// The site in this language: the loaded site for the default, a translated view
    /// ([`Site::in_language`]) for the others.
    pub site: &'a Site,
    /// The lists, made once from the facts.
    pub index: &'a SiteIndex,
    /// Where pages go; none for `check`.
    pub sink: Option<&'a dyn PageSink>,
    /// How a failed stage stops the build.
    pub stop: &'a Stop<'a>,
    /// What the pass does with the data files.
    pub exports: Exports,
    /// For a further language: the default language's downloads (the data page lists
    /// them) and the names of the base maps already written.
    pub shared: Option<(&'a [Download], &'a mut BTreeSet<String>)>,
}

/// What one language's run leaves: what the sitemap and the dev server need.
pub(super) struct Made {
    /// The templates, loaded with this language's words.
    pub renderer: Renderer,
    /// What its pages share.
    pub parts: PageParts,
    /// Every page of the language.
    pub pages: Vec<Page>,
    /// Each incident's records, when the pass kept them.
    pub data: Vec<ReportData>,
}

impl Language<'_> {
    /// Runs the stages in order, one lap each.
    pub fn run(self, laps: &mut Laps) -> Result<Made, BuildFailure> {
        let Language {
            site,
            index,
            sink,
            stop,
            exports,
            shared,
        } = self;
        let (renderer, mut parts) = prepare::prepare(site, index).map_err(|p| stop.at(p))?;
        let cx = renderer.view(site, index);
        laps.done("prepare");
        let pages = all_pages(&cx);
        let lists = list_pages(&pages);
        let passed = pass::run(&renderer, &cx, &parts, sink, exports)
            .map_err(|p| stop.at(with_list_problems(p, &renderer, &cx, &parts, &lists)))?;
        parts.downloads = match &shared {
            Some((downloads, _)) => downloads.iter().map(|d| d.in_words(cx.words)).collect(),
            None => passed.downloads,
        };
        laps.done("reports");
        renderer
            .render_pages(&cx, &parts, &lists, sink)
            .map_err(|p| stop.at(p))?;
        laps.done("list pages");
        if let Some(sink) = sink {
            crate::render::search::write_index(&cx, sink, &passed.docs, passed.inverted)
                .map_err(|p| stop.at(p))?;
            laps.done("search index");
            // A base map is shared: only the first language whose pages use it draws it.
            let files = match shared {
                Some((_, written)) => {
                    let files = parts
                        .maps
                        .base_files_where(&cx, |name| !written.contains(name));
                    written.extend(files.iter().map(|(name, _)| name.clone()));
                    files
                }
                None => parts.maps.base_files(&cx),
            };
            crate::output::write_all(sink, files, "cannot write the map")
                .map_err(|p| stop.at(p))?;
            laps.done("base maps");
        }
        let feeds = crate::lists::lists_with_files(cx.site);
        crate::publish::feeds::write_feeds(&cx, sink, &feeds, &passed.feed_entries)
            .map_err(|p| stop.at(p))?;
        laps.done("feeds");
        Ok(Made {
            renderer,
            parts,
            pages,
            data: passed.data,
        })
    }
}

/// The problems of the pass, with those of the list pages' templates: one run reports
/// every template's problems, not only the report page's.
fn with_list_problems(
    mut problems: Vec<Diagnostic>,
    renderer: &Renderer,
    cx: &SiteContext,
    parts: &PageParts,
    lists: &[Page],
) -> Vec<Diagnostic> {
    let lists = renderer.render_pages(cx, parts, lists, None);
    problems.extend(lists.err().into_iter().flatten());
    problems
}
