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
use crate::lists::ListKey;
use crate::output::PageSink;
use crate::site_context::SiteContext;
pub use exports::ExportStream;
pub use records::ReportData;

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
/// of the lists and reports it touched (the site-wide files are always written).
#[derive(Debug, Default)]
pub struct Scope {
    /// Lists whose files are written; `None` for all.
    pub lists: Option<Vec<ListKey>>,
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
