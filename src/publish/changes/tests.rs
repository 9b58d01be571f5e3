use std::path::PathBuf;

use jiff::civil::date;

use super::*;
use crate::domain::model::Revision;

/// A report of 2025-07-01 with `notes` (day, note) and `status`.
fn report(status: Status, notes: &[(Date, &str)]) -> Incident {
    Incident {
        path: PathBuf::from("content/incidents/a.md"),
        slug: "a".into(),
        id: "ML-1".into(),
        status,
        revisions: notes
            .iter()
            .map(|&(date, note)| Revision {
                date,
                note: note.into(),
            })
            .collect(),
        ..Incident::example("a")
    }
}

fn kinds(changes: &[Change]) -> Vec<(usize, Date, Kind)> {
    changes.iter().map(|c| (c.number, c.date, c.kind)).collect()
}

#[test]
fn a_report_without_history_was_added_on_the_event_day() {
    let plain = report(Status::Published, &[]);
    assert_eq!(
        kinds(&changes_of(0, &plain)),
        [(0, date(2025, 7, 1), Kind::Added)]
    );
}

#[test]
fn outside_git_a_report_was_added_by_its_first_revision_at_the_latest() {
    let mut revised = report(
        Status::Published,
        &[
            (date(2025, 7, 5), "Added the toll."),
            (date(2025, 7, 3), "Fixed the place."),
        ],
    );
    revised.updated = Some(date(2025, 7, 9));
    assert_eq!(
        kinds(&changes_of(0, &revised)),
        [
            (0, date(2025, 7, 3), Kind::Added),
            (1, date(2025, 7, 5), Kind::Revised),
            (2, date(2025, 7, 3), Kind::Revised),
        ]
    );
    let mut only_updated = report(Status::Published, &[]);
    only_updated.updated = Some(date(2025, 7, 9));
    assert_eq!(added_on(&only_updated), date(2025, 7, 9));
}

#[test]
fn in_git_the_first_commit_tells_unless_a_note_is_older() {
    let mut committed = report(Status::Published, &[(date(2025, 8, 1), "Toll.")]);
    committed.first_committed = Some(date(2025, 7, 2));
    assert_eq!(added_on(&committed), date(2025, 7, 2));
    // A site moved into git long after its reports were written.
    committed.first_committed = Some(date(2026, 1, 1));
    assert_eq!(added_on(&committed), date(2025, 8, 1));
}

#[test]
fn a_retraction_is_the_last_note_and_not_a_revision_too() {
    let retracted = report(
        Status::Retracted,
        &[
            (date(2025, 7, 3), "Added the toll."),
            (date(2025, 7, 8), "A hoax."),
        ],
    );
    let changes = changes_of(0, &retracted);
    assert_eq!(
        kinds(&changes),
        [
            (0, date(2025, 7, 3), Kind::Added),
            (1, date(2025, 7, 3), Kind::Revised),
            (2, date(2025, 7, 8), Kind::Retracted),
        ]
    );
    assert_eq!(note(&retracted, &changes[2]), "A hoax.");
    assert_eq!(note(&retracted, &changes[0]), "");
    let unexplained = report(Status::Retracted, &[]);
    assert_eq!(
        kinds(&changes_of(0, &unexplained)),
        [
            (0, date(2025, 7, 1), Kind::Added),
            (1, date(2025, 7, 1), Kind::Retracted),
        ]
    );
}

#[test]
fn drafts_have_no_changes() {
    let draft = report(Status::Draft, &[(date(2025, 7, 3), "Started.")]);
    assert!(changes_of(0, &draft).is_empty());
}
