//! A site in French with English and Arabic: `tests/fixtures/bilingual` (`language: fr`,
//! `languages: [fr, en, ar]`), one report translated into English and one not, built and
//! read back as a reader and a search engine would: words per language, the notice on the
//! untranslated report, hreflang pairs, sitemap alternates, feeds and search indexes per
//! language, and links that stay in their language.

mod common;

use std::collections::BTreeMap;

use common::{attrs, texts, Built};
use scraper::{Html, Selector};

const TRANSLATED: &str = "incidents/2025-07-01-attaque-kayes/";
const UNTRANSLATED: &str = "incidents/2025-07-02-couvre-feu/";

fn site() -> Built {
    common::build_fixture("bilingual")
}

fn html_lang(page: &Html) -> (String, String) {
    let html = page
        .select(&Selector::parse("html").unwrap())
        .next()
        .unwrap()
        .value();
    (
        html.attr("lang").unwrap_or_default().to_string(),
        html.attr("dir").unwrap_or_default().to_string(),
    )
}

#[test]
fn each_language_has_its_own_words_and_the_facts_once() {
    let site = site();
    assert!(
        site.report.warnings.is_empty(),
        "{:?}",
        site.report.warnings
    );
    let home = site.page("");
    assert_eq!(html_lang(&home), ("fr".into(), "ltr".into()));
    let french = site.text(TRANSLATED);
    assert!(french.contains("1er juillet 2025"), "French dates");
    assert!(french.contains("Attaque contre un poste militaire à Kayes"));
    let english = site.text(&format!("en/{TRANSLATED}"));
    assert_eq!(html_lang(&site.page(&format!("en/{TRANSLATED}"))).0, "en");
    assert!(english.contains("1 July 2025"), "English dates");
    assert!(english.contains("Attack on an army post in Kayes"));
    assert!(english.contains("heavy gunfire"), "the translated body");
    assert!(english.contains("The group says it took control of the post."));
    assert!(
        english.contains("Sahel Watch"),
        "the site's title in English"
    );
    // Registry translations: a region's and a group's English names.
    assert!(site.text("en/regions/mali/").contains("Timbuktu"));
    assert!(site.text("regions/mali/").contains("Tombouctou"));
    assert!(site
        .text("en/groups/jnim/")
        .contains("Group for the Support of Islam and Muslims"));
    // Arabic: right to left, every report in its original language.
    let arabic = site.page(&format!("ar/{UNTRANSLATED}"));
    assert_eq!(html_lang(&arabic), ("ar".into(), "rtl".into()));
    // Data files are facts: written once, at the root, linked from every language.
    assert!(site.exists("data/incidents.csv"));
    assert!(!site.exists("en/data/incidents.csv"));
    let data_page = site.page("en/data/");
    assert!(
        attrs(&data_page, "a[href]", "href").contains(&"/veille/data/incidents.csv".to_string())
    );
}

#[test]
fn an_untranslated_report_is_shown_in_its_own_language_with_a_notice() {
    let site = site();
    let page = site.page(&format!("en/{UNTRANSLATED}"));
    let notice = texts(&page, ".notice-untranslated");
    assert_eq!(notice.len(), 1, "one notice");
    assert!(notice[0].contains("Not yet translated"), "{notice:?}");
    assert_eq!(attrs(&page, "h1", "lang"), ["fr"]);
    assert_eq!(attrs(&page, "section.body", "lang"), ["fr"]);
    // The translated report has no notice and no lang of its own.
    let translated = site.page(&format!("en/{TRANSLATED}"));
    assert!(texts(&translated, ".notice-untranslated").is_empty());
    assert!(attrs(&translated, "h1", "lang").is_empty());
    // In lists, the card keeps its language too.
    let list = site.page("en/incidents/");
    assert!(attrs(&list, ".card-title[lang]", "lang").contains(&"fr".to_string()));
}

#[test]
fn hreflang_links_pair_every_page_with_itself_in_each_language() {
    let site = site();
    let origin = "https://example.org/veille/";
    let mut checked = 0;
    for file in site.html_files() {
        if file == "404.html" || file.ends_with("/404.html") {
            continue;
        }
        let page = Html::parse_document(&std::fs::read_to_string(site.out.join(&file)).unwrap());
        let alternates: BTreeMap<String, String> = page
            .select(&Selector::parse("link[rel=alternate][hreflang]").unwrap())
            .map(|l| {
                let v = l.value();
                (
                    v.attr("hreflang").unwrap().into(),
                    v.attr("href").unwrap().into(),
                )
            })
            .collect();
        if alternates.is_empty() {
            continue; // alias redirect pages carry only their canonical link
        }
        let url = format!("{origin}{}", file.trim_end_matches("index.html"));
        let lang = html_lang(&page).0;
        assert_eq!(alternates.get(&lang), Some(&url), "{file} names itself");
        assert_eq!(alternates["x-default"], alternates["fr"], "{file}");
        // Each alternate names this page back.
        for (other, there) in &alternates {
            let there_file = there.strip_prefix(origin).unwrap();
            let back = site.page(there_file);
            let back_links = attrs(&back, &format!("link[hreflang=\"{lang}\"]"), "href");
            assert_eq!(back_links, std::slice::from_ref(&url), "{other} of {file}");
        }
        checked += 1;
    }
    assert!(checked > 60, "{checked} pages checked");
}

