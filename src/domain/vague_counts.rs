//! The numbers a site reads vague words as (`dozens: 12`, as ACLED codes them), from
//! `site.yaml`'s `vague_counts:`, for the method page and for editors choosing a `best`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Each vague word a source may use for a count, with the number the desk reads it as.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct VagueCounts(pub BTreeMap<String, u32>);

impl VagueCounts {
    /// The number `word` is read as, ignoring case and surrounding blanks.
    pub fn get(&self, word: &str) -> Option<u32> {
        let word = word.trim().to_lowercase();
        self.0
            .iter()
            .find(|(w, _)| w.trim().to_lowercase() == word)
            .map(|(_, &n)| n)
    }

    /// What is wrong with the table, as (the word to point at, message): a blank word,
    /// or one written twice in different case, which would make its reading ambiguous.
    pub fn problem(&self) -> Option<(String, String)> {
        let mut seen: Vec<String> = Vec::new();
        for word in self.0.keys() {
            let folded = word.trim().to_lowercase();
            if folded.is_empty() {
                return Some((
                    String::new(),
                    "vague_counts has a blank word: write the word a source uses (dozens)".into(),
                ));
            }
            if seen.contains(&folded) {
                return Some((
                    word.clone(),
                    format!("vague_counts lists '{word}' twice (in other case): keep one"),
                ));
            }
            seen.push(folded);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_in_any_case() {
        let counts = VagueCounts(BTreeMap::from([("dozens".to_string(), 12)]));
        assert_eq!(counts.get(" Dozens"), Some(12));
        assert_eq!(counts.get("scores"), None);
        assert_eq!(counts.problem(), None);
        let twice = VagueCounts(BTreeMap::from([
            ("dozens".to_string(), 12),
            ("Dozens".to_string(), 24),
        ]));
        assert!(twice.problem().is_some());
    }
}
