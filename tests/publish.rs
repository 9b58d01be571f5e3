//! Publishing: the site served under a sub-path by a real HTTP server and crawled, Atom
//! feeds read by a real feed parser and checked against RFC 4287, exports read back with
//! Python's csv and json modules, the sitemap, the data page, citations and the Pages
//! workflow. Builds `tests/fixtures/publish` (base URL `https://example.org/sub/`).

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;

const PUBLIC_BASE: &str = "https://example.org/sub/";

#[test]
fn crawling_the_site_under_a_sub_path_finds_no_missing_page() {
    let site = common::build_fixture("publish");
    let out = site.out.to_string_lossy().into_owned();
    let crawl = common::python("crawl.py", &[&out, "/sub/", PUBLIC_BASE]);
    assert_eq!(crawl["broken"], serde_json::json!([]), "{crawl:#}");
    let kinds = &crawl["kinds"];
    assert!(kinds["html"].as_u64().unwrap() >= 35, "{crawl:#}");
    assert!(
        kinds["atom"].as_u64().unwrap() >= 15,
        "the site feed and a feed per term are linked: {crawl:#}"
    );
    assert_eq!(kinds["sitemap"], 1, "robots.txt leads to the sitemap");
    assert!(
        kinds["other"].as_u64().unwrap() >= 30,
        "CSV, GeoJSON and JSON files are linked and fetched: {crawl:#}"
    );
    assert_eq!(crawl["deep_404_status"], 404);
    assert_eq!(crawl["deep_404_is_site_page"], true);
    assert!(crawl["deep_404_links"].as_u64().unwrap() > 5);
    assert_eq!(
        crawl["deep_404_broken"],
        serde_json::json!([]),
        "the 404 page's links work when it is shown several folders deep"
    );
}

#[test]
fn the_crawler_notices_a_missing_file() {
    let site = common::build_fixture("publish");
    std::fs::remove_file(site.out.join("regions/mali/kayes/incidents.csv.gz")).unwrap();
    std::fs::remove_file(
        site.out
            .join("incidents/2024-11-20-sahel-ambush/index.html"),
    )
    .unwrap();
    let out = site.out.to_string_lossy().into_owned();
    let crawl = common::python("crawl.py", &[&out, "/sub/", PUBLIC_BASE]);
    let broken: BTreeSet<&str> = crawl["broken"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["url"].as_str().unwrap().split("/sub/").nth(1).unwrap())
        .collect();
    assert_eq!(
        broken,
        BTreeSet::from([
            "incidents/2024-11-20-sahel-ambush/",
            "regions/mali/kayes/incidents.csv.gz"
        ])
    );
}

