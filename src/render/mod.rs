//! The render stage: every page through Tera, in parallel, each written as soon as it is
//! rendered so that memory holds a few pages at a time, not the whole site.

pub mod maps;
pub mod pages;
pub mod reports;
pub mod search;
pub mod stats;
pub mod templates;
pub mod views;

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::Diagnostic;
use crate::index::SiteIndex;
use crate::load::Site;
use crate::output::{PageSink, Staging};
use crate::publish;
use crate::urls::Urls;
use views::ViewContext;

/// The stylesheet built into the binary, written unless the site's `static/` has its own.
pub const STYLESHEET: &str = include_str!("../../static/style.css");

/// What a render produced, with the templates, cards and maps it made, which the dev
/// server keeps rather than make again.
pub struct Rendered {
    /// Pages rendered from templates.
    pub pages: usize,
    /// The loaded templates.
    pub renderer: Renderer,
    /// What the pages shared: cards, maps, list summaries, the data files' sizes.
    pub shared: pages::Shared,
    /// Incident i's serialised data, reused by every export that lists it.
    pub data: Vec<publish::ReportData>,
    /// Wall time of each part of the render, in order, for `--timings`.
    pub stages: Vec<crate::timings::Stage>,
}

/// Site-wide values every template sees as `site` and `nav`.
#[derive(Serialize)]
struct SiteGlobals<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_path: &'a str,
    base_url: &'a str,
    stylesheet: String,
    feed: String,
}

#[derive(Serialize)]
struct Nav {
    home: String,
    incidents: String,
    regions: String,
    groups: String,
    types: String,
    timeline: String,
    data: String,
    search: String,
    map: String,
    stats: String,
    about: String,
}

/// Renders every page; writes each into `staging` when given (`check` passes none).
///
/// Needs the loaded site and its index. Returns every template problem found. The export
/// records of every report are returned only with `keep_data` (the dev server reuses them).
pub fn render_site(
    site: &Site,
    index: &SiteIndex,
    staging: Option<&Staging>,
    keep_data: bool,
) -> Result<Rendered, Vec<Diagnostic>> {
    let mut laps = crate::timings::Laps::start();
    let renderer = Renderer::new(site)?;
    let cx = renderer.view(site, index);
    let cards = renderer.cards(&cx, 0..site.incidents.len())?;
    laps.done("cards");
    let sink = staging.map(|s| s as &dyn PageSink);
    let mut shared = pages::Shared::new(&cx, cards);
    laps.done("maps and list summaries");
    let pages = pages::all_pages(&cx);
    let lists: Vec<pages::Page> = pages
        .iter()
        .copied()
        .filter(|page| !matches!(page, pages::Page::Incident(_)))
        .collect();
    let passed = reports::report_pass(&renderer, &cx, &shared, sink, keep_data, reports::CHUNK);
    let reports::PassOutput {
        downloads,
        docs,
        inverted,
        data,
    } = passed.map_err(|mut problems| {
        // The list pages' templates are checked too, so that one run reports every
        // template's problems, not only the report page's.
        let lists = renderer.render_pages(&cx, &shared, &lists, None);
        problems.extend(lists.err().into_iter().flatten());
        problems
    })?;
    shared.downloads = downloads;
    laps.done("report pages, exports, feeds");
    renderer.render_pages(&cx, &shared, &lists, sink)?;
    laps.done("list pages");
    if let Some(sink) = sink {
        write_assets(&cx, &shared, sink, &docs, inverted)?;
    }
    renderer.write_sitemap(&cx, &pages, sink)?;
    laps.done("search index, base maps, sitemap");
    Ok(Rendered {
        pages: pages.len(),
        renderer,
        shared,
        data,
        stages: laps.into_stages(),
    })
}

/// The templates of one site, loaded once, and the URLs they link with: what the dev
/// server keeps between saves so that re-rendering a few pages costs only those pages.
pub struct Renderer {
    tera: Tera,
    urls: Urls,
}

impl Renderer {
    /// Loads the site's templates (built-in ones unless overridden) and sets the globals.
    pub fn new(site: &Site) -> Result<Renderer, Vec<Diagnostic>> {
        let urls = Urls::for_site(&site.settings.config.base_url, &site.settings.base_path);
        let mut tera = templates::load_templates(&site.settings.root)?;
        set_globals(&mut tera, site, &urls);
        Ok(Renderer { tera, urls })
    }

