//! How text becomes search terms. `static/search.js` splits the reader's query by the
//! same rules (its `queryWords` mirrors [`for_each_word`], with the same fold table and
//! apostrophes), so the two must change together; a test in `tests.rs` checks the
//! tables match.

/// Longer runs are identifiers or pasted links, not words anyone types.
pub(super) const MAX_WORD_CHARS: usize = 40;

/// Function words left out of the index: they match nearly every report, would make
/// the shards that hold them several times larger, and say nothing about an incident.
/// English and French; `search.js` reads this list from `meta.json` and drops the same
/// words from queries (except the word still being typed).
pub(super) const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "au", "aux", "be", "been", "but", "by", "d", "dans", "de",
    "des", "du", "en", "est", "et", "for", "from", "had", "has", "have", "he", "her", "his", "in",
    "into", "is", "it", "its", "l", "la", "le", "les", "of", "on", "or", "par", "pour", "qu",
    "que", "qui", "s", "she", "sur", "that", "the", "their", "them", "they", "this", "to", "un",
    "une", "was", "were", "which", "who", "with",
];

/// ASCII folds of U+00C0..=U+017F (Latin-1 Supplement and Latin Extended-A), one
/// character per code point: a letter is the fold, `.` marks the two signs of the block
/// (× and ÷), and an upper-case letter stands for a two-letter fold (see [`fold_latin`]).
/// Made with NFD plus the letters NFD leaves whole (ø → o, ł → l, đ → d, ı → i).
pub(super) const LATIN_FOLDS: [&str; 3] = [
    "aaaaaaAceeeeiiiidnooooo.ouuuuyTSaaaaaaAceeeeiiiidnooooo.ouuuuyTy",
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkklllllll",
    "lllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
];

/// Characters that join the parts of a word (Jama'at, l’armée) rather than split it.
const APOSTROPHES: &[char] = &[
    '\'', '\u{2018}', '\u{2019}', '\u{2BC}', '\u{2BE}', '\u{2BF}',
];

/// The length of the longest of [`STOP_WORDS`], in bytes.
const LONGEST_STOP_WORD: usize = 5;

/// A word of at most eight bytes as a number, so that looking it up compares integers.
fn packed(word: &str) -> u64 {
    word.bytes().fold(0, |n, b| n << 8 | u64::from(b))
}

/// [`STOP_WORDS`], packed and sorted.
static PACKED_STOP_WORDS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut words: Vec<u64> = STOP_WORDS.iter().map(|w| packed(w)).collect();
    words.sort_unstable();
    words
});

/// True for the function words [`STOP_WORDS`] lists.
pub(super) fn is_stop_word(word: &str) -> bool {
    // Called for every word of every report (forty million at 100,000 reports), so it
    // avoids string comparisons; a word longer than every stop word is not one.
    word.len() <= LONGEST_STOP_WORD && PACKED_STOP_WORDS.binary_search(&packed(word)).is_ok()
}

/// Calls `emit` with every search term of `text`: lower case, accents folded (Dioïla →
/// dioila), split at anything but letters and digits. A word with apostrophes gives
/// itself without them and each of its parts, so "Jama'at" is found as "jamaat",
/// "jama'at" and "jama", and "l’armée" as "armee". Terms may repeat.
pub(super) fn for_each_word(text: &str, mut emit: impl FnMut(&str)) {
    let mut word = String::new();
    // Byte offsets in `word` where an apostrophe stood.
    let mut cuts: Vec<usize> = Vec::new();
    for c in text.chars() {
        // Most text is ASCII: decide it here, without the general Unicode path.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if c == '\'' {
                if !word.is_empty() {
                    cuts.push(word.len());
                }
            } else {
                emit_word(&word, &cuts, &mut emit);
                word.clear();
                cuts.clear();
            }
            continue;
        }
        for c in c.to_lowercase() {
            fold_char(c, &mut word, &mut cuts, &mut emit);
        }
    }
    emit_word(&word, &cuts, &mut emit);
}

