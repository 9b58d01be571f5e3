//! The maps' words in the site's language, from the catalogue's `maps` section, for the
//! drawing code, which knows no catalogue.

use crate::draw::map::MapWords;
use crate::site_context::SiteContext;

/// What a map of this site writes, in its language.
pub(super) fn map_words<'a>(cx: &'a SiteContext) -> MapWords<'a> {
    let words = cx.words;
    let counted = move |key: &'static str| {
        Box::new(move |n: usize| words.plural(key, n as u64).unwrap_or_default())
    };
    MapWords {
        outline: words.text("maps.outline"),
        outline_of_one: words.text("maps.outline_of_one"),
        outline_of_many: words.text("maps.outline_of_many"),
        separator: words.text("maps.separator"),
        no_marks: words.text("maps.no_marks"),
        marks_at: words.text("maps.marks_at"),
        exact: words.text("maps.exact"),
        approximate: words.text("maps.approximate"),
        clusters: words.text("maps.clusters"),
        near: words.text("maps.near"),
        approximate_one: words.text("maps.approximate_one"),
        approximate_many: words.text("maps.approximate_many"),
        incidents: counted("counts.incidents"),
        places: counted("counts.places"),
    }
}
