//! Small structs made for templates: what a page shows, already formatted and linked.
//! Templates never see the domain model, so the model can change without breaking them.
//!
//! Field names are what templates use; each means what its name says.
#![allow(missing_docs)]

use serde::Serialize;

use crate::site_context::{DateView, Link, SiteContext};
use crate::urls::Urls;

/// The incident summary shown in every list; rendered once per incident.
#[derive(Debug, Serialize)]
pub struct CardView<'a> {
    /// Headline.
    pub title: &'a str,
    /// Page URL.
    pub url: String,
    /// When.
    pub date: DateView,
    /// Country and regions.
    pub places: Vec<Link>,
    /// Groups involved.
    pub groups: Vec<Link>,
    /// Event type, when given.
    pub event_type: Option<Link>,
    /// The editor's best fatality figure, when given.
    pub fatalities: Option<u32>,
    /// The label of the report's confidence grade, when graded.
    pub grade: Option<String>,
    /// One or two sentences.
    pub summary: &'a str,
    /// The language of the title and summary when the report is not translated into
    /// the page's language.
    pub shown_in: Option<&'a str>,
}

impl SiteContext<'_> {
    /// The card of incident `i`.
    pub fn card(&self, i: usize) -> CardView<'_> {
        let incident = &self.site.incidents[i];
        let mut places = vec![self.country_link(incident.country)];
        places.extend(incident.regions.iter().map(|&r| self.region_link(r)));
        CardView {
            title: &incident.title,
            url: self.urls.incident(&incident.slug),
            date: self.date(incident.date, incident.precision),
            places,
            groups: incident
                .actors
                .iter()
                .map(|a| self.group_link(a.group))
                .collect(),
            event_type: incident.event_type.map(|t| Link {
                name: self.event_type_word(t).to_string(),
                url: self.urls.event_type(&t.slug()),
            }),
            fatalities: incident.fatalities.as_ref().and_then(|f| f.best),
            grade: incident.confidence.map(|g| self.grade(g).label),
            summary: &incident.summary,
            shown_in: incident.shown_in.as_deref(),
        }
    }
}

/// Links to the pages of a paginated list.
#[derive(Debug, Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub newer: Option<String>,
    pub older: Option<String>,
    pub pages: Vec<PageNumber>,
}

/// One page number in a pagination bar.
#[derive(Debug, Serialize)]
pub struct PageNumber {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// The pagination bar of page `current` of `total`, for a list whose first page is `first`.
pub fn pagination(urls: &Urls, first: &str, current: usize, total: usize) -> Pagination {
    // A window of pages around the current one keeps the bar short on long lists.
    let from = current.saturating_sub(3).max(1);
    let to = (current + 3).min(total);
    let mut numbers: Vec<usize> = (from..=to).collect();
    if from > 1 {
        numbers.insert(0, 1);
    }
    if to < total {
        numbers.push(total);
    }
    Pagination {
        current,
        total,
        newer: (current > 1).then(|| urls.page(first, current - 1)),
        older: (current < total).then(|| urls.page(first, current + 1)),
        pages: numbers
            .into_iter()
            .map(|n| PageNumber {
                number: n,
                url: urls.page(first, n),
                current: n == current,
            })
            .collect(),
    }
}
