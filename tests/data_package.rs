//! The data package read back as a researcher reads it: `tests/support/check_package.py`
//! (Python's standard library only) checks every resource `datapackage.json` lists —
//! header, types, missing values, keys, formula cells, `;`-separated cells, and each cell
//! against `incidents.json` — on the example site, the publish fixture and a generated
//! corpus with edge cases. A last test breaks the files on purpose, one way at a time, to
//! show that the checker sees each kind of defect.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A file under `tests/support/`.
fn support(script: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/support")
        .join(script)
}

/// Runs the checker on an output folder and gives its JSON summary.
fn check_package(out: &Path) -> Value {
    let output = Command::new("python3")
        .arg(support("check_package.py"))
        .arg(out)
        .output()
        .expect("these tests need python3 on the PATH");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "check_package.py failed to run ({code:?}):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: Value =
        serde_json::from_slice(&output.stdout).expect("check_package.py prints JSON");
    assert_eq!(
        summary["ok"],
        code == Some(0),
        "exit status and summary agree"
    );
    summary
}

/// The checker's failures.
fn failures(summary: &Value) -> Vec<Value> {
    summary["failures"].as_array().unwrap().clone()
}

/// Asserts that the checker finds nothing wrong with the package in `out`.
fn assert_reads_back_clean(label: &str, out: &Path) -> Value {
    let summary = check_package(out);
    let found = failures(&summary);
    assert!(
        found.is_empty() && summary["omitted"] == 0,
        "{label}: the data package does not read back clean:\n{}",
        found
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    summary
}

/// A corpus from `gen_corpus.py` (fixed seed, its edge cases included), built.
fn edge_case_corpus() -> (tempfile::TempDir, common::Built) {
    let site = tempfile::tempdir().unwrap();
    let status = Command::new("python3")
        .arg(support("gen_corpus.py"))
        .args(["40"])
        .arg(site.path())
        .args(["--seed", "17", "--edge-cases"])
        .output()
        .expect("these tests need python3 on the PATH");
    assert!(
        status.status.success(),
        "gen_corpus.py failed:\n{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let built = common::build_with(site.path(), |_| {});
    (site, built)
}

#[test]
fn the_example_site_data_package_reads_back_clean() {
    let site = common::build_with(Path::new(env!("CARGO_MANIFEST_DIR")), |_| {});
    let summary = assert_reads_back_clean("example site", &site.out);
    assert!(summary["resources"]["events"]["rows"].as_u64().unwrap() >= 4);
}

#[test]
fn the_publish_fixture_data_package_reads_back_clean() {
    let site = common::build_fixture("publish");
    let summary = assert_reads_back_clean("publish fixture", &site.out);
    assert_eq!(summary["resources"]["incidents"]["rows"], 5, "{summary:#}");
}

#[test]
fn a_generated_corpus_with_edge_cases_reads_back_clean() {
    let (_site, built) = edge_case_corpus();
    let summary = assert_reads_back_clean("edge-case corpus", &built.out);
    // 40 generated and 15 edge cases, one of them retracted and so in no data file.
    assert_eq!(built.report.incidents, 55);
    assert_eq!(summary["resources"]["incidents"]["rows"], 54, "{summary:#}");
    let events = common::read_text(&built.out.join("data/events.csv.gz"));
    for id in [
        "EDGE-X#2,",
        "EDGE-X-1#1,",
        "EDGE-REGIONS#3,",
        "EDGE-MULTI#4,",
    ] {
        assert!(events.contains(id), "events.csv has a row {id}");
    }
    assert!(summary["checks"].as_u64().unwrap() > 5_000, "{summary:#}");
}

/// One way of breaking a built package, and what the checker must then report.
struct Breakage {
    file: &'static str,
    from: &'static str,
    to: &'static str,
    resource: &'static str,
    check: &'static str,
}

const BREAKAGES: &[Breakage] = &[
    Breakage {
        file: "events.csv.gz",
        from: "event_id_cnty,incident_id",
        to: "incident_id,event_id_cnty",
        resource: "events",
        check: "header",
    },
    Breakage {
        file: "incidents.csv",
        from: ",10,8,12,",
        to: ",ten,8,12,",
        resource: "incidents",
        check: "type",
    },
    Breakage {
        file: "incidents.csv",
        from: ",10,8,12,",
        to: ",11,8,12,",
        resource: "events",
        check: "sum",
    },
    Breakage {
        file: "events.csv.gz",
        from: "EDGE-X#2,",
        to: "EDGE-X#1,",
        resource: "events",
        check: "primary-key",
    },
    Breakage {
        file: "events.csv.gz",
        from: "EDGE-X#2,",
        to: ",",
        resource: "events",
        check: "required",
    },
    Breakage {
        file: "events.csv.gz",
        from: "EDGE-X-2#1,EDGE-X-2,",
        to: "EDGE-X-2#1,EDGE-X-9,",
        resource: "events",
        check: "foreign-key",
    },
    Breakage {
        file: "incidents.csv",
        from: "'=HYPERLINK",
        to: "=HYPERLINK",
        resource: "incidents",
        check: "formula",
    },
    Breakage {
        file: "incidents.csv",
        from: "a\\;b;",
        to: "a;b;",
        resource: "incidents",
        check: "round-trip",
    },
    Breakage {
        file: "incidents.csv",
        from: "c\\\\d",
        to: "c\\d",
        resource: "incidents",
        check: "multi-value",
    },
    Breakage {
        file: "events.csv.gz",
        from: "EDGE-REGIONS#3,",
        to: "EDGE-REGIONS#4,",
        resource: "events",
        check: "events-layout",
    },
    Breakage {
        file: "events.csv.gz",
        from: ",Africa Corps,",
        to: ",,",
        resource: "events",
        check: "round-trip",
    },
];

/// A copy of `out`'s data folder in a new output folder, for breaking.
fn copy_data(out: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    common::copy_tree(&out.join("data"), &copy.path().join("data"));
    copy
}

/// The (resource, check) pairs of what the checker reports on `out`.
fn reported(out: &Path) -> Vec<(String, String)> {
    let summary = check_package(out);
    failures(&summary)
        .iter()
        .map(|f| {
            (
                f["resource"].as_str().unwrap_or_default().to_string(),
                f["check"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_checker_reports_each_kind_of_broken_file() {
    let (_site, built) = edge_case_corpus();
    for b in BREAKAGES {
        let copy = copy_data(&built.out);
        let path = copy.path().join("data").join(b.file);
        let text = common::read_text(&path);
        assert!(text.contains(b.from), "{} holds {:?}", b.file, b.from);
        common::write_text(&path, &text.replacen(b.from, b.to, 1));
        let found = reported(copy.path());
        assert!(
            found.contains(&(b.resource.to_string(), b.check.to_string())),
            "{:?} -> {:?} in {}: expected a {} failure in {}, got {found:?}",
            b.from,
            b.to,
            b.file,
            b.check,
            b.resource
        );
    }

    let copy = copy_data(&built.out);
    std::fs::remove_file(copy.path().join("data/events.csv.gz")).unwrap();
    assert!(reported(copy.path()).contains(&("events".into(), "file-missing".into())));
}

#[test]
fn the_checker_resolves_composite_foreign_keys_even_partly_empty_ones() {
    let (_site, built) = edge_case_corpus();
    let with_key = |fields: [&str; 2], reference: [&str; 2]| {
        let copy = copy_data(&built.out);
        let path = copy.path().join("data/datapackage.json");
        let mut package: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let events = package["resources"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|r| r["name"] == "events")
            .unwrap();
        events["schema"]["foreignKeys"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"fields": fields, "reference": {"resource": "incidents", "fields": reference}}));
        std::fs::write(&path, serde_json::to_vec(&package).unwrap()).unwrap();
        let summary = check_package(copy.path());
        failures(&summary)
    };
    // Every events row's (incident_id, country) is its incident's (id, country).
    assert_eq!(
        with_key(["incident_id", "country"], ["id", "country"]),
        Vec::<Value>::new()
    );
    // iso is no country name: every row fails.
    let wrong = with_key(["incident_id", "iso"], ["id", "country"]);
    assert!(wrong.len() >= 54, "{wrong:?}");
    // admin2 is empty on most rows; a key that is only partly empty is still checked, as
    // Frictionless checks it, so every row fails (none names a place list as admin2).
    let partial = with_key(["incident_id", "admin2"], ["id", "locations"]);
    assert!(partial.len() >= 54, "{partial:?}");
    assert!(partial.iter().all(|f| f["check"] == "foreign-key"));
}
