//! How a report's figures are shared among the rows of the events export, and so among
//! regions: one row per place (in the place's region), or one per region when the report
//! names no place. A figure is split across its report's rows as evenly as whole numbers
//! allow, the earlier rows taking the remainder, as ACLED splits an event's fatalities
//! across its locations: a sum over rows, or over the rows of one region, counts every
//! person once.

use crate::domain::model::Incident;
use crate::domain::registry::RegionRef;

impl Incident {
    /// The region of each of the report's events rows, in row order: one per place (the
    /// place's region, or the report's first when the place names none), or one per
    /// region when the report names no place.
    pub fn row_regions(&self) -> Vec<RegionRef> {
        if self.locations.is_empty() {
            return self.regions.clone();
        }
        self.locations
            .iter()
            .filter_map(|l| l.region.or_else(|| self.regions.first().copied()))
            .collect()
    }

    /// How many rows the report has in the events export.
    pub fn row_count(&self) -> usize {
        if self.locations.is_empty() {
            self.regions.len()
        } else {
            self.locations.len()
        }
    }
}

/// `total` split into `parts` whole shares that add up to it, the first ones larger by
/// one where it does not divide evenly: 10 in 3 is 4, 3, 3.
pub fn split(total: u32, parts: usize) -> Vec<u32> {
    if parts == 0 {
        return Vec::new();
    }
    let parts_u32 = parts as u32;
    let (share, rest) = (total / parts_u32, total % parts_u32);
    (0..parts_u32)
        .map(|k| share + u32::from(k < rest))
        .collect()
}

/// [`split`] of a figure that may be unknown: an unknown figure is unknown on every row.
pub fn split_known(total: Option<u32>, parts: usize) -> Vec<Option<u32>> {
    match total {
        Some(total) => split(total, parts).into_iter().map(Some).collect(),
        None => vec![None; parts],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_and_differ_by_at_most_one() {
        assert_eq!(split(10, 3), vec![4, 3, 3]);
        assert_eq!(split(80, 2), vec![40, 40]);
        assert_eq!(split(1, 3), vec![1, 0, 0]);
        assert_eq!(split(7, 1), vec![7]);
        assert!(split(7, 0).is_empty());
        for total in 0..50 {
            for parts in 1..7 {
                let shares = split(total, parts);
                assert_eq!(shares.iter().sum::<u32>(), total);
                assert!(shares.iter().max().unwrap() - shares.iter().min().unwrap() <= 1);
            }
        }
    }

    #[test]
    fn an_unknown_figure_stays_unknown_on_every_row() {
        assert_eq!(split_known(None, 2), vec![None, None]);
        assert_eq!(split_known(Some(5), 2), vec![Some(3), Some(2)]);
    }
}
