//! How sure a report is and how to check it, as readers and data users see it (issue 19):
//! the grade with its definition on the report's page and a badge on its card, each
//! source's reliability and provenance, each claim's credibility, the scale on the about
//! page, the grade as a search filter and a stats chart, and the new export columns.
//! Built from `tests/fixtures/publish`: T-0001 is graded `fair`, with a source carrying
//! every provenance field and a graded claim; the two-villages report is `weak`; the
//! others are not graded.

mod common;

use std::collections::HashMap;

use common::{attrs, build_fixture, build_with, copy_fixture, texts, Built};
use scraper::{Html, Selector};

const KAYES: &str = "incidents/2025-07-01-attack-on-kayes-post/";
const HASH: &str = "9f2c4b1a0e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b";

/// The rows of a CSV file of the output, each as column name to value.
fn csv_rows(site: &Built, file: &str) -> Vec<HashMap<String, String>> {
    let text = common::read_text(&site.out.join(file));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .map(String::from)
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

fn row<'a>(
    rows: &'a [HashMap<String, String>],
    column: &str,
    value: &str,
) -> &'a HashMap<String, String> {
    rows.iter()
        .find(|r| r[column] == value)
        .unwrap_or_else(|| panic!("no row with {column} = {value}"))
}

fn text_of(page: &Html, selector: &str) -> String {
    texts(page, selector).join(" | ")
}

#[test]
fn a_report_page_shows_its_grade_with_the_definition_and_its_sources_provenance() {
    let site = build_fixture("publish");
    let page = site.page(KAYES);
    let grade = text_of(&page, ".facts dd.grade");
    assert_eq!(
        grade,
        "Fair — Two or more credible sources, independent of each other, report it."
    );
    assert_eq!(
        attrs(&page, ".facts dd.grade a", "href"),
        ["/sub/about/#confidence"]
    );
    assert_eq!(text_of(&page, "#sources-heading"), "Sources (2)");

    let first = text_of(&page, "#source-s1");
    assert!(first.contains("reliability B: usually reliable"), "{first}");
    assert!(first.contains("checked 3 July 2025"), "{first}");
    assert_eq!(
        text_of(&page, "#source-s1 code.hash"),
        HASH,
        "stored in lower case, in full"
    );
    assert_eq!(
        attrs(&page, "#source-s1 a", "href")[1],
        "https://web.archive.org/web/2025/https://example.com/bulletin"
    );
    let second = text_of(&page, "#source-s2");
    assert!(
        second.contains("reliability F: cannot be judged"),
        "{second}"
    );
    assert!(
        !second.contains("checked") && !second.contains("SHA-256"),
        "{second}"
    );

    let claims = texts(&page, ".assertions li");
    assert!(claims[0].contains("credibility 4: doubtful"), "{claims:?}");
    assert!(
        !claims[1].contains("credibility"),
        "an ungraded claim says nothing: {claims:?}"
    );
}

#[test]
fn an_ungraded_report_shows_no_grade_and_cards_carry_the_badge_only_when_graded() {
    let site = build_fixture("publish");
    let page = site.page("incidents/2025-07-02-curfew-in-dioila/");
    assert!(texts(&page, ".facts dd.grade").is_empty());
    assert!(!text_of(&page, ".facts").contains("Confidence"));
    let home = site.page("");
    let badges = texts(&home, ".card .grade");
    assert_eq!(badges, ["Confidence: Fair", "Confidence: Weak"]);
    let cards = Selector::parse(".card").unwrap();
    assert!(home.select(&cards).count() > badges.len());
}

#[test]
fn list_rows_carry_the_grade_label() {
    let site = build_fixture("publish");
    // paginate_by 2: the newest two are cards, the rest rows on later pages.
    let rows: Vec<String> = ["incidents/page/2/", "incidents/page/3/"]
        .iter()
        .filter(|url| site.exists(url))
        .flat_map(|url| texts(&site.page(url), "td .badge"))
        .collect();
    assert_eq!(rows, ["Weak"]);
}

