//! Writing the data exports: the site-wide files under `/data/`, the `incidents.csv` and
//! `incidents.geojson` beside every country, region, group and type page, and each
//! report's own `incident.json`.
//!
//! A full build serialises reports a chunk at a time and appends each chunk to every file
//! that lists its reports, so memory holds one chunk's records, never a whole file: at
//! 100,000 reports `incidents.json` alone is over 500 MB.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::listing::{self, Listing};
use super::{all_terms, columns, feeds, package, records, Download, ReportData, Scope};
use super::{write_file, Term};
use crate::diagnostics::Diagnostic;
use crate::output::PageSink;
use crate::site_context::SiteContext;

/// The data files of a full build, being written a chunk of reports at a time: each
/// chunk is appended to the site-wide files and, as a run of each term's list, to the
/// files beside every term's page, so memory holds one chunk's records, never a file.
pub struct ExportStream<'s> {
    terms: Vec<super::Term>,
    site: SiteListings<'s>,
    term_files: Vec<TermListings<'s>>,
    /// Each incident's position in the site's list (`usize::MAX` if not listed).
    position: Vec<usize>,
    /// How many of the site's list are written.
    done: usize,
}

impl<'s> ExportStream<'s> {
    /// Opens every data file in `sink` (without a sink, `check`, only measures them).
    pub fn open(
        cx: &SiteContext,
        sink: Option<&'s dyn PageSink>,
    ) -> Result<ExportStream<'s>, Vec<Diagnostic>> {
        let terms = all_terms(cx);
        let site = SiteListings::open(cx, sink).map_err(|e| vec![e])?;
        let term_files = terms
            .par_iter()
            .map(|&term| TermListings::open(cx, sink, term))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| vec![e])?;
        let mut position = vec![usize::MAX; cx.site.incidents.len()];
        for (p, &i) in cx.index.listed.iter().enumerate() {
            position[i] = p;
        }
        Ok(ExportStream {
            terms,
            site,
            term_files,
            position,
            done: 0,
        })
    }

    /// Every term, in the order their files are written.
    pub fn terms(&self) -> &[super::Term] {
        &self.terms
    }

    /// Writes the next `chunk` of the site's list, whose records are `records`: each
    /// report's own JSON, and its rows of every file that lists it.
    pub fn push(
        &mut self,
        cx: &SiteContext,
        chunk: &[usize],
        records: &[ReportData],
    ) -> Result<(), Vec<Diagnostic>> {
        let start = self.done;
        let end = start + chunk.len();
        debug_assert_eq!(chunk, &cx.index.listed[start..end]);
        let position = &self.position;
        let record_of = |i: usize| &records[position[i] - start];
        let sink = self.site.sink;
        let site = &mut self.site;
        let term_files = &mut self.term_files;
        let ((mut problems, site_wide), term_wide) = rayon::join(
            || {
                rayon::join(
                    || write_report_jsons(cx, sink, chunk, records),
                    || site.push(&records.iter().collect::<Vec<_>>()),
                )
            },
            || {
                term_files
                    .par_iter_mut()
                    .filter_map(|files| {
                        files.push_while(cx, |i| position[i] < end, record_of).err()
                    })
                    .collect::<Vec<_>>()
            },
        );
        problems.extend(site_wide.err());
        problems.extend(term_wide);
        self.done = end;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Closes every file and writes the data package; returns the site-wide downloads.
    pub fn finish(self, cx: &SiteContext) -> Result<Vec<Download>, Vec<Diagnostic>> {
        let sink = self.site.sink;
        let problems: Vec<Diagnostic> = self
            .term_files
            .into_par_iter()
            .filter_map(|files| files.finish().err())
            .collect();
        with_package(cx, sink, self.site.finish(), problems)
    }
}

/// Writes feeds and data files from records already made (the dev server's), limited to
/// `scope`; returns the site-wide downloads with their sizes.
pub fn write_data(
    cx: &SiteContext,
    data: &[ReportData],
    sink: Option<&dyn PageSink>,
    scope: &Scope,
) -> Result<Vec<Download>, Vec<Diagnostic>> {
    let listed = &cx.index.listed;
    let reports = scope.incidents.as_deref().unwrap_or(listed);
    let terms = scope.terms.clone().unwrap_or_else(|| all_terms(cx));
    let ((own_files, site_wide), (term_wide, feeds)) = rayon::join(
        || {
            rayon::join(
                || {
                    let listed: Vec<usize> = reports
                        .iter()
                        .copied()
                        .filter(|&i| cx.site.incidents[i].is_listed())
                        .collect();
                    let records: Vec<&ReportData> = listed.iter().map(|&i| &data[i]).collect();
                    write_report_jsons(cx, sink, &listed, records)
                },
                || -> Result<Vec<Download>, Diagnostic> {
                    let mut site = SiteListings::open(cx, sink)?;
                    site.push(&listed.iter().map(|&i| &data[i]).collect::<Vec<_>>())?;
                    site.finish()
                },
            )
        },
        || {
            rayon::join(
                || {
                    terms
                        .par_iter()
                        .filter_map(|&term| {
                            TermListings::open(cx, sink, term)
                                .and_then(|mut files| {
                                    files.push_while(cx, |_| true, |i| &data[i])?;
                                    files.finish()
                                })
                                .err()
                        })
                        .collect::<Vec<_>>()
                },
                || feeds::write_feeds(cx, sink, &terms, &FxHashMap::default()),
            )
        },
    );
    let mut problems = own_files;
    problems.extend(term_wide);
    problems.extend(feeds.err().into_iter().flatten());
    with_package(cx, sink, site_wide, problems)
}

