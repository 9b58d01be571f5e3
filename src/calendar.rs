//! English month names, shared by the pages (dates, the timeline) and the charts' axes.

/// Month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month, 1-based; `None` outside 1–12.
pub fn month_name(month: i8) -> Option<&'static str> {
    (1..=12)
        .contains(&month)
        .then(|| MONTH_NAMES[month as usize - 1])
}

/// The three-letter abbreviation of a month, 1-based ("Mar"); `None` outside 1–12.
pub fn month_abbreviation(month: i8) -> Option<&'static str> {
    month_name(month).map(|name| &name[..3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations() {
        assert_eq!(month_name(3), Some("March"));
        assert_eq!(month_abbreviation(9), Some("Sep"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_abbreviation(13), None);
    }
}
