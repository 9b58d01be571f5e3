//! A report's rows of `acled.csv`: its events rows in ACLED's own layout and codes, so the
//! file stacks under an ACLED export: ACLED's 31 columns in ACLED's order, its words for
//! event and actor types, its numeric country code, and its conventions where ours differ
//! (0 for an unknown toll, generic actor names where a report names none), then our
//! `incident_id`. What each column holds is in [`crate::publish::columns::ACLED`].

use jiff::tz::TimeZone;

use crate::domain::iso_numeric;
use crate::publish::crosswalk::actors::{interaction, Inter};

use super::event_row::EventRow;
use super::record::Record;
use super::sides::{Party, Sides};
use super::{joined, number, Sources};

const PROTESTS: &str = "Protests";
const RIOTS: &str = "Riots";
const CIVILIAN_VIOLENCE: &str = "Violence against civilians";

/// The two sides in ACLED's terms, the same on every row of a report.
struct Actors {
    actor1: String,
    assoc_actor_1: String,
    inter1: Option<Inter>,
    actor2: String,
    assoc_actor_2: String,
    inter2: Option<Inter>,
}

/// ACLED's names for a crowd or for people it cannot name, with the country in
/// brackets as ACLED writes them ("Protesters (Mali)").
fn generic(kind: &str, country: &str) -> String {
    format!("{kind} ({country})")
}

fn names<'p>(parties: impl IntoIterator<Item = &'p Party<'p>>) -> String {
    joined(parties.into_iter().map(|p| p.name))
}

impl Actors {
    /// Actor 1 is the first perpetrator and its associates the others. ACLED names a
    /// crowd for what it is, with the groups that led it as associates; and it files
    /// violence by men no report names under "Unidentified Armed Group".
    /// Actor 2 is the first of the other side. Violence against civilians has civilians
    /// as actor 2, with the groups the report names as targets as associates, as ACLED
    /// records who the victims were. Responders beside named targets have no place in
    /// ACLED's two sides and are left to events.csv and actors.csv.
    fn of(record: &Record, sides: &Sides) -> Actors {
        let country = record.country.name;
        let event_type = sides.rule.map(|r| r.acled.event_type);
        let violent = sides
            .rule
            .is_some_and(|r| r.acled.disorder_type == "Political violence");
        let (actor1, assoc_actor_1, inter1) = match (event_type, sides.perpetrators.split_first()) {
            (Some(PROTESTS), _) => (
                generic("Protesters", country),
                names(&sides.perpetrators),
                Some(Inter::Protesters),
            ),
            (Some(RIOTS), _) => (
                generic("Rioters", country),
                names(&sides.perpetrators),
                Some(Inter::Rioters),
            ),
            (_, Some((first, rest))) => (
                first.name.to_string(),
                names(rest),
                Some(Inter::of(first.kind)),
            ),
            (_, None) if violent => (
                generic("Unidentified Armed Group", country),
                String::new(),
                Some(Inter::PoliticalMilitia),
            ),
            (_, None) => (String::new(), String::new(), None),
        };
        let (actor2, assoc_actor_2, inter2) = match (event_type, sides.other.split_first()) {
            (Some(CIVILIAN_VIOLENCE), _) => (
                generic("Civilians", country),
                names(&sides.other),
                Some(Inter::Civilians),
            ),
            (_, Some((first, rest))) => (
                first.name.to_string(),
                names(rest),
                Some(Inter::of(first.kind)),
            ),
            (_, None) => (String::new(), String::new(), None),
        };
        Actors {
            actor1,
            assoc_actor_1,
            inter1,
            actor2,
            assoc_actor_2,
            inter2,
        }
    }
}

/// A coordinate as a decimal number with a point even when whole (`15.0`), so that a
/// reader types the column as ACLED's: numbers with decimals.
pub(super) fn decimal(value: f64) -> String {
    let text = value.to_string();
    if text.contains('.') || !value.is_finite() {
        text
    } else {
        format!("{text}.0")
    }
}

/// Where a row of the ACLED and GED files stands: its point, and whether only its region
/// is known. A place without coordinates is put at its region's centre, as ACLED codes
/// a place it cannot find; with no centre either, there is no point.
pub(super) fn point(row: &EventRow, from: &Sources) -> (Option<[f64; 2]>, bool) {
    match (row.latitude, row.longitude) {
        (Some(latitude), Some(longitude)) => {
            (Some([latitude, longitude]), row.geo_precision == Some(3))
        }
        _ => (
            row.region.and_then(|r| from.registry.region(r).center),
            true,
        ),
    }
}

/// Midnight (UTC) of the report's last revision, in seconds since 1970: ACLED's
/// `timestamp`, which says when a row last changed.
fn timestamp(record: &Record) -> Option<i64> {
    record
        .source_of
        .last_revision()
        .to_zoned_datetime(TimeZone::UTC)
        .ok()
        .map(|at| at.timestamp().as_second())
}

/// The rows of `acled.csv`, one per events row, in [`crate::publish::columns::ACLED`] order.
pub(super) fn acled_rows(record: &Record, events: &[EventRow], from: &Sources) -> Vec<Vec<String>> {
    let sides = Sides::of(record, from.registry);
    let actors = Actors::of(record, &sides);
    let rule = sides.rule;
    let acled = |pick: fn(&crate::publish::crosswalk::AcledType) -> &'static str| {
        rule.map(|r| pick(&r.acled)).unwrap_or_default().to_string()
    };
    let civilian_targeting = match rule {
        Some(r) if r.acled.event_type == CIVILIAN_VIOLENCE => "Civilian targeting",
        _ => "",
    };
    let iso = record.country.iso.and_then(iso_numeric::numeric);
    let timestamp = number(timestamp(record));
    events
        .iter()
        .map(|row| {
            let (spot, region_level) = point(row, from);
            let geo_precision = if region_level {
                Some(3)
            } else {
                row.geo_precision
            };
            vec![
                row.event_id_cnty.clone(),
                row.event_date.clone(),
                row.year.to_string(),
                row.time_precision.to_string(),
                acled(|a| a.disorder_type),
                acled(|a| a.event_type),
                acled(|a| a.sub_event_type),
                actors.actor1.clone(),
                actors.assoc_actor_1.clone(),
                actors
                    .inter1
                    .map(Inter::label)
                    .unwrap_or_default()
                    .to_string(),
                actors.actor2.clone(),
                actors.assoc_actor_2.clone(),
                actors
                    .inter2
                    .map(Inter::label)
                    .unwrap_or_default()
                    .to_string(),
                interaction(actors.inter1, actors.inter2),
                civilian_targeting.to_string(),
                number(iso),
                // ACLED's world region: the registry has no such grouping.
                String::new(),
                row.country.clone(),
                row.admin1.clone().unwrap_or_default(),
                row.admin2.clone().unwrap_or_default(),
                String::new(),
                row.location.clone().unwrap_or_default(),
                spot.map(|p| decimal(p[0])).unwrap_or_default(),
                spot.map(|p| decimal(p[1])).unwrap_or_default(),
                number(geo_precision),
                row.source.clone(),
                // ACLED's source scale is a reach (local to international); our source
                // types say what an outlet is, not how far it reaches.
                String::new(),
                row.notes.clone(),
                // ACLED writes 0 where no toll is known: only this file follows it.
                row.fatalities.unwrap_or(0).to_string(),
                row.tags.clone().unwrap_or_default(),
                timestamp.clone(),
                row.incident_id.clone(),
            ]
        })
        .collect()
}