/// Every feed of the output: its path and text.
fn feeds(out: &Path) -> Vec<(String, String)> {
    common::files_under(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with("atom.xml"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

fn atom<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", name)))
        .collect()
}

fn rfc3339(text: &str) -> jiff::Timestamp {
    text.parse()
        .unwrap_or_else(|e| panic!("'{text}' is not an RFC 3339 date-time: {e}"))
}

/// The local file a public URL of the site maps to.
fn local(out: &Path, url: &str) -> std::path::PathBuf {
    let relative = url
        .strip_prefix(PUBLIC_BASE)
        .unwrap_or_else(|| panic!("{url} is not under {PUBLIC_BASE}"));
    out.join(common::output_file(relative))
}

#[test]
fn feeds_parse_as_atom_and_follow_the_rules_of_rfc_4287() {
    let site = common::build_fixture("publish");
    let all = feeds(&site.out);
    assert!(
        all.len() >= 15,
        "one feed per country, region, group and type, and the site's"
    );
    for (path, text) in &all {
        let parsed = feed_rs::parser::parse(text.as_bytes())
            .unwrap_or_else(|e| panic!("{path} is not a feed: {e}"));
        assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom, "{path}");

        let doc = roxmltree::Document::parse(text).unwrap();
        let feed = doc.root_element();
        assert!(feed.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
        for one in ["id", "title", "updated"] {
            assert_eq!(atom(feed, one).len(), 1, "{path}: one feed {one}");
        }
        assert_eq!(
            atom(feed, "author").len(),
            1,
            "{path}: the feed names its author"
        );
        let self_link: Vec<&str> = atom(feed, "link")
            .into_iter()
            .filter(|l| l.attribute("rel") == Some("self"))
            .filter_map(|l| l.attribute("href"))
            .collect();
        assert_eq!(
            self_link,
            [format!("{PUBLIC_BASE}{path}")],
            "{path}: rel=self"
        );
        let feed_updated = rfc3339(atom(feed, "updated")[0].text().unwrap());

        let entries = atom(feed, "entry");
        assert_eq!(entries.len(), parsed.entries.len());
        assert!(entries.len() <= 50);
        let mut ids = BTreeSet::new();
        for entry in entries {
            for one in ["id", "title", "updated", "summary", "content"] {
                assert_eq!(atom(entry, one).len(), 1, "{path}: one entry {one}");
            }
            let id = atom(entry, "id")[0].text().unwrap();
            assert!(id.starts_with("urn:uuid:"), "{path}: {id}");
            assert!(ids.insert(id.to_string()), "{path}: entry id {id} repeats");
            let updated = rfc3339(atom(entry, "updated")[0].text().unwrap());
            assert!(
                updated <= feed_updated,
                "{path}: an entry is newer than its feed"
            );
            let alternate: Vec<&str> = atom(entry, "link")
                .into_iter()
                .filter(|l| l.attribute("rel") == Some("alternate"))
                .filter_map(|l| l.attribute("href"))
                .collect();
            assert_eq!(alternate.len(), 1, "{path}: one alternate link per entry");
            assert!(local(&site.out, alternate[0]).is_file(), "{}", alternate[0]);
            assert_eq!(
                atom(entry, "content")[0].attribute("type"),
                Some("html"),
                "full content as escaped HTML"
            );
        }
        assert!(
            !text.contains("withdrawn"),
            "{path}: a retracted report is in no feed"
        );
    }
}

/// The entry of the feed at `path` whose page is `slug`'s.
fn entry_of(text: &str, slug: &str) -> HashMap<String, String> {
    let doc = roxmltree::Document::parse(text).unwrap();
    let page = format!("{PUBLIC_BASE}incidents/{slug}/");
    let entry = atom(doc.root_element(), "entry")
        .into_iter()
        .find(|e| {
            atom(*e, "link")
                .iter()
                .any(|l| l.attribute("href") == Some(page.as_str()))
        })
        .unwrap_or_else(|| panic!("no entry for {slug}"));
    entry
        .children()
        .filter(|n| n.is_element())
        .map(|n| {
            let name = n.tag_name().name().to_string();
            (name, n.text().unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn an_edited_report_keeps_its_entry_id_and_gets_a_new_updated() {
    let root = common::copy_fixture("publish");
    let first = common::build_with(root.path(), |_| {});
    let before = entry_of(&first.text("atom.xml"), "2025-07-01-attack-on-kayes-post");
    assert_eq!(
        before["updated"], "2025-07-03T00:00:00Z",
        "the last revision"
    );

    let file = root
        .path()
        .join("content/incidents/2025/2025-07-01-attack-on-kayes-post.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replace(
            "title: Attack on an army post in Kayes",
            "title: Attack on the army post at Kéniéba",
        )
        .replace(
            "  - {date: 2025-07-03, note: Added the group's toll.}",
            "  - {date: 2025-07-03, note: Added the group's toll.}\n  - {date: 2025-08-01, note: New title.}",
        )
        .replace("at dawn", "before dawn");
    std::fs::write(&file, text).unwrap();
    let second = common::build_with(root.path(), |_| {});
    let after = entry_of(&second.text("atom.xml"), "2025-07-01-attack-on-kayes-post");
    assert_eq!(after["id"], before["id"], "the entry id survives the edit");
    assert_eq!(after["title"], "Attack on the army post at Kéniéba");
    assert_eq!(after["updated"], "2025-08-01T00:00:00Z");
    let region = entry_of(
        &second.text("regions/mali/kayes/atom.xml"),
        "2025-07-01-attack-on-kayes-post",
    );
    assert_eq!(region["id"], before["id"], "the same id in every feed");
}

#[test]
fn entries_carry_georss_points_and_pages_announce_their_feeds() {
    let site = common::build_fixture("publish");
    let feed = site.text("atom.xml");
    let located = entry_of(&feed, "2025-07-01-attack-on-kayes-post");
    assert_eq!(located["point"], "12.84 -11.24", "latitude then longitude");
    let unlocated = entry_of(&feed, "2025-03-report-from-segou");
    assert!(
        !unlocated.contains_key("point"),
        "no point without coordinates"
    );

    let feeds_of = |page: &str| {
        common::attrs(
            &site.page(page),
            "head link[rel=alternate][type='application/atom+xml']",
            "href",
        )
    };
    assert_eq!(feeds_of(""), ["/sub/atom.xml"]);
    assert_eq!(
        feeds_of("regions/mali/kayes/"),
        ["/sub/atom.xml", "/sub/regions/mali/kayes/atom.xml"]
    );
    assert_eq!(
        feeds_of("groups/jnim/"),
        ["/sub/atom.xml", "/sub/groups/jnim/atom.xml"]
    );
    assert_eq!(
        feeds_of("groups/jnim/page/2/"),
        ["/sub/atom.xml", "/sub/groups/jnim/atom.xml"],
        "later pages of a list announce the list's feed"
    );
    let visible = common::attrs(&site.page("regions/mali/"), ".downloads a", "href");
    assert!(visible.contains(&"/sub/regions/mali/incidents.csv.gz".to_string()));
    assert!(visible.contains(&"/sub/regions/mali/incidents.geojson.gz".to_string()));
}

fn rows<'a>(read: &'a Value, file: &str) -> &'a Vec<Value> {
    read[file]["rows"].as_array().unwrap()
}

fn row_by<'a>(rows: &'a [Value], column: &str, value: &str) -> &'a Value {
    rows.iter()
        .find(|r| r[column] == value)
        .unwrap_or_else(|| panic!("no row with {column} = {value}"))
}

#[test]
fn exports_read_back_with_python_csv_and_json() {
    let site = common::build_fixture("publish");
    let out = site.out.to_string_lossy().into_owned();
    let files = [
        "data/incidents.csv",
        "data/events.csv.gz",
        "data/incidents.json.gz",
        "data/events.geojson.gz",
        "data/datapackage.json",
        "data/sources.csv.gz",
        "data/claims.csv.gz",
        "data/actors.csv.gz",
        "data/changes.csv.gz",
        "data/acled.csv.gz",
        "data/ged.csv.gz",
        "regions/mali/incidents.csv.gz",
        "regions/mali/kayes/incidents.geojson.gz",
        "groups/jnim/incidents.csv.gz",
    ];
    let mut args = vec![out.as_str()];
    args.extend(files);
    let read = common::python("read_exports.py", &args);

    let incidents = rows(&read, "data/incidents.csv");
    let published = 5; // six built reports, one of them retracted; the draft is not built
    assert_eq!(site.report.incidents, 6);
    assert_eq!(incidents.len(), published);
    let kayes = row_by(incidents, "id", "T-0001");
    assert_eq!(
        (
            &kayes["fatalities_best"],
            &kayes["fatalities_low"],
            &kayes["fatalities_high"]
        ),
        (&Value::from("10"), &Value::from("5"), &Value::from("20")),
        "figures round-trip exactly"
    );
    assert_eq!(
        kayes["fatality_claims"],
        "80 militants (by FAMa);12 soldiers (by JNIM)"
    );
    let unknown = row_by(incidents, "id", "2024-11-20-sahel-ambush");
    assert_eq!(unknown["fatalities_best"], "", "unknown is empty, never 0");
    let raid = row_by(incidents, "id", "2025-05-10-two-villages");
    assert_eq!(raid["fatalities_best"], "0", "a known zero stays 0");
    assert_eq!(
        raid["title"],
        "Raids on two villages, \"Sébé\" and Koro; houses burned"
    );
    assert_eq!(
        raid["summary"],
        "Armed men raided two villages, burning houses.\nA second line, with a comma, and a \"quote\".\n"
    );
    assert_eq!(raid["regions"], "Ségou;Kayes");
    assert_eq!(raid["sources"], "Radio Kledu, \"morning news\"");

    let json = read["data/incidents.json.gz"].as_array().unwrap();
    assert_eq!(json.len(), published);
    let record = json.iter().find(|r| r["id"] == "T-0001").unwrap();
    assert_eq!(record["fatalities"]["best"], 10);
    assert_eq!(record["fatalities"]["claims"][0]["by"], "FAMa");
    assert_eq!(record["locations"][0]["latitude"], 12.84);
    let ambush = json
        .iter()
        .find(|r| r["id"] == "2024-11-20-sahel-ambush")
        .unwrap();
    assert_eq!(ambush["fatalities"], Value::Null, "unknown is null");

    let events = rows(&read, "data/events.csv.gz");
    let raid_rows: Vec<&Value> = events
        .iter()
        .filter(|r| r["url"] == format!("{PUBLIC_BASE}incidents/2025-05-10-two-villages/"))
        .collect();
    let ids: Vec<&Value> = raid_rows.iter().map(|r| &r["event_id_cnty"]).collect();
    assert_eq!(
        ids,
        [
            "2025-05-10-two-villages#1",
            "2025-05-10-two-villages#2",
            "2025-05-10-two-villages#3"
        ]
    );
    let figures: Vec<&Value> = raid_rows.iter().map(|r| &r["fatalities"]).collect();
    assert_eq!(
        figures,
        ["0", "0", "0"],
        "each row holds its share of the figure"
    );
    assert_eq!(raid_rows[1]["geo_precision"], "3", "region precision");
    let kayes_event = row_by(events, "event_id_cnty", "T-0001#1");
    assert_eq!(kayes_event["actor1"], "JNIM");
    assert_eq!(kayes_event["actor2"], "FAMa");
    assert_eq!(kayes_event["admin1"], "Kayes");
    assert_eq!(kayes_event["iso"], "ML");
    assert_eq!(kayes_event["time_precision"], "1");

    let geojson = &read["data/events.geojson.gz"];
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), events.len(), "one feature per events row");
    let point = features
        .iter()
        .find(|f| f["properties"]["event_id_cnty"] == "T-0001#1")
        .unwrap();
    assert_eq!(point["geometry"]["type"], "Point");
    assert_eq!(
        point["geometry"]["coordinates"],
        serde_json::json!([-11.24, 12.84]),
        "RFC 7946 order: longitude, latitude"
    );
    assert_eq!(point["properties"]["fatalities"], 10);
    let hamlet = features
        .iter()
        .find(|f| f["properties"]["location"] == "Unnamed hamlet")
        .unwrap();
    assert_eq!(
        hamlet["geometry"],
        Value::Null,
        "no coordinates, no geometry"
    );
    assert_eq!(
        hamlet["properties"]["fatalities"], 0,
        "its share of the report's known 0"
    );

    let package = &read["data/datapackage.json"];
    for resource in package["resources"].as_array().unwrap() {
        let path = resource["path"].as_str().unwrap();
        let header = &read[format!("data/{path}")]["header"];
        let names: Vec<&Value> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| &f["name"])
            .collect();
        assert_eq!(
            &serde_json::to_value(names).unwrap(),
            header,
            "{path}: the package describes the file's columns"
        );
    }

    let mali = rows(&read, "regions/mali/incidents.csv.gz");
    assert_eq!(mali.len(), 4, "Mali's published reports");
    assert!(mali.iter().all(|r| r["country"] == "Mali"));
    let jnim = rows(&read, "groups/jnim/incidents.csv.gz");
    assert_eq!(jnim.len(), 3);
    let kayes_points = read["regions/mali/kayes/incidents.geojson.gz"]["features"]
        .as_array()
        .unwrap();
    assert!(kayes_points
        .iter()
        .any(|f| f["properties"]["event_id_cnty"] == "T-0001#1"));

    // changes.csv alone lists it, so that a copy made before can drop it.
    for file in files.iter().filter(|f| !f.ends_with("changes.csv.gz")) {
        let text = common::read_text(&site.out.join(file));
        assert!(
            !text.contains("withdrawn-claim") && !text.contains("later withdrawn"),
            "{file}: a retracted report is in no export"
        );
    }
}