#[test]
fn the_about_page_explains_the_scale_the_admiralty_code_and_vague_counts() {
    let site = build_fixture("publish");
    let about = site.page("about/");
    let section = Selector::parse("section[aria-labelledby=confidence]").unwrap();
    assert_eq!(about.select(&section).count(), 1);
    assert_eq!(
        texts(&about, "#confidence ~ dl.grades dt"),
        ["Confirmed", "Fair", "Weak", "Contested", "Discounted"]
    );
    assert_eq!(attrs(&about, "dl.grades dt", "id")[2], "grade-weak");
    let rows = texts(&about, "section[aria-labelledby=confidence] table tr");
    assert!(
        rows.iter()
            .any(|r| r.contains('C') && r.contains("fairly reliable")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains('5') && r.contains("improbable")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("dozens") && r.contains("12")),
        "{rows:?}"
    );
}

#[test]
fn a_site_without_vague_counts_has_no_such_table_and_its_own_grades_are_escaped() {
    let dir = copy_fixture("publish");
    let yaml = dir.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml)
        .unwrap()
        .replace("vague_counts: {dozens: 12, scores: 40}\n", "");
    let grades = "confidence:\n  - {id: fair, label: Sure <b>enough</b>, definition: 'Two sources & <script>x</script>'}\n  - {id: weak, label: Thin, definition: One source.}\n";
    std::fs::write(&yaml, text + grades).unwrap();
    let site = build_with(dir.path(), |_| {});
    let about = site.text("about/index.html");
    assert!(!about.contains("dozens"));
    assert!(
        about.contains("Sure &lt;b&gt;enough&lt;/b&gt;"),
        "the label is escaped"
    );
    assert!(!about.contains("<script>x"), "the definition is escaped");
    let page = site.page(KAYES);
    assert_eq!(
        text_of(&page, ".facts dd.grade"),
        "Sure <b>enough</b> — Two sources & <script>x</script>"
    );
}

#[test]
fn a_french_page_shows_the_built_in_grades_in_french() {
    let dir = copy_fixture("publish");
    let yaml = dir.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text + "language: fr\n").unwrap();
    let site = build_with(dir.path(), |_| {});
    let page = site.page(KAYES);
    let grade = text_of(&page, ".facts dd.grade");
    assert!(
        grade.starts_with("Probable — Au moins deux sources"),
        "{grade}"
    );
    let source = text_of(&page, "#source-s1");
    assert!(
        source.contains("fiabilité B") && source.contains("habituellement fiable"),
        "{source}"
    );
}

#[test]
fn exports_carry_grades_source_provenance_and_credibility() {
    let site = build_fixture("publish");
    let incidents = csv_rows(&site, "data/incidents.csv");
    let kayes = row(&incidents, "id", "T-0001");
    assert_eq!(
        (kayes["confidence"].as_str(), kayes["source_count"].as_str()),
        ("fair", "2")
    );
    let curfew = incidents
        .iter()
        .find(|r| r["title"].contains("curfew") || r["title"].contains("Curfew"))
        .unwrap();
    assert_eq!(curfew["confidence"], "", "ungraded: empty, never a default");

    let events = csv_rows(&site, "data/events.csv.gz");
    assert!(events
        .iter()
        .filter(|r| r["incident_id"] == "T-0001")
        .all(|r| r["confidence"] == "fair"));

    let sources = csv_rows(&site, "data/sources.csv.gz");
    let s1 = row(&sources, "source_key", "T-0001#s1");
    assert_eq!(s1["last_verified"], "2025-07-03");
    assert_eq!(s1["sha256"], HASH);
    assert_eq!(s1["reliability"], "B");
    assert_eq!(row(&sources, "source_key", "T-0001#s2")["reliability"], "F");

    let claims = csv_rows(&site, "data/claims.csv.gz");
    let text = |n: &str| row(&claims, "claim_id", n).clone();
    let graded: Vec<_> = claims
        .iter()
        .filter(|r| r["incident_id"] == "T-0001")
        .collect();
    assert_eq!(
        graded.iter().filter(|r| r["credibility"] == "4").count(),
        1,
        "{graded:?}"
    );
    assert_eq!(text("fatalities-1")["credibility"], "");
}

