//! Writing the data exports: the site-wide files under `/data/`, the `incidents.csv` and
//! `incidents.geojson` beside every country, region, group and type page, and each
//! report's own `incident.json`.
//!
//! A full build serialises reports a chunk at a time and appends each chunk to every file
//! that lists its reports, so memory holds one chunk's records, never a whole file: at
//! 100,000 reports `incidents.json` alone is over 500 MB.

use rayon::prelude::*;

use super::listing::{self, Listing};
use super::{all_terms, columns, feeds, package, records, sources, Download, ReportData, Scope};
use super::{write_file, Term};
use crate::diagnostics::Diagnostic;
use crate::output::PageSink;
use crate::render::views::ViewContext;

/// What [`export_all`] leaves for the pages and, in the dev server, for later saves.
pub struct Exports {
    /// Each incident's records, in incident order, when asked to keep them; else empty.
    pub data: Vec<ReportData>,
    /// The site-wide downloads with their sizes, for the `/data/` page.
    pub downloads: Vec<Download>,
}

/// How many reports are serialised at a time in a full build: enough to keep both cores
/// busy, few enough that their records are a few megabytes, not the whole site's.
const EXPORT_CHUNK: usize = 2048;

/// Serialises every report and writes every feed and data file into `sink` (or only
/// measures them, for `check`). Needs the index.
///
/// Records are made a chunk at a time and dropped once written, unless `keep` (the dev
/// server rewrites files from them after a save).
pub fn export_all(
    cx: &ViewContext,
    sink: Option<&dyn PageSink>,
    keep: bool,
) -> Result<Exports, Vec<Diagnostic>> {
    export_in_chunks(cx, sink, keep, EXPORT_CHUNK)
}

/// [`export_all`], `chunk` reports at a time.
fn export_in_chunks(
    cx: &ViewContext,
    sink: Option<&dyn PageSink>,
    keep: bool,
    chunk_size: usize,
) -> Result<Exports, Vec<Diagnostic>> {
    let from = sources(cx);
    let listed = &cx.index.listed;
    let terms = all_terms(cx);
    let mut site = SiteListings::open(cx, sink).map_err(|e| vec![e])?;
    let mut term_files = terms
        .par_iter()
        .map(|&term| TermListings::open(cx, sink, term))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| vec![e])?;
    let mut position = vec![usize::MAX; cx.site.incidents.len()];
    for (p, &i) in listed.iter().enumerate() {
        position[i] = p;
    }
    let mut kept = Vec::new();
    for (c, chunk) in listed.chunks(chunk_size).enumerate() {
        let start = c * chunk_size;
        let fresh: Vec<ReportData> = chunk
            .par_iter()
            .map(|&i| ReportData::of(&cx.site.incidents[i], &from))
            .collect();
        // The report files, the site-wide files and the term files, side by side.
        let record_of = |i: usize| &fresh[position[i] - start];
        let end = start + chunk.len();
        let ((mut problems, site_wide), term_wide) = rayon::join(
            || {
                rayon::join(
                    || write_report_jsons(cx, sink, chunk, &fresh),
                    || site.push(&fresh.iter().collect::<Vec<_>>()),
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
        if !problems.is_empty() {
            return Err(problems);
        }
        if keep {
            kept.extend(chunk.iter().copied().zip(fresh));
        }
    }
    let mut problems: Vec<Diagnostic> = term_files
        .into_par_iter()
        .filter_map(|files| files.finish().err())
        .collect();
    problems.extend(
        feeds::write_feeds(cx, sink, &terms)
            .err()
            .into_iter()
            .flatten(),
    );
    let downloads = with_package(cx, sink, site.finish(), problems)?;
    let mut data = Vec::new();
    if keep {
        data = vec![ReportData::default(); cx.site.incidents.len()];
        for (i, record) in kept {
            data[i] = record;
        }
    }
    Ok(Exports { data, downloads })
}

/// Writes feeds and data files from records already made (the dev server's), limited to
/// `scope`; returns the site-wide downloads with their sizes.
pub fn write_data(
    cx: &ViewContext,
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
                || feeds::write_feeds(cx, sink, &terms),
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
    cx: &ViewContext,
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
}

impl<'s> SiteListings<'s> {
    fn open(
        cx: &ViewContext,
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
        cx: &ViewContext,
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
        cx: &ViewContext,
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
    cx: &ViewContext,
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
fn write_package(cx: &ViewContext, sink: Option<&dyn PageSink>) -> Result<Download, Diagnostic> {
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use super::*;
    use crate::output::InPlace;
    use crate::render::Renderer;
    use crate::settings::{BuildOptions, Settings};

    /// Every file the exports of the publish fixture make, `chunk` reports at a time,
    /// with the records kept.
    fn exported(chunk: usize) -> (BTreeMap<String, Vec<u8>>, Vec<ReportData>) {
        let options = BuildOptions {
            root: PathBuf::from("tests/fixtures/publish"),
            ..BuildOptions::default()
        };
        let settings = Settings::resolve(&options).expect("fixture settings");
        let (site, _) = crate::load::load_site(settings).expect("fixture loads");
        let index = crate::index::build_index(&site);
        let renderer = Renderer::new(&site).expect("templates");
        let cx = renderer.view(&site, &index);
        let dir = tempfile::tempdir().unwrap();
        let sink = InPlace {
            dir: dir.path().to_path_buf(),
        };
        let exports = export_in_chunks(&cx, Some(&sink), true, chunk).expect("exports");
        let files = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let name = e.path().strip_prefix(dir.path()).unwrap();
                (name.display().to_string(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        (files, exports.data)
    }

    #[test]
    fn the_chunk_size_changes_no_byte_of_any_file() {
        let (one_by_one, kept_small) = exported(1);
        let (all_at_once, kept_whole) = exported(EXPORT_CHUNK);
        assert_eq!(
            one_by_one.keys().collect::<Vec<_>>(),
            all_at_once.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &all_at_once {
            assert!(one_by_one[name] == *bytes, "{name} differs");
        }
        // A list with several reports went through several chunks, paused in between.
        let mali = String::from_utf8_lossy(&all_at_once["regions/mali/incidents.csv"]);
        assert!(mali.lines().count() > 3, "{mali}");
        let kept = |data: &[ReportData]| data.iter().filter(|d| !d.json.is_empty()).count();
        assert_eq!(kept(&kept_small), kept(&kept_whole));
        assert!(kept(&kept_whole) > 3);
    }
}
