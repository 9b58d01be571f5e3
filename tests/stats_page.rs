//! The stats page counts every figure once and never as 0 where none is known; the map
//! counts incidents apart from places. Built from `tests/fixtures/stats`: a report in
//! Kayes and Nioro with an estimate of 80 and two perpetrators, a report whose only figure
//! is a party's claim, and a report with no figure at all, in a month of its own.

mod common;

use common::{attrs, build_fixture, texts, Built};
use scraper::{ElementRef, Html, Selector};

/// A table cell as read: a number, or `None` for the dash of a figure not known.
type Cell = Option<u64>;

/// The rows of a chart's table: label and cells. A cell must be a number or the dash
/// with its spoken label, nothing else.
fn table(page: &Html, chart: &str) -> Vec<(String, Vec<Cell>)> {
    let rows = Selector::parse(&format!("#{chart} tbody tr")).unwrap();
    let th = Selector::parse("th").unwrap();
    let td = Selector::parse("td").unwrap();
    page.select(&rows)
        .map(|row| {
            let label = row.select(&th).next().unwrap().text().collect::<String>();
            let cells = row.select(&td).map(cell).collect();
            (label.trim().to_string(), cells)
        })
        .collect()
}

fn cell(td: ElementRef) -> Cell {
    let text: String = td.text().collect();
    let text = text.trim();
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let hidden = Selector::parse(".visually-hidden").unwrap();
    let spoken: String = td.select(&hidden).flat_map(|e| e.text()).collect();
    assert_eq!(
        spoken, "not known",
        "an unknown cell is spoken as such: {text}"
    );
    assert!(text.starts_with('–'), "and shown as a dash: {text}");
    None
}

fn row(rows: &[(String, Vec<Cell>)], label: &str) -> Vec<Cell> {
    rows.iter()
        .find(|(l, _)| l == label)
        .unwrap_or_else(|| panic!("no row {label} in {rows:?}"))
        .1
        .clone()
}

fn site() -> (Built, Html) {
    let site = build_fixture("stats");
    let stats = site.page("stats/");
    (site, stats)
}

/// The `<svg>` of a chart section, as text.
fn chart_svg(page: &Html, chart: &str) -> String {
    let svg = Selector::parse(&format!("#{chart} svg.chart")).unwrap();
    page.select(&svg).next().expect("a chart").html()
}

#[test]
fn deaths_per_month_are_estimates_only_and_unknown_is_not_zero() {
    let (_site, stats) = site();
    let killed = table(&stats, "killed-per-month");
    // Reports, estimate, reports with only a party's figure, reports with neither.
    assert_eq!(
        row(&killed, "Jul 2025"),
        [Some(2), Some(80), Some(1), Some(0)],
        "the army's claim of 30 is counted as a report, never added to the 80"
    );
    assert_eq!(
        row(&killed, "May 2025"),
        [Some(1), None, Some(0), Some(1)],
        "a month whose report has no figure: not known, not 0"
    );
    assert_eq!(
        row(&killed, "Jun 2025"),
        [Some(0), None, Some(0), Some(0)],
        "a month with no report says so by its count"
    );
    let svg = chart_svg(&stats, "killed-per-month");
    assert_eq!(
        svg.matches("chart-mark chart-unknown").count(),
        1,
        "May is marked not known; June, with no report, is not: {svg}"
    );
    assert!(svg.contains("number not known in May 2025"));
    assert!(
        !stats.root_element().html().contains("chart-series-claimed"),
        "no series of claims"
    );
}

#[test]
fn deaths_by_region_share_a_report_between_its_regions_and_add_up() {
    let (_site, stats) = site();
    let killed = table(&stats, "killed-by-region");
    assert_eq!(
        row(&killed, "Kayes (Mali)"),
        [Some(2), Some(40), Some(1), Some(0)]
    );
    assert_eq!(
        row(&killed, "Nioro (Mali)"),
        [Some(1), Some(40), Some(0), Some(0)]
    );
    assert_eq!(
        row(&killed, "Ségou (Mali)"),
        [Some(1), None, Some(0), Some(1)]
    );
    let total: u64 = killed.iter().filter_map(|(_, cells)| cells[1]).sum();
    assert_eq!(total, 80, "the 80 is counted once, not in each region");
    let svg = chart_svg(&stats, "killed-by-region");
    assert!(svg.contains(">not known</text>"), "Ségou's bar: {svg}");
    let desc = texts(&stats, "#killed-by-region svg desc").join(" ");
    assert!(
        desc.contains("Ségou (Mali): killed (editors' estimate), number not known."),
        "{desc}"
    );

    let incidents = table(&stats, "incidents-by-region");
    assert_eq!(row(&incidents, "Kayes (Mali)"), [Some(2)]);
    assert_eq!(row(&incidents, "Nioro (Mali)"), [Some(1)]);
}

#[test]
fn deaths_by_group_count_each_perpetrator_and_say_so() {
    let (_site, stats) = site();
    let killed = table(&stats, "killed-by-group");
    assert_eq!(row(&killed, "JNIM"), [Some(2), Some(80), Some(1), Some(0)]);
    assert_eq!(
        row(&killed, "ISSP"),
        [Some(1), Some(80), Some(0), Some(0)],
        "a suspected perpetrator counts too, in full"
    );
    assert!(
        killed.iter().all(|(label, _)| label != "FAMa"),
        "a target or a responder is not charged with the deaths"
    );
    let incidents = table(&stats, "incidents-by-group");
    assert_eq!(
        row(&incidents, "FAMa"),
        [Some(2)],
        "incidents by group: any role"
    );
}

#[test]
fn charts_that_put_a_report_in_several_bars_say_so() {
    let (_site, stats) = site();
    let note = |chart: &str| texts(&stats, &format!("#{chart} .chart-note")).join(" ");
    assert!(note("incidents-by-region").contains("counts once in each"));
    assert!(note("incidents-by-group").contains("in both bars"));
    assert!(note("killed-by-group").contains("in both bars"));
    assert!(note("killed-by-region").contains("add up to the total"));
    assert!(note("killed-per-month").contains("never added up"));
    assert!(note("incidents-per-month").is_empty() && note("incidents-by-type").is_empty());
}

#[test]
fn the_map_counts_incidents_apart_from_places() {
    let (site, _) = site();
    let desc = |url: &str| {
        texts(&site.page(url), "svg.map desc")
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    // A report's locator names its places rather than counting them, one mark each.
    let report = site.page("incidents/2025-07-01-attack-in-two-regions/");
    let label = attrs(&report, ".locator-map", "aria-label");
    assert!(label[0].starts_with("Where it happened: "), "{label:?}");
    assert_eq!(
        attrs(&report, ".locator-map i", "title").len(),
        2,
        "{label:?}"
    );
    let all = desc("map/");
    assert!(all.starts_with("3 incidents at 4 places."), "{all}");
    assert!(
        !all.contains("several incidents"),
        "no mark stands for several: {all}"
    );
    assert_eq!(
        attrs(&site.page("map/"), "svg.map a.map-mark", "href").len(),
        4
    );
}
