//! The pass over the reports, the stage between prepare and the list pages: each body is rendered from its file once, a chunk
//! of reports at a time, and handed to everything that shows it (the report's page, the
//! search index, the feeds) before it is dropped; the export records, which leave the body
//! to the page, are made beside it from the same chunk. Holding every body
//! from load to the search index instead was most of a large site's memory: about 600 MB
//! of 1.4 GB at 100,000 reports.

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::diagnostics::Diagnostic;
use crate::output::PageSink;
use crate::publish::{self, feeds, Download, ExportStream, ReportData};
use crate::render::pages::PageParts;
use crate::render::search::{documents, text_of};
use crate::render::Renderer;
use crate::search_index::{Inverted, SearchDoc};
use crate::site_context::SiteContext;

/// How many reports' bodies are held at a time: enough to keep both cores busy, few
/// enough that their bodies and records are a few megabytes.
pub const CHUNK: usize = 2048;

/// What the pass leaves for the rest of the build.
pub struct PassOutput {
    /// The site-wide downloads with their sizes, for the data page.
    pub downloads: Vec<Download>,
    /// The search documents of the published reports, in index order.
    pub docs: Vec<SearchDoc>,
    /// Their postings.
    pub inverted: Inverted,
    /// Each incident's records, in incident order, when asked to keep them; else empty.
    pub data: Vec<ReportData>,
    /// The feed entries of the reports some feed shows, by incident, for the feeds stage:
    /// made once here, as a report is in several feeds (the site's, its country's, its
    /// groups'...).
    pub feed_entries: FxHashMap<usize, String>,
}

/// What the pass does with the reports' data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exports {
    /// Writes them (the default language's pass).
    Write,
    /// Writes them and keeps each report's records (the dev server's build).
    WriteAndKeep,
    /// Leaves them: data files are facts, written once by the default language.
    Skip,
}

/// Renders every report's page and writes its exports into `sink` (with none, `check`,
/// only renders them), [`CHUNK`] reports at a time; indexes the published ones for search
/// and holds the bodies the feeds show. Needs the cards and maps in `parts`.
pub fn run(
    renderer: &Renderer,
    cx: &SiteContext,
    parts: &PageParts,
    sink: Option<&dyn PageSink>,
    exports: Exports,
) -> Result<PassOutput, Vec<Diagnostic>> {
    run_in_chunks(renderer, cx, parts, sink, exports, CHUNK)
}

/// [`run`], `chunk` reports at a time.
fn run_in_chunks(
    renderer: &Renderer,
    cx: &SiteContext,
    parts: &PageParts,
    sink: Option<&dyn PageSink>,
    exports: Exports,
    chunk: usize,
) -> Result<PassOutput, Vec<Diagnostic>> {
    let listed = &cx.index.listed;
    let keep = exports == Exports::WriteAndKeep;
    let (mut exports, lists) = open_exports(cx, sink, exports)?;
    let in_feeds = feeds::feed_reports(cx, &lists);
    let docs = documents(cx);
    let mut inverted = Inverted::for_language(&cx.site.settings.config.language);
    let mut feed_entries = FxHashMap::default();
    let mut kept = Vec::new();
    for (c, which) in listed.chunks(chunk).enumerate() {
        let bodies = bodies_of(cx, which)?;
        let records: Vec<ReportData> = match exports {
            Some(_) => which.par_iter().map(|&i| publish::record(cx, i)).collect(),
            None => Vec::new(),
        };
        let jsons: Vec<&str> = records.iter().map(|r| r.json.as_str()).collect();
        let docs: Vec<&SearchDoc> = docs[c * chunk..c * chunk + which.len()].iter().collect();
        let ((pages, files), ()) = rayon::join(
            || {
                rayon::join(
                    || renderer.render_incidents(cx, parts, which, &bodies, &jsons, sink),
                    || match exports.as_mut() {
                        Some(exports) => {
                            let first = c * chunk;
                            exports.push(cx, which, |i| &records[cx.index.listed_at[i] - first])
                        }
                        None => Ok(()),
                    },
                )
            },
            || inverted.add(&docs, |k| Cow::Owned(text_of(&bodies[k]))),
        );
        let mut problems = pages.err().unwrap_or_default();
        problems.extend(files.err().into_iter().flatten());
        if !problems.is_empty() {
            return Err(problems);
        }
        feed_entries.par_extend(
            which
                .par_iter()
                .zip(&bodies)
                .filter(|(i, _)| in_feeds.contains(*i))
                .map(|(&i, body)| (i, feeds::entry(cx, i, body))),
        );
        if keep {
            kept.extend(which.iter().copied().zip(records));
        }
    }
    // Drafts (with --drafts) and retracted reports have pages, and nothing else.
    let unlisted: Vec<usize> = (0..cx.site.incidents.len())
        .filter(|&i| !cx.site.incidents[i].is_listed())
        .collect();
    for which in unlisted.chunks(chunk) {
        let bodies = bodies_of(cx, which)?;
        renderer.render_incidents(cx, parts, which, &bodies, &[], sink)?;
    }
    let downloads = match exports {
        Some(exports) => exports.finish(cx)?,
        None => Vec::new(),
    };
    let mut data = Vec::new();
    if keep {
        data = vec![ReportData::default(); cx.site.incidents.len()];
        for (i, record) in kept {
            data[i] = record;
        }
    }
    Ok(PassOutput {
        downloads,
        docs,
        inverted,
        data,
        feed_entries,
    })
}

