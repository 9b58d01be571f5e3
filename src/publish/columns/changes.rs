//! The columns of `changes.csv`.

use super::{column, Column, Table};

/// The table. It has no foreign key to `incidents.csv`: a retracted report keeps its
/// rows here but has left that file.
pub(super) const TABLE: Table = Table {
    resource: "changes",
    file: "changes.csv.gz",
    columns: COLUMNS,
    primary_key: &["incident_id", "number"],
    foreign_keys: &[],
};

const COLUMNS: &[Column] = &[
    column("incident_id", "string", "The report's id: the id column of incidents.csv while it is published. Ids are never reused, so a retracted id stays retracted."),
    column("number", "integer", "The change's number within its report: 0 for added, n for the report's n-th revision note (its place in the report's history), and for retracted the number of the note that gives the reason (1 when the report has no note). With incident_id, it names the row."),
    column("date", "date", "When (YYYY-MM-DD). For added: the day the report's file was first committed when the site is kept in git, but never after its first revision; outside git, the earliest of its revision dates and its updated date, else the event's date. For revised and retracted: the revision note's date."),
    column("change", "string", "added (the report was published), revised (a revision note was added) or retracted (the report was withdrawn: remove it from your copy)."),
    column("note", "string", "The revision note; for retracted, the reason. Empty for added."),
    column("url", "string", "The report's page; a retracted report keeps its page, marked as retracted."),
];
