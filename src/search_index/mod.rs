//! The index behind the site's client-side search: static files that `static/search.js`
//! fetches as the reader types.
//!
//! Each keystroke must be answered in a few milliseconds over 10,000+ reports on a slow
//! connection, so nothing large is loaded up front and every file is loaded at most once:
//!
//! - `meta.json`: format version, report count, chunk size, the URL prefix all report
//!   URLs share, the stop words, the filter vocabularies and the keys of the shards.
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
//! - `filters/{date,country,region,group,type}.json`: one column per filter with one
//!   entry per report, loaded only once that filter is set.
//!
//! Reports are numbered newest first (then by URL), so number order breaks ties in
//! ranking and a date range is a run of numbers. Postings list report numbers in
//! ascending order, each written as `gap * 3 + tier`, where `gap` counts the numbers
//! skipped since the previous posting and `tier` is where the term was found: 2 title,
//! 1 group or place name, 0 summary or body.

mod shards;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use shards::{shard_keys, shard_of};
use words::{for_each_word, is_stop_word, STOP_WORDS};

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
/// fixed order. The same input, in any order, gives the same bytes.
pub fn build(docs: &[SearchDoc], facets: &Facets) -> Vec<(String, Vec<u8>)> {
    let docs = newest_first(docs);
    let mut inverted = Inverted::default();
    inverted.add(&docs, |k| Cow::Borrowed(docs[k].body_text.as_str()));
    let mut files = Vec::new();
    write_from(&docs, inverted, facets, |batch| files.extend(batch));
    files
}

/// The postings of a site's reports, added a run of reports at a time in index order, so
/// that a large site's bodies never need to be held at once: each is read when its run
/// is added and can be dropped after.
#[derive(Default)]
pub struct Inverted {
    postings: Postings,
    count: u32,
}

impl Inverted {
    /// Adds `docs`, the next reports in index order; `body(k)` is the body text of
    /// `docs[k]`, asked for once, from both cores.
    pub fn add<'b>(&mut self, docs: &[&SearchDoc], body: impl Fn(usize) -> Cow<'b, str> + Sync) {
        for run in invert(docs, self.count, &body) {
            for (term, mut list) in run {
                match self.postings.get_mut(&term) {
                    Some(all) => all.append(&mut list),
                    None => {
                        self.postings.insert(term, list);
                    }
                }
            }
        }
        self.count += docs.len() as u32;
    }
}

