//! Writing maps as SVG text: the outline base map, written once per view as a file, and the
//! page map that lays links over it.

mod countries;
mod mark_links;
#[cfg(test)]
mod tests;

use std::fmt::Write;

use crate::xml::escape;

use super::marks::merge;
use super::outlines;
use super::projection::MAP_WIDTH;
use super::view::MapView;
use super::words::{fill, MapWords};
use super::Mark;

use countries::write_outlines;
use mark_links::{description, write_mark};

// Light-mode colours as presentation attributes, so a base map opened on its own looks
// right; the site's stylesheet overrides them through the classes. Marks are at least
// 5.5:1 against both land tints (WCAG AA asks 3:1 for graphics, 4.5:1 for text).
const SEA: &str = "#eef2f4";
const LAND: &str = "#ece8df";
const LAND_BORDER: &str = "#8c8576";
const FOCUS: &str = "#dcd3c0";
const FOCUS_BORDER: &str = "#5f5849";
const MARK: &str = "#9b1b1b";
const MARK_EDGE: &str = "#ffffff";

/// A base map shown through `<image>` cannot be reached by the page's stylesheet, so it
/// carries its own dark tints.
const DARK_MODE_STYLE: &str = "<style>@media (prefers-color-scheme: dark){\
.map-sea{fill:#1d2226}.map-land{fill:#3a3835;stroke:#8c8576}\
.map-focus{fill:#575043;stroke:#c9bfa9}}</style>";

/// The country outlines of `view` as a standalone SVG file (`xmlns`, `viewBox`, `<title>`):
/// the countries in `view.highlight` filled more strongly than their neighbours, every
/// border drawn. Meant to be written once per view (for example as
/// `/maps/{view.file_stem()}.svg`) and shown under the marks of many pages by
/// [`map_svg`], so each page carries only its marks.
pub fn base_map_svg(view: &MapView, words: &MapWords) -> String {
    let height = num(view.height());
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {height}" width="{w}" height="{height}">"#,
        w = num(MAP_WIDTH),
    );
    let _ = write!(
        out,
        "<title>{}</title>{DARK_MODE_STYLE}",
        escape(&base_map_title(view, words))
    );
    write_outlines(&mut out, view);
    out.push_str("</svg>\n");
    out
}

/// An inline `<svg>` for an HTML page: `marks` as links over the outlines of `view`.
///
/// With `base_href` (the URL of [`base_map_svg`]'s file for the same view) the outlines are
/// an `<image>`; without it they are drawn inline. Both use the view's projection, so
/// marks line up. Marks outside the view are left out. Marks within a few units of each
/// other are merged into one circle linking to the first given (pass the newest first),
/// titled "N incidents near …" with that mark's label; solid (exact) and hollow
/// (approximate) marks merge separately. Labels and hrefs are escaped, not checked: pass
/// site URLs.
///
/// The `<title>` (with `title`) names the map through `aria-labelledby`, and a `<desc>`
/// counts the incidents, both in `words`' language. A map with marks is a `group`, not an `img`, so assistive
/// technology still reaches its links.
pub fn map_svg(
    view: &MapView,
    base_href: Option<&str>,
    marks: &[Mark],
    title: &str,
    words: &MapWords,
) -> String {
    let projection = view.projection();
    let merged = merge(marks, &projection);
    let id = format!(
        "map-{:08x}",
        short_hash(&[title, &view.file_stem(), &marks.len().to_string()])
    );
    let width = num(MAP_WIDTH);
    let height = num(projection.height);
    let role = if merged.is_empty() { "img" } else { "group" };
    let mut out = String::with_capacity(512 + merged.len() * 160);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="{role}" aria-labelledby="{id}" aria-describedby="{id}-desc">"#
    );
    let _ = write!(
        out,
        r#"<title id="{id}">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(&description(&merged, words))
    );
    match base_href {
        Some(href) => {
            let _ = write!(
                out,
                r#"<image href="{}" x="0" y="0" width="{width}" height="{height}" preserveAspectRatio="none" aria-hidden="true"/>"#,
                escape(href)
            );
        }
        None => {
            out.push_str(r#"<g aria-hidden="true">"#);
            write_outlines(&mut out, view);
            out.push_str("</g>");
        }
    }
    if !merged.is_empty() {
        out.push_str(r#"<g class="map-marks">"#);
        for mark in &merged {
            write_mark(&mut out, mark, words);
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

fn base_map_title(view: &MapView, words: &MapWords) -> String {
    let names: Vec<&str> = view
        .highlight
        .iter()
        .filter_map(|code| outlines::find(code))
        .map(|outline| outline.name)
        .collect();
    match names.split_last() {
        None => words.outline.to_string(),
        Some((last, [])) => fill(words.outline_of_one, &[("country", last)]),
        Some((last, rest)) => fill(
            words.outline_of_many,
            &[("countries", &rest.join(words.separator)), ("last", last)],
        ),
    }
}

fn tenths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let (whole, fraction) = (value.abs() / 10, value.abs() % 10);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// A coordinate or length with at most one decimal: a tenth of a unit is below a pixel
/// at the sizes maps are shown, and fixed rounding keeps output identical between runs.
fn num(value: f64) -> String {
    tenths((value * 10.0).round() as i64)
}

/// A hash that is the same on every run and machine, for element ids.
fn short_hash(parts: &[&str]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(&[0]) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    hash
}
