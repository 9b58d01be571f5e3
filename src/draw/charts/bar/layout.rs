//! Where a bar chart's parts go, worked out once from its data so the bars, the axis and
//! the labels agree.

use crate::draw::charts::svg::{text_width, value_at, FONT, WIDTH};
use crate::draw::charts::Series;

/// Names longer than this share of the width are shortened, so bars keep room on a phone.
const MAX_LABEL_SHARE: f64 = 0.4;

/// Where a bar chart's parts go, worked out once from its data so the bars, the axis and
/// the labels agree.
pub(super) struct Layout {
    pub(super) stacked: bool,
    /// Several series side by side, each its own thin bar in a row.
    pub(super) grouped: bool,
    pub(super) bar_height: f64,
    pub(super) row_height: f64,
    pub(super) label_width: f64,
    pub(super) bars_left: f64,
    pub(super) bars_span: f64,
    pub(super) scale_top: f64,
    pub(super) rows_top: f64,
}

impl Layout {
    pub(super) fn new(
        labels: &[String],
        series: &[Series],
        stacked: bool,
        value_texts: &[Vec<String>],
        legend_bottom: f64,
    ) -> Layout {
        let grouped = !stacked && series.len() > 1;
        let (bar_height, row_height) = if grouped {
            (10.0, series.len() as f64 * 11.0 + 8.0)
        } else {
            (16.0, 24.0)
        };
        let widest_label = labels
            .iter()
            .map(|l| text_width(l, FONT))
            .fold(0.0, f64::max);
        let label_width = widest_label.min(WIDTH * MAX_LABEL_SHARE);
        let value_room = value_texts
            .iter()
            .flatten()
            .map(|t| text_width(t, FONT))
            .fold(0.0, f64::max)
            + 6.0;
        let bars_left = label_width + 8.0;
        let scale_top = (0..labels.len())
            .map(|i| row_extent(series, i, stacked))
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        Layout {
            stacked,
            grouped,
            bar_height,
            row_height,
            label_width,
            bars_left,
            bars_span: WIDTH - bars_left - value_room,
            scale_top,
            rows_top: legend_bottom + 6.0,
        }
    }

    pub(super) fn x_of(&self, value: u64) -> f64 {
        round2(self.bars_left + value as f64 / self.scale_top * self.bars_span)
    }

    pub(super) fn row_top(&self, row: usize) -> f64 {
        self.rows_top + row as f64 * self.row_height
    }
}

/// How far a row's marks reach: the parts together when stacked, the longest otherwise.
pub(super) fn row_extent(series: &[Series], index: usize, stacked: bool) -> u64 {
    let values = series.iter().map(|s| value_at(s, index));
    if stacked {
        values.fold(0, u64::saturating_add)
    } else {
        values.max().unwrap_or(0)
    }
}

/// Rounds like [`num`](crate::draw::charts::svg::num) prints, so stacked parts computed from rounded edges meet exactly.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
