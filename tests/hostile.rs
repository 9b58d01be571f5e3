//! Content is never trusted: markup in front matter is escaped, script in bodies is removed,
//! and no slug can write outside the output folder.

mod common;

use common::{attrs, build_with, copy_fixture, explain, files_under, texts};

/// The minimal fixture plus one extra report with the given front matter lines and body.
fn site_with_report(front_matter: &str, body: &str) -> tempfile::TempDir {
    let site = copy_fixture("minimal");
    let report = site
        .path()
        .join("content/incidents/2025/2025-08-01-hostile.md");
    std::fs::write(
        &report,
        format!(
            "---\ndate: 2025-08-01\ncountry: Mali\nregion: Kayes\n\
             sources:\n  - {{id: s1, name: Wire, type: news}}\n{front_matter}---\n{body}"
        ),
    )
    .unwrap();
    site
}

fn failure_of(site: &tempfile::TempDir) -> String {
    let out = site.path().join("public");
    let failure = incidex::pipeline::build(&common::options(site.path(), &out))
        .expect_err("the build must fail");
    assert_eq!(failure.exit_code(), 1);
    assert!(!out.exists());
    explain(&failure)
}

#[test]
fn markup_in_front_matter_is_escaped_everywhere_it_appears() {
    let site = site_with_report(
        "title: \"<script>alert(1)</script> & <b>bold</b>\"\nsummary: \"<img src=x onerror=alert(2)>\"\n",
        "Body.\n",
    );
    let built = build_with(site.path(), |_| {});
    for page in [
        "incidents/2025-08-01-hostile/",
        "incidents/",
        "",
        "regions/mali/kayes/",
    ] {
        let raw = built.text(page);
        assert!(
            !raw.contains("<script>alert(1)"),
            "{page}: title not escaped"
        );
        assert!(!raw.contains("<img src=x"), "{page}: summary not escaped");
    }
    let page = built.page("incidents/2025-08-01-hostile/");
    assert_eq!(
        texts(&page, "h1"),
        ["<script>alert(1)</script> & <b>bold</b>"]
    );
    // The record the page holds in a <script> element: the title cannot close it early,
    // and reads back unchanged.
    let raw = built.text("incidents/2025-08-01-hostile/");
    assert_eq!(
        raw.matches("<script").count(),
        raw.matches("</script>").count()
    );
    let record = scraper::Selector::parse("script#record").unwrap();
    let json: String = page
        .select(&record)
        .next()
        .expect("a record")
        .text()
        .collect();
    let record: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(record["title"], "<script>alert(1)</script> & <b>bold</b>");
    assert_eq!(record["summary"], "<img src=x onerror=alert(2)>");
}

#[test]
fn script_handlers_and_javascript_links_in_bodies_are_removed() {
    let site = site_with_report(
        "title: Hostile body\nsummary: s\n",
        "<p onclick=\"alert(1)\">click</p>\n\n<iframe src=\"https://evil.test/\"></iframe>\n\n\
         [a link](javascript:alert(3)) and <a href=\"javascript:alert(4)\">another</a>\n",
    );
    let built = build_with(site.path(), |_| {});
    let raw = built.text("incidents/2025-08-01-hostile/");
    for bad in ["onclick", "<iframe", "javascript:"] {
        assert!(!raw.contains(bad), "{bad} survived:\n{raw}");
    }
    let page = built.page("incidents/2025-08-01-hostile/");
    assert!(texts(&page, ".body").iter().any(|t| t.contains("click")));
    let hrefs = attrs(&page, ".body a", "href");
    assert!(hrefs.iter().all(|h| !h.contains("alert")), "{hrefs:?}");
}

#[test]
fn a_slug_that_climbs_out_of_the_output_folder_is_refused() {
    for slug in ["../../escape", "/etc/passwd", "a/b", "..", "Upper Case"] {
        let site = site_with_report(&format!("title: t\nsummary: s\nslug: \"{slug}\"\n"), "x\n");
        let errors = failure_of(&site);
        assert!(
            errors.contains("2025-08-01-hostile.md:") && errors.contains("slug"),
            "{slug}: {errors}"
        );
    }
}

#[test]
fn nothing_is_written_outside_the_output_folder() {
    let site = site_with_report("title: t\nsummary: s\n", "x\n");
    let before = files_under(site.path());
    let built = build_with(site.path(), |_| {});
    assert!(built.exists("incidents/2025-08-01-hostile/"));
    assert_eq!(files_under(site.path()), before, "the site folder changed");
}

#[test]
fn source_links_must_be_web_addresses() {
    let site = copy_fixture("minimal");
    let report = site
        .path()
        .join("content/incidents/2024/2024-11-20-sahel-ambush.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        text.replace("https://example.com/wire", "javascript:alert(5)"),
    )
    .unwrap();
    let errors = failure_of(&site);
    assert!(
        errors.contains("2024-11-20-sahel-ambush.md:10:51:"),
        "{errors}"
    );
}

