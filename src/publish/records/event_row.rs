//! A report's rows of `events.csv`: one per place, or one per region when the report
//! names no place, in ACLED's column scheme so that the file can be read beside ACLED's
//! own exports. The same rows are what `acled.csv` and `ged.csv` recode.

use serde::Serialize;

use crate::domain::apportion::split_known;
use crate::domain::model::EVENT_ID_MARK;
use crate::domain::registry::RegionRef;
use crate::domain::vocabulary::{Attribution, DatePrecision, LocationPrecision, Role};

use super::record::Record;
use super::{joined, non_empty, number, Sources};

/// One row of `events.csv` and one feature of `events.geojson`: the same values, so a
/// reader can move between the two.
#[derive(Serialize)]
pub(super) struct EventRow {
    pub(super) event_id_cnty: String,
    pub(super) incident_id: String,
    pub(super) event_date: String,
    pub(super) year: i16,
    pub(super) time_precision: u8,
    pub(super) event_type: Option<String>,
    pub(super) actor1: Option<String>,
    pub(super) actor1_attribution: Option<&'static str>,
    pub(super) assoc_actor_1: Option<String>,
    pub(super) assoc_actor_1_attribution: Option<String>,
    pub(super) actor2: Option<String>,
    pub(super) assoc_actor_2: Option<String>,
    pub(super) responders: Option<String>,
    pub(super) country: String,
    pub(super) iso: Option<String>,
    pub(super) admin1: Option<String>,
    pub(super) admin2: Option<String>,
    pub(super) location: Option<String>,
    pub(super) latitude: Option<f64>,
    pub(super) longitude: Option<f64>,
    pub(super) geo_precision: Option<u8>,
    pub(super) source: String,
    pub(super) notes: String,
    pub(super) fatalities: Option<u32>,
    pub(super) fatalities_low: Option<u32>,
    pub(super) fatalities_high: Option<u32>,
    pub(super) tags: Option<String>,
    pub(super) claimed_by: Option<String>,
    pub(super) url: String,
    /// Left out of a GeoJSON feature when not graded: lists hold many features.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) confidence: Option<String>,
    /// The place the row stands for, by its position in the report's locations; `None`
    /// for a row at a region's level.
    #[serde(skip)]
    pub(super) place: Option<usize>,
    /// The row's region.
    #[serde(skip)]
    pub(super) region: Option<RegionRef>,
}

impl EventRow {
    /// The row in [`crate::publish::columns::EVENTS`] order; `None` is an empty cell.
    pub(super) fn cells(&self) -> Vec<String> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.event_id_cnty.clone(),
            self.incident_id.clone(),
            self.event_date.clone(),
            self.year.to_string(),
            self.time_precision.to_string(),
            text(&self.event_type),
            text(&self.actor1),
            self.actor1_attribution.unwrap_or_default().to_string(),
            text(&self.assoc_actor_1),
            text(&self.assoc_actor_1_attribution),
            text(&self.actor2),
            text(&self.assoc_actor_2),
            text(&self.responders),
            self.country.clone(),
            text(&self.iso),
            text(&self.admin1),
            text(&self.admin2),
            text(&self.location),
            number(self.latitude),
            number(self.longitude),
            number(self.geo_precision),
            self.source.clone(),
            self.notes.clone(),
            number(self.fatalities),
            number(self.fatalities_low),
            number(self.fatalities_high),
            text(&self.tags),
            text(&self.claimed_by),
            self.url.clone(),
            text(&self.confidence),
        ]
    }
}

