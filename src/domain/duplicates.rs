//! Likely duplicates: two reports of one event, written by two editors or from two
//! sources. Two reports are likely duplicates when they share the country, a region and a
//! group, their dates overlap once each is widened to its precision, and their titles
//! are alike. Pure: the load stage turns what is found into warnings.
//!
//! Complexity: reports are put in buckets by (region, group) — a region implies its
//! country — and each bucket is swept once in date order, comparing a report only with
//! the earlier ones whose dates still overlap it. That is O(n·b·log n + n·b·w) for n
//! reports, b buckets a report falls in (its regions times its groups, a handful) and w
//! reports of one region and group that overlap one report's dates (a few a week, more
//! for reports known only to the month or year). Never all pairs of the site: 100,000
//! reports over a few hundred region-group buckets stay near-linear.

use jiff::civil::Date;
use jiff::Span;
use rustc_hash::FxHashMap;

use crate::domain::model::Incident;
use crate::domain::registry::RegionRef;
use crate::domain::vocabulary::{DatePrecision, Status};

/// Two reports that may tell one event, and one region and group they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LikelyDuplicate {
    /// The report that comes first in the list given.
    pub first: usize,
    /// The other report, later in the list.
    pub second: usize,
    /// A region both name.
    pub region: RegionRef,
    /// A group (registry index) both name.
    pub group: usize,
}

/// How alike two titles must be, as the share of their words they have in common.
const SAME_WORDS: f64 = 0.5;
/// How alike two titles must be, letter by letter, when few words match (spelling
/// variants of place names, one word more or less in a short title).
const SAME_LETTERS: f64 = 0.8;

/// Every pair of `incidents` that may be one event, in list order. Retracted reports are
/// left out (retracting one of two is how a duplicate is usually settled), and so are
/// pairs where one report names the other in `not_duplicate_of`.
pub fn likely_duplicates(incidents: &[Incident]) -> Vec<LikelyDuplicate> {
    let titles: Vec<Title> = incidents.iter().map(|i| Title::of(&i.title)).collect();
    let spans: Vec<(Date, Date)> = incidents.iter().map(date_span).collect();
    let mut buckets: FxHashMap<(RegionRef, usize), Vec<usize>> = FxHashMap::default();
    for (i, incident) in incidents.iter().enumerate() {
        if incident.status == Status::Retracted {
            continue;
        }
        let mut groups: Vec<usize> = incident.actors.iter().map(|a| a.group).collect();
        groups.sort_unstable();
        groups.dedup();
        for &region in &incident.regions {
            for &group in &groups {
                buckets.entry((region, group)).or_default().push(i);
            }
        }
    }
    let mut found: FxHashMap<(usize, usize), LikelyDuplicate> = FxHashMap::default();
    // Buckets in a fixed order, so the region and group a pair is named by do not depend
    // on the hash map's.
    let mut keys: Vec<(RegionRef, usize)> = buckets.keys().copied().collect();
    keys.sort_unstable();
    for (region, group) in keys {
        let mut members = std::mem::take(buckets.get_mut(&(region, group)).expect("a key"));
        members.sort_by_key(|&i| (spans[i].0, i));
        let mut open: Vec<usize> = Vec::new();
        for &later in &members {
            // Reports that ended before this one began cannot overlap it or any after it.
            open.retain(|&earlier| spans[earlier].1 >= spans[later].0);
            for &earlier in &open {
                let (first, second) = (earlier.min(later), earlier.max(later));
                if found.contains_key(&(first, second))
                    || set_apart(&incidents[first], &incidents[second])
                    || !titles[first].is_like(&titles[second])
                {
                    continue;
                }
                let pair = LikelyDuplicate {
                    first,
                    second,
                    region,
                    group,
                };
                found.insert((first, second), pair);
            }
            open.push(later);
        }
    }
    let mut pairs: Vec<LikelyDuplicate> = found.into_values().collect();
    pairs.sort_by_key(|p| (p.first, p.second));
    pairs
}

/// Whether the editor said one report is not a duplicate of the other.
fn set_apart(a: &Incident, b: &Incident) -> bool {
    let names = |i: &Incident, other: &Incident| {
        i.not_duplicate_of
            .iter()
            .any(|n| *n == other.id || *n == other.slug)
    };
    names(a, b) || names(b, a)
}

