//! What earlier link checks found, kept in a file in the site (`.incidex-links.json`) so a
//! second `check --links` the same day fetches only what is new. Unreachable links are
//! not kept: a time-out is often passing, and is worth trying again.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::probe::Outcome;

/// The cache file's name, in the site's root; `init` lists it in `.gitignore`.
pub const CACHE_FILE: &str = ".incidex-links.json";

/// Bumped when the file's shape changes, so an old file is read as empty.
const VERSION: u32 = 1;

/// Every link checked recently, with when and what was found.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct LinkCache {
    version: u32,
    links: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// Seconds since the Unix epoch.
    checked: u64,
    outcome: Outcome,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl LinkCache {
    /// The cache at `path`, without entries older than `max_age`; empty when there is
    /// none, or it cannot be read (it is only a cache: the links are fetched again).
    pub fn read(path: &Path, max_age: Duration) -> LinkCache {
        let Ok(text) = std::fs::read_to_string(path) else {
            return LinkCache::default();
        };
        let mut cache: LinkCache = match serde_json::from_str(&text) {
            Ok(cache) => cache,
            Err(_) => return LinkCache::default(),
        };
        if cache.version != VERSION {
            return LinkCache::default();
        }
        let oldest = now().saturating_sub(max_age.as_secs());
        cache.links.retain(|_, e| e.checked >= oldest);
        cache
    }

    /// What was found of `url`, if it was checked recently.
    pub fn get(&self, url: &str) -> Option<&Outcome> {
        self.links.get(url).map(|e| &e.outcome)
    }

    /// Records what was found of `url` just now (an unreachable link is not kept).
    pub fn put(&mut self, url: &str, outcome: &Outcome) {
        if matches!(outcome, Outcome::Unreachable { .. }) {
            return;
        }
        let entry = Entry {
            checked: now(),
            outcome: outcome.clone(),
        };
        self.links.insert(url.to_string(), entry);
    }

    /// Writes the cache to `path`, through a file beside it renamed into place, so a
    /// check stopped half-way never leaves half a file.
    pub fn write(&mut self, path: &Path) -> std::io::Result<()> {
        self.version = VERSION;
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        let partial = path.with_extension("json.partial");
        std::fs::write(&partial, text)?;
        std::fs::rename(&partial, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_kept_for_their_age_and_unreachable_ones_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CACHE_FILE);
        let mut cache = LinkCache::default();
        cache.put("https://a.org/", &Outcome::Live);
        cache.put(
            "https://b.org/",
            &Outcome::Unreachable { reason: "x".into() },
        );
        cache.write(&path).unwrap();
        let read = LinkCache::read(&path, Duration::from_secs(86_400));
        assert_eq!(read.get("https://a.org/"), Some(&Outcome::Live));
        assert_eq!(read.get("https://b.org/"), None);
        std::fs::write(&path, "not json").unwrap();
        assert_eq!(
            LinkCache::read(&path, Duration::from_secs(60)).get("https://a.org/"),
            None
        );
    }
}
