//! Broken content fails the build with every error, each at `path:line:column` in the report
//! file, and the exit statuses SPEC.md section 2 gives.

mod common;

use assert_cmd::Command;
use common::{copy_fixture, fixture};

fn incidex() -> Command {
    Command::cargo_bin("incidex").expect("the binary is built")
}

fn failing_build(name: &str, format: &str) -> (i32, String) {
    let out = tempfile::tempdir().unwrap();
    let output = incidex()
        .args(["build", "--message-format", format, "--root"])
        .arg(fixture(name))
        .arg("--output")
        .arg(out.path().join("public"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        !out.path().join("public").exists(),
        "a failed build wrote output"
    );
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn every_error_of_every_file_is_reported_in_one_run() {
    let (code, stderr) = failing_build("errors", "full");
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
}

#[test]
fn errors_point_at_the_line_and_column_in_the_report_file() {
    let (_, stderr) = failing_build("errors", "short");
    for expected in [
        // Line 7 of the file, not line 6 of the front matter; column of the value.
        "content/incidents/unknown-group.md:7:13: error: unknown group 'JNMI'",
        "help: did you mean 'JNIM'?",
        "content/incidents/unknown-key.md:4:1: error: unknown key 'contry'",
        "help: did you mean 'country'?",
        "content/incidents/bad-values.md:6:13: error: event_type: unknown value 'skirmish'",
        "content/incidents/no-front-matter.md:1:1:",
        "content/incidents/broken-links.md:10:36: error: source 's2'",
        // Every faulty key of one file, not only the first.
        "content/incidents/bad-values.md:3:7: error: date: '2025-02-30' is not a real calendar date",
        "content/incidents/bad-values.md:5:9: error: unknown region 'Atlantis' in Mali",
        "content/incidents/bad-values.md:8:9: error: fatalities.best: expected a whole number, found 'many'",
        "content/incidents/bad-values.md:10:44: error: sources[0].url: 'ftp://example.com/x' is not a web address",
        // A syntax error points at the bracket that is never closed.
        "content/incidents/bad-yaml.md:4:10: error: a list opened with '[' is not closed",
        // A report with errors still has its own references checked.
        "content/incidents/broken-links.md:11:11: error: related report 'unknown-grop' does not exist",
        "content/incidents/broken-links.md:14:24: error: link to report 'unknown-grup'",
        "12 errors in 6 files",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn check_reports_the_same_errors_and_writes_nothing() {
    let output = incidex()
        .args(["check", "--root"])
        .arg(fixture("errors"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("unknown group 'JNMI'"), "{stderr}");
    assert!(!fixture("errors").join("public").exists());
}

#[test]
fn an_unknown_region_and_a_bad_date_are_named_with_suggestions() {
    let site = copy_fixture("minimal");
    let report = site
        .path()
        .join("content/incidents/2025/2025-07-02-curfew-in-dioila.md");
    let text = std::fs::read_to_string(&report).unwrap();
    let text = text
        .replace("region: Dioila", "region: Diola")
        .replace("date: 2025-07-02", "date: 2025-13-02");
    std::fs::write(&report, text).unwrap();
    let output = incidex()
        .args(["check", "--message-format", "short", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let path = "content/incidents/2025/2025-07-02-curfew-in-dioila.md";
    assert!(
        stderr.contains(&format!("{path}:5:9: error: unknown region 'Diola'")),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean 'Dioïla'?"), "{stderr}");
    assert!(stderr.contains(&format!("{path}:3:7:")), "{stderr}");
}

#[test]
fn a_missing_site_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = incidex()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("site.yaml"), "{stderr}");
}

#[test]
fn a_successful_build_says_where_the_site_is() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = incidex()
        .args(["build", "--root"])
        .arg(fixture("minimal"))
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("Built 4 reports"), "{stdout}");
    assert!(stdout.contains(&public.display().to_string()), "{stdout}");
}