/// The first and last day a report's event may have happened on: from `date` to the
/// later of `end_date` and the end of the week, month or year `date_precision` allows.
pub fn date_span(incident: &Incident) -> (Date, Date) {
    let date = incident.date;
    let widened = match incident.precision {
        DatePrecision::Day => date,
        DatePrecision::Week => date.checked_add(Span::new().days(6)).unwrap_or(date),
        DatePrecision::Month => date.last_of_month(),
        DatePrecision::Year => date.last_of_year(),
    };
    (date, incident.end_date.unwrap_or(date).max(widened))
}

/// Words that say nothing of which event a title is about, in the site languages'
/// titles (English and French).
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "near", "after", "from", "into", "des", "les", "une", "dans",
    "sur", "aux", "par", "pour", "avec", "pres", "apres", "contre", "entre", "del", "los",
];

/// A title made comparable: folded to lower-case ASCII, and its telling words.
struct Title {
    folded: String,
    words: Vec<String>,
}

impl Title {
    fn of(title: &str) -> Title {
        let folded = crate::domain::slugs::slugify(title);
        let mut words: Vec<String> = folded
            .split('-')
            .filter(|w| w.len() >= 3 && !STOP_WORDS.contains(w))
            // A plural and its singular are one word here ("attacks", "attack").
            .map(|w| match w.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 => stem.to_string(),
                _ => w.to_string(),
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        Title { folded, words }
    }

    /// Whether two titles are alike: half their words shared, or nearly the same letters.
    fn is_like(&self, other: &Title) -> bool {
        let shared = self
            .words
            .iter()
            .filter(|w| other.words.contains(w))
            .count();
        let all = self.words.len() + other.words.len() - shared;
        (all > 0 && shared as f64 / all as f64 >= SAME_WORDS)
            || strsim::normalized_levenshtein(&self.folded, &other.folded) >= SAME_LETTERS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Actor;
    use crate::domain::vocabulary::{Attribution, Role};

    fn report(stem: &str, title: &str, day: i8, region: RegionRef, group: usize) -> Incident {
        Incident {
            title: title.into(),
            date: jiff::civil::date(2025, 7, day),
            regions: vec![region],
            actors: vec![Actor {
                group,
                role: Role::Perpetrator,
                attribution: Attribution::Claimed,
            }],
            ..Incident::example(stem)
        }
    }

    #[test]
    fn alike_titles_of_one_day_region_and_group_are_paired() {
        let a = report("a", "JNIM attacks army post in Kayes", 1, (0, 0), 0);
        let b = report("b", "JNIM attack on army posts near Kayes", 1, (0, 0), 0);
        let pairs = likely_duplicates(&[a, b]);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].first, pairs[0].second), (0, 1));
    }

    #[test]
    fn another_day_region_group_or_title_is_no_duplicate() {
        let a = report("a", "JNIM attacks army post in Kayes", 1, (0, 0), 0);
        let other_day = report("b", "JNIM attacks army post in Kayes", 3, (0, 0), 0);
        let other_region = report("c", "JNIM attacks army post in Kayes", 1, (0, 1), 0);
        let other_group = report("d", "JNIM attacks army post in Kayes", 1, (0, 0), 1);
        let other_title = report("e", "Curfew imposed on the town", 1, (0, 0), 0);
        let all = [a, other_day, other_region, other_group, other_title];
        assert_eq!(likely_duplicates(&all), []);
    }

    #[test]
    fn a_month_precision_date_overlaps_every_day_of_its_month() {
        let mut a = report("a", "Ambush on a convoy near Nioro", 1, (0, 0), 0);
        a.precision = DatePrecision::Month;
        let b = report("b", "Ambush on convoy near Nioro", 28, (0, 0), 0);
        assert_eq!(likely_duplicates(&[a.clone(), b.clone()]).len(), 1);
        a.precision = DatePrecision::Day;
        assert_eq!(likely_duplicates(&[a, b]), []);
    }

    #[test]
    fn not_duplicate_of_and_retraction_set_a_pair_apart() {
        let a = report("a", "JNIM attacks army post in Kayes", 1, (0, 0), 0);
        let mut b = report("b", "JNIM attacks army post in Kayes", 1, (0, 0), 0);
        b.not_duplicate_of = vec!["a".into()];
        assert_eq!(likely_duplicates(&[a.clone(), b.clone()]), []);
        b.not_duplicate_of.clear();
        b.status = Status::Retracted;
        assert_eq!(likely_duplicates(&[a, b]), []);
    }

    #[test]
    fn a_pair_in_several_buckets_is_named_once() {
        let mut a = report("a", "Attack on Diéma", 1, (0, 0), 0);
        a.regions.push((0, 1));
        let mut b = a.clone();
        b.slug = "b".into();
        b.id = "b".into();
        assert_eq!(likely_duplicates(&[a, b]).len(), 1);
    }
}
