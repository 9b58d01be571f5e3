//! The column dictionary of the CSV exports, written once and used three ways: as the CSV
//! header, in `datapackage.json`, and on the `/data/` page, so the three never disagree.
//! Each table's columns live in a module of their own; [`TABLES`] lists them with their
//! keys, in the order the data package and the data page give them.

mod acled;
mod actors;
mod changes;
mod claims;
mod events;
mod ged;
mod incidents;
mod sources;

use serde::Serialize;

/// One column of a CSV export.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Column {
    /// The header name.
    pub name: &'static str,
    /// Its Frictionless Table Schema type: `string`, `integer`, `number`, `date`, `year`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// What a cell holds, for readers of the data page and of the data package.
    pub description: &'static str,
    /// What a cell must be beyond its type, for loaders that check; an empty cell is
    /// missing and never checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constraints: Option<&'static Constraints>,
}

/// Table Schema field constraints: the ones our columns use.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Constraints {
    /// The values allowed, as written.
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub allowed: Option<&'static [&'static str]>,
    /// The smallest number allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum: Option<i64>,
    /// The largest number allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum: Option<i64>,
    /// A regular expression the whole cell matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<&'static str>,
}

impl Constraints {
    /// No constraint, to fill the fields a constant leaves out.
    pub const NONE: Constraints = Constraints {
        allowed: None,
        minimum: None,
        maximum: None,
        pattern: None,
    };
}

/// A grade id, as `site.yaml` may write one: the grades themselves differ by site, and
/// the package describes the format, so the shape is what is checked.
const GRADE_ID: Constraints = Constraints {
    pattern: Some("^[a-z][a-z0-9-]*$"),
    ..Constraints::NONE
};

const fn column(name: &'static str, kind: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind,
        description,
        constraints: None,
    }
}

impl Column {
    /// The column with `constraints` on its cells.
    const fn with(self, constraints: &'static Constraints) -> Column {
        Column {
            constraints: Some(constraints),
            ..self
        }
    }
}
/// A CSV table of the data package: its file, its columns and its keys.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Table {
    /// The resource's name in `datapackage.json`, and the key of its words in the
    /// catalogue (`columns.RESOURCE.COLUMN`, `data.table_notes.RESOURCE`).
    pub resource: &'static str,
    /// The file under `/data/`.
    pub file: &'static str,
    /// Its columns, in order.
    pub columns: &'static [Column],
    /// The columns whose values together name one row; empty when no set does.
    pub primary_key: &'static [&'static str],
    /// Columns that point at rows of another table.
    pub foreign_keys: &'static [ForeignKey],
}

/// Columns of one table that hold the key of a row of another.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ForeignKey {
    /// The columns here.
    pub fields: &'static [&'static str],
    /// The table pointed at.
    pub resource: &'static str,
    /// Its key columns, in the same order as `fields`.
    pub reference: &'static [&'static str],
}

/// `incidents.csv`: one row per published report.
pub const INCIDENTS: Table = Table {
    resource: "incidents",
    file: "incidents.csv",
    columns: incidents::COLUMNS,
    primary_key: &["id"],
    foreign_keys: &[],
};

/// A foreign key from a table's `incident_id` to `incidents.csv`.
const TO_INCIDENT: ForeignKey = ForeignKey {
    fields: &["incident_id"],
    resource: "incidents",
    reference: &["id"],
};

/// `events.csv`: one row per place, in ACLED's column names.
pub const EVENTS: Table = Table {
    resource: "events",
    file: "events.csv.gz",
    columns: events::COLUMNS,
    primary_key: &["event_id_cnty"],
    foreign_keys: &[TO_INCIDENT],
};

/// `sources.csv`: one row per source of each report.
pub const SOURCES: Table = sources::TABLE;
/// `claims.csv`: one row per claim (a figure or a text) of each report.
pub const CLAIMS: Table = claims::TABLE;
/// `actors.csv`: one row per report and actor.
pub const ACTORS: Table = actors::TABLE;
/// `acled.csv`: the events in ACLED's own layout and codes.
pub const ACLED: Table = acled::TABLE;
/// `ged.csv`: the events in UCDP GED's layout and codes.
pub const GED: Table = ged::TABLE;
/// `changes.csv`: every report added, revised or retracted.
pub const CHANGES: Table = changes::TABLE;

/// Every table, in the order the data package and the data page give them.
pub const TABLES: [Table; 8] = [
    INCIDENTS, EVENTS, SOURCES, CLAIMS, ACTORS, ACLED, GED, CHANGES,
];

/// The names of `columns`, in order: a CSV header.
pub fn header(columns: &[Column]) -> Vec<&'static str> {
    columns.iter().map(|c| c.name).collect()
}
