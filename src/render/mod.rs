//! Pages through Tera: the templates loaded once ([`Renderer`]), every page rendered in
//! parallel and written as soon as it is rendered, so that memory holds a few pages at a
//! time, not the whole site. The pipeline's prepare, pass and list pages stages use it.

mod inline_words;
pub mod maps;
pub mod pages;
pub mod search;
pub mod stats;
pub mod templates;
pub mod trust;
pub mod views;

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::Diagnostic;
use crate::domain::index::SiteIndex;
use crate::domain::Site;
use crate::i18n::Catalogue;
use crate::output::PageSink;
use crate::site_context::SiteContext;
use crate::urls::Urls;

/// The stylesheet built into the binary, written unless the site's `static/` has its own.
pub const STYLESHEET: &str = include_str!("../../static/style.css");

/// The script that offers a report's citation as BibTeX, built into the binary and
/// written unless the site's `static/` has its own: each report page then carries one
/// plain citation instead of a second format.
pub const CITE_SCRIPT: &str = include_str!("../../static/cite.js");

/// Where [`CITE_SCRIPT`] is written in the output, for every language.
pub const CITE_SCRIPT_FILE: &str = "cite.js";

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

/// A report as lists show it, rendered once and reused by every list that holds it (five
/// or six lists each): the full card where a list opens, a row of a table further on.
#[derive(Default)]
pub struct CardHtml {
    /// The card, by `card.html`: for the front page and the first page of each list.
    pub card: String,
    /// The row's cells, by `row.html`: for a list's further pages and the years' pages.
    pub row: String,
}

/// The templates of one site, loaded once, and the URLs they link with: what the dev
/// server keeps between saves so that re-rendering a few pages costs only those pages.
pub struct Renderer {
    tera: Tera,
    urls: Urls,
    card_data: bool,
    words: Catalogue,
    /// Every language the site is published in, for the language switch.
    languages: Vec<crate::languages::Language>,
}

impl Renderer {
    /// Loads the site's templates (built-in ones unless overridden) and sets the globals.
    pub fn new(site: &Site) -> Result<Renderer, Vec<Diagnostic>> {
        let settings = &site.settings;
        let languages = crate::languages::published(settings);
        let current = languages
            .iter()
            .find(|l| l.code == settings.config.language)
            .and_then(crate::languages::folder);
        let urls =
            Urls::for_site(&settings.config.base_url, &settings.base_path).for_language(current);
        let words = Catalogue::load(&settings.root, &settings.config.language);
        // With the site's strings in error, the templates are still checked, with the
        // built-in English ones, so that one run reports both.
        let templates = match &words {
            Ok(words) => templates::load_templates(&settings.root, words),
            Err(_) => match Catalogue::built_in("en") {
                Some(english) => templates::load_templates(&settings.root, &english),
                None => Err(Vec::new()),
            },
        };
        let (
            templates::Templates {
                mut tera,
                customised,
            },
            words,
        ) = match (templates, words) {
            (Ok(templates), Ok(words)) => (templates, words),
            (templates, words) => {
                let mut problems = words.err().unwrap_or_default();
                problems.extend(templates.err().into_iter().flatten());
                return Err(problems);
            }
        };
        set_globals(&mut tera, site, &urls);
        Ok(Renderer {
            tera,
            urls,
            card_data: customised,
            words,
            languages,
        })
    }

    /// Whether list pages carry their cards' data besides their HTML: only when the site
    /// has templates of its own, since the built-in ones never read it and making it
    /// for every card of every list page more than doubled the list pages' time.
    pub fn card_data(&self) -> bool {
        self.card_data
    }

    /// What views of `site` and `index` are built from.
    pub fn view<'a>(&'a self, site: &'a Site, index: &'a SiteIndex) -> SiteContext<'a> {
        SiteContext {
            site,
            index,
            urls: &self.urls,
            words: &self.words,
            languages: &self.languages,
        }
    }

    /// The card and the row HTML of each incident in `which`, in order.
    pub fn cards(
        &self,
        cx: &SiteContext,
        which: impl IntoParallelIterator<Item = usize>,
    ) -> Result<Vec<CardHtml>, Vec<Diagnostic>> {
        which
            .into_par_iter()
            .map(|i| {
                let mut context = Context::new();
                context.insert("card", &cx.card(i));
                // Tera's output keeps room to grow; cards are kept for the whole build.
                let render = |template: &str| {
                    self.tera
                        .render(template, &context)
                        .map(|mut html| {
                            // A row sits inside `<tr>`: the template file's last line
                            // break would only add a byte to every row of every page.
                            html.truncate(html.trim_end().len());
                            html.shrink_to_fit();
                            html
                        })
                        .map_err(|e| templates::render_diagnostic(&e, template))
                };
                Ok(CardHtml {
                    card: render("card.html")?,
                    row: render("row.html")?,
                })
            })
            .collect::<Result<_, Diagnostic>>()
            .map_err(|e| vec![e])
    }

    /// Renders `pages` in parallel, writing each into `sink` when given.
    pub fn render_pages(
        &self,
        cx: &SiteContext,
        parts: &pages::PageParts,
        pages: &[pages::Page],
        sink: Option<&dyn PageSink>,
    ) -> Result<(), Vec<Diagnostic>> {
        self.render_each(
            pages
                .par_iter()
                .map(|&page| pages::page_context(cx, page, parts)),
            sink,
        )
    }

    /// Renders the pages of the incidents `which`, whose bodies are `bodies` and whose
    /// JSON records are `records` (in the same order; `records` may be empty, and each
    /// page then makes its own), in parallel, writing each into `sink` when given.
    pub fn render_incidents(
        &self,
        cx: &SiteContext,
        parts: &pages::PageParts,
        which: &[usize],
        bodies: &[Cow<str>],
        records: &[&str],
        sink: Option<&dyn PageSink>,
    ) -> Result<(), Vec<Diagnostic>> {
        self.render_each(
            which
                .par_iter()
                .zip(bodies)
                .enumerate()
                .map(|(k, (&i, body))| {
                    let content = pages::report::Content {
                        body_html: body,
                        record: records.get(k).copied(),
                    };
                    Ok(pages::incident_context(cx, i, parts, content))
                }),
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
