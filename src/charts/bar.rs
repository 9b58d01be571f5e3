//! Horizontal bars for categories (groups, regions, event types), where names need room
//! to be read and each can link to its own page.

use std::fmt::Write;

use super::svg::{
    chart_id, escape, fit_text, has_no_data, legend, mark_paint, no_data_chart, num,
    open_series_group, open_svg, pattern_defs, stacked_base, text_width, value_at, FONT, WIDTH,
};
use super::Series;

/// Names longer than this share of the width are shortened, so bars keep room on a phone.
const MAX_LABEL_SHARE: f64 = 0.4;

/// A bar chart: one row per label, the label left of its bar (a link when its `hrefs`
/// entry is `Some`), the value printed at the bar's end, and a legend.
///
/// With `stacked`, the series share one bar, the first on the left (independent figures
/// first, party-claimed after), and the printed value lists each part ("40 + 12") so a
/// claim is never folded silently into a total; otherwise each series gets its own thin
/// bar. As in [`column_chart`](super::column_chart), later series are hatched, tooltips
/// read "JNIM: 40 incidents", and missing values count as zero. `hrefs` should hold site
/// URLs; they are escaped but not checked. Long names are shortened with an ellipsis and
/// keep their full text as a tooltip. No labels, no series or only zeros give a "No data"
/// chart.
pub fn bar_chart(
    title: &str,
    labels: &[String],
    hrefs: &[Option<String>],
    series: &[Series],
    stacked: bool,
) -> String {
    if has_no_data(labels, series) {
        return no_data_chart("bar", title);
    }
    let id = chart_id("bar", title, labels, series);
    let grouped = !stacked && series.len() > 1;
    let (bar_height, row_height) = if grouped {
        (10.0, series.len() as f64 * 11.0 + 8.0)
    } else {
        (16.0, 24.0)
    };

    let value_texts: Vec<Vec<String>> = (0..labels.len())
        .map(|i| row_value_texts(series, i, stacked))
        .collect();
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
    let bars_span = WIDTH - bars_left - value_room;
    let scale_top = (0..labels.len())
        .map(|i| row_extent(series, i, stacked))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let x_of = |value: u64| round2(bars_left + value as f64 / scale_top * bars_span);

    let (legend_markup, legend_bottom) = legend(&id, series);
    let rows_top = legend_bottom + 6.0;
    let row_top = |i: usize| rows_top + i as f64 * row_height;
    let height = row_top(labels.len()) + 4.0;

    let has_links = hrefs.iter().any(Option::is_some);
    let mut out = open_svg(
        &id,
        "bar",
        height,
        title,
        &describe(labels, series),
        has_links,
    );
    out.push_str(&legend_markup);
    out.push_str(&pattern_defs(&id, series));

    // Marks are drawn one series at a time so each sits in its series' colour group.
    for (position, s) in series.iter().enumerate() {
        out.push_str(&open_series_group(s, position));
        for (index, label) in labels.iter().enumerate() {
            let value = value_at(s, index);
            if value == 0 {
                continue;
            }
            let (start, y) = if stacked {
                (
                    stacked_base(series, position, index),
                    row_top(index) + (row_height - bar_height) / 2.0,
                )
            } else {
                let slot = if grouped { position as f64 * 11.0 } else { 0.0 };
                (0, row_top(index) + 4.0 + slot)
            };
            let x = x_of(start);
            let _ = write!(
                out,
                "<rect class=\"chart-mark\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}>\
<title>{}: {value} {}</title></rect>",
                num(x),
                num(y),
                num(x_of(start.saturating_add(value)) - x),
                num(bar_height),
                mark_paint(&id, position, 1.0),
                escape(label),
                escape(&s.name)
            );
        }
        out.push_str("</g>");
    }

    let rows_bottom = row_top(labels.len());
    let _ = write!(
        out,
        "<g class=\"chart-axis\" stroke=\"currentColor\"><line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\"/></g>",
        num(rows_top),
        num(rows_bottom - 2.0),
        x = num(bars_left)
    );

    out.push_str("<g class=\"chart-label\" fill=\"currentColor\">");
    for (index, label) in labels.iter().enumerate() {
        let centre = row_top(index) + row_height / 2.0;
        let href = hrefs.get(index).and_then(Option::as_ref);
        out.push_str(&category_label(label, href, label_width, centre));
        for (n, text) in value_texts[index].iter().enumerate() {
            let (end, y) = if grouped {
                let bar_centre = row_top(index) + 4.0 + n as f64 * 11.0 + bar_height / 2.0;
                (value_at(&series[n], index), bar_centre)
            } else {
                (row_extent(series, index, stacked), centre)
            };
            let _ = write!(
                out,
                "<text class=\"chart-value\" x=\"{}\" y=\"{}\">{}</text>",
                num(x_of(end) + 4.0),
                num(y + FONT * 0.35),
                escape(text)
            );
        }
    }
    out.push_str("</g></svg>");
    out
}

/// Rounds like [`num`] prints, so stacked parts computed from rounded edges meet exactly.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// How far a row's marks reach: the parts together when stacked, the longest otherwise.
fn row_extent(series: &[Series], index: usize, stacked: bool) -> u64 {
    let values = series.iter().map(|s| value_at(s, index));
    if stacked {
        values.fold(0, u64::saturating_add)
    } else {
        values.max().unwrap_or(0)
    }
}

