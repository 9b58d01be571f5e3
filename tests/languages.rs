//! A site's interface in its language: French and Arabic built in, a site's own strings
//! over them, and the errors an editor sees for a wrong key.

mod common;

use std::path::Path;

/// A copy of the minimal fixture with `language` in its settings.
fn site_in(language: &str) -> tempfile::TempDir {
    let site = common::copy_fixture("minimal");
    let settings = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let text: String = text
        .lines()
        .filter(|line| !line.starts_with("language:"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&settings, format!("{text}language: {language}\n")).unwrap();
    site
}

/// The page's `<title>`.
fn title_of(built: &common::Built, url: &str) -> String {
    common::texts(&built.page(url), "title").concat()
}

fn first_report(built: &common::Built) -> String {
    let listing = built.page("incidents/");
    let link = scraper::Selector::parse("main article h3 a").unwrap();
    let href = listing
        .select(&link)
        .next()
        .and_then(|a| a.value().attr("href"))
        .expect("a report on the list")
        .to_string();
    let at = href.find("incidents/").expect("a report's URL");
    href[at..].to_string()
}

#[test]
fn a_french_site_speaks_french() {
    let site = site_in("fr");
    let built = common::build_with(site.path(), |_| {});
    let home = built.text("");
    assert!(
        home.contains("<html lang=\"fr\" dir=\"ltr\">"),
        "lang and dir"
    );
    assert!(title_of(&built, "regions/").starts_with("Régions · "));
    assert!(title_of(&built, "incidents/").starts_with("Tous les incidents · "));
    let report = built.text(&first_report(&built));
    assert!(
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"]
            .iter()
            .any(|month| report.contains(month)),
        "a French month name on the report page"
    );
    assert!(
        !report.contains("Skip to content"),
        "no English left in the frame"
    );
}

#[test]
fn an_arabic_site_is_written_right_to_left() {
    let site = site_in("ar");
    let built = common::build_with(site.path(), |_| {});
    let home = built.text("");
    assert!(
        home.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "lang and dir"
    );
    assert!(title_of(&built, "regions/").starts_with("المناطق · "));
}

#[test]
fn a_site_changes_one_string_of_its_language() {
    let site = site_in("fr");
    let folder = site.path().join("i18n");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("fr.yaml"), "titles:\n  regions: Territoires\n").unwrap();
    let built = common::build_with(site.path(), |_| {});
    assert!(title_of(&built, "regions/").starts_with("Territoires · "));
    assert!(title_of(&built, "groups/").starts_with("Groupes · "));
}

#[test]
fn a_misspelt_string_is_an_error_at_its_line_and_the_build_writes_nothing() {
    let site = site_in("fr");
    let folder = site.path().join("i18n");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("fr.yaml"), "titles:\n  regoins: Territoires\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let failure = build_failure(site.path(), &out.path().join("public"));
    let text = common::explain(&failure);
    assert!(text.contains("i18n/fr.yaml:2:3"), "{text}");
    assert!(
        text.contains("unknown interface string 'titles.regoins'"),
        "{text}"
    );
    assert!(text.contains("did you mean 'titles.regions'?"), "{text}");
    assert!(!out.path().join("public").exists());
}

#[test]
fn a_language_with_no_strings_is_an_error_naming_the_file_to_write() {
    let site = site_in("ha");
    let out = tempfile::tempdir().unwrap();
    let failure = build_failure(site.path(), &out.path().join("public"));
    let text = common::explain(&failure);
    assert!(
        text.contains("no interface strings for language 'ha'"),
        "{text}"
    );
    assert!(text.contains("i18n/ha.yaml"), "{text}");
}

fn build_failure(root: &Path, out: &Path) -> incidex::pipeline::BuildFailure {
    incidex::pipeline::build(&common::options(root, out)).expect_err("the build fails")
}

/// The inline map SVG of the page at `url`.
fn map_svg_of(built: &common::Built, url: &str) -> String {
    let page = built.text(url);
    let start = page.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\"");
    let start = start.expect("a map on the page");
    let end = start + page[start..].find("</svg>").unwrap();
    page[start..end].to_string()
}

#[test]
fn a_french_sites_charts_maps_and_sizes_are_french() {
    let site = site_in("fr");
    let built = common::build_with(site.path(), |_| {});
    let stats = built.text("stats/");
    for french in [
        "Incidents par mois",
        "Personnes tuées par mois",
        "Mois",
        "colonne",
    ] {
        assert!(stats.contains(french), "{french} on the stats page");
    }
    for english in [
        "Incidents per month",
        "People killed",
        "Editors' estimate",
        "Editors&#x27;",
        "Party claim",
        "Month<",
        "highest",
        "Scale 0 to",
        "columns,",
        " bars.",
        "Incidents by",
    ] {
        assert!(!stats.contains(english), "{english} on the stats page");
    }
    let map = map_svg_of(&built, "map/");
    assert!(map.contains("Tous les incidents localisés"), "{map}");
    assert!(map.contains(" en ") && map.contains("lieu"), "{map}");
    for english in [
        "Every located",
        " at ",
        "place",
        "Solid dots",
        "Dashed rings",
    ] {
        assert!(!map.contains(english), "{english} in the map: {map}");
    }
    let data = built.text("data/");
    assert!(
        data.contains(" octets<") || data.contains(" Ko<"),
        "French sizes"
    );
    assert!(!data.contains(" KB<") && !data.contains(" bytes<"));
}

#[test]
fn an_arabic_sites_stats_page_is_arabic() {
    let site = site_in("ar");
    let built = common::build_with(site.path(), |_| {});
    let stats = built.text("stats/");
    assert!(stats.contains("الحوادث شهريًا"));
    assert!(!stats.contains("Incidents per month") && !stats.contains("Scale 0 to"));
    let map = map_svg_of(&built, "map/");
    assert!(map.contains("كل الحوادث المحدّدة الموقع"), "{map}");
}
