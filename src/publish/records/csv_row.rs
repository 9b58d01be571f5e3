//! The CSV side of a report's data: RFC 4180 writing, and its row of `incidents.csv`.

use crate::domain::vocabulary::{Attribution, Role};
use crate::publish::columns::{self, Column};

use super::record::{FiguresRecord, Record};
use super::{joined, number};

/// Writes records as CSV (RFC 4180: CRLF, quotes only where needed) with no header,
/// every cell made safe to open in a spreadsheet ([`defused`]).
pub(in crate::publish) fn csv_rows(rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        for cell in &row {
            let _ = writer.write_field(defused(cell).as_bytes());
        }
        let _ = writer.write_record(None::<&[u8]>);
    }
    writer.into_inner().unwrap_or_default()
}

/// A cell that a spreadsheet would run as a formula (one beginning with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) with a `'` put before it, as OWASP advises against
/// CSV injection; a number, negative ones included, is left as it is.
pub(super) fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().map_or(true, |n| !n.is_finite()) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
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
    let cells: Vec<String> = figures
        .iter()
        .flat_map(|f| &f.claims)
        .map(|c| format!("{} {} (by {})", c.count, c.who, c.by))
        .collect();
    joined(cells.iter().map(String::as_str))
}

/// The perpetrators attributed with `attribution`, joined into one cell.
fn perpetrators_by(record: &Record, attribution: Attribution) -> String {
    joined(
        record
            .perpetrators()
            .into_iter()
            .filter(|&(_, a)| a == attribution)
            .map(|(name, _)| name),
    )
}

/// The `incidents.csv` row of a record, in [`columns::INCIDENTS`] order.
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
        perpetrators_by(record, Attribution::Confirmed),
        perpetrators_by(record, Attribution::Claimed),
        perpetrators_by(record, Attribution::Suspected),
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
        record
            .confidence
            .as_ref()
            .map(|g| g.id)
            .unwrap_or_default()
            .to_string(),
        record.sources.len().to_string(),
    ]
}
