//! The columns of `ged.csv`: the 49 columns of UCDP's Georeferenced Event Dataset, named
//! and ordered as UCDP publishes them, then our `incident_id`. UCDP's own registers
//! (conflict, dyad and actor ids, Gleditsch-Ward numbers) have no counterpart here and
//! stay empty.

use super::{column, Column, ForeignKey, Table, TO_INCIDENT};

/// The table: one row per events row, keyed by relid.
pub(super) const TABLE: Table = Table {
    resource: "ged",
    file: "ged.csv.gz",
    columns: COLUMNS,
    primary_key: &["relid"],
    foreign_keys: &[TO_EVENT, TO_INCIDENT],
};

/// relid holds the id of the events row the row recodes.
const TO_EVENT: ForeignKey = ForeignKey {
    fields: &["relid"],
    resource: "events",
    reference: &["event_id_cnty"],
};

const UCDP_ID: &str = "One of UCDP's own ids: always empty.";

const COLUMNS: &[Column] = &[
    column("id", "integer", "UCDP's numeric event id: always empty, as our rows have no number of UCDP's; relid identifies them."),
    column("relid", "string", "The row's id, as event_id_cnty in events.csv (ML-2025-0001#2); UCDP's relid is text too."),
    column("year", "year", "The year of date_start."),
    column("active_year", "integer", "UCDP's judgement of whether the conflict reached 25 deaths that year: always empty."),
    column("code_status", "string", "UCDP's coding status: always empty."),
    column("type_of_violence", "integer", "UCDP's type of violence, by the crosswalk on this page: 1 state-based (a state force on either side of a fight), 2 non-state (two organised groups, no state), 3 one-sided (an organised group against civilians); empty for events UCDP does not record (protests, riots, curfews, developments) or a fight with one side unknown."),
    column("conflict_dset_id", "string", UCDP_ID),
    column("conflict_new_id", "integer", UCDP_ID),
    column("conflict_name", "string", "UCDP's name of the conflict, which depends on its own register: always empty."),
    column("dyad_dset_id", "string", UCDP_ID),
    column("dyad_new_id", "integer", UCDP_ID),
    column("dyad_name", "string", "side_a and side_b joined by ' - ', when both are known."),
    column("side_a_dset_id", "string", UCDP_ID),
    column("side_a_new_id", "integer", UCDP_ID),
    column("side_a", "string", "In state-based violence, the state force; otherwise the first perpetrator, the surest attribution first. Empty when unknown."),
    column("side_b_dset_id", "string", UCDP_ID),
    column("side_b_new_id", "integer", UCDP_ID),
    column("side_b", "string", "The side fought: the first target, or the first responder when no target is named (in state-based violence led by the other side, the perpetrator); 'Civilians' in one-sided violence."),
    column("number_of_sources", "integer", "How many sources the report cites."),
    column("source_article", "string", "Each source as outlet, date and address, the sources separated by ';'."),
    column("source_office", "string", "The sources' outlets, separated by ';'."),
    column("source_date", "string", "The sources' publication dates (YYYY-MM-DD), in the same order, separated by ';'; empty between separators where a date is not given."),
    column("source_headline", "string", "The articles' headlines: always empty, as reports do not record them."),
    column("source_original", "string", "The parties the figures and claims came from, separated by ';'."),
    column("where_prec", "integer", "UCDP's precision of place: 1 the very spot or the town it happened in, 2 near a known place (a place whose precision is not given), 3 a second-order division (a district), 4 a first-order region or a region's centre."),
    column("where_coordinates", "string", "The place the coordinates stand for: the place's name, or the region's."),
    column("where_description", "string", "UCDP's free description of the place: always empty."),
    column("adm_1", "string", "The row's first-level region, as admin1 in events.csv."),
    column("adm_2", "string", "The place's second-level division, when the report gives it."),
    column("latitude", "number", "Latitude (WGS84), with a decimal point; a place without coordinates at its region's centre, as in acled.csv; empty when no point is known."),
    column("longitude", "number", "Longitude (WGS84), as for latitude."),
    column("geom_wkt", "string", "The point as Well-Known Text, longitude first: POINT (-9.19 14.54); empty without a point."),
    column("priogrid_gid", "integer", "The PRIO-GRID cell (half a degree square) holding the point, numbered from 1 at 90°S 180°W row by row; empty without a point."),
    column("country", "string", "The country's name, as the registry writes it."),
    column("country_id", "integer", "The country's Gleditsch-Ward number: always empty."),
    column("region", "string", "UCDP's world region: always empty."),
    column("event_clarity", "integer", "UCDP's clarity of the event: always 1, as each report tells one incident."),
    column("date_prec", "integer", "UCDP's precision of date: 1 the day, 2 a span of 2 to 6 days, 3 a week, 4 a month (or a span of up to a month), 5 more (a year); the less precise of the report's date_precision and of its span to end_date."),
    column("date_start", "date", "The earliest possible day."),
    column("date_end", "date", "The latest possible day: end_date, or the last day of the week, month or year that is all the report knows."),
    column("deaths_a", "integer", "Of best, the dead of side_a: where every fatality claim says soldiers and side_a is a state force, or militants and side_a is the one armed group or militia."),
    column("deaths_b", "integer", "Of best, the dead of side_b, by the same rule."),
    column("deaths_civilians", "integer", "Of best, the dead civilians: where every fatality claim says civilians."),
    column("deaths_unknown", "integer", "Of best, the dead whose side is not known: no claim, claims that disagree on who died, or a side that cannot be told. The four deaths columns always add up to best; all empty when best is."),
    column("best", "integer", "This row's share of the editor's headline figure, split across the report's rows as in events.csv. Empty when unknown: unlike acled.csv, this file keeps our convention (UCDP records only events with deaths)."),
    column("high", "integer", "This row's share of the editor's highest plausible figure; empty when unknown."),
    column("low", "integer", "This row's share of the editor's lowest plausible figure; empty when unknown."),
    column("gwnoa", "integer", "The Gleditsch-Ward number of side_a's state: always empty."),
    column("gwnob", "integer", "The Gleditsch-Ward number of side_b's state: always empty."),
    column("incident_id", "string", "Not a UCDP column: the report's id (the id column of incidents.csv), last so that UCDP's columns keep their places."),
];
