//! Charts for the `/stats/` page, drawn at build time as inline SVG.
//!
//! Pages must work with no network and no scripts, so charts are plain markup made here
//! rather than by a JavaScript library in the browser. Every function is pure: it takes
//! labels and numbers the caller has already counted and returns an `<svg>` string, with
//! no knowledge of reports or the index, so the counting rules (what is independent,
//! what a party claimed) live in one place outside this module.
//!
//! The charts scale to their container (`width="100%"` over a fixed viewBox), paint with
//! `currentColor` so text and axes follow the page's colour scheme, and give each series
//! a class (`chart-series-CLASS`) whose `color` the site's stylesheet sets for light and
//! dark mode. Series after the first are hatched, so a party's claims stay distinct from
//! independent figures without relying on colour. A value the caller marks unknown is
//! never drawn as zero: a column chart outlines it with dashes, a bar chart writes "not
//! known" where the bar would end, and both say so to screen readers.
//!
//! ```
//! use incidex::draw::charts::{column_chart, month_label, month_range, ChartWords, Series};
//!
//! let words = ChartWords::default();
//! let labels: Vec<String> = month_range((2025, 1), (2025, 3))
//!     .into_iter()
//!     .map(|(y, m)| month_label(y, m, &words))
//!     .collect();
//! let series = [
//!     Series { name: "independent".into(), class: "independent".into(), values: vec![4, 0, 7], unknown: vec![] },
//!     Series { name: "claimed by a party".into(), class: "claimed".into(), values: vec![2, 1, 0], unknown: vec![] },
//! ];
//! let svg = column_chart("Fatalities per month", &labels, &series, true, &words);
//! assert!(svg.contains("<title>March 2025: 7 independent</title>"));
//! ```

mod bar;
mod column;
mod scale;
mod svg;
mod words;

pub use bar::bar_chart;
pub use column::column_chart;
pub use scale::{month_label, month_range, nice_ticks};
pub use words::{ChartWords, Counted};

/// One set of values drawn across a chart's labels, such as incidents, or fatalities
/// from independent sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Series {
    /// Shown in the legend and in each mark's tooltip ("March 2025: 12 incidents"), so a
    /// plural noun phrase reads best.
    pub name: String,
    /// Suffix of the series' CSS class `chart-series-CLASS`, e.g. `independent` or
    /// `claimed`; characters other than letters, digits, `-` and `_` become `-`.
    pub class: String,
    /// One value per label, in the labels' order.
    pub values: Vec<u64>,
    /// Per label, whether the value is not known (its entry in `values` is then ignored):
    /// such a value is marked as unknown, not drawn as zero, which would claim that
    /// nothing happened. Shorter than the labels, or empty, means known everywhere else.
    pub unknown: Vec<bool>,
}
