//! The stats page's words in the site's language: headings, table columns and series
//! from the catalogue's `stats_charts` section, and the charts' own words for the drawing
//! code, which knows no catalogue.

use crate::draw::charts::{ChartWords, Series};
use crate::i18n::Entry;
use crate::site_context::SiteContext;

/// What the charts of this site write, in its language.
pub(super) fn chart_words<'a>(cx: &'a SiteContext) -> ChartWords<'a> {
    let words = cx.words;
    let counted = move |key: &'static str| {
        Box::new(move |n: usize| words.plural(key, n as u64).unwrap_or_default())
    };
    ChartWords {
        months_short: std::array::from_fn(|m| month_short(cx, m)),
        months: std::array::from_fn(|m| words.month(m as i8 + 1)),
        no_data: text(cx, "no_data"),
        separator: text(cx, "separator"),
        tooltip: text(cx, "tooltip"),
        value: text(cx, "value"),
        row: text(cx, "row"),
        bars: text(cx, "bars"),
        one_column: text(cx, "one_column"),
        columns: text(cx, "columns"),
        highest: text(cx, "highest"),
        none: text(cx, "none"),
        stacked: text(cx, "stacked"),
        scale: text(cx, "scale"),
        unknown: text(cx, "unknown"),
        unknown_value: text(cx, "unknown_value"),
        unknown_in: text(cx, "unknown_in"),
        bar_count: counted("counts.chart_bars"),
        column_count: counted("counts.chart_columns"),
    }
}

/// The abbreviation of month `index` (0 for January) from `date.months_short`.
fn month_short<'a>(cx: &'a SiteContext, index: usize) -> &'a str {
    match cx.words.tree.at("date.months_short") {
        Some(Entry::List(names)) => names.get(index).map_or("", String::as_str),
        _ => "",
    }
}

/// The string at `stats_charts.KEY`.
pub(super) fn text<'a>(cx: &'a SiteContext, key: &str) -> &'a str {
    cx.words.text(&format!("stats_charts.{key}"))
}

/// The note under a chart, at `stats_charts.KEY`, when the catalogue has one.
pub(super) fn note(cx: &SiteContext, key: &str) -> Option<String> {
    let text = text(cx, key);
    (!text.is_empty()).then(|| text.to_string())
}

/// The one series of a chart of deaths: the editors' estimates, `None` where not known.
pub(super) fn killed_series(cx: &SiteContext, killed: &[Option<u64>]) -> Vec<Series> {
    vec![Series {
        name: text(cx, "series_estimate").into(),
        class: "independent".into(),
        values: killed.iter().map(|k| k.unwrap_or(0)).collect(),
        unknown: killed.iter().map(Option::is_none).collect(),
    }]
}

/// The one series of a chart of incidents.
pub(super) fn incidents_series(cx: &SiteContext, values: Vec<u64>) -> Vec<Series> {
    vec![Series {
        name: text(cx, "series_incidents").into(),
        class: "incidents".into(),
        values,
        unknown: Vec::new(),
    }]
}
