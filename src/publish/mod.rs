//! What readers take away besides pages: Atom feeds, data exports for researchers, the
//! sitemap and `robots.txt`. Runs after the index, beside the page renderer; every report
//! is serialised once ([`ReportData`]) and every file that lists it reuses those bytes, so
//! the many per-country, per-region, per-group and per-type files stay linear in the
//! number of reports.

pub mod columns;
pub mod feeds;
pub mod listing;
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
    let from = sources(cx);
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

fn sources<'a>(cx: &ViewContext<'a>) -> records::Sources<'a> {
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

/// Sizes for readers, in the decimal units file managers show.
fn human_size(bytes: usize) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

/// What [`export_all`] leaves for the pages and, in the dev server, for later saves.
pub struct Exports {
    /// Each incident's records, in incident order; whole only when asked to keep them.
    pub data: Vec<ReportData>,
    /// The site-wide downloads with their sizes, for the `/data/` page.
    pub downloads: Vec<Download>,
}

/// How many reports are serialised at a time in a full build: enough to keep both cores
/// busy, few enough that their records are a few megabytes, not the whole site's.
const EXPORT_CHUNK: usize = 2048;

/// Serialises every report and writes every feed and data file into `sink` (or only
/// measures them, for `check`).
///
/// Needs the index. The site-wide files are written as reports are serialised, so memory
/// holds one chunk of full records at a time; the parts only those files need (the JSON
/// record, the largest, and the event rows) are dropped once written unless
/// `keep_whole` (the dev server rewrites the site-wide files from them after a save).
pub fn export_all(
    cx: &ViewContext,
    sink: Option<&dyn PageSink>,
    keep_whole: bool,
) -> Result<Exports, Vec<Diagnostic>> {
    let from = sources(cx);
    let mut site = SiteListings::open(cx, sink).map_err(|e| vec![e])?;
    let mut data = vec![ReportData::default(); cx.site.incidents.len()];
    let mut problems = Vec::new();
    for chunk in cx.index.listed.chunks(EXPORT_CHUNK) {
        let fresh: Vec<ReportData> = chunk
            .par_iter()
            .map(|&i| ReportData::of(&cx.site.incidents[i], &from))
            .collect();
        let (own_files, site_wide) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .zip(&fresh)
                    .filter_map(|(&i, record)| write_report_json(cx, sink, i, record).err())
                    .collect::<Vec<_>>()
            },
            || site.push(&fresh.iter().collect::<Vec<_>>()),
        );
        problems.extend(own_files);
        if let Err(problem) = site_wide {
            problems.push(problem);
            break;
        }
        for (&i, mut record) in chunk.iter().zip(fresh) {
            if !keep_whole {
                record.json = String::new();
                record.events_csv = Vec::new();
            }
            data[i] = record;
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut downloads = site.finish()?;
    downloads.extend(write_lists(cx, &data, sink, &all_terms(cx))?);
    Ok(Exports { data, downloads })
}

/// Writes feeds and data files from records already made (the dev server's, which keep
/// their JSON), limited to `scope`; returns the site-wide downloads with their sizes.
pub fn write_data(
    cx: &ViewContext,
    data: &[ReportData],
    sink: Option<&dyn PageSink>,
    scope: &Scope,
) -> Result<Vec<Download>, Vec<Diagnostic>> {
    let listed = &cx.index.listed;
    let reports = scope.incidents.as_deref().unwrap_or(listed);
    let (own_files, site_wide) = rayon::join(
        || {
            reports
                .par_iter()
                .filter(|&&i| cx.site.incidents[i].is_listed())
                .filter_map(|&i| write_report_json(cx, sink, i, &data[i]).err())
                .collect::<Vec<_>>()
        },
        || -> Result<Vec<Download>, Vec<Diagnostic>> {
            let mut site = SiteListings::open(cx, sink).map_err(|e| vec![e])?;
            site.push(&listed.iter().map(|&i| &data[i]).collect::<Vec<_>>())
                .map_err(|e| vec![e])?;
            site.finish()
        },
    );
    if !own_files.is_empty() {
        return Err(own_files);
    }
    let mut downloads = site_wide?;
    let terms = scope.terms.clone().unwrap_or_else(|| all_terms(cx));
    downloads.extend(write_lists(cx, data, sink, &terms)?);
    Ok(downloads)
}

/// A site-wide file that lists every published report, newest first.
struct SiteFile {
    /// Which part of a report's records it takes.
    part: fn(&ReportData) -> &[u8],
    name: &'static str,
    /// What it holds, for the `/data/` page.
    description: &'static str,
}

