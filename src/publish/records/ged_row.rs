//! A report's rows of `ged.csv`: its events rows in UCDP GED's own layout and codes.

use super::event_row::EventRow;
use super::record::Record;
use super::Sources;

/// The rows of `ged.csv`, one per events row, in [`crate::publish::columns::GED`] order.
pub(super) fn ged_rows(
    _record: &Record,
    _events: &[EventRow],
    _from: &Sources,
) -> Vec<Vec<String>> {
    Vec::new()
}
