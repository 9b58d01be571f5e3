//! The words a screen reader gives for a column chart, since it cannot read heights.

use std::fmt::Write;

use crate::draw::charts::svg::value_at;
use crate::draw::charts::Series;

/// The text a screen reader gives for the chart: the span, each series' peak and how
/// the columns are arranged.
pub(super) fn describe(
    labels: &[String],
    tooltip_labels: &[String],
    series: &[Series],
    stacked: bool,
    top: f64,
) -> String {
    let (first, last) = (
        &tooltip_labels[0],
        &tooltip_labels[tooltip_labels.len() - 1],
    );
    let mut desc = if labels.len() == 1 {
        format!("One column, {first}.")
    } else {
        format!("{} columns, {first} to {last}.", labels.len())
    };
    for s in series {
        let peak = (0..labels.len()).max_by_key(|&i| (value_at(s, i), std::cmp::Reverse(i)));
        match peak {
            Some(i) if value_at(s, i) > 0 => {
                let _ = write!(
                    desc,
                    " {}: highest {} in {}.",
                    s.name,
                    value_at(s, i),
                    tooltip_labels[i]
                );
            }
            _ => {
                let _ = write!(desc, " {}: none.", s.name);
            }
        }
    }
    if stacked && series.len() > 1 {
        let _ = write!(desc, " Stacked, {} at the bottom.", series[0].name);
    }
    let _ = write!(desc, " Scale 0 to {top}.");
    desc
}
