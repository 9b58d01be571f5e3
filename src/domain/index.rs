//! The index stage: pure and free of I/O. Groups incident positions (never copies) by
//! country, region, group, event type and year, each list newest first, in one pass.

use std::collections::{BTreeMap, HashMap};

use super::Site;
use crate::domain::vocabulary::{EventType, Role};

/// How many automatic related reports an incident page shows at most.
const AUTO_RELATED: usize = 4;
/// Reports in the same region this many days apart or less count as related.
const RELATED_WINDOW_DAYS: i32 = 31;

/// Positions into `Site::incidents`, grouped every way the site's pages need.
#[derive(Debug, Default)]
pub struct SiteIndex {
    /// Every listed incident, newest first (then by slug).
    pub listed: Vec<usize>,
    /// Each incident's position in `listed` (`usize::MAX` when it is not listed), to find
    /// a chunk's records from an incident.
    pub listed_at: Vec<usize>,
    /// Listed incidents per country.
    pub by_country: Vec<Vec<usize>>,
    /// Listed incidents per region, as `[country][region]`.
    pub by_region: Vec<Vec<Vec<usize>>>,
    /// Listed incidents per group, whatever its role.
    pub by_group: Vec<Vec<usize>>,
    /// Per group, how many reports name it in each role.
    pub role_counts: Vec<RoleCounts>,
    /// Listed incidents per event type, in vocabulary order.
    pub by_type: Vec<Vec<usize>>,
    /// Listed incidents per year, years ascending.
    pub by_year: BTreeMap<i16, Vec<usize>>,
    /// Position of every built incident by slug.
    pub by_slug: HashMap<String, usize>,
    /// Related reports per incident: the editor's first, then nearby ones.
    pub related: Vec<Vec<usize>>,
    /// Neighbours in time per incident within `listed`: (newer, older).
    pub neighbours: Vec<(Option<usize>, Option<usize>)>,
    /// The latest revision of any listed report: when the site-wide pages last changed.
    pub latest_revision: Option<jiff::civil::Date>,
}

/// How many times reports name one group in each role.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RoleCounts {
    /// As perpetrator.
    pub perpetrator: usize,
    /// As target.
    pub target: usize,
    /// As responder.
    pub responder: usize,
}

/// Builds the index. Needs a loaded [`Site`]; touches nothing on disk.
pub fn build_index(site: &Site) -> SiteIndex {
    let incidents = &site.incidents;
    let registry = &site.registry;
    let mut listed: Vec<usize> = (0..incidents.len())
        .filter(|&i| incidents[i].is_listed())
        .collect();
    listed.sort_by(|&a, &b| {
        let (a, b) = (&incidents[a], &incidents[b]);
        b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug))
    });

    let mut index = SiteIndex {
        by_country: vec![Vec::new(); registry.countries.len()],
        by_region: registry
            .countries
            .iter()
            .map(|c| vec![Vec::new(); c.regions.len()])
            .collect(),
        by_group: vec![Vec::new(); registry.groups.len()],
        role_counts: vec![RoleCounts::default(); registry.groups.len()],
        by_type: vec![Vec::new(); EventType::ALL.len()],
        by_slug: incidents
            .iter()
            .enumerate()
            .map(|(i, inc)| (inc.slug.clone(), i))
            .collect(),
        neighbours: vec![(None, None); incidents.len()],
        listed_at: vec![usize::MAX; incidents.len()],
        ..SiteIndex::default()
    };

    for (position, &i) in listed.iter().enumerate() {
        index.listed_at[i] = position;
        let incident = &incidents[i];
        index.by_country[incident.country].push(i);
        for &(country, region) in &incident.regions {
            index.by_region[country][region].push(i);
        }
        let mut seen_groups: Vec<usize> = Vec::with_capacity(incident.actors.len());
        for actor in &incident.actors {
            let counts = &mut index.role_counts[actor.group];
            *match actor.role {
                Role::Perpetrator => &mut counts.perpetrator,
                Role::Target => &mut counts.target,
                Role::Responder => &mut counts.responder,
            } += 1;
            if !seen_groups.contains(&actor.group) {
                seen_groups.push(actor.group);
                index.by_group[actor.group].push(i);
            }
        }
        if let Some(event_type) = incident.event_type {
            index.by_type[event_type.index()].push(i);
        }
        index
            .by_year
            .entry(incident.date.year())
            .or_default()
            .push(i);
        let newer = position.checked_sub(1).map(|p| listed[p]);
        let older = listed.get(position + 1).copied();
        index.neighbours[i] = (newer, older);
    }

    index.related = related_reports(site, &index);
    index.latest_revision = listed.iter().map(|&i| incidents[i].last_revision()).max();
    index.listed = listed;
    index
}

/// The editor's related reports, then reports of the same region close in time, then
/// reports of the same group close in time.
///
/// Looks only at a few neighbours in each region's and group's date-sorted list, so it
/// stays linear.
fn related_reports(site: &Site, index: &SiteIndex) -> Vec<Vec<usize>> {
    let incidents = &site.incidents;
    let mut related: Vec<Vec<usize>> = incidents
        .iter()
        .map(|inc| {
            inc.related
                .iter()
                .filter_map(|slug| index.by_slug.get(slug).copied())
                .collect()
        })
        .collect();
    let lists = index
        .by_region
        .iter()
        .flatten()
        .chain(index.by_group.iter());
    for list in lists {
        for (p, &i) in list.iter().enumerate() {
            let from = p.saturating_sub(AUTO_RELATED / 2);
            let to = (p + AUTO_RELATED / 2 + 1).min(list.len());
            for &j in &list[from..to] {
                let days = (incidents[i].date - incidents[j].date).get_days().abs();
                let wanted = j != i && days <= RELATED_WINDOW_DAYS;
                if wanted
                    && !related[i].contains(&j)
                    && related[i].len() < AUTO_RELATED + incidents[i].related.len()
                {
                    related[i].push(j);
                }
            }
        }
    }
    related
}
