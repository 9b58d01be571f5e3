//! Builds the `minimal` fixture site and checks the pages a reader would visit: every page of
//! SPEC.md's URL table, links, counts, base path, slugs, claims, sanitising and drafts.

mod common;

use std::collections::BTreeSet;

use common::{attrs, build_fixture, build_with, copy_fixture, files_under, fixture, links, texts};

const BASE: &str = "/watch/";

#[test]
fn every_page_of_the_url_table_is_written() {
    let site = build_fixture("minimal");
    for page in [
        "",
        "incidents/",
        "incidents/page/2/",
        "incidents/2025-07-01-attack-on-kayes-post/",
        "incidents/2025-07-02-curfew-in-dioila/",
        "incidents/2025-03-report-from-segou/",
        "incidents/2024-11-20-sahel-ambush/",
        "regions/",
        "regions/mali/",
        "regions/mali/kayes/",
        "regions/mali/dioila/",
        "regions/mali/segou/",
        "regions/burkina-faso/",
        "regions/burkina-faso/sahel/",
        "groups/",
        "groups/jnim/",
        "groups/fama/",
        "groups/burkinabe-armed-forces/",
        "groups/gsim/",
        "types/",
        "types/attack/",
        "types/curfew/",
        "timeline/",
        "timeline/2024/",
        "timeline/2025/",
        "about/",
        "404.html",
        ".nojekyll",
        "style.css",
        "search/",
        "search.js",
        "search/index/meta.json",
        "map/",
        "stats/",
    ] {
        assert!(site.exists(page), "missing page {page:?}");
    }
    assert_eq!(site.report.incidents, 4, "the draft is not built");
}

