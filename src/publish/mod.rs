//! What readers take away besides pages: Atom feeds, data exports for researchers, the
//! sitemap and `robots.txt`. Runs after the index, beside the page renderer; every report
//! is serialised once ([`ReportData`]) and every file that lists it reuses those bytes, so
//! the many per-country, per-region, per-group and per-type files stay linear in the
//! number of reports.

pub mod columns;
mod exports;
pub mod feeds;
pub mod listing;
mod package;
pub mod records;
pub mod sitemap;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::index::SiteIndex;
use crate::model::Incident;
use crate::output::PageSink;
use crate::site_context::SiteContext;
use crate::vocabulary::EventType;
pub use exports::{write_data, ExportStream};
pub use records::ReportData;

/// A list of the site that has its own page, feed and data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// A country, by registry position.
    Country(usize),
    /// A region, as (country, region).
    Region(usize, usize),
    /// A group, by registry position.
    Group(usize),
    /// An event type, by vocabulary position.
    Type(usize),
}

impl Term {
    /// The term's incidents, newest first.
    pub fn list(self, index: &SiteIndex) -> &[usize] {
        match self {
            Term::Country(c) => &index.by_country[c],
            Term::Region(c, r) => &index.by_region[c][r],
            Term::Group(g) => &index.by_group[g],
            Term::Type(t) => &index.by_type[t],
        }
    }

    /// The URL of the term's first page; its files sit beside it.
    pub fn page(self, cx: &SiteContext) -> String {
        let registry = &cx.site.registry;
        match self {
            Term::Country(c) => cx.urls.country(&registry.countries[c].slug),
            Term::Region(c, r) => cx.region_link((c, r)).url,
            Term::Group(g) => cx.urls.group(&registry.groups[g].slug),
            Term::Type(t) => cx.urls.event_type(&EventType::ALL[t].slug()),
        }
    }

    /// What the term is called, for feed titles.
    pub fn name(self, cx: &SiteContext) -> String {
        let registry = &cx.site.registry;
        match self {
            Term::Country(c) => registry.countries[c].name.clone(),
            Term::Region(c, r) => format!(
                "{}, {}",
                registry.countries[c].regions[r].name, registry.countries[c].name
            ),
            Term::Group(g) => registry.groups[g].name.clone(),
            Term::Type(t) => EventType::ALL[t].title(),
        }
    }
}

/// Every term of the site, in registry order.
pub fn all_terms(cx: &SiteContext) -> Vec<Term> {
    let registry = &cx.site.registry;
    let mut terms = Vec::new();
    for (c, country) in registry.countries.iter().enumerate() {
        terms.push(Term::Country(c));
        terms.extend((0..country.regions.len()).map(|r| Term::Region(c, r)));
    }
    terms.extend((0..registry.groups.len()).map(Term::Group));
    terms.extend((0..EventType::ALL.len()).map(Term::Type));
    terms
}

/// The terms whose lists `incident` appears in.
pub fn terms_of(incident: &Incident) -> Vec<Term> {
    let mut terms = vec![Term::Country(incident.country)];
    terms.extend(incident.regions.iter().map(|&(c, r)| Term::Region(c, r)));
    terms.extend(incident.actors.iter().map(|a| Term::Group(a.group)));
    terms.extend(incident.event_type.map(|t| Term::Type(t.index())));
    terms.sort();
    terms.dedup();
    terms
}

/// The serialised data of each incident in `which`, bodies taken from the site (empty
/// for reports left out of exports: drafts and retracted ones).
pub fn report_data(
    cx: &SiteContext,
    which: impl IntoParallelIterator<Item = usize>,
) -> Result<Vec<ReportData>, Vec<Diagnostic>> {
    which
        .into_par_iter()
        .map(|i| {
            if cx.site.incidents[i].is_listed() {
                Ok(record(cx, i, &cx.site.body(i)?))
            } else {
                Ok(ReportData::default())
            }
        })
        .collect::<Result<_, _>>()
        .map_err(|e| vec![e])
}

/// The serialised data of incident `i`, whose body is `body_html`.
pub fn record(cx: &SiteContext, i: usize, body_html: &str) -> ReportData {
    ReportData::of(&cx.site.incidents[i], body_html, &sources(cx))
}

fn sources<'a>(cx: &SiteContext<'a>) -> records::Sources<'a> {
    records::Sources {
        registry: &cx.site.registry,
        urls: cx.urls,
    }
}

/// Which files to write: everything, or after one edit in the dev server only the files
/// of the terms and reports it touched (the site-wide files are always written).
#[derive(Debug, Default)]
pub struct Scope {
    /// Terms whose files are written; `None` for all.
    pub terms: Option<Vec<Term>>,
    /// Reports whose own JSON is written; `None` for all.
    pub incidents: Option<Vec<usize>>,
}

/// A site-wide download, as the `/data/` page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Download {
    /// The file name.
    pub name: &'static str,
    /// Its URL.
    pub url: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its size for readers ("12.4 KB").
    pub size: String,
    /// What it holds.
    pub description: &'static str,
}

impl Download {
    fn new(name: &'static str, url: String, bytes: usize, description: &'static str) -> Self {
        Download {
            name,
            url,
            bytes,
            size: human_size(bytes),
            description,
        }
    }
}

/// Writes one whole file at `url` into `sink`; without a sink (`check`) does nothing.
fn write_file(
    cx: &SiteContext,
    sink: Option<&dyn PageSink>,
    url: &str,
    bytes: &[u8],
) -> Result<(), Diagnostic> {
    let Some(sink) = sink else {
        return Ok(());
    };
    let file = cx.urls.output_file(url);
    sink.write_page(&file, bytes).map_err(|e| {
        Diagnostic::file_error(
            std::path::Path::new(&file),
            format!("cannot write the file: {e}"),
        )
    })
}

/// Sizes for readers, in the decimal units file managers show.
fn human_size(bytes: usize) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(999), "999 bytes");
        assert_eq!(human_size(12_400), "12.4 KB");
        assert_eq!(human_size(3_260_000), "3.3 MB");
    }
}
