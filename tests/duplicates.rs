//! Likely duplicates: `check` and `build` warn when two reports share the country, a
//! region and a group, overlap in date within their precision and have similar titles,
//! naming both files at their titles; `not_duplicate_of` sets a pair apart.

mod common;

use std::path::Path;

use common::{build_with, run_in};

const FIRST: &str = "content/incidents/2025/2025-08-01-a-post-attack.md";
const SECOND: &str = "content/incidents/2025/2025-08-01-b-post-attacked.md";

/// A report of 2025-08-01 in Kayes by JNIM with `title` and `extra` front matter lines.
fn report(title: &str, extra: &str) -> String {
    format!(
        "---
title: {title}
date: 2025-08-01
country: Mali
region: Kayes
groups: [JNIM]
sources:
  - {{name: Wire}}
summary: An army post was attacked.
{extra}---
Body.
"
    )
}

/// The minimal fixture with the two reports written as given.
fn site_with(first: &str, second: &str) -> tempfile::TempDir {
    common::minimal_with(&[(FIRST, first.as_bytes()), (SECOND, second.as_bytes())])
}

fn check(site: &Path) -> (i32, String) {
    common::check_short(site)
}

#[test]
fn two_reports_of_one_event_are_named_together_by_check_and_build() {
    let site = site_with(
        &report("JNIM attacks army post in Kayes", ""),
        &report("JNIM attack on army posts near Kayes", ""),
    );
    let (code, stderr) = check(site.path());
    assert_eq!(code, 0, "a warning fails nothing:\n{stderr}");
    let expected = format!(
        "{SECOND}:2:1: warning: likely a duplicate of {FIRST}:2 ('JNIM attacks army post in \
         Kayes'): same country, region Kayes and group JNIM"
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(
        stderr.contains("not_duplicate_of: [2025-08-01-a-post-attack]"),
        "{stderr}"
    );

    let built = build_with(site.path(), |_| {});
    let warned = built
        .report
        .warnings
        .sorted()
        .iter()
        .any(|d| d.message.starts_with("likely a duplicate of"));
    assert!(warned, "build warns too");
}

#[test]
fn strict_fails_on_a_likely_duplicate() {
    let site = site_with(
        &report("JNIM attacks army post in Kayes", ""),
        &report("JNIM attacks army post in Kayes", ""),
    );
    let root = site.path().to_str().unwrap();
    let (code, _, stderr) = run_in(site.path(), &["check", "--strict", "--root", root]);
    assert_eq!(code, 1, "{stderr}");
}

#[test]
fn not_duplicate_of_sets_a_pair_apart_and_must_name_a_report() {
    let site = site_with(
        &report("JNIM attacks army post in Kayes", ""),
        &report(
            "JNIM attack on army posts near Kayes",
            "not_duplicate_of: [2025-08-01-a-post-attack]\n",
        ),
    );
    let (code, stderr) = check(site.path());
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("likely a duplicate"), "{stderr}");

    let site = site_with(
        &report("JNIM attacks army post in Kayes", ""),
        &report(
            "Curfew in Kayes",
            "not_duplicate_of: [2025-08-01-a-post-atack]\n",
        ),
    );
    let (_, stderr) = check(site.path());
    let expected = format!(
        "{SECOND}:10:20: warning: not_duplicate_of names '2025-08-01-a-post-atack', which is no \
         report of the site"
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(
        stderr.contains("did you mean '2025-08-01-a-post-attack'?"),
        "{stderr}"
    );
}

#[test]
fn unlike_titles_other_days_and_other_groups_are_no_duplicates() {
    for (first, second) in [
        (
            report("JNIM attacks army post in Kayes", ""),
            report("Curfew declared across the region", ""),
        ),
        (
            report("JNIM attacks army post in Kayes", ""),
            report("JNIM attacks army post in Kayes", "")
                .replace("date: 2025-08-01", "date: 2025-08-05"),
        ),
        (
            report("JNIM attacks army post in Kayes", ""),
            report("JNIM attacks army post in Kayes", "").replace("[JNIM]", "[FAMa]"),
        ),
    ] {
        let site = site_with(&first, &second);
        let (code, stderr) = check(site.path());
        assert_eq!(code, 0, "{stderr}");
        assert!(!stderr.contains("likely a duplicate"), "{stderr}");
    }
}

#[test]
fn a_date_known_to_the_month_overlaps_any_day_of_it() {
    let month = report("JNIM attacks army post in Kayes", "date_precision: month\n");
    let later = report("JNIM attacks army post in Kayes", "")
        .replace("date: 2025-08-01", "date: 2025-08-20");
    let site = site_with(&month, &later);
    let (_, stderr) = check(site.path());
    assert!(stderr.contains("likely a duplicate"), "{stderr}");
}
