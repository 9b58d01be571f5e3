//! The columns of `sources.csv`.

use super::{column, Column, Constraints, Table, TO_INCIDENT};

/// 64 lower-case hex digits, as the model stores a hash.
const SHA256: Constraints = Constraints {
    pattern: Some("^[0-9a-f]{64}$"),
    ..Constraints::NONE
};

/// The Admiralty code's letters for a source.
const RELIABILITY: Constraints = Constraints {
    allowed: Some(&["A", "B", "C", "D", "E", "F"]),
    ..Constraints::NONE
};

/// The table: a source is named by its report's id and its own id within the report.
pub(super) const TABLE: Table = Table {
    resource: "sources",
    file: "sources.csv.gz",
    columns: COLUMNS,
    primary_key: &["incident_id", "source_id"],
    foreign_keys: &[TO_INCIDENT],
};

const COLUMNS: &[Column] = &[
    column("incident_id", "string", "The report's id (the id column of incidents.csv)."),
    column("source_id", "string", "The source's id within its report (s1, s2, … unless the editor named it); unique per incident_id, and what source_id in claims.csv points at."),
    column("source_key", "string", "The source's key across the site in one cell: incident_id, '#' and source_id (ML-2025-0001#s1). Report ids cannot hold '#', so no two sources share one; source_key in claims.csv points at it."),
    column("name", "string", "The outlet, office or account that published it."),
    column("url", "string", "The address of the story, post or statement; empty when the source is not online."),
    column("archive_url", "string", "An archived copy of url, for when the original changes or goes; empty when none was made."),
    column("type", "string", "What kind of source it is: news, official, armed group, ngo or social; empty when not given."),
    column("published", "date", "The day it was published (YYYY-MM-DD); empty when not given."),
    column("last_verified", "date", "The day an editor last opened the source and found it still says what the report cites it for (YYYY-MM-DD); empty when not given."),
    column("sha256", "string", "The SHA-256 of the copy of the source the desk keeps, in 64 lower-case hex digits; empty when no copy was hashed.").with(&SHA256),
    column("reliability", "string", "The source's record on the Admiralty code: A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged. Empty when not graded.").with(&RELIABILITY),
];
