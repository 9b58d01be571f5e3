//! Writing the data exports: the site-wide files under `/data/`, the `incidents.csv.gz`
//! and `incidents.geojson.gz` beside every country, region, group and type page. A
//! report's own record is not a file: its page holds it ([`crate::render`]).
//!
//! A full build serialises reports a chunk at a time and appends each chunk to every file
//! that lists its reports, so memory holds one chunk's records, never a whole file: at
//! 100,000 reports the site-wide files are over 450 MB before compression. The dev server writes through
//! the same [`ExportStream`], over the [`Scope`] a save reaches and with the records it
//! keeps, in one chunk.

use rayon::prelude::*;

use super::listing::{self, Listing};
use super::write_file;
use super::{changes, columns, package, records, Download, ReportData, Scope};
use crate::diagnostics::Diagnostic;
use crate::i18n::Catalogue;
use crate::lists::{lists_with_files, ListKey, LIST_CSV, LIST_GEOJSON};
use crate::output::PageSink;
use crate::site_context::SiteContext;

/// The data files of a full build, being written a chunk of reports at a time: each
/// chunk is appended to the site-wide files and, as a run of each list's list, to the
/// files beside every list's page, so memory holds one chunk's records, never a file.
pub struct ExportStream<'s> {
    lists: Vec<ListKey>,
    site: SiteListings<'s>,
    list_files: Vec<ListFiles<'s>>,
    /// How many of the site's list are written.
    done: usize,
}

impl<'s> ExportStream<'s> {
    /// Opens the data files of `scope` in `sink` (without a sink, `check`, only measures
    /// them): the site-wide files always, the files of its lists.
    pub fn open(
        cx: &SiteContext,
        sink: Option<&'s dyn PageSink>,
        scope: &Scope,
    ) -> Result<ExportStream<'s>, Vec<Diagnostic>> {
        let lists = scope
            .lists
            .clone()
            .unwrap_or_else(|| lists_with_files(cx.site));
        let site = SiteListings::open(cx, sink).map_err(|e| vec![e])?;
        let list_files = lists
            .par_iter()
            .map(|&key| ListFiles::open(cx, sink, key))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| vec![e])?;
        Ok(ExportStream {
            lists,
            site,
            list_files,
            done: 0,
        })
    }

    /// The lists whose files are written, in order.
    pub fn lists(&self) -> &[ListKey] {
        &self.lists
    }

    /// Writes the next `chunk` of the site's list, taking each report's records from
    /// `record_of`: its rows of every file that lists it.
    pub fn push<'r>(
        &mut self,
        cx: &SiteContext,
        chunk: &[usize],
        record_of: impl Fn(usize) -> &'r ReportData + Sync,
    ) -> Result<(), Vec<Diagnostic>> {
        let start = self.done;
        let end = start + chunk.len();
        debug_assert_eq!(chunk, &cx.index.listed[start..end]);
        let position = &cx.index.listed_at;
        let record_of = &record_of;
        let site = &mut self.site;
        let list_files = &mut self.list_files;
        let (site_wide, list_wide) = rayon::join(
            || site.push(&chunk.iter().map(|&i| record_of(i)).collect::<Vec<_>>()),
            || {
                list_files
                    .par_iter_mut()
                    .filter_map(|files| {
                        files.push_while(cx, |i| position[i] < end, record_of).err()
                    })
                    .collect::<Vec<_>>()
            },
        );
        let mut problems = list_wide;
        problems.extend(site_wide.err());
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
            .list_files
            .into_par_iter()
            .filter_map(|files| files.finish().err())
            .collect();
        with_package(cx, sink, self.site.finish(cx.words), problems)
    }
}