/// ACLED's geo_precision scale: 1 a town or an exact spot, 2 near a town or within a
/// district, 3 a region. A place whose precision is not given is taken as 2, as ACLED
/// codes a place it cannot pin to a town.
pub(super) fn geo_precision(precision: Option<LocationPrecision>) -> u8 {
    match precision {
        Some(LocationPrecision::Exact | LocationPrecision::Town) => 1,
        Some(LocationPrecision::District) | None => 2,
        Some(LocationPrecision::Region) => 3,
    }
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

/// ACLED's two sides and what stands beside them: actor 1 and its associates are the
/// perpetrators, the surest attribution first; actor 2 and its associates the targets.
/// Responders fought the perpetrators without being their target, so they sit on
/// neither side but in a column of their own.
struct Sides<'a> {
    perpetrators: Vec<(&'a str, Attribution)>,
    targets: Vec<&'a str>,
    responders: Vec<&'a str>,
}

impl<'a> Sides<'a> {
    fn of(record: &Record<'a>) -> Sides<'a> {
        let mut perpetrators = record.perpetrators();
        perpetrators.sort_by_key(|&(_, attribution)| attribution);
        Sides {
            perpetrators,
            targets: record.actors_as(Role::Target),
            responders: record.actors_as(Role::Responder),
        }
    }
}

/// Where one row puts the event: its region, its place, and the point with its precision.
struct Spot {
    region: Option<RegionRef>,
    place: Option<usize>,
    location: Option<String>,
    point: Option<[f64; 2]>,
    precision: u8,
}

/// One spot per place; or, when the report names no place, one per region at the
/// region's centre (when the registry gives one).
fn spots(record: &Record, from: &Sources) -> Vec<Spot> {
    let incident = record.source_of;
    let regions = incident.row_regions();
    if incident.locations.is_empty() {
        return regions
            .into_iter()
            .map(|r| {
                let region = from.registry.region(r);
                Spot {
                    region: Some(r),
                    place: None,
                    location: Some(region.name.clone()),
                    point: region.center,
                    precision: 3,
                }
            })
            .collect();
    }
    incident
        .locations
        .iter()
        .zip(regions)
        .enumerate()
        .map(|(k, (l, r))| Spot {
            region: Some(r),
            place: Some(k),
            location: Some(l.name.clone()),
            point: l.coordinates,
            precision: geo_precision(l.precision),
        })
        .collect()
}

/// The events rows of a record. The report's figures are split across its rows as
/// evenly as whole numbers allow, so that a sum over rows, or over one admin1's rows,
/// counts each person once.
pub(super) fn event_rows(record: &Record, from: &Sources) -> Vec<EventRow> {
    let incident = record.source_of;
    let sides = Sides::of(record);
    let time_precision = time_precision(incident.precision);
    let spots = spots(record, from);
    let rows = spots.len();
    let fatalities = incident.fatalities.as_ref();
    let share = |pick: fn(&crate::domain::model::Figures) -> Option<u32>| {
        split_known(fatalities.and_then(pick), rows)
    };
    let (best, low, high) = (share(|f| f.best), share(|f| f.low), share(|f| f.high));
    let (actor1, associates) = match sides.perpetrators.split_first() {
        Some((first, rest)) => (Some(*first), rest),
        None => (None, &[][..]),
    };
    spots
        .into_iter()
        .enumerate()
        .map(|(k, spot)| EventRow {
            event_id_cnty: format!("{}{EVENT_ID_MARK}{}", record.id, k + 1),
            incident_id: record.id.to_string(),
            event_date: record.date.clone(),
            year: incident.date.year(),
            time_precision,
            event_type: record.event_type.map(str::to_string),
            actor1: actor1.map(|(name, _)| name.to_string()),
            actor1_attribution: actor1.map(|(_, a)| a.as_str()),
            assoc_actor_1: non_empty(joined(associates.iter().map(|(name, _)| *name))),
            assoc_actor_1_attribution: non_empty(joined(
                associates.iter().map(|(_, a)| a.as_str()),
            )),
            actor2: sides.targets.first().map(|s| s.to_string()),
            assoc_actor_2: non_empty(joined(sides.targets.iter().skip(1).copied())),
            responders: non_empty(joined(sides.responders.iter().copied())),
            country: record.country.name.to_string(),
            iso: record.country.iso.map(str::to_string),
            admin1: spot.region.map(|r| from.registry.region(r).name.clone()),
            admin2: spot
                .place
                .and_then(|p| incident.locations[p].admin2.clone()),
            location: spot.location,
            latitude: spot.point.map(|p| p[0]),
            longitude: spot.point.map(|p| p[1]),
            geo_precision: spot.point.map(|_| spot.precision),
            source: joined(record.sources.iter().map(|s| s.name)),
            notes: record.summary.to_string(),
            fatalities: best[k],
            fatalities_low: low[k],
            fatalities_high: high[k],
            tags: non_empty(joined(record.tags.iter().map(String::as_str))),
            claimed_by: non_empty(joined(record.claimants())),
            url: record.url.clone(),
            confidence: record.confidence.as_ref().map(|g| g.id.to_string()),
            place: spot.place,
            region: spot.region,
        })
        .collect()
}
