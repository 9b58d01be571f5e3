//! The index files with one entry per report: the `docs/` chunks a result is shown from,
//! and the `filters/` columns a filter is tested against.

use rayon::prelude::*;

use super::{to_json, SearchDoc, CHUNK_DOCS};

/// The `docs/` files: per chunk of [`CHUNK_DOCS`] reports, what a result shows.
pub(super) fn doc_chunks(docs: &[&SearchDoc], url_prefix: &str) -> Vec<(String, Vec<u8>)> {
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
pub(super) fn shared_url_prefix<'a>(docs: &[&'a SearchDoc]) -> &'a str {
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
pub(super) fn filter_columns(docs: &[&SearchDoc]) -> Vec<(String, Vec<u8>)> {
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
    let grades: Vec<Option<u32>> = docs.iter().map(|d| d.confidence).collect();
    let mut columns = vec![
        ("filters/date.json".to_string(), to_json(&dates)),
        ("filters/country.json".to_string(), to_json(&countries)),
        ("filters/region.json".to_string(), to_json(&regions)),
        ("filters/group.json".to_string(), to_json(&groups)),
        ("filters/type.json".to_string(), to_json(&types)),
    ];
    // The form offers no grade filter when no report is graded, so no reader fetches
    // the column, and a large ungraded site is spared a file of nulls.
    if grades.iter().any(Option::is_some) {
        columns.push(("filters/confidence.json".to_string(), to_json(&grades)));
    }
    columns
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