const SITE_WIDE: [SiteFile; 4] = [
    SiteFile {
        part: |r| &r.csv,
        name: "incidents.csv",
        description: "One row per published report.",
    },
    SiteFile {
        part: |r| &r.events_csv,
        name: "events.csv",
        description: "One row per place, with ACLED's column names.",
    },
    SiteFile {
        part: |r| r.json.as_bytes(),
        name: "incidents.json",
        description: "Every field of every published report, as JSON.",
    },
    SiteFile {
        part: |r| r.features.as_bytes(),
        name: "events.geojson",
        description: "The rows of events.csv as GeoJSON (RFC 7946) points.",
    },
];

/// The site-wide files being written, in [`SITE_WIDE`]'s order.
struct SiteListings {
    files: Vec<(String, listing::Listing)>,
}

impl SiteListings {
    fn open(cx: &ViewContext, sink: Option<&dyn PageSink>) -> Result<SiteListings, Diagnostic> {
        let incidents_header = records::csv_header(columns::INCIDENT_COLUMNS);
        let events_header = records::csv_header(columns::EVENT_COLUMNS);
        let shapes = [
            listing::csv(&incidents_header),
            listing::csv(&events_header),
            listing::JSON_ARRAY,
            listing::FEATURE_COLLECTION,
        ];
        let mut files = Vec::with_capacity(SITE_WIDE.len());
        for (site_file, shape) in SITE_WIDE.iter().zip(shapes) {
            let url = format!("{}{}", cx.urls.data(), site_file.name);
            let file = listing::Listing::open(sink, cx.urls.output_file(&url), shape)?;
            files.push((url, file));
        }
        Ok(SiteListings { files })
    }

    /// Appends `records` to every file, the files side by side.
    fn push(&mut self, records: &[&ReportData]) -> Result<(), Diagnostic> {
        self.files
            .par_iter_mut()
            .zip(SITE_WIDE.par_iter())
            .try_for_each(|((_, file), site_file)| {
                records
                    .iter()
                    .try_for_each(|&record| file.push((site_file.part)(record)))
            })
    }

    fn finish(self) -> Result<Vec<Download>, Vec<Diagnostic>> {
        let mut downloads = Vec::with_capacity(SITE_WIDE.len());
        for ((url, file), site_file) in self.files.into_iter().zip(SITE_WIDE) {
            let (_, bytes) = file.finish().map_err(|e| vec![e])?;
            downloads.push(Download::new(
                site_file.name,
                url,
                bytes,
                site_file.description,
            ));
        }
        Ok(downloads)
    }
}

/// Writes incident `i`'s own `incident.json`.
fn write_report_json(
    cx: &ViewContext,
    sink: Option<&dyn PageSink>,
    i: usize,
    record: &ReportData,
) -> Result<(), Diagnostic> {
    let mut json = String::with_capacity(record.json.len() + 1);
    json.push_str(&record.json);
    json.push('\n');
    let url = cx.urls.incident_json(&cx.site.incidents[i].slug);
    write(cx, sink, &url, json.as_bytes())
}

/// One file to produce besides the site-wide listings; each is made and written on its
/// own, in parallel.
enum Job {
    DataPackage,
    SiteFeed,
    TermFiles(Term),
}

/// Writes the data package, the site's feed and the feed and data files of `terms`;
/// returns the data package's download.
fn write_lists(
    cx: &ViewContext,
    data: &[ReportData],
    sink: Option<&dyn PageSink>,
    terms: &[Term],
) -> Result<Vec<Download>, Vec<Diagnostic>> {
    let entries = feed_entries(cx, terms);
    let mut jobs = vec![Job::DataPackage, Job::SiteFeed];
    jobs.extend(terms.iter().map(|&t| Job::TermFiles(t)));
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
    match job {
        Job::DataPackage => {
            let name = "datapackage.json";
            let url = format!("{}{name}", urls.data());
            let bytes = data_package(cx);
            write(cx, sink, &url, &bytes)?;
            Ok(Some(Download::new(
                name,
                url,
                bytes.len(),
                "A Frictionless Data Package describing the files and their columns.",
            )))
        }
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
            let header = records::csv_header(columns::INCIDENT_COLUMNS);
            listing::write_listing(
                sink,
                urls.output_file(&urls.beside(&page, "incidents.csv")),
                listing::csv(&header),
                list.iter().map(|&i| &data[i].csv[..]),
            )?;
            listing::write_listing(
                sink,
                urls.output_file(&urls.beside(&page, "incidents.geojson")),
                listing::FEATURE_COLLECTION,
                list.iter().map(|&i| data[i].features.as_bytes()),
            )?;
            Ok(None)
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
