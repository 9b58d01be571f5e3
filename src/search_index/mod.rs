//! The index behind the site's client-side search: static files that `static/search.js`
//! fetches as the reader types.
//!
//! Each keystroke must be answered in a few milliseconds over 10,000+ reports on a slow
//! connection, so nothing large is loaded up front and every file is loaded at most once:
//!
//! - `meta.json`: format version, report count, chunk size, the URL prefix all report
//!   URLs share, the stop words of the site's language, the filter vocabularies and the
//!   keys of the shards.
//! - `terms/N.json`: one shard of the inverted index, `{"term": postings, ...}`. Shard
//!   keys are term prefixes (`"k"`, `"ka"`, `"kay"`); a term lives in the shard of the
//!   longest key it starts with. Keys grow only where a shard would pass
//!   `SHARD_BYTES`, so the shards a query needs are found from `meta.json` alone.
//! - `prefixes/N.json`: the postings of reports with a title, group or place word
//!   starting with a prefix of one or two characters: what a word being typed matches
//!   until it has `BODY_PREFIX_CHARS` characters (two letters are too few to search
//!   bodies by, and would load every shard under them).
//! - `docs/N.json`: reports `N * chunk ..`, each `[url, title, date, date_label, place,
//!   summary]` with the URL prefix cut off: only the chunks of the shown results load.
//! - `filters/{date,country,region,group,type,confidence}.json`: one column per filter with one
//!   entry per report, loaded only once that filter is set.
//!
//! Reports are numbered newest first (then by URL), so number order breaks ties in
//! ranking and a date range is a run of numbers. Postings list report numbers in
//! ascending order, each written as `gap * 3 + tier`, where `gap` counts the numbers
//! skipped since the previous posting and `tier` is where the term was found: 2 title,
//! 1 group or place name, 0 summary or body.
mod doc_files;
mod postings;
mod shards;
mod stop_words;
mod term_files;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use doc_files::{doc_chunks, filter_columns, shared_url_prefix};
use postings::by_term;
use term_files::{short_prefixes, term_shards};

pub use postings::Inverted;

/// The index format `search.js` reads; it refuses any other.
pub const FORMAT: u32 = 1;
/// Reports per `docs/` file. The 50 results shown first are often spread over the
/// whole index, so each file is kept small (about 2 KB gzipped).
const CHUNK_DOCS: usize = 20;
/// A word being typed matches report bodies from this many characters on; shorter, it
/// matches titles, groups and places only.
const BODY_PREFIX_CHARS: usize = 3;
/// A term shard is split by longer prefixes once its JSON would pass this size
/// (about a third of it over the wire, gzipped).
const SHARD_BYTES: usize = 32 * 1024;

/// Where a term was found; a report's best tier for each query word ranks it.
const TIER_BODY: u8 = 0;
const TIER_NAME: u8 = 1;
const TIER_TITLE: u8 = 2;

/// One report as search sees it (only published reports are passed).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchDoc {
    /// The report page's URL, as links on the site write it.
    pub url: String,
    /// The report's title.
    pub title: String,
    /// `YYYY-MM-DD`, the earliest possible day.
    pub date: String,
    /// The date as the page shows it: "1 July 2025" or "July 2025".
    pub date_label: String,
    /// Short place for display, "Kayes, Mali".
    pub place: String,
    /// Position in [`Facets::countries`].
    pub country: u32,
    /// Positions in [`Facets::regions`].
    pub regions: Vec<u32>,
    /// Positions in [`Facets::groups`].
    pub groups: Vec<u32>,
    /// Position in [`Facets::types`].
    pub event_type: Option<u32>,
    /// Position in [`Facets::grades`]: the report's confidence grade, when graded.
    #[serde(default)]
    pub confidence: Option<u32>,
    /// The one or two sentences lists show.
    pub summary: String,
    /// Location, region and country names, searched.
    pub places: Vec<String>,
    /// Names, full names and aliases of the report's groups, so "GSIM" finds JNIM.
    pub group_names: Vec<String>,
    /// The body as plain text, for [`build`]; left empty when the bodies are handed to
    /// [`Inverted::add`] instead.
    pub body_text: String,
}

