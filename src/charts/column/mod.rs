//! Vertical columns over an ordered axis, meant for months: incidents or fatalities per
//! month, with independent and party-claimed figures stacked or side by side.

use std::fmt::Write;

use super::scale::{
    category_ticks, consecutive_months, month_long_label, month_ticks, nice_ticks, Tick,
};
use super::svg::{
    chart_id, escape, has_no_data, legend, mark_paint, no_data_chart, num, open_series_group,
    open_svg, pattern_defs, stacked_base, text_width, value_at, FONT, WIDTH,
};
use super::Series;

/// Height of the plotting area in viewBox units; with [`WIDTH`] it keeps the chart
/// wider than tall, as a time series reads best.
const PLOT_HEIGHT: f64 = 150.0;
/// Space kept between neighbouring axis labels.
const LABEL_GAP: f64 = 8.0;

/// A column chart: one band per label along the x axis, a value axis with 4–6 gridlines
/// at 1-2-5 steps, and a legend.
///
/// With `stacked`, the series share each column, the first at the bottom (put independent
/// figures first and party-claimed ones after them); otherwise they stand side by side.
/// The first series is drawn solid and later ones hatched and outlined, so they differ by
/// more than colour. Labels made by [`month_label`](super::month_label) for consecutive
/// months get calendar ticks (only years, at January, over a long range) and tooltips
/// such as "March 2025: 12 incidents", so name series as the plural of what they count.
/// A series shorter than `labels` counts as zero where it has no value; with no labels,
/// no series or only zeros the chart just says "No data".
pub fn column_chart(title: &str, labels: &[String], series: &[Series], stacked: bool) -> String {
    if has_no_data(labels, series) {
        return no_data_chart("column", title);
    }
    let id = chart_id("column", title, labels, series);
    let months = consecutive_months(labels);
    let tooltip_labels: Vec<String> = match &months {
        Some(months) => months
            .iter()
            .map(|&(y, m)| month_long_label(y, m))
            .collect(),
        None => labels.to_vec(),
    };

    let highest = (0..labels.len())
        .map(|i| column_height(series, i, stacked))
        .max()
        .unwrap_or(0);
    let ticks = nice_ticks(highest);
    let scale_top = *ticks.last().unwrap_or(&1) as f64;

    let (legend_markup, legend_bottom) = legend(&id, series);
    let plot_top = legend_bottom + 10.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let plot_left = text_width(&ticks.last().unwrap_or(&0).to_string(), FONT) + 8.0;
    let band = (WIDTH - 2.0 - plot_left) / labels.len() as f64;
    let y_of = |value: u64| round2(plot_bottom - value as f64 / scale_top * PLOT_HEIGHT);
    let label_width = |text: &str| text_width(text, FONT) + LABEL_GAP;
    let x_ticks = match &months {
        Some(months) => month_ticks(months, band, label_width),
        None => category_ticks(labels, band, label_width),
    };
    let height = plot_bottom + 8.0 + FONT;

    let desc = describe(labels, &tooltip_labels, series, stacked, scale_top);
    let mut out = open_svg(&id, "column", height, title, &desc, false);
    out.push_str(&legend_markup);
    out.push_str(&pattern_defs(&id, series));
    out.push_str(&value_axis(&ticks, plot_left, &y_of));
    out.push_str(&columns(
        &id,
        series,
        &tooltip_labels,
        stacked,
        plot_left,
        band,
        &y_of,
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

fn value_axis(ticks: &[u64], plot_left: f64, y_of: &impl Fn(u64) -> f64) -> String {
    let mut grid =
        String::from("<g class=\"chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.2\">");
    let mut labels = String::from(
        "<g class=\"chart-axis chart-label\" fill=\"currentColor\" text-anchor=\"end\">",
    );
    for &tick in ticks {
        let y = num(y_of(tick));
        let _ = write!(
            grid,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>",
            num(plot_left),
            num(WIDTH)
        );
        let _ = write!(
            labels,
            "<text x=\"{}\" y=\"{}\">{tick}</text>",
            num(plot_left - 5.0),
            num(y_of(tick) + FONT * 0.35)
        );
    }
    grid.push_str("</g>");
    labels.push_str("</g>");
    grid + &labels
}

fn columns(
    id: &str,
    series: &[Series],
    tooltip_labels: &[String],
    stacked: bool,
    plot_left: f64,
    band: f64,
    y_of: &impl Fn(u64) -> f64,
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
            if value == 0 {
                continue;
            }
            let (base, x_offset) = if stacked {
                (stacked_base(series, position, index), 0.0)
            } else {
                (0, position as f64 * slot)
            };
            let top = y_of(base.saturating_add(value));
            let _ = write!(
                out,
                "<rect class=\"chart-mark\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}>\
<title>{}: {value} {}</title></rect>",
                num(plot_left + index as f64 * band + gap / 2.0 + x_offset),
                num(top),
                num(slot),
                num(y_of(base) - top),
                mark_paint(id, position, (slot / 4.0).min(1.0)),
                escape(label),
                escape(&s.name)
            );
        }
        out.push_str("</g>");
    }
    out
}

fn category_axis(ticks: &[Tick], plot_left: f64, band: f64, plot_bottom: f64) -> String {
    let mut out = format!(
        "<g class=\"chart-axis\" stroke=\"currentColor\"><line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>",
        num(plot_left),
        num(WIDTH),
        y = num(plot_bottom)
    );
    let mut labels = String::from(
        "<g class=\"chart-axis chart-label\" fill=\"currentColor\" text-anchor=\"middle\">",
    );
    for tick in ticks {
        let x = plot_left + (tick.index as f64 + 0.5) * band;
        let tick_length = if tick.text.is_some() { 5.0 } else { 3.0 };
        let _ = write!(
            out,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\"/>",
            num(plot_bottom),
            num(plot_bottom + tick_length),
            x = num(x)
        );
        if let Some(text) = &tick.text {
            // Labels at the very ends would hang off the viewBox; nudge them inside.
            let half = text_width(text, FONT) / 2.0;
            let x = x.clamp(half, WIDTH - half);
            let _ = write!(
                labels,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                num(x),
                num(plot_bottom + 5.0 + FONT),
                escape(text)
            );
        }
    }
    out.push_str("</g>");
    labels.push_str("</g>");
    out + &labels
}

/// The text a screen reader gives for the chart: the span, each series' peak and how
/// the columns are arranged.
fn describe(
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

#[cfg(test)]
mod tests {
    use super::super::{month_label, month_range};
    use super::*;

    fn months(from: (i16, i8), to: (i16, i8)) -> Vec<String> {
        month_range(from, to)
            .into_iter()
            .map(|(y, m)| month_label(y, m))
            .collect()
    }

    fn series(name: &str, class: &str, values: Vec<u64>) -> Series {
        Series {
            name: name.into(),
            class: class.into(),
            values,
        }
    }

    fn fatalities(n: usize) -> Vec<Series> {
        vec![
            series(
                "independent",
                "independent",
                (0..n as u64).map(|i| i * 7 % 23).collect(),
            ),
            series(
                "claimed by a party",
                "claimed",
                (0..n as u64).map(|i| i * 5 % 11).collect(),
            ),
        ]
    }

    /// A data mark as drawn: x, y, height, its series' class and its tooltip.
    struct Mark {
        x: String,
        y: f64,
        height: f64,
        class: String,
        tooltip: String,
    }

    fn marks(svg: &str) -> Vec<Mark> {
        let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("chart-mark"))
            .map(|n| {
                let f = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
                Mark {
                    x: n.attribute("x").unwrap().to_string(),
                    y: f("y"),
                    height: f("height"),
                    class: n.parent().unwrap().attribute("class").unwrap().to_string(),
                    tooltip: n.first_element_child().unwrap().text().unwrap().to_string(),
                }
            })
            .collect()
    }

    #[test]
    fn ten_years_of_months_label_far_fewer_than_120_ticks() {
        let labels = months((2016, 1), (2025, 12));
        let svg = column_chart("Incidents per month", &labels, &fatalities(120), false);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let axis_texts: Vec<&str> = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("text")
                    && n.parent().unwrap().attribute("class") == Some("chart-axis chart-label")
            })
            .filter_map(|n| n.text())
            .filter(|t| t.len() == 4 && t.starts_with("20"))
            .collect();
        assert!(
            !axis_texts.is_empty() && axis_texts.len() <= 10,
            "{axis_texts:?}"
        );
        assert!(!svg.contains(">Mar 2016<"));
        assert!(svg.contains("<title>March 2016: "));
    }

    #[test]
    fn stacked_parts_add_up_to_the_scale() {
        let labels = months((2024, 1), (2025, 12));
        let data = fatalities(labels.len());
        let svg = column_chart("Fatalities per month", &labels, &data, true);
        let highest = (0..labels.len())
            .map(|i| value_at(&data[0], i) + value_at(&data[1], i))
            .max()
            .unwrap();
        let top = *nice_ticks(highest).last().unwrap() as f64;
        let marks = marks(&svg);
        let xs: std::collections::BTreeSet<&String> = marks.iter().map(|m| &m.x).collect();
        assert_eq!(
            xs.len(),
            labels.len() - 1,
            "one month is all zeros and has no column"
        );
        for x in xs {
            let parts: Vec<&Mark> = marks.iter().filter(|m| &m.x == x).collect();
            let month = month_range((2024, 1), (2025, 12))
                .into_iter()
                .position(|(y, m)| {
                    parts[0]
                        .tooltip
                        .starts_with(&format!("{}: ", month_long_label(y, m)))
                })
                .expect("tooltip names its month");
            let total: f64 = parts.iter().map(|p| p.height).sum();
            let expected =
                (value_at(&data[0], month) + value_at(&data[1], month)) as f64 / top * PLOT_HEIGHT;
            assert!(
                (total - expected).abs() < 0.02,
                "{}: {total} vs {expected}",
                labels[month]
            );
            if let [bottom, upper] = parts.as_slice() {
                assert!(bottom.class.ends_with("chart-series-independent"));
                assert!(upper.class.ends_with("chart-series-claimed"));
                assert!(
                    (upper.y + upper.height - bottom.y).abs() < 1e-9,
                    "parts must touch"
                );
            }
        }
    }

    #[test]
    fn stacked_column_heights_match_values_exactly() {
        let labels = months((2025, 1), (2025, 2));
        let data = vec![
            series("independent", "independent", vec![30, 10]),
            series("claimed", "claimed", vec![20, 0]),
        ];
        let svg = column_chart("t", &labels, &data, true);
        let heights: Vec<f64> = marks(&svg).iter().map(|m| m.height).collect();
        // Scale 0–50: 30 + 20 fill the plot, 10 is a fifth of it.
        assert_eq!(heights, vec![90.0, 30.0, 60.0]);
    }

    #[test]
    fn every_series_has_a_legend_entry_and_its_class() {
        let labels = months((2025, 1), (2025, 6));
        let mut data = fatalities(6);
        data.push(series("unknown source", "unsourced", vec![0; 6]));
        let svg = column_chart("Fatalities", &labels, &data, true);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let legend = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("chart-legend"))
            .unwrap();
        let names: Vec<&str> = legend
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            names,
            vec!["independent", "claimed by a party", "unknown source"]
        );
        for class in [
            "chart-series-independent",
            "chart-series-claimed",
            "chart-series-unsourced",
            "chart-axis",
            "chart-grid",
            "chart-label",
        ] {
            assert!(svg.contains(class), "missing {class}");
        }
    }

    #[test]
    fn claimed_figures_are_told_apart_by_more_than_colour() {
        let labels = months((2025, 1), (2025, 3));
        let svg = column_chart("Fatalities", &labels, &fatalities(3), true);
        assert!(svg.contains("<pattern id="));
        assert!(svg.contains("fill=\"url(#chart-"));
    }

    #[test]
    fn is_accessible_and_scales_to_the_screen() {
        let labels = months((2025, 1), (2025, 3));
        let svg = column_chart("Incidents", &labels, &fatalities(3), false);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert_eq!(root.attribute("width"), Some("100%"));
        assert!(root.attribute("viewBox").is_some());
        for (attribute, tag) in [("aria-labelledby", "title"), ("aria-describedby", "desc")] {
            let target = root.attribute(attribute).unwrap();
            let node = doc
                .descendants()
                .find(|n| n.attribute("id") == Some(target))
                .unwrap();
            assert!(node.has_tag_name(tag));
        }
        assert!(svg.contains("<title>February 2025: "));
    }

    #[test]
    fn empty_data_says_no_data() {
        for svg in [
            column_chart("Incidents", &[], &[], false),
            column_chart("Incidents", &months((2025, 1), (2025, 2)), &[], true),
            column_chart(
                "Incidents",
                &months((2025, 1), (2025, 2)),
                &[series("a", "a", vec![0, 0])],
                true,
            ),
        ] {
            assert!(svg.contains(">No data<"));
            assert!(!svg.contains("NaN") && !svg.contains("inf"));
            roxmltree::Document::parse(&svg).unwrap();
        }
    }

    #[test]
    fn output_is_deterministic_and_free_of_non_numbers() {
        let labels = months((2016, 1), (2025, 12));
        let a = column_chart("Fatalities", &labels, &fatalities(120), true);
        let b = column_chart("Fatalities", &labels, &fatalities(120), true);
        assert_eq!(a, b);
        assert!(!a.contains("NaN") && !a.contains("inf"));
    }

    #[test]
    fn hostile_names_are_escaped() {
        let labels = vec![
            "<script>alert(1)</script>".to_string(),
            "a'b\"c&d".to_string(),
        ];
        let data = vec![series(
            "<img src=x onerror=alert(1)>",
            "x\" onload=\"alert(1)",
            vec![1, 2],
        )];
        let svg = column_chart("</title><script>", &labels, &data, false);
        assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("onload=\""));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("a&#39;b&quot;c&amp;d"));
        roxmltree::Document::parse(&svg).expect("still well-formed");
    }
}