/// The export stream the pass feeds, none when it skips the data files, with the lists
/// whose feeds it writes.
fn open_exports<'s>(
    cx: &SiteContext,
    sink: Option<&'s dyn PageSink>,
    exports: Exports,
) -> Result<(Option<ExportStream<'s>>, Vec<crate::lists::ListKey>), Vec<Diagnostic>> {
    Ok(match exports {
        Exports::Skip => (None, crate::lists::lists_with_files(cx.site)),
        Exports::Write | Exports::WriteAndKeep => {
            let stream = ExportStream::open(cx, sink, &publish::Scope::default())?;
            let lists = stream.lists().to_vec();
            (Some(stream), lists)
        }
    })
}

/// The bodies of the incidents `which`, in order, rendered side by side; or every file
/// that could not be read again.
fn bodies_of<'s>(
    cx: &SiteContext<'s>,
    which: &[usize],
) -> Result<Vec<Cow<'s, str>>, Vec<Diagnostic>> {
    let results: Vec<Result<Cow<'s, str>, Diagnostic>> =
        which.par_iter().map(|&i| cx.site.body(i)).collect();
    let problems: Vec<Diagnostic> = results
        .iter()
        .filter_map(|r| r.as_ref().err().cloned())
        .collect();
    if problems.is_empty() {
        Ok(results.into_iter().flatten().collect())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use super::*;
    use crate::load::Bodies;
    use crate::output::InPlace;
    use crate::settings::{BuildOptions, Settings};

    /// Every file the pass makes for the publish fixture, `chunk` reports at a time, with
    /// the bodies `bodies` (held, or read again from the files), and the records kept.
    fn passed(chunk: usize, bodies: Bodies) -> (BTreeMap<String, Vec<u8>>, Vec<ReportData>) {
        let options = BuildOptions {
            root: PathBuf::from("tests/fixtures/publish"),
            ..BuildOptions::default()
        };
        let settings = Settings::resolve(&options).expect("fixture settings");
        let (site, _) = crate::load::load_site(settings, bodies).expect("fixture loads");
        let index = crate::domain::index::build_index(&site);
        let renderer = Renderer::new(&site).expect("templates");
        let cx = renderer.view(&site, &index);
        let cards = renderer.cards(&cx, 0..site.incidents.len()).expect("cards");
        let parts = PageParts::new(&cx, cards, renderer.card_data());
        let dir = tempfile::tempdir().unwrap();
        let sink = InPlace::new(dir.path().to_path_buf());
        let output = run_in_chunks(
            &renderer,
            &cx,
            &parts,
            Some(&sink),
            Exports::WriteAndKeep,
            chunk,
        )
        .expect("pass");
        crate::publish::feeds::write_feeds(
            &cx,
            Some(&sink),
            &crate::lists::lists_with_files(cx.site),
            &output.feed_entries,
        )
        .expect("feeds");
        crate::render::search::write_index(&cx, &sink, &output.docs, output.inverted)
            .expect("search index");
        let files = walkdir::WalkDir::new(dir.path())
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let name = e.path().strip_prefix(dir.path()).unwrap();
                (name.display().to_string(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        (files, output.data)
    }

    #[test]
    fn neither_the_chunk_size_nor_where_bodies_come_from_changes_a_byte() {
        let (one_by_one, kept_small) = passed(1, Bodies::InFiles);
        let (all_at_once, kept_whole) = passed(CHUNK, Bodies::Held);
        assert_eq!(
            one_by_one.keys().collect::<Vec<_>>(),
            all_at_once.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &all_at_once {
            assert!(one_by_one[name] == *bytes, "{name} differs");
        }
        // A list with several reports went through several chunks, paused in between.
        let mut mali = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(&all_at_once["regions/mali/incidents.csv.gz"][..]),
            &mut mali,
        )
        .expect("a gzip file");
        assert!(mali.lines().count() > 3, "{mali}");
        // Pages, feeds and the search index carry the bodies.
        let page = all_at_once
            .iter()
            .find(|(name, _)| {
                name.starts_with("incidents/")
                    && name.ends_with("index.html")
                    && name.matches('/').count() == 2
            })
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .expect("a report page");
        assert!(page.contains("<p>"), "{page}");
        assert!(all_at_once
            .keys()
            .any(|name| name.starts_with("search/index/terms/")));
        let kept = |data: &[ReportData]| data.iter().filter(|d| !d.json.is_empty()).count();
        assert_eq!(kept(&kept_small), kept(&kept_whole));
        assert!(kept(&kept_whole) > 3);
    }
}
