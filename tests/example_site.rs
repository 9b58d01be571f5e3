//! The example site in the repository's own `content/` builds, and its first reports say
//! what the source article says: in French at the root, in English under `/en/`.

mod common;

use std::path::Path;

use common::{attrs, build_with, texts};

fn example() -> common::Built {
    build_with(Path::new(env!("CARGO_MANIFEST_DIR")), |_| {})
}

#[test]
fn the_example_site_builds_without_warnings() {
    let site = example();
    assert!(site.report.incidents >= 4, "{}", site.report.incidents);
    assert!(
        site.report.warnings.is_empty(),
        "warnings: {:?}",
        site.report.warnings
    );
    assert!(site.exists("style.css"));
    assert!(site.exists(".nojekyll"));
}

#[test]
fn the_coordinated_attacks_are_filed_with_their_claims() {
    let site = example();
    let french = site.page("incidents/2025-07-01-coordinated-attacks-on-army-posts/");
    assert_eq!(texts(&french, ".facts time"), ["1er juillet 2025"]);
    let page = site.page("en/incidents/2025-07-01-coordinated-attacks-on-army-posts/");
    assert_eq!(texts(&page, ".facts time"), ["1 July 2025"]);
    let places = texts(&page, ".facts li").join(" | ");
    for town in ["Diéma", "Kéniéba", "Yélimané"] {
        assert!(places.contains(town), "{town} missing from {places}");
    }
    // The only toll is the army's, and it is labelled as the army's.
    assert_eq!(
        texts(&page, "table.claims tbody tr"),
        ["80 militants FAMa Africa Live News"]
    );
    assert_eq!(
        texts(&page, ".estimate"),
        ["Editor's estimate: none. The figures below are claims, each attributed to the party that made it."]
    );
    let related = attrs(&page, ".related a", "href");
    assert!(related.contains(&"/incidex/en/incidents/2025-07-01-kayes-curfew/".to_string()));
}

#[test]
fn the_curfews_have_region_pages_with_folded_slugs() {
    let site = example();
    let dioila = site.page("regions/mali/dioila/");
    assert!(texts(&dioila, "h1")[0].contains("Dioïla"));
    assert_eq!(
        attrs(&dioila, ".card-title a", "href"),
        ["/incidex/incidents/2025-07-01-dioila-curfew/"]
    );
    let kayes = texts(&site.page("en/regions/mali/kayes/"), ".card-title");
    assert!(
        kayes.contains(
            &"Kayes authorities impose 30-day overnight curfew after attacks".to_string()
        ),
        "{kayes:?}"
    );
}

#[test]
fn every_registered_sahel_group_has_a_page() {
    let site = example();
    for group in ["jnim", "issp", "fama", "africa-corps"] {
        assert!(
            site.exists(&format!("groups/{group}/")),
            "no page for {group}"
        );
    }
    for country in ["mali", "burkina-faso", "niger"] {
        assert!(
            site.exists(&format!("regions/{country}/")),
            "no page for {country}"
        );
    }
}
