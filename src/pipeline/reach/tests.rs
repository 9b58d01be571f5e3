//! The rules of what a save reaches, on the `publish` fixture site.

use std::collections::HashSet;
use std::path::Path;

use super::*;
use crate::domain::index::build_index;
use crate::lists::CountryId;
use crate::load::{load_site, Bodies};
use crate::settings::{BuildOptions, Settings};
use crate::urls::Urls;

fn fixture() -> Site {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/publish");
    let settings = Settings::resolve(&BuildOptions {
        root,
        ..BuildOptions::default()
    })
    .expect("the fixture's settings resolve");
    load_site(settings, Bodies::Held)
        .expect("the fixture loads")
        .0
}

/// The position of the listed report whose slug starts with `prefix`.
fn report(site: &Site, prefix: &str) -> usize {
    site.incidents
        .iter()
        .position(|i| i.slug.starts_with(prefix) && i.is_listed())
        .unwrap_or_else(|| panic!("no listed report {prefix}*"))
}

fn english(site: &Site) -> crate::i18n::Catalogue {
    crate::i18n::Catalogue::load(&site.settings.root, "en").expect("the built-in English")
}

fn snapshot_of(site: &Site, i: usize) -> Snapshot {
    let index = build_index(site);
    let changed: HashSet<&Path> = [site.incidents[i].path.as_path()].into();
    Snapshot::of(site, &index, &changed)
}

#[test]
fn a_change_to_the_body_reaches_only_the_reports_own_page() {
    let site = fixture();
    let before = &site.incidents[report(&site, "2025-07-01")];
    let mut after = before.clone();
    after.tags.push("new tag".to_string());
    assert_eq!(reach(before, &after), Reach::OwnPage);
}

#[test]
fn a_new_title_reaches_the_lists_and_a_new_date_the_index() {
    let site = fixture();
    let before = &site.incidents[report(&site, "2025-07-01")];
    let mut retitled = before.clone();
    retitled.title.push_str(" (updated)");
    assert_eq!(reach(before, &retitled), Reach::Lists);
    let mut redated = before.clone();
    redated.date = redated.date.yesterday().expect("a day before");
    assert_eq!(reach(before, &redated), Reach::Index);
}

#[test]
fn one_report_edited_in_place_is_a_single_edit_and_a_new_file_is_not() {
    let site = fixture();
    let i = report(&site, "2025-07-01");
    let old = snapshot_of(&site, i);
    assert_eq!(single_edit(&old, &site, &[i]), Some((i, Reach::OwnPage)));
    assert_eq!(single_edit(&old, &site, &[i, i + 1]), None);
    let new_file: HashSet<&Path> = [Path::new("content/incidents/2025/new.md")].into();
    let added = Snapshot::of(&site, &build_index(&site), &new_file);
    assert_eq!(
        single_edit(&added, &site, &[i]),
        None,
        "a new report is not an edit"
    );
}

#[test]
fn moving_a_report_to_another_country_reaches_both_countries_and_no_other_list() {
    let old_site = fixture();
    let i = report(&old_site, "2025-07-01");
    let old = snapshot_of(&old_site, i);
    let was = old_site.incidents[i].country;
    let mut site = fixture();
    let moved_to = (was + 1) % site.registry.countries.len();
    site.incidents[i].country = moved_to;
    site.incidents[i].regions.clear();
    let index = build_index(&site);
    let urls = Urls::new("");
    let words = english(&site);
    let cx = SiteContext {
        site: &site,
        index: &index,
        urls: &urls,
        words: &words,
        languages: &[],
    };
    let affected = affected_pages(&cx, &old, &[i]);
    let pages: HashSet<Page> = affected.pages.iter().copied().collect();
    for country in [was, moved_to] {
        let first = Page::List(ListKey::Country(CountryId(country)), 1);
        assert!(pages.contains(&first), "{first:?} is rendered again");
    }
    assert!(pages.contains(&Page::Incident(i)));
    assert!(pages.contains(&Page::Home) && pages.contains(&Page::Regions));
    let named: HashSet<ListKey> = lists_with_files_of(&old_site.incidents[i])
        .into_iter()
        .chain(lists_with_files_of(&site.incidents[i]))
        .chain([ListKey::All])
        .collect();
    for page in &affected.pages {
        if let Page::List(key @ (ListKey::Group(_) | ListKey::Region(_) | ListKey::Type(_)), _) =
            page
        {
            assert!(named.contains(key), "{page:?} does not show the report");
        }
    }
    assert!(affected.gone.is_empty(), "nothing is left without a page");
}

#[test]
fn a_removed_report_leaves_its_page_gone() {
    let old_site = fixture();
    let i = report(&old_site, "2025-07-02");
    let old = snapshot_of(&old_site, i);
    let mut site = fixture();
    let removed = site.incidents.remove(i);
    let index = build_index(&site);
    let urls = Urls::new("");
    let words = english(&site);
    let cx = SiteContext {
        site: &site,
        index: &index,
        urls: &urls,
        words: &words,
        languages: &[],
    };
    let affected = affected_pages(&cx, &old, &[]);
    assert!(affected.gone.contains(&urls.incident(&removed.slug)));
    assert!(affected.pages.contains(&Page::List(ListKey::All, 1)));
}

#[test]
fn the_deferred_scope_holds_the_lists_a_report_left_and_joined() {
    let old_site = fixture();
    let i = report(&old_site, "2025-07-01");
    let old = snapshot_of(&old_site, i);
    let was = old_site.incidents[i].country;
    let mut site = fixture();
    let moved_to = (was + 1) % site.registry.countries.len();
    site.incidents[i].country = moved_to;
    let scope = deferred_scope(&site, &old, &[i]);
    let lists = scope.lists.expect("a limited scope");
    assert!(lists.contains(&ListKey::Country(CountryId(was))));
    assert!(lists.contains(&ListKey::Country(CountryId(moved_to))));
}

#[test]
fn merge_interleaves_fresh_values_with_the_kept_ones_in_path_order() {
    let mut old = strings(&["a", "b", "c", "d", "e"]);
    let merged = merge(&[1, 3], strings(&["B", "D"]), &[0, 2, 4], &mut old);
    assert_eq!(merged, ["a", "B", "c", "D", "e"]);

    let mut old = strings(&["a", "c"]);
    let added = merge(&[1], strings(&["b"]), &[0, 1], &mut old);
    assert_eq!(added, ["a", "b", "c"], "a new report slots in by path");

    let mut old = strings(&["a", "b", "c"]);
    let removed = merge(&[], Vec::new(), &[0, 2], &mut old);
    assert_eq!(removed, ["a", "c"], "a removed report leaves no gap");
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}