/// Makes the index files of `docs` from their postings, `docs` in the order they were
/// added to `inverted` (newest first), and hands them to `emit` a batch at a time (the
/// batches in [`build`]'s order), so that each can be written and dropped before the next
/// is made.
pub fn write_from(
    docs: &[&SearchDoc],
    inverted: Inverted,
    facets: &Facets,
    mut emit: impl FnMut(Vec<(String, Vec<u8>)>),
) {
    debug_assert_eq!(docs.len(), inverted.count as usize);
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
        stop: STOP_WORDS,
        facets: BTreeMap::from([
            ("country", facet_pairs(&facets.countries)),
            ("region", facet_pairs(&facets.regions)),
            ("group", facet_pairs(&facets.groups)),
            ("type", facet_pairs(&facets.types)),
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

/// Calls `emit` with every indexed word of `doc` and the tier it was found in; a word
/// may come several times.
fn for_each_term(doc: &SearchDoc, body: &str, mut emit: impl FnMut(&str, u8)) {
    let mut add = |text: &str, tier: u8| {
        for_each_word(text, |word| {
            if !is_stop_word(word) {
                emit(word, tier);
            }
        });
    };
    add(&doc.title, TIER_TITLE);
    let names = doc.group_names.iter().chain(&doc.places);
    for name in names.chain(std::iter::once(&doc.place)) {
        add(name, TIER_NAME);
    }
    add(&doc.summary, TIER_BODY);
    add(body, TIER_BODY);
}

/// Postings per term, each list in report order with the report's best tier for it.
type Postings = FxHashMap<String, Vec<Posting>>;

/// One report in a term's postings: its number and the best tier the term was found in,
/// packed in one word, since a large site has tens of millions of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting(u32);

impl Posting {
    fn new(number: u32, tier: u8) -> Posting {
        Posting(number << 2 | u32::from(tier))
    }

    fn number(self) -> u32 {
        self.0 >> 2
    }

    fn tier(self) -> u8 {
        (self.0 & 3) as u8
    }
}

/// The postings of every term of `docs`, numbered from `first` in order, one map per run
/// of reports.
///
/// Runs of reports are inverted in parallel, each into its own map, to be read in run
/// order, so lists stay sorted without a sort. A word costs one hash lookup and no
/// allocation unless the run has not seen it before: the vocabulary is small (a few
/// thousand words) next to the millions of words read.
fn invert<'b>(
    docs: &[&SearchDoc],
    first: u32,
    body: &(impl Fn(usize) -> Cow<'b, str> + Sync),
) -> Vec<Postings> {
    let run = docs
        .len()
        .div_ceil(rayon::current_num_threads() * 8)
        .max(64);
    docs.par_chunks(run)
        .enumerate()
        .map(|(r, part)| {
            let mut postings = Postings::default();
            for (k, doc) in (r * run..).zip(part) {
                let number = first + k as u32;
                for_each_term(doc, &body(k), |word, tier| match postings.get_mut(word) {
                    Some(list) => match list.last_mut() {
                        Some(last) if last.number() == number => {
                            *last = Posting::new(number, last.tier().max(tier));
                        }
                        _ => list.push(Posting::new(number, tier)),
                    },
                    None => {
                        postings.insert(word.to_string(), vec![Posting::new(number, tier)]);
                    }
                });
            }
            postings
        })
        .collect()
}

/// One term and its postings, in report order.
struct TermPostings<'r> {
    term: &'r str,
    list: &'r [Posting],
}

impl TermPostings<'_> {
    fn iter(&self) -> impl Iterator<Item = Posting> + '_ {
        self.list.iter().copied()
    }
}

/// Every term of `postings`, sorted.
fn by_term(postings: &Postings) -> Vec<TermPostings<'_>> {
    let mut sorted: Vec<TermPostings> = postings
        .iter()
        .map(|(term, list)| TermPostings { term, list })
        .collect();
    sorted.par_sort_unstable_by(|a, b| a.term.cmp(b.term));
    sorted
}

/// `"term":[postings]`, as the term appears in its shard.
fn shard_entry(list: &TermPostings) -> String {
    let term = list.term;
    let mut entry = serde_json::to_string(term).expect("a string serialises");
    entry.push(':');
    entry.push_str(
        &serde_json::to_string(&encode_postings(list.iter())).expect("numbers serialise"),
    );
    entry
}

/// The shard keys and the `terms/` files: each shard a JSON object of its terms'
/// postings, numbered in key order.
fn term_shards(postings: &[TermPostings]) -> (Vec<String>, Vec<(String, Vec<u8>)>) {
    let entries: Vec<(&str, String)> = postings
        .par_iter()
        .map(|list| (list.term, shard_entry(list)))
        .collect();
    let sized: Vec<(&str, usize)> = entries.iter().map(|(t, e)| (*t, e.len() + 1)).collect();
    let keys = shard_keys(&sized, SHARD_BYTES);
    let mut bodies = vec![String::new(); keys.len()];
    // Each entry is freed once copied into its shard, so the index is not held twice.
    for (term, entry) in entries {
        let body = &mut bodies[shard_of(&keys, term)];
        body.push(if body.is_empty() { '{' } else { ',' });
        body.push_str(&entry);
    }
    let files = bodies
        .into_iter()
        .enumerate()
        .map(|(n, mut body)| {
            body.push_str(if body.is_empty() { "{}" } else { "}" });
            (format!("terms/{n}.json"), body.into_bytes())
        })
        .collect();
    (keys, files)
}

/// Postings as the index writes them: `gap * 3 + tier` (see the module docs).
fn encode_postings(list: impl Iterator<Item = Posting>) -> Vec<u32> {
    let mut next = 0;
    list.map(|posting| {
        let (number, tier) = (posting.number(), posting.tier());
        let gap = number - next;
        next = number + 1;
        gap * 3 + u32::from(tier)
    })
    .collect()
}

