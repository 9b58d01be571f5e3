//! What the `/stats/` page counts: incidents and people killed per month, by group, by
//! region and by confidence grade (once some report is graded), and incidents by event
//! type, each as a chart with the same numbers in a table.
//!
//! The counting rules live in [`tally`]: deaths are the editors' estimates and nothing
//! else, a figure is counted once in any total, and a month, group or region whose
//! reports give no estimate shows "not known", never 0. A chart that puts one report in
//! several bars says so under it.

mod by_grade;
mod tally;
mod words;

use serde::Serialize;

use crate::domain::vocabulary::EventType;
use crate::draw::charts::{bar_chart, column_chart, month_label, month_range, Series};
use crate::placeholders::fill as fill_text;
use crate::site_context::SiteContext;

use tally::Tally;
use words::{chart_words, incidents_series, killed_series, note, text};

/// Bar charts show this many rows at most; the table beside them has every row.
const BAR_ROWS: usize = 15;

/// One chart of the stats page and its table.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// Anchor of the chart's section.
    pub id: &'static str,
    /// The section heading, which the chart's own title repeats.
    pub heading: String,
    /// The inline `<svg>`.
    pub svg: String,
    /// How to read it, when the counting rule needs saying.
    pub note: Option<String>,
    /// The same numbers as a table.
    pub table: TableView,
}

/// A chart's numbers as rows.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// Column headings, the row label's first.
    pub columns: Vec<String>,
    /// One row per label.
    pub rows: Vec<RowView>,
}

/// One row of a chart's table.
#[derive(Debug, Serialize)]
pub struct RowView {
    /// The label.
    pub label: String,
    /// Its page, when it has one.
    pub url: Option<String>,
    /// One value per column after the label; `None` where the figure is not known, which
    /// the page shows as a dash and never as 0.
    pub values: Vec<Option<u64>>,
}

/// Every chart of the stats page, over the listed reports.
pub fn charts(cx: &SiteContext) -> Vec<ChartView> {
    let [incidents_month, killed_month] = month_charts(cx);
    let [incidents_group, killed_group] = group_charts(cx);
    let [incidents_region, killed_region] = region_charts(cx);
    let mut charts = vec![
        incidents_month,
        killed_month,
        incidents_group,
        killed_group,
        incidents_region,
        killed_region,
        type_chart(cx),
    ];
    charts.extend(by_grade::charts(cx).into_iter().flatten());
    charts
}

/// Every month from the oldest listed report's to the newest's, the empty ones included,
/// so that a quiet month shows as a gap and not as no month at all.
fn months(cx: &SiteContext) -> Vec<(i16, i8)> {
    let incidents = &cx.site.incidents;
    match (cx.index.listed.last(), cx.index.listed.first()) {
        (Some(&oldest), Some(&newest)) => {
            let month = |i: usize| (incidents[i].date.year(), incidents[i].date.month());
            month_range(month(oldest), month(newest))
        }
        _ => Vec::new(),
    }
}

/// The headings of a table of deaths, after its label column's.
fn killed_columns(cx: &SiteContext) -> Vec<String> {
    ["reports", "estimate", "claim_only", "no_figure"]
        .iter()
        .map(|key| text(cx, key).to_string())
        .collect()
}

/// A tally as a row of a table of deaths: its reports, the estimate (not known where no
/// report has one), then the reports without an estimate, by what they have instead.
fn killed_cells(tally: &Tally) -> Vec<Option<u64>> {
    vec![
        Some(tally.reports),
        tally.killed(),
        Some(tally.claim_only),
        Some(tally.unknown),
    ]
}

