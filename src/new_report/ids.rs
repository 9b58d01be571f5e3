//! The id a new report gets: the next in the site's own numbering, read from the ids its
//! reports already carry.

use std::path::Path;

use jiff::civil::Date;
use walkdir::WalkDir;

/// The next id in the site's own scheme, if its reports carry ids.
///
/// Sites that number reports `ML-2025-0001` (country, year, sequence) get the next number for
/// this country and year; sites with other `PREFIX-0001` ids get the next number after the
/// largest; sites without ids get none, and the slug serves.
pub(super) fn next_id(root: &Path, iso: Option<&str>, date: Date) -> Option<String> {
    let ids = existing_ids(root);
    let numbered: Vec<(&str, &str)> = ids.iter().filter_map(|id| split_number(id)).collect();
    if numbered.is_empty() {
        return None;
    }
    let country_year = |prefix: &str| {
        let parts: Vec<&str> = prefix.trim_end_matches('-').split('-').collect();
        parts.len() == 2 && parts[0].len() == 2 && parts[1].len() == 4
    };
    let prefix = match iso {
        Some(iso) if numbered.iter().all(|(p, _)| country_year(p)) => {
            format!("{iso}-{}-", date.year())
        }
        _ => numbered.iter().map(|(p, _)| *p).max()?.to_string(),
    };
    let width = numbered.iter().map(|(_, n)| n.len()).max().unwrap_or(4);
    let next = numbered
        .iter()
        .filter(|(p, _)| *p == prefix)
        .filter_map(|(_, n)| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    Some(format!("{prefix}{next:0width$}"))
}

/// `ML-2025-0007` gives (`ML-2025-`, `0007`).
fn split_number(id: &str) -> Option<(&str, &str)> {
    let digits = id.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (prefix, number) = id.split_at(id.len() - digits);
    (!number.is_empty() && prefix.ends_with('-')).then_some((prefix, number))
}

/// The `id:` of every report, read from the front matter lines without a full parse, so a
/// site with a broken report can still get new ones.
fn existing_ids(root: &Path) -> Vec<String> {
    WalkDir::new(root.join("content/incidents"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|text| {
            text.lines()
                .skip(1)
                .take_while(|l| l.trim_end() != "---")
                .find_map(|l| l.strip_prefix("id:"))
                .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_site_scheme() {
        assert_eq!(split_number("ML-2025-0007"), Some(("ML-2025-", "0007")));
        assert_eq!(split_number("report"), None);
        assert_eq!(split_number("2025"), None);
    }
}
