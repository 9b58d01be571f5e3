//! `incidex init` makes a site that builds at once; `incidex new` writes a report that
//! passes `check` once its summary and source are filled in.

use std::path::Path;

use assert_cmd::Command;

fn incidex(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("incidex")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .args(["--message-format", "short"])
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn new_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = incidex(dir.path(), &["init", "site"]);
    assert_eq!(code, 0, "{out}{err}");
    dir
}

#[test]
fn init_says_how_to_serve_and_how_to_publish() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out, _) = incidex(dir.path(), &["init", "site"]);
    assert!(out.contains("Next: cd site && incidex serve"), "{out}");
    assert!(out.contains("\"GitHub Actions\""), "{out}");
    assert!(
        out.contains("The one setting: INCIDEX_REPOSITORY in .github/workflows/pages.yml"),
        "{out}"
    );
    let guide = std::fs::read_to_string(dir.path().join("site/README.md")).unwrap();
    assert!(
        guide.contains("the one setting in `.github/workflows/pages.yml`: `INCIDEX_REPOSITORY`,"),
        "{guide}"
    );
    assert!(
        guide.contains("\"GitHub Actions\" as the source"),
        "{guide}"
    );
}

#[test]
fn init_makes_a_site_that_builds_and_publishes() {
    let dir = new_site();
    let site = dir.path().join("site");
    for file in [
        "site.yaml",
        "content/regions.yaml",
        "content/groups.yaml",
        "README.md",
        ".github/workflows/pages.yml",
    ] {
        assert!(site.join(file).is_file(), "{file} missing");
    }
    let (code, out, err) = incidex(&site, &["build", "--strict"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Built 1 report into"), "{out}");
    assert!(site
        .join("public/incidents/2025-07-01-kayes-curfew/index.html")
        .is_file());
    let workflow = std::fs::read_to_string(site.join(".github/workflows/pages.yml")).unwrap();
    assert!(workflow.contains("actions/deploy-pages"), "{workflow}");
}

#[test]
fn init_refuses_a_folder_with_files() {
    let dir = new_site();
    let (code, _, err) = incidex(dir.path(), &["init", "site"]);
    assert_eq!(code, 1);
    assert!(err.contains("is not empty"), "{err}");
}

#[test]
fn new_writes_every_field_and_passes_check_once_filled() {
    let dir = new_site();
    let site = dir.path().join("site");
    let (code, out, err) = incidex(
        &site,
        &[
            "new",
            "Attack on a convoy near Nioro",
            "--date",
            "2025-08-03",
            "--country",
            "ML",
            "--region",
            "nioro",
            "--group",
            "gsim",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let relative = "content/incidents/2025/2025-08-03-attack-on-a-convoy-near-nioro.md";
    assert_eq!(out.trim(), relative);
    let path = site.join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    for line in [
        "title: \"Attack on a convoy near Nioro\"",
        "id: ML-2025-0002",
        "date: 2025-08-03",
        "country: \"Mali\"",
        "region: \"Nioro\"",
        "  - {group: \"JNIM\", role: perpetrator, attribution: confirmed}",
        "# fatalities:",
        "# end_date:",
        "status: draft",
    ] {
        assert!(text.contains(line), "{line:?} missing from\n{text}");
    }

    // Unfilled, check names what is missing; it is a draft, so only --drafts fails on it.
    let (code, _, err) = incidex(&site, &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("(in a draft"), "{err}");
    let (code, _, err) = incidex(&site, &["check", "--drafts"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("summary is empty"), "{err}");
    assert!(err.contains("sources[0].name is empty"), "{err}");

    let filled = text
        .replace("summary: \"\"", "summary: A convoy was attacked.")
        .replace("name: \"\"", "name: Wire");
    std::fs::write(&path, filled).unwrap();
    let (code, _, err) = incidex(&site, &["check", "--drafts"]);
    assert_eq!(code, 0, "{err}");

    // Never overwrites.
    let (code, _, err) = incidex(
        &site,
        &[
            "new",
            "Attack on a convoy near Nioro",
            "--date",
            "2025-08-03",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn new_suggests_names_it_does_not_know() {
    let dir = new_site();
    let site = dir.path().join("site");
    let (code, _, err) = incidex(&site, &["new", "X", "--country", "Maly", "--group", "JNMI"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error: --country: unknown country 'Maly'"),
        "{err}"
    );
    assert!(err.contains("did you mean 'Mali'?"), "{err}");
    assert!(err.contains("did you mean 'JNIM'?"), "{err}");
    assert!(!site.join("content/incidents/2026").exists());
}

#[test]
fn new_takes_targets_and_responders_and_a_slug() {
    let dir = new_site();
    let site = dir.path().join("site");
    let (code, out, err) = incidex(
        &site,
        &[
            "new",
            "Ambush",
            "--date",
            "2025-08-04",
            "--country",
            "Mali",
            "--region",
            "Kayes",
            "--group",
            "JNIM",
            "--target",
            "FAMa",
            "--responder",
            "FAMa",
            "--slug",
            "kayes-ambush",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim(),
        "content/incidents/2025/2025-08-04-kayes-ambush.md"
    );
    let text = std::fs::read_to_string(site.join(out.trim())).unwrap();
    for line in [
        "slug: kayes-ambush",
        "  - {group: \"JNIM\", role: perpetrator, attribution: confirmed}",
        "  - {group: \"FAMa\", role: target}",
        "  - {group: \"FAMa\", role: responder}",
    ] {
        assert!(text.contains(line), "{line:?} missing from\n{text}");
    }
    let (code, _, err) = incidex(
        &site,
        &["new", "X", "--slug", "Not A Slug", "--target", "FAMx"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--slug: 'Not A Slug' may only hold"), "{err}");
    assert!(err.contains("try 'not-a-slug'"), "{err}");
    assert!(err.contains("--target: unknown target 'FAMx'"), "{err}");
}

#[test]
fn an_arabic_title_gets_a_readable_file_name_from_its_place() {
    let dir = new_site();
    let site = dir.path().join("site");
    let args = [
        "new",
        "هجوم على مركز للجيش",
        "--date",
        "2025-08-05",
        "--country",
        "Mali",
        "--region",
        "Kayes",
    ];
    let (code, first, err) = incidex(&site, &args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(first.trim(), "content/incidents/2025/2025-08-05-kayes.md");
    let (code, second, err) = incidex(&site, &args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        second.trim(),
        "content/incidents/2025/2025-08-05-kayes-2.md"
    );
    let text = std::fs::read_to_string(site.join(first.trim())).unwrap();
    assert!(text.contains("title: \"هجوم على مركز للجيش\""), "{text}");
}

#[test]
fn init_in_french_makes_a_french_site() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = incidex(dir.path(), &["init", "--language", "fr", "site"]);
    assert_eq!(code, 0, "{out}{err}");
    let site = dir.path().join("site");
    let settings = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(settings.contains("language: fr"), "{settings}");
    let (code, out, err) = incidex(&site, &["build", "--strict"]);
    assert_eq!(code, 0, "{out}{err}");
    let page =
        std::fs::read_to_string(site.join("public/incidents/2025-07-01-kayes-curfew/index.html"))
            .unwrap();
    assert!(
        page.contains("<html lang=\"fr\""),
        "the page says it is French"
    );
    assert!(page.contains("1er juillet 2025"), "dates read as in French");
}

#[test]
fn init_refuses_a_language_it_has_no_words_for() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = incidex(dir.path(), &["init", "--language", "xx", "site"]);
    assert_eq!(code, 1);
    assert!(err.contains("'xx'") && err.contains("en, fr, ar"), "{err}");
}