/// Incidents per month and people killed per month, as column charts.
fn month_charts(cx: &SiteContext) -> [ChartView; 2] {
    let months = months(cx);
    let tallies = tally::by_month(&cx.site.incidents, &cx.index.listed, &months);
    let words = chart_words(cx);
    let labels: Vec<String> = months
        .iter()
        .map(|&(y, m)| month_label(y, m, &words))
        .collect();
    // Newest first, as every list of the site is.
    let rows = |cells: &dyn Fn(&Tally) -> Vec<Option<u64>>| -> Vec<RowView> {
        (0..months.len())
            .rev()
            .map(|k| RowView {
                label: labels[k].clone(),
                url: Some(crate::lists::month_url(cx, months[k].0, months[k].1)),
                values: cells(&tallies[k]),
            })
            .collect()
    };

    let series = incidents_series(cx, tallies.iter().map(|t| t.reports).collect());
    let heading = text(cx, "incidents_per_month");
    let incidents = ChartView {
        id: "incidents-per-month",
        heading: heading.into(),
        svg: column_chart(heading, &labels, &series, false, &words),
        note: None,
        table: TableView {
            columns: vec![text(cx, "month").into(), text(cx, "incidents").into()],
            rows: rows(&|t| vec![Some(t.reports)]),
        },
    };
    // A month with reports but no estimate is not known; one with no report is empty.
    let killed: Vec<Option<u64>> = tallies
        .iter()
        .map(|t| if t.reports > 0 { t.killed() } else { Some(0) })
        .collect();
    let series = killed_series(cx, &killed);
    let heading = text(cx, "killed_per_month");
    let killed = ChartView {
        id: "killed-per-month",
        heading: heading.into(),
        svg: column_chart(heading, &labels, &series, false, &words),
        note: note(cx, "note_killed_month"),
        table: TableView {
            columns: std::iter::once(text(cx, "month").to_string())
                .chain(killed_columns(cx))
                .collect(),
            rows: rows(&killed_cells),
        },
    };
    [incidents, killed]
}

/// One row of a bar chart's table, with what its bar shows.
struct BarRow {
    label: String,
    url: Option<String>,
    /// The bar's value; `None` when it is not known.
    bar: Option<u64>,
    /// The table's cells.
    cells: Vec<Option<u64>>,
}

/// What a bar chart is, besides its rows.
struct BarSpec {
    /// The section's anchor.
    id: &'static str,
    /// `stats_charts` keys of the heading and of the label column's heading.
    heading: &'static str,
    label_heading: &'static str,
    /// Headings of the table's columns after the label's.
    columns: Vec<String>,
    /// How to read it.
    note: Option<String>,
    /// Whether the rows keep their order (a scale's) instead of going largest first.
    ordered: bool,
}

/// Incidents by group (any role), and people killed by group (as perpetrator).
fn group_charts(cx: &SiteContext) -> [ChartView; 2] {
    let index = cx.index;
    let groups = cx.site.registry.groups.len();
    let tallies = tally::by_group(&cx.site.incidents, &index.listed, groups);
    let (mut incidents, mut killed) = (Vec::new(), Vec::new());
    for (g, tally) in tallies.iter().enumerate() {
        if index.by_group[g].is_empty() && tally.reports == 0 {
            continue;
        }
        let link = cx.group_link(g);
        if !index.by_group[g].is_empty() {
            let n = index.by_group[g].len() as u64;
            incidents.push(BarRow {
                label: link.name.clone(),
                url: Some(link.url.clone()),
                bar: Some(n),
                cells: vec![Some(n)],
            });
        }
        if tally.reports > 0 {
            killed.push(BarRow {
                label: link.name,
                url: Some(link.url),
                bar: tally.killed(),
                cells: killed_cells(tally),
            });
        }
    }
    incidents_and_killed(
        cx,
        ("group", "by_group", "killed_by_group"),
        ["incidents-by-group", "killed-by-group"],
        (incidents, killed),
        false,
    )
}

/// Incidents by region, and people killed by region (shared as the events export does).
fn region_charts(cx: &SiteContext) -> [ChartView; 2] {
    let registry = &cx.site.registry;
    let shape: Vec<usize> = registry.countries.iter().map(|c| c.regions.len()).collect();
    let tallies = tally::by_region(&cx.site.incidents, &cx.index.listed, &shape);
    let (mut incidents, mut killed) = (Vec::new(), Vec::new());
    for (c, country) in registry.countries.iter().enumerate() {
        for (r, tally) in tallies[c].iter().enumerate() {
            let n = cx.index.by_region[c][r].len() as u64;
            if n == 0 && tally.reports == 0 {
                continue;
            }
            let link = cx.region_link((c, r));
            let name = fill_text(
                text(cx, "region_in_country"),
                &[("region", &link.name), ("country", &country.name)],
            );
            incidents.push(BarRow {
                label: name.clone(),
                url: Some(link.url.clone()),
                bar: Some(n),
                cells: vec![Some(n)],
            });
            killed.push(BarRow {
                label: name,
                url: Some(link.url),
                bar: tally.killed(),
                cells: killed_cells(tally),
            });
        }
    }
    incidents_and_killed(
        cx,
        ("region", "by_region", "killed_by_region"),
        ["incidents-by-region", "killed-by-region"],
        (incidents, killed),
        false,
    )
}