#[test]
fn the_data_page_lists_every_download_with_its_size_and_columns() {
    let site = common::build_fixture("publish");
    let page = site.page("data/");
    let links = common::attrs(&page, "main table a[download]", "href");
    let sizes = common::attrs(&page, "main table data", "value");
    // incidents, events (CSV and GeoJSON), the JSON records, sources, claims, actors,
    // changes, the ACLED- and GED-shaped files and the package descriptor.
    assert_eq!(links.len(), 11, "{links:?}");
    for (link, size) in links.iter().zip(&sizes) {
        let file = site.out.join(link.strip_prefix("/sub/").unwrap());
        let bytes = std::fs::metadata(&file).unwrap().len();
        assert_eq!(
            size,
            &bytes.to_string(),
            "{link}: the size shown is the file's"
        );
    }
    let columns = common::texts(&page, "table.columns code");
    for link in links.iter().filter(|l| l.ends_with(".csv")) {
        let header = site.text(link.strip_prefix("/sub/").unwrap());
        for name in header.lines().next().unwrap().split(',') {
            assert!(
                columns.iter().any(|c| c == name),
                "{link}: column {name} explained"
            );
        }
    }
    assert!(common::attrs(&site.page(""), "nav a", "href").contains(&"/sub/data/".to_string()));
}