/// The filter vocabularies; [`SearchDoc`] fields are positions in these lists.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Facets {
    /// Countries: key is the country slug, "mali".
    pub countries: Vec<Facet>,
    /// Regions: key is "country/region", "mali/kayes".
    pub regions: Vec<Facet>,
    /// Groups: key is the group slug, "jnim".
    pub groups: Vec<Facet>,
    /// Event types: key is the type slug.
    pub types: Vec<Facet>,
    /// Confidence grades: key is the grade's id, "weak".
    #[serde(default)]
    pub grades: Vec<Facet>,
}

/// One filter value.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Facet {
    /// The value in the search page's URL and form.
    pub key: String,
    /// The name shown to readers.
    pub name: String,
}

/// `meta.json`, the one file every search loads first.
#[derive(Serialize)]
struct Meta<'a> {
    format: u32,
    count: usize,
    chunk: usize,
    url_prefix: &'a str,
    stop: &'a [&'a str],
    facets: BTreeMap<&'static str, Vec<[&'a str; 2]>>,
    shards: &'a [String],
    prefixes: Vec<String>,
}
/// Builds the search index of `docs`, as (path inside the index folder, bytes) pairs in a
/// fixed order. The same input, in any order, gives the same bytes. English function
/// words are left out; an index in another language is made with
/// [`Inverted::for_language`] and [`write_from`].
pub fn build(docs: &[SearchDoc], facets: &Facets) -> Vec<(String, Vec<u8>)> {
    build_in("en", docs, facets)
}

/// [`build`] for a site in `lang`, leaving out that language's function words.
fn build_in(lang: &str, docs: &[SearchDoc], facets: &Facets) -> Vec<(String, Vec<u8>)> {
    let docs = newest_first(docs);
    let mut inverted = Inverted::for_language(lang);
    inverted.add(&docs, |k| Cow::Borrowed(docs[k].body_text.as_str()));
    let mut files = Vec::new();
    write_from(&docs, inverted, facets, |batch| files.extend(batch));
    files
}
/// Makes the index files of `docs` from their postings, `docs` in the order they were
/// added to `inverted` (newest first), and hands them to `emit` a batch at a time (the
/// batches in [`build`]'s order), so that each can be written and dropped before the next
/// is made. `meta.json` lists the stop words `inverted` left out, so that queries drop
/// the same words.
pub fn write_from(
    docs: &[&SearchDoc],
    inverted: Inverted,
    facets: &Facets,
    mut emit: impl FnMut(Vec<(String, Vec<u8>)>),
) {
    debug_assert_eq!(docs.len(), inverted.count as usize);
    let stop = inverted.stop.words();
    let postings = by_term(&inverted.postings);
    let url_prefix = shared_url_prefix(docs);
    let ((term_keys, term_files), (prefix_keys, prefix_files)) =
        rayon::join(|| term_shards(&postings), || short_prefixes(&postings));
    drop(postings);
    drop(inverted);
    let meta = Meta {
        format: FORMAT,
        count: docs.len(),
        chunk: CHUNK_DOCS,
        url_prefix,
        stop,
        facets: BTreeMap::from([
            ("country", facet_pairs(&facets.countries)),
            ("region", facet_pairs(&facets.regions)),
            ("group", facet_pairs(&facets.groups)),
            ("type", facet_pairs(&facets.types)),
            ("confidence", facet_pairs(&facets.grades)),
        ]),
        shards: &term_keys,
        prefixes: prefix_keys,
    };
    emit(vec![("meta.json".to_string(), to_json(&meta))]);
    emit(term_files);
    emit(prefix_files);
    emit(doc_chunks(docs, url_prefix));
    emit(filter_columns(docs));
}

/// The reports in index order: newest first, then by URL without its closing slash (so by
/// slug, as the site's lists are), so input order never matters.
fn newest_first(docs: &[SearchDoc]) -> Vec<&SearchDoc> {
    fn slug_part(doc: &SearchDoc) -> &str {
        doc.url.trim_end_matches('/')
    }
    let mut sorted: Vec<&SearchDoc> = docs.iter().collect();
    sorted.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| slug_part(a).cmp(slug_part(b)))
    });
    sorted
}
fn facet_pairs(facets: &[Facet]) -> Vec<[&str; 2]> {
    facets
        .iter()
        .map(|f| [f.key.as_str(), f.name.as_str()])
        .collect()
}

fn to_json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).expect("index values serialise")
}

#[cfg(test)]
mod tests;
