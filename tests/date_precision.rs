//! A date known only to the year: accepted, shown as the year, exported with its own
//! `date_precision` and ACLED's least precise `time_precision`.

mod common;

use common::{build_with, copy_fixture, texts};

/// The rows of a CSV file of the output, each as column name to value.
fn csv_rows(path: &std::path::Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = common::read_text(path);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .map(String::from)
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn a_year_precision_date_is_shown_as_its_year_and_exported() {
    let site = copy_fixture("minimal");
    let path = site
        .path()
        .join("content/incidents/2025/2025-07-02-curfew-in-dioila.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("date: 2025-07-02", "date: 2025-01-01\ndate_precision: year"),
    )
    .unwrap();
    let built = build_with(site.path(), |_| {});
    let page = built.page("incidents/2025-07-02-curfew-in-dioila/");
    let facts = texts(&page, "dd").join(" | ");
    assert!(facts.contains("2025 (known to the year)"), "{facts}");

    let incidents = csv_rows(&built.out.join("data/incidents.csv"));
    let row = incidents
        .iter()
        .find(|r| r["url"].contains("curfew-in-dioila"))
        .expect("the report is exported");
    assert_eq!(row["date_precision"], "year");
    let events = csv_rows(&built.out.join("data/events.csv.gz"));
    let event = events
        .iter()
        .find(|r| r["notes"].contains("curfew") || r["event_id_cnty"].contains("curfew"))
        .or_else(|| events.iter().find(|r| r["event_date"] == "2025-01-01"))
        .expect("the report has an events row");
    assert_eq!(event["time_precision"], "3");
}