#[test]
fn a_yaml_alias_bomb_is_refused_quickly() {
    let mut front = String::from(
        "title: t\nsummary: s\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let row = vec![format!("*a{}", i - 1); 9].join(", ");
        front.push_str(&format!("a{i}: &a{i} [{row}]\n"));
    }
    front.push_str("tags: *a9\n");
    let site = site_with_report(&front, "x\n");
    let started = std::time::Instant::now();
    let errors = failure_of(&site);
    assert!(errors.contains("aliases"), "{errors}");
    // Expanded, the tags would hold a billion strings; refusing takes no time at all.
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn a_huge_report_is_refused_without_being_read() {
    let site = site_with_report("title: t\nsummary: s\n", "x\n");
    let big = site
        .path()
        .join("content/incidents/2025/2025-08-02-huge.md");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let errors = failure_of(&site);
    assert!(
        errors.contains(
            "2025-08-02-huge.md:1:1: error: the file is 52.4 MB (52428800 bytes); reports are \
             limited to 4 MiB (4194304 bytes)"
        ),
        "{errors}"
    );
}

#[test]
fn a_report_just_over_the_limit_is_not_said_to_be_at_it() {
    let site = site_with_report("title: t\nsummary: s\n", "x\n");
    let big = site.path().join("content/incidents/2025/2025-08-02-big.md");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(4_380_000)
        .unwrap();
    let errors = failure_of(&site);
    assert!(
        errors.contains("the file is 4.4 MB (4380000 bytes)"),
        "{errors}"
    );
}

#[test]
fn slugs_too_long_or_reserved_by_windows_and_ids_with_control_characters_are_refused() {
    let site = site_with_report("title: t\nsummary: s\nid: \"ML\\0-1\"\n", "x\n");
    let report = std::fs::read_to_string(
        site.path()
            .join("content/incidents/2025/2025-08-01-hostile.md"),
    )
    .unwrap();
    let long = "content/incidents/2025/long.md";
    let slug = "a".repeat(300);
    std::fs::write(
        site.path().join(long),
        report.replace("id: \"ML\\0-1\"", &format!("slug: {slug}")),
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/incidents/2025/con.md"),
        report.replace("ML\\0-1", "con"),
    )
    .unwrap();
    let errors = failure_of(&site);
    assert!(
        errors.contains(&format!(
            "{long}:9:7: error: slug '{slug}' is 300 characters long"
        )),
        "{errors}"
    );
    assert!(
        errors.contains("con.md:7:1: error: slug 'con' is a name Windows reserves"),
        "{errors}"
    );
    assert!(
        errors.contains("2025-08-01-hostile.md:9:1: error: id 'ML\\0-1' holds a control character"),
        "{errors}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_under_content_is_skipped_with_a_warning() {
    let site = copy_fixture("minimal");
    std::os::unix::fs::symlink("..", site.path().join("content/incidents/2025/loop")).unwrap();
    let built = build_with(site.path(), |_| {});
    assert_eq!(built.report.incidents, 4, "no report is read twice");
    let warnings: Vec<String> = built
        .report
        .warnings
        .sorted()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("loop") && w.contains("warning")),
        "{warnings:?}"
    );
}

#[test]
fn ten_thousand_reports_in_one_folder_build() {
    let site = copy_fixture("minimal");
    let folder = site.path().join("content/incidents/bulk");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..10_000 {
        let day = 1 + i % 28;
        std::fs::write(
            folder.join(format!("2023-01-{day:02}-report-{i}.md")),
            format!(
                "---\ntitle: Report {i}\ndate: 2023-01-{day:02}\ncountry: Mali\nregion: Kayes\n\
                 sources:\n  - {{id: s1, name: Wire, type: news}}\nsummary: Number {i}.\n---\nBody {i}.\n"
            ),
        )
        .unwrap();
    }
    let built = build_with(site.path(), |_| {});
    assert_eq!(built.report.incidents, 10_004);
    assert!(built.exists("incidents/2023-01-04-report-9999/"));
    // Two cards on the first page, then ten rows a page (five times paginate_by).
    assert!(
        built.exists("incidents/page/1002/"),
        "paginated by 2, then 10"
    );
    assert!(!built.exists("incidents/page/1003/"));
}

#[test]
fn styles_that_cover_the_page_or_call_a_tracker_are_removed() {
    let site = site_with_report(
        "title: Styled\nsummary: s\n",
        "<table><tr><td style=\"position:fixed;top:0;left:0;width:100%;height:100%;\
         background:url(https://tracker.example/pixel)\">cell</td></tr></table>\n\n\
         <div id=\"search-form\">fake form</div>\n",
    );
    let built = build_with(site.path(), |_| {});
    let raw = built.text("incidents/2025-08-01-hostile/");
    assert!(!raw.contains("tracker.example"), "{raw}");
    assert!(!raw.contains("position:fixed"), "{raw}");
    let page = built.page("incidents/2025-08-01-hostile/");
    assert_eq!(
        attrs(&page, "#search-form", "id").len(),
        0,
        "the body took a page id"
    );
    assert!(texts(&page, ".body")
        .iter()
        .any(|t| t.contains("fake form")));
}
