//! The JSON record of a report: every field, names resolved against the registries, as
//! `incidents.json.gz` and each report's page give it. The CSV rows are read off it, so the
//! exports cannot disagree on a value.
//!
//! The body is left out: it is on the report's page (linked by `url`), and as HTML it
//! weighed four times the rest of the record, twice over (issue 18: a 100,000-report
//! site must fit GitHub Pages' 1 GB).

use serde::Serialize;

use crate::domain::model::{
    Actor, Assertion, CasualtyClaim, Figures, Incident, Location, Party, Revision, Source,
};
use crate::domain::registry::Registry;
use crate::domain::vocabulary::{Attribution, Role};

use super::Sources;

/// Every field of a published report but its body, as `incidents.json.gz` and the
/// report's page give it.
#[derive(Serialize)]
pub struct Record<'a> {
    pub(super) id: &'a str,
    pub(super) slug: &'a str,
    pub(super) url: String,
    pub(super) title: &'a str,
    pub(super) date: String,
    pub(super) end_date: Option<String>,
    pub(super) date_precision: &'static str,
    pub(super) country: Place<'a>,
    pub(super) regions: Vec<Place<'a>>,
    pub(super) locations: Vec<LocationRecord<'a>>,
    pub(super) actors: Vec<ActorRecord<'a>>,
    pub(super) event_type: Option<&'static str>,
    pub(super) fatalities: Option<FiguresRecord<'a>>,
    pub(super) injured: Option<FiguresRecord<'a>>,
    pub(super) claims: Vec<AssertionRecord<'a>>,
    pub(super) sources: Vec<SourceRecord<'a>>,
    pub(super) confidence: Option<GradeRecord<'a>>,
    pub(super) summary: &'a str,
    pub(super) tags: &'a [String],
    pub(super) related: &'a [String],
    pub(super) status: &'static str,
    pub(super) updated: String,
    pub(super) revisions: Vec<RevisionRecord<'a>>,
    #[serde(skip)]
    pub(super) source_of: &'a Incident,
}

/// A confidence grade: its id, which the CSV files give, and its label in `site.yaml`.
#[derive(Serialize)]
pub(super) struct GradeRecord<'a> {
    pub(super) id: &'a str,
    pub(super) label: &'a str,
}

/// A country or region: its name and, when the registry gives one, its ISO code.
#[derive(Serialize)]
pub(super) struct Place<'a> {
    pub(super) name: &'a str,
    pub(super) iso: Option<&'a str>,
}

/// A place the report names, with its region and coordinates.
#[derive(Serialize)]
pub(super) struct LocationRecord<'a> {
    pub(super) name: &'a str,
    pub(super) region: Option<&'a str>,
    pub(super) region_iso: Option<&'a str>,
    pub(super) latitude: Option<f64>,
    pub(super) longitude: Option<f64>,
    pub(super) precision: Option<&'static str>,
}

/// A group involved, with its part in the event.
#[derive(Serialize)]
pub(super) struct ActorRecord<'a> {
    pub(super) group: &'a str,
    pub(super) full_name: Option<&'a str>,
    pub(super) role: &'static str,
    pub(super) attribution: &'static str,
}

/// The killed or injured: the editors' figures and each party's claim.
#[derive(Serialize)]
pub(super) struct FiguresRecord<'a> {
    pub(super) best: Option<u32>,
    pub(super) low: Option<u32>,
    pub(super) high: Option<u32>,
    pub(super) claims: Vec<ClaimRecord<'a>>,
}

/// One party's figure.
#[derive(Serialize)]
pub(super) struct ClaimRecord<'a> {
    pub(super) count: u32,
    pub(super) who: &'static str,
    pub(super) by: &'a str,
    pub(super) source: Option<&'a str>,
}

/// A contested assertion other than a figure; its credibility is left out when not
/// graded, as a source's provenance is.
#[derive(Serialize)]
pub(super) struct AssertionRecord<'a> {
    pub(super) by: &'a str,
    pub(super) text: &'a str,
    pub(super) source: Option<&'a str>,
    pub(super) disputed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) credibility: Option<u8>,
}

/// A source the report cites. Its provenance and reliability are left out when not given,
/// rather than written as null: few sources carry them, and the record is in every
/// report's page (issue 18).
#[derive(Serialize)]
pub(super) struct SourceRecord<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) url: Option<&'a str>,
    pub(super) archive_url: Option<&'a str>,
    pub(super) published: Option<String>,
    #[serde(rename = "type")]
    pub(super) kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) last_verified: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) sha256: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) reliability: Option<&'static str>,
}

/// One entry of the report's history.
#[derive(Serialize)]
pub(super) struct RevisionRecord<'a> {
    pub(super) date: String,
    pub(super) note: &'a str,
}

/// The name a party goes by: its registry name when it is a known group.
fn party<'a>(registry: &'a Registry, party: &'a Party) -> &'a str {
    match party {
        Party::Group(g) => &registry.groups[*g].name,
        Party::Named(name) => name,
    }
}

/// The id of the source at `source`, the report's own index into its sources.
fn source_id(incident: &Incident, source: Option<usize>) -> Option<&str> {
    source.map(|s| incident.sources[s].id.as_str())
}

