//! Who did what, as `events.csv`, `events.geojson` and `incidents.csv` say it, read back
//! with Python's csv and json modules: attribution kept per perpetrator, responders apart
//! from targets, `;` and `\` inside a value escaped so that a split gives the values back,
//! and cells a spreadsheet would run as formulas defused without touching numbers.

mod common;

use serde_json::Value;

/// A report with every side of a fight and values that are hard to put in a cell.
const MIXED: &str = r#"---
title: '=HYPERLINK("http://x") ambush'
id: A-MIXED
date: 2025-08-02
country: Mali
region: Kayes
locations:
  - {name: "-Nioro; west", coordinates: [15.23, -9.59]}
groups:
  - {group: ISSP, attribution: suspected}
  - {group: JNIM, attribution: confirmed}
  - {group: FAMa, role: target}
  - {group: Dan Na Ambassagou, role: responder}
event_type: attack
fatalities:
  best: 4
  claims:
    - {count: 4, who: soldiers, by: "Residents; local NGO"}
sources:
  - {name: "Radio; Kayes", url: "https://example.com/a;b"}
summary: "@once, they came."
tags: ["road;side", 'c\d', "+night"]
---
Text.
"#;

/// The acled fixture with [`MIXED`] added, built, and its exports as Python reads them.
fn exports() -> Value {
    let site = common::copy_fixture("acled");
    std::fs::write(site.path().join("content/incidents/mixed.md"), MIXED).unwrap();
    let built = common::build_with(site.path(), |_| {});
    let out = built.out.to_string_lossy();
    common::python(
        "read_exports.py",
        &[
            &out,
            "data/events.csv.gz",
            "data/incidents.csv",
            "data/events.geojson.gz",
        ],
    )
}

/// The row of `file` whose `column` is `id`.
fn row<'v>(read: &'v Value, file: &str, column: &str, id: &str) -> &'v Value {
    read[file]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[column] == id)
        .unwrap_or_else(|| panic!("{file} has no row {id}"))
}

/// The GeoJSON feature of the mixed report's one events row.
fn mixed_feature(read: &Value) -> &Value {
    read["data/events.geojson.gz"]["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["event_id_cnty"] == "A-MIXED#1")
        .unwrap()
}

/// A multi-value cell split as the data dictionary says: on `;` not after a `\`, then
/// `\x` read as `x`.
fn split(cell: &str) -> Vec<String> {
    let mut values = vec![String::new()];
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => values.last_mut().unwrap().extend(chars.next()),
            ';' => values.push(String::new()),
            c => values.last_mut().unwrap().push(c),
        }
    }
    values
}

#[test]
fn attribution_and_sides_survive_in_csv_and_geojson() {
    let read = exports();
    let event = row(&read, "data/events.csv.gz", "event_id_cnty", "A-MIXED#1");
    // The surest attribution is actor1; the others follow in assoc_actor_1.
    assert_eq!(event["actor1"], "JNIM");
    assert_eq!(event["actor1_attribution"], "confirmed");
    assert_eq!(event["assoc_actor_1"], "ISSP");
    assert_eq!(event["assoc_actor_1_attribution"], "suspected");
    // Targets are the other side; a responder is in a column of its own.
    assert_eq!(event["actor2"], "FAMa");
    assert_eq!(event["assoc_actor_2"], "");
    assert_eq!(event["responders"], "Dan Na Ambassagou");
    assert_eq!(event["incident_id"], "A-MIXED");

    // A report naming only a responder has no actor2.
    let blast = row(&read, "data/events.csv.gz", "event_id_cnty", "A-BLAST#1");
    assert_eq!(blast["actor2"], "");
    assert_eq!(blast["responders"], "FAMa");

    let incident = row(&read, "data/incidents.csv", "id", "A-MIXED");
    assert_eq!(incident["confirmed_perpetrators"], "JNIM");
    assert_eq!(incident["suspected_perpetrators"], "ISSP");
    assert_eq!(incident["claimed_perpetrators"], "");

    let feature = mixed_feature(&read);
    let properties = &feature["properties"];
    assert_eq!(properties["incident_id"], "A-MIXED");
    assert_eq!(properties["actor1_attribution"], "confirmed");
    assert_eq!(properties["responders"], "Dan Na Ambassagou");
}

#[test]
fn multi_value_cells_split_back_into_the_values_written() {
    let read = exports();
    let incident = row(&read, "data/incidents.csv", "id", "A-MIXED");
    assert_eq!(
        split(incident["sources"].as_str().unwrap()),
        ["Radio; Kayes"]
    );
    assert_eq!(
        split(incident["source_urls"].as_str().unwrap()),
        ["https://example.com/a;b"]
    );
    assert_eq!(
        split(incident["claimed_by"].as_str().unwrap()),
        ["Residents; local NGO"]
    );
    // The first tag and the last are plain after the split; the formula guard applies to
    // the cell as a whole, not to each value.
    assert_eq!(
        split(incident["tags"].as_str().unwrap()),
        ["road;side", "c\\d", "+night"]
    );
    let event = row(&read, "data/events.csv.gz", "event_id_cnty", "A-MIXED#1");
    assert_eq!(split(event["source"].as_str().unwrap()), ["Radio; Kayes"]);
}

#[test]
fn formula_cells_are_defused_and_numbers_are_not() {
    let read = exports();
    let incident = row(&read, "data/incidents.csv", "id", "A-MIXED");
    assert_eq!(incident["title"], "'=HYPERLINK(\"http://x\") ambush");
    assert_eq!(incident["summary"], "'@once, they came.");
    let event = row(&read, "data/events.csv.gz", "event_id_cnty", "A-MIXED#1");
    assert_eq!(event["location"], "'-Nioro; west");
    assert_eq!(
        event["longitude"], "-9.59",
        "a negative number stays a number"
    );
    assert_eq!(event["notes"], "'@once, they came.");
    // JSON is no spreadsheet: it keeps the text as written.
    let feature = mixed_feature(&read);
    assert_eq!(feature["properties"]["notes"], "@once, they came.");
}
