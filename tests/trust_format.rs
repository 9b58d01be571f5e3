//! The trust keys of issue 19 as editors meet them in `check`: a report's confidence
//! grade, each source's archive, hash, last check and reliability, each claim's
//! credibility, and site.yaml's grades and vague counts; wrong values are named at their
//! file, line and column with what would be right, every one in one run.

mod common;

use std::path::Path;

use common::{build_with, copy_fixture};

const REPORT: &str = "content/incidents/2025/2025-08-01-new-report.md";

/// A report with every trust key, all sound.
const GRADED: &str = "---
title: A new report
date: 2025-08-01
country: Mali
region: Kayes
groups:
  - {group: JNIM, role: perpetrator}
claims:
  - {by: JNIM, text: Took the post, source: s1, credibility: 4}
sources:
  - id: s1
    name: Wire
    url: https://example.org/story
    archive_url: https://web.archive.org/web/2025/https://example.org/story
    last_verified: 2025-08-03
    sha256: 9F2C00000000000000000000000000000000000000000000000000000000AAAA
    reliability: C
confidence: weak
summary: Something happened.
---
Body.
";

/// The minimal fixture plus [`GRADED`] with each `(from, to)` applied.
fn site_with(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let mut text = GRADED.to_string();
    for (from, to) in changes {
        assert!(text.contains(from), "{from:?} is not in the report");
        text = text.replacen(from, to, 1);
    }
    common::minimal_with(&[(REPORT, text.as_bytes())])
}

/// `incidex check` with one-line messages: exit status and stderr.
fn check(site: &Path) -> (i32, String) {
    common::check_short(site)
}

fn appends_to_site_yaml(site: &Path, text: &str) {
    let path = site.join("site.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    std::fs::write(path, before + text).unwrap();
}

#[test]
fn a_report_with_every_trust_key_passes_and_carries_them() {
    let site = site_with(&[]);
    let (code, stderr) = check(site.path());
    assert_eq!(code, 0, "{stderr}");
    // The site builds with them (the pages show none of them yet).
    build_with(site.path(), |_| {});
    let options = common::options(site.path(), &site.path().join("out"));
    let settings = incidex::settings::Settings::resolve(&options).unwrap();
    let (loaded, _) = incidex::load::load_site(settings, incidex::load::Bodies::InFiles).unwrap();
    let report = loaded
        .incidents
        .iter()
        .find(|i| i.path.ends_with("2025-08-01-new-report.md"))
        .unwrap();
    let grade = report.confidence.expect("a grade");
    assert_eq!(loaded.settings.config.confidence.get(grade).id, "weak");
    let source = &report.sources[0];
    assert_eq!(source.reliability.map(|r| r.as_str()), Some("C"));
    assert_eq!(source.last_verified.unwrap().to_string(), "2025-08-03");
    assert!(
        source.sha256.as_deref().unwrap().ends_with("aaaa"),
        "stored in lower case"
    );
    assert_eq!(report.assertions[0].credibility.unwrap().value(), 4);
}

#[test]
fn every_wrong_trust_value_is_named_at_its_place_in_one_run() {
    let site = site_with(&[
        ("confidence: weak", "confidence: waek"),
        ("credibility: 4", "credibility: 7"),
        ("last_verified: 2025-08-03", "last_verified: 2025-02-30"),
        ("sha256: 9F2C", "sha256: 9F2"),
    ]);
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        format!("{REPORT}:18:13: error: unknown confidence grade 'waek'"),
        "help: did you mean 'weak'?".to_string(),
        format!("{REPORT}:9:49: error: claims: credibility 7 is not on the scale of 1 to 6"),
        format!("{REPORT}:15:20: error: sources: '2025-02-30' is not a real calendar date"),
        format!("{REPORT}:16:13: error: sources[0].sha256 is not a SHA-256 hash (63 characters)"),
    ] {
        assert!(
            stderr.contains(&expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn a_wrong_reliability_letter_lists_the_scale() {
    let site = site_with(&[("reliability: C", "reliability: G")]);
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&format!("{REPORT}:17:")), "{stderr}");
    assert!(stderr.contains("unknown value 'G'"), "{stderr}");
    assert!(
        stderr.contains("A, B, C, D, E, F") || stderr.contains("A, B, C, D, E or F"),
        "{stderr}"
    );
}

#[test]
fn a_site_with_its_own_grades_holds_reports_to_them() {
    let site = site_with(&[]);
    appends_to_site_yaml(
        site.path(),
        "confidence:\n  - {id: verified, label: Verified, definition: Seen by the desk.}\n  \
         - {id: reported, label: Reported, definition: Said by one outlet.}\n",
    );
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("unknown confidence grade 'weak'"),
        "{stderr}"
    );
    assert!(stderr.contains("verified, reported"), "{stderr}");
}

#[test]
fn a_broken_grade_list_is_a_settings_error_at_its_line() {
    let site = site_with(&[]);
    appends_to_site_yaml(
        site.path(),
        "confidence:\n  - {id: fair, label: Fair, definition: Two sources.}\n  \
         - {id: fair, label: Fair again, definition: Twice.}\n",
    );
    let (code, stderr) = check(site.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("site.yaml:6:10"), "{stderr}");
    assert!(stderr.contains("'fair' is listed twice"), "{stderr}");
}

#[test]
fn vague_counts_are_read_and_checked() {
    let site = site_with(&[]);
    appends_to_site_yaml(site.path(), "vague_counts: {dozens: 12, scores: 40}\n");
    assert_eq!(check(site.path()).0, 0);
    let options = common::options(site.path(), &site.path().join("out"));
    let settings = incidex::settings::Settings::resolve(&options).unwrap();
    assert_eq!(settings.config.vague_counts.get("Dozens"), Some(12));

    let site = site_with(&[]);
    appends_to_site_yaml(site.path(), "vague_counts: {dozens: many}\n");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("vague_counts"), "{stderr}");
}

#[test]
fn todays_sites_without_trust_keys_still_pass() {
    let site = copy_fixture("minimal");
    let (code, stderr) = check(site.path());
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_schema_comment_first_in_the_front_matter_keeps_every_line_true() {
    let modeline = "---\n# yaml-language-server: $schema=../../../.incidex/schema.json\ntitle:";
    let site = site_with(&[
        ("---\ntitle:", modeline),
        ("confidence: weak", "confidence: waek"),
    ]);
    let (code, stderr) = check(site.path());
    assert_eq!(code, 1, "{stderr}");
    let expected = format!("{REPORT}:19:13: error: unknown confidence grade 'waek'");
    assert!(stderr.contains(&expected), "{stderr}");
}
