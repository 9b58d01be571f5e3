//! One test per mistake an editor can make: what `incidex check` says, at which file, line
//! and column, and that the site still builds where the problem is only a warning.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::copy_fixture;

use common::{GOOD_REPORT as GOOD, NEW_REPORT as REPORT};

/// The minimal fixture with one extra file.
fn site_with(path: &str, content: impl AsRef<[u8]>) -> tempfile::TempDir {
    common::minimal_with(&[(path, content.as_ref())])
}

/// The minimal fixture plus [`GOOD`] with `from` replaced by `to`.
fn site_with_change(from: &str, to: &str) -> tempfile::TempDir {
    assert!(GOOD.contains(from), "{from:?} is not in the report");
    site_with(REPORT, GOOD.replacen(from, to, 1))
}

/// Runs `incidex check` with one-line messages: exit status and what it printed.
fn check(site: &Path, extra: &[&str]) -> (i32, String) {
    let output = Command::cargo_bin("incidex")
        .unwrap()
        .args(["check", "--message-format", "short", "--root"])
        .arg(site)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap(), stderr)
}

/// Asserts the check fails and says `expected` (a line start such as `path:3:7: error: …`).
fn fails_with(site: &tempfile::TempDir, expected: &[&str]) {
    let (code, stderr) = check(site.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    for line in expected {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
}

#[test]
fn the_unbroken_report_passes() {
    let site = site_with(REPORT, GOOD);
    let (code, stderr) = check(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn yaml_syntax_errors_point_into_the_report_file() {
    let site = site_with_change("title: A new report", "title: Attack: what we know");
    fails_with(
        &site,
        &[
            &format!("{REPORT}:2:14: error: a ': ' inside a value"),
            "help: put a value holding ': ' in quotes",
        ],
    );
}

#[test]
fn a_tab_in_the_indentation_is_named() {
    let site = site_with_change("  - {id: s1", "\t- {id: s1");
    fails_with(
        &site,
        &[&format!("{REPORT}:12:"), "a tab is used for indentation"],
    );
}

#[test]
fn missing_required_keys_are_named() {
    let site = site_with_change("summary: Something happened.\n", "");
    fails_with(
        &site,
        &[
            "error: missing required key 'summary'",
            "help: add 'summary:'",
        ],
    );
}

#[test]
fn unknown_keys_suggest_the_nearest_known_key() {
    let site = site_with_change("event_type:", "evnt_type:");
    fails_with(
        &site,
        &[
            &format!("{REPORT}:10:1: error: unknown key 'evnt_type'"),
            "did you mean 'event_type'?",
        ],
    );
}

#[test]
fn wrong_types_say_what_was_expected() {
    let site = site_with_change(
        "event_type: attack\n",
        "event_type: attack\nfatalities:\n  best: many\n",
    );
    fails_with(
        &site,
        &[&format!(
            "{REPORT}:12:9: error: fatalities.best: expected a whole number, found 'many'"
        )],
    );
}

#[test]
fn impossible_and_malformed_dates_are_errors() {
    let site = site_with_change("date: 2025-08-01", "date: 2025-02-29");
    fails_with(
        &site,
        &[&format!(
            "{REPORT}:3:7: error: date: '2025-02-29' is not a real calendar date"
        )],
    );
    let site = site_with_change("date: 2025-08-01", "date: 1 Aug 2025");
    fails_with(&site, &[&format!("{REPORT}:3:7: error: date:")]);
}

#[test]
fn an_end_date_before_the_date_is_an_error() {
    let site = site_with_change(
        "date: 2025-08-01\n",
        "date: 2025-08-01\nend_date: 2025-07-30\n",
    );
    fails_with(
        &site,
        &[&format!(
            "{REPORT}:4:11: error: end_date 2025-07-30 is before date 2025-08-01"
        )],
    );
}

#[test]
fn coordinates_out_of_range_are_errors() {
    let site = site_with_change("[12.84, -11.24]", "[212.84, -11.24]");
    fails_with(&site, &[&format!("{REPORT}:7:"), "out of range"]);
}

#[test]
fn coordinates_outside_the_country_are_a_warning_and_strict_fails_on_it() {
    // Latitude and longitude swapped: a common slip.
    let site = site_with_change("[12.84, -11.24]", "[-11.24, 12.84]");
    let (code, stderr) = check(site.path(), &[]);
    assert_eq!(code, 0, "a warning does not fail the check: {stderr}");
    assert!(
        stderr.contains(&format!("{REPORT}:7:"))
            && stderr.contains("warning: coordinates of 'Kéniéba'"),
        "{stderr}"
    );
    let (code, stderr) = check(site.path(), &["--strict"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--strict"), "{stderr}");
}

#[test]
fn unknown_names_get_suggestions() {
    let site = site_with_change("country: Mali", "country: Maly");
    fails_with(
        &site,
        &[
            &format!("{REPORT}:4:10: error: unknown country 'Maly'"),
            "did you mean 'Mali'?",
        ],
    );
    let site = site_with_change("region: Kayes", "region: Kayse");
    fails_with(
        &site,
        &[
            &format!("{REPORT}:5:9: error: unknown region 'Kayse'"),
            "did you mean 'Kayes'?",
        ],
    );
    let site = site_with_change("group: JNIM", "group: JNMI");
    fails_with(
        &site,
        &[
            &format!("{REPORT}:9:13: error: unknown group 'JNMI'"),
            "did you mean 'JNIM'?",
        ],
    );
    let site = site_with_change("event_type: attack", "event_type: atack");
    fails_with(
        &site,
        &[
            &format!("{REPORT}:10:13: error: event_type: unknown value 'atack'"),
            "did you mean 'attack'?",
        ],
    );
}

#[test]
fn a_region_of_another_country_is_named_as_such() {
    let site = site_with_change("region: Kayes", "region: Sahel");
    fails_with(
        &site,
        &[
            &format!("{REPORT}:5:9: error: unknown region 'Sahel' in Mali"),
            "Burkina Faso",
        ],
    );
}

#[test]
fn duplicate_slugs_and_ids_name_both_files() {
    let site = site_with(
        REPORT,
        GOOD.replace("title:", "slug: attack-on-kayes\nid: T-0001\ntitle:"),
    );
    let other = site
        .path()
        .join("content/incidents/2025/2025-08-02-other.md");
    std::fs::write(
        &other,
        GOOD.replace("title:", "slug: attack-on-kayes\ntitle:"),
    )
    .unwrap();
    fails_with(
        &site,
        &[
            "slug 'attack-on-kayes' is also used by content/incidents/2025/2025-08-01-new-report.md",
            "id 'T-0001' is also used by content/incidents/2025/2025-07-01-attack-on-kayes-post.md",
        ],
    );
}

#[test]
fn references_that_point_nowhere_are_errors() {
    let site = site_with_change(
        "summary: Something happened.\n",
        "summary: Something happened.\nrelated: [2025-07-01-attack-on-kayes]\nfatalities:\n  claims:\n    - {count: 3, by: FAMa, source: s9}\n",
    );
    fails_with(
        &site,
        &[
            "related report '2025-07-01-attack-on-kayes' does not exist",
            "did you mean '2025-07-01-attack-on-kayes-post'?",
            "source 's9' is not among this report's sources",
        ],
    );
    let site = site_with_change(
        "Body.",
        "See [this](/incidents/2025-07-01-attack-on-kayes-pst/).",
    );
    fails_with(
        &site,
        &[
            &format!("{REPORT}:15:"),
            "link to report '2025-07-01-attack-on-kayes-pst'",
        ],
    );
}

#[test]
fn empty_files_and_unclosed_front_matter_are_explained() {
    let site = site_with(REPORT, "");
    fails_with(&site, &[&format!("{REPORT}:1:1: error:")]);
    let site = site_with(REPORT, GOOD.replacen("---\nBody.", "Body.", 1));
    fails_with(&site, &[&format!("{REPORT}:1:1: error:"), "---"]);
}

#[test]
fn non_utf8_bytes_are_located_and_not_guessed() {
    let mut bytes = GOOD.as_bytes().to_vec();
    let at = GOOD.find("Something").unwrap();
    bytes[at] = 0xE9; // Latin-1 é
    let site = site_with(REPORT, bytes);
    fails_with(
        &site,
        &[
            &format!("{REPORT}:13:10: error: the file is not valid UTF-8"),
            "UTF-8",
        ],
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_accepted() {
    let text = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
    let site = site_with(REPORT, text);
    let (code, stderr) = check(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn old_mac_line_endings_count_as_lines() {
    // A lone CR ends a line for YAML; positions must count it the same way (found by fuzzing).
    let text = GOOD
        .replace("country: Mali", "country: Maly")
        .replace('\n', "\r");
    let site = site_with(REPORT, text);
    fails_with(
        &site,
        &[&format!("{REPORT}:4:10: error: unknown country 'Maly'")],
    );
}

#[test]
fn registry_duplicates_are_errors_in_the_registry_file() {
    let site = copy_fixture("minimal");
    let groups = site.path().join("content/groups.yaml");
    let text = std::fs::read_to_string(&groups).unwrap();
    std::fs::write(
        &groups,
        text.replace("aliases: [FDS]", "aliases: [FDS, GSIM]"),
    )
    .unwrap();
    fails_with(&site, &["content/groups.yaml:", "GSIM"]);
}

#[test]
fn a_template_error_names_the_template_and_line() {
    let site = site_with("templates/incident.html", "<h1>{{ incident.title }</h1>\n");
    fails_with(&site, &["templates/incident.html:1:"]);
}

#[test]
fn render_errors_of_report_and_list_templates_come_in_one_run() {
    let site = site_with(
        "templates/incident.html",
        "<h1>{{ incident.no_such_field.x }}</h1>\n",
    );
    std::fs::write(
        site.path().join("templates/about.html"),
        "<p>{{ no_such_variable.x }}</p>\n",
    )
    .unwrap();
    fails_with(&site, &["templates/incident.html", "templates/about.html"]);
}

#[test]
fn every_error_of_every_file_comes_in_one_run_sorted() {
    let site = site_with_change("country: Mali", "country: Maly");
    let other = site
        .path()
        .join("content/incidents/2024/2024-01-01-other.md");
    std::fs::write(&other, GOOD.replace("group: JNIM", "group: JNMI")).unwrap();
    let (code, stderr) = check(site.path(), &[]);
    assert_eq!(code, 1);
    let first = stderr.find("2024-01-01-other.md").unwrap();
    let second = stderr.find("2025-08-01-new-report.md").unwrap();
    assert!(first < second, "sorted by path:\n{stderr}");
    assert!(stderr.contains("2 errors in 2 files"), "{stderr}");
}

#[test]
fn ids_that_could_clash_with_event_ids_or_run_as_formulas_are_refused() {
    for (id, said) in [
        (
            "ML-2025-0001#2",
            "holds '#', which marks the row number in event ids",
        ),
        (
            "=HYPERLINK(1)",
            "begins with '=', which spreadsheets read as a formula",
        ),
        (
            "-ML-1",
            "begins with '-', which spreadsheets read as a formula",
        ),
    ] {
        let site = site_with_change(
            "title: A new report",
            &format!("id: '{id}'\ntitle: A new report"),
        );
        fails_with(
            &site,
            &[&format!("{REPORT}:2:"), said, "ids are plain text"],
        );
    }
    // An id that looks like another report's event id but holds no mark is fine: the
    // events rows of `ML-1` are `ML-1#1`…, never `ML-1-1`.
    let site = site_with_change("title: A new report", "id: ML-1-1\ntitle: A new report");
    let (code, stderr) = check(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_place_outside_the_report_regions_is_an_error() {
    let site = site_with_change(
        "  - {name: Kéniéba, coordinates: [12.84, -11.24]}",
        "  - {name: Kéniéba, coordinates: [12.84, -11.24]}\n  - {name: Ségou town, region: Ségou}",
    );
    fails_with(
        &site,
        &[
            &format!("{REPORT}:8:"),
            "'Ségou town' is placed in Ségou, which is not among the report's regions (Kayes)",
            "add Ségou to region, or correct the place's region",
        ],
    );
}
