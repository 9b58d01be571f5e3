//! Who was involved and who says so: the groups, the sources, the casualty figures and
//! the claims, each pointing at sources of this report.

use crate::domain::model::{Actor, Assertion, CasualtyClaim, Figures, Source};
use crate::load::schema::{RawActor, RawAssertion, RawFigures, RawSource};

use super::checker::{unknown_help, Checker};
use super::trust::{check_provenance, credibility, require_archive};

/// The groups involved, as the registry knows them; unknown ones are reported and left out.
pub(super) fn resolve_actors(ck: &mut Checker, groups: &[RawActor]) -> Vec<Actor> {
    let registry = ck.cx.registry;
    let mut actors = Vec::new();
    for raw in groups {
        match registry.resolve_group(&raw.group) {
            Ok(group) => actors.push(Actor {
                group,
                role: raw.role,
                attribution: raw.attribution,
            }),
            Err(no) => ck.error(
                "groups",
                &raw.group,
                format!("unknown group '{}'", raw.group),
                unknown_help(&no, "content/groups.yaml"),
            ),
        }
    }
    actors
}

pub(super) fn resolve_sources(ck: &mut Checker, raw: Vec<RawSource>) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    for (i, raw) in raw.into_iter().enumerate() {
        let provenance = check_provenance(ck, i, &raw);
        let id = raw.id.unwrap_or_else(|| format!("s{}", i + 1));
        if raw.name.trim().is_empty() {
            ck.error(
                "sources",
                "name",
                format!("sources[{i}].name is empty"),
                Some("name who published it: an outlet, an agency, an official body".into()),
            );
        }
        if sources.iter().any(|s| s.id == id) {
            ck.error(
                "sources",
                &id,
                format!("source id '{id}' is used twice"),
                Some("give each source its own id".into()),
            );
        }
        let published = raw.published.as_deref().and_then(|t| ck.date("sources", t));
        let url = ck.http_url("sources", &format!("sources[{i}].url"), raw.url);
        let archive_url = ck.http_url(
            "sources",
            &format!("sources[{i}].archive_url"),
            raw.archive_url,
        );
        if let Some(url) = &url {
            require_archive(ck, i, url, archive_url.is_some());
        }
        sources.push(Source {
            id,
            name: raw.name,
            url,
            archive_url,
            published,
            kind: raw.kind,
            last_verified: provenance.last_verified,
            sha256: provenance.sha256,
            reliability: raw.reliability,
        });
    }
    sources
}

fn source_index(ck: &mut Checker, key: &str, id: &str, sources: &[Source]) -> Option<usize> {
    let found = sources.iter().position(|s| s.id == id);
    if found.is_none() {
        let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        ck.error(
            key,
            id,
            format!("source '{id}' is not among this report's sources"),
            Some(format!("known source ids: {}", ids.join(", "))),
        );
    }
    found
}

pub(super) fn resolve_figures(
    ck: &mut Checker,
    key: &str,
    raw: RawFigures,
    sources: &[Source],
) -> Figures {
    if let (Some(low), Some(high)) = (raw.low, raw.high) {
        if low > high {
            ck.error(
                key,
                "low",
                format!("{key}: low ({low}) is above high ({high})"),
                None,
            );
        }
    }
    if let Some(best) = raw.best {
        if raw.low.is_some_and(|low| best < low) || raw.high.is_some_and(|high| best > high) {
            ck.error(
                key,
                "best",
                format!("{key}: best ({best}) lies outside low–high"),
                None,
            );
        }
    }
    let claims = raw
        .claims
        .into_iter()
        .map(|c| CasualtyClaim {
            count: c.count,
            who: c.who,
            by: ck.party(&c.by),
            source: c
                .source
                .as_deref()
                .and_then(|id| source_index(ck, key, id, sources)),
        })
        .collect();
    Figures {
        best: raw.best,
        low: raw.low,
        high: raw.high,
        claims,
    }
}

/// The claims about the incident, each by a party and perhaps citing a source.
pub(super) fn resolve_claims(
    ck: &mut Checker,
    raw_claims: Vec<RawAssertion>,
    sources: &[Source],
) -> Vec<Assertion> {
    let mut assertions = Vec::new();
    for raw in raw_claims {
        let by = ck.party(&raw.by);
        let source = raw
            .source
            .as_deref()
            .and_then(|id| source_index(ck, "claims", id, sources));
        assertions.push(Assertion {
            by,
            text: raw.text,
            source,
            disputed: raw.disputed,
            credibility: credibility(ck, raw.credibility),
        });
    }
    assertions
}