#[test]
fn every_internal_link_carries_the_base_path_and_resolves() {
    let site = build_fixture("minimal");
    let mut checked = 0;
    for file in site.html_files() {
        let text = std::fs::read_to_string(site.out.join(&file)).unwrap();
        let html = scraper::Html::parse_document(&text);
        for link in links(&html) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with('#')
                || link.starts_with("data:")
            {
                continue;
            }
            let Some(relative) = link.strip_prefix(BASE) else {
                panic!("{file}: link {link:?} lacks the base path {BASE}");
            };
            let path = relative.split(['#', '?']).next().unwrap();
            assert!(
                site.exists(path),
                "{file}: link {link:?} points to nothing in the output"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links were checked");
}

#[test]
fn base_url_flag_overrides_the_site_setting() {
    let site = build_with(&fixture("minimal"), |o| {
        o.base_url = Some("https://mirror.test/".into())
    });
    let home = site.page("");
    let hrefs = attrs(&home, "a[href]", "href");
    assert!(hrefs.iter().any(|h| h == "/incidents/"), "{hrefs:?}");
    assert!(hrefs.iter().all(|h| !h.starts_with(BASE)), "{hrefs:?}");
}

/// The titles of the reports a list page shows: as cards on a list's first page, as rows
/// of a table further on.
const TITLES: &str = ".card-title, .rows td:nth-child(2)";

#[test]
fn every_published_report_is_on_the_pages_of_every_list() {
    let site = build_fixture("minimal");
    let reports: BTreeSet<String> = site
        .html_files()
        .into_iter()
        .filter(|f| f.starts_with("incidents/") && f.matches('/').count() == 2)
        .filter(|f| !f.starts_with("incidents/page/"))
        .map(|f| format!("/watch/{}", f.trim_end_matches("index.html")))
        .collect();
    assert_eq!(reports.len(), 4, "{reports:?}");
    let listed = |list: &str| -> Vec<String> {
        let mut links = Vec::new();
        let mut page = list.to_string();
        for n in 2.. {
            if !site.exists(&page) {
                break;
            }
            links.extend(attrs(
                &site.page(&page),
                ".card-title a, .rows td:nth-child(2) a",
                "href",
            ));
            page = format!("{list}page/{n}/");
        }
        links
    };
    let all = listed("incidents/");
    assert_eq!(all.len(), reports.len(), "{all:?}");
    assert_eq!(all.into_iter().collect::<BTreeSet<_>>(), reports);
    assert_eq!(listed("regions/mali/").len(), 3);
    assert_eq!(listed("groups/fama/").len(), 3);
    let year: Vec<String> = ["timeline/2025/", "timeline/2024/"]
        .iter()
        .filter(|p| site.exists(p))
        .flat_map(|p| attrs(&site.page(p), ".rows td:nth-child(2) a", "href"))
        .collect();
    assert_eq!(year.into_iter().collect::<BTreeSet<_>>(), reports);
}

#[test]
fn lists_are_paginated_newest_first_and_exclude_drafts() {
    let site = build_fixture("minimal");
    let first = texts(&site.page("incidents/"), TITLES);
    let second = texts(&site.page("incidents/page/2/"), TITLES);
    assert_eq!(
        first,
        [
            "Curfew declared in Dioïla",
            "Attack on an army post in Kayes"
        ]
    );
    assert_eq!(
        second,
        ["Clashes reported near Ségou", "Ambush in the Sahel region"]
    );
    assert!(!site.exists("incidents/page/3/"));
    assert!(!site.exists("incidents/2024-12-01-draft-report/"));
    let rel_next = attrs(&site.page("incidents/"), "a[rel=next]", "href");
    assert_eq!(rel_next, ["/watch/incidents/page/2/"]);
}

#[test]
fn drafts_are_built_when_asked() {
    let site = build_with(&fixture("minimal"), |o| o.drafts = true);
    assert_eq!(site.report.incidents, 5);
    assert!(site.exists("incidents/2024-12-01-draft-report/"));
}

#[test]
fn region_and_country_pages_count_their_reports() {
    let site = build_fixture("minimal");
    assert_eq!(texts(&site.page("regions/mali/kayes/"), TITLES).len(), 1);
    assert_eq!(texts(&site.page("regions/mali/segou/"), TITLES).len(), 1);
    let mali: Vec<_> = ["regions/mali/", "regions/mali/page/2/"]
        .iter()
        .flat_map(|p| texts(&site.page(p), TITLES))
        .collect();
    assert_eq!(mali.len(), 3);
    assert_eq!(
        texts(&site.page("regions/burkina-faso/sahel/"), TITLES).len(),
        1
    );
}

#[test]
fn accented_names_get_folded_slugs_and_keep_their_spelling() {
    let site = build_fixture("minimal");
    let dioila = site.page("regions/mali/dioila/");
    assert!(texts(&dioila, "h1").iter().any(|h| h.contains("Dioïla")));
    let country = site.page("regions/mali/");
    let link_texts = texts(&country, "a[href='/watch/regions/mali/dioila/']");
    assert!(
        link_texts.iter().any(|t| t.contains("Dioïla")),
        "{link_texts:?}"
    );
}

#[test]
fn names_resolve_through_iso_codes_aliases_and_accents() {
    let site = build_fixture("minimal");
    // `country: ML`, `region: kayes`, `group: GSIM` in the attack report.
    let attack = site.page("incidents/2025-07-01-attack-on-kayes-post/");
    let facts = texts(&attack, ".facts dd");
    assert!(facts.contains(&"Mali".to_string()), "{facts:?}");
    assert!(facts.contains(&"Kayes".to_string()), "{facts:?}");
    assert_eq!(
        texts(&attack, ".facts a[href='/watch/groups/jnim/']"),
        ["JNIM"]
    );
    // `country: Burkina` (alias), `group: FDS` (alias) in the ambush report.
    let ambush = site.page("incidents/2024-11-20-sahel-ambush/");
    assert_eq!(
        texts(
            &ambush,
            ".facts a[href='/watch/groups/burkinabe-armed-forces/']"
        ),
        ["Burkinabè armed forces"]
    );
}

#[test]
fn group_pages_split_perpetrator_and_target_and_aliases_redirect() {
    let site = build_fixture("minimal");
    let jnim = site.page("groups/jnim/");
    assert!(texts(&jnim, ".facts dd")
        .iter()
        .any(|d| d == "2 (2 as perpetrator, 0 as target)"));
    let fama: Vec<_> = ["groups/fama/", "groups/fama/page/2/"]
        .iter()
        .flat_map(|p| texts(&site.page(p), ".role-badges, .rows td:nth-child(5)"))
        .collect();
    assert_eq!(fama.len(), 3, "{fama:?}");
    assert_eq!(fama.iter().filter(|b| b.contains("as target")).count(), 2);
    let alias = site.text("groups/gsim/");
    assert!(alias.contains(r#"http-equiv="refresh" content="0; url=/watch/groups/jnim/""#));
    let groups = texts(&site.page("groups/"), "main a");
    assert!(groups.iter().any(|g| g.contains("JNIM")), "{groups:?}");
}

#[test]
fn incident_page_shows_each_claim_with_who_made_it() {
    let site = build_fixture("minimal");
    let page = site.page("incidents/2025-07-01-attack-on-kayes-post/");
    let rows = texts(&page, "table.claims tbody tr");
    assert_eq!(
        rows,
        [
            "80 militants FAMa Army bulletin",
            "12 soldiers JNIM Group statement"
        ]
    );
    let estimate = texts(&page, ".estimate");
    assert_eq!(estimate, ["Editor's estimate: 10 (range 5–20)"]);
    // The two parties' figures are never added up.
    assert!(!site
        .text("incidents/2025-07-01-attack-on-kayes-post/")
        .contains(">92<"));
    assert_eq!(
        attrs(&page, ".sources a", "href"),
        ["https://example.com/bulletin"]
    );
    assert_eq!(texts(&page, ".sources li").len(), 2);
    assert_eq!(
        texts(&page, ".revisions li"),
        ["3 July 2025: Added the group's toll."]
    );
    assert_eq!(
        attrs(&page, ".related a", "href"),
        ["/watch/incidents/2025-07-02-curfew-in-dioila/"]
    );
    assert_eq!(texts(&page, ".facts time"), ["1 July 2025"]);
}

#[test]
fn dates_are_shown_at_their_precision() {
    let site = build_fixture("minimal");
    let page = site.page("incidents/2025-03-report-from-segou/");
    assert_eq!(texts(&page, ".facts time"), ["March 2025"]);
}

#[test]
fn markdown_extensions_render() {
    let site = build_fixture("minimal");
    let page = site.page("incidents/2025-07-01-attack-on-kayes-post/");
    assert_eq!(texts(&page, ".body table td"), ["FAMa", "80"]);
    assert_eq!(texts(&page, ".body del"), ["Struck"]);
    assert_eq!(texts(&page, ".body .footnote-definition p"), ["The note."]);
    assert_eq!(
        attrs(&page, ".body p a", "href")[0],
        "/watch/incidents/2025-07-02-curfew-in-dioila/"
    );
}

#[test]
fn raw_html_is_sanitised_unless_the_site_opts_in() {
    let site = build_fixture("minimal");
    let body = texts(
        &site.page("incidents/2025-07-02-curfew-in-dioila/"),
        ".body",
    );
    let raw = site.text("incidents/2025-07-02-curfew-in-dioila/");
    assert!(!raw.contains("<script>alert"), "script survived sanitising");
    assert!(raw.contains("<b>overnight</b>"), "harmless markup is kept");
    assert!(!body.is_empty());

    let opted_in = copy_fixture("minimal");
    let site_yaml = opted_in.path().join("site.yaml");
    let text = std::fs::read_to_string(&site_yaml).unwrap();
    std::fs::write(&site_yaml, format!("{text}allow_raw_html: true\n")).unwrap();
    let site = build_with(opted_in.path(), |_| {});
    assert!(site
        .text("incidents/2025-07-02-curfew-in-dioila/")
        .contains("<script>alert("));
}

#[test]
fn static_files_are_copied_and_hidden_or_editor_files_skipped() {
    let site = build_fixture("minimal");
    assert_eq!(
        std::fs::read_to_string(site.out.join("img/note.txt")).unwrap(),
        "fixture static file\n"
    );
    let files = files_under(&site.out);
    assert!(files
        .keys()
        .all(|f| !f.contains("hidden") && !f.ends_with('~')));
}

#[test]
fn every_page_has_landmarks_a_skip_link_and_one_h1() {
    let site = build_fixture("minimal");
    for file in site.html_files() {
        let html = site.page(&file);
        if file.starts_with("groups/gsim") || file.starts_with("groups/fds") {
            continue; // alias redirect pages
        }
        if file.starts_with("groups/forces-armees-maliennes") {
            continue;
        }
        assert_eq!(texts(&html, "h1").len(), 1, "{file}: one h1");
        assert_eq!(texts(&html, "main#main").len(), 1, "{file}: main landmark");
        assert_eq!(
            attrs(&html, "a.skip-link", "href"),
            ["#main"],
            "{file}: skip link"
        );
        assert_eq!(attrs(&html, "html", "lang"), ["en"], "{file}");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = copy_fixture("minimal");
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("public");
    let opts = common::options(site.path(), &out);
    incidex::pipeline::build(&opts).expect("first build");
    let before = files_under(&out);

    let report = site
        .path()
        .join("content/incidents/2025/2025-07-02-curfew-in-dioila.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replace("region: Dioila", "region: Atlantis")).unwrap();
    let failure = incidex::pipeline::build(&opts).expect_err("the broken report fails the build");
    assert_eq!(failure.exit_code(), 1);
    assert_eq!(files_under(&out), before, "the previous site changed");
    let siblings: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(siblings, ["public"], "no staging folder is left behind");
}

#[test]
fn reports_of_the_same_group_close_in_time_are_related_across_regions() {
    let root = common::copy_fixture("minimal");
    std::fs::write(
        root.path()
            .join("content/incidents/2025/2025-07-10-burkina-raid.md"),
        "---\ntitle: Raid in the Sahel region\ndate: 2025-07-10\ncountry: BF\nregion: Sahel\n\
         groups: [JNIM]\nevent_type: attack\nsources: [{name: Wire}]\nsummary: A raid.\n---\n",
    )
    .unwrap();
    // A report of the same group months away is not related.
    let site = common::build_with(root.path(), |_| {});
    let related = |slug: &str| {
        attrs(
            &site.page(&format!("incidents/{slug}/")),
            ".related a",
            "href",
        )
    };
    assert_eq!(
        related("2025-07-10-burkina-raid"),
        ["/watch/incidents/2025-07-01-attack-on-kayes-post/"]
    );
    assert_eq!(
        related("2025-07-01-attack-on-kayes-post"),
        [
            "/watch/incidents/2025-07-02-curfew-in-dioila/",
            "/watch/incidents/2025-07-10-burkina-raid/"
        ],
        "the editor's choice first, then the same group nearby"
    );
}

#[test]
fn a_site_template_can_include_its_own_partials() {
    let site = common::copy_fixture("minimal");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(templates.join("partials")).unwrap();
    std::fs::write(
        templates.join("partials/desk.html"),
        "<p class=\"desk\">Compiled by the {{ desk }} desk.</p>",
    )
    .unwrap();
    std::fs::write(
        templates.join("about.html"),
        "{% extends \"base.html\" %}{% block content %}{% set desk = \"Bamako\" %}\
         {% include \"partials/desk.html\" %}{% endblock %}",
    )
    .unwrap();
    let built = common::build_with(site.path(), |_| {});
    let page = built.page("about/");
    assert_eq!(
        common::texts(&page, ".desk"),
        ["Compiled by the Bamako desk."]
    );
}

#[test]
fn a_list_template_can_lay_out_cards_from_their_data() {
    let site = common::copy_fixture("minimal");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("incidents.html"),
        "{% extends \"base.html\" %}{% block content %}{% for report in reports %}\
         <p class=\"row\">{{ report.date.iso }} {{ report.title }} ({{ report.places[0].name }})</p>\
         {% endfor %}{% endblock %}",
    )
    .unwrap();
    std::fs::write(
        templates.join("group.html"),
        "{% extends \"base.html\" %}{% block content %}{% for item in items %}\
         <p class=\"row\">{{ item.roles | join(sep=\"/\") }}: {{ item.report.title }}</p>\
         {% endfor %}{% endblock %}",
    )
    .unwrap();
    let built = common::build_with(site.path(), |_| {});
    let rows = common::texts(&built.page("incidents/"), ".row");
    assert!(!rows.is_empty(), "the all-reports page lists its reports");
    for row in &rows {
        let (date, rest) = row.split_once(' ').expect("a date, then the title");
        assert_eq!(date.len(), 10, "an ISO date opens {row}");
        assert!(rest.ends_with(')'), "the first place closes {row}");
    }
    let roles = common::texts(&built.page("groups/jnim/"), ".row");
    assert!(!roles.is_empty(), "JNIM's page lists its reports");
    for row in &roles {
        let (role, title) = row.split_once(": ").expect("roles, then the title");
        assert!(!role.is_empty() && !title.is_empty(), "{row}");
    }
}
