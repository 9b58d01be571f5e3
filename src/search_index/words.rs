//! How text becomes search terms. `static/search.js` splits the reader's query by the
//! same rules (its `queryWords` mirrors [`for_each_word`], with the same fold table and
//! apostrophes), so the two must change together; a test in `tests.rs` checks the
//! tables match.

/// Longer runs are identifiers or pasted links, not words anyone types.
pub(super) const MAX_WORD_CHARS: usize = 40;

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

/// Arabic signs dropped from inside a word, as inclusive ranges of code points: tatweel
/// (the stroke that stretches a word for layout) and the tashkeel (short vowels, tanwin,
/// shadda, sukun) with the superscript alef. Most text is written without them, so a
/// word must be found however fully it was vowelled. `search.js` has the same table.
pub(super) const ARABIC_MARKS: [(u32, u32); 3] = [(0x640, 0x640), (0x64B, 0x65F), (0x670, 0x670)];

/// Arabic letters written several ways for one word, and the one the index spells them
/// with: alef with madda, hamza above or below, or wasla as bare alef; alef maqsura as
/// ya; ta marbuta as ha. Writers and keyboards mix them freely (أمن and امن, مدرسة and
/// مدرسه), so search folds them as Latin text folds accents. `search.js` has the same
/// table.
pub(super) const ARABIC_FOLDS: [(char, char); 6] = [
    ('\u{622}', '\u{627}'),
    ('\u{623}', '\u{627}'),
    ('\u{625}', '\u{627}'),
    ('\u{671}', '\u{627}'),
    ('\u{649}', '\u{64A}'),
    ('\u{629}', '\u{647}'),
];

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
    if ('\u{300}'..='\u{36F}').contains(&c) || is_arabic_mark(c) {
        // Combining accents (decomposed text) and Arabic vowel signs fold away without
        // splitting the word.
    } else if APOSTROPHES.contains(&c) {
        if !word.is_empty() {
            cuts.push(word.len());
        }
    } else if let Some(folded) = fold_arabic(c) {
        word.push(folded);
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

/// True for the Arabic signs of [`ARABIC_MARKS`].
fn is_arabic_mark(c: char) -> bool {
    let point = u32::from(c);
    ARABIC_MARKS
        .iter()
        .any(|&(first, last)| (first..=last).contains(&point))
}

/// The letter an Arabic letter of [`ARABIC_FOLDS`] is spelled with, or `None` for any
/// other character.
fn fold_arabic(c: char) -> Option<char> {
    // Outside the span of the table (all Latin text), one comparison decides.
    if !('\u{622}'..='\u{671}').contains(&c) {
        return None;
    }
    ARABIC_FOLDS
        .iter()
        .find(|&&(from, _)| from == c)
        .map(|&(_, to)| to)
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
    fn arabic_marks_fold_away_inside_the_word() {
        // Fully vowelled or stretched with tatweel, al-madrasa is the bare word.
        assert_eq!(words("الْمَدْرَسَةُ"), ["المدرسه"]);
        assert_eq!(words("المـــدرسة"), ["المدرسه"]);
        assert_eq!(words("هٰذا"), ["هذا"]);
        assert_eq!(words("كِتَابٌ، جَيْش"), ["كتاب", "جيش"]);
    }

    #[test]
    fn arabic_letter_forms_fold_to_one() {
        assert_eq!(words("أمن"), words("امن"));
        assert_eq!(words("آمن إمام ٱلله"), ["امن", "امام", "الله"]);
        assert_eq!(words("إلى مستشفى"), ["الي", "مستشفي"]);
        assert_eq!(words("مدرسة"), ["مدرسه"]);
        // Folding twice changes nothing: the letters folded to are not folded again.
        for (from, to) in ARABIC_FOLDS {
            assert_eq!(fold_arabic(from), Some(to));
            assert_eq!(words(&to.to_string()), [to.to_string()]);
        }
    }
}
