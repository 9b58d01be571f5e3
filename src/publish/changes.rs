//! `changes.csv` and `/changes.xml`: every report added, revised or retracted, newest
//! first, so that a researcher holding last month's files can bring them up to date.
//!
//! Each published or retracted report was *added* once, then *revised* once per revision
//! note; a retracted report's last note is its *retraction*. Drafts are never listed. The
//! day a report was added is not in its front matter, so it is read from git when the
//! site is kept there ([`Incident::first_committed`]), but never later than the report's
//! first revision (a site moved into git keeps the days its notes give); outside git it is
//! the earliest of the report's revision and `updated` dates, else the event's date.

use jiff::civil::Date;

use super::columns::CHANGES;
use super::feeds::{self, FeedHead, FEED_ENTRIES};
use super::listing::{self, Listing};
use super::{records, write_file, Download};
use crate::diagnostics::Diagnostic;
use crate::domain::model::Incident;
use crate::domain::vocabulary::Status;
use crate::output::PageSink;
use crate::site_context::SiteContext;
use crate::xml::escape as xml_escape;

/// How many rows are serialised at a time: the file is written as it is made.
const CHUNK: usize = 4096;

/// What happened to a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Added,
    Revised,
    Retracted,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Revised => "revised",
            Kind::Retracted => "retracted",
        }
    }
}

/// One change: a row of `changes.csv` and, among the newest, an entry of `changes.xml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    /// The report, by its position in the site.
    incident: usize,
    /// 0 when added, else the number of the revision note it stands for (1 for the
    /// first), which stays the same as later notes are added.
    number: usize,
    date: Date,
    kind: Kind,
}

/// The day `incident` was added: see the module's comment.
fn added_on(incident: &Incident) -> Date {
    let noted = incident
        .revisions
        .iter()
        .map(|r| r.date)
        .chain(incident.updated)
        .min();
    match (incident.first_committed, noted) {
        (Some(committed), Some(noted)) => committed.min(noted),
        (Some(day), None) | (None, Some(day)) => day,
        (None, None) => incident.date,
    }
}

/// The changes of `incident` (at position `i`), oldest first; none for a draft.
fn changes_of(i: usize, incident: &Incident) -> Vec<Change> {
    let change = |number, date, kind| Change {
        incident: i,
        number,
        date,
        kind,
    };
    if incident.status == Status::Draft {
        return Vec::new();
    }
    let notes = &incident.revisions;
    let mut changes = vec![change(0, added_on(incident), Kind::Added)];
    let retracted = incident.status == Status::Retracted;
    // The page of a retracted report gives its last note as the reason: so does its row.
    let revised = if retracted {
        notes.len().saturating_sub(1)
    } else {
        notes.len()
    };
    for (k, note) in notes[..revised].iter().enumerate() {
        changes.push(change(k + 1, note.date, Kind::Revised));
    }
    if retracted {
        changes.push(match notes.last() {
            Some(last) => change(notes.len(), last.date, Kind::Retracted),
            None => change(1, incident.last_revision(), Kind::Retracted),
        });
    }
    changes
}

/// Every change of the site, newest first; on the same day, by report id, and a report's
/// later changes before its earlier ones.
fn site_changes(cx: &SiteContext) -> Vec<Change> {
    let incidents = &cx.site.incidents;
    let mut changes: Vec<Change> = incidents
        .iter()
        .enumerate()
        .flat_map(|(i, incident)| changes_of(i, incident))
        .collect();
    changes.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| incidents[a.incident].id.cmp(&incidents[b.incident].id))
            .then_with(|| b.number.cmp(&a.number))
            .then_with(|| b.kind.cmp(&a.kind))
    });
    changes
}

/// The revision note a change stands for; empty for an addition or a note-less
/// retraction.
fn note<'a>(incident: &'a Incident, change: &Change) -> &'a str {
    match change.number.checked_sub(1) {
        Some(k) if change.kind != Kind::Added => incident
            .revisions
            .get(k)
            .map_or("", |note| note.note.as_str()),
        _ => "",
    }
}