/// Writes `changes.csv`, `changes.xml` and the data package; returns the site-wide
/// downloads, the package last, or every problem met on the way (`problems` and those of
/// the site-wide files).
fn with_package(
    cx: &SiteContext,
    sink: Option<&dyn PageSink>,
    site_wide: Result<Vec<Download>, Diagnostic>,
    mut problems: Vec<Diagnostic>,
) -> Result<Vec<Download>, Vec<Diagnostic>> {
    // The changes are read from every report, retracted ones too, and not from the
    // chunks of published ones: written here, they follow every build and every save.
    let changes = changes::write_changes(cx, sink);
    match (site_wide, changes, write_package(cx, sink)) {
        (Ok(mut downloads), Ok(changes), Ok(package)) if problems.is_empty() => {
            downloads.push(changes);
            downloads.push(package);
            Ok(downloads)
        }
        (site_wide, changes, package) => {
            problems.extend(site_wide.err());
            problems.extend(changes.err());
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

/// The site-wide files. All but `incidents.csv` are written gzip-compressed, a sixth of
/// their plain size: at 100,000 reports the plain files would take 450 MB of the 1 GB a
/// GitHub Pages site may weigh. The one table a reader opens in a spreadsheet, where a
/// `.gz` needs unpacking first, stays plain (issue 18).
const SITE_WIDE: [SiteFile; 9] = [
    SiteFile {
        part: |r| &r.csv,
        name: columns::INCIDENTS.file,
        description: "One row per published report.",
    },
    SiteFile {
        part: |r| &r.events_csv,
        name: columns::EVENTS.file,
        description:
            "One row per place (per region when a report names no place), with ACLED's column names; each row holds its share of the report's figures.",
    },
    SiteFile {
        part: |r| r.json.as_bytes(),
        name: "incidents.json.gz",
        description: "Every field of every published report but its body (on its page), as JSON.",
    },
    SiteFile {
        part: |r| r.features.as_bytes(),
        name: "events.geojson.gz",
        description: "The rows of events.csv.gz as GeoJSON (RFC 7946) points.",
    },
    SiteFile {
        part: |r| &r.sources_csv,
        name: columns::SOURCES.file,
        description: "One row per source of each report.",
    },
    SiteFile {
        part: |r| &r.claims_csv,
        name: columns::CLAIMS.file,
        description:
            "One row per claim of each report: a figure or an assertion, with who made it.",
    },
    SiteFile {
        part: |r| &r.actors_csv,
        name: columns::ACTORS.file,
        description: "One row per report and actor, with its role and attribution.",
    },
    SiteFile {
        part: |r| &r.acled_csv,
        name: columns::ACLED.file,
        description: "The events in ACLED's layout and codes.",
    },
    SiteFile {
        part: |r| &r.ged_csv,
        name: columns::GED.file,
        description: "The events in UCDP GED's layout and codes.",
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
        let header = |table: columns::Table| records::csv_header(table.columns);
        let headers = [
            header(columns::INCIDENTS),
            header(columns::EVENTS),
            header(columns::SOURCES),
            header(columns::CLAIMS),
            header(columns::ACTORS),
            header(columns::ACLED),
            header(columns::GED),
        ];
        let shapes = [
            listing::csv(&headers[0]),
            listing::csv(&headers[1]),
            listing::JSON_ARRAY,
            listing::FEATURE_COLLECTION,
            listing::csv(&headers[2]),
            listing::csv(&headers[3]),
            listing::csv(&headers[4]),
            listing::csv(&headers[5]),
            listing::csv(&headers[6]),
        ];
        let mut files = Vec::with_capacity(SITE_WIDE.len());
        for (site_file, shape) in SITE_WIDE.iter().zip(shapes) {
            let url = cx.urls.data_file(site_file.name);
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

    fn finish(self, words: &Catalogue) -> Result<Vec<Download>, Diagnostic> {
        let mut downloads = Vec::with_capacity(SITE_WIDE.len());
        for ((url, file), site_file) in self.files.into_iter().zip(SITE_WIDE) {
            let (_, bytes) = file.finish()?;
            downloads.push(Download::new(
                words,
                site_file.name,
                url,
                bytes,
                site_file.description,
            ));
        }
        Ok(downloads)
    }
}

/// The two data files beside a list's page, and how far down the list's list they are.
struct ListFiles<'s> {
    key: ListKey,
    csv: Listing<'s>,
    geojson: Listing<'s>,
    done: usize,
}

impl<'s> ListFiles<'s> {
    fn open(
        cx: &SiteContext,
        sink: Option<&'s dyn PageSink>,
        key: ListKey,
    ) -> Result<ListFiles<'s>, Diagnostic> {
        let file = |name| cx.urls.output_file(&key.file_url(cx, name));
        let header = records::csv_header(columns::INCIDENTS.columns);
        let mut csv = Listing::open(sink, file(LIST_CSV), listing::csv(&header))?;
        let mut geojson = Listing::open(sink, file(LIST_GEOJSON), listing::FEATURE_COLLECTION)?;
        csv.pause()?;
        geojson.pause()?;
        Ok(ListFiles {
            key,
            csv,
            geojson,
            done: 0,
        })
    }

    /// Appends the list's next reports for as long as `due` holds, taking their records
    /// from `record_of`. The list is in the site's order, so a chunk of the site's
    /// list is a run of the list's, and each call goes on where the last stopped.
    fn push_while<'r>(
        &mut self,
        cx: &SiteContext,
        due: impl Fn(usize) -> bool,
        record_of: impl Fn(usize) -> &'r ReportData,
    ) -> Result<(), Diagnostic> {
        let list = self.key.reports(cx.index);
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

/// Writes `datapackage.json`; returns its download.
fn write_package(cx: &SiteContext, sink: Option<&dyn PageSink>) -> Result<Download, Diagnostic> {
    let name = "datapackage.json";
    let url = cx.urls.data_file(name);
    let bytes = package::data_package(cx);
    write_file(cx, sink, &url, &bytes)?;
    Ok(Download::new(
        cx.words,
        name,
        url,
        bytes.len(),
        "A Frictionless Data Package describing the files and their columns.",
    ))
}
