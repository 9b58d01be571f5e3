//! A report's own page (`incident.html`): everything the report says, with its map.
//!
//! Field names are what templates use; each means what its name says.
#![allow(missing_docs)]

use serde::Serialize;

use super::{PageParts, PageView};
use crate::domain::model::{Figures, Incident, Source};
use crate::domain::vocabulary::{DatePrecision, Status};
use crate::render::maps::Locator;
use crate::render::trust::{GradeView, RatingView};
use crate::render::CITE_SCRIPT_FILE;
use crate::site_context::{DateView, Link, SiteContext};

/// `incident.html`: one report.
#[derive(Serialize)]
pub struct ReportPage<'a> {
    /// The report: its facts, claims, sources and body.
    pub incident: IncidentView<'a>,
    /// The report's JSON record, safe inside a `<script>` element; none for drafts and
    /// retracted reports, which are in no export. The page holds it so that a report's
    /// record needs no file of its own: at 100,000 reports that file would be half of
    /// the 200,000 files GitLab Pages allows (issue 18).
    pub record: Option<String>,
    /// The map of its locations, when it has any.
    pub locator: Option<Locator>,
    /// The URL of `cite.js`, which offers the citation as BibTeX too.
    pub cite_script: String,
}

/// What a report's page shows that is not read off the site: its rendered body and, when
/// the caller made it already (a full build makes it for the data files), its record.
#[derive(Debug, Clone, Copy, Default)]
pub struct Content<'a> {
    /// The body, as HTML.
    pub body_html: &'a str,
    /// The record as `incidents.json.gz` holds it; made here when `None`.
    pub record: Option<&'a str>,
}

/// The template, title and view of the page of report `i`.
pub fn view<'a>(
    cx: &'a SiteContext,
    parts: &'a PageParts,
    i: usize,
    content: Content<'a>,
) -> (&'static str, String, PageView<'a>) {
    let incident = cx.incident(i, content.body_html);
    let record = cx.site.incidents[i].is_listed().then(|| {
        let json = match content.record {
            Some(json) => std::borrow::Cow::Borrowed(json),
            None => std::borrow::Cow::Owned(crate::publish::record_json(cx, i)),
        };
        script_safe(&json)
    });
    let title = incident.title.to_string();
    let locator = parts.maps.incident(cx, i);
    (
        "incident.html",
        title,
        PageView::Report(Box::new(ReportPage {
            incident,
            record,
            locator,
            cite_script: cx.urls.path(CITE_SCRIPT_FILE),
        })),
    )
}

/// `json` made safe to hold in a `<script>` element: `<` is written `\u003c`, which JSON
/// reads back as the same character, so no `</script>` or `<!--` in a title or a quote
/// can end the element. `<` appears only inside JSON strings, so nothing else changes.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// A link to an incident with its date, for related and previous/next lists.
#[derive(Debug, Serialize)]
pub struct IncidentLink {
    /// Headline.
    pub title: String,
    /// Page URL.
    pub url: String,
    /// When.
    pub date: DateView,
}

/// Everything an incident page shows.
#[derive(Debug, Serialize)]
pub struct IncidentView<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    /// The language the report's words are in when it has no translation into the
    /// page's language (`fr` on an English page); none when it is translated.
    pub shown_in: Option<&'a str>,
    pub id: &'a str,
    pub url: String,
    pub status: &'static str,
    pub retraction_note: Option<&'a str>,
    pub date: DateView,
    pub end_date: Option<DateView>,
    pub precision: &'static str,
    pub country: Link,
    pub regions: Vec<Link>,
    pub locations: Vec<LocationView<'a>>,
    pub actors: Vec<ActorView>,
    pub event_type: Option<Link>,
    pub fatalities: Option<FiguresView>,
    pub injured: Option<FiguresView>,
    pub assertions: Vec<AssertionView<'a>>,
    pub sources: Vec<SourceView<'a>>,
    pub tags: &'a [String],
    /// The editors' confidence grade with its definition, when graded.
    pub confidence: Option<GradeView>,
    pub related: Vec<IncidentLink>,
    pub newer: Option<IncidentLink>,
    pub older: Option<IncidentLink>,
    pub updated: Option<DateView>,
    pub revisions: Vec<RevisionView<'a>>,
    pub body: &'a str,
    /// The page's absolute URL, for citations.
    pub permalink: String,
    /// The day of the last revision, for citations.
    pub last_revision: DateView,
    /// The year of the report's date, for citations.
    pub year: i16,
}

