//! One report as data: its JSON record, its `incidents.csv` row and its `events.csv` rows
//! (one per place). Each is serialised once per report by the csv and serde_json crates and
//! then reused by every file that lists the report.

use serde::Serialize;

use crate::model::{Figures, Incident, Party};
use crate::registry::Registry;
use crate::urls::Urls;
use crate::vocabulary::{DatePrecision, LocationPrecision, Role};

/// Joins the cells of a multi-value column, as the column dictionary promises.
const SEPARATOR: &str = ";";

/// The serialised forms of one published report.
#[derive(Debug, Default, Clone)]
pub struct ReportData {
    /// Its record in `incidents.json`, compact.
    pub json: String,
    /// Its row of `incidents.csv`, with the line ending.
    pub csv: Vec<u8>,
    /// Its rows of `events.csv`, with line endings.
    pub events_csv: Vec<u8>,
    /// Its `events.geojson` features, comma-separated.
    pub features: String,
}

/// What a report's data is built from.
pub struct Sources<'a> {
    /// The registries names resolve against.
    pub registry: &'a Registry,
    /// The site's URLs (absolute ones for `url` cells).
    pub urls: &'a Urls,
}

impl ReportData {
    /// Serialises `incident`, whose body is `body_html`, every way the exports need.
    pub fn of(incident: &Incident, body_html: &str, from: &Sources) -> ReportData {
        let record = Record::of(incident, body_html, from);
        let json = serde_json::to_string(&record).unwrap_or_default();
        let csv = csv_rows(std::iter::once(incident_row(&record)));
        let region_centre = incident
            .regions
            .first()
            .and_then(|&r| from.registry.region(r).center);
        let events = event_rows(&record, region_centre);
        let features = events
            .iter()
            .map(|row| serde_json::to_string(&Feature::of(row)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(",");
        let events_csv = csv_rows(events.iter().map(EventRow::cells));
        ReportData {
            json,
            csv,
            events_csv,
            features,
        }
    }
}

/// Writes records as CSV (RFC 4180: CRLF, quotes only where needed) with no header.
fn csv_rows(rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing into memory cannot fail.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

/// A CSV header line for `columns`.
pub fn csv_header(columns: &[super::columns::Column]) -> Vec<u8> {
    csv_rows(std::iter::once(
        super::columns::header(columns)
            .into_iter()
            .map(str::to_string)
            .collect(),
    ))
}

/// Every field of a published report, as `incidents.json` and `incident.json` give it.
#[derive(Serialize)]
pub struct Record<'a> {
    id: &'a str,
    slug: &'a str,
    url: String,
    title: &'a str,
    date: String,
    end_date: Option<String>,
    date_precision: &'static str,
    country: Place<'a>,
    regions: Vec<Place<'a>>,
    locations: Vec<LocationRecord<'a>>,
    actors: Vec<ActorRecord<'a>>,
    event_type: Option<&'static str>,
    fatalities: Option<FiguresRecord<'a>>,
    injured: Option<FiguresRecord<'a>>,
    claims: Vec<AssertionRecord<'a>>,
    sources: Vec<SourceRecord<'a>>,
    summary: &'a str,
    tags: &'a [String],
    related: &'a [String],
    status: &'static str,
    updated: String,
    revisions: Vec<RevisionRecord<'a>>,
    body_html: &'a str,
    #[serde(skip)]
    source_of: &'a Incident,
}

#[derive(Serialize)]
struct Place<'a> {
    name: &'a str,
    iso: Option<&'a str>,
}

#[derive(Serialize)]
struct LocationRecord<'a> {
    name: &'a str,
    region: Option<&'a str>,
    region_iso: Option<&'a str>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    precision: Option<&'static str>,
}

#[derive(Serialize)]
struct ActorRecord<'a> {
    group: &'a str,
    full_name: Option<&'a str>,
    role: &'static str,
    attribution: &'static str,
}

#[derive(Serialize)]
struct FiguresRecord<'a> {
    best: Option<u32>,
    low: Option<u32>,
    high: Option<u32>,
    claims: Vec<ClaimRecord<'a>>,
}

