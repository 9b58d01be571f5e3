//! A colleague's unfinished draft never stops the site: without `--drafts` its problems
//! are shown as warnings that say it is a draft, and fail nothing, not even `--strict`.

mod common;

use std::path::Path;

/// The binary's short-format run in `dir`.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let args: Vec<&str> = args
        .iter()
        .copied()
        .chain(["--message-format", "short"])
        .collect();
    common::run_in(dir, &args)
}

/// A new site with one fresh report from `new`, nothing filled in.
fn site_with_a_new_draft() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(dir.path(), &["init", "site"]).0, 0);
    let site = dir.path().join("site");
    let (code, out, err) = run(&site, &["new", "Unfinished report", "--date", "2025-08-01"]);
    assert_eq!(code, 0, "{err}");
    (dir, out.trim().to_string())
}

#[test]
fn a_draft_from_new_is_accepted_by_check_and_build_strict() {
    let (dir, draft) = site_with_a_new_draft();
    let site = dir.path().join("site");
    let (code, out, err) = run(&site, &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!("{draft}:")),
        "the draft is named: {err}"
    );
    assert!(
        err.contains("warning: summary is empty (in a draft"),
        "{err}"
    );
    assert!(!err.contains("error"), "{err}");
    assert!(
        err.contains("warning: country is empty"),
        "not \"unknown country ''\": {err}"
    );
    assert!(
        out.contains("no errors") && out.contains("in drafts"),
        "{out}"
    );

    let (code, _, err) = run(&site, &["build", "--strict"]);
    assert_eq!(code, 0, "a draft never stops a deploy: {err}");
    assert!(!site
        .join("public/incidents/2025-08-01-unfinished-report")
        .exists());
}

#[test]
fn with_drafts_a_drafts_problems_are_errors() {
    let (dir, draft) = site_with_a_new_draft();
    let site = dir.path().join("site");
    let (code, _, err) = run(&site, &["check", "--drafts"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("{draft}:")) && err.contains("error: summary is empty"),
        "{err}"
    );
}

#[test]
fn a_draft_that_does_not_even_parse_is_set_aside() {
    let (dir, draft) = site_with_a_new_draft();
    let site = dir.path().join("site");
    let path = site.join(&draft);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("title: ", "title: [half written\n# ")).unwrap();
    let (code, _, err) = run(&site, &["build", "--strict"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("in a draft"), "{err}");
    // A published report that does not parse still fails.
    std::fs::write(
        &path,
        std::fs::read_to_string(&path)
            .unwrap()
            .replace("status: draft", "status: published"),
    )
    .unwrap();
    assert_eq!(run(&site, &["build"]).0, 1);
}
