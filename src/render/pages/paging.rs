//! How a list is cut into pages: its first page holds `paginate_by` cards, each further
//! page [`ROWS_PER_CARD`] times as many rows.

use crate::lists::ListKey;
use crate::site_context::SiteContext;

/// How many times as many reports a list's further pages hold as its first (which holds
/// `paginate_by`). Further pages show a row per report, about a fifth of a card's bytes,
/// so each page weighs about the same, and a long list takes a fifth of the files and of
/// the page frames (header, navigation, footer) it would at `paginate_by` a page.
pub const ROWS_PER_CARD: usize = 5;

/// How many pages a list of `len` items takes at `per_page` on the first page and
/// [`ROWS_PER_CARD`] times that on each further one (at least one page).
pub fn page_count(len: usize, per_page: usize) -> usize {
    match len {
        0 => 1,
        _ => page_of(len - 1, per_page),
    }
}

/// The page (from 1) that item `at` (from 0) of a list is on.
pub fn page_of(at: usize, per_page: usize) -> usize {
    let per_page = per_page.max(1);
    match at.checked_sub(per_page) {
        None => 1,
        Some(past_first) => 2 + past_first / (per_page * ROWS_PER_CARD),
    }
}

/// How many pages the list `key` takes: a year's list is one page.
pub fn list_page_count(cx: &SiteContext, key: ListKey) -> usize {
    match key {
        ListKey::Year(_) => 1,
        _ => page_count(
            key.reports(cx.index).len(),
            cx.site.settings.config.paginate_by,
        ),
    }
}

/// The items of `list` on its page `n`, counted from 1: `per_page` on the first page,
/// [`ROWS_PER_CARD`] times that on each further one.
pub fn on_page<T>(list: &[T], n: usize, per_page: usize) -> &[T] {
    let (from, size) = match n {
        1 => (0, per_page),
        _ => {
            let rows = per_page * ROWS_PER_CARD;
            (per_page + (n - 2) * rows, rows)
        }
    };
    let from = from.min(list.len());
    let to = (from + size).min(list.len());
    &list[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_a_list_once_each_item_on_the_page_page_of_gives() {
        for per_page in [1, 3, 20] {
            for len in [
                0,
                1,
                per_page,
                per_page + 1,
                per_page * 6,
                per_page * 6 + 1,
                250,
            ] {
                let list: Vec<usize> = (0..len).collect();
                let pages = page_count(len, per_page);
                let mut seen = Vec::new();
                for n in 1..=pages {
                    let items = on_page(&list, n, per_page);
                    assert!(n == 1 || !items.is_empty(), "page {n} of {len} is empty");
                    assert!(items.iter().all(|&at| page_of(at, per_page) == n));
                    seen.extend_from_slice(items);
                }
                assert_eq!(seen, list, "{per_page} a page, {len} items");
            }
        }
        assert_eq!(on_page(&[0; 200], 1, 20).len(), 20);
        assert_eq!(on_page(&[0; 200], 2, 20).len(), 20 * ROWS_PER_CARD);
    }
}