/// A place of an incident.
#[derive(Debug, Serialize)]
pub struct LocationView<'a> {
    pub name: &'a str,
    pub region: Option<Link>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub precision: Option<&'static str>,
}

/// An actor with its role.
#[derive(Debug, Serialize)]
pub struct ActorView {
    pub name: String,
    pub url: String,
    pub full_name: Option<String>,
    pub role: &'static str,
    pub attribution: &'static str,
}

/// Casualty figures as a table of who claimed what, plus the editor's estimate.
#[derive(Debug, Serialize)]
pub struct FiguresView {
    pub best: Option<u32>,
    pub low: Option<u32>,
    pub high: Option<u32>,
    pub has_estimate: bool,
    pub claims: Vec<ClaimView>,
}

/// One claimed figure.
#[derive(Debug, Serialize)]
pub struct ClaimView {
    pub count: u32,
    pub who: &'static str,
    pub by: Link,
    pub source: Option<Link>,
}

/// A contested assertion.
#[derive(Debug, Serialize)]
pub struct AssertionView<'a> {
    pub by: Link,
    pub text: &'a str,
    pub source: Option<Link>,
    pub disputed: bool,
    pub credibility: Option<RatingView>,
}

/// A source in the sources list.
#[derive(Debug, Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub url: Option<&'a str>,
    pub archive_url: Option<&'a str>,
    pub published: Option<DateView>,
    pub kind: Option<&'static str>,
    pub last_verified: Option<DateView>,
    /// In full: a shortened hash could not be checked against a copy.
    pub sha256: Option<&'a str>,
    pub reliability: Option<RatingView>,
}

/// One revision note.
#[derive(Debug, Serialize)]
pub struct RevisionView<'a> {
    pub date: DateView,
    pub note: &'a str,
}

