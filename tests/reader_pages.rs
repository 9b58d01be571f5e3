//! The pages readers find their way with: maps on the map, home, country, region, group
//! and incident pages, and the charts of `/stats/` with their tables.

mod common;

use std::collections::BTreeSet;

use common::{attrs, build_fixture, build_with, copy_fixture, texts};
use scraper::{Html, Selector};

const KAYES_POST: &str = "/watch/incidents/2025-07-01-attack-on-kayes-post/";
const SEGOU: &str = "/watch/incidents/2025-03-report-from-segou/";
const DIOILA: &str = "/watch/incidents/2025-07-02-curfew-in-dioila/";
const SAHEL: &str = "/watch/incidents/2024-11-20-sahel-ambush/";

fn mark_links(page: &Html) -> BTreeSet<String> {
    attrs(page, "svg.map a.map-mark", "href")
        .into_iter()
        .collect()
}

fn count(page: &Html, selector: &str) -> usize {
    page.select(&Selector::parse(selector).unwrap()).count()
}

fn set(urls: &[&str]) -> BTreeSet<String> {
    urls.iter().map(|u| u.to_string()).collect()
}

#[test]
fn the_map_page_marks_every_listed_incident_and_rings_approximate_places() {
    let site = build_fixture("minimal");
    let map = site.page("map/");
    assert_eq!(
        mark_links(&map),
        set(&[KAYES_POST, SEGOU, DIOILA, SAHEL]),
        "the draft is left out, every other report is marked"
    );
    // Only Kéniéba has town-precise coordinates; the other reports name a region only,
    // so they must not be drawn as dots.
    assert_eq!(count(&map, "svg.map circle.map-dot"), 1);
    assert_eq!(count(&map, "svg.map circle.map-ring"), 3);
    let listed: BTreeSet<String> = attrs(&map, ".map-list a", "href").into_iter().collect();
    assert_eq!(
        listed,
        mark_links(&map),
        "the text list names what the map marks"
    );

    let base = attrs(&map, "svg.map image", "href");
    assert_eq!(base.len(), 1);
    let file = base[0]
        .strip_prefix("/watch/")
        .expect("under the base path");
    let svg = site.text(file);
    let doc = roxmltree::Document::parse(&svg).expect("the base map is well-formed SVG");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(
        svg.contains("map-focus"),
        "Mali and Burkina Faso are highlighted"
    );

    assert_eq!(
        mark_links(&site.page("")),
        mark_links(&map),
        "the home page shows the same map"
    );
}

#[test]
fn list_pages_map_their_own_incidents() {
    let site = build_fixture("minimal");
    assert_eq!(
        mark_links(&site.page("regions/mali/kayes/")),
        set(&[KAYES_POST])
    );
    assert_eq!(
        mark_links(&site.page("regions/mali/")),
        set(&[KAYES_POST, SEGOU, DIOILA])
    );
    assert_eq!(
        mark_links(&site.page("groups/jnim/")),
        set(&[KAYES_POST, SEGOU])
    );
    assert_eq!(
        count(&site.page("regions/mali/page/2/"), "svg.map"),
        0,
        "maps cover the whole list, so only its first page has one"
    );
}

#[test]
fn incident_pages_have_a_locator_map() {
    let site = build_fixture("minimal");
    let page = site.page("incidents/2025-07-01-attack-on-kayes-post/");
    assert_eq!(count(&page, ".locator .locator-map .locator-dot"), 1);
    assert_eq!(count(&page, ".locator .locator-map .locator-ring"), 0);
    assert_eq!(count(&page, ".locator svg"), 0, "no inline SVG of its own");
    let label = attrs(&page, ".locator .locator-map", "aria-label");
    assert!(label[0].contains("Kéniéba"), "{label:?}");
    assert_eq!(attrs(&page, ".locator .locator-dot", "title"), ["Kéniéba"]);

    let page = site.page("incidents/2025-07-02-curfew-in-dioila/");
    assert_eq!(count(&page, ".locator .locator-map .locator-ring"), 1);
    assert_eq!(count(&page, ".locator .locator-map .locator-dot"), 0);
    let legend = texts(&page, ".locator .map-legend").join(" ");
    assert!(legend.contains("only the region is known"), "{legend}");
    let title = attrs(&page, ".locator .locator-ring", "title");
    assert!(title[0].contains("Dioïla"), "{title:?}");
}

