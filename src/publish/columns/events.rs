//! The columns of `events.csv`.

use super::{column, Column, GRADE_ID};

/// `events.csv`: one row per place, with the column names ACLED uses where it has one.
pub(super) const COLUMNS: &[Column] = &[
    column("event_id_cnty", "string", "The row's own id: the report's id, '#' and the row's number (ML-2025-0001#2). Report ids cannot hold '#', so no two rows share one."),
    column("incident_id", "string", "The report's id: the id column of incidents.csv and of the other tables."),
    column("event_date", "date", "The earliest possible day (YYYY-MM-DD)."),
    column("year", "year", "The year of event_date."),
    column("time_precision", "integer", "1 when the day is known, 2 for the week, 3 for the month or the year (ACLED's scale, which has no level for a year: date_precision in incidents.csv tells the two apart)."),
    column("event_type", "string", "The report's event type; empty when not given."),
    column("actor1", "string", "The first perpetrator, the surest attribution first (confirmed, then claimed, then suspected)."),
    column("actor1_attribution", "string", "How actor1 is attributed: confirmed, claimed or suspected."),
    column("assoc_actor_1", "string", "Other perpetrators, separated by ';'."),
    column("assoc_actor_1_attribution", "string", "How each of assoc_actor_1 is attributed, in the same order, separated by ';'."),
    column("actor2", "string", "The first target named."),
    column("assoc_actor_2", "string", "Other targets, separated by ';'."),
    column("responders", "string", "Groups that responded to the event without being its target (an army that pursued the attackers), separated by ';'."),
    column("country", "string", "The country's name."),
    column("iso", "string", "ISO 3166-1 alpha-2 code of the country (acled.csv gives ACLED's numeric code)."),
    column("admin1", "string", "The first-level region of the row: the place's region, or for a report that names no place, one of its regions (one row each)."),
    column("admin2", "string", "The place's second-level division, when the report gives it."),
    column("location", "string", "The place's name; the region's name when the report names no place."),
    column("latitude", "number", "Latitude (WGS84); the region's centre when geo_precision is 3; empty when unknown."),
    column("longitude", "number", "Longitude (WGS84), as for latitude."),
    column("geo_precision", "integer", "1 for an exact place or a town, 2 for a district or a place whose precision is not given, 3 for a region (ACLED's scale); empty when there are no coordinates."),
    column("source", "string", "Source names, separated by ';'."),
    column("notes", "string", "The report's summary."),
    column("fatalities", "integer", "This row's share of the editor's headline figure of people killed: the figure split evenly across the report's rows, the first rows taking the remainder (ACLED's convention), so a sum over any set of rows, by admin1 or overall, counts each death once. Empty when unknown; 0 only when the share is 0."),
    column("fatalities_low", "integer", "This row's share of the editor's lowest plausible figure, split as fatalities is."),
    column("fatalities_high", "integer", "This row's share of the editor's highest plausible figure, split as fatalities is."),
    column("tags", "string", "Free tags, separated by ';'."),
    column("claimed_by", "string", "Every party that made a claim in the report, separated by ';'."),
    column("url", "string", "The report's page."),
    column("confidence", "string", "The report's confidence grade, as in incidents.csv; empty when the report is not graded.").with(&GRADE_ID),
];
