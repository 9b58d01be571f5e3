//! Cutting the inverted index into shards keyed by term prefix, so a query loads only
//! the few small files that can hold its words.

/// A run of sorted terms sharing `prefix`, with the bytes they add to a shard.
struct Run<'a, 't> {
    prefix: &'t str,
    size: usize,
    terms: &'a [(&'t str, usize)],
}

/// The shard keys for `terms` (sorted, each with the bytes it adds to its shard), sorted.
///
/// Each first character starts as a key. A key whose terms pass `budget` bytes hands its
/// largest runs of terms to longer keys (one more character) until the rest fits, and
/// those keys split the same way, so a shard passes the budget only when a single term
/// does; a key left with no terms is dropped. Each term belongs to the shard of the
/// longest key it starts with.
pub(super) fn shard_keys(terms: &[(&str, usize)], budget: usize) -> Vec<String> {
    let mut keys = Vec::new();
    for run in runs(terms, 0) {
        split(run, budget, &mut keys);
    }
    keys.sort_unstable();
    keys
}

/// The position in `keys` (sorted, from [`shard_keys`]) of the shard holding `term`.
pub(super) fn shard_of(keys: &[String], term: &str) -> usize {
    term.char_indices()
        .rev()
        .find_map(|(start, c)| {
            let prefix = &term[..start + c.len_utf8()];
            keys.binary_search_by(|key| key.as_str().cmp(prefix)).ok()
        })
        .expect("every term starts with a shard key")
}

/// Adds the keys for `run`: its own unless longer keys took all its terms.
fn split(run: Run, budget: usize, keys: &mut Vec<String>) {
    let mut remaining = run.size;
    if remaining > budget {
        let mut longer = runs(run.terms, run.prefix.len());
        longer.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.prefix.cmp(b.prefix)));
        for child in longer {
            if remaining <= budget {
                break;
            }
            remaining -= child.size;
            split(child, budget, keys);
        }
    }
    if remaining > 0 {
        keys.push(run.prefix.to_string());
    }
}

/// Groups `terms` (sorted, all sharing their first `prefix_len` bytes) by their first
/// character after that; terms no longer than the prefix belong to no run.
fn runs<'a, 't>(terms: &'a [(&'t str, usize)], prefix_len: usize) -> Vec<Run<'a, 't>> {
    let mut runs: Vec<Run> = Vec::new();
    for (at, &(term, size)) in terms.iter().enumerate() {
        let Some(next) = term[prefix_len..].chars().next() else {
            continue;
        };
        let prefix = &term[..prefix_len + next.len_utf8()];
        match runs.last_mut() {
            Some(run) if run.prefix == prefix => {
                run.size += size;
                run.terms = &terms[at - run.terms.len()..=at];
            }
            _ => runs.push(Run {
                prefix,
                size,
                terms: &terms[at..=at],
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_index_has_one_shard_per_first_letter() {
        let terms = [
            ("attack", 10),
            ("attacks", 10),
            ("kayes", 10),
            ("kenieba", 10),
        ];
        assert_eq!(shard_keys(&terms, 100), ["a", "k"]);
    }

    #[test]
    fn large_prefixes_split_until_shards_fit() {
        let terms = [
            ("ka", 30),
            ("kayes", 40),
            ("kayess", 40),
            ("kenieba", 10),
            ("kidal", 10),
        ];
        let keys = shard_keys(&terms, 50);
        // "kay" and "kaye" would hold nothing, so they are no keys.
        assert_eq!(keys, ["k", "ka", "kayes", "kayess"]);
        assert_eq!(shard_of(&keys, "kidal"), 0);
        assert_eq!(shard_of(&keys, "ka"), 1);
        assert_eq!(shard_of(&keys, "kayes"), 2);
        assert_eq!(shard_of(&keys, "kayess"), 3);
    }

    #[test]
    fn keys_split_at_characters_not_bytes() {
        let terms = [("مالي", 60), ("موبتي", 60)];
        assert_eq!(shard_keys(&terms, 100), ["م", "ما"]);
    }
}