/// The JSON record a report's page holds, parsed; none when it holds none.
fn page_record(page: &scraper::Html) -> Option<Value> {
    let selector = scraper::Selector::parse("script#record[type='application/json']").unwrap();
    let scripts: Vec<String> = page.select(&selector).map(|e| e.text().collect()).collect();
    assert!(scripts.len() <= 1, "one record at most");
    scripts
        .first()
        .map(|json| serde_json::from_str(json).expect("the record is JSON"))
}

#[test]
fn each_report_holds_its_json_and_offers_a_citation() {
    let site = common::build_fixture("publish");
    let page = site.page("incidents/2025-07-01-attack-on-kayes-post/");
    let record = page_record(&page).expect("a published report holds its record");
    assert_eq!(record["id"], "T-0001");
    assert!(!site.exists("incidents/2025-07-01-attack-on-kayes-post/incident.json"));
    let as_data = common::texts(&page, ".cite .as-data").join(" ");
    assert!(as_data.contains("script id=\"record\""), "{as_data}");
    assert_eq!(record["updated"], "2025-07-03");
    let citation = common::texts(&page, ".cite .citation").join(" ");
    for part in [
        "Fixture Monitor",
        "Attack on an army post in Kayes",
        "T-0001",
        "1 July 2025",
        "last revised 3 July 2025",
        "https://example.org/sub/incidents/2025-07-01-attack-on-kayes-post/",
    ] {
        assert!(citation.contains(part), "'{part}' in: {citation}");
    }
    // The BibTeX is made by cite.js from these, not carried by every page.
    let data = |name: &str| common::attrs(&page, ".cite", name);
    assert_eq!(data("data-key"), ["T-0001"]);
    assert_eq!(data("data-year"), ["2025"]);
    assert_eq!(
        data("data-note"),
        ["Report T-0001, last revised 2025-07-03"]
    );
    assert!(common::texts(&page, ".cite pre").is_empty());
    assert_eq!(
        common::attrs(&page, "script[defer]", "src"),
        ["/sub/cite.js"]
    );
    let script = site.text("cite.js");
    assert!(script.contains("@misc{"), "{script}");

    let retracted = site.page("incidents/2025-04-01-withdrawn-claim/");
    assert!(
        page_record(&retracted).is_none(),
        "a retracted report is in no export"
    );
}

