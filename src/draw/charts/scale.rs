//! Axis arithmetic shared by the chart kinds: gridline values, calendar months and which
//! tick labels fit. Kept apart from the SVG writing so it can be tested with plain numbers.

/// Most intervals a value axis gets; with the 1-2-5 steps this gives 4 to 6 gridlines.
const MAX_INTERVALS: u64 = 5;

use super::words::ChartWords;

/// Gridline values for an axis from 0 to at least `max`: 0 first, evenly spaced by a
/// step of 1, 2 or 5 × 10^k, at most six values, the last one ≥ `max`.
///
/// Counts are whole numbers, so the step is never below 1: a maximum under 5 gets one
/// gridline per unit (`nice_ticks(2)` is `[0, 1, 2]`), and 0 gets `[0, 1]` so a scale
/// built on it never divides by zero.
pub fn nice_ticks(max: u64) -> Vec<u64> {
    let step = nice_step(max);
    let intervals = max.div_ceil(step).max(1);
    (0..=intervals).map(|i| i.saturating_mul(step)).collect()
}

/// The smallest 1-2-5 step that covers `max` in at most [`MAX_INTERVALS`] intervals.
fn nice_step(max: u64) -> u64 {
    let mut magnitude: u64 = 1;
    loop {
        for digit in [1, 2, 5] {
            let Some(step) = magnitude.checked_mul(digit) else {
                return u64::MAX / MAX_INTERVALS;
            };
            if max.div_ceil(step) <= MAX_INTERVALS {
                return step;
            }
        }
        match magnitude.checked_mul(10) {
            Some(next) => magnitude = next,
            None => return u64::MAX / MAX_INTERVALS,
        }
    }
}

/// Every month from `from` to `to`, both included, as (year, month 1–12); empty when
/// `to` comes before `from`. Months outside 1–12 carry into the year, so `(2024, 13)`
/// is read as January 2025.
pub fn month_range(from: (i16, i8), to: (i16, i8)) -> Vec<(i16, i8)> {
    let start = month_ordinal(from);
    let end = month_ordinal(to);
    (start..=end).filter_map(month_from_ordinal).collect()
}

/// A short month label for axes and lists, with `words`' abbreviation: `month_label(2025,
/// 3, &ChartWords::default())` is `"Mar 2025"`, and `"mars 2025"` with French words.
///
/// Column charts given the same words recognise these labels: a run of consecutive months
/// gets its ticks on calendar boundaries and its tooltips spelled out ("March 2025").
pub fn month_label(year: i16, month: i8, words: &ChartWords) -> String {
    match month_index(month) {
        Some(at) => format!("{} {year}", words.months_short[at]),
        None => format!("{year}-{month:02}"),
    }
}

/// `month` (1–12) as an index into the month names.
fn month_index(month: i8) -> Option<usize> {
    (1..=12).contains(&month).then(|| month as usize - 1)
}

/// The long form used in tooltips, where there is room: "March 2025".
pub(super) fn month_long_label(year: i16, month: i8, words: &ChartWords) -> String {
    match month_index(month) {
        Some(at) => format!("{} {year}", words.months[at]),
        None => month_label(year, month, words),
    }
}

/// Reads back a label made by [`month_label`] with the same words.
pub(super) fn parse_month_label(label: &str, words: &ChartWords) -> Option<(i16, i8)> {
    let (name, year) = label.rsplit_once(' ')?;
    let month = (1..=12).find(|&m| words.months_short[m as usize - 1] == name)?;
    let year: i16 = year.parse().ok()?;
    Some((year, month))
}

/// The labels as months, when every label is a month label and each follows the one
/// before; otherwise the axis is treated as plain categories.
pub(super) fn consecutive_months(labels: &[String], words: &ChartWords) -> Option<Vec<(i16, i8)>> {
    let months: Vec<(i16, i8)> = labels
        .iter()
        .map(|l| parse_month_label(l, words))
        .collect::<Option<_>>()?;
    let consecutive = months
        .windows(2)
        .all(|w| month_ordinal(w[1]) == month_ordinal(w[0]) + 1);
    consecutive.then_some(months)
}

