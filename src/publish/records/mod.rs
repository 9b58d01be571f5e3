//! One report as data: its JSON record, its `incidents.csv` row and its `events.csv` rows
//! (one per place). Each is serialised once per report by the csv and serde_json crates and
//! then reused by every file that lists the report.

mod acled_row;
mod csv_row;
mod event_row;
mod feature;
mod ged_row;
mod record;
mod related;
mod sides;

pub use csv_row::csv_header;
pub use record::Record;

use crate::domain::grades::Grades;
use crate::domain::model::Incident;
use crate::domain::registry::Registry;
use crate::urls::Urls;

pub(super) use csv_row::csv_rows;
use csv_row::incident_row;
use event_row::{event_rows, EventRow};
use feature::Feature;

/// Joins the cells of a multi-value column, as the column dictionary promises. A value
/// that holds it, or the escape character, has it escaped with a backslash (`\;`,
/// `\\`), so a cell splits back into exactly its values.
const SEPARATOR: char = ';';
/// Escapes [`SEPARATOR`] and itself inside a value of a multi-value cell.
const ESCAPE: char = '\\';

/// The serialised forms of one published report.
#[derive(Debug, Default, Clone)]
pub struct ReportData {
    /// Its record in `incidents.json.gz` and on its page, compact.
    pub json: String,
    /// Its row of `incidents.csv`, with the line ending.
    pub csv: Vec<u8>,
    /// Its rows of `events.csv`, with line endings.
    pub events_csv: Vec<u8>,
    /// Its `events.geojson` features, comma-separated.
    pub features: String,
    /// Its rows of `sources.csv`.
    pub sources_csv: Vec<u8>,
    /// Its rows of `claims.csv`.
    pub claims_csv: Vec<u8>,
    /// Its rows of `actors.csv`.
    pub actors_csv: Vec<u8>,
    /// Its rows of `acled.csv`.
    pub acled_csv: Vec<u8>,
    /// Its rows of `ged.csv`.
    pub ged_csv: Vec<u8>,
}

/// What a report's data is built from.
pub struct Sources<'a> {
    /// The registries names resolve against.
    pub registry: &'a Registry,
    /// The site's URLs (absolute ones for `url` cells).
    pub urls: &'a Urls,
    /// The site's confidence grades, which a report's grade is a position in.
    pub grades: &'a Grades,
}

impl ReportData {
    /// Serialises `incident` every way the exports need.
    pub fn of(incident: &Incident, from: &Sources) -> ReportData {
        let record = Record::of(incident, from);
        let json = serde_json::to_string(&record).unwrap_or_default();
        let csv = csv_rows(std::iter::once(incident_row(&record)));
        let events = event_rows(&record, from);
        let features = events
            .iter()
            .map(|row| serde_json::to_string(&Feature::of(row)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(",");
        let events_csv = csv_rows(events.iter().map(EventRow::cells));
        ReportData {
            json,
            csv,
            events_csv,
            features,
            sources_csv: csv_rows(related::source_rows(&record).into_iter()),
            claims_csv: csv_rows(related::claim_rows(&record).into_iter()),
            actors_csv: csv_rows(related::actor_rows(&record, from.registry).into_iter()),
            acled_csv: csv_rows(acled_row::acled_rows(&record, &events, from).into_iter()),
            ged_csv: csv_rows(ged_row::ged_rows(&record, &events, from).into_iter()),
        }
    }
}

/// A number cell: empty when there is no value.
fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A multi-value cell, its values joined by [`SEPARATOR`], each escaped so that the cell
/// splits back into exactly the values joined.
fn joined<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    let mut cell = String::new();
    for (k, item) in items.into_iter().enumerate() {
        if k > 0 {
            cell.push(SEPARATOR);
        }
        for c in item.chars() {
            if c == SEPARATOR || c == ESCAPE {
                cell.push(ESCAPE);
            }
            cell.push(c);
        }
    }
    cell
}

/// `None` for an empty cell, so that JSON says null where CSV says nothing.
fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}
