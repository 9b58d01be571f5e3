//! The words a screen reader gives for a column chart, since it cannot read heights.

use std::fmt::Write;

use crate::draw::charts::svg::{is_unknown, value_at};
use crate::draw::charts::words::{fill, ChartWords};
use crate::draw::charts::Series;

/// The text a screen reader gives for the chart: the span, each series' peak and how
/// the columns are arranged.
pub(super) fn describe(
    labels: &[String],
    tooltip_labels: &[String],
    series: &[Series],
    stacked: bool,
    top: f64,
    words: &ChartWords,
) -> String {
    let (first, last) = (
        &tooltip_labels[0],
        &tooltip_labels[tooltip_labels.len() - 1],
    );
    let mut desc = if labels.len() == 1 {
        fill(words.one_column, &[("first", first)])
    } else {
        let columns = (words.column_count)(labels.len());
        fill(
            words.columns,
            &[("columns", &columns), ("first", first), ("last", last)],
        )
    };
    for s in series {
        let peak = (0..labels.len()).max_by_key(|&i| (value_at(s, i), std::cmp::Reverse(i)));
        match peak {
            Some(i) if value_at(s, i) > 0 => {
                let value = value_at(s, i).to_string();
                let values = [
                    ("series", s.name.as_str()),
                    ("value", &value),
                    ("label", &tooltip_labels[i]),
                ];
                let _ = write!(desc, " {}", fill(words.highest, &values));
            }
            // "None" would be false where some values are not known.
            _ if (0..labels.len()).any(|i| is_unknown(s, i)) => {}
            _ => {
                let _ = write!(desc, " {}", fill(words.none, &[("series", &s.name)]));
            }
        }
        let unknown: Vec<&str> = (0..labels.len())
            .filter(|&i| is_unknown(s, i))
            .map(|i| tooltip_labels[i].as_str())
            .collect();
        if !unknown.is_empty() {
            let labels = unknown.join(words.separator);
            let values = [("series", s.name.as_str()), ("labels", &labels)];
            let _ = write!(desc, " {}", fill(words.unknown_in, &values));
        }
    }
    if stacked && series.len() > 1 {
        let bottom = fill(words.stacked, &[("series", &series[0].name)]);
        let _ = write!(desc, " {bottom}");
    }
    let top = top.to_string();
    let _ = write!(desc, " {}", fill(words.scale, &[("top", &top)]));
    desc
}
