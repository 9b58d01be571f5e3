//! The front matter of a report exactly as editors write it (SPEC.md section 1).
//!
//! These structs only mirror the YAML; names are still names and dates still text.
//! `validate` turns them into the domain model.

#![allow(missing_docs)] // Each field means what SPEC.md section 1 says, line for line.
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::domain::vocabulary::{
    Attribution, DatePrecision, EventType, LocationPrecision, Reliability, Role, SourceType,
    Status, Who,
};

/// Every key a report's front matter may hold.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub end_date: Option<String>,
    #[serde(default)]
    pub date_precision: DatePrecision,
    pub country: String,
    pub region: OneOrMany,
    #[serde(default)]
    pub locations: Vec<RawLocation>,
    #[serde(default)]
    pub groups: Vec<RawActor>,
    #[serde(default)]
    pub event_type: Option<EventType>,
    #[serde(default)]
    pub fatalities: Option<RawFigures>,
    #[serde(default)]
    pub injured: Option<RawFigures>,
    #[serde(default)]
    pub claims: Vec<RawAssertion>,
    pub sources: Vec<RawSource>,
    pub summary: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub revisions: Vec<RawRevision>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub not_duplicate_of: Vec<String>,
}

/// One entry of `locations:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation {
    pub name: String,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub admin2: Option<String>,
    #[serde(default)]
    pub coordinates: Option<[f64; 2]>,
    #[serde(default)]
    pub precision: Option<LocationPrecision>,
}

/// One entry of `groups:`: a plain name, or a mapping with role and attribution.
#[derive(Debug)]
pub struct RawActor {
    pub group: String,
    pub role: Role,
    pub attribution: Attribution,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActorMap {
    group: String,
    #[serde(default = "default_role")]
    role: Role,
    #[serde(default = "default_attribution")]
    attribution: Attribution,
}

fn default_role() -> Role {
    Role::Perpetrator
}

fn default_attribution() -> Attribution {
    Attribution::Confirmed
}

impl<'de> Deserialize<'de> for RawActor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ActorVisitor;
        impl<'de> Visitor<'de> for ActorVisitor {
            type Value = RawActor;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a group name or {group: NAME, role: ROLE}")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<RawActor, E> {
                Ok(RawActor {
                    group: name.to_string(),
                    role: default_role(),
                    attribution: default_attribution(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawActor, A::Error> {
                let m = RawActorMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawActor {
                    group: m.group,
                    role: m.role,
                    attribution: m.attribution,
                })
            }
        }
        deserializer.deserialize_any(ActorVisitor)
    }
}

/// A value that may be written as one item or as a list of items.
#[derive(Debug)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;
        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name or a list of names")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![name.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(OneOrMany(names))
            }
        }
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

/// `fatalities:` or `injured:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigures {
    #[serde(default)]
    pub best: Option<u32>,
    #[serde(default)]
    pub low: Option<u32>,
    #[serde(default)]
    pub high: Option<u32>,
    #[serde(default)]
    pub claims: Vec<RawCasualtyClaim>,
}

/// One reported figure and who reported it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCasualtyClaim {
    pub count: u32,
    #[serde(default = "default_who")]
    pub who: Who,
    pub by: String,
    #[serde(default)]
    pub source: Option<String>,
}

fn default_who() -> Who {
    Who::Unknown
}

/// One entry of `claims:`: a contested assertion other than a figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssertion {
    pub by: String,
    pub text: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub disputed: bool,
    #[serde(default)]
    pub credibility: Option<u8>,
}

/// One entry of `sources:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub archive_url: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default, rename = "type")]
    pub kind: Option<SourceType>,
    #[serde(default)]
    pub last_verified: Option<String>,
    #[serde(default)]
    pub sha256: Option<String>,
    #[serde(default)]
    pub reliability: Option<Reliability>,
}

/// One entry of `revisions:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRevision {
    pub date: String,
    pub note: String,
}
