//! The words a chart's SVG says (month labels, "No data", the descriptions screen readers
//! give), passed in by the caller in the site's language; this module knows no catalogue,
//! so it takes plain strings with `{name}` placeholders, and count phrases as functions.

/// A phrase for a count, in the caller's language ("12 columns").
pub type Counted<'a> = Box<dyn Fn(usize) -> String + Send + Sync + 'a>;

/// Everything a chart writes in words. [`ChartWords::default`] is English.
pub struct ChartWords<'a> {
    /// Month abbreviations for axes and labels, January first ("Jan", "juil.").
    pub months_short: [&'a str; 12],
    /// Full month names for tooltips, January first.
    pub months: [&'a str; 12],
    /// What an empty chart says: "No data".
    pub no_data: &'a str,
    /// Between the parts of a list: ", ".
    pub separator: &'a str,
    /// A mark's tooltip: "{label}: {value} {series}".
    pub tooltip: &'a str,
    /// One value of a bar chart's description: "{value} {series}".
    pub value: &'a str,
    /// One row of a bar chart's description: "{label}: {values}.".
    pub row: &'a str,
    /// A bar chart's description: "{bars}. {rows}".
    pub bars: &'a str,
    /// A column chart of one column: "One column, {first}.".
    pub one_column: &'a str,
    /// A column chart's span: "{columns}, {first} to {last}.".
    pub columns: &'a str,
    /// A series' peak: "{series}: highest {value} in {label}.".
    pub highest: &'a str,
    /// A series with nothing: "{series}: none.".
    pub none: &'a str,
    /// How stacked columns are arranged: "Stacked, {series} at the bottom.".
    pub stacked: &'a str,
    /// The value axis: "Scale 0 to {top}.".
    pub scale: &'a str,
    /// Printed for a value that is not known, and the legend's entry for its mark:
    /// "not known".
    pub unknown: &'a str,
    /// An unknown value in a tooltip or a description, in place of `value`: "{series},
    /// number not known".
    pub unknown_value: &'a str,
    /// Where a column chart's series is not known: "{series}: number not known in
    /// {labels}.".
    pub unknown_in: &'a str,
    /// "{n} bars", for `bars`.
    pub bar_count: Counted<'a>,
    /// "{n} columns", for `columns`.
    pub column_count: Counted<'a>,
}

impl Default for ChartWords<'static> {
    fn default() -> Self {
        const MONTHS: [&str; 12] = crate::calendar::MONTH_NAMES;
        ChartWords {
            months_short: MONTHS.map(|name| &name[..3]),
            months: MONTHS,
            no_data: "No data",
            separator: ", ",
            tooltip: "{label}: {value} {series}",
            value: "{value} {series}",
            row: "{label}: {values}.",
            bars: "{bars}. {rows}",
            one_column: "One column, {first}.",
            columns: "{columns}, {first} to {last}.",
            highest: "{series}: highest {value} in {label}.",
            none: "{series}: none.",
            stacked: "Stacked, {series} at the bottom.",
            scale: "Scale 0 to {top}.",
            unknown: "not known",
            unknown_value: "{series}, number not known",
            unknown_in: "{series}: number not known in {labels}.",
            bar_count: Box::new(|n| format!("{n} bars")),
            column_count: Box::new(|n| format!("{n} columns")),
        }
    }
}

pub(super) use crate::placeholders::fill;
