//! The columns of `actors.csv`.

use super::{column, Column, Table, TO_INCIDENT};

/// The table: one row per report, group and role, so a group that is both a perpetrator
/// and a target of the same event has two rows.
pub(super) const TABLE: Table = Table {
    resource: "actors",
    file: "actors.csv.gz",
    columns: COLUMNS,
    primary_key: &["incident_id", "group", "role"],
    foreign_keys: &[TO_INCIDENT],
};

const COLUMNS: &[Column] = &[
    column("incident_id", "string", "The report's id (the id column of incidents.csv)."),
    column("group", "string", "The group's name in the group index: what the pages and the other files call it."),
    column("full_name", "string", "The group's long name, when the index gives one."),
    column("role", "string", "The part it played: perpetrator, target or responder (a force that answered the event without being its target)."),
    column("attribution", "string", "How surely the role is established: confirmed (by sources independent of the group), claimed (by the group itself) or suspected. A group named twice in one role keeps the surest."),
    column("kind", "string", "What the group is, from the group index: non-state armed group, state force, militia or other."),
    column("affiliation", "string", "The wider movement it belongs to, from the group index; empty when none is given."),
];
