//! Which plural form a number takes in a language, by CLDR's rules.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// A language's cardinal plural rules; for a language CLDR does not know, every number
/// takes `other`.
#[derive(Clone)]
pub struct Plurals {
    rules: Option<std::sync::Arc<PluralRules>>,
}

impl std::fmt::Debug for Plurals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Plurals")
    }
}

impl Plurals {
    /// The rules of `language` (`fr`, `ar`, `en-GB`).
    pub fn for_language(language: &str) -> Plurals {
        let rules = language
            .parse::<LanguageIdentifier>()
            .ok()
            .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok())
            .map(std::sync::Arc::new);
        Plurals { rules }
    }

    /// The category `n` falls in: `zero`, `one`, `two`, `few`, `many` or `other`.
    pub fn category(&self, n: u64) -> &'static str {
        let Some(rules) = &self.rules else {
            return "other";
        };
        match rules.select(n) {
            Ok(PluralCategory::ZERO) => "zero",
            Ok(PluralCategory::ONE) => "one",
            Ok(PluralCategory::TWO) => "two",
            Ok(PluralCategory::FEW) => "few",
            Ok(PluralCategory::MANY) => "many",
            _ => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_counts_zero_as_one_and_arabic_has_six_forms() {
        let en = Plurals::for_language("en");
        assert_eq!([0, 1, 2].map(|n| en.category(n)), ["other", "one", "other"]);
        let fr = Plurals::for_language("fr");
        assert_eq!([0, 1, 2].map(|n| fr.category(n)), ["one", "one", "other"]);
        let ar = Plurals::for_language("ar");
        assert_eq!(
            [0, 1, 2, 3, 11, 100].map(|n| ar.category(n)),
            ["zero", "one", "two", "few", "many", "other"]
        );
    }
}
