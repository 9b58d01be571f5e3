//! The related tables (`sources.csv`, `claims.csv`, `actors.csv`) and the changes
//! (`changes.csv`, `/changes.xml`) read back as a researcher reads them: the fixture
//! `tests/fixtures/data_model` built by the `incidex` binary, its files read with Python's
//! csv and json modules (`tests/support/read_exports.py`), every key of the data package
//! checked. Each test looks at the rows of the reports it names (ids `DM-…`), so reports
//! added to the fixture for other tests change none of them.

mod changes;
#[path = "../common/mod.rs"]
mod common;
mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const BASE: &str = "https://example.org/data-model/";

/// The fixture copied into a temporary folder (outside any git work tree, so reports are
/// dated by their front matter), built with the binary; `edit` changes the copy first.
struct Built {
    site: tempfile::TempDir,
    out: PathBuf,
}

fn build_with(edit: impl FnOnce(&Path)) -> Built {
    let site = common::copy_fixture("data_model");
    edit(site.path());
    let out = site.path().join("public");
    build_into(site.path(), &out);
    Built { site, out }
}

fn build() -> Built {
    build_with(|_| {})
}

fn build_into(root: &Path, out: &Path) {
    assert_cmd::Command::cargo_bin("incidex")
        .unwrap()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .assert()
        .success();
}

/// Every row of the CSV files `names` (under `data/`), as header-keyed maps, read by
/// Python's csv module.
fn read(out: &Path, names: &[&str]) -> BTreeMap<String, Vec<BTreeMap<String, String>>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/read_exports.py");
    let files: Vec<String> = names.iter().map(|n| format!("data/{n}")).collect();
    let output = Command::new("python3")
        .arg(script)
        .arg(out)
        .args(&files)
        .output()
        .expect("these tests need python3 on the PATH");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Value = serde_json::from_slice(&output.stdout).unwrap();
    names
        .iter()
        .zip(&files)
        .map(|(name, file)| {
            let rows = serde_json::from_value(read[file]["rows"].clone()).unwrap();
            (name.to_string(), rows)
        })
        .collect()
}

type Row = BTreeMap<String, String>;

/// The rows of `rows` whose `incident_id` is `id`.
fn of<'r>(rows: &'r [Row], id: &str) -> Vec<&'r Row> {
    rows.iter().filter(|r| r["incident_id"] == id).collect()
}

/// The cells of `columns` of each row, in order.
fn cells(rows: &[&Row], columns: &[&str]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| columns.iter().map(|c| r[*c].clone()).collect())
        .collect()
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}
