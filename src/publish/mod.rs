//! What readers take away besides pages: Atom feeds, data exports for researchers, the
//! sitemap and `robots.txt`. Runs after the index, beside the page renderer; every report
//! is serialised once ([`ReportData`]) and every file that lists it reuses those bytes, so
//! the many per-country, per-region, per-group and per-type files stay linear in the
//! number of reports.

pub mod changes;
pub mod columns;
pub mod crosswalk;
mod exports;
pub mod feeds;
mod gzip;
pub mod listing;
mod package;
pub mod records;
pub mod sitemap;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::i18n::Catalogue;
use crate::lists::ListKey;
use crate::output::PageSink;
use crate::site_context::SiteContext;
pub use exports::ExportStream;
pub use package::license_text;
pub use records::ReportData;

/// The serialised data of each incident in `which` (empty for reports left out of
/// exports: drafts and retracted ones). Never fails today; it stays a `Result` for the
/// dev server, whose callers already handle a failed read.
pub fn report_data(
    cx: &SiteContext,
    which: impl IntoParallelIterator<Item = usize>,
) -> Result<Vec<ReportData>, Vec<Diagnostic>> {
    which
        .into_par_iter()
        .map(|i| {
            if cx.site.incidents[i].is_listed() {
                Ok(record(cx, i))
            } else {
                Ok(ReportData::default())
            }
        })
        .collect::<Result<_, _>>()
        .map_err(|e| vec![e])
}

/// The serialised data of incident `i`. The body is not part of it: the report's page
/// holds it, and at 4 KB a report it would double the weight of the JSON records.
pub fn record(cx: &SiteContext, i: usize) -> ReportData {
    ReportData::of(&cx.site.incidents[i], &sources(cx))
}

/// The JSON record of incident `i`, as `incidents.json.gz` and the report's page hold it.
pub fn record_json(cx: &SiteContext, i: usize) -> String {
    let record = records::Record::of(&cx.site.incidents[i], &sources(cx));
    // A record is a struct of plain fields, which always serialises.
    serde_json::to_string(&record).unwrap_or_default()
}

fn sources<'a>(cx: &SiteContext<'a>) -> records::Sources<'a> {
    records::Sources {
        registry: &cx.site.registry,
        urls: cx.urls,
        grades: &cx.site.settings.config.confidence,
    }
}

/// Which files to write: everything, or after one edit in the dev server only the files
/// of the lists it touched (the site-wide files are always written).
#[derive(Debug, Default)]
pub struct Scope {
    /// Lists whose files are written; `None` for all.
    pub lists: Option<Vec<ListKey>>,
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
    fn new(
        words: &Catalogue,
        name: &'static str,
        url: String,
        bytes: usize,
        description: &'static str,
    ) -> Self {
        Download {
            name,
            url,
            bytes,
            size: human_size(words, bytes),
            description,
        }
    }

    /// The same download with its size written in `words`' language: a further
    /// language's data page lists the files the default language's build wrote.
    pub fn in_words(&self, words: &Catalogue) -> Download {
        Download {
            size: human_size(words, self.bytes),
            url: self.url.clone(),
            ..*self
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

/// Sizes for readers, in the decimal units file managers show, in the site's language
/// (`units` in the catalogue: "12.4 KB", "12,4 Ko").
fn human_size(words: &Catalogue, bytes: usize) -> String {
    let tenths = |value: f64| format!("{value:.1}").replace('.', words.text("units.decimal"));
    match bytes {
        b if b < 1_000 => words.fill("units.bytes", &[("n", &b.to_string())]),
        b if b < 1_000_000 => words.fill("units.kb", &[("n", &tenths(b as f64 / 1e3))]),
        b => words.fill("units.mb", &[("n", &tenths(b as f64 / 1e6))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_file_manager() {
        let en = Catalogue::built_in("en").unwrap();
        assert_eq!(human_size(&en, 999), "999 bytes");
        assert_eq!(human_size(&en, 12_400), "12.4 KB");
        assert_eq!(human_size(&en, 3_260_000), "3.3 MB");
    }

    #[test]
    fn sizes_in_french_and_arabic() {
        let fr = Catalogue::built_in("fr").unwrap();
        assert_eq!(human_size(&fr, 999), "999 octets");
        assert_eq!(human_size(&fr, 12_400), "12,4 Ko");
        assert_eq!(human_size(&fr, 3_260_000), "3,3 Mo");
        let ar = Catalogue::built_in("ar").unwrap();
        assert_eq!(human_size(&ar, 12_400), "12.4 كيلوبايت");
    }
}
