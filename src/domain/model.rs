//! The domain model: a validated report with every name resolved to a registry entry.
//!
//! Everything here has passed `load::validate`; later stages trust it and never re-check.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::domain::grades::{Credibility, GradeId};
use crate::domain::registry::RegionRef;
use crate::domain::vocabulary::{
    Attribution, DatePrecision, EventType, LocationPrecision, Reliability, Role, SourceType,
    Status, Who,
};

/// A report's body as HTML: held from load on (the dev server, which renders pages again
/// after every save), or left in the report's file and rendered when its page is written (a
/// build, which would otherwise hold every body of the site from load to the search index:
/// most of its memory at 100,000 reports).
#[derive(Debug, Clone)]
pub enum Body {
    /// Rendered to safe HTML at load.
    Held(String),
    /// Still in the file at the incident's path.
    InFile,
}

/// What joins a report's id to the number of one of its rows in the events exports
/// (`ML-2025-0001#2`); report ids may not hold it, so event ids are unique by
/// construction.
pub const EVENT_ID_MARK: char = '#';

/// One incident report.
#[derive(Debug, Clone)]
pub struct Incident {
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// The URL segment under `/incidents/`; unique across the site.
    pub slug: String,
    /// A stable identifier; the slug unless the editor gave one.
    pub id: String,
    /// The headline.
    pub title: String,
    /// The earliest possible day.
    pub date: Date,
    /// The last day, for events over several days.
    pub end_date: Option<Date>,
    /// How exactly `date` is known.
    pub precision: DatePrecision,
    /// Index into the registry's countries.
    pub country: usize,
    /// The regions, in the order given.
    pub regions: Vec<RegionRef>,
    /// Places, each a row of the events export.
    pub locations: Vec<Location>,
    /// Actors with their roles.
    pub actors: Vec<Actor>,
    /// The event type, when given.
    pub event_type: Option<EventType>,
    /// People killed: the editor's figures and every claim.
    pub fatalities: Option<Figures>,
    /// People injured, same shape.
    pub injured: Option<Figures>,
    /// Contested assertions other than figures.
    pub assertions: Vec<Assertion>,
    /// Where the facts come from.
    pub sources: Vec<Source>,
    /// How sure the desk is, as one of the site's grades, when the editor gave one.
    pub confidence: Option<GradeId>,
    /// Ids or slugs of reports the editor has judged to be other events, however alike:
    /// the duplicate check leaves those pairs alone.
    pub not_duplicate_of: Vec<String>,
    /// One or two neutral sentences.
    pub summary: String,
    /// Free tags.
    pub tags: Vec<String>,
    /// Slugs of reports the editor ties to this one, checked to exist.
    pub related: Vec<String>,
    /// Published, draft or retracted.
    pub status: Status,
    /// The last revision's date.
    pub updated: Option<Date>,
    /// Revision history, oldest first as written.
    pub revisions: Vec<Revision>,
    /// The day the report's file was first committed, when the site is kept in git and
    /// its history tells (not in a shallow clone's first commit, not for a file never
    /// committed): when the report was added, for `changes.csv`.
    pub first_committed: Option<Date>,
    /// The body as safe HTML, or where to render it from.
    pub body: Body,
    /// Site-absolute links in the body (`/incidents/x/`), as written, to be checked.
    pub site_links: Vec<String>,
    /// The report's translations (`x.fr.md` beside `x.md`), in the order of the site's
    /// languages.
    pub translations: Vec<Translation>,
    /// `None` when the text is in the language of the pages being built; `Some(code)` when
    /// the report has no translation into that language and is shown in its original
    /// language `code`, which pages mark with `lang=` and a notice.
    pub shown_in: Option<String>,
}

/// A report's text in a further language, from `x.LANG.md` beside `x.md`. The facts
/// (dates, places, figures, sources) are the report's own and are never translated.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language code, one of the site's languages other than the default.
    pub lang: String,
    /// The translation's file, relative to the site root.
    pub path: PathBuf,
    /// The headline in this language.
    pub title: String,
    /// The summary in this language.
    pub summary: String,
    /// Tags in this language; `None` keeps the report's.
    pub tags: Option<Vec<String>>,
    /// The text of each of the report's claims, in its order; empty when the claims are
    /// not translated.
    pub claim_texts: Vec<String>,
    /// The translated body as safe HTML, or left in the translation's file.
    pub body: Body,
    /// Site-absolute links in the translated body, as written, to be checked.
    pub site_links: Vec<String>,
    /// The day the translation's file last changed (its last commit, or its modification
    /// time outside git), when known: what tells a translation older than its report.
    pub last_changed: Option<Date>,
}

