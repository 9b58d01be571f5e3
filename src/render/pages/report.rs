//! A report's own page (`incident.html`): everything the report says, with its map.

use serde::Serialize;

use super::{PageParts, PageView};
use crate::render::maps::MapBlock;
use crate::render::views::IncidentView;
use crate::site_context::SiteContext;

/// `incident.html`: one report.
#[derive(Serialize)]
pub struct ReportPage<'a> {
    /// The report: its facts, claims, sources and body.
    pub incident: IncidentView<'a>,
    /// The map of its locations, when it has any.
    pub map: Option<MapBlock>,
}

/// The template, title and view of the page of report `i`, whose body is `body_html`.
pub fn view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    i: usize,
    body_html: &'a str,
) -> (&'static str, String, PageView<'a>) {
    let incident = cx.incident(i, body_html);
    let title = incident.title.to_string();
    let map = parts.maps.incident(cx, i);
    (
        "incident.html",
        title,
        PageView::Report(Box::new(ReportPage { incident, map })),
    )
}
