//! `incidex check --links`: every source's `url` and `archive_url` fetched, a few at a
//! time and each within a time limit, and what is wrong reported as warnings at the
//! address in the report: dead links, moves to another host, sources with no archive.
//!
//! Runs after a check that found no error, over the reports it loaded; the network is
//! touched nowhere else in incidex.

mod cache;
mod findings;
mod probe;

use std::collections::BTreeSet;
use std::time::Duration;

use rayon::prelude::*;

use crate::domain::Site;
use crate::pipeline::{BuildFailure, BuildSummary};
use crate::settings::BuildOptions;

pub use cache::{LinkCache, CACHE_FILE};
pub use probe::{Outcome, Prober};

/// How links are fetched.
#[derive(Debug, Clone)]
pub struct LinkOptions {
    /// The longest one request may take.
    pub timeout: Duration,
    /// How many requests are under way at once.
    pub concurrency: usize,
    /// How long what a fetch found is trusted before the link is fetched again.
    pub max_age: Duration,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            timeout: Duration::from_secs(10),
            concurrency: 8,
            max_age: Duration::from_secs(24 * 60 * 60),
        }
    }
}

/// `check`, then every link of the reports it loaded: the check's outcome with the link
/// problems among its warnings. Under `options.strict` a warning fails it, link
/// problems included.
pub fn check_with_links(
    options: &BuildOptions,
    links: &LinkOptions,
) -> Result<BuildSummary, BuildFailure> {
    let (mut summary, site) = crate::pipeline::check_keeping_site(options)?;
    let (found, note) = check_links(&site, links);
    summary.warnings.extend(found);
    summary.notes.push(note);
    if options.strict && summary.warnings.has_warnings() {
        return Err(BuildFailure::Strict(summary.warnings));
    }
    Ok(summary)
}

/// Fetches every link of `site`'s sources (each address once, however many reports cite
/// it), reusing what the cache file in the site says of the last day; returns the
/// problems found and a note saying how many links were fetched.
pub fn check_links(
    site: &Site,
    options: &LinkOptions,
) -> (Vec<crate::diagnostics::Diagnostic>, String) {
    let cache_path = site.settings.root.join(CACHE_FILE);
    let mut cache = LinkCache::read(&cache_path, options.max_age);
    let urls: BTreeSet<&str> = site
        .incidents
        .iter()
        .flat_map(|i| &i.sources)
        .flat_map(|s| [s.url.as_deref(), s.archive_url.as_deref()])
        .flatten()
        .collect();
    let to_fetch: Vec<&str> = urls
        .iter()
        .copied()
        .filter(|u| cache.get(u).is_none())
        .collect();
    let fetched = fetch_all(&to_fetch, options);
    for (url, outcome) in to_fetch.iter().zip(&fetched) {
        cache.put(url, outcome);
    }
    let note = match cache.write(&cache_path) {
        Ok(()) => format!(
            "fetched {} of {} links ({} known from {CACHE_FILE})",
            to_fetch.len(),
            urls.len(),
            urls.len() - to_fetch.len()
        ),
        Err(e) => format!("could not keep what the links answered in {CACHE_FILE}: {e}"),
    };
    let outcome_of = |url: &str| -> Option<Outcome> {
        match to_fetch.binary_search(&url) {
            Ok(i) => Some(fetched[i].clone()),
            Err(_) => cache.get(url).cloned(),
        }
    };
    let problems = findings::findings(site, &outcome_of);
    (problems, note)
}

/// Fetches `urls` on `options.concurrency` threads of their own, so the requests never
/// wait behind the build's CPU work and never exceed the bound however many cores.
fn fetch_all(urls: &[&str], options: &LinkOptions) -> Vec<Outcome> {
    if urls.is_empty() {
        return Vec::new();
    }
    let prober = Prober::new(options.timeout);
    let fetch = || urls.par_iter().map(|u| prober.probe(u)).collect();
    match rayon::ThreadPoolBuilder::new()
        .num_threads(options.concurrency.max(1))
        .build()
    {
        Ok(pool) => pool.install(fetch),
        // No threads to be had: one at a time is slower, and still checks every link.
        Err(_) => urls.iter().map(|u| prober.probe(u)).collect(),
    }
}