/// The number of `value` before `unit` in a `style` attribute such as `left:1.5%;top:2%`.
fn style_number(style: &str, property: &str) -> f64 {
    let start = style.find(&format!("{property}:")).expect(property) + property.len() + 1;
    let rest = &style[start..];
    rest[..rest.find('%').expect("in percent")].parse().unwrap()
}

#[test]
fn a_locator_mark_sits_where_its_country_map_draws_it() {
    // The report's page places its mark in percent over the same base map the country's
    // page draws its SVG over, so the two must put Kéniéba at the same spot.
    let site = build_fixture("minimal");
    let report = site.page("incidents/2025-07-01-attack-on-kayes-post/");
    let country = site.page("regions/mali/");
    let base = attrs(&country, "svg.map image", "href");
    assert_eq!(attrs(&report, ".locator-map img", "src"), base);
    assert!(site.exists(base[0].strip_prefix("/watch/").unwrap()));

    let number =
        |selector: &str, attr: &str| -> f64 { attrs(&country, selector, attr)[0].parse().unwrap() };
    let dot = format!("svg.map a.map-mark[href='{KAYES_POST}'] circle.map-dot");
    let (width, height) = (number("svg.map", "width"), number("svg.map", "height"));
    let (x, y) = (number(&dot, "cx") / width, number(&dot, "cy") / height);
    let style = &attrs(&report, ".locator-map .locator-dot", "style")[0];
    let (left, top) = (style_number(style, "left"), style_number(style, "top"));
    // The SVG rounds to a tenth of a unit, the page to a hundredth of a percent.
    assert!((left - x * 100.0).abs() < 0.05, "{style} against x {x}");
    assert!((top - y * 100.0).abs() < 0.05, "{style} against y {y}");
    assert!((0.0..=100.0).contains(&left) && (0.0..=100.0).contains(&top));
}

/// The rows of a chart's table, as (label, values).
fn table(page: &Html, chart: &str) -> Vec<(String, Vec<Option<u64>>)> {
    let rows = Selector::parse(&format!("#{chart} tbody tr")).unwrap();
    let th = Selector::parse("th").unwrap();
    let td = Selector::parse("td").unwrap();
    page.select(&rows)
        .map(|row| {
            let label = row.select(&th).next().unwrap().text().collect::<String>();
            // A figure not known is a dash, never a 0.
            let values = row
                .select(&td)
                .map(|cell| cell.text().collect::<String>().trim().parse().ok())
                .collect();
            (label.trim().to_string(), values)
        })
        .collect()
}

