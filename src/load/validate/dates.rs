//! Dates as editors write them: parsed strictly, and explained in words when wrong.

use jiff::civil::Date;

/// What would make `text` a date: its month's length when only the day is impossible.
pub(super) fn date_help(text: &str) -> String {
    let month = text
        .get(..7)
        .and_then(|ym| format!("{ym}-01").parse::<Date>().ok());
    match month {
        Some(first) if text.len() == 10 => format!(
            "{} {} has {} days",
            first.strftime("%B"),
            first.year(),
            first.days_in_month()
        ),
        _ => "write dates as YYYY-MM-DD, e.g. 2025-07-01; for a month or year only, \
              give its first day and set date_precision"
            .into(),
    }
}

/// Parses `YYYY-MM-DD`, saying what is wrong in words an editor understands.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!("'{text}' is not a date in the form YYYY-MM-DD"));
    }
    text.parse::<Date>()
        .map_err(|_| format!("'{text}' is not a real calendar date"))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_must_be_well_formed_and_real() {
        assert!(parse_date("2025-07-01").is_ok());
        assert!(parse_date("2025-7-1").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2025-02-30").unwrap_err().contains("not a real"));
        assert!(parse_date("01/07/2025").is_err());
        assert_eq!(super::date_help("2025-02-30"), "February 2025 has 28 days");
        assert!(super::date_help("2025-13-01").contains("YYYY-MM-DD"));
    }
}