impl Incident {
    /// A plain published report of 2025-07-01 in the registry's first country, with no
    /// regions, actors, figures or sources: what unit tests start from and change.
    #[cfg(test)]
    pub fn example(stem: &str) -> Incident {
        Incident {
            path: PathBuf::from(format!("content/incidents/{stem}.md")),
            slug: stem.into(),
            id: stem.into(),
            title: "Attack".into(),
            date: jiff::civil::date(2025, 7, 1),
            end_date: None,
            precision: DatePrecision::Day,
            country: 0,
            regions: Vec::new(),
            locations: Vec::new(),
            actors: Vec::new(),
            event_type: None,
            fatalities: None,
            injured: None,
            assertions: Vec::new(),
            sources: Vec::new(),
            confidence: None,
            not_duplicate_of: Vec::new(),
            summary: "Fighters attacked.".into(),
            tags: Vec::new(),
            related: Vec::new(),
            status: Status::Published,
            updated: None,
            revisions: Vec::new(),
            first_committed: None,
            body: Body::InFile,
            site_links: Vec::new(),
            translations: Vec::new(),
            shown_in: None,
        }
    }

    /// True when the report belongs in lists, counts and exports.
    pub fn is_listed(&self) -> bool {
        self.status == Status::Published
    }

    /// The day of the last revision: the latest of the report's date, its `updated` date
    /// and its revision notes. Feeds and sitemaps give it as the report's last change.
    pub fn last_revision(&self) -> Date {
        self.revisions
            .iter()
            .map(|r| r.date)
            .chain(self.updated)
            .fold(self.date, Date::max)
    }
}

/// A place where the incident happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// Town, village or site name.
    pub name: String,
    /// Its region, when given; always one of the report's regions.
    pub region: Option<RegionRef>,
    /// Its second-level division (cercle, département, district), as the editor wrote it.
    pub admin2: Option<String>,
    /// Latitude and longitude (WGS84).
    pub coordinates: Option<[f64; 2]>,
    /// How exactly the coordinates place it.
    pub precision: Option<LocationPrecision>,
}

/// A registry group and the part it played.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Actor {
    /// Index into the registry's groups.
    pub group: usize,
    /// Perpetrator, target or responder.
    pub role: Role,
    /// How the role is established.
    pub attribution: Attribution,
}

/// Who made a claim: a registry group (linked on pages) or any other party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Party {
    /// A registry group.
    Group(usize),
    /// An outlet, official or anyone else, as written.
    Named(String),
}

/// Casualty figures: the editor's own estimate and every reported claim, never summed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// The headline figure the editor chose.
    pub best: Option<u32>,
    /// The editor's lowest plausible figure.
    pub low: Option<u32>,
    /// The editor's highest plausible figure.
    pub high: Option<u32>,
    /// Every figure someone reported.
    pub claims: Vec<CasualtyClaim>,
}

/// A figure reported by one party.
#[derive(Debug, Clone, PartialEq)]
pub struct CasualtyClaim {
    /// How many.
    pub count: u32,
    /// Who they were.
    pub who: Who,
    /// Who said so.
    pub by: Party,
    /// Index into the report's sources.
    pub source: Option<usize>,
}

/// A contested assertion, such as a group's claim to have taken a town.
#[derive(Debug, Clone)]
pub struct Assertion {
    /// Who asserts it.
    pub by: Party,
    /// What is asserted.
    pub text: String,
    /// Index into the report's sources.
    pub source: Option<usize>,
    /// Whether others dispute it.
    pub disputed: bool,
    /// How credible the editor judges it (Admiralty code, 1 to 6), when graded.
    pub credibility: Option<Credibility>,
}

/// A source of the report.
#[derive(Debug, Clone)]
pub struct Source {
    /// What claims point at (`s1`, `s2`, ... by default).
    pub id: String,
    /// The outlet's name.
    pub name: String,
    /// The story's address, http(s) only.
    pub url: Option<String>,
    /// An archived copy, http(s) only.
    pub archive_url: Option<String>,
    /// When it was published.
    pub published: Option<Date>,
    /// What kind of outlet.
    pub kind: Option<SourceType>,
    /// When an editor last opened it and found it saying what the report cites.
    pub last_verified: Option<Date>,
    /// The SHA-256 of the archived copy, in lower-case hex, when the desk keeps one.
    pub sha256: Option<String>,
    /// The source's record (Admiralty code, A to F), when graded.
    pub reliability: Option<Reliability>,
}

impl Source {
    /// Whether the source is on the web with no archived copy: the one kind of source
    /// `require_archive` and `check --links` ask an archive of (a source with no `url`
    /// was read off the web and has nothing to archive).
    pub fn lacks_archive(&self) -> bool {
        self.url.is_some() && self.archive_url.is_none()
    }
}

/// One revision note.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// When.
    pub date: Date,
    /// What changed.
    pub note: String,
}
