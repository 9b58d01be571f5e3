//! The languages a site is published in: the default at the root, each further one under
//! `/LANG/` with the same slugs, so any page has one counterpart per language. The
//! language switch, `hreflang` links and the sitemap's alternates are all made here.

use serde::Serialize;

use crate::i18n::Catalogue;
use crate::settings::Settings;
use crate::urls::Urls;

/// A language the site is published in.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// Its tag (`fr`), as `lang` and `hreflang` take it and as its folder is named.
    pub code: String,
    /// Its name in itself ("Français"), which is how a reader looks for it in a switch.
    pub name: String,
    /// True for the site's default language, whose pages are at the root.
    pub default: bool,
}

/// One page in one language: an entry of the language switch and an `hreflang` link.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// The language's tag.
    pub code: String,
    /// The language's name in itself.
    pub name: String,
    /// The page's path in that language.
    pub url: String,
    /// Its absolute URL, as `hreflang` links and sitemaps want.
    pub absolute: String,
    /// True for the language of the page being made.
    pub current: bool,
}

/// Every language the site publishes, the default first; each named from its catalogue
/// (the site's own `i18n/LANG.yaml` or the built-in one), or by its tag without one.
pub fn published(settings: &Settings) -> Vec<Language> {
    // A site in one language shows no switch, so its name is never read.
    let one = settings.languages.len() < 2;
    settings
        .languages
        .iter()
        .enumerate()
        .map(|(n, code)| {
            let name = (!one)
                .then(|| Catalogue::load(&settings.root, code).ok())
                .flatten()
                .map(|words| words.text("language.name").to_string())
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| code.clone());
            Language {
                code: code.clone(),
                name,
                default: n == 0,
            }
        })
        .collect()
}

/// The folder of `language`'s pages below the root: `None` for the default language.
pub fn folder(language: &Language) -> Option<&str> {
    (!language.default).then_some(language.code.as_str())
}

/// The page at `url` (made with `urls`, the URLs of language `current`) in every
/// language; empty for a site in one language, which needs no switch.
pub fn alternates(languages: &[Language], urls: &Urls, current: &str, url: &str) -> Vec<Alternate> {
    if languages.len() < 2 {
        return Vec::new();
    }
    languages
        .iter()
        .map(|language| {
            let there = urls.same_page_in(url, folder(language));
            Alternate {
                code: language.code.clone(),
                name: language.name.clone(),
                absolute: urls.absolute(&there),
                url: there,
                current: language.code == current,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(code: &str, default: bool) -> Language {
        Language {
            code: code.to_string(),
            name: code.to_uppercase(),
            default,
        }
    }

    #[test]
    fn each_language_points_at_the_same_page_in_the_others() {
        let languages = [language("fr", true), language("en", false)];
        let root = Urls::for_site("https://example.org/site/", "/site/");
        let english = root.for_language(Some("en"));
        let from_english = alternates(&languages, &english, "en", &english.incident("x"));
        let from_french = alternates(&languages, &root, "fr", &root.incident("x"));
        let urls = |list: &[Alternate]| list.iter().map(|a| a.url.clone()).collect::<Vec<_>>();
        assert_eq!(urls(&from_english), urls(&from_french));
        assert_eq!(
            urls(&from_french),
            ["/site/incidents/x/", "/site/en/incidents/x/"]
        );
        assert_eq!(
            from_english[1].absolute,
            "https://example.org/site/en/incidents/x/"
        );
        assert!(from_english[1].current && !from_english[0].current);
    }

    #[test]
    fn a_site_in_one_language_has_no_alternates() {
        let urls = Urls::new("/");
        assert!(alternates(&[language("en", true)], &urls, "en", "/").is_empty());
    }
}
