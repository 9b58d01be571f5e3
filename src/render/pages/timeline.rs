//! The pages of time: every year with its months (`timeline.html`) and one year's
//! reports grouped by month (`year.html`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::lists::Cards;
use super::{PageParts, PageView};
use crate::lists::{month_anchor, month_url};
use crate::site_context::{Link, SiteContext};

/// `timeline.html`: every year with reports, newest first.
#[derive(Serialize)]
pub struct TimelinePage {
    /// Each year.
    pub years: Vec<YearRow>,
}

/// One year on the timeline.
#[derive(Serialize)]
pub struct YearRow {
    /// The year.
    pub year: i16,
    /// Its page.
    pub url: String,
    /// How many reports it has.
    pub count: usize,
    /// Its months with reports, January first.
    pub months: Vec<MonthCount>,
}

/// A month on the timeline.
#[derive(Serialize)]
pub struct MonthCount {
    /// Its name in the site's language.
    pub name: String,
    /// Its section on the year's page.
    pub anchor: String,
    /// How many reports it has.
    pub count: usize,
}

/// The template, title and view of the timeline.
pub fn timeline_view<'a>(cx: &SiteContext) -> (&'static str, String, PageView<'a>) {
    let years = cx
        .index
        .by_year
        .iter()
        .rev()
        .map(|(&year, list)| YearRow {
            year,
            url: cx.urls.year(year),
            count: list.len(),
            months: month_counts(cx, list)
                .into_iter()
                .map(|(m, count)| MonthCount {
                    name: cx.month(m).to_string(),
                    anchor: month_url(cx, year, m),
                    count,
                })
                .collect(),
        })
        .collect();
    (
        "timeline.html",
        cx.words.text("titles.timeline").to_string(),
        PageView::Timeline(TimelinePage { years }),
    )
}

/// Incidents per month of `list`, months ascending.
fn month_counts(cx: &SiteContext, list: &[usize]) -> Vec<(i8, usize)> {
    let mut counts = [0usize; 12];
    for &i in list {
        counts[(cx.site.incidents[i].date.month() - 1) as usize] += 1;
    }
    counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(m, &n)| (m as i8 + 1, n))
        .collect()
}

/// `year.html`: one year's reports, newest month first.
#[derive(Serialize)]
pub struct YearPage<'a> {
    /// The year.
    pub year: i16,
    /// How many reports it has.
    pub count: usize,
    /// Its months with reports, newest first.
    pub months: Vec<MonthSection<'a>>,
    /// The next year with reports, when there is one.
    pub newer: Option<Link>,
    /// The previous year with reports, when there is one.
    pub older: Option<Link>,
}

/// One month's section on a year's page.
#[derive(Serialize)]
pub struct MonthSection<'a> {
    /// Its name in the site's language.
    pub name: String,
    /// The section's id (`m07`).
    pub anchor: String,
    /// How many reports it has.
    pub count: usize,
    /// Its reports' rows (each report's card is on the first page of its other lists).
    pub rows: Vec<&'a str>,
    /// The same reports' card data (see [`Cards`]).
    pub reports: Vec<crate::render::views::CardView<'a>>,
}

/// The view of the page of `year`.
pub fn year_view<'a>(cx: &'a SiteContext, parts: &'a PageParts, year: i16) -> YearPage<'a> {
    let list = cx.index.by_year.get(&year).map_or(&[][..], Vec::as_slice);
    let mut months: BTreeMap<i8, Vec<usize>> = BTreeMap::new();
    for &i in list {
        months
            .entry(cx.site.incidents[i].date.month())
            .or_default()
            .push(i);
    }
    let year_link = |(&y, _): (&i16, _)| Link {
        name: y.to_string(),
        url: cx.urls.year(y),
    };
    YearPage {
        year,
        count: list.len(),
        months: months
            .into_iter()
            .rev()
            .map(|(m, reports)| {
                let Cards { rows, reports, .. } = Cards::rows(cx, parts, &reports);
                MonthSection {
                    name: cx.month(m).to_string(),
                    anchor: month_anchor(m),
                    count: rows.len(),
                    rows,
                    reports,
                }
            })
            .collect(),
        newer: cx.index.by_year.range(year + 1..).next().map(year_link),
        older: cx.index.by_year.range(..year).next_back().map(year_link),
    }
}