#[derive(Serialize)]
struct ClaimRecord<'a> {
    count: u32,
    who: &'static str,
    by: &'a str,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct AssertionRecord<'a> {
    by: &'a str,
    text: &'a str,
    source: Option<&'a str>,
    disputed: bool,
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    id: &'a str,
    name: &'a str,
    url: Option<&'a str>,
    archive_url: Option<&'a str>,
    published: Option<String>,
    #[serde(rename = "type")]
    kind: Option<&'static str>,
}

#[derive(Serialize)]
struct RevisionRecord<'a> {
    date: String,
    note: &'a str,
}

fn party<'a>(registry: &'a Registry, party: &'a Party) -> &'a str {
    match party {
        Party::Group(g) => &registry.groups[*g].name,
        Party::Named(name) => name,
    }
}

impl<'a> Record<'a> {
    /// The record of `incident`, whose body is `body_html`.
    pub fn of(incident: &'a Incident, body_html: &'a str, from: &Sources<'a>) -> Record<'a> {
        let registry = from.registry;
        let country = &registry.countries[incident.country];
        let source_id = |s: Option<usize>| s.map(|s| incident.sources[s].id.as_str());
        let figures = |f: &'a Figures| FiguresRecord {
            best: f.best,
            low: f.low,
            high: f.high,
            claims: f
                .claims
                .iter()
                .map(|c| ClaimRecord {
                    count: c.count,
                    who: c.who.as_str(),
                    by: party(registry, &c.by),
                    source: source_id(c.source),
                })
                .collect(),
        };
        Record {
            id: &incident.id,
            slug: &incident.slug,
            url: from.urls.absolute(&from.urls.incident(&incident.slug)),
            title: &incident.title,
            date: incident.date.to_string(),
            end_date: incident.end_date.map(|d| d.to_string()),
            date_precision: incident.precision.as_str(),
            country: Place {
                name: &country.name,
                iso: country.iso.as_deref(),
            },
            regions: incident
                .regions
                .iter()
                .map(|&r| {
                    let region = registry.region(r);
                    Place {
                        name: &region.name,
                        iso: region.iso.as_deref(),
                    }
                })
                .collect(),
            locations: incident
                .locations
                .iter()
                .map(|l| {
                    let region = l.region.map(|r| registry.region(r));
                    LocationRecord {
                        name: &l.name,
                        region: region.map(|r| r.name.as_str()),
                        region_iso: region.and_then(|r| r.iso.as_deref()),
                        latitude: l.coordinates.map(|c| c[0]),
                        longitude: l.coordinates.map(|c| c[1]),
                        precision: l.precision.map(|p| p.as_str()),
                    }
                })
                .collect(),
            actors: incident
                .actors
                .iter()
                .map(|a| {
                    let group = &registry.groups[a.group];
                    ActorRecord {
                        group: &group.name,
                        full_name: group.full_name.as_deref(),
                        role: a.role.as_str(),
                        attribution: a.attribution.as_str(),
                    }
                })
                .collect(),
            event_type: incident.event_type.map(|t| t.as_str()),
            fatalities: incident.fatalities.as_ref().map(figures),
            injured: incident.injured.as_ref().map(figures),
            claims: incident
                .assertions
                .iter()
                .map(|a| AssertionRecord {
                    by: party(registry, &a.by),
                    text: &a.text,
                    source: source_id(a.source),
                    disputed: a.disputed,
                })
                .collect(),
            sources: incident
                .sources
                .iter()
                .map(|s| SourceRecord {
                    id: &s.id,
                    name: &s.name,
                    url: s.url.as_deref(),
                    archive_url: s.archive_url.as_deref(),
                    published: s.published.map(|d| d.to_string()),
                    kind: s.kind.map(|k| k.as_str()),
                })
                .collect(),
            summary: &incident.summary,
            tags: &incident.tags,
            related: &incident.related,
            status: incident.status.as_str(),
            updated: incident.last_revision().to_string(),
            revisions: incident
                .revisions
                .iter()
                .map(|r| RevisionRecord {
                    date: r.date.to_string(),
                    note: &r.note,
                })
                .collect(),
            body_html,
            source_of: incident,
        }
    }

