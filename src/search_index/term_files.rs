//! The index files made of postings: the `terms/` shards every full word is looked up in,
//! and the `prefixes/` files that answer a word while it is still being typed.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::postings::{encode_postings, Posting, TermPostings};
use super::shards::{shard_keys, shard_of};
use super::{to_json, BODY_PREFIX_CHARS, SHARD_BYTES, TIER_BODY};

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
pub(super) fn term_shards(postings: &[TermPostings]) -> (Vec<String>, Vec<(String, Vec<u8>)>) {
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

/// Per prefix shorter than [`BODY_PREFIX_CHARS`] of title, group and place terms, in
/// order: the prefix, and a `prefixes/` file with the postings of the reports that have
/// such a word (with their best tier for it).
pub(super) fn short_prefixes(postings: &[TermPostings]) -> (Vec<String>, Vec<(String, Vec<u8>)>) {
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
