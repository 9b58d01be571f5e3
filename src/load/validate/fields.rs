//! The report's own fields, which need no registry: its slug, id, texts, dates,
//! revisions and related reports.

use jiff::civil::Date;

use crate::domain::model::{Revision, EVENT_ID_MARK};
use crate::domain::slugs::{is_valid_slug, slugify};
use crate::load::schema::{FrontMatter, RawRevision};

use super::checker::Checker;

/// The slug `front` sets, or else the one its file name gives; an unusable one is
/// reported and still returned, so later checks can go on.
pub(super) fn check_slug(ck: &mut Checker, front: &FrontMatter, file_stem: &str) -> String {
    let slug = match &front.slug {
        Some(slug) if is_valid_slug(slug) => slug.clone(),
        Some(slug) => {
            ck.error(
                "slug",
                slug,
                format!("slug '{slug}' may only hold lower-case letters, digits and '-'"),
                Some(format!("try '{}'", slugify(slug))),
            );
            slugify(slug)
        }
        None => slugify(file_stem),
    };
    if slug.is_empty() {
        ck.error(
            "title",
            "",
            "the file name gives an empty slug".into(),
            Some("rename the file, e.g. 2025-07-01-place-event.md".into()),
        );
    } else if let Err(why) = crate::domain::slugs::fits_every_file_system(&slug) {
        let key = if front.slug.is_some() {
            "slug"
        } else {
            "title"
        };
        ck.error(
            key,
            front.slug.as_deref().unwrap_or_default(),
            format!("slug '{slug}' {why}"),
            Some("give the file a shorter or other name, or set `slug:`".into()),
        );
    }
    slug
}

pub(super) fn check_id(ck: &mut Checker, front: &FrontMatter) {
    let Some(id) = front.id.as_deref() else {
        return;
    };
    let problem = if id.chars().any(char::is_control) {
        Some(format!(
            "id '{}' holds a control character",
            id.escape_debug()
        ))
    } else if id.contains(EVENT_ID_MARK) {
        // Event ids are the report's id, the mark and the row's number: an id holding the
        // mark could equal another report's event id.
        Some(format!(
            "id '{id}' holds '{EVENT_ID_MARK}', which marks the row number in event ids"
        ))
    } else if id.starts_with(['=', '+', '-', '@']) {
        Some(format!(
            "id '{id}' begins with '{}', which spreadsheets read as a formula",
            &id[..1]
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        ck.error(
            "id",
            "",
            problem,
            Some("ids are plain text, e.g. ML-2025-0001".into()),
        );
    }
}

/// The title and summary are what every list shows, so neither may be blank.
pub(super) fn check_texts(ck: &mut Checker, front: &FrontMatter) {
    for (key, text) in [("title", &front.title), ("summary", &front.summary)] {
        if text.trim().is_empty() {
            ck.error(
                key,
                "",
                format!("{key} is empty"),
                Some(format!("write the {key}")),
            );
        }
    }
}

/// The date, end date and date of the last update, each `None` when missing or wrong.
pub(super) fn check_dates(
    ck: &mut Checker,
    front: &FrontMatter,
) -> (Option<Date>, Option<Date>, Option<Date>) {
    let date = ck.date("date", &front.date);
    let end_date = front
        .end_date
        .as_deref()
        .and_then(|t| ck.date("end_date", t));
    if let (Some(start), Some(end)) = (date, end_date) {
        if end < start {
            ck.error(
                "end_date",
                front.end_date.as_deref().unwrap_or_default(),
                format!("end_date {end} is before date {start}"),
                Some("end_date is the last day of the event; it cannot come before date".into()),
            );
        }
    }
    let updated = front.updated.as_deref().and_then(|t| ck.date("updated", t));
    (date, end_date, updated)
}

/// The revisions whose dates parse; a revision with a wrong date is reported and left out.
pub(super) fn resolve_revisions(ck: &mut Checker, raw: Vec<RawRevision>) -> Vec<Revision> {
    let mut revisions = Vec::new();
    for raw in raw {
        if let Some(date) = ck.date("revisions", &raw.date) {
            revisions.push(Revision {
                date,
                note: raw.note,
            });
        }
    }
    revisions
}

pub(super) fn check_related(ck: &mut Checker, related: &[String]) {
    for related in related {
        if !is_valid_slug(related) {
            ck.error(
                "related",
                related,
                format!("related report '{related}' is not a slug"),
                Some(format!(
                    "use the report's file name without .md, e.g. '{}'",
                    slugify(related)
                )),
            );
        }
    }
}