/// The pair of bar charts of one breakdown, incidents then people killed: `keys` are the
/// `stats_charts` keys of the label column's heading and of each chart's heading (a note
/// under a chart is at `note_` and its heading's key), `ids` the charts' anchors;
/// `ordered` keeps the rows in the order given (a scale's) rather than largest first.
fn incidents_and_killed(
    cx: &SiteContext,
    (label_heading, incidents_key, killed_key): (&'static str, &'static str, &'static str),
    ids: [&'static str; 2],
    (incidents, killed): (Vec<BarRow>, Vec<BarRow>),
    ordered: bool,
) -> [ChartView; 2] {
    let spec = |id, heading: &'static str, columns| BarSpec {
        id,
        heading,
        label_heading,
        columns,
        note: note(cx, &format!("note_{heading}")),
        ordered,
    };
    let incidents_columns = vec![text(cx, "incidents").to_string()];
    [
        bar_view(
            cx,
            spec(ids[0], incidents_key, incidents_columns),
            incidents,
            |values, _| incidents_series(cx, values),
        ),
        bar_view(
            cx,
            spec(ids[1], killed_key, killed_columns(cx)),
            killed,
            |values, unknown| {
                let values: Vec<Option<u64>> = values
                    .into_iter()
                    .zip(unknown)
                    .map(|(value, unknown)| (!unknown).then_some(value))
                    .collect();
                killed_series(cx, &values)
            },
        ),
    ]
}

/// Incidents by event type.
fn type_chart(cx: &SiteContext) -> ChartView {
    let index = cx.index;
    let types: Vec<BarRow> = EventType::ALL
        .iter()
        .enumerate()
        .filter(|(t, _)| !index.by_type[*t].is_empty())
        .map(|(t, event_type)| {
            let n = index.by_type[t].len() as u64;
            BarRow {
                label: cx.event_type_name(*event_type),
                url: Some(cx.urls.event_type(&event_type.slug())),
                bar: Some(n),
                cells: vec![Some(n)],
            }
        })
        .collect();
    let spec = BarSpec {
        id: "incidents-by-type",
        heading: "by_type",
        label_heading: "event_type",
        columns: vec![text(cx, "incidents").into()],
        note: None,
        ordered: false,
    };
    bar_view(cx, spec, types, |values, _| incidents_series(cx, values))
}

/// A bar chart of the largest rows and a table of every row, largest first; rows whose
/// bar is not known come after those with a value. `to_series` makes the chart's series
/// from the shown rows' values and whether each is unknown.
fn bar_view(
    cx: &SiteContext,
    spec: BarSpec,
    mut rows: Vec<BarRow>,
    to_series: impl Fn(Vec<u64>, Vec<bool>) -> Vec<Series>,
) -> ChartView {
    let (heading, label_heading) = (text(cx, spec.heading), text(cx, spec.label_heading));
    if !spec.ordered {
        rows.sort_by(|a, b| {
            let key = |row: &BarRow| (row.bar.is_some(), row.bar.unwrap_or(0));
            key(b).cmp(&key(a)).then_with(|| a.label.cmp(&b.label))
        });
    }
    let shown = &rows[..rows.len().min(BAR_ROWS)];
    let labels: Vec<String> = shown.iter().map(|row| row.label.clone()).collect();
    let hrefs: Vec<Option<String>> = shown.iter().map(|row| row.url.clone()).collect();
    let series = to_series(
        shown.iter().map(|row| row.bar.unwrap_or(0)).collect(),
        shown.iter().map(|row| row.bar.is_none()).collect(),
    );
    let title = if rows.len() > shown.len() {
        let n = shown.len().to_string();
        fill_text(text(cx, "largest"), &[("heading", heading), ("n", &n)])
    } else {
        heading.to_string()
    };
    ChartView {
        id: spec.id,
        heading: heading.to_string(),
        svg: bar_chart(&title, &labels, &hrefs, &series, false, &chart_words(cx)),
        note: spec.note,
        table: TableView {
            columns: std::iter::once(label_heading.to_string())
                .chain(spec.columns)
                .collect(),
            rows: rows
                .into_iter()
                .map(|row| RowView {
                    label: row.label,
                    url: row.url,
                    values: row.cells,
                })
                .collect(),
        },
    }
}
