//! The CSV side of a report's data: RFC 4180 writing, and its row of `incidents.csv`.

use crate::domain::vocabulary::Role;
use crate::publish::columns::{self, Column};

use super::record::{FiguresRecord, Record};
use super::{joined, number, SEPARATOR};

/// Writes records as CSV (RFC 4180: CRLF, quotes only where needed) with no header.
pub(super) fn csv_rows(rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

/// A CSV header line for `columns`.
pub fn csv_header(columns: &[Column]) -> Vec<u8> {
    csv_rows(std::iter::once(
        columns::header(columns)
            .into_iter()
            .map(str::to_string)
            .collect(),
    ))
}

/// Each party's figure as `COUNT WHO (by PARTY)`, joined into one cell.
fn claim_cells(figures: &Option<FiguresRecord>) -> String {
    figures
        .iter()
        .flat_map(|f| &f.claims)
        .map(|c| format!("{} {} (by {})", c.count, c.who, c.by))
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// The `incidents.csv` row of a record, in [`columns::INCIDENT_COLUMNS`] order.
pub(super) fn incident_row(record: &Record) -> Vec<String> {
    let first_point = record
        .locations
        .iter()
        .find(|l| l.latitude.is_some() && l.longitude.is_some());
    let figure = |f: &Option<FiguresRecord>, pick: fn(&FiguresRecord) -> Option<u32>| {
        number(f.as_ref().and_then(pick))
    };
    vec![
        record.id.to_string(),
        record.url.clone(),
        record.title.to_string(),
        record.date.clone(),
        record.end_date.clone().unwrap_or_default(),
        record.date_precision.to_string(),
        record.country.name.to_string(),
        record.country.iso.unwrap_or_default().to_string(),
        joined(record.regions.iter().map(|r| r.name)),
        joined(record.regions.iter().map(|r| r.iso.unwrap_or_default())),
        joined(record.locations.iter().map(|l| l.name)),
        number(first_point.and_then(|l| l.latitude)),
        number(first_point.and_then(|l| l.longitude)),
        record.event_type.unwrap_or_default().to_string(),
        joined(record.actors_as(Role::Perpetrator)),
        joined(record.actors_as(Role::Target)),
        joined(record.actors_as(Role::Responder)),
        figure(&record.fatalities, |f| f.best),
        figure(&record.fatalities, |f| f.low),
        figure(&record.fatalities, |f| f.high),
        claim_cells(&record.fatalities),
        figure(&record.injured, |f| f.best),
        figure(&record.injured, |f| f.low),
        figure(&record.injured, |f| f.high),
        claim_cells(&record.injured),
        joined(record.claimants()),
        joined(record.sources.iter().map(|s| s.name)),
        joined(record.sources.iter().map(|s| s.url.unwrap_or_default())),
        record.summary.to_string(),
        joined(record.tags.iter().map(String::as_str)),
        record.updated.clone(),
    ]
}
