//! What the `/stats/` page counts: incidents and people killed per month, by group, by
//! region and by event type, each as a chart with the same numbers in a table.
//!
//! The counting rules live here and nowhere else. A report's deaths count as the editors'
//! estimate when it has one; a report with no estimate counts the lowest figure any party
//! claimed, kept in a series of its own, so a reader always sees which part of a bar rests
//! on a party's word. One party's figure for one day counts once however many reports
//! quote it.

mod words;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::domain::model::{Incident, Party};
use crate::domain::vocabulary::{EventType, Who};
use crate::draw::charts::{bar_chart, column_chart, month_label, month_range, Series};
use crate::site_context::SiteContext;

use crate::placeholders::fill as fill_text;
use words::{chart_words, incidents_series, killed_note, killed_series, text};

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
    /// One value per series.
    pub values: Vec<u64>,
}

/// The deaths a report counts for: the editors' estimate when there is one, or else the
/// lowest figure a party claimed, with what identifies that claim.
enum Killed<'a> {
    Estimate(u64),
    Claim(ClaimKey<'a>),
    Unknown,
}

/// A claim as the same statement would appear in several reports: the day, who claimed
/// it, who was counted and the figure. A party's one statement quoted by two reports
/// (an attack and the counter-attack it provoked) must not count twice.
#[derive(Clone, PartialEq, Eq, Hash)]
struct ClaimKey<'a> {
    date: jiff::civil::Date,
    party: PartyKey<'a>,
    who: Who,
    count: u64,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum PartyKey<'a> {
    Group(usize),
    Named(&'a str),
}

fn killed(incident: &Incident) -> Killed<'_> {
    let Some(figures) = &incident.fatalities else {
        return Killed::Unknown;
    };
    if let Some(best) = figures.best {
        return Killed::Estimate(u64::from(best));
    }
    figures
        .claims
        .iter()
        .min_by_key(|claim| claim.count)
        .map_or(Killed::Unknown, |claim| {
            Killed::Claim(ClaimKey {
                date: incident.date,
                party: match &claim.by {
                    Party::Group(g) => PartyKey::Group(*g),
                    Party::Named(name) => PartyKey::Named(name),
                },
                who: claim.who,
                count: u64::from(claim.count),
            })
        })
}

/// Sums deaths over reports: estimates as they are, claims once per distinct claim.
#[derive(Default)]
struct KilledSum<'a> {
    independent: u64,
    claimed: u64,
    seen: HashSet<ClaimKey<'a>>,
}

impl<'a> KilledSum<'a> {
    fn add(&mut self, incident: &'a Incident) {
        match killed(incident) {
            Killed::Estimate(n) => self.independent += n,
            Killed::Claim(key) => {
                if self.seen.insert(key.clone()) {
                    self.claimed += key.count;
                }
            }
            Killed::Unknown => {}
        }
    }
}

/// Every chart of the stats page, over the listed reports.
pub fn charts(cx: &SiteContext) -> Vec<ChartView> {
    let mut charts = month_charts(cx);
    charts.push(group_chart(cx));
    charts.extend(region_charts(cx));
    charts.push(type_chart(cx));
    charts
}

/// A bar chart's rows: label, page, and the values of each series.
type BarRows = Vec<(String, Option<String>, Vec<u64>)>;

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

/// Incidents and deaths in each of `months`.
fn count_by_month<'a>(
    cx: &SiteContext<'a>,
    months: &[(i16, i8)],
) -> (Vec<u64>, Vec<KilledSum<'a>>) {
    let incidents = &cx.site.incidents;
    let month_at: HashMap<(i16, i8), usize> =
        months.iter().enumerate().map(|(k, &m)| (m, k)).collect();
    let mut per_month = vec![0u64; months.len()];
    let mut killed_month: Vec<KilledSum> = months.iter().map(|_| KilledSum::default()).collect();
    for &i in &cx.index.listed {
        let date = incidents[i].date;
        let k = month_at[&(date.year(), date.month())];
        per_month[k] += 1;
        killed_month[k].add(&incidents[i]);
    }
    (per_month, killed_month)
}

/// Incidents per month and people killed per month, as column charts.
fn month_charts(cx: &SiteContext) -> Vec<ChartView> {
    let months = months(cx);
    let (per_month, killed_month) = count_by_month(cx, &months);
    let killed_month = (
        killed_month.iter().map(|sum| sum.independent).collect(),
        killed_month.iter().map(|sum| sum.claimed).collect(),
    );
    let words = chart_words(cx);
    let month_labels: Vec<String> = months
        .iter()
        .map(|&(y, m)| month_label(y, m, &words))
        .collect();
    let month_rows = |series: &[Series]| -> Vec<RowView> {
        month_labels
            .iter()
            .enumerate()
            .rev()
            .map(|(k, label)| RowView {
                label: label.clone(),
                url: Some(crate::lists::month_url(cx, months[k].0, months[k].1)),
                values: series.iter().map(|s| s.values[k]).collect(),
            })
            .collect()
    };

    let mut charts = Vec::new();
    let series = incidents_series(cx, per_month);
    let heading = text(cx, "incidents_per_month");
    charts.push(ChartView {
        id: "incidents-per-month",
        heading: heading.into(),
        svg: column_chart(heading, &month_labels, &series, false, &words),
        note: None,
        table: TableView {
            columns: vec![text(cx, "month").into(), text(cx, "incidents").into()],
            rows: month_rows(&series),
        },
    });
    let series = killed_series(cx, killed_month.0, killed_month.1);
    let heading = text(cx, "killed_per_month");
    charts.push(ChartView {
        id: "killed-per-month",
        heading: heading.into(),
        svg: column_chart(heading, &month_labels, &series, true, &words),
        note: killed_note(cx),
        table: TableView {
            columns: vec![
                text(cx, "month").into(),
                text(cx, "estimate").into(),
                text(cx, "claim_only").into(),
            ],
            rows: month_rows(&series),
        },
    });
    charts
}

