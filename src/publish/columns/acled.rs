//! The columns of `acled.csv`: ACLED's 31 columns, named, ordered and typed as ACLED's
//! current CSV export gives them, then our `incident_id`. Where ACLED's convention
//! differs from ours, the description says which one the file follows.

use super::{column, Column, ForeignKey, Table, TO_INCIDENT};

/// The table: one row per events row, keyed like events.csv.
pub(super) const TABLE: Table = Table {
    resource: "acled",
    file: "acled.csv.gz",
    columns: COLUMNS,
    primary_key: &["event_id_cnty"],
    foreign_keys: &[TO_EVENT, TO_INCIDENT],
};

/// Each row is one row of events.csv, recoded.
const TO_EVENT: ForeignKey = ForeignKey {
    fields: &["event_id_cnty"],
    resource: "events",
    reference: &["event_id_cnty"],
};

const COLUMNS: &[Column] = &[
    column("event_id_cnty", "string", "The row's id, as in events.csv (ML-2025-0001#2): text, like ACLED's own ids (MLI12345), and never one of them, since ACLED's hold no '#'."),
    column("event_date", "date", "The earliest possible day, written YYYY-MM-DD as ACLED's API writes it."),
    column("year", "year", "The year of event_date."),
    column("time_precision", "integer", "ACLED's scale: 1 the day is known, 2 the week, 3 the month; a date known only to the year is 3 as well."),
    column("disorder_type", "string", "ACLED's disorder type (Political violence, Demonstrations, Strategic developments, or Political violence; Demonstrations), from the report's event type by the crosswalk on this page; empty when the report gives no event type."),
    column("event_type", "string", "ACLED's event type, from the report's event type by the crosswalk on this page."),
    column("sub_event_type", "string", "ACLED's sub-event type, from the report's event type by the crosswalk on this page."),
    column("actor1", "string", "The first perpetrator, the surest attribution first. For a protest or a riot, ACLED's 'Protesters (Country)' or 'Rioters (Country)'; for violence with no perpetrator named, ACLED's 'Unidentified Armed Group (Country)'."),
    column("assoc_actor_1", "string", "The other perpetrators (for a protest or a riot, every group that led it), separated by ';'."),
    column("inter1", "string", "ACLED's actor type of actor1, in words as ACLED's current export writes them: State forces for a state force, Rebel group for a non-state armed group, Identity militia for a militia or self-defence group, External/Other forces for any other group; Political militia for an unidentified armed group; Protesters or Rioters for a crowd."),
    column("actor2", "string", "The first group of the other side: the targets, or the responders when no target is named. For violence against civilians, ACLED's 'Civilians (Country)'. Responders beside named targets are left out (events.csv and actors.csv keep them)."),
    column("assoc_actor_2", "string", "The other groups of the other side, separated by ';'; for violence against civilians, the targets the report names."),
    column("inter2", "string", "ACLED's actor type of actor2, as for inter1; Civilians for violence against civilians."),
    column("interaction", "string", "ACLED's interaction: the two actor types joined in ACLED's order (State forces-Rebel group), or one followed by 'only' (Protesters only)."),
    column("civilian_targeting", "string", "'Civilian targeting' when the event is violence against civilians (ACLED's event type); empty otherwise."),
    column("iso", "integer", "ISO 3166-1 numeric code of the country (466 for Mali), from the registry's alpha-2 code by a table of every ISO country; empty when the registry gives no code ISO knows."),
    column("region", "string", "ACLED's world region (Western Africa, …): always empty, as the registry has no such grouping."),
    column("country", "string", "The country's name, as the registry writes it."),
    column("admin1", "string", "The row's first-level region, as in events.csv."),
    column("admin2", "string", "The place's second-level division, when the report gives it."),
    column("admin3", "string", "A third-level division: always empty, as reports do not give one."),
    column("location", "string", "The place's name; the region's name for a row at a region's level."),
    column("latitude", "number", "Latitude (WGS84), always written with a decimal point. A place without coordinates is put at its region's centre, as ACLED codes a place it cannot find; empty only when the region has no centre either."),
    column("longitude", "number", "Longitude (WGS84), as for latitude."),
    column("geo_precision", "integer", "ACLED's scale: 1 an exact place or a town, 2 a district or a place whose precision is not given, 3 a region or a region's centre (every row without coordinates of its own)."),
    column("source", "string", "Source names, separated by ';'."),
    column("source_scale", "string", "ACLED's reach of the sources (local to international): always empty, as our source types say what an outlet is, not how far it reaches."),
    column("notes", "string", "The report's summary."),
    column("fatalities", "integer", "This row's share of the editor's headline figure, split across the report's rows as in events.csv. ACLED's convention, followed only in this file: 0 where the figure is unknown, so the column stays whole numbers."),
    column("tags", "string", "Free tags, separated by ';'."),
    column("timestamp", "integer", "When the row last changed: midnight UTC of the report's last revision, in seconds since 1 January 1970 (Unix time), as ACLED gives it."),
    column("incident_id", "string", "Not an ACLED column: the report's id (the id column of incidents.csv), last so that ACLED's columns keep their places."),
];