    /// What views of `site` and `index` are built from.
    pub fn view<'a>(&'a self, site: &'a Site, index: &'a SiteIndex) -> ViewContext<'a> {
        ViewContext {
            site,
            index,
            urls: &self.urls,
        }
    }

    /// The card HTML of each incident in `which`, in order.
    pub fn cards(
        &self,
        cx: &ViewContext,
        which: impl IntoParallelIterator<Item = usize>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        which
            .into_par_iter()
            .map(|i| {
                let mut context = Context::new();
                context.insert("card", &cx.card(i));
                // Tera's output keeps room to grow; cards are kept for the whole build.
                self.tera.render("card.html", &context).map(|mut card| {
                    card.shrink_to_fit();
                    card
                })
            })
            .collect::<Result<_, _>>()
            .map_err(|e| vec![templates::render_diagnostic(&e, "card.html")])
    }

    /// Renders `pages` in parallel, writing each into `sink` when given.
    pub fn render_pages(
        &self,
        cx: &ViewContext,
        shared: &pages::Shared,
        pages: &[pages::Page],
        sink: Option<&dyn PageSink>,
    ) -> Result<(), Vec<Diagnostic>> {
        self.render_each(
            pages
                .par_iter()
                .map(|&page| pages::page_context(cx, page, shared)),
            sink,
        )
    }

    /// Renders the pages of the incidents `which`, whose bodies are `bodies` (in the same
    /// order), in parallel, writing each into `sink` when given.
    pub fn render_incidents(
        &self,
        cx: &ViewContext,
        shared: &pages::Shared,
        which: &[usize],
        bodies: &[Cow<str>],
        sink: Option<&dyn PageSink>,
    ) -> Result<(), Vec<Diagnostic>> {
        self.render_each(
            which
                .par_iter()
                .zip(bodies)
                .map(|(&i, body)| Ok(pages::incident_context(cx, i, shared, body))),
            sink,
        )
    }

    /// Renders each page of `contexts` and writes it into `sink` when given; returns every
    /// problem, those of making the contexts included.
    fn render_each(
        &self,
        contexts: impl ParallelIterator<Item = Result<pages::PageContext, Diagnostic>>,
        sink: Option<&dyn PageSink>,
    ) -> Result<(), Vec<Diagnostic>> {
        let problems: Vec<Diagnostic> = contexts
            .filter_map(|made| {
                let (template, url, context) = match made {
                    Ok(made) => made,
                    Err(problem) => return Some(problem),
                };
                let html = match self.tera.render(template, &context) {
                    Ok(html) => html,
                    Err(e) => return Some(templates::render_diagnostic(&e, template)),
                };
                let sink = sink?;
                let file = self.urls.output_file(&url);
                sink.write_page(&file, html.as_bytes()).err().map(|e| {
                    Diagnostic::file_error(
                        std::path::Path::new(&file),
                        format!("cannot write the page: {e}"),
                    )
                })
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

impl Renderer {
    /// Writes `sitemap.xml` (or a sitemap index and its parts) listing `pages`, and
    /// `robots.txt` pointing at it.
    pub fn write_sitemap(
        &self,
        cx: &ViewContext,
        pages: &[pages::Page],
        sink: Option<&dyn PageSink>,
    ) -> Result<(), Vec<Diagnostic>> {
        let Some(sink) = sink else {
            return Ok(());
        };
        let entries: Vec<(String, Option<jiff::civil::Date>)> = pages
            .par_iter()
            .filter(|&&page| pages::in_sitemap(cx, page))
            .map(|&page| {
                (
                    self.urls.absolute(&pages::page_url(cx, page)),
                    pages::page_lastmod(cx, page),
                )
            })
            .collect();
        let absolute = |file: &str| self.urls.absolute(&self.urls.path(file));
        let mut files = publish::sitemap::sitemaps(&entries, absolute);
        files.push((
            "robots.txt".to_string(),
            publish::sitemap::robots(&absolute("sitemap.xml")),
        ));
        write_files(sink, files, "cannot write the file").map(drop)
    }
}

/// Writes what pages load beside themselves: the search index and script, and the base
/// maps that page maps draw their marks over.
pub fn write_assets(
    cx: &ViewContext,
    shared: &pages::Shared,
    sink: &dyn PageSink,
    docs: &[crate::search_index::SearchDoc],
    inverted: crate::search_index::Inverted,
) -> Result<(), Vec<Diagnostic>> {
    let (search, maps) = rayon::join(
        || search::write_index(cx, sink, docs, inverted),
        || write_base_maps(shared, sink),
    );
    match (search, maps) {
        (Ok(_), Ok(_)) => Ok(()),
        (Err(mut a), Err(b)) => {
            a.extend(b);
            Err(a)
        }
        (Err(a), _) | (_, Err(a)) => Err(a),
    }
}

/// Writes the base maps of every page map; returns their file names.
fn write_base_maps(
    shared: &pages::Shared,
    sink: &dyn PageSink,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    write_files(sink, shared.maps.base_files(), "cannot write the map")
}

/// Writes `(name, contents)` files in parallel; returns their names, or every failure,
/// each saying `what` could not be written.
pub(crate) fn write_files<T: AsRef<[u8]> + Sync>(
    sink: &dyn PageSink,
    files: Vec<(String, T)>,
    what: &str,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let problems: Vec<Diagnostic> = files
        .par_iter()
        .filter_map(|(name, contents)| {
            sink.write_page(name, contents.as_ref())
                .err()
                .map(|e| Diagnostic::file_error(std::path::Path::new(name), format!("{what}: {e}")))
        })
        .collect();
    if problems.is_empty() {
        Ok(files.into_iter().map(|(name, _)| name).collect())
    } else {
        Err(problems)
    }
}

fn set_globals(tera: &mut Tera, site: &Site, urls: &Urls) {
    let config = &site.settings.config;
    let globals = tera.global_context();
    globals.insert(
        "site",
        &SiteGlobals {
            title: &config.title,
            description: &config.description,
            language: &config.language,
            base_path: &site.settings.base_path,
            base_url: &config.base_url,
            stylesheet: urls.path("style.css"),
            feed: urls.atom(),
        },
    );
    globals.insert(
        "nav",
        &Nav {
            home: urls.home(),
            incidents: urls.incidents(),
            regions: urls.regions(),
            groups: urls.groups(),
            types: urls.types(),
            timeline: urls.timeline(),
            data: urls.data(),
            search: urls.search(),
            map: urls.map(),
            stats: urls.stats(),
            about: urls.about(),
        },
    );
}