#[test]
fn internal_links_stay_in_the_language_of_the_page() {
    let site = site();
    let shared = |href: &str| {
        href.starts_with("/veille/data/")
            || [".csv", ".geojson", ".csv.gz", ".geojson.gz", ".json", ".css", ".js", ".svg"]
                .iter()
                .any(|ext| href.ends_with(ext))
            || href.starts_with("/veille/maps/")
            // The feed of changes mirrors the data files, which every language shares.
            || href == "/veille/changes.xml"
    };
    for lang in ["en", "ar"] {
        let prefix = format!("/veille/{lang}/");
        for file in site.html_files() {
            if !file.starts_with(&format!("{lang}/")) {
                continue;
            }
            let page =
                Html::parse_document(&std::fs::read_to_string(site.out.join(&file)).unwrap());
            // Everything but the language switch and the hreflang links.
            let selector =
                Selector::parse("body a[href]:not(.language-switch a), body [src]").unwrap();
            for link in page.select(&selector) {
                let href = link
                    .value()
                    .attr("href")
                    .or(link.value().attr("src"))
                    .unwrap();
                if href.starts_with("/veille/") && !shared(href) {
                    assert!(href.starts_with(&prefix), "{file} links to {href}");
                }
            }
        }
    }
    // A link written in the translation's body leads to the English page.
    let page = site.page(&format!("en/{TRANSLATED}"));
    assert!(attrs(&page, "section.body a", "href").contains(&format!("/veille/en/{UNTRANSLATED}")));
}

#[test]
fn the_language_switch_leads_to_the_same_page() {
    let site = site();
    let page = site.page(&format!("en/{TRANSLATED}"));
    let switch = attrs(&page, ".language-switch a", "href");
    assert_eq!(
        switch,
        [
            format!("/veille/{TRANSLATED}"),
            format!("/veille/en/{TRANSLATED}"),
            format!("/veille/ar/{TRANSLATED}"),
        ]
    );
    assert_eq!(
        attrs(&page, ".language-switch a[aria-current]", "lang"),
        ["en"]
    );
    assert_eq!(
        texts(&page, ".language-switch a"),
        ["Français", "English", "العربية"]
    );
}

#[test]
fn sitemaps_feeds_and_search_indexes_are_per_language() {
    let site = site();
    let sitemap = site.text("sitemap.xml");
    assert!(sitemap.contains(&format!(
        "<url><loc>https://example.org/veille/en/{TRANSLATED}</loc>"
    )));
    assert!(sitemap.contains(&format!(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/veille/en/{TRANSLATED}\"/>"
    )));
    assert!(sitemap.contains("hreflang=\"x-default\""));
    let french_feed = site.text("atom.xml");
    let english_feed = site.text("en/atom.xml");
    assert!(french_feed.contains("Attaque contre un poste militaire"));
    assert!(english_feed.contains("Attack on an army post in Kayes"));
    assert!(english_feed.contains(&format!("https://example.org/veille/en/{TRANSLATED}")));
    assert!(site.exists("en/regions/mali/kayes/atom.xml"));
    // The untranslated report keeps its language in the English feed; each language's
    // entries have ids of their own.
    assert_eq!(english_feed.matches("<entry xml:lang=\"fr\">").count(), 1);
    let ids = |feed: &str| -> Vec<String> {
        feed.lines()
            .filter(|l| l.trim_start().starts_with("<id>urn:uuid:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(ids(&french_feed).len(), 2);
    assert!(ids(&french_feed)
        .iter()
        .all(|id| !ids(&english_feed).contains(id)));
    // A French word of the body is in the root's index only, an English one in /en/'s.
    let index_text = |folder: &str| -> String {
        common::files_under(&site.out.join(folder))
            .into_values()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .collect()
    };
    let root = index_text("search/index");
    let english = index_text("en/search/index");
    assert!(root.contains("habitants") && !root.contains("gunfire"));
    assert!(english.contains("gunfire") && !english.contains("habitants"));
}
