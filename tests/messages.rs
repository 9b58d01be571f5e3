//! What the terminal says: settings errors shown like report errors, `check` speaking of
//! what it found rather than of a build, and hints that say how to fix.

mod common;

use common::{copy_fixture, run_in as run};

const CURFEW: &str = "content/incidents/2025/2025-07-02-curfew-in-dioila.md";

#[test]
fn a_settings_error_shows_its_line_and_says_error_once() {
    let site = copy_fixture("minimal");
    std::fs::write(
        site.path().join("site.yaml"),
        "title: T\npaginate_by: many\n",
    )
    .unwrap();
    let (code, _, err) = run(site.path(), &["build"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        !err.contains("error: site.yaml"),
        "error said twice:\n{err}"
    );
    assert!(err.contains("[site.yaml:2:14]"), "{err}");
    assert!(
        err.contains(" 2 | paginate_by: many"),
        "the line is shown:\n{err}"
    );
}

#[test]
fn check_says_what_it_found_not_that_a_site_was_not_built() {
    let site = copy_fixture("minimal");
    let path = site.path().join(CURFEW);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("event_type: curfew", "event_type: curfw"),
    )
    .unwrap();
    let (code, _, err) = run(site.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(!err.contains("not built"), "{err}");
    assert!(
        err.contains("error: the check found 1 error in 1 file"),
        "{err}"
    );
}

#[test]
fn a_check_with_warnings_ends_with_no_errors_and_their_count() {
    let site = copy_fixture("minimal");
    let path = site.path().join(CURFEW);
    let text = std::fs::read_to_string(&path).unwrap();
    // A place far outside Mali: a warning, not an error.
    let placed = text.replace(
        "event_type: curfew",
        "event_type: curfew\nlocations:\n  - {name: Dioila, coordinates: [48.85, 2.35], precision: town}",
    );
    std::fs::write(&path, placed).unwrap();
    let (code, out, err) = run(site.path(), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning"), "{err}");
    assert!(out.contains(": no errors, 1 warning"), "{out}");
}

#[test]
fn a_duplicate_slug_says_how_to_fix_it() {
    let site = copy_fixture("minimal");
    let copy = site.path().join("content/incidents/2024/other.md");
    let text = std::fs::read_to_string(site.path().join(CURFEW)).unwrap();
    std::fs::write(
        &copy,
        text.replace(
            "title:",
            "slug: 2025-07-02-curfew-in-dioila\nid: other\ntitle:",
        ),
    )
    .unwrap();
    let (code, _, err) = run(site.path(), &["check"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("rename one of the two files, or give one of them another `slug:`"),
        "{err}"
    );
}

#[test]
fn a_folder_without_a_site_says_what_to_do() {
    let empty = tempfile::tempdir().unwrap();
    for args in [&["build"][..], &["new", "Attack"][..]] {
        let (code, _, err) = run(empty.path(), args);
        assert_ne!(code, 0);
        assert!(err.contains("site.yaml"), "{err}");
        assert!(err.contains("incidex init DIR"), "{args:?}: {err}");
    }
}

#[test]
fn every_kind_of_failure_says_error_the_same_way() {
    let site = copy_fixture("minimal");
    std::fs::write(site.path().join("site.yaml"), "title: T\npaginate_by: 0\n").unwrap();
    let empty = tempfile::tempdir().unwrap();
    for (dir, args) in [
        (site.path(), &["build"][..]),
        (site.path(), &["build", "--output", "content"][..]),
        (site.path(), &["build", "--no-such-flag"][..]),
        (empty.path(), &["check"][..]),
        (empty.path(), &["new", "X"][..]),
    ] {
        let (code, _, err) = run(dir, args);
        assert_ne!(code, 0, "{args:?}");
        assert!(
            err.starts_with("error: ") || err.contains("\nerror: "),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains("Error:") && !err.contains("error: error"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn both_formats_count_columns_in_characters() {
    let site = copy_fixture("minimal");
    let path = site.path().join(CURFEW);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("region: Dioila", "region: [Dioïla, Kayz]"),
    )
    .unwrap();
    let (_, _, short) = run(site.path(), &["check", "--message-format", "short"]);
    let (_, _, full) = run(site.path(), &["check"]);
    // `region: [Dioïla, ` is 17 characters (18 bytes): the value starts at column 18.
    let at = format!("{CURFEW}:5:18");
    assert!(
        short.contains(&format!("{at}: error: unknown region 'Kayz'")),
        "{short}"
    );
    assert!(full.contains(&format!("[{at}]")), "{full}");
}

#[test]
fn coordinates_out_of_range_are_marked_on_the_coordinates() {
    let site = copy_fixture("minimal");
    let path = site.path().join(CURFEW);
    let text = std::fs::read_to_string(&path).unwrap();
    let placed = text.replace(
        "event_type: curfew",
        "event_type: curfew\nlocations:\n  - name: Dioïla\n    coordinates: [200, 5]",
    );
    std::fs::write(&path, placed).unwrap();
    let (code, _, err) = run(site.path(), &["check", "--message-format", "short"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "{CURFEW}:11:18: error: coordinates of 'Dioïla' are out of range"
        )),
        "{err}"
    );
}

#[test]
fn markdown_that_will_not_be_built_is_named_and_fails_strict() {
    let site = copy_fixture("minimal");
    let root = site.path();
    let report = std::fs::read_to_string(root.join(CURFEW)).unwrap();
    std::fs::create_dir_all(root.join("content/2025")).unwrap();
    std::fs::create_dir_all(root.join("incidents")).unwrap();
    for misplaced in [
        "content/loose.md",
        "content/2025/also-loose.md",
        "incidents/at-the-root.md",
        "content/incidents/2025/shouting.MD",
        "content/incidents/2025/long.markdown",
        "content/incidents/2025/saved.md.txt",
    ] {
        std::fs::write(root.join(misplaced), &report).unwrap();
    }
    let (code, _, err) = run(root, &["check", "--message-format", "short"]);
    assert_eq!(code, 0, "warnings only: {err}");
    for (file, says) in [
        (
            "content/loose.md",
            "reports are read from content/incidents/ only",
        ),
        (
            "content/2025/also-loose.md",
            "move it to content/incidents/also-loose.md",
        ),
        (
            "incidents/at-the-root.md",
            "reports are read from content/incidents/ only",
        ),
        (
            "content/incidents/2025/shouting.MD",
            "rename it to shouting.md",
        ),
        (
            "content/incidents/2025/long.markdown",
            "rename it to long.md",
        ),
        (
            "content/incidents/2025/saved.md.txt",
            "rename it to saved.md",
        ),
    ] {
        let line = err
            .lines()
            .position(|l| l.starts_with(&format!("{file}:1:1: warning:")))
            .unwrap_or_else(|| panic!("{file} not named:\n{err}"));
        let next = err.lines().nth(line + 1).unwrap_or_default();
        assert!(
            err.lines().nth(line).unwrap().contains(says) || next.contains(says),
            "{file}: {err}"
        );
    }
    let (code, _, _) = run(root, &["check", "--strict"]);
    assert_eq!(code, 1, "--strict fails on them");
}

#[test]
fn control_characters_from_content_never_reach_the_terminal() {
    let site = copy_fixture("minimal");
    // An escape written as YAML escapes it, in a value; one written raw, in a key.
    let path = site.path().join(CURFEW);
    let text = std::fs::read_to_string(&path).unwrap();
    let escaped = text.replace("{group: FAMa,", "{group: \"\\e[2J\\e]0;pwned\\aFAMx\",");
    std::fs::write(&path, escaped).unwrap();
    let raw = site
        .path()
        .join("content/incidents/2025/2025-07-01-attack-on-kayes-post.md");
    let text = std::fs::read_to_string(&raw).unwrap();
    std::fs::write(
        &raw,
        text.replacen("title:", "\u{1b}[31mevil: 1\ntitle:", 1),
    )
    .unwrap();
    for format in ["short", "full"] {
        let (code, _, err) = run(site.path(), &["check", "--message-format", format]);
        assert_eq!(code, 1, "{err}");
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{7}'),
            "{format}: {err:?}"
        );
        assert!(err.contains("unknown group '\\u{1b}[2J"), "{format}: {err}");
        assert!(
            err.contains("control character (\\u{1b})"),
            "{format}: {err}"
        );
    }
    let (_, _, err) = run(site.path(), &["check", "--message-format", "short"]);
    assert!(
        err.contains("2025-07-01-attack-on-kayes-post.md:2:1: error: an invisible"),
        "{err}"
    );
}
