//! The counting rules of the stats page, over domain reports only, so they can be tested
//! without a site.
//!
//! SPEC: the figure of a chart is the editor's `best`, empty where none is given, never a
//! sum of the claims. So deaths are summed from estimates alone; a report without one adds
//! nothing to a sum and is counted instead, as a report whose only figure is a party's
//! claim or as one with no figure at all, so that "no estimate" never reads as zero. A
//! bucket (a month, a region, a group) holding reports but no estimate has an unknown
//! figure, which is not the same as a bucket with no report.

use crate::domain::apportion::split;
use crate::domain::model::Incident;
use crate::domain::registry::RegionRef;
use crate::domain::vocabulary::Role;

/// What one report tells of the people killed, for counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Figure {
    /// The editors' estimate (`best`).
    Estimate(u32),
    /// No estimate, but some party gave a figure; it is never summed.
    ClaimOnly,
    /// Neither an estimate nor a claim.
    Unknown,
}

/// The figure `incident` counts with.
pub(super) fn figure(incident: &Incident) -> Figure {
    match &incident.fatalities {
        Some(figures) => match figures.best {
            Some(best) => Figure::Estimate(best),
            None if !figures.claims.is_empty() => Figure::ClaimOnly,
            None => Figure::Unknown,
        },
        None => Figure::Unknown,
    }
}

/// The reports and deaths of one month, region or group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Tally {
    /// Reports counted here, each once.
    pub(super) reports: u64,
    /// Of those, reports with an editors' estimate.
    pub(super) estimated: u64,
    /// Of those, reports whose only figure is a party's claim.
    pub(super) claim_only: u64,
    /// Of those, reports with no figure at all.
    pub(super) unknown: u64,
    /// The estimates, or the shares of them that fall here, added up.
    killed: u64,
}

impl Tally {
    /// Counts one more report here, by the kind of figure it has.
    fn add_report(&mut self, figure: Figure) {
        self.reports += 1;
        match figure {
            Figure::Estimate(_) => self.estimated += 1,
            Figure::ClaimOnly => self.claim_only += 1,
            Figure::Unknown => self.unknown += 1,
        }
    }

    /// The people killed by the editors' estimates, or `None` when no report here has
    /// one: then the figure is not known, which a zero would deny.
    pub(super) fn killed(&self) -> Option<u64> {
        (self.estimated > 0).then_some(self.killed)
    }
}

/// One tally per month of `months`, over the `listed` reports. Every listed report's
/// month must be among `months`; one that is not is left out rather than panicking.
pub(super) fn by_month(
    incidents: &[Incident],
    listed: &[usize],
    months: &[(i16, i8)],
) -> Vec<Tally> {
    let at: std::collections::HashMap<(i16, i8), usize> =
        months.iter().enumerate().map(|(k, &m)| (m, k)).collect();
    let mut tallies = vec![Tally::default(); months.len()];
    for &i in listed {
        let incident = &incidents[i];
        let Some(&k) = at.get(&(incident.date.year(), incident.date.month())) else {
            continue;
        };
        count_whole(&mut tallies[k], figure(incident));
    }
    tallies
}

/// One tally per group (`groups` of them), over the `listed` reports that name the group
/// as a perpetrator, whatever the attribution. A report naming two perpetrators counts in
/// full for each: splitting its deaths between them would attribute to each a number no
/// source gave. The bars of a chart of these add up to more than the total, which the
/// chart says.
pub(super) fn by_group(incidents: &[Incident], listed: &[usize], groups: usize) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); groups];
    for &i in listed {
        let incident = &incidents[i];
        let mut seen: Vec<usize> = Vec::new();
        for actor in &incident.actors {
            let fresh = actor.role == Role::Perpetrator && !seen.contains(&actor.group);
            if fresh && actor.group < groups {
                seen.push(actor.group);
                count_whole(&mut tallies[actor.group], figure(incident));
            }
        }
    }
    tallies
}

