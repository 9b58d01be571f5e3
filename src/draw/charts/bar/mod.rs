//! Horizontal bars for categories (groups, regions, event types), where names need room
//! to be read and each can link to its own page.

mod layout;
#[cfg(test)]
mod tests;

use std::fmt::Write;

use super::svg::{
    chart_id, escape, fit_text, has_no_data, is_unknown, legend, mark_paint, no_data_chart, num,
    open_series_group, open_svg, pattern_defs, stacked_base, value_at, FONT,
};
use super::words::{fill, ChartWords};
use super::Series;

use layout::{row_extent, Layout};

/// A bar chart: one row per label, the label left of its bar (a link when its `hrefs`
/// entry is `Some`), the value printed at the bar's end, and a legend.
///
/// With `stacked`, the series share one bar, the first on the left (independent figures
/// first, party-claimed after), and the printed value lists each part ("40 + 12") so a
/// claim is never folded silently into a total; otherwise each series gets its own thin
/// bar. As in [`column_chart`](super::column_chart), later series are hatched, tooltips
/// read "JNIM: 40 incidents", and missing values count as zero. A value the series marks
/// unknown gets no bar: the row says "not known" (`words.unknown`) where its bar would
/// end, so it cannot pass for a zero. `hrefs` should hold site URLs; they are escaped but
/// not checked. Long names are shortened with an ellipsis and
/// keep their full text as a tooltip. No labels, no series or only zeros give a "No data"
/// chart.
pub fn bar_chart(
    title: &str,
    labels: &[String],
    hrefs: &[Option<String>],
    series: &[Series],
    stacked: bool,
    words: &ChartWords,
) -> String {
    if has_no_data(labels, series) {
        return no_data_chart("bar", title, words);
    }
    let id = chart_id("bar", title, labels, series);
    let value_texts: Vec<Vec<String>> = (0..labels.len())
        .map(|i| row_value_texts(series, i, stacked, words))
        .collect();
    let (legend_markup, legend_bottom) = legend(&id, series, None);
    let layout = Layout::new(labels, series, stacked, &value_texts, legend_bottom);
    let height = layout.row_top(labels.len()) + 4.0;

    let has_links = hrefs.iter().any(Option::is_some);
    let mut out = open_svg(
        &id,
        "bar",
        height,
        title,
        &describe(labels, series, words),
        has_links,
    );
    out.push_str(&legend_markup);
    out.push_str(&pattern_defs(&id, series));
    write_bars(&mut out, (&id, words), labels, series, &layout);
    write_axis(&mut out, &layout, labels.len());
    write_row_labels(&mut out, labels, hrefs, series, &value_texts, &layout);
    out.push_str("</g></svg>");
    out
}

/// Marks are drawn one series at a time so each sits in its series' colour group.
fn write_bars(
    out: &mut String,
    (id, words): (&str, &ChartWords),
    labels: &[String],
    series: &[Series],
    layout: &Layout,
) {
    for (position, s) in series.iter().enumerate() {
        out.push_str(&open_series_group(s, position));
        for (index, label) in labels.iter().enumerate() {
            let value = value_at(s, index);
            if value == 0 {
                continue;
            }
            let (start, y) = if layout.stacked {
                (
                    stacked_base(series, position, index),
                    layout.row_top(index) + (layout.row_height - layout.bar_height) / 2.0,
                )
            } else {
                let slot = if layout.grouped {
                    position as f64 * 11.0
                } else {
                    0.0
                };
                (0, layout.row_top(index) + 4.0 + slot)
            };
            let x = layout.x_of(start);
            let tooltip = fill(
                words.tooltip,
                &[
                    ("label", label),
                    ("value", &value.to_string()),
                    ("series", &s.name),
                ],
            );
            let _ = write!(
                out,
                "<rect class=\"chart-mark\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}>\
<title>{}</title></rect>",
                num(x),
                num(y),
                num(layout.x_of(start.saturating_add(value)) - x),
                num(layout.bar_height),
                mark_paint(id, position, 1.0),
                escape(&tooltip)
            );
        }
        out.push_str("</g>");
    }
}

fn write_axis(out: &mut String, layout: &Layout, rows: usize) {
    let _ = write!(
        out,
        "<g class=\"chart-axis\" stroke=\"currentColor\"><line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\"/></g>",
        num(layout.rows_top),
        num(layout.row_top(rows) - 2.0),
        x = num(layout.bars_left)
    );
}

/// Each row's name left of its bars and its values at their ends; leaves the group open
/// for the caller to close with the chart.
fn write_row_labels(
    out: &mut String,
    labels: &[String],
    hrefs: &[Option<String>],
    series: &[Series],
    value_texts: &[Vec<String>],
    layout: &Layout,
) {
    out.push_str("<g class=\"chart-label\" fill=\"currentColor\">");
    for (index, label) in labels.iter().enumerate() {
        let centre = layout.row_top(index) + layout.row_height / 2.0;
        let href = hrefs.get(index).and_then(Option::as_ref);
        out.push_str(&category_label(label, href, layout.label_width, centre));
        for (n, text) in value_texts[index].iter().enumerate() {
            let (end, y) = if layout.grouped {
                let bar_centre =
                    layout.row_top(index) + 4.0 + n as f64 * 11.0 + layout.bar_height / 2.0;
                (value_at(&series[n], index), bar_centre)
            } else {
                (row_extent(series, index, layout.stacked), centre)
            };
            let _ = write!(
                out,
                "<text class=\"chart-value\" x=\"{}\" y=\"{}\">{}</text>",
                num(layout.x_of(end) + 4.0),
                num(y + FONT * 0.35),
                escape(text)
            );
        }
    }
}

/// The printed values of a row: one text per bar, or one listing every stacked part.
fn row_value_texts(
    series: &[Series],
    index: usize,
    stacked: bool,
    words: &ChartWords,
) -> Vec<String> {
    let values = series.iter().map(|s| {
        if is_unknown(s, index) {
            words.unknown.to_string()
        } else {
            value_at(s, index).to_string()
        }
    });
    if stacked {
        vec![values.collect::<Vec<_>>().join(" + ")]
    } else {
        values.collect()
    }
}

fn category_label(label: &str, href: Option<&String>, width: f64, centre: f64) -> String {
    let shown = fit_text(label, width, FONT);
    let tooltip = if shown == label {
        String::new()
    } else {
        format!("<title>{}</title>", escape(label))
    };
    let text = format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{tooltip}{}</text>",
        num(width),
        num(centre + FONT * 0.35),
        escape(&shown)
    );
    match href {
        Some(href) => format!(
            "<a class=\"chart-link\" href=\"{}\" text-decoration=\"underline\">{text}</a>",
            escape(href)
        ),
        None => text,
    }
}

/// Every category with each series' value, since a screen reader cannot read bar lengths.
fn describe(labels: &[String], series: &[Series], words: &ChartWords) -> String {
    let rows: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let parts: Vec<String> = series
                .iter()
                .map(|s| {
                    if is_unknown(s, i) {
                        return fill(words.unknown_value, &[("series", &s.name)]);
                    }
                    let value = value_at(s, i).to_string();
                    fill(words.value, &[("value", &value), ("series", &s.name)])
                })
                .collect();
            let values = parts.join(words.separator);
            fill(words.row, &[("label", label), ("values", &values)])
        })
        .collect();
    let bars = (words.bar_count)(labels.len());
    fill(words.bars, &[("bars", &bars), ("rows", &rows.join(" "))])
}
