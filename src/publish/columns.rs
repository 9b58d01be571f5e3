//! The column dictionary of the CSV exports, written once and used three ways: as the CSV
//! header, in `datapackage.json`, and on the `/data/` page, so the three never disagree.

use serde::Serialize;

/// One column of a CSV export.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Column {
    /// The header name.
    pub name: &'static str,
    /// Its Frictionless Table Schema type: `string`, `integer`, `number`, `date`, `year`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// What a cell holds, for readers of the data page and of the data package.
    pub description: &'static str,
}

const fn column(name: &'static str, kind: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind,
        description,
    }
}

/// `incidents.csv`: one row per published report.
pub const INCIDENT_COLUMNS: &[Column] = &[
    column("id", "string", "The report's stable identifier."),
    column("url", "string", "The report's page."),
    column("title", "string", "The headline."),
    column("date", "date", "The earliest possible day (YYYY-MM-DD)."),
    column("end_date", "date", "The last day, for events over several days; empty otherwise."),
    column("date_precision", "string", "How exactly the date is known: day, week, month or year."),
    column("country", "string", "The country's name."),
    column("country_iso", "string", "ISO 3166-1 alpha-2 code of the country."),
    column("regions", "string", "First-level regions, separated by ';'."),
    column("region_isos", "string", "ISO 3166-2 codes of the regions, in the same order, separated by ';' (empty where a region has none)."),
    column("locations", "string", "Places named in the report, separated by ';'."),
    column("latitude", "number", "Latitude (WGS84) of the first place with coordinates; empty when no place has them."),
    column("longitude", "number", "Longitude (WGS84) of the same place."),
    column("event_type", "string", "attack, battle, explosion, abduction, violence against civilians, protest, riot, curfew or strategic development; empty when not given."),
    column("perpetrators", "string", "Groups named as perpetrators, separated by ';'."),
    column("targets", "string", "Groups named as targets, separated by ';'."),
    column("responders", "string", "Groups named as responders, separated by ';'."),
    column("fatalities_best", "integer", "The editor's headline figure of people killed; empty when unknown or only claimed by a party. Never a sum of claims."),
    column("fatalities_low", "integer", "The editor's lowest plausible figure; empty when not given."),
    column("fatalities_high", "integer", "The editor's highest plausible figure; empty when not given."),
    column("fatality_claims", "string", "Every reported figure of people killed as 'COUNT WHO (by PARTY)', separated by ';'."),
    column("injured_best", "integer", "The editor's headline figure of people injured; empty when unknown."),
    column("injured_low", "integer", "The editor's lowest plausible figure of people injured."),
    column("injured_high", "integer", "The editor's highest plausible figure of people injured."),
    column("injured_claims", "string", "Every reported figure of people injured, as for fatality_claims."),
    column("claimed_by", "string", "Every party that made a claim in the report, separated by ';'."),
    column("sources", "string", "Source names, separated by ';'."),
    column("source_urls", "string", "Source addresses, in the same order, separated by ';' (empty where a source has none)."),
    column("summary", "string", "One or two neutral sentences."),
    column("tags", "string", "Free tags, separated by ';'."),
    column("updated", "date", "The last revision: the latest of the report's date, its updated date and its revision notes."),
];

/// `events.csv`: one row per place, with the column names ACLED uses where it has one.
pub const EVENT_COLUMNS: &[Column] = &[
    column("event_id_cnty", "string", "The report's id; for a report with several places, the id followed by -1, -2, ... per place."),
    column("event_date", "date", "The earliest possible day (YYYY-MM-DD)."),
    column("year", "year", "The year of event_date."),
    column("time_precision", "integer", "1 when the day is known, 2 for the week, 3 for the month or the year (ACLED's scale, which has no level for a year: date_precision in incidents.csv tells the two apart)."),
    column("event_type", "string", "The report's event type; empty when not given."),
    column("actor1", "string", "The first perpetrator named."),
    column("assoc_actor_1", "string", "Other perpetrators, separated by ';'."),
    column("actor2", "string", "The first target named."),
    column("assoc_actor_2", "string", "Other targets and the responders, separated by ';'."),
    column("country", "string", "The country's name."),
    column("iso", "string", "ISO 3166-1 alpha-2 code of the country (ACLED uses the numeric code)."),
    column("admin1", "string", "The first-level region of the place."),
    column("location", "string", "The place's name; the region's name when the report names no place."),
    column("latitude", "number", "Latitude (WGS84); the region's centre when geo_precision is 3; empty when unknown."),
    column("longitude", "number", "Longitude (WGS84), as for latitude."),
    column("geo_precision", "integer", "1 for an exact place or town, 2 for a district, 3 for a region (ACLED's scale); empty when unknown."),
    column("source", "string", "Source names, separated by ';'."),
    column("notes", "string", "The report's summary."),
    column("fatalities", "integer", "The editor's headline figure of people killed, on the report's first row only so that a sum over rows counts each report once; empty when unknown."),
    column("tags", "string", "Free tags, separated by ';'."),
    column("fatalities_low", "integer", "The editor's lowest plausible figure, on the first row only."),
    column("fatalities_high", "integer", "The editor's highest plausible figure, on the first row only."),
    column("claimed_by", "string", "Every party that made a claim in the report, separated by ';'."),
    column("url", "string", "The report's page."),
];

/// The names of `columns`, in order: a CSV header.
pub fn header(columns: &[Column]) -> Vec<&'static str> {
    columns.iter().map(|c| c.name).collect()
}