/// One tally per region, as `[country][region]` with `shape[c]` regions in country `c`,
/// over the `listed` reports. A report counts once in each of its regions; its estimate
/// is shared among its rows of the events export as that export shares it (evenly, in
/// whole numbers, one row per place or per region), and each region gets the shares of
/// its rows, so that the regions' figures add up to the estimates: every person counted
/// once, in the same region as in `events.csv`.
pub(super) fn by_region(
    incidents: &[Incident],
    listed: &[usize],
    shape: &[usize],
) -> Vec<Vec<Tally>> {
    let mut tallies: Vec<Vec<Tally>> = shape.iter().map(|&n| vec![Tally::default(); n]).collect();
    for &i in listed {
        let incident = &incidents[i];
        let figure = figure(incident);
        let rows = incident.row_regions();
        let mut regions: Vec<RegionRef> = Vec::with_capacity(incident.regions.len());
        for &region in incident.regions.iter().chain(&rows) {
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
        for &region in &regions {
            if let Some(tally) = tally_at(&mut tallies, region) {
                tally.add_report(figure);
            }
        }
        if let Figure::Estimate(best) = figure {
            for (&region, share) in rows.iter().zip(split(best, rows.len())) {
                if let Some(tally) = tally_at(&mut tallies, region) {
                    tally.killed += u64::from(share);
                }
            }
        }
    }
    tallies
}

/// The tally of `region`, if the registry has it (validation makes sure it does).
fn tally_at(tallies: &mut [Vec<Tally>], (c, r): RegionRef) -> Option<&mut Tally> {
    tallies.get_mut(c).and_then(|regions| regions.get_mut(r))
}

/// Counts a report with all of its figure in `tally`.
/// One tally per grade (`grades` of them, in the site's order) and a last one for the
/// reports without a grade, over the `listed` reports: each report counts once, in full.
pub(super) fn by_grade(incidents: &[Incident], listed: &[usize], grades: usize) -> Vec<Tally> {
    let mut tallies = vec![Tally::default(); grades + 1];
    for &i in listed {
        let incident = &incidents[i];
        let at = incident.confidence.map_or(grades, |g| g.0.min(grades));
        count_whole(&mut tallies[at], figure(incident));
    }
    tallies
}

fn count_whole(tally: &mut Tally, figure: Figure) {
    tally.add_report(figure);
    if let Figure::Estimate(best) = figure {
        tally.killed += u64::from(best);
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::domain::model::{Actor, CasualtyClaim, Figures, Location, Party};
    use crate::domain::vocabulary::{Attribution, Who};

    const KAYES: RegionRef = (0, 0);
    const NIORO: RegionRef = (0, 1);

    fn report(day: (i16, i8, i8), regions: &[RegionRef], fatalities: Option<Figures>) -> Incident {
        Incident {
            title: "x".into(),
            date: jiff::civil::date(day.0, day.1, day.2),
            regions: regions.to_vec(),
            fatalities,
            summary: "x".into(),
            ..Incident::example("x")
        }
    }

    fn best(n: u32) -> Option<Figures> {
        Some(Figures {
            best: Some(n),
            ..Figures::default()
        })
    }

    fn claims(counts: &[u32]) -> Option<Figures> {
        let claim = |&count: &u32| CasualtyClaim {
            count,
            who: Who::Soldiers,
            by: Party::Named("army".into()),
            source: None,
        };
        Some(Figures {
            claims: counts.iter().map(claim).collect(),
            ..Figures::default()
        })
    }

    fn place(name: &str, region: RegionRef) -> Location {
        Location {
            name: name.into(),
            region: Some(region),
            admin2: None,
            coordinates: None,
            precision: None,
        }
    }

    fn perpetrator(group: usize) -> Actor {
        Actor {
            group,
            role: Role::Perpetrator,
            attribution: Attribution::Confirmed,
        }
    }

    #[test]
    fn a_report_in_two_regions_shares_its_estimate_as_the_events_export_does() {
        let mut two_places = report((2025, 7, 1), &[KAYES, NIORO], best(80));
        two_places.locations = vec![place("Diéma", KAYES), place("Nioro", NIORO)];
        let no_place = report((2025, 7, 2), &[KAYES, NIORO], best(7));
        let incidents = [two_places, no_place];
        let regions = by_region(&incidents, &[0, 1], &[2]);
        let (kayes, nioro) = (regions[0][0], regions[0][1]);
        assert_eq!(kayes.killed(), Some(40 + 4), "7 in two rows is 4 and 3");
        assert_eq!(nioro.killed(), Some(40 + 3));
        assert_eq!(
            kayes.killed().unwrap() + nioro.killed().unwrap(),
            87,
            "every person once: the bars add up to the total"
        );
        assert_eq!(
            (kayes.reports, nioro.reports),
            (2, 2),
            "each report once per region"
        );
    }

    #[test]
    fn places_in_one_region_give_it_all_and_leave_the_other_region_a_known_zero() {
        let mut incident = report((2025, 7, 1), &[KAYES, NIORO], best(9));
        incident.locations = vec![place("Diéma", KAYES), place("Kayes", KAYES)];
        let regions = by_region(&[incident], &[0], &[2]);
        assert_eq!(regions[0][0].killed(), Some(9));
        assert_eq!(regions[0][1].killed(), Some(0));
        assert_eq!(regions[0][1].reports, 1);
    }

    #[test]
    fn no_estimate_is_unknown_and_not_zero() {
        let incidents = [
            report((2025, 5, 1), &[KAYES], claims(&[12, 30])),
            report((2025, 5, 9), &[KAYES], None),
            report((2025, 7, 1), &[KAYES], best(0)),
        ];
        let months = [(2025, 5), (2025, 6), (2025, 7)];
        let tallies = by_month(&incidents, &[2, 1, 0], &months);
        let may = tallies[0];
        assert_eq!(may.killed(), None, "reports, but no estimate: not known");
        assert_eq!((may.reports, may.claim_only, may.unknown), (2, 1, 1));
        assert_eq!(tallies[1].killed(), None, "no report: nothing to give");
        assert_eq!(
            tallies[1].reports, 0,
            "and told apart by its count of reports"
        );
        assert_eq!(
            tallies[2].killed(),
            Some(0),
            "an estimate of none is a real zero"
        );
    }

    #[test]
    fn party_claims_are_never_summed() {
        let incidents = [
            report((2025, 7, 1), &[KAYES], claims(&[80])),
            report((2025, 7, 2), &[KAYES], claims(&[5])),
            report((2025, 7, 3), &[KAYES], best(3)),
        ];
        let july = by_month(&incidents, &[0, 1, 2], &[(2025, 7)])[0];
        assert_eq!(july.killed(), Some(3), "the estimate alone");
        assert_eq!(
            july.claim_only, 2,
            "claim-only reports are counted, not their claims"
        );
        let kayes = by_region(&incidents, &[0, 1, 2], &[1])[0][0];
        assert_eq!(kayes.killed(), Some(3));
    }

    #[test]
    fn a_report_counts_in_full_for_each_perpetrator_once() {
        let mut both = report((2025, 7, 1), &[KAYES], best(10));
        both.actors = vec![
            perpetrator(0),
            perpetrator(1),
            perpetrator(1),
            Actor {
                role: Role::Target,
                ..perpetrator(2)
            },
        ];
        let groups = by_group(&[both], &[0], 3);
        assert_eq!(groups[0].killed(), Some(10));
        assert_eq!(groups[1].killed(), Some(10), "named twice, counted once");
        assert_eq!(groups[1].reports, 1);
        assert_eq!(
            groups[2].reports, 0,
            "a target is not charged with the deaths"
        );
    }

    #[test]
    fn unlisted_reports_and_months_out_of_range_are_left_out() {
        let incidents = [report((2025, 7, 1), &[KAYES], best(4))];
        assert_eq!(by_month(&incidents, &[], &[(2025, 7)])[0].reports, 0);
        assert_eq!(by_month(&incidents, &[0], &[(2025, 8)])[0].reports, 0);
    }
}