/// The report's page, as an absolute URL.
fn page(cx: &SiteContext, incident: &Incident) -> String {
    cx.urls.absolute(&cx.urls.incident(&incident.slug))
}

/// The row of `changes.csv` of `change`, in [`CHANGES`]' column order.
fn row(cx: &SiteContext, change: &Change) -> Vec<String> {
    let incident = &cx.site.incidents[change.incident];
    vec![
        incident.id.clone(),
        change.number.to_string(),
        change.date.to_string(),
        change.kind.as_str().to_string(),
        note(incident, change).to_string(),
        page(cx, incident),
    ]
}

/// Writes `changes.csv` and `changes.xml` into `sink` (without a sink, `check`, only
/// measures them); returns the CSV file's download.
pub(super) fn write_changes(
    cx: &SiteContext,
    sink: Option<&dyn PageSink>,
) -> Result<Download, Diagnostic> {
    let changes = site_changes(cx);
    let name = CHANGES.file;
    let url = cx.urls.data_file(name);
    let header = records::csv_header(CHANGES.columns);
    let mut file = Listing::open(sink, cx.urls.output_file(&url), listing::csv(&header))?;
    for chunk in changes.chunks(CHUNK) {
        file.push(&records::csv_rows(chunk.iter().map(|c| row(cx, c))))?;
    }
    let (_, bytes) = file.finish()?;
    let feed = changes_feed(cx, &changes[..changes.len().min(FEED_ENTRIES)]);
    write_file(cx, sink, &feed_url(cx), feed.as_bytes())?;
    Ok(Download::new(
        cx.words,
        name,
        url,
        bytes,
        "Every report added, revised or retracted, with when.",
    ))
}

/// Where the feed of changes is: at the root, one for every language, as the data files
/// it mirrors are.
pub fn feed_url(cx: &SiteContext) -> String {
    cx.urls.path("changes.xml")
}

/// The Atom feed of `newest`, the newest changes.
fn changes_feed(cx: &SiteContext, newest: &[Change]) -> String {
    let title = cx.words.fill(
        "nav.feed_title",
        &[
            ("site", &cx.site.settings.config.title),
            ("feed", cx.words.text("data.changes.feed_title")),
        ],
    );
    let entries: Vec<String> = newest.iter().map(|c| entry(cx, c)).collect();
    feeds::feed(
        cx,
        &FeedHead {
            title: &title,
            page: &cx.urls.data(),
            feed: &feed_url(cx),
        },
        newest.iter().map(|c| c.date).max(),
        entries.iter().map(String::as_str),
    )
}

/// The `<entry>` of one change. Its id is made from the report's id and the change's
/// number and kind, so it stays the same from build to build, and a report retracted by
/// a note first published as a revision gets an entry of its own.
fn entry(cx: &SiteContext, change: &Change) -> String {
    let incident = &cx.site.incidents[change.incident];
    let kind = change.kind.as_str();
    let label = cx.words.text(&format!("data.changes.{kind}"));
    let name = format!("{}#change-{}-{kind}", incident.id, change.number);
    let id = feeds::entry_id(&cx.site.settings.config.base_url, &name);
    let summary = match note(incident, change) {
        "" => incident.summary.as_str(),
        note => note,
    };
    let mut xml = String::from("<entry>\n");
    xml.push_str(&format!("  <id>{id}</id>\n"));
    xml.push_str(&format!(
        "  <title type=\"text\">{}</title>\n",
        xml_escape(&cx.words.fill(
            "data.changes.entry_title",
            &[("change", label), ("title", &incident.title)]
        ))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&page(cx, incident))
    ));
    xml.push_str(&format!(
        "  <updated>{}</updated>\n",
        feeds::timestamp(change.date)
    ));
    xml.push_str(&format!(
        "  <summary type=\"text\">{}</summary>\n",
        xml_escape(summary)
    ));
    xml.push_str(&format!(
        "  <category term=\"{kind}\" label=\"{}\"/>\n",
        xml_escape(label)
    ));
    xml.push_str("</entry>\n");
    xml
}

#[cfg(test)]
mod tests;
