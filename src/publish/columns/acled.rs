//! The columns of `acled.csv`.

use super::{column, Column, Table, TO_INCIDENT};

/// The table.
pub(super) const TABLE: Table = Table {
    resource: "acled",
    file: "acled.csv",
    columns: COLUMNS,
    primary_key: &[],
    foreign_keys: &[TO_INCIDENT],
};

const COLUMNS: &[Column] = &[column("incident_id", "string", "The report's id.")];