    fn actors_as(&self, role: Role) -> Vec<&'a str> {
        let mut names: Vec<&'a str> = Vec::new();
        for (actor, record) in self.source_of.actors.iter().zip(&self.actors) {
            if actor.role == role && !names.contains(&record.group) {
                names.push(record.group);
            }
        }
        names
    }

    /// Every party that made a claim, each once, in the order first met.
    fn claimants(&self) -> Vec<&'a str> {
        let mut names: Vec<&'a str> = Vec::new();
        let claims = [&self.fatalities, &self.injured]
            .into_iter()
            .flatten()
            .flat_map(|f| f.claims.iter().map(|c| c.by));
        for name in claims.chain(self.claims.iter().map(|a| a.by)) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}

fn number<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn joined<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(SEPARATOR)
}

fn claim_cells(figures: &Option<FiguresRecord>) -> String {
    figures
        .iter()
        .flat_map(|f| &f.claims)
        .map(|c| format!("{} {} (by {})", c.count, c.who, c.by))
        .collect::<Vec<_>>()
        .join(SEPARATOR)
}

/// The `incidents.csv` row of a record, in [`super::columns::INCIDENT_COLUMNS`] order.
fn incident_row(record: &Record) -> Vec<String> {
    let first_point = record
        .locations
        .iter()
        .find(|l| l.latitude.is_some() && l.longitude.is_some());
    let figure = |f: &Option<FiguresRecord>, pick: fn(&FiguresRecord) -> Option<u32>| {
        number(f.as_ref().and_then(pick))
    };
    vec![
        record.id.to_string(),
        record.url.clone(),
        record.title.to_string(),
        record.date.clone(),
        record.end_date.clone().unwrap_or_default(),
        record.date_precision.to_string(),
        record.country.name.to_string(),
        record.country.iso.unwrap_or_default().to_string(),
        joined(record.regions.iter().map(|r| r.name)),
        joined(record.regions.iter().map(|r| r.iso.unwrap_or_default())),
        joined(record.locations.iter().map(|l| l.name)),
        number(first_point.and_then(|l| l.latitude)),
        number(first_point.and_then(|l| l.longitude)),
        record.event_type.unwrap_or_default().to_string(),
        joined(record.actors_as(Role::Perpetrator)),
        joined(record.actors_as(Role::Target)),
        joined(record.actors_as(Role::Responder)),
        figure(&record.fatalities, |f| f.best),
        figure(&record.fatalities, |f| f.low),
        figure(&record.fatalities, |f| f.high),
        claim_cells(&record.fatalities),
        figure(&record.injured, |f| f.best),
        figure(&record.injured, |f| f.low),
        figure(&record.injured, |f| f.high),
        claim_cells(&record.injured),
        joined(record.claimants()),
        joined(record.sources.iter().map(|s| s.name)),
        joined(record.sources.iter().map(|s| s.url.unwrap_or_default())),
        record.summary.to_string(),
        joined(record.tags.iter().map(String::as_str)),
        record.updated.clone(),
    ]
}

/// One row of `events.csv` and one feature of `events.geojson`: the same values, so a
/// reader can move between the two.
#[derive(Serialize)]
struct EventRow {
    event_id_cnty: String,
    event_date: String,
    year: i16,
    time_precision: u8,
    event_type: Option<String>,
    actor1: Option<String>,
    assoc_actor_1: Option<String>,
    actor2: Option<String>,
    assoc_actor_2: Option<String>,
    country: String,
    iso: Option<String>,
    admin1: Option<String>,
    location: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    geo_precision: Option<u8>,
    source: String,
    notes: String,
    fatalities: Option<u32>,
    tags: Option<String>,
    fatalities_low: Option<u32>,
    fatalities_high: Option<u32>,
    claimed_by: Option<String>,
    url: String,
}

impl EventRow {
    /// The row in [`super::columns::EVENT_COLUMNS`] order; `None` is an empty cell.
    fn cells(&self) -> Vec<String> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.event_id_cnty.clone(),
            self.event_date.clone(),
            self.year.to_string(),
            self.time_precision.to_string(),
            text(&self.event_type),
            text(&self.actor1),
            text(&self.assoc_actor_1),
            text(&self.actor2),
            text(&self.assoc_actor_2),
            self.country.clone(),
            text(&self.iso),
            text(&self.admin1),
            text(&self.location),
            number(self.latitude),
            number(self.longitude),
            number(self.geo_precision),
            self.source.clone(),
            self.notes.clone(),
            number(self.fatalities),
            text(&self.tags),
            number(self.fatalities_low),
            number(self.fatalities_high),
            text(&self.claimed_by),
            self.url.clone(),
        ]
    }
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// ACLED's geo_precision scale: 1 exact or town, 2 district, 3 region.
fn geo_precision(precision: Option<LocationPrecision>) -> Option<u8> {
    precision.map(|p| match p {
        LocationPrecision::Exact | LocationPrecision::Town => 1,
        LocationPrecision::District => 2,
        LocationPrecision::Region => 3,
    })
}

