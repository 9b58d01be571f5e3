//! Function words left out of the index, one list per site language: they match nearly
//! every report, would make the shards that hold them several times larger, and say
//! nothing about an incident. `search.js` reads the list of the index it queries from
//! `meta.json` and drops the same words from queries (except the word still being
//! typed), so each list is written as the index spells its terms (see `words.rs`).
//!
//! Each site language has its own index, so a list holds only its own language's words:
//! one shared list would drop "les" from an Arabic site, where it can only be a name.

/// English function words, sorted (bytewise, as `&str` compares) for binary search.
/// "s" is what is left of a possessive ("Mali's" gives "malis", "mali" and "s").
const ENGLISH: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "in", "into", "is", "it", "its", "of", "on", "or", "s", "she",
    "that", "the", "their", "them", "they", "this", "to", "was", "were", "which", "who", "with",
];

/// French function words, sorted. "d", "l", "n", "qu" and "s" are elisions (d’une,
/// l’armée, n’a, qu’il, s’est), which the index also gives as parts; "a" is "à" folded.
const FRENCH: &[&str] = &[
    "a", "au", "aux", "ce", "d", "dans", "de", "des", "du", "en", "est", "et", "il", "ils", "l",
    "la", "le", "les", "n", "par", "pour", "qu", "que", "qui", "s", "se", "sur", "un", "une",
];

/// Arabic function words, folded (إلى is "الي", أن and إن are both "ان") and sorted by
/// their UTF-8 bytes. Prepositions, conjunctions, demonstratives and relatives: على is
/// left out, as it folds to "علي", the name Ali, which readers search for.
const ARABIC: &[&str] = &[
    "التي", "الذي", "الي", "ان", "او", "بعد", "بين", "ثم", "حتي", "ذلك", "عن", "عند", "في", "قبل",
    "قد", "كان", "لا", "ما", "مع", "من", "هذا", "هذه", "و",
];

/// Every list, for the tests.
#[cfg(test)]
pub(super) const ALL: [&[&str]; 3] = [ENGLISH, FRENCH, ARABIC];

/// Words of up to this many bytes pack into a `u64`.
const PACKED_BYTES: usize = 8;

/// The function words of one language's index, looked up for every word of every report
/// (forty million at 100,000 reports), so the lookup avoids string comparisons where it
/// can.
#[derive(Debug, Clone)]
pub(super) struct StopWords {
    words: &'static [&'static str],
    /// `words` packed (see [`packed`]) and sorted, or `None` when one is too long to
    /// pack and lookups compare strings instead.
    packed: Option<Vec<u64>>,
    /// The length of the longest word, in bytes: a longer word is not one of them.
    longest: usize,
}

impl StopWords {
    /// The function words of `lang`, a language tag ("fr", or "fr-ML" by its first
    /// part); none for a language without a list, so nothing is dropped that may matter.
    pub(super) fn for_language(lang: &str) -> StopWords {
        let primary = lang.split(['-', '_']).next().unwrap_or_default();
        let words = match primary.to_ascii_lowercase().as_str() {
            "en" => ENGLISH,
            "fr" => FRENCH,
            "ar" => ARABIC,
            _ => &[],
        };
        StopWords::new(words)
    }

    /// `words`, sorted, ready for lookups.
    fn new(words: &'static [&'static str]) -> StopWords {
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let packed = (longest <= PACKED_BYTES).then(|| {
            let mut sorted: Vec<u64> = words.iter().map(|w| packed(w)).collect();
            sorted.sort_unstable();
            sorted
        });
        StopWords {
            words,
            packed,
            longest,
        }
    }

    /// The list as `meta.json` gives it to `search.js`.
    pub(super) fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// True for one of the function words.
    pub(super) fn contains(&self, word: &str) -> bool {
        if word.len() > self.longest {
            return false;
        }
        match &self.packed {
            Some(sorted) => sorted.binary_search(&packed(word)).is_ok(),
            None => self.words.binary_search(&word).is_ok(),
        }
    }
}

/// A word of at most eight bytes as a number, so that looking it up compares integers.
/// Distinct words give distinct numbers: words hold no zero bytes, so the length is
/// where the leading zeros end.
fn packed(word: &str) -> u64 {
    word.bytes().fold(0, |n, b| n << 8 | u64::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in ALL {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn lists_are_spelled_as_the_index_spells_terms() {
        for word in ALL.concat() {
            let mut terms = Vec::new();
            super::super::words::for_each_word(word, |t| terms.push(t.to_string()));
            assert_eq!(terms, [word], "{word} is not folded");
        }
    }

    #[test]
    fn each_language_drops_its_own_words_only() {
        let (en, fr, ar) = (
            StopWords::for_language("en"),
            StopWords::for_language("fr"),
            StopWords::for_language("ar"),
        );
        assert!(en.contains("the") && !en.contains("attack") && !en.contains("les"));
        assert!(fr.contains("les") && !fr.contains("the"));
        assert!(ar.contains("في") && !ar.contains("les") && !ar.contains("the"));
        assert!(!ar.contains("علي"), "Ali is searched for");
        for stop in [&en, &fr, &ar] {
            assert!(stop.words().iter().all(|w| stop.contains(w)));
        }
        assert!(!["thee", "ana", "lesa", "x", "théir", "فيه"]
            .iter()
            .any(|w| en.contains(w) || fr.contains(w) || ar.contains(w)));
    }

    #[test]
    fn regional_tags_use_their_language_and_unknown_ones_drop_nothing() {
        assert!(StopWords::for_language("fr-ML").contains("les"));
        assert!(StopWords::for_language("EN").contains("the"));
        let none = StopWords::for_language("ha");
        assert!(none.words().is_empty() && !none.contains("the") && !none.contains(""));
    }

    #[test]
    fn long_words_fall_back_to_comparing_strings() {
        let long = StopWords::new(&["alongword", "b"]);
        assert!(long.packed.is_none());
        assert!(long.contains("alongword") && long.contains("b"));
        assert!(!long.contains("alongwor") && !long.contains("c"));
        assert!(
            StopWords::for_language("ar").packed.is_some(),
            "Arabic words pack"
        );
    }
}