impl SiteContext<'_> {
    /// A link to an incident, with its date.
    pub fn incident_link(&self, i: usize) -> IncidentLink {
        let incident = &self.site.incidents[i];
        IncidentLink {
            title: incident.title.clone(),
            url: self.urls.incident(&incident.slug),
            date: self.date(incident.date, incident.precision),
        }
    }

    /// The whole page view of incident `i`, whose body is `body_html`.
    pub fn incident<'s>(&'s self, i: usize, body_html: &'s str) -> IncidentView<'s> {
        let incident = &self.site.incidents[i];
        let (newer, older) = self.index.neighbours[i];
        IncidentView {
            title: &incident.title,
            summary: &incident.summary,
            shown_in: incident.shown_in.as_deref(),
            id: &incident.id,
            url: self.urls.incident(&incident.slug),
            status: incident.status.as_str(),
            retraction_note: retraction_note(incident),
            date: self.date(incident.date, incident.precision),
            end_date: incident.end_date.map(|d| self.date(d, DatePrecision::Day)),
            precision: incident.precision.as_str(),
            country: self.country_link(incident.country),
            regions: incident
                .regions
                .iter()
                .map(|&r| self.region_link(r))
                .collect(),
            locations: self.locations(incident),
            actors: self.actors(incident),
            event_type: incident.event_type.map(|t| Link {
                name: self.event_type_word(t).to_string(),
                url: self.urls.event_type(&t.slug()),
            }),
            fatalities: incident
                .fatalities
                .as_ref()
                .map(|f| self.figures(f, &incident.sources)),
            injured: incident
                .injured
                .as_ref()
                .map(|f| self.figures(f, &incident.sources)),
            assertions: self.assertions(incident),
            sources: sources(self, incident),
            tags: &incident.tags,
            confidence: incident.confidence.map(|g| self.grade(g)),
            related: self.index.related[i]
                .iter()
                .map(|&j| self.incident_link(j))
                .collect(),
            newer: newer.map(|j| self.incident_link(j)),
            older: older.map(|j| self.incident_link(j)),
            updated: incident.updated.map(|d| self.date(d, DatePrecision::Day)),
            revisions: incident
                .revisions
                .iter()
                .map(|r| RevisionView {
                    date: self.date(r.date, DatePrecision::Day),
                    note: &r.note,
                })
                .collect(),
            body: body_html,
            permalink: self.urls.absolute(&self.urls.incident(&incident.slug)),
            last_revision: self.date(incident.last_revision(), DatePrecision::Day),
            year: incident.date.year(),
        }
    }

    fn locations<'s>(&self, incident: &'s Incident) -> Vec<LocationView<'s>> {
        incident
            .locations
            .iter()
            .map(|l| LocationView {
                name: &l.name,
                region: l.region.map(|r| self.region_link(r)),
                latitude: l.coordinates.map(|c| c[0]),
                longitude: l.coordinates.map(|c| c[1]),
                precision: l.precision.map(|p| p.as_str()),
            })
            .collect()
    }

    fn actors(&self, incident: &Incident) -> Vec<ActorView> {
        incident
            .actors
            .iter()
            .map(|a| {
                let link = self.group_link(a.group);
                ActorView {
                    name: link.name,
                    url: link.url,
                    full_name: self.site.registry.groups[a.group].full_name.clone(),
                    role: a.role.as_str(),
                    attribution: a.attribution.as_str(),
                }
            })
            .collect()
    }

    fn assertions<'s>(&self, incident: &'s Incident) -> Vec<AssertionView<'s>> {
        incident
            .assertions
            .iter()
            .map(|a| AssertionView {
                by: self.party(&a.by),
                text: &a.text,
                source: a.source.map(|s| source_link(&incident.sources[s])),
                disputed: a.disputed,
                credibility: a.credibility.map(|c| self.credibility(c)),
            })
            .collect()
    }

    fn figures(&self, figures: &Figures, sources: &[Source]) -> FiguresView {
        FiguresView {
            best: figures.best,
            low: figures.low,
            high: figures.high,
            has_estimate: figures.best.is_some() || figures.low.is_some() || figures.high.is_some(),
            claims: figures
                .claims
                .iter()
                .map(|c| ClaimView {
                    count: c.count,
                    who: c.who.as_str(),
                    by: self.party(&c.by),
                    source: c.source.map(|s| source_link(&sources[s])),
                })
                .collect(),
        }
    }
}

fn sources<'s>(cx: &SiteContext, incident: &'s Incident) -> Vec<SourceView<'s>> {
    incident
        .sources
        .iter()
        .map(|s| SourceView {
            id: &s.id,
            name: &s.name,
            url: s.url.as_deref(),
            archive_url: s.archive_url.as_deref(),
            published: s.published.map(|d| cx.date(d, DatePrecision::Day)),
            kind: s.kind.map(|k| k.as_str()),
            last_verified: s.last_verified.map(|d| cx.date(d, DatePrecision::Day)),
            sha256: s.sha256.as_deref(),
            reliability: s.reliability.map(|r| cx.reliability(r)),
        })
        .collect()
}

/// A retracted report shows its last revision note as the reason.
fn retraction_note(incident: &Incident) -> Option<&str> {
    (incident.status == Status::Retracted)
        .then(|| incident.revisions.last().map(|r| r.note.as_str()))
        .flatten()
}

fn source_link(source: &Source) -> Link {
    Link {
        name: source.name.clone(),
        url: source.url.clone().unwrap_or_default(),
    }
}