/// Writes the data package; returns the site-wide downloads, the package last, or every
/// problem met on the way (`problems` and those of the site-wide files).
fn with_package(
    cx: &SiteContext,
    sink: Option<&dyn PageSink>,
    site_wide: Result<Vec<Download>, Diagnostic>,
    mut problems: Vec<Diagnostic>,
) -> Result<Vec<Download>, Vec<Diagnostic>> {
    match (site_wide, write_package(cx, sink)) {
        (Ok(mut downloads), Ok(package)) if problems.is_empty() => {
            downloads.push(package);
            Ok(downloads)
        }
        (site_wide, package) => {
            problems.extend(site_wide.err());
            problems.extend(package.err());
            Err(problems)
        }
    }
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

/// The site-wide files being written, in [`SITE_WIDE`]'s order, with their URLs.
struct SiteListings<'s> {
    files: Vec<(String, Listing<'s>)>,
    sink: Option<&'s dyn PageSink>,
}

impl<'s> SiteListings<'s> {
    fn open(
        cx: &SiteContext,
        sink: Option<&'s dyn PageSink>,
    ) -> Result<SiteListings<'s>, Diagnostic> {
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
            let file = Listing::open(sink, cx.urls.output_file(&url), shape)?;
            files.push((url, file));
        }
        Ok(SiteListings { files, sink })
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

    fn finish(self) -> Result<Vec<Download>, Diagnostic> {
        let mut downloads = Vec::with_capacity(SITE_WIDE.len());
        for ((url, file), site_file) in self.files.into_iter().zip(SITE_WIDE) {
            let (_, bytes) = file.finish()?;
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

/// The two data files beside a term's page, and how far down the term's list they are.
struct TermListings<'s> {
    term: Term,
    csv: Listing<'s>,
    geojson: Listing<'s>,
    done: usize,
}

impl<'s> TermListings<'s> {
    fn open(
        cx: &SiteContext,
        sink: Option<&'s dyn PageSink>,
        term: Term,
    ) -> Result<TermListings<'s>, Diagnostic> {
        let page = term.page(cx);
        let file = |name| cx.urls.output_file(&cx.urls.beside(&page, name));
        let header = records::csv_header(columns::INCIDENT_COLUMNS);
        let mut csv = Listing::open(sink, file("incidents.csv"), listing::csv(&header))?;
        let mut geojson =
            Listing::open(sink, file("incidents.geojson"), listing::FEATURE_COLLECTION)?;
        csv.pause()?;
        geojson.pause()?;
        Ok(TermListings {
            term,
            csv,
            geojson,
            done: 0,
        })
    }

    /// Appends the term's next reports for as long as `due` holds, taking their records
    /// from `record_of`. The term's list is in the site's order, so a chunk of the site's
    /// list is a run of the term's, and each call goes on where the last stopped.
    fn push_while<'r>(
        &mut self,
        cx: &SiteContext,
        due: impl Fn(usize) -> bool,
        record_of: impl Fn(usize) -> &'r ReportData,
    ) -> Result<(), Diagnostic> {
        let list = self.term.list(cx.index);
        let count = list[self.done..].iter().take_while(|&&i| due(i)).count();
        if count == 0 {
            return Ok(());
        }
        for &i in &list[self.done..self.done + count] {
            let record = record_of(i);
            self.csv.push(&record.csv)?;
            self.geojson.push(record.features.as_bytes())?;
        }
        self.done += count;
        self.csv.pause()?;
        self.geojson.pause()
    }

    fn finish(self) -> Result<(), Diagnostic> {
        self.csv.finish()?;
        self.geojson.finish().map(drop)
    }
}

/// Writes the own `incident.json` of each report of `which`, from its record.
fn write_report_jsons<'r>(
    cx: &SiteContext,
    sink: Option<&dyn PageSink>,
    which: &[usize],
    records: impl IntoParallelIterator<Item = &'r ReportData, Iter: IndexedParallelIterator>,
) -> Vec<Diagnostic> {
    which
        .par_iter()
        .zip(records)
        .filter_map(|(&i, record)| {
            let mut json = String::with_capacity(record.json.len() + 1);
            json.push_str(&record.json);
            json.push('\n');
            let url = cx.urls.incident_json(&cx.site.incidents[i].slug);
            write_file(cx, sink, &url, json.as_bytes()).err()
        })
        .collect()
}

/// Writes `datapackage.json`; returns its download.
fn write_package(cx: &SiteContext, sink: Option<&dyn PageSink>) -> Result<Download, Diagnostic> {
    let name = "datapackage.json";
    let url = format!("{}{name}", cx.urls.data());
    let bytes = package::data_package(cx);
    write_file(cx, sink, &url, &bytes)?;
    Ok(Download::new(
        name,
        url,
        bytes.len(),
        "A Frictionless Data Package describing the files and their columns.",
    ))
}
