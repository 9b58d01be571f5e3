//! A report's rows of `events.csv`, one per place, in ACLED's column scheme so that the file
//! can be read beside ACLED's own exports.

use serde::Serialize;

use crate::domain::vocabulary::{DatePrecision, LocationPrecision, Role};

use super::record::Record;
use super::{joined, non_empty, number};

/// One row of `events.csv` and one feature of `events.geojson`: the same values, so a
/// reader can move between the two.
#[derive(Serialize)]
pub(super) struct EventRow {
    event_id_cnty: String,
    event_date: String,
    year: i16,
    time_precision: u8,
    event_type: Option<String>,
    actor1: Option<String>,
    assoc_actor_1: Option<String>,
    actor2: Option<String>,
    assoc_actor_2: Option<String>,
    country: String,
    iso: Option<String>,
    admin1: Option<String>,
    location: Option<String>,
    pub(super) latitude: Option<f64>,
    pub(super) longitude: Option<f64>,
    geo_precision: Option<u8>,
    source: String,
    notes: String,
    fatalities: Option<u32>,
    tags: Option<String>,
    fatalities_low: Option<u32>,
    fatalities_high: Option<u32>,
    claimed_by: Option<String>,
    url: String,
}

impl EventRow {
    /// The row in [`crate::publish::columns::EVENT_COLUMNS`] order; `None` is an empty cell.
    pub(super) fn cells(&self) -> Vec<String> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.event_id_cnty.clone(),
            self.event_date.clone(),
            self.year.to_string(),
            self.time_precision.to_string(),
            text(&self.event_type),
            text(&self.actor1),
            text(&self.assoc_actor_1),
            text(&self.actor2),
            text(&self.assoc_actor_2),
            self.country.clone(),
            text(&self.iso),
            text(&self.admin1),
            text(&self.location),
            number(self.latitude),
            number(self.longitude),
            number(self.geo_precision),
            self.source.clone(),
            self.notes.clone(),
            number(self.fatalities),
            text(&self.tags),
            number(self.fatalities_low),
            number(self.fatalities_high),
            text(&self.claimed_by),
            self.url.clone(),
        ]
    }
}

/// ACLED's geo_precision scale: 1 exact or town, 2 district, 3 region.
fn geo_precision(precision: Option<LocationPrecision>) -> Option<u8> {
    precision.map(|p| match p {
        LocationPrecision::Exact | LocationPrecision::Town => 1,
        LocationPrecision::District => 2,
        LocationPrecision::Region => 3,
    })
}

/// ACLED's time_precision scale: 1 day, 2 week, 3 month.
fn time_precision(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 1,
        DatePrecision::Week => 2,
        // ACLED's least precise level is the month; the year has none of its own.
        DatePrecision::Month | DatePrecision::Year => 3,
    }
}

/// ACLED's two sides: actor 1 and its associates are the perpetrators; actor 2 is the first
/// target, and its associates are the other targets and then the responders.
struct Sides<'a> {
    perpetrators: Vec<&'a str>,
    target: Option<&'a str>,
    others: Vec<&'a str>,
}

impl<'a> Sides<'a> {
    fn of(record: &Record<'a>) -> Sides<'a> {
        let perpetrators = record.actors_as(Role::Perpetrator);
        let mut others = record.actors_as(Role::Target);
        let target = (!others.is_empty()).then(|| others.remove(0));
        for responder in record.actors_as(Role::Responder) {
            if !others.contains(&responder) {
                others.push(responder);
            }
        }
        Sides {
            perpetrators,
            target,
            others,
        }
    }
}

/// Where one row puts the event: its region, its place, and the point with its precision.
struct Spot {
    admin1: Option<String>,
    location: Option<String>,
    point: Option<[f64; 2]>,
    precision: Option<u8>,
}

/// One spot per place; or, when the report names no place, one at the first region's
/// level, at the region's centre when the registry gives one.
fn spots(record: &Record, region_centre: Option<[f64; 2]>) -> Vec<Spot> {
    if record.locations.is_empty() {
        let first_region = record.regions.first().map(|r| r.name.to_string());
        return vec![Spot {
            location: first_region.clone(),
            admin1: first_region,
            point: region_centre,
            precision: Some(3),
        }];
    }
    record
        .locations
        .iter()
        .zip(&record.source_of.locations)
        .map(|(l, raw)| Spot {
            admin1: l
                .region
                .or_else(|| record.regions.first().map(|r| r.name))
                .map(str::to_string),
            location: Some(l.name.to_string()),
            point: l.latitude.zip(l.longitude).map(|(a, b)| [a, b]),
            precision: geo_precision(raw.precision),
        })
        .collect()
}

/// The events rows of a record: one per place, or one at the first region's level when
/// the report names no place (placed at the region's centre when the registry gives one),
/// so that every report is in the events file.
pub(super) fn event_rows(record: &Record, region_centre: Option<[f64; 2]>) -> Vec<EventRow> {
    let incident = record.source_of;
    let sides = Sides::of(record);
    let time_precision = time_precision(incident.precision);
    let spots = spots(record, region_centre);
    let several = spots.len() > 1;
    let fatalities = record.fatalities.as_ref();
    spots
        .into_iter()
        .enumerate()
        .map(|(k, spot)| {
            // A report's figures are counted once, on its first row.
            let first = k == 0;
            EventRow {
                event_id_cnty: if several {
                    format!("{}-{}", record.id, k + 1)
                } else {
                    record.id.to_string()
                },
                event_date: record.date.clone(),
                year: incident.date.year(),
                time_precision,
                event_type: record.event_type.map(str::to_string),
                actor1: sides.perpetrators.first().map(|s| s.to_string()),
                assoc_actor_1: non_empty(joined(sides.perpetrators.iter().skip(1).copied())),
                actor2: sides.target.map(str::to_string),
                assoc_actor_2: non_empty(joined(sides.others.iter().copied())),
                country: record.country.name.to_string(),
                iso: record.country.iso.map(str::to_string),
                admin1: spot.admin1,
                location: spot.location,
                latitude: spot.point.map(|p| p[0]),
                longitude: spot.point.map(|p| p[1]),
                geo_precision: spot.point.and(spot.precision),
                source: joined(record.sources.iter().map(|s| s.name)),
                notes: record.summary.to_string(),
                fatalities: fatalities.filter(|_| first).and_then(|f| f.best),
                tags: non_empty(joined(record.tags.iter().map(String::as_str))),
                fatalities_low: fatalities.filter(|_| first).and_then(|f| f.low),
                fatalities_high: fatalities.filter(|_| first).and_then(|f| f.high),
                claimed_by: non_empty(joined(record.claimants())),
                url: record.url.clone(),
            }
        })
        .collect()
}