/// One lower-case character outside ASCII, folded into `word` or ending it.
fn fold_char(c: char, word: &mut String, cuts: &mut Vec<usize>, emit: &mut impl FnMut(&str)) {
    {
        if ('\u{300}'..='\u{36F}').contains(&c) {
            // Combining accents (decomposed text) fold away without splitting the word.
        } else if APOSTROPHES.contains(&c) {
            if !word.is_empty() {
                cuts.push(word.len());
            }
        } else if let Some(folded) = fold_latin(c) {
            word.push_str(folded);
        } else if c.is_alphanumeric() {
            word.push(c);
        } else {
            emit_word(word, cuts, emit);
            word.clear();
            cuts.clear();
        }
    }
}

/// Emits `word` and, when it had apostrophes at `cuts`, each non-empty part.
fn emit_word(word: &str, cuts: &[usize], emit: &mut impl FnMut(&str)) {
    // Byte length bounds the character count, so most words skip counting.
    if word.is_empty() || (word.len() > MAX_WORD_CHARS && word.chars().count() > MAX_WORD_CHARS) {
        return;
    }
    emit(word);
    // A trailing apostrophe (soldiers') cuts nothing off.
    if cuts.iter().all(|&cut| cut == word.len()) {
        return;
    }
    let mut start = 0;
    for &end in cuts.iter().chain(std::iter::once(&word.len())) {
        if end > start {
            emit(&word[start..end]);
        }
        start = end;
    }
}

/// The ASCII fold of a Latin letter with a diacritic, or `None` outside the table.
fn fold_latin(c: char) -> Option<&'static str> {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
    let offset = (c as usize).checked_sub(0xC0)?;
    let code = *LATIN_FOLDS.get(offset / 64)?.as_bytes().get(offset % 64)?;
    match code {
        b'a'..=b'z' => {
            let at = usize::from(code - b'a');
            Some(&LETTERS[at..=at])
        }
        b'A' => Some("ae"),
        b'I' => Some("ij"),
        b'O' => Some("oe"),
        b'S' => Some("ss"),
        b'T' => Some("th"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(
            words("Dioïla, SÉGOU; Kéniéba"),
            ["dioila", "segou", "kenieba"]
        );
        assert_eq!(words("Œuvre Straße Łódź"), ["oeuvre", "strasse", "lodz"]);
        // Decomposed accents fold the same way as precomposed ones.
        assert_eq!(words("Dioi\u{308}la"), ["dioila"]);
    }

    #[test]
    fn apostrophes_give_the_joined_word_and_its_parts() {
        assert_eq!(words("Jama'at"), ["jamaat", "jama", "at"]);
        assert_eq!(words("l’armée"), ["larmee", "l", "armee"]);
        assert_eq!(words("'quoted' soldiers'"), ["quoted", "soldiers"]);
    }

    #[test]
    fn splits_at_punctuation_and_keeps_other_scripts() {
        assert_eq!(
            words("al-Islam 1,000 × 2"),
            ["al", "islam", "1", "000", "2"]
        );
        assert_eq!(words("مالي"), ["مالي"]);
        assert!(words(&"x".repeat(MAX_WORD_CHARS + 1)).is_empty());
    }

    #[test]
    fn fold_table_covers_its_block() {
        assert_eq!(LATIN_FOLDS.concat().len(), 0x180 - 0xC0);
        assert_eq!(fold_latin('×'), None);
        assert_eq!(fold_latin('ſ'), Some("s"));
        assert_eq!(fold_latin('z'), None);
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            STOP_WORDS.iter().map(|w| w.len()).max(),
            Some(LONGEST_STOP_WORD)
        );
        assert!(is_stop_word("the") && !is_stop_word("attack"));
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(!["thee", "ana", "lesa", "x", "théir"]
            .iter()
            .any(|w| is_stop_word(w)));
    }
}
