//! A report's rows of the related tables, keyed by its id: `sources.csv` (one row per
//! source), `claims.csv` (one row per figure or text claim) and `actors.csv` (one row per
//! actor), in the column orders of [`crate::publish::columns`].
//!
//! Every cell here holds one value: a party named "Residents; local NGO" stays whole, so
//! none of these cells is a multi-value cell and none is joined.

use crate::domain::model::{Figures, Party, EVENT_ID_MARK};
use crate::domain::registry::Registry;
use crate::domain::vocabulary::{Attribution, Role};

use super::record::{FiguresRecord, Record};

/// The key of the source `source_id` of the report `id` across the site, in one cell.
/// Report ids cannot hold the mark that joins them to the source's id, so no two sources
/// of the site share a key.
fn source_key(id: &str, source_id: Option<&str>) -> String {
    source_id
        .map(|source| format!("{id}{EVENT_ID_MARK}{source}"))
        .unwrap_or_default()
}

/// A Table Schema `boolean` cell.
fn boolean(value: bool) -> String {
    if value { "true" } else { "false" }.to_string()
}

/// The rows of `sources.csv`: one per source, in the report's order.
pub(super) fn source_rows(record: &Record) -> Vec<Vec<String>> {
    record
        .sources
        .iter()
        .map(|s| {
            vec![
                record.id.to_string(),
                s.id.to_string(),
                source_key(record.id, Some(s.id)),
                s.name.to_string(),
                s.url.unwrap_or_default().to_string(),
                s.archive_url.unwrap_or_default().to_string(),
                s.kind.unwrap_or_default().to_string(),
                s.published.clone().unwrap_or_default(),
                s.last_verified.clone().unwrap_or_default(),
                s.sha256.unwrap_or_default().to_string(),
                s.reliability.unwrap_or_default().to_string(),
            ]
        })
        .collect()
}

/// The rows of `claims.csv`: the figures of people killed, then of people injured, then
/// the text claims, each in the report's order and numbered within its kind.
pub(super) fn claim_rows(record: &Record) -> Vec<Vec<String>> {
    let incident = record.source_of;
    let mut rows = Vec::new();
    let figures = [
        ("fatalities", &record.fatalities, &incident.fatalities),
        ("injured", &record.injured, &incident.injured),
    ];
    for (kind, shown, given) in figures {
        if let (Some(shown), Some(given)) = (shown, given) {
            rows.extend(figure_rows(record.id, kind, shown, given));
        }
    }
    for (n, (claim, given)) in record.claims.iter().zip(&incident.assertions).enumerate() {
        rows.push(vec![
            record.id.to_string(),
            format!("text-{}", n + 1),
            "text".to_string(),
            claim.by.to_string(),
            boolean(is_group(&given.by)),
            String::new(),
            String::new(),
            claim.text.to_string(),
            boolean(claim.disputed),
            claim.source.unwrap_or_default().to_string(),
            source_key(record.id, claim.source),
            super::number(claim.credibility),
        ]);
    }
    rows
}

/// The rows of one kind of figure (`fatalities` or `injured`): `shown` is its record,
/// `given` the report's own figures, which say whether each party is a group.
fn figure_rows<'r>(
    id: &'r str,
    kind: &'r str,
    shown: &'r FiguresRecord,
    given: &'r Figures,
) -> impl Iterator<Item = Vec<String>> + 'r {
    shown
        .claims
        .iter()
        .zip(&given.claims)
        .enumerate()
        .map(move |(n, (claim, given))| {
            vec![
                id.to_string(),
                format!("{kind}-{}", n + 1),
                kind.to_string(),
                claim.by.to_string(),
                boolean(is_group(&given.by)),
                claim.who.to_string(),
                claim.count.to_string(),
                String::new(),
                String::new(),
                claim.source.unwrap_or_default().to_string(),
                source_key(id, claim.source),
                String::new(),
            ]
        })
}

/// Whether a claim's party is a group of the index rather than a name in free text.
fn is_group(party: &Party) -> bool {
    matches!(party, Party::Group(_))
}

/// The rows of `actors.csv`: one per group and role, in the report's order. A group
/// named twice in the same role gets one row with the surest attribution given it, so
/// that (incident_id, group, role) names a row.
pub(super) fn actor_rows(record: &Record, registry: &Registry) -> Vec<Vec<String>> {
    let mut seen: Vec<(usize, Role, Attribution)> = Vec::new();
    for actor in &record.source_of.actors {
        match seen
            .iter_mut()
            .find(|(group, role, _)| *group == actor.group && *role == actor.role)
        {
            Some(found) => found.2 = found.2.min(actor.attribution),
            None => seen.push((actor.group, actor.role, actor.attribution)),
        }
    }
    seen.into_iter()
        .map(|(g, role, attribution)| {
            let group = &registry.groups[g];
            vec![
                record.id.to_string(),
                group.name.clone(),
                group.full_name.clone().unwrap_or_default(),
                role.as_str().to_string(),
                attribution.as_str().to_string(),
                group.kind.as_str().to_string(),
                group.affiliation.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_key_is_empty_without_a_source() {
        assert_eq!(source_key("ML-2025-0001", Some("s1")), "ML-2025-0001#s1");
        assert_eq!(source_key("ML-2025-0001", None), "");
    }
}
