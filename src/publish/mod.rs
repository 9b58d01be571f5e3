//! What readers take away besides pages: Atom feeds, data exports for researchers, the
//! sitemap and `robots.txt`. Runs after the index, beside the page renderer; every report
//! is serialised once ([`ReportData`]) and every file that lists it reuses those bytes, so
//! the many per-country, per-region, per-group and per-type files stay linear in the
//! number of reports.

pub mod columns;
pub mod feeds;
pub mod records;
pub mod sitemap;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::index::SiteIndex;
use crate::model::Incident;
use crate::output::PageSink;
use crate::render::views::ViewContext;
use crate::vocabulary::EventType;
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
    pub fn page(self, cx: &ViewContext) -> String {
        let registry = &cx.site.registry;
        match self {
            Term::Country(c) => cx.urls.country(&registry.countries[c].slug),
            Term::Region(c, r) => cx.region_link((c, r)).url,
            Term::Group(g) => cx.urls.group(&registry.groups[g].slug),
            Term::Type(t) => cx.urls.event_type(&EventType::ALL[t].slug()),
        }
    }

    /// What the term is called, for feed titles.
    pub fn name(self, cx: &ViewContext) -> String {
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
pub fn all_terms(cx: &ViewContext) -> Vec<Term> {
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

/// The serialised data of each incident in `which` (empty for reports left out of
/// exports: drafts and retracted ones).
pub fn report_data(
    cx: &ViewContext,
    which: impl IntoParallelIterator<Item = usize>,
) -> Vec<ReportData> {
    let from = records::Sources {
        registry: &cx.site.registry,
        urls: cx.urls,
    };
    which
        .into_par_iter()
        .map(|i| {
            let incident = &cx.site.incidents[i];
            if incident.is_listed() {
                ReportData::of(incident, &from)
            } else {
                ReportData::default()
            }
        })
        .collect()
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

/// Sizes for readers, in the decimal units file managers show.
fn human_size(bytes: usize) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

/// One file to produce; each is made and written on its own, in parallel.
enum Job {
    IncidentsCsv,
    EventsCsv,
    IncidentsJson,
    EventsGeojson,
    DataPackage,
    SiteFeed,
    TermFiles(Term),
    ReportJson(usize),
}

/// Writes feeds and data files into `sink` (or only measures them, for `check`), and
/// returns the site-wide downloads with their sizes for the `/data/` page.
///
/// Needs the index and each incident's [`ReportData`], in incident order.
pub fn write_data(
    cx: &ViewContext,
    data: &[ReportData],
    sink: Option<&dyn PageSink>,
    scope: &Scope,
) -> Result<Vec<Download>, Vec<Diagnostic>> {
    let terms = scope.terms.clone().unwrap_or_else(|| all_terms(cx));
    let reports: Vec<usize> = match &scope.incidents {
        Some(list) => list.clone(),
        None => cx.index.listed.clone(),
    };
    let entries = feed_entries(cx, &terms);
    let mut jobs = vec![
        Job::IncidentsCsv,
        Job::EventsCsv,
        Job::IncidentsJson,
        Job::EventsGeojson,
        Job::DataPackage,
        Job::SiteFeed,
    ];
    jobs.extend(terms.iter().map(|&t| Job::TermFiles(t)));
    jobs.extend(
        reports
            .into_iter()
            .filter(|&i| cx.site.incidents[i].is_listed())
            .map(Job::ReportJson),
    );
    let results: Vec<Result<Option<Download>, Diagnostic>> = jobs
        .par_iter()
        .map(|job| run_job(cx, data, &entries, sink, job))
        .collect();
    let mut downloads = Vec::new();
    let mut problems = Vec::new();
    for result in results {
        match result {
            Ok(Some(download)) => downloads.push(download),
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(downloads)
    } else {
        Err(problems)
    }
}

/// The feed entries every written feed needs, each written once.
fn feed_entries(cx: &ViewContext, terms: &[Term]) -> HashMap<usize, String> {
    let mut needed: Vec<usize> = cx
        .index
        .listed
        .iter()
        .take(feeds::FEED_ENTRIES)
        .copied()
        .collect();
    for term in terms {
        needed.extend(term.list(cx.index).iter().take(feeds::FEED_ENTRIES));
    }
    needed.sort_unstable();
    needed.dedup();
    needed
        .into_par_iter()
        .map(|i| (i, feeds::entry(cx, i)))
        .collect()
}

fn write(
    cx: &ViewContext,
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

fn run_job(
    cx: &ViewContext,
    data: &[ReportData],
    entries: &HashMap<usize, String>,
    sink: Option<&dyn PageSink>,
    job: &Job,
) -> Result<Option<Download>, Diagnostic> {
    let urls = cx.urls;
    let listed = &cx.index.listed;
    let download = |name: &'static str, description: &'static str, bytes: &[u8]| {
        let url = format!("{}{name}", urls.data());
        write(cx, sink, &url, bytes).map(|()| {
            Some(Download {
                name,
                url,
                bytes: bytes.len(),
                size: human_size(bytes.len()),
                description,
            })
        })
    };
    match job {
        Job::IncidentsCsv => download(
            "incidents.csv",
            "One row per published report.",
            &incidents_csv(data, listed),
        ),
        Job::EventsCsv => download(
            "events.csv",
            "One row per place, with ACLED's column names.",
            &events_csv(data, listed),
        ),
        Job::IncidentsJson => {
            let mut json = String::from("[");
            json.push_str(
                &listed
                    .iter()
                    .map(|&i| data[i].json.as_str())
                    .collect::<Vec<_>>()
                    .join(",\n"),
            );
            json.push_str("]\n");
            download(
                "incidents.json",
                "Every field of every published report, as JSON.",
                json.as_bytes(),
            )
        }
        Job::EventsGeojson => download(
            "events.geojson",
            "The rows of events.csv as GeoJSON (RFC 7946) points.",
            geojson(data, listed).as_bytes(),
        ),
        Job::DataPackage => download(
            "datapackage.json",
            "A Frictionless Data Package describing the files and their columns.",
            &data_package(cx),
        ),
        Job::SiteFeed => {
            let url = urls.atom();
            let xml = feeds::feed(
                cx,
                &feeds::FeedHead {
                    title: &cx.site.settings.config.title,
                    page: &urls.home(),
                    feed: &url,
                },
                latest_revision(cx, listed.iter().take(feeds::FEED_ENTRIES)),
                listed
                    .iter()
                    .take(feeds::FEED_ENTRIES)
                    .filter_map(|i| entries.get(i).map(String::as_str)),
            );
            write(cx, sink, &url, xml.as_bytes()).map(|()| None)
        }
        Job::TermFiles(term) => {
            let list = term.list(cx.index);
            let page = term.page(cx);
            let feed_url = urls.beside(&page, "atom.xml");
            let title = format!("{}: {}", cx.site.settings.config.title, term.name(cx));
            let xml = feeds::feed(
                cx,
                &feeds::FeedHead {
                    title: &title,
                    page: &page,
                    feed: &feed_url,
                },
                latest_revision(cx, list.iter().take(feeds::FEED_ENTRIES)),
                list.iter()
                    .take(feeds::FEED_ENTRIES)
                    .filter_map(|i| entries.get(i).map(String::as_str)),
            );
            write(cx, sink, &feed_url, xml.as_bytes())?;
            write(
                cx,
                sink,
                &urls.beside(&page, "incidents.csv"),
                &incidents_csv(data, list),
            )?;
            write(
                cx,
                sink,
                &urls.beside(&page, "incidents.geojson"),
                geojson(data, list).as_bytes(),
            )?;
            Ok(None)
        }
        Job::ReportJson(i) => {
            let incident = &cx.site.incidents[*i];
            let mut json = data[*i].json.clone();
            json.push('\n');
            write(
                cx,
                sink,
                &urls.incident_json(&incident.slug),
                json.as_bytes(),
            )
            .map(|()| None)
        }
    }
}

/// The latest revision among `list`, which a feed gives as its own `updated`.
fn latest_revision<'a>(
    cx: &ViewContext,
    list: impl Iterator<Item = &'a usize>,
) -> Option<jiff::civil::Date> {
    list.map(|&i| cx.site.incidents[i].last_revision()).max()
}

fn incidents_csv(data: &[ReportData], list: &[usize]) -> Vec<u8> {
    let mut bytes = records::csv_header(columns::INCIDENT_COLUMNS);
    for &i in list {
        bytes.extend_from_slice(&data[i].csv);
    }
    bytes
}

fn events_csv(data: &[ReportData], list: &[usize]) -> Vec<u8> {
    let mut bytes = records::csv_header(columns::EVENT_COLUMNS);
    for &i in list {
        bytes.extend_from_slice(&data[i].events_csv);
    }
    bytes
}

fn geojson(data: &[ReportData], list: &[usize]) -> String {
    let mut text = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    let features: Vec<&str> = list
        .iter()
        .map(|&i| data[i].features.as_str())
        .filter(|f| !f.is_empty())
        .collect();
    text.push_str(&features.join(",\n"));
    text.push_str("\n]}\n");
    text
}

#[derive(Serialize)]
struct DataPackage<'a> {
    profile: &'static str,
    name: String,
    title: &'a str,
    description: &'a str,
    homepage: String,
    resources: Vec<Resource>,
}

#[derive(Serialize)]
struct Resource {
    name: &'static str,
    path: &'static str,
    profile: &'static str,
    format: &'static str,
    mediatype: &'static str,
    encoding: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema: Option<TableSchema>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TableSchema {
    fields: &'static [columns::Column],
    primary_key: &'static str,
    missing_values: [&'static str; 1],
}

/// `datapackage.json` (Frictionless Data Package v1): what a loader needs to type the
/// CSV columns, with empty cells declared as missing values rather than zeros.
fn data_package(cx: &ViewContext) -> Vec<u8> {
    let config = &cx.site.settings.config;
    let table = |name, path, fields, primary_key| Resource {
        name,
        path,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: Some(TableSchema {
            fields,
            primary_key,
            missing_values: [""],
        }),
    };
    let package = DataPackage {
        profile: "tabular-data-package",
        name: {
            let slug = crate::slugs::slugify(&config.title);
            if slug.is_empty() {
                "incidents".to_string()
            } else {
                slug
            }
        },
        title: &config.title,
        description: &config.description,
        homepage: cx.urls.absolute(&cx.urls.home()),
        resources: vec![
            table(
                "incidents",
                "incidents.csv",
                columns::INCIDENT_COLUMNS,
                "id",
            ),
            table(
                "events",
                "events.csv",
                columns::EVENT_COLUMNS,
                "event_id_cnty",
            ),
        ],
    };
    let mut json = serde_json::to_vec_pretty(&package).unwrap_or_default();
    json.push(b'\n');
    json
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