/// Per prefix shorter than [`BODY_PREFIX_CHARS`] of title, group and place terms, in
/// order: the prefix, and a `prefixes/` file with the postings of the reports that have
/// such a word (with their best tier for it).
fn short_prefixes(postings: &[TermPostings]) -> (Vec<String>, Vec<(String, Vec<u8>)>) {
    let mut by_prefix: BTreeMap<&str, BTreeMap<u32, u8>> = BTreeMap::new();
    for list in postings {
        let term = list.term;
        let ends = term.char_indices().skip(1).map(|(end, _)| end);
        for end in ends.chain([term.len()]).take(BODY_PREFIX_CHARS - 1) {
            let reports = by_prefix.entry(&term[..end]).or_default();
            for posting in list.iter().filter(|p| p.tier() > TIER_BODY) {
                let best = reports.entry(posting.number()).or_insert(posting.tier());
                let tier = posting.tier();
                *best = (*best).max(tier);
            }
        }
    }
    by_prefix.retain(|_, reports| !reports.is_empty());
    by_prefix
        .into_iter()
        .enumerate()
        .map(|(n, (prefix, reports))| {
            let list: Vec<Posting> = reports
                .into_iter()
                .map(|(number, tier)| Posting::new(number, tier))
                .collect();
            let file = (
                format!("prefixes/{n}.json"),
                to_json(&encode_postings(list.into_iter())),
            );
            (prefix.to_string(), file)
        })
        .unzip()
}

/// The `docs/` files: per chunk of [`CHUNK_DOCS`] reports, what a result shows.
fn doc_chunks(docs: &[&SearchDoc], url_prefix: &str) -> Vec<(String, Vec<u8>)> {
    docs.par_chunks(CHUNK_DOCS)
        .enumerate()
        .map(|(n, chunk)| {
            let records: Vec<[&str; 6]> = chunk
                .iter()
                .map(|d| {
                    let url = &d.url[url_prefix.len()..];
                    [url, &d.title, &d.date, &d.date_label, &d.place, &d.summary]
                })
                .collect();
            (format!("docs/{n}.json"), to_json(&records))
        })
        .collect()
}

/// The start all report URLs share, up to a `/`, written once in `meta.json`.
fn shared_url_prefix<'a>(docs: &[&'a SearchDoc]) -> &'a str {
    let Some(first) = docs.first() else {
        return "";
    };
    let mut shared = first.url.as_str();
    for doc in docs {
        let same = shared
            .bytes()
            .zip(doc.url.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        shared = &shared[..same];
    }
    &shared[..shared.rfind('/').map_or(0, |slash| slash + 1)]
}

/// The filter columns, one entry per report in index order. Dates are `YYYYMMDD`
/// numbers, the first as is and each later one as its distance below the previous.
fn filter_columns(docs: &[&SearchDoc]) -> Vec<(String, Vec<u8>)> {
    let mut previous = None;
    let dates: Vec<i64> = docs
        .iter()
        .map(|doc| {
            let date = i64::from(date_number(&doc.date));
            previous.replace(date).map_or(date, |newer| newer - date)
        })
        .collect();
    let countries: Vec<u32> = docs.iter().map(|d| d.country).collect();
    let regions: Vec<&[u32]> = docs.iter().map(|d| d.regions.as_slice()).collect();
    let groups: Vec<&[u32]> = docs.iter().map(|d| d.groups.as_slice()).collect();
    let types: Vec<Option<u32>> = docs.iter().map(|d| d.event_type).collect();
    vec![
        ("filters/date.json".to_string(), to_json(&dates)),
        ("filters/country.json".to_string(), to_json(&countries)),
        ("filters/region.json".to_string(), to_json(&regions)),
        ("filters/group.json".to_string(), to_json(&groups)),
        ("filters/type.json".to_string(), to_json(&types)),
    ]
}

/// `2025-07-01` as 20250701, so dates compare as numbers; 0 if malformed.
fn date_number(date: &str) -> u32 {
    date.bytes()
        .filter(|b| *b != b'-')
        .try_fold(0u32, |n, b| {
            b.is_ascii_digit()
                .then(|| n.checked_mul(10)?.checked_add(u32::from(b - b'0')))
                .flatten()
        })
        .unwrap_or(0)
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