fn month_ordinal((year, month): (i16, i8)) -> i32 {
    i32::from(year) * 12 + i32::from(month) - 1
}

fn month_from_ordinal(ordinal: i32) -> Option<(i16, i8)> {
    let year = i16::try_from(ordinal.div_euclid(12)).ok()?;
    Some((year, ordinal.rem_euclid(12) as i8 + 1))
}

/// One position on a category axis: labelled, or a bare mark between labels.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tick {
    pub index: usize,
    pub text: Option<String>,
}

/// Ticks for a run of months. Labels are spaced by the smallest calendar step (1, 2, 3,
/// 6 months or 1, 2, 5, 10... years) whose labels fit side by side, so they never overlap;
/// once a step spans years, only Januaries are labelled, with the year alone, and the
/// other Januaries keep a bare mark so years can still be counted.
pub(super) fn month_ticks(
    months: &[(i16, i8)],
    band: f64,
    label_width: impl Fn(&str) -> f64,
    words: &ChartWords,
) -> Vec<Tick> {
    let fits = |step: usize, sample: &str| band * step as f64 >= label_width(sample);
    // The widest month's label, so that no two labels overlap in any language.
    let widest = (1..=12)
        .map(|m| month_label(2025, m, words))
        .max_by(|a, b| label_width(a).total_cmp(&label_width(b)))
        .unwrap_or_default();
    let sub_year = [1usize, 2, 3, 6]
        .into_iter()
        .find(|&step| fits(step, &widest));
    let ticks: Vec<Tick> = match sub_year {
        Some(step) => months
            .iter()
            .enumerate()
            .filter(|(_, (_, m))| (*m as usize - 1).is_multiple_of(step))
            .map(|(index, &(y, m))| Tick {
                index,
                text: Some(month_label(y, m, words)),
            })
            .collect(),
        None => {
            let years = year_steps()
                .find(|&years| fits(years * 12, "2025"))
                .unwrap_or(1);
            months
                .iter()
                .enumerate()
                .filter(|(_, (_, m))| *m == 1)
                .map(|(index, &(y, _))| Tick {
                    index,
                    text: (i64::from(y).rem_euclid(years as i64) == 0).then(|| y.to_string()),
                })
                .collect()
        }
    };
    if ticks.iter().any(|t| t.text.is_some()) {
        ticks
    } else {
        // A short run that crosses no boundary of the chosen step still says when it is.
        let (y, m) = months[0];
        let mut with_first = vec![Tick {
            index: 0,
            text: Some(month_label(y, m, words)),
        }];
        with_first.extend(ticks.into_iter().filter(|t| t.index != 0));
        with_first
    }
}

fn year_steps() -> impl Iterator<Item = usize> {
    [1usize, 2, 5].into_iter().chain((1..6).flat_map(|k| {
        let magnitude = 10usize.pow(k);
        [magnitude, 2 * magnitude, 5 * magnitude]
    }))
}

