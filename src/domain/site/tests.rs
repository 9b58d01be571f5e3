//! `Site::in_language`: what a page in a further language shows of the site.

use std::path::{Path, PathBuf};

use super::*;
use crate::domain::model::{Assertion, Body, Party};
use crate::settings::SiteConfig;

fn settings() -> Settings {
    let config: SiteConfig = crate::yaml::parse_document(
        "title: Sahel Monitor\ndescription: Attacks.\nlanguage: en\nlanguages: [en, fr, ar]\n\
         translations: {fr: {title: Veille Sahel}}\n",
        1,
        Path::new("site.yaml"),
    )
    .unwrap();
    Settings {
        root: PathBuf::from("site"),
        output: PathBuf::from("site/public"),
        config,
        base_path: "/".into(),
        drafts: false,
        languages: vec!["en".into(), "fr".into(), "ar".into()],
    }
}

fn incident(stem: &str, translations: Vec<Translation>) -> Incident {
    let claim = |text: &str| Assertion {
        by: Party::Named("officials".into()),
        text: text.into(),
        source: None,
        disputed: false,
        credibility: None,
    };
    Incident {
        title: "Attack in Kayes".into(),
        assertions: vec![claim("Took the post"), claim("Lost no one")],
        tags: vec!["barracks".into()],
        body: Body::Held("<p>Fighters.</p>".into()),
        site_links: vec!["/incidents/a/".into()],
        translations,
        ..Incident::example(stem)
    }
}

fn french(stem: &str, claim_texts: Vec<String>) -> Translation {
    Translation {
        lang: "fr".into(),
        path: PathBuf::from(format!("content/incidents/{stem}.fr.md")),
        title: "Attaque à Kayes".into(),
        summary: "Des combattants ont attaqué.".into(),
        tags: None,
        claim_texts,
        body: Body::InFile,
        site_links: Vec::new(),
        last_changed: None,
    }
}

fn site() -> Site {
    let claims = vec!["A pris le poste".into(), "N'a perdu personne".into()];
    Site {
        settings: settings(),
        registry: Registry::default(),
        incidents: vec![
            incident("a", vec![french("a", claims)]),
            incident("b", vec![french("b", Vec::new())]),
            incident("c", Vec::new()),
        ],
    }
}

#[test]
fn a_translated_report_shows_its_translation() {
    let french = site().in_language("fr");
    let a = &french.incidents[0];
    assert_eq!(a.title, "Attaque à Kayes");
    assert_eq!(a.summary, "Des combattants ont attaqué.");
    assert_eq!(a.assertions[1].text, "N'a perdu personne");
    assert_eq!(
        a.tags,
        ["barracks"],
        "no translated tags: the report's stay"
    );
    assert!(matches!(a.body, Body::InFile));
    assert!(a.site_links.is_empty());
    assert_eq!(a.path, Path::new("content/incidents/a.fr.md"));
    assert_eq!(a.slug, "a", "slugs never change with the language");
    assert_eq!(a.shown_in, None);
    let b = &french.incidents[1];
    assert_eq!(
        b.assertions[0].text, "Took the post",
        "claims not translated"
    );
}

#[test]
fn a_report_without_translation_is_shown_in_the_default_language() {
    let french = site().in_language("fr");
    let c = &french.incidents[2];
    assert_eq!(c.title, "Attack in Kayes");
    assert_eq!(c.shown_in.as_deref(), Some("en"));
    assert_eq!(c.path, Path::new("content/incidents/c.md"));
    let arabic = site().in_language("ar");
    assert!(arabic
        .incidents
        .iter()
        .all(|i| i.shown_in.as_deref() == Some("en")));
}

#[test]
fn the_site_strings_follow_the_language() {
    let french = site().in_language("fr");
    assert_eq!(french.settings.config.title, "Veille Sahel");
    assert_eq!(
        french.settings.config.description, "Attacks.",
        "not translated"
    );
    assert_eq!(french.settings.config.language, "fr");
    assert_eq!(
        french.settings.languages[0], "en",
        "the default stays first"
    );
    let english = site().in_language("en");
    assert_eq!(english.settings.config.title, "Sahel Monitor");
    assert!(english.incidents.iter().all(|i| i.shown_in.is_none()));
    assert_eq!(english.incidents[0].title, "Attack in Kayes");
}