/// The events rows of a record: one per place, or one at the first region's level when
/// the report names no place (placed at the region's centre when the registry gives one),
/// so that every report is in the events file.
fn event_rows(record: &Record, region_centre: Option<[f64; 2]>) -> Vec<EventRow> {
    let incident = record.source_of;
    let perpetrators = record.actors_as(Role::Perpetrator);
    let mut others = record.actors_as(Role::Target);
    let target = (!others.is_empty()).then(|| others.remove(0));
    for responder in record.actors_as(Role::Responder) {
        if !others.contains(&responder) {
            others.push(responder);
        }
    }
    let time_precision = match incident.precision {
        DatePrecision::Day => 1,
        DatePrecision::Week => 2,
        // ACLED's least precise level is the month; the year has none of its own.
        DatePrecision::Month | DatePrecision::Year => 3,
    };
    struct Spot {
        admin1: Option<String>,
        location: Option<String>,
        point: Option<[f64; 2]>,
        precision: Option<u8>,
    }
    let spots: Vec<Spot> = if record.locations.is_empty() {
        let first_region = record.regions.first().map(|r| r.name.to_string());
        vec![Spot {
            location: first_region.clone(),
            admin1: first_region,
            point: region_centre,
            precision: Some(3),
        }]
    } else {
        record
            .locations
            .iter()
            .zip(&incident.locations)
            .map(|(l, raw)| Spot {
                admin1: l
                    .region
                    .or_else(|| record.regions.first().map(|r| r.name))
                    .map(str::to_string),
                location: Some(l.name.to_string()),
                point: l.latitude.zip(l.longitude).map(|(a, b)| [a, b]),
                precision: geo_precision(raw.precision),
            })
            .collect()
    };
    let several = spots.len() > 1;
    let fatalities = record.fatalities.as_ref();
    spots
        .into_iter()
        .enumerate()
        .map(|(k, spot)| {
            let first = k == 0;
            EventRow {
                event_id_cnty: if several {
                    format!("{}-{}", record.id, k + 1)
                } else {
                    record.id.to_string()
                },
                event_date: record.date.clone(),
                year: incident.date.year(),
                time_precision,
                event_type: record.event_type.map(str::to_string),
                actor1: perpetrators.first().map(|s| s.to_string()),
                assoc_actor_1: non_empty(joined(perpetrators.iter().skip(1).copied())),
                actor2: target.map(str::to_string),
                assoc_actor_2: non_empty(joined(others.iter().copied())),
                country: record.country.name.to_string(),
                iso: record.country.iso.map(str::to_string),
                admin1: spot.admin1,
                location: spot.location,
                latitude: spot.point.map(|p| p[0]),
                longitude: spot.point.map(|p| p[1]),
                geo_precision: spot.point.and(spot.precision),
                source: joined(record.sources.iter().map(|s| s.name)),
                notes: record.summary.to_string(),
                fatalities: fatalities.filter(|_| first).and_then(|f| f.best),
                tags: non_empty(joined(record.tags.iter().map(String::as_str))),
                fatalities_low: fatalities.filter(|_| first).and_then(|f| f.low),
                fatalities_high: fatalities.filter(|_| first).and_then(|f| f.high),
                claimed_by: non_empty(joined(record.claimants())),
                url: record.url.clone(),
            }
        })
        .collect()
}

/// An RFC 7946 feature: a point at [longitude, latitude], or no geometry when the place
/// has no coordinates (RFC 7946 section 3.2 allows a null geometry).
#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Option<Point>,
    properties: &'a EventRow,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

impl<'a> Feature<'a> {
    fn of(row: &'a EventRow) -> Feature<'a> {
        Feature {
            kind: "Feature",
            geometry: row.latitude.zip(row.longitude).map(|(lat, lon)| Point {
                kind: "Point",
                coordinates: [lon, lat],
            }),
            properties: row,
        }
    }
}
