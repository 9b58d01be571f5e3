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

/// How to read a chart of deaths: what is solid and what is hatched.
pub(super) fn killed_note(cx: &SiteContext) -> Option<String> {
    Some(text(cx, "killed_note").to_string())
}

/// The two series of a chart of deaths: the editors' estimate, then party claims.
pub(super) fn killed_series(
    cx: &SiteContext,
    independent: Vec<u64>,
    claimed: Vec<u64>,
) -> Vec<Series> {
    vec![
        Series {
            name: text(cx, "series_estimate").into(),
            class: "independent".into(),
            values: independent,
        },
        Series {
            name: text(cx, "series_claim").into(),
            class: "claimed".into(),
            values: claimed,
        },
    ]
}

/// The one series of a chart of incidents.
pub(super) fn incidents_series(cx: &SiteContext, values: Vec<u64>) -> Vec<Series> {
    vec![Series {
        name: text(cx, "series_incidents").into(),
        class: "incidents".into(),
        values,
    }]
}
