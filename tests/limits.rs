//! The worst a report under the 4 MB limit can hold is refused quickly, with an error at
//! the place a bound was passed. The time limits are generous (the checks take well under
//! a second); they fail at the figures these reports took before the bounds: 38 s for the
//! nested YAML, over 60 s for the nested HTML, 1.1 GB and a 54 MB page for the footnotes.

mod common;

use std::time::{Duration, Instant};

use common::{copy_fixture, run_in};

const GENEROUS: Duration = Duration::from_secs(20);

/// Checks the minimal site with one more report holding `front_matter` and `body`; gives
/// the short-format errors and how long the check took.
fn check_with(front_matter: &str, body: &str) -> (String, Duration) {
    let site = copy_fixture("minimal");
    let report = format!(
        "---\ndate: 2025-08-01\ncountry: Mali\nregion: Kayes\nsummary: s\n\
         sources:\n  - {{id: s1, name: Wire, type: news}}\n{front_matter}---\n{body}"
    );
    let path = site.path().join("content/incidents/2025/worst.md");
    std::fs::write(&path, report).unwrap();
    let started = Instant::now();
    let (code, _, err) = run_in(site.path(), &["check", "--message-format", "short"]);
    let took = started.elapsed();
    assert_eq!(code, 1, "{err}");
    (err, took)
}

#[test]
fn html_nested_two_hundred_thousand_deep_is_refused_quickly() {
    let body = format!("{}{}", "<div>".repeat(200_000), "</div>".repeat(200_000));
    let (err, took) = check_with("title: Deep\n", &body);
    assert!(took < GENEROUS, "{took:?}");
    assert!(
        err.contains("worst.md:10:501: error: HTML elements nested more than 100 deep"),
        "{err}"
    );
}

#[test]
fn yaml_nested_a_hundred_thousand_deep_is_refused_quickly() {
    let deep = format!("title: {}\n", "[".repeat(100_000));
    let (err, took) = check_with(&deep, "Body.\n");
    assert!(took < GENEROUS, "{took:?}");
    assert!(
        err.contains("worst.md:8:72: error: the front matter nests too deeply"),
        "{err}"
    );
}

#[test]
fn a_million_footnote_references_are_refused_quickly() {
    let body = format!("{}\n\n[^1]: The note.\n", "[^1]".repeat(900_000));
    let (err, took) = check_with("title: Notes\n", &body);
    assert!(took < GENEROUS, "{took:?}");
    assert!(
        err.contains("error: more than 5000 footnote references"),
        "{err}"
    );
}

#[test]
fn lists_nested_forty_thousand_deep_beside_raw_html_are_refused_quickly() {
    // With raw HTML in the body the sanitiser runs over every nested list: 44 s before.
    let body = format!("{}x\n\n<b>raw</b>\n", "- ".repeat(40_000));
    let (err, took) = check_with("title: Lists\n", &body);
    assert!(took < GENEROUS, "{took:?}");
    assert!(
        err.contains("worst.md:10:201: error: block quotes or lists nested more than 100 deep"),
        "{err}"
    );
}