/// The printed values of a row: one text per bar, or one listing every stacked part.
fn row_value_texts(series: &[Series], index: usize, stacked: bool) -> Vec<String> {
    let values = series.iter().map(|s| value_at(s, index).to_string());
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
fn describe(labels: &[String], series: &[Series]) -> String {
    let rows: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let parts: Vec<String> = series
                .iter()
                .map(|s| format!("{} {}", value_at(s, i), s.name))
                .collect();
            format!("{label}: {}.", parts.join(", "))
        })
        .collect();
    format!("{} bars. {}", labels.len(), rows.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, class: &str, values: Vec<u64>) -> Series {
        Series {
            name: name.into(),
            class: class.into(),
            values,
        }
    }

    #[test]
    fn a_chart_with_links_is_a_group_not_an_image() {
        let labels = vec!["JNIM".to_string()];
        let values = [series("incidents", "incidents", vec![3])];
        let linked = bar_chart("By group", &labels, &[Some("/g/".into())], &values, false);
        assert!(linked.contains(r#"role="group""#) && !linked.contains(r#"role="img""#));
        let plain = bar_chart("By group", &labels, &[None], &values, false);
        assert!(plain.contains(r#"role="img""#));
    }

    fn groups() -> (Vec<String>, Vec<Option<String>>, Vec<Series>) {
        let labels = vec![
            "JNIM".to_string(),
            "Islamic State Sahel Province".into(),
            "FAMa".into(),
        ];
        let hrefs = vec![
            Some("/groups/jnim/".to_string()),
            None,
            Some("/groups/fama/".into()),
        ];
        let data = vec![
            series("independent", "independent", vec![40, 25, 0]),
            series("claimed", "claimed", vec![12, 0, 3]),
        ];
        (labels, hrefs, data)
    }

    fn widths(svg: &str) -> Vec<f64> {
        let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("chart-mark"))
            .map(|n| n.attribute("width").unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn labels_link_where_an_href_is_given() {
        let (labels, hrefs, data) = groups();
        let svg = bar_chart("Fatalities by group", &labels, &hrefs, &data, true);
        assert!(svg.contains("<a class=\"chart-link\" href=\"/groups/jnim/\""));
        assert_eq!(svg.matches("<a ").count(), 2);
    }

    #[test]
    fn stacked_values_list_each_part() {
        let (labels, hrefs, data) = groups();
        let svg = bar_chart("Fatalities by group", &labels, &hrefs, &data, true);
        assert!(svg.contains(">40 + 12</text>"));
        assert!(svg.contains(">0 + 3</text>"));
        assert!(svg.contains("<title>JNIM: 12 claimed</title>"));
    }

    #[test]
    fn stacked_bar_lengths_are_proportional() {
        let (labels, hrefs, data) = groups();
        let w = widths(&bar_chart("t", &labels, &hrefs, &data, true));
        // Marks: independent 40, 25; claimed 12, 3. The longest row (52) spans the plot.
        let unit = (w[0] + w[2]) / 52.0;
        for (width, value) in w.iter().zip([40.0, 25.0, 12.0, 3.0]) {
            assert!((width - value * unit).abs() < 0.03, "{width} vs {value}");
        }
    }

    #[test]
    fn side_by_side_bars_each_print_their_value() {
        let (labels, hrefs, data) = groups();
        let svg = bar_chart("t", &labels, &hrefs, &data, false);
        assert_eq!(svg.matches("class=\"chart-value\"").count(), 6);
        assert_eq!(widths(&svg).len(), 4);
    }

    #[test]
    fn long_names_are_shortened_but_kept_as_a_tooltip() {
        let (labels, hrefs, data) = groups();
        let svg = bar_chart("t", &labels, &hrefs, &data, true);
        assert!(svg.contains("<title>Islamic State Sahel Province</title>"));
        assert!(svg.contains('…'));
    }

    #[test]
    fn hostile_names_and_hrefs_are_escaped() {
        let labels = vec!["<b onmouseover='x'>&".to_string()];
        let hrefs = vec![Some("\"><script>alert(1)</script>".to_string())];
        let data = vec![series("<i>", "c", vec![1])];
        let svg = bar_chart("<t>", &labels, &hrefs, &data, false);
        assert!(!svg.contains("<script") && !svg.contains("<b ") && !svg.contains("<i>"));
        assert!(svg.contains("href=\"&quot;&gt;&lt;script&gt;"));
        roxmltree::Document::parse(&svg).expect("still well-formed");
    }

    #[test]
    fn empty_data_says_no_data() {
        let svg = bar_chart("By region", &[], &[], &[], false);
        assert!(svg.contains(">No data<") && svg.contains("role=\"img\""));
        let zeros = bar_chart(
            "By region",
            &["Gao".into()],
            &[None],
            &[series("a", "a", vec![0])],
            false,
        );
        assert!(zeros.contains(">No data<"));
    }

    #[test]
    fn output_is_deterministic_with_legend_and_classes() {
        let (labels, hrefs, data) = groups();
        let a = bar_chart("By group", &labels, &hrefs, &data, true);
        assert_eq!(a, bar_chart("By group", &labels, &hrefs, &data, true));
        for needle in [
            "chart-series-independent",
            "chart-series-claimed",
            "chart-axis",
            "chart-label",
            ">independent<",
            ">claimed<",
        ] {
            assert!(a.contains(needle), "missing {needle}");
        }
        assert_ne!(
            chart_id("bar", "By group", &labels, &data),
            chart_id("bar", "By region", &labels, &data)
        );
    }
}