#[test]
fn stats_count_estimates_only_and_reports_without_one_apart_with_tables() {
    let dir = copy_fixture("minimal");
    let ambush = dir
        .path()
        .join("content/incidents/2024/2024-11-20-sahel-ambush.md");
    let text = std::fs::read_to_string(&ambush).unwrap();
    let text = text.replacen(
        "event_type: attack\n",
        "event_type: attack\nfatalities:\n  claims:\n    - {count: 9, who: soldiers, by: Wire report}\n    - {count: 7, who: soldiers, by: FDS}\n",
        1,
    );
    std::fs::write(&ambush, text).unwrap();
    // One party's figure quoted by two reports: two reports with only a claim, no sum.
    let claim = "fatalities:\n  claims:\n    - {count: 4, who: civilians, by: Local radio}\n";
    let curfew = dir
        .path()
        .join("content/incidents/2025/2025-07-02-curfew-in-dioila.md");
    let text = std::fs::read_to_string(&curfew).unwrap();
    std::fs::write(
        &curfew,
        text.replacen(
            "event_type: curfew\n",
            &format!("event_type: curfew\n{claim}"),
            1,
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/incidents/2025/2025-07-02-second-account.md"),
        format!("---\ntitle: Second account\ndate: 2025-07-02\ncountry: Mali\nregion: Dioila\nevent_type: protest\n{claim}sources:\n  - {{id: s1, name: Local radio, type: news}}\nsummary: The same events told again.\n---\nText.\n"),
    )
    .unwrap();
    let site = build_with(dir.path(), |_| {});
    let stats = site.page("stats/");

    assert!(count(&stats, "svg.chart") >= 7);
    assert_eq!(count(&stats, "svg.chart"), count(&stats, "details table"));

    let per_month = table(&stats, "incidents-per-month");
    assert_eq!(per_month.first().unwrap().0, "Jul 2025", "newest first");
    assert_eq!(per_month.last().unwrap().0, "Nov 2024");
    assert_eq!(per_month.len(), 9, "every month from Nov 2024 to Jul 2025");
    let total: u64 = per_month.iter().filter_map(|(_, v)| v[0]).sum();
    assert_eq!(total, 5, "the draft is not counted");

    let killed = table(&stats, "killed-per-month");
    let month = |label: &str| killed.iter().find(|(l, _)| l == label).unwrap().1.clone();
    // Reports, the editors' estimate, reports with only a claim, reports with neither.
    assert_eq!(
        month("Jul 2025"),
        [Some(3), Some(10), Some(2), Some(0)],
        "the estimate alone; the claims are counted as reports, not summed"
    );
    assert_eq!(
        month("Nov 2024"),
        [Some(1), None, Some(1), Some(0)],
        "no estimate: not known, whatever the claims"
    );
    assert!(!stats.root_element().html().contains("chart-series-claimed"));

    let groups = table(&stats, "incidents-by-group");
    assert!(groups.contains(&("JNIM".to_string(), vec![Some(2)])));
    let regions = table(&stats, "incidents-by-region");
    assert!(regions.contains(&("Kayes (Mali)".to_string(), vec![Some(1)])));
    let types = table(&stats, "incidents-by-type");
    assert!(types.contains(&("Attack".to_string(), vec![Some(2)])));
}

#[test]
fn search_page_offers_used_filters_and_indexes_published_reports_only() {
    let site = build_fixture("minimal");
    let page = site.page("search/");
    let index = attrs(&page, "form#search-form", "data-index");
    assert_eq!(index, ["/watch/search/index/"]);
    assert_eq!(
        attrs(&page, "script[type=module]", "src"),
        ["/watch/search.js"]
    );
    assert!(
        site.exists("search.js"),
        "the script is written at the root"
    );
    let regions = attrs(&page, "#search-region option", "value");
    assert_eq!(
        regions,
        [
            "",
            "mali/kayes",
            "mali/dioila",
            "mali/segou",
            "burkina-faso/sahel"
        ]
    );
    assert!(attrs(&page, "#search-group option", "value").contains(&"jnim".to_string()));

    let meta: serde_json::Value =
        serde_json::from_str(&site.text("search/index/meta.json")).unwrap();
    assert_eq!(meta["count"], 4, "the draft is not indexed");
    let mut docs = String::new();
    for entry in std::fs::read_dir(site.out.join("search/index/docs")).unwrap() {
        docs.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(docs.contains("Attack on an army post in Kayes"));
    assert!(!docs.contains("An unfinished report"));
    // The alias is indexed, so a reader who types it finds the group's reports.
    let mut terms = String::new();
    for entry in std::fs::read_dir(site.out.join("search/index/terms")).unwrap() {
        terms.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(terms.contains("\"gsim\""), "{terms}");
}

#[test]
fn a_report_page_stays_light() {
    // A site of 100,000 reports must fit GitHub Pages' 1 GB, so a report's page carries
    // no map drawing of its own, one citation format and no indentation. This page
    // (with a locator, figures, claims, sources and related reports) weighed well over
    // this budget with an inline SVG map and a BibTeX block; they must not creep back.
    // It holds the report's JSON record (about 1 KB here), which has no file of its own.
    let site = build_fixture("minimal");
    let page = site.text("incidents/2025-07-01-attack-on-kayes-post/index.html");
    assert!(page.len() <= 8_200, "{} bytes", page.len());
    let record = &page[page.find("<script type=\"application/json\"").unwrap()..];
    let record = &record[..record.find("</script>").unwrap()];
    assert!(record.len() <= 1_500, "{} bytes: {record}", record.len());
    let locator = &page[page.find("<section class=\"locator\"").unwrap()..];
    let locator = &locator[..locator.find("</section>").unwrap()];
    assert!(locator.len() <= 600, "{} bytes: {locator}", locator.len());
    let indented = page.lines().filter(|line| line.starts_with("  ")).count();
    assert!(indented <= 2, "{indented} indented lines");
}