/// Ticks for plain categories: every Nth label, N the smallest that keeps the widest
/// label clear of its neighbours.
pub(super) fn category_ticks(
    labels: &[String],
    band: f64,
    label_width: impl Fn(&str) -> f64,
) -> Vec<Tick> {
    let widest = labels.iter().map(|l| label_width(l)).fold(0.0, f64::max);
    let step = ((widest / band).ceil() as usize).max(1);
    labels
        .iter()
        .enumerate()
        .map(|(index, label)| Tick {
            index,
            text: index.is_multiple_of(step).then(|| label.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_one_two_five(step: u64) -> bool {
        let mut s = step;
        while s >= 10 && s.is_multiple_of(10) {
            s /= 10;
        }
        matches!(s, 1 | 2 | 5)
    }

    #[test]
    fn ticks_are_nice_evenly_spaced_and_cover_the_max() {
        for max in (0..2_000).chain([9_999, 123_456, 7_000_000]) {
            let ticks = nice_ticks(max);
            assert_eq!(ticks[0], 0, "max {max}");
            assert!(*ticks.last().unwrap() >= max, "max {max}: {ticks:?}");
            assert!(ticks.len() <= 6, "max {max}: {ticks:?}");
            if max >= 3 {
                assert!(ticks.len() >= 4, "max {max}: {ticks:?}");
            }
            let step = ticks[1];
            assert!(is_one_two_five(step), "max {max}: step {step}");
            assert!(ticks.windows(2).all(|w| w[1] - w[0] == step));
            // No wasted interval: the one below the top would not cover the max.
            assert!(ticks[ticks.len() - 2] < max.max(1), "max {max}: {ticks:?}");
        }
    }

    #[test]
    fn ticks_for_small_and_huge_maxima() {
        assert_eq!(nice_ticks(0), vec![0, 1]);
        assert_eq!(nice_ticks(2), vec![0, 1, 2]);
        assert_eq!(nice_ticks(12), vec![0, 5, 10, 15]);
        assert_eq!(nice_ticks(80), vec![0, 20, 40, 60, 80]);
        assert!(*nice_ticks(u64::MAX).last().unwrap() == u64::MAX);
    }

    #[test]
    fn month_range_crosses_years_and_includes_both_ends() {
        let months = month_range((2024, 11), (2025, 2));
        assert_eq!(months, vec![(2024, 11), (2024, 12), (2025, 1), (2025, 2)]);
        assert_eq!(month_range((2016, 1), (2025, 12)).len(), 120);
        assert!(month_range((2025, 2), (2025, 1)).is_empty());
    }

    #[test]
    fn month_labels_round_trip() {
        assert_eq!(month_label(2025, 3, &ChartWords::default()), "Mar 2025");
        assert_eq!(
            month_long_label(2025, 3, &ChartWords::default()),
            "March 2025"
        );
        assert_eq!(
            parse_month_label("Mar 2025", &ChartWords::default()),
            Some((2025, 3))
        );
        assert_eq!(parse_month_label("Tillabéri", &ChartWords::default()), None);
        let labels: Vec<String> = month_range((2024, 12), (2025, 1))
            .into_iter()
            .map(|(y, m)| month_label(y, m, &ChartWords::default()))
            .collect();
        assert!(consecutive_months(&labels, &ChartWords::default()).is_some());
        assert!(consecutive_months(
            &["Jan 2025".into(), "Mar 2025".into()],
            &ChartWords::default()
        )
        .is_none());
    }

    #[test]
    fn long_month_runs_label_years_only_and_never_crowd() {
        let months = month_range((2016, 1), (2025, 12));
        let width = |s: &str| s.chars().count() as f64 * 8.0;
        let band = 2.5;
        let ticks = month_ticks(&months, band, width, &ChartWords::default());
        let labelled: Vec<&Tick> = ticks.iter().filter(|t| t.text.is_some()).collect();
        assert!(labelled.len() < 120 && !labelled.is_empty());
        assert!(labelled.iter().all(|t| months[t.index].1 == 1));
        for pair in labelled.windows(2) {
            let gap = (pair[1].index - pair[0].index) as f64 * band;
            assert!(gap >= width(pair[0].text.as_deref().unwrap()));
        }
    }

    #[test]
    fn a_short_run_without_a_boundary_still_labels_its_first_month() {
        let months = month_range((2025, 2), (2025, 3));
        let ticks = month_ticks(
            &months,
            10.0,
            |s| s.len() as f64 * 8.0,
            &ChartWords::default(),
        );
        assert_eq!(ticks[0].text.as_deref(), Some("Feb 2025"));
    }
}
