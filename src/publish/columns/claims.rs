//! The columns of `claims.csv`.

use super::{column, Column, Constraints, ForeignKey, Table, TO_INCIDENT};

/// The Admiralty code's figures for a claim.
const CREDIBILITY: Constraints = Constraints {
    minimum: Some(1),
    maximum: Some(6),
    ..Constraints::NONE
};

/// The table: a claim is named by its report's id and its own id within the report, and
/// points at the source that carried it through `source_key`, one cell. A key of two
/// columns would not do: Frictionless looks a key up unless every one of its cells is
/// empty, so (incident_id, source_id) of a claim without a source would fail.
pub(super) const TABLE: Table = Table {
    resource: "claims",
    file: "claims.csv.gz",
    columns: COLUMNS,
    primary_key: &["incident_id", "claim_id"],
    foreign_keys: &[TO_INCIDENT, TO_SOURCE],
};

/// From a claim to the row of `sources.csv` that carried it.
const TO_SOURCE: ForeignKey = ForeignKey {
    fields: &["source_key"],
    resource: "sources",
    reference: &["source_key"],
};

const COLUMNS: &[Column] = &[
    column("incident_id", "string", "The report's id (the id column of incidents.csv)."),
    column("claim_id", "string", "The claim's id within its report: the kind and the claim's place among the report's claims of that kind (fatalities-1, injured-2, text-1)."),
    column("kind", "string", "fatalities or injured for a figure of people killed or injured; text for any other assertion."),
    column("party", "string", "Who made the claim: a group's name as in actors.csv and the group index, or, when party_is_group is false, as the report names it (an outlet, officials, residents). Never split: a ';' here is part of the name."),
    column("party_is_group", "boolean", "true when party is a group of the group index, false when it is named in free text."),
    column("who", "string", "For a figure, who the people counted were: militants, soldiers, civilians or unknown; empty for a text claim."),
    column("count", "integer", "For a figure, how many people the party said were killed or injured; empty for a text claim. Claims are never added up: two parties' figures for the same dead are two rows."),
    column("text", "string", "For a text claim, what the party asserted, in the report's language; empty for a figure."),
    column("disputed", "boolean", "For a text claim, true when others dispute it, else false; empty for a figure."),
    column("source_id", "string", "The source that carried the claim (source_id in sources.csv, for the same incident_id); empty when the report names none."),
    column("source_key", "string", "The same source in one cell, as source_key in sources.csv gives it (incident_id, '#' and source_id); empty when the report names none. The data package's foreign key to sources.csv."),
    column("credibility", "integer", "For a text claim, how credible the editors judge it on the Admiralty code: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged. Empty when not graded, and for a figure.").with(&CREDIBILITY),
];
