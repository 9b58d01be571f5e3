//! The columns of `incidents.csv`.

use super::{column, Column, Constraints, GRADE_ID};

/// A count, never negative.
const COUNT: Constraints = Constraints {
    minimum: Some(0),
    ..Constraints::NONE
};

/// `incidents.csv`: one row per published report.
pub(super) const COLUMNS: &[Column] = &[
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
    column("confirmed_perpetrators", "string", "Perpetrators established by sources independent of them, separated by ';'."),
    column("claimed_perpetrators", "string", "Perpetrators who claimed the act themselves, separated by ';'."),
    column("suspected_perpetrators", "string", "Perpetrators suspected but not established, separated by ';'."),
    column("targets", "string", "Groups named as targets, separated by ';'."),
    column("responders", "string", "Groups named as responders, separated by ';'."),
    column("fatalities_best", "integer", "The editor's headline figure of people killed; empty when unknown or only claimed by a party. Never a sum of claims."),
    column("fatalities_low", "integer", "The editor's lowest plausible figure; empty when not given."),
    column("fatalities_high", "integer", "The editor's highest plausible figure; empty when not given."),
    column("fatality_claims", "string", "Every reported figure of people killed as 'COUNT WHO (by PARTY)', separated by ';'; claims.csv has each with its source."),
    column("injured_best", "integer", "The editor's headline figure of people injured; empty when unknown."),
    column("injured_low", "integer", "The editor's lowest plausible figure of people injured."),
    column("injured_high", "integer", "The editor's highest plausible figure of people injured."),
    column("injured_claims", "string", "Every reported figure of people injured as 'COUNT WHO (by PARTY)', separated by ';'; claims.csv has each with its source."),
    column("claimed_by", "string", "Every party that made a claim in the report, separated by ';'."),
    column("sources", "string", "Source names, separated by ';'."),
    column("source_urls", "string", "Source addresses, in the same order, separated by ';' (empty where a source has none)."),
    column("summary", "string", "One or two neutral sentences."),
    column("tags", "string", "Free tags, separated by ';'."),
    column("updated", "date", "The last revision: the latest of the report's date, its updated date and its revision notes."),
    column("confidence", "string", "The editors' confidence grade, as its id in site.yaml's scale (built in: confirmed, fair, weak, contested, discounted); the about page defines each. Empty when the report is not graded.").with(&GRADE_ID),
    column("source_count", "integer", "How many sources the report cites (the rows of sources.csv with its id).").with(&COUNT),
];
