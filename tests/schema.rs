//! `incidex schema` against `check`: every report of every fixture site and of the example
//! site that `check` accepts is valid against its site's schema, and the schema rejects
//! what `check` rejects for shape: unknown keys, wrong types, words outside a vocabulary.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::run_in;
use serde_json::Value;

use common::{GOOD_REPORT as GOOD, NEW_REPORT as REPORT};

/// The schema `incidex schema` prints for the site at `root`.
fn schema_of(root: &Path) -> jsonschema::Validator {
    let (code, stdout, stderr) = run_in(root, &["schema", "--root", root.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let schema: Value = serde_json::from_str(&stdout).expect("the schema is JSON");
    assert!(jsonschema::draft202012::meta::is_valid(&schema));
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

/// Why `report` (a file of the site at `root`) is not valid against `schema`; empty when
/// it is.
fn schema_errors(schema: &jsonschema::Validator, root: &Path, report: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root.join(report)).unwrap();
    let front = incidex::load::front_matter_json(&text, Path::new(report))
        .unwrap_or_else(|d| panic!("{d}"));
    schema
        .iter_errors(&front)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every report (not translation) under the site's `content/incidents/`, relative.
fn reports(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root.join("content/incidents"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().to_path_buf())
        .filter(|p| p.extension().is_some_and(|x| x == "md") && !is_translation(p))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

/// `x.fr.md` is a translation of `x.md`, with a front matter of its own shape.
fn is_translation(path: &Path) -> bool {
    let stem = path.file_stem().unwrap().to_string_lossy();
    stem.rsplit_once('.').is_some_and(|(_, lang)| {
        let code = lang.split('-').next().unwrap_or_default();
        (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
    })
}

/// The files `check --drafts` finds an error in.
fn files_with_errors(root: &Path) -> BTreeSet<String> {
    let (_, _, stderr) = run_in(
        root,
        &[
            "check",
            "--drafts",
            "--message-format",
            "short",
            "--root",
            ".",
        ],
    );
    stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .filter_map(|l| l.split(':').next())
        .map(str::to_string)
        .collect()
}

/// Every site among the fixtures, and the example site at the repository's root.
fn sites() -> Vec<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sites = vec![manifest.to_path_buf()];
    for entry in walkdir::WalkDir::new(manifest.join("tests/fixtures")).max_depth(3) {
        let entry = entry.unwrap();
        if entry.file_name() == "site.yaml" {
            sites.push(entry.path().parent().unwrap().to_path_buf());
        }
    }
    sites
}

#[test]
fn every_report_check_accepts_is_valid_against_its_sites_schema() {
    let mut validated = 0;
    for site in sites() {
        let schema = schema_of(&site);
        let rejected_by_check = files_with_errors(&site);
        for report in reports(&site) {
            if rejected_by_check.contains(&report) {
                continue;
            }
            let errors = schema_errors(&schema, &site, &report);
            assert!(
                errors.is_empty(),
                "{}/{report}:\n{errors:#?}",
                site.display()
            );
            validated += 1;
        }
    }
    assert!(validated >= 30, "only {validated} reports were validated");
}

/// The minimal fixture plus [`GOOD`] with `from` replaced by `to`.
fn site_with_change(from: &str, to: &str) -> tempfile::TempDir {
    assert!(GOOD.contains(from), "{from:?} is not in the report");
    common::minimal_with(&[(REPORT, GOOD.replacen(from, to, 1).as_bytes())])
}

/// Asserts `check` and the schema agree on the report changed from `from` to `to`.
fn both_say(from: &str, to: &str, valid: bool) {
    let site = site_with_change(from, to);
    let schema = schema_of(site.path());
    let errors = schema_errors(&schema, site.path(), REPORT);
    let checked = files_with_errors(site.path());
    assert_eq!(
        checked.contains(REPORT),
        !valid,
        "check, on {to:?}: {checked:?}"
    );
    assert_eq!(errors.is_empty(), valid, "schema, on {to:?}: {errors:#?}");
}

const SOURCE: &str = "{id: s1, name: Wire, type: news}";

#[test]
fn the_schema_accepts_every_new_key_check_accepts() {
    both_say("title: A new report", "title: A new report", true);
    let full_source = "{id: s1, name: Wire, type: news, url: 'https://example.org/a', \
        archive_url: 'https://web.archive.org/a', last_verified: 2025-08-02, \
        sha256: 9F2C0000000000000000000000000000000000000000000000000000000000aa, \
        reliability: C}";
    both_say(SOURCE, full_source, true);
    let graded = "event_type: attack\nconfidence: fair\nnot_duplicate_of: [other]\n\
        claims:\n  - {by: JNIM, text: Took the post, source: s1, credibility: 4}";
    both_say("event_type: attack", graded, true);
}

#[test]
fn the_schema_rejects_unknown_keys_as_check_does() {
    both_say(
        "title: A new report",
        "title: A new report\ntitel: x",
        false,
    );
    both_say(SOURCE, "{id: s1, name: Wire, typ: news}", false);
    both_say(
        "event_type: attack",
        "event_type: attack\nclaims:\n  - {by: JNIM, text: x, sourc: s1}",
        false,
    );
    both_say(
        "{group: JNIM, role: perpetrator}",
        "{group: JNIM, rol: perpetrator}",
        false,
    );
}

#[test]
fn the_schema_rejects_wrong_types_as_check_does() {
    both_say("date: 2025-08-01", "date: [2025-08-01]", false);
    both_say(
        "event_type: attack",
        "event_type: attack\nfatalities: {best: many}",
        false,
    );
    both_say("coordinates: [12.84, -11.24]", "coordinates: 12.84", false);
    both_say(
        "event_type: attack",
        "event_type: attack\nclaims:\n  - {by: JNIM, text: x, credibility: high}",
        false,
    );
    both_say("summary: Something happened.", "summary: [a, b]", false);
}

#[test]
fn the_schema_rejects_words_outside_the_vocabularies_as_check_does() {
    both_say("event_type: attack", "event_type: attak", false);
    both_say(
        "event_type: attack",
        "event_type: attack\nconfidence: sure",
        false,
    );
    both_say(
        "event_type: attack",
        "event_type: attack\nstatus: publish",
        false,
    );
    both_say(
        SOURCE,
        "{id: s1, name: Wire, type: news, reliability: G}",
        false,
    );
    both_say(
        SOURCE,
        "{id: s1, name: Wire, type: news, sha256: abc123}",
        false,
    );
    both_say(
        "event_type: attack",
        "event_type: attack\nclaims:\n  - {by: JNIM, text: x, credibility: 9}",
        false,
    );
    both_say(
        "{group: JNIM, role: perpetrator}",
        "{group: JNIM, role: victim}",
        false,
    );
    // The site's own names: its registries are the schema's enumerations.
    both_say(
        "{group: JNIM, role: perpetrator}",
        "{group: JNMI, role: perpetrator}",
        false,
    );
    both_say("country: Mali", "country: Mal", false);
    both_say("region: Kayes", "region: Kayess", false);
}

#[test]
fn the_schema_follows_the_sites_own_grades() {
    let site = site_with_change(
        "event_type: attack",
        "event_type: attack\nconfidence: verified",
    );
    let schema = schema_of(site.path());
    assert!(!schema_errors(&schema, site.path(), REPORT).is_empty());
    let settings = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let grades =
        "confidence:\n  - {id: verified, label: Verified, definition: Seen by the desk.}\n";
    std::fs::write(&settings, text + grades).unwrap();
    let schema = schema_of(site.path());
    assert_eq!(
        schema_errors(&schema, site.path(), REPORT),
        Vec::<String>::new()
    );
}

#[test]
fn without_a_site_the_schema_knows_no_names_but_every_vocabulary() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["schema"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("no site.yaml"), "{stderr}");
    let schema: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(schema["properties"]["country"]["enum"], Value::Null);
    let statuses = &schema["properties"]["status"]["enum"];
    assert_eq!(
        statuses,
        &serde_json::json!(["published", "draft", "retracted"])
    );
}

#[test]
fn init_and_new_point_reports_at_the_sites_schema_file() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let (code, _, stderr) = run_in(dir.path(), &["init", site.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let schema_file = site.join(".incidex/schema.json");
    let example = "content/incidents/2025/2025-07-01-kayes-curfew.md";
    let text = std::fs::read_to_string(site.join(example)).unwrap();
    let modeline = "---\n# yaml-language-server: $schema=../../../.incidex/schema.json\n";
    assert!(text.starts_with(modeline), "{text}");
    // The relative path in the modeline leads from the report's folder to the file.
    let pointed = site.join("content/incidents/2025/../../../.incidex/schema.json");
    assert!(pointed.is_file());
    let written: Value = serde_json::from_slice(&std::fs::read(&schema_file).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&written).unwrap();
    assert_eq!(
        schema_errors(&validator, &site, example),
        Vec::<String>::new()
    );

    // A group added to the registry reaches the schema file when `new` runs.
    let groups = site.join("content/groups.yaml");
    let registry = std::fs::read_to_string(&groups).unwrap();
    std::fs::write(
        &groups,
        registry + "  - name: Test Brigade\n    kind: militia\n",
    )
    .unwrap();
    let args = [
        "new",
        "Raid",
        "--country",
        "Mali",
        "--group",
        "Test Brigade",
        "--date",
        "2025-08-02",
    ];
    let (code, stdout, stderr) = run_in(&site, &args);
    assert_eq!(code, 0, "{stderr}");
    let new = std::fs::read_to_string(site.join(stdout.trim())).unwrap();
    assert!(new.starts_with(modeline), "{new}");
    let refreshed = std::fs::read_to_string(&schema_file).unwrap();
    assert!(
        refreshed.contains("Test Brigade"),
        "new refreshes the schema file"
    );
}
