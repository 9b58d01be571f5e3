//! A report's rows of `ged.csv`: its events rows in the layout of UCDP's Georeferenced
//! Event Dataset (GED): its 49 columns in its order and its codes for the type of
//! violence and the precision of place and date, then our `incident_id`. UCDP's own
//! registers (conflict, dyad and actor ids, Gleditsch-Ward numbers) are left empty; what
//! each column holds is in [`crate::publish::columns::GED`].

use jiff::civil::Date;
use jiff::Span;

use crate::domain::model::{CasualtyClaim, Incident};
use crate::domain::vocabulary::{DatePrecision, GroupKind, LocationPrecision, Who};
use crate::publish::crosswalk::Violence;

use super::acled_row::{decimal, point};
use super::event_row::EventRow;
use super::record::Record;
use super::sides::{Party, Sides};
use super::{joined, number, Sources};

/// UCDP's side B of one-sided violence.
const CIVILIANS: &str = "Civilians";

/// UCDP's two sides of a report's event, with its type of violence.
struct Dyad<'a> {
    violence: Option<u8>,
    side_a: Option<Party<'a>>,
    side_b: Option<Party<'a>>,
}

impl<'a> Dyad<'a> {
    /// State-based violence (1) has the state as side A; non-state violence (2) the
    /// perpetrator against the first of the other side; one-sided violence (3) the
    /// perpetrator against civilians.
    fn of(sides: &Sides<'a>) -> Dyad<'a> {
        let first = |parties: &[Party<'a>]| parties.first().copied();
        let state = |parties: &[Party<'a>]| {
            parties
                .iter()
                .copied()
                .find(|p| p.kind == GroupKind::StateForce)
        };
        let (perpetrator, other) = (first(&sides.perpetrators), first(&sides.other));
        let violence = match sides.rule.map(|r| r.ged) {
            Some(Violence::BySides) if sides.has_state_force() => Some(1),
            Some(Violence::BySides) if perpetrator.is_some() && other.is_some() => Some(2),
            Some(Violence::OneSided) => Some(3),
            _ => None,
        };
        let (side_a, side_b) = match violence {
            Some(1) => match state(&sides.perpetrators) {
                Some(state) => (Some(state), other),
                None => (state(&sides.other), perpetrator),
            },
            Some(3) => (perpetrator, None),
            _ => (perpetrator, other),
        };
        Dyad {
            violence,
            side_a,
            side_b,
        }
    }

    fn side_b_name(&self) -> Option<&'a str> {
        match self.violence {
            Some(3) => Some(CIVILIANS),
            _ => self.side_b.map(|p| p.name),
        }
    }
}

/// Where the deaths of a row go among UCDP's four counts.
#[derive(Clone, Copy, PartialEq)]
enum Dead {
    SideA,
    SideB,
    Civilians,
    Unknown,
}

/// Who died, from the figures' claims: when every claim says the same of who was
/// killed, civilians count as civilians, soldiers on the side that is a state force,
/// militants on the one side that is an armed group or militia; in any other case
/// (no claim, claims that disagree, a side that cannot be told) the dead are unknown.
fn who_died(claims: &[CasualtyClaim], dyad: &Dyad) -> Dead {
    let Some(who) = claims.first().map(|c| c.who) else {
        return Dead::Unknown;
    };
    if claims.iter().any(|c| c.who != who) {
        return Dead::Unknown;
    }
    let is = |side: Option<Party>, test: fn(GroupKind) -> bool| side.is_some_and(|p| test(p.kind));
    let state = |k: GroupKind| k == GroupKind::StateForce;
    let armed_group =
        |k: GroupKind| matches!(k, GroupKind::NonStateArmedGroup | GroupKind::Militia);
    match who {
        Who::Civilians => Dead::Civilians,
        Who::Soldiers if is(dyad.side_a, state) => Dead::SideA,
        Who::Soldiers if is(dyad.side_b, state) => Dead::SideB,
        Who::Militants => match (is(dyad.side_a, armed_group), is(dyad.side_b, armed_group)) {
            (true, false) => Dead::SideA,
            (false, true) => Dead::SideB,
            _ => Dead::Unknown,
        },
        _ => Dead::Unknown,
    }
}

/// UCDP's where_prec: 1 the very place (a spot, or the town it happened in), 2 near a
/// known place (a place whose precision is not given), 3 a second-order division (a
/// district), 4 a first-order region (or a region's centre).
fn where_prec(row: &EventRow, incident: &Incident, region_level: bool) -> u8 {
    let precision = row.place.and_then(|p| incident.locations[p].precision);
    match precision {
        _ if region_level => 4,
        Some(LocationPrecision::Exact | LocationPrecision::Town) => 1,
        None => 2,
        Some(LocationPrecision::District) => 3,
        Some(LocationPrecision::Region) => 4,
    }
}

/// UCDP's date_prec: 1 the day, 2 a span of 2 to 6 days, 3 a week, 4 a month or a span
/// up to one, 5 more (a year): the less precise of the report's precision and its span.
fn date_prec(incident: &Incident) -> u8 {
    let by_precision = match incident.precision {
        DatePrecision::Day => 1,
        DatePrecision::Week => 3,
        DatePrecision::Month => 4,
        DatePrecision::Year => 5,
    };
    let days = incident
        .end_date
        .and_then(|end| incident.date.until(end).ok())
        .map_or(1, |span| i64::from(span.get_days()) + 1);
    let by_span = match days {
        ..=1 => 1,
        2..=6 => 2,
        7 => 3,
        8..=31 => 4,
        _ => 5,
    };
    by_precision.max(by_span)
}

/// The last day the event may have happened: the end date, or the end of the week,
/// month or year that is all the report knows.
fn date_end(incident: &Incident) -> Date {
    let date = incident.date;
    incident
        .end_date
        .unwrap_or_else(|| match incident.precision {
            DatePrecision::Day => date,
            DatePrecision::Week => date.checked_add(Span::new().days(6)).unwrap_or(date),
            DatePrecision::Month => date.last_of_month(),
            DatePrecision::Year => date.last_of_year(),
        })
}

/// The PRIO-GRID cell (half a degree square) of a point: cells are numbered from 1 at
/// the south-west corner of the world, row by row eastwards and then northwards.
fn priogrid(latitude: f64, longitude: f64) -> u32 {
    let row = ((latitude + 90.0) * 2.0).floor().clamp(0.0, 359.0) as u32;
    let column = ((longitude + 180.0) * 2.0).floor().clamp(0.0, 719.0) as u32;
    row * 720 + column + 1
}

/// The sources as UCDP lists them: each with its outlet, date and address, in one cell.
fn source_article(record: &Record) -> String {
    let cited: Vec<String> = record
        .sources
        .iter()
        .map(|s| {
            [Some(s.name), s.published.as_deref(), s.url]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    joined(cited.iter().map(String::as_str))
}

/// The cells every row of a report shares, computed once.
struct Shared {
    violence: String,
    dyad_name: String,
    side_a: String,
    side_b: String,
    sources: String,
    articles: String,
    offices: String,
    dates: String,
    original: String,
    date_prec: String,
    date_start: String,
    date_end: String,
    dead: Dead,
}

impl Shared {
    fn of(record: &Record, sides: &Sides) -> Shared {
        let incident = record.source_of;
        let dyad = Dyad::of(sides);
        let side_a = dyad.side_a.map(|p| p.name);
        let side_b = dyad.side_b_name();
        let claims = incident.fatalities.as_ref().map_or(&[][..], |f| &f.claims);
        Shared {
            violence: number(dyad.violence),
            dyad_name: match (side_a, side_b) {
                (Some(a), Some(b)) => format!("{a} - {b}"),
                _ => String::new(),
            },
            side_a: side_a.unwrap_or_default().to_string(),
            side_b: side_b.unwrap_or_default().to_string(),
            sources: record.sources.len().to_string(),
            articles: source_article(record),
            offices: joined(record.sources.iter().map(|s| s.name)),
            dates: joined(
                record
                    .sources
                    .iter()
                    .map(|s| s.published.as_deref().unwrap_or_default()),
            ),
            original: joined(record.claimants()),
            date_prec: date_prec(incident).to_string(),
            date_start: incident.date.to_string(),
            date_end: date_end(incident).to_string(),
            dead: who_died(claims, &dyad),
        }
    }

    /// deaths_a, deaths_b, deaths_civilians and deaths_unknown for a row whose share of
    /// the best figure is `best`: all of it in one count, 0 in the others; all four
    /// empty when the figure is unknown.
    fn deaths(&self, best: Option<u32>) -> [String; 4] {
        let count = |dead: Dead| number(best.map(|b| if self.dead == dead { b } else { 0 }));
        [
            count(Dead::SideA),
            count(Dead::SideB),
            count(Dead::Civilians),
            count(Dead::Unknown),
        ]
    }
}

/// The rows of `ged.csv`, one per events row, in [`crate::publish::columns::GED`] order.
pub(super) fn ged_rows(record: &Record, events: &[EventRow], from: &Sources) -> Vec<Vec<String>> {
    let sides = Sides::of(record, from.registry);
    let s = Shared::of(record, &sides);
    let empty = String::new;
    events
        .iter()
        .map(|row| {
            let (spot, region_level) = point(row, from);
            let [deaths_a, deaths_b, deaths_civilians, deaths_unknown] = s.deaths(row.fatalities);
            vec![
                empty(),
                row.event_id_cnty.clone(),
                row.year.to_string(),
                empty(),
                empty(),
                s.violence.clone(),
                empty(),
                empty(),
                empty(),
                empty(),
                empty(),
                s.dyad_name.clone(),
                empty(),
                empty(),
                s.side_a.clone(),
                empty(),
                empty(),
                s.side_b.clone(),
                s.sources.clone(),
                s.articles.clone(),
                s.offices.clone(),
                s.dates.clone(),
                empty(),
                s.original.clone(),
                where_prec(row, record.source_of, region_level).to_string(),
                row.location.clone().unwrap_or_default(),
                empty(),
                row.admin1.clone().unwrap_or_default(),
                row.admin2.clone().unwrap_or_default(),
                spot.map(|p| decimal(p[0])).unwrap_or_default(),
                spot.map(|p| decimal(p[1])).unwrap_or_default(),
                spot.map(|p| format!("POINT ({} {})", decimal(p[1]), decimal(p[0])))
                    .unwrap_or_default(),
                number(spot.map(|p| priogrid(p[0], p[1]))),
                row.country.clone(),
                empty(),
                empty(),
                // Each report is one incident, told by its own sources: UCDP's clear event.
                "1".to_string(),
                s.date_prec.clone(),
                s.date_start.clone(),
                s.date_end.clone(),
                deaths_a,
                deaths_b,
                deaths_civilians,
                deaths_unknown,
                number(row.fatalities),
                number(row.fatalities_high),
                number(row.fatalities_low),
                empty(),
                empty(),
                row.incident_id.clone(),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priogrid_cells_count_from_the_south_west_corner() {
        assert_eq!(priogrid(-89.9, -179.9), 1);
        assert_eq!(priogrid(-89.9, 179.9), 720);
        assert_eq!(priogrid(-89.4, -179.9), 721);
        assert_eq!(priogrid(89.9, 179.9), 259_200);
        assert_eq!(priogrid(90.0, 180.0), 259_200, "the edges stay in the grid");
        // Bamako, 12.64 N 8.0 W: row 205 from the south, column 344 from the west.
        assert_eq!(priogrid(12.64, -8.0), 205 * 720 + 344 + 1);
    }
}