impl<'a> Record<'a> {
    /// The record of `incident`.
    pub fn of(incident: &'a Incident, from: &Sources<'a>) -> Record<'a> {
        let registry = from.registry;
        let country = &registry.countries[incident.country];
        let figures = |f: &'a Figures| FiguresRecord::of(f, incident, registry);
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
            regions: regions(incident, registry),
            locations: incident
                .locations
                .iter()
                .map(|l| LocationRecord::of(l, registry))
                .collect(),
            actors: incident
                .actors
                .iter()
                .map(|a| ActorRecord::of(a, registry))
                .collect(),
            event_type: incident.event_type.map(|t| t.as_str()),
            fatalities: incident.fatalities.as_ref().map(figures),
            injured: incident.injured.as_ref().map(figures),
            claims: incident
                .assertions
                .iter()
                .map(|a| AssertionRecord::of(a, incident, registry))
                .collect(),
            sources: incident.sources.iter().map(SourceRecord::of).collect(),
            confidence: incident.confidence.map(|g| {
                let grade = from.grades.get(g);
                GradeRecord {
                    id: &grade.id,
                    label: &grade.label,
                }
            }),
            summary: &incident.summary,
            tags: &incident.tags,
            related: &incident.related,
            status: incident.status.as_str(),
            updated: incident.last_revision().to_string(),
            revisions: incident.revisions.iter().map(RevisionRecord::of).collect(),
            source_of: incident,
        }
    }

    /// The groups in `role`, each once, in the report's order.
    pub(super) fn actors_as(&self, role: Role) -> Vec<&'a str> {
        let mut names: Vec<&'a str> = Vec::new();
        for (actor, record) in self.source_of.actors.iter().zip(&self.actors) {
            if actor.role == role && !names.contains(&record.group) {
                names.push(record.group);
            }
        }
        names
    }

    /// The perpetrators, each once with the surest attribution given it, in the report's
    /// order.
    pub(super) fn perpetrators(&self) -> Vec<(&'a str, Attribution)> {
        let mut found: Vec<(&'a str, Attribution)> = Vec::new();
        for (actor, record) in self.source_of.actors.iter().zip(&self.actors) {
            if actor.role != Role::Perpetrator {
                continue;
            }
            match found.iter_mut().find(|(name, _)| *name == record.group) {
                Some(seen) => seen.1 = seen.1.min(actor.attribution),
                None => found.push((record.group, actor.attribution)),
            }
        }
        found
    }

    /// Every party that made a claim, each once, in the order first met.
    pub(super) fn claimants(&self) -> Vec<&'a str> {
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

/// The report's regions, by registry name.
fn regions<'a>(incident: &'a Incident, registry: &'a Registry) -> Vec<Place<'a>> {
    incident
        .regions
        .iter()
        .map(|&r| {
            let region = registry.region(r);
            Place {
                name: &region.name,
                iso: region.iso.as_deref(),
            }
        })
        .collect()
}

impl<'a> LocationRecord<'a> {
    fn of(l: &'a Location, registry: &'a Registry) -> LocationRecord<'a> {
        let region = l.region.map(|r| registry.region(r));
        LocationRecord {
            name: &l.name,
            region: region.map(|r| r.name.as_str()),
            region_iso: region.and_then(|r| r.iso.as_deref()),
            latitude: l.coordinates.map(|c| c[0]),
            longitude: l.coordinates.map(|c| c[1]),
            precision: l.precision.map(|p| p.as_str()),
        }
    }
}

impl<'a> ActorRecord<'a> {
    fn of(a: &Actor, registry: &'a Registry) -> ActorRecord<'a> {
        let group = &registry.groups[a.group];
        ActorRecord {
            group: &group.name,
            full_name: group.full_name.as_deref(),
            role: a.role.as_str(),
            attribution: a.attribution.as_str(),
        }
    }
}

impl<'a> FiguresRecord<'a> {
    fn of(f: &'a Figures, incident: &'a Incident, registry: &'a Registry) -> FiguresRecord<'a> {
        FiguresRecord {
            best: f.best,
            low: f.low,
            high: f.high,
            claims: f
                .claims
                .iter()
                .map(|c| ClaimRecord::of(c, incident, registry))
                .collect(),
        }
    }
}

impl<'a> ClaimRecord<'a> {
    fn of(c: &'a CasualtyClaim, incident: &'a Incident, registry: &'a Registry) -> ClaimRecord<'a> {
        ClaimRecord {
            count: c.count,
            who: c.who.as_str(),
            by: party(registry, &c.by),
            source: source_id(incident, c.source),
        }
    }
}

impl<'a> AssertionRecord<'a> {
    fn of(a: &'a Assertion, incident: &'a Incident, registry: &'a Registry) -> AssertionRecord<'a> {
        AssertionRecord {
            by: party(registry, &a.by),
            text: &a.text,
            source: source_id(incident, a.source),
            disputed: a.disputed,
            credibility: a.credibility.map(|c| c.value()),
        }
    }
}

impl<'a> SourceRecord<'a> {
    fn of(s: &'a Source) -> SourceRecord<'a> {
        SourceRecord {
            id: &s.id,
            name: &s.name,
            url: s.url.as_deref(),
            archive_url: s.archive_url.as_deref(),
            published: s.published.map(|d| d.to_string()),
            kind: s.kind.map(|k| k.as_str()),
            last_verified: s.last_verified.map(|d| d.to_string()),
            sha256: s.sha256.as_deref(),
            reliability: s.reliability.map(|r| r.as_str()),
        }
    }
}

impl<'a> RevisionRecord<'a> {
    fn of(r: &'a Revision) -> RevisionRecord<'a> {
        RevisionRecord {
            date: r.date.to_string(),
            note: &r.note,
        }
    }
}
