//! A report's rows of the related tables, keyed by its id: `sources.csv` (one row per
//! source), `claims.csv` (one row per figure or text claim) and `actors.csv` (one row per
//! actor), in the column orders of [`crate::publish::columns`].

use crate::domain::registry::Registry;

use super::record::Record;

/// The rows of `sources.csv`.
pub(super) fn source_rows(_record: &Record) -> Vec<Vec<String>> {
    Vec::new()
}

/// The rows of `claims.csv`.
pub(super) fn claim_rows(_record: &Record) -> Vec<Vec<String>> {
    Vec::new()
}

/// The rows of `actors.csv`.
pub(super) fn actor_rows(_record: &Record, _registry: &Registry) -> Vec<Vec<String>> {
    Vec::new()
}