#[test]
fn the_json_record_carries_the_grade_and_provenance() {
    let site = build_fixture("publish");
    let records: serde_json::Value =
        serde_json::from_str(&common::read_text(&site.out.join("data/incidents.json.gz"))).unwrap();
    let records = records.as_array().unwrap();
    let kayes = records.iter().find(|r| r["id"] == "T-0001").unwrap();
    assert_eq!(
        kayes["confidence"],
        serde_json::json!({"id": "fair", "label": "Fair"})
    );
    assert_eq!(kayes["sources"][0]["sha256"], HASH);
    assert_eq!(kayes["sources"][0]["last_verified"], "2025-07-03");
    assert_eq!(kayes["sources"][0]["reliability"], "B");
    assert_eq!(kayes["claims"][0]["credibility"], 4);
    assert!(kayes["claims"][1]["credibility"].is_null());
    let ungraded = records
        .iter()
        .find(|r| r["id"] != "T-0001" && r["confidence"].is_null());
    assert!(ungraded.is_some());
}

#[test]
fn the_data_package_constrains_the_new_columns() {
    let site = build_fixture("publish");
    let package: serde_json::Value =
        serde_json::from_str(&site.text("data/datapackage.json")).unwrap();
    let field = |resource: &str, name: &str| {
        let resources = package["resources"].as_array().unwrap();
        let table = resources.iter().find(|r| r["name"] == resource).unwrap();
        let fields = table["schema"]["fields"].as_array().unwrap();
        fields.iter().find(|f| f["name"] == name).unwrap().clone()
    };
    assert_eq!(field("claims", "credibility")["type"], "integer");
    assert_eq!(field("claims", "credibility")["constraints"]["maximum"], 6);
    assert_eq!(
        field("sources", "reliability")["constraints"]["enum"][5],
        "F"
    );
    assert_eq!(field("sources", "last_verified")["type"], "date");
    assert_eq!(field("incidents", "source_count")["type"], "integer");
    assert!(field("incidents", "confidence")["description"]
        .as_str()
        .unwrap()
        .contains("grade"));
}

#[test]
fn stats_count_incidents_and_deaths_by_grade_with_no_grade_apart() {
    let site = build_fixture("publish");
    let stats = site.page("stats/");
    let labels = texts(&stats, "#incidents-by-grade tbody th");
    assert_eq!(
        labels,
        ["Fair", "Weak", "no grade"],
        "the scale's order, ungraded last"
    );
    let cells = texts(&stats, "#incidents-by-grade tbody td");
    assert_eq!(&cells[..2], ["1", "1"]);
    let killed = texts(&stats, "#killed-by-grade tbody tr");
    assert!(
        killed[0].starts_with("Fair") && killed[0].contains("10"),
        "{killed:?}"
    );
    assert!(site
        .text("stats/index.html")
        .contains("id=\"killed-by-grade\""));
    let ungraded = build_fixture("minimal").text("stats/index.html");
    assert!(
        !ungraded.contains("by-grade"),
        "no chart of grades when none is given"
    );
}

#[test]
fn search_offers_the_grades_reports_carry_and_indexes_them() {
    let site = build_fixture("publish");
    let search = site.page("search/");
    assert_eq!(
        attrs(&search, "#search-confidence option", "value"),
        ["", "fair", "weak"]
    );
    let meta: serde_json::Value =
        serde_json::from_str(&site.text("search/index/meta.json")).unwrap();
    assert_eq!(
        meta["facets"]["confidence"][1],
        serde_json::json!(["fair", "Fair"])
    );
    let column: Vec<Option<u32>> =
        serde_json::from_str(&site.text("search/index/filters/confidence.json")).unwrap();
    assert_eq!(
        column.iter().filter(|g| **g == Some(1)).count(),
        1,
        "{column:?}"
    );
    assert_eq!(
        column.iter().filter(|g| **g == Some(2)).count(),
        1,
        "{column:?}"
    );
}