/// The fields a reader of the JSON records relies on (issue 18 took the body out, which
/// the page holds; nothing else may go without this list changing on purpose).
const RECORD_FIELDS: [&str; 23] = [
    "id",
    "slug",
    "url",
    "title",
    "date",
    "end_date",
    "date_precision",
    "country",
    "regions",
    "locations",
    "actors",
    "event_type",
    "fatalities",
    "injured",
    "claims",
    "sources",
    "confidence",
    "summary",
    "tags",
    "related",
    "status",
    "updated",
    "revisions",
];

#[test]
fn each_record_keeps_every_field_and_matches_the_site_wide_file() {
    let site = common::build_fixture("publish");
    let all: Value = serde_json::from_str(&site.text("data/incidents.json.gz")).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 5);
    for record in all {
        let mut keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = RECORD_FIELDS.to_vec();
        keys.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys, expected, "every field, and no body");
        let slug = record["slug"].as_str().unwrap();
        let own = page_record(&site.page(&format!("incidents/{slug}/"))).unwrap();
        assert_eq!(&own, record, "{slug}: its page holds its record");
        assert_eq!(
            record["url"],
            format!("{PUBLIC_BASE}incidents/{slug}/"),
            "the record leads to the page, which holds the body"
        );
    }
}

#[test]
fn the_sitemap_lists_every_published_page_with_its_last_change() {
    let site = common::build_fixture("publish");
    let text = site.text("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let urls: HashMap<String, Option<String>> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((ns, "url")))
        .map(|url| {
            let child = |name: &str| {
                url.children()
                    .find(|n| n.has_tag_name((ns, name)))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            (child("loc").unwrap(), child("lastmod"))
        })
        .collect();
    let pages: BTreeSet<String> = site
        .html_files()
        .into_iter()
        .filter(|f| f != "404.html")
        .filter(|f| !site.text(f).contains("http-equiv=\"refresh\""))
        .map(|f| format!("{PUBLIC_BASE}{}", f.trim_end_matches("index.html")))
        .collect();
    let listed: BTreeSet<String> = urls.keys().cloned().collect();
    assert_eq!(listed, pages, "every page but redirects and the 404 page");
    assert_eq!(
        urls[&format!("{PUBLIC_BASE}incidents/2025-07-01-attack-on-kayes-post/")].as_deref(),
        Some("2025-07-03")
    );
    assert_eq!(
        urls[&format!("{PUBLIC_BASE}incidents/")].as_deref(),
        Some("2025-07-03"),
        "a list changes when its newest revision does"
    );
    assert_eq!(
        site.text("robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {PUBLIC_BASE}sitemap.xml\n")
    );
    assert!(site.exists(".nojekyll"));
}

#[test]
fn the_pages_workflows_build_with_the_pages_address_and_deploy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ours = std::fs::read_to_string(root.join(".github/workflows/pages.yml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert_cmd::Command::cargo_bin("incidex")
        .unwrap()
        .arg("init")
        .arg(&site)
        .assert()
        .success();
    let theirs = std::fs::read_to_string(site.join(".github/workflows/pages.yml")).unwrap();
    for workflow in [&ours, &theirs] {
        for action in [
            "actions/checkout@",
            "actions/configure-pages@",
            "actions/upload-pages-artifact@",
            "actions/deploy-pages@",
        ] {
            assert!(workflow.contains(action), "{action} in:\n{workflow}");
        }
        assert!(workflow.contains("--base-url \"${{ steps.pages.outputs.base_url }}/\""));
        assert!(workflow.contains("pages: write") && workflow.contains("id-token: write"));
    }
    assert!(ours.contains("branches: [main]"));
    // A new site's default branch may be either; the build job skips the other.
    assert!(theirs.contains("branches: [main, master]"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        ours.contains("cargo run --release --locked -- build")
            && readme.contains("cargo run --release"),
        "the workflow runs the README's command"
    );
}

#[test]
fn each_lists_gzipped_files_hold_the_site_wide_rows_of_its_reports() {
    let site = common::build_fixture("publish");
    let out = site.out.to_string_lossy().into_owned();
    let lists: Vec<String> = common::files_under(&site.out)
        .into_keys()
        .filter_map(|f| f.strip_suffix("incidents.csv.gz").map(str::to_string))
        .collect();
    assert!(lists.len() > 5, "{lists:?}");
    for list in &lists {
        assert!(
            site.exists(&format!("{list}incidents.geojson.gz")),
            "{list}"
        );
        assert!(!site.exists(&format!("{list}incidents.csv")), "{list}");
    }
    let mut files = vec![
        "data/incidents.csv".to_string(),
        "data/events.geojson.gz".to_string(),
    ];
    for list in &lists {
        files.push(format!("{list}incidents.csv.gz"));
        files.push(format!("{list}incidents.geojson.gz"));
    }
    let mut args = vec![out.as_str()];
    args.extend(files.iter().map(String::as_str));
    let read = common::python("read_exports.py", &args);
    let site_rows = rows(&read, "data/incidents.csv");
    let site_features = read["data/events.geojson.gz"]["features"]
        .as_array()
        .unwrap();
    for list in &lists {
        let csv = &read[format!("{list}incidents.csv.gz").as_str()];
        assert_eq!(
            csv["header"], read["data/incidents.csv"]["header"],
            "{list}"
        );
        let list_rows = csv["rows"].as_array().unwrap();
        let ids: BTreeSet<&str> = list_rows
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        // The list's rows are the site-wide rows of its reports, whole and in order.
        let expected: Vec<&Value> = site_rows
            .iter()
            .filter(|r| ids.contains(r["id"].as_str().unwrap()))
            .collect();
        assert_eq!(list_rows.iter().collect::<Vec<_>>(), expected, "{list}");
        let geojson = &read[format!("{list}incidents.geojson.gz").as_str()];
        assert_eq!(geojson["type"], "FeatureCollection");
        let expected: Vec<&Value> = site_features
            .iter()
            .filter(|f| ids.contains(f["properties"]["incident_id"].as_str().unwrap()))
            .collect();
        let features: Vec<&Value> = geojson["features"].as_array().unwrap().iter().collect();
        assert_eq!(features, expected, "{list}");
    }
    // And each list holds every report it should: a country's, every one of that country.
    let mali: Vec<&Value> = site_rows
        .iter()
        .filter(|r| r["country"] == "Mali")
        .collect();
    assert_eq!(
        rows(&read, "regions/mali/incidents.csv.gz")
            .iter()
            .collect::<Vec<_>>(),
        mali
    );
}