/// Incidents by group.
fn group_chart(cx: &SiteContext) -> ChartView {
    let index = cx.index;
    let groups: BarRows = (0..cx.site.registry.groups.len())
        .filter(|&g| !index.by_group[g].is_empty())
        .map(|g| {
            let link = cx.group_link(g);
            (
                link.name,
                Some(link.url),
                vec![index.by_group[g].len() as u64],
            )
        })
        .collect();
    bar_view(
        cx,
        ("incidents-by-group", "by_group", "group"),
        groups,
        |values| incidents_series(cx, values),
        &[text(cx, "incidents")],
        None,
    )
}

/// Incidents by region and people killed by region.
fn region_charts(cx: &SiteContext) -> [ChartView; 2] {
    let incidents = &cx.site.incidents;
    let mut regions = Vec::new();
    let mut killed_regions = Vec::new();
    for (c, country) in cx.site.registry.countries.iter().enumerate() {
        for r in 0..country.regions.len() {
            let list = &cx.index.by_region[c][r];
            if list.is_empty() {
                continue;
            }
            let link = cx.region_link((c, r));
            let name = fill_text(
                text(cx, "region_in_country"),
                &[("region", &link.name), ("country", &country.name)],
            );
            regions.push((
                name.clone(),
                Some(link.url.clone()),
                vec![list.len() as u64],
            ));
            let mut sum = KilledSum::default();
            for &i in list {
                sum.add(&incidents[i]);
            }
            if sum.independent + sum.claimed > 0 {
                killed_regions.push((name, Some(link.url), vec![sum.independent, sum.claimed]));
            }
        }
    }
    [
        bar_view(
            cx,
            ("incidents-by-region", "by_region", "region"),
            regions,
            |values| incidents_series(cx, values),
            &[text(cx, "incidents")],
            None,
        ),
        bar_view(
            cx,
            ("killed-by-region", "killed_by_region", "region"),
            killed_regions,
            |mut values| {
                let claimed = values.split_off(values.len() / 2);
                killed_series(cx, values, claimed)
            },
            &[text(cx, "estimate"), text(cx, "claim_only")],
            killed_note(cx),
        ),
    ]
}

/// Incidents by event type.
fn type_chart(cx: &SiteContext) -> ChartView {
    let index = cx.index;
    let types: BarRows = EventType::ALL
        .iter()
        .enumerate()
        .filter(|(t, _)| !index.by_type[*t].is_empty())
        .map(|(t, event_type)| {
            (
                cx.event_type_name(*event_type),
                Some(cx.urls.event_type(&event_type.slug())),
                vec![index.by_type[t].len() as u64],
            )
        })
        .collect();
    bar_view(
        cx,
        ("incidents-by-type", "by_type", "event_type"),
        types,
        |values| incidents_series(cx, values),
        &[text(cx, "incidents")],
        None,
    )
}

/// A bar chart of the largest rows (by their total) and a table of every row.
///
/// `(id, heading, label_heading)` are the chart's anchor and the `stats_charts` keys of
/// its heading and of its label column's; `to_series` turns one flat value list, series
/// after series, into the chart's series.
fn bar_view(
    cx: &SiteContext,
    (id, heading, label_heading): (&'static str, &str, &str),
    mut rows: BarRows,
    to_series: impl Fn(Vec<u64>) -> Vec<Series>,
    value_headings: &[&str],
    note: Option<String>,
) -> ChartView {
    let (heading, label_heading) = (text(cx, heading), text(cx, label_heading));
    let total = |values: &[u64]| values.iter().sum::<u64>();
    rows.sort_by(|a, b| total(&b.2).cmp(&total(&a.2)).then_with(|| a.0.cmp(&b.0)));
    let shown = &rows[..rows.len().min(BAR_ROWS)];
    let labels: Vec<String> = shown.iter().map(|row| row.0.clone()).collect();
    let hrefs: Vec<Option<String>> = shown.iter().map(|row| row.1.clone()).collect();
    let width = value_headings.len();
    let flat: Vec<u64> = (0..width)
        .flat_map(|s| shown.iter().map(move |row| row.2[s]))
        .collect();
    let series = to_series(flat);
    let stacked = series.len() > 1;
    let title = if rows.len() > shown.len() {
        let n = shown.len().to_string();
        fill_text(text(cx, "largest"), &[("heading", heading), ("n", &n)])
    } else {
        heading.to_string()
    };
    ChartView {
        id,
        heading: heading.to_string(),
        svg: bar_chart(&title, &labels, &hrefs, &series, stacked, &chart_words(cx)),
        note,
        table: TableView {
            columns: std::iter::once(label_heading)
                .chain(value_headings.iter().copied())
                .map(str::to_string)
                .collect(),
            rows: rows
                .into_iter()
                .map(|(label, url, values)| RowView { label, url, values })
                .collect(),
        },
    }
}
