//! Vertical columns over an ordered axis, meant for months: incidents or fatalities per
//! month, with independent and party-claimed figures stacked or side by side.

mod axes;
mod describe;
#[cfg(test)]
mod tests;

use std::fmt::Write;

use super::scale::{category_ticks, consecutive_months, month_long_label, month_ticks, nice_ticks};
use super::svg::{
    any_unknown, chart_id, escape, has_no_data, is_unknown, legend, mark_paint, no_data_chart, num,
    open_series_group, open_svg, pattern_defs, stacked_base, text_width, value_at, FONT,
    UNKNOWN_PAINT, WIDTH,
};
use super::words::{fill, ChartWords};
use super::Series;

use axes::{category_axis, value_axis};
use describe::describe;

/// Height of the plotting area in viewBox units; with [`WIDTH`] it keeps the chart
/// wider than tall, as a time series reads best.
const PLOT_HEIGHT: f64 = 150.0;
/// Space kept between neighbouring axis labels.
const LABEL_GAP: f64 = 8.0;
/// Height of the dashed outline that marks an unknown value: tall enough to see and to
/// point at, short next to the plot, and the same whatever the scale, as it measures
/// nothing.
const UNKNOWN_HEIGHT: f64 = 12.0;

/// A column chart: one band per label along the x axis, a value axis with 4–6 gridlines
/// at 1-2-5 steps, and a legend.
///
/// With `stacked`, the series share each column, the first at the bottom (put independent
/// figures first and party-claimed ones after them); otherwise they stand side by side.
/// The first series is drawn solid and later ones hatched and outlined, so they differ by
/// more than colour. Labels made by [`month_label`](super::month_label) for consecutive
/// months get calendar ticks (only years, at January, over a long range) and tooltips
/// such as "March 2025: 12 incidents", so name series as the plural of what they count.
/// A series shorter than `labels` counts as zero where it has no value. A value the
/// series marks unknown is drawn as a short dashed outline standing on the baseline (or
/// on the stack below it), with a legend entry saying what it means; the chart then never
/// draws it as zero. With no labels, no series or only zeros the chart just says "No
/// data". Every word it writes (months, tooltips, the description) comes from `words`.
pub fn column_chart(
    title: &str,
    labels: &[String],
    series: &[Series],
    stacked: bool,
    words: &ChartWords,
) -> String {
    if has_no_data(labels, series) {
        return no_data_chart("column", title, words);
    }
    let id = chart_id("column", title, labels, series);
    let months = consecutive_months(labels, words);
    let tooltip_labels: Vec<String> = match &months {
        Some(months) => months
            .iter()
            .map(|&(y, m)| month_long_label(y, m, words))
            .collect(),
        None => labels.to_vec(),
    };

    let highest = (0..labels.len())
        .map(|i| column_height(series, i, stacked))
        .max()
        .unwrap_or(0);
    let ticks = nice_ticks(highest);
    let scale_top = *ticks.last().unwrap_or(&1) as f64;

    let unknown = any_unknown(series, labels.len()).then_some(words.unknown);
    let (legend_markup, legend_bottom) = legend(&id, series, unknown);
    let plot_top = legend_bottom + 10.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let plot_left = text_width(&ticks.last().unwrap_or(&0).to_string(), FONT) + 8.0;
    let band = (WIDTH - 2.0 - plot_left) / labels.len() as f64;
    let y_of = |value: u64| round2(plot_bottom - value as f64 / scale_top * PLOT_HEIGHT);
    let label_width = |text: &str| text_width(text, FONT) + LABEL_GAP;
    let x_ticks = match &months {
        Some(months) => month_ticks(months, band, label_width, words),
        None => category_ticks(labels, band, label_width),
    };
    let height = plot_bottom + 8.0 + FONT;

    let desc = describe(labels, &tooltip_labels, series, stacked, scale_top, words);
    let mut out = open_svg(&id, "column", height, title, &desc, false);
    out.push_str(&legend_markup);
    out.push_str(&pattern_defs(&id, series));
    out.push_str(&value_axis(&ticks, plot_left, &y_of));
    out.push_str(&columns(
        &id,
        series,
        &tooltip_labels,
        stacked,
        (plot_left, band),
        &y_of,
        words,
    ));
    out.push_str(&category_axis(&x_ticks, plot_left, band, plot_bottom));
    out.push_str("</svg>");
    out
}

/// What one band must reach: the sum when stacked, the tallest series otherwise.
fn column_height(series: &[Series], index: usize, stacked: bool) -> u64 {
    let values = series.iter().map(|s| value_at(s, index));
    if stacked {
        values.fold(0, u64::saturating_add)
    } else {
        values.max().unwrap_or(0)
    }
}

/// Rounds like [`num`] prints, so stacked parts computed from rounded edges meet exactly.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
fn columns(
    id: &str,
    series: &[Series],
    tooltip_labels: &[String],
    stacked: bool,
    (plot_left, band): (f64, f64),
    y_of: &impl Fn(u64) -> f64,
    words: &ChartWords,
) -> String {
    let gap = band * 0.2;
    let slot = if stacked || series.is_empty() {
        band - gap
    } else {
        (band - gap) / series.len() as f64
    };
    let mut out = String::new();
    for (position, s) in series.iter().enumerate() {
        out.push_str(&open_series_group(s, position));
        for (index, label) in tooltip_labels.iter().enumerate() {
            let value = value_at(s, index);
            let unknown = is_unknown(s, index);
            if value == 0 && !unknown {
                continue;
            }
            let (base, x_offset) = if stacked {
                (stacked_base(series, position, index), 0.0)
            } else {
                (0, position as f64 * slot)
            };
            let x = plot_left + index as f64 * band + gap / 2.0 + x_offset;
            if unknown {
                let bottom = y_of(base);
                let tooltip = fill(words.unknown_value, &[("series", &s.name)]);
                let tooltip = fill(words.row, &[("label", label), ("values", &tooltip)]);
                let _ = write!(
                    out,
                    "<rect class=\"chart-mark chart-unknown\" x=\"{}\" y=\"{}\" width=\"{}\" \
height=\"{}\" {UNKNOWN_PAINT}><title>{}</title></rect>",
                    num(x + 0.5),
                    num(bottom - UNKNOWN_HEIGHT),
                    num((slot - 1.0).max(0.5)),
                    num(UNKNOWN_HEIGHT - 0.5),
                    escape(&tooltip)
                );
                continue;
            }
            let top = y_of(base.saturating_add(value));
            let value = value.to_string();
            let tooltip = fill(
                words.tooltip,
                &[("label", label), ("value", &value), ("series", &s.name)],
            );
            let _ = write!(
                out,
                "<rect class=\"chart-mark\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}>\
<title>{}</title></rect>",
                num(x),
                num(top),
                num(slot),
                num(y_of(base) - top),
                mark_paint(id, position, (slot / 4.0).min(1.0)),
                escape(&tooltip)
            );
        }
        out.push_str("</g>");
    }
    out
}
