//! Writing maps as SVG text: the outline base map, written once per view as a file, and the
//! page map that lays links over it.

use std::fmt::Write;

use crate::xml::escape;

use super::marks::{merge, MergedMark};
use super::outlines::{self, Outline};
use super::view::{MapView, Projection, MAP_WIDTH};
use super::Mark;

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

/// Outlines are clipped this far outside the frame, so the clip's own edges never show.
const CLIP_PAD: f64 = 20.0;
/// Points closer than this (in tenths of an SVG unit) to the last one kept are dropped:
/// below a pixel, they would only add bytes.
const MIN_STEP_TENTHS: i64 = 5;

/// The country outlines of `view` as a standalone SVG file (`xmlns`, `viewBox`, `<title>`):
/// the countries in `view.highlight` filled more strongly than their neighbours, every
/// border drawn. Meant to be written once per view (for example as
/// `/maps/{view.file_stem()}.svg`) and shown under the marks of many pages by
/// [`map_svg`], so each page carries only its marks.
pub fn base_map_svg(view: &MapView) -> String {
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
        escape(&base_map_title(view))
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
/// counts the incidents. A map with marks is a `group`, not an `img`, so assistive
/// technology still reaches its links.
pub fn map_svg(view: &MapView, base_href: Option<&str>, marks: &[Mark], title: &str) -> String {
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
        escape(&description(&merged))
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
            write_mark(&mut out, mark);
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

fn base_map_title(view: &MapView) -> String {
    let names: Vec<&str> = view
        .highlight
        .iter()
        .filter_map(|code| outlines::find(code))
        .map(|outline| outline.name)
        .collect();
    match names.split_last() {
        None => "Outline map".to_string(),
        Some((last, [])) => format!("Outline map of {last} and neighbouring countries"),
        Some((last, rest)) => format!(
            "Outline map of {} and {last}, with neighbouring countries",
            rest.join(", ")
        ),
    }
}

fn description(merged: &[MergedMark]) -> String {
    if merged.is_empty() {
        return "No located incidents.".to_string();
    }
    let incidents: usize = merged.iter().map(|mark| mark.count).sum();
    let places = merged.len();
    let mut text = format!(
        "{incidents} {} at {places} {}.",
        plural(incidents, "incident", "incidents"),
        plural(places, "place", "places")
    );
    let exact = merged.iter().any(|mark| !mark.first.approximate);
    let approximate = merged.iter().any(|mark| mark.first.approximate);
    if exact {
        text.push_str(" Solid dots are places known precisely.");
    }
    if approximate {
        text.push_str(" Dashed rings are places known only approximately.");
    }
    if incidents > places {
        text.push_str(" Larger marks stand for several incidents close together.");
    }
    text
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

fn write_mark(out: &mut String, mark: &MergedMark) {
    let label = &mark.first.label;
    let mut title = if mark.count == 1 {
        label.clone()
    } else {
        format!("{} incidents near {label}", mark.count)
    };
    if mark.first.approximate {
        title.push_str(if mark.count == 1 {
            " (approximate place)"
        } else {
            " (approximate places)"
        });
    }
    let (cx, cy, r) = (num(mark.x), num(mark.y), num(mark.radius()));
    let _ = write!(
        out,
        r#"<a class="map-mark" href="{}"><title>{}</title>"#,
        escape(&mark.first.href),
        escape(&title)
    );
    if mark.first.approximate {
        // A hollow ring claims no exact spot; pointer-events keeps its inside clickable.
        let _ = write!(
            out,
            r#"<circle class="map-ring" cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="{MARK}" stroke-width="2" stroke-dasharray="4 2" pointer-events="all"/>"#
        );
    } else {
        let _ = write!(
            out,
            r#"<circle class="map-dot" cx="{cx}" cy="{cy}" r="{r}" fill="{MARK}" stroke="{MARK_EDGE}" stroke-width="1"/>"#
        );
    }
    out.push_str("</a>");
}

/// Sea, then neighbours, then the highlighted countries on top, so their stronger
/// borders are not overdrawn by a neighbour's.
fn write_outlines(out: &mut String, view: &MapView) {
    let projection = view.projection();
    let _ = write!(
        out,
        r#"<rect class="map-sea" width="{}" height="{}" fill="{SEA}"/>"#,
        num(MAP_WIDTH),
        num(projection.height)
    );
    let visible = view.bounds;
    let is_focus = |outline: &Outline| {
        outline
            .code
            .is_some_and(|code| view.highlight.iter().any(|c| c == code))
    };
    let mut layer = |open: &str, focus: bool| {
        out.push_str(open);
        for outline in outlines::outlines()
            .iter()
            .filter(|o| o.bounds.intersects(&visible) && is_focus(o) == focus)
        {
            write_country(out, outline, &projection);
        }
        out.push_str("</g>");
    };
    layer(
        &format!(
            r#"<g class="map-land" fill="{LAND}" stroke="{LAND_BORDER}" stroke-width="0.8" stroke-linejoin="round" fill-rule="evenodd">"#
        ),
        false,
    );
    if !view.highlight.is_empty() {
        layer(
            &format!(
                r#"<g class="map-focus" fill="{FOCUS}" stroke="{FOCUS_BORDER}" stroke-width="1.2" stroke-linejoin="round" fill-rule="evenodd">"#
            ),
            true,
        );
    }
}

fn write_country(out: &mut String, outline: &Outline, projection: &Projection) {
    let mut path = String::new();
    for ring in &outline.rings {
        let projected: Vec<(f64, f64)> = ring
            .iter()
            .map(|&[lon, lat]| projection.apply(lat, lon))
            .collect();
        write_ring(&mut path, &clip_to_frame(projected, projection.height));
    }
    if !path.is_empty() {
        let _ = write!(out, r#"<path d="{path}"/>"#);
    }
}

/// Clips a ring to the frame plus [`CLIP_PAD`] (Sutherland–Hodgman, one edge at a
/// time), so a view of Mali does not carry all of Algeria's coastline.
fn clip_to_frame(ring: Vec<(f64, f64)>, height: f64) -> Vec<(f64, f64)> {
    let edges = [
        (false, -CLIP_PAD, true),
        (false, MAP_WIDTH + CLIP_PAD, false),
        (true, -CLIP_PAD, true),
        (true, height + CLIP_PAD, false),
    ];
    edges
        .into_iter()
        .fold(ring, |ring, (vertical, limit, keep_above)| {
            clip_edge(&ring, vertical, limit, keep_above)
        })
}

fn clip_edge(ring: &[(f64, f64)], vertical: bool, limit: f64, keep_above: bool) -> Vec<(f64, f64)> {
    let coordinate = |p: (f64, f64)| if vertical { p.1 } else { p.0 };
    let inside = |p: (f64, f64)| (coordinate(p) >= limit) == keep_above;
    let crossing = |a: (f64, f64), b: (f64, f64)| {
        let t = (limit - coordinate(a)) / (coordinate(b) - coordinate(a));
        (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
    };
    let mut clipped = Vec::with_capacity(ring.len());
    let Some(&last) = ring.last() else {
        return clipped;
    };
    let mut previous = last;
    for &current in ring {
        match (inside(previous), inside(current)) {
            (true, true) => clipped.push(current),
            (true, false) => clipped.push(crossing(previous, current)),
            (false, true) => {
                clipped.push(crossing(previous, current));
                clipped.push(current);
            }
            (false, false) => {}
        }
        previous = current;
    }
    clipped
}

/// Writes one closed subpath in tenths of a unit, first point absolute and the rest as
/// relative steps between rounded points, so rounding errors cannot add up along a coast.
fn write_ring(path: &mut String, ring: &[(f64, f64)]) {
    let mut kept: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
    for &(x, y) in ring {
        let point = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        let far_enough = kept.last().is_none_or(|&(px, py)| {
            (point.0 - px).abs().max((point.1 - py).abs()) >= MIN_STEP_TENTHS
        });
        if far_enough {
            kept.push(point);
        }
    }
    if kept.len() < 3 {
        return;
    }
    let (x0, y0) = kept[0];
    let _ = write!(path, "M{} {}l", tenths(x0), tenths(y0));
    for (i, pair) in kept.windows(2).enumerate() {
        let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
        // A minus sign separates numbers by itself; only positive ones need a space.
        if i > 0 && dx >= 0 {
            path.push(' ');
        }
        path.push_str(&tenths(dx));
        if dy >= 0 {
            path.push(' ');
        }
        path.push_str(&tenths(dy));
    }
    path.push('z');
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(lat: f64, lon: f64, approximate: bool, label: &str) -> Mark {
        Mark {
            lat,
            lon,
            approximate,
            href: "/incidents/x/".to_string(),
            label: label.to_string(),
        }
    }

    fn mali() -> MapView {
        MapView::for_countries(&["ML"]).unwrap()
    }

    /// The rings of a path written by `write_ring`, back in absolute SVG units.
    fn rings_of(d: &str) -> Vec<Vec<(f64, f64)>> {
        let mut rings = Vec::new();
        for subpath in d.split('z').filter(|s| !s.is_empty()) {
            let (start, steps) = subpath.trim_start_matches('M').split_once('l').unwrap();
            let numbers = |text: &str| -> Vec<f64> {
                text.replace('-', " -")
                    .split_whitespace()
                    .map(|n| n.parse().unwrap())
                    .collect()
            };
            let start = numbers(start);
            let mut point = (start[0], start[1]);
            let mut ring = vec![point];
            for step in numbers(steps).chunks(2) {
                point = (point.0 + step[0], point.1 + step[1]);
                ring.push(point);
            }
            rings.push(ring);
        }
        rings
    }

    fn inside(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
        let mut inside = false;
        for ring in rings {
            for (i, &(x1, y1)) in ring.iter().enumerate() {
                let (x2, y2) = ring[(i + 1) % ring.len()];
                if (y1 > y) != (y2 > y) && x < x1 + (y - y1) / (y2 - y1) * (x2 - x1) {
                    inside = !inside;
                }
            }
        }
        inside
    }

    #[test]
    fn bamako_falls_inside_malis_drawn_outline() {
        let view = mali();
        let svg = base_map_svg(&view);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let focus = doc
            .descendants()
            .find(|node| node.attribute("class") == Some("map-focus"))
            .unwrap();
        let paths: Vec<_> = focus
            .children()
            .filter(|n| n.has_tag_name("path"))
            .collect();
        assert_eq!(paths.len(), 1, "only Mali is highlighted");
        let rings = rings_of(paths[0].attribute("d").unwrap());
        assert!(inside(&rings, view.project(12.64, -8.0)), "Bamako");
        assert!(!inside(&rings, view.project(13.51, 2.11)), "Niamey");
    }

    #[test]
    fn base_map_is_a_standalone_svg_file() {
        let svg = base_map_svg(&mali());
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        assert!(root.attribute("viewBox").unwrap().starts_with("0 0 800 "));
        let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(
            title.text(),
            Some("Outline map of Mali and neighbouring countries")
        );
        let land = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("map-land"))
            .unwrap();
        assert!(land.children().count() >= 6, "Mali's neighbours are drawn");
        assert!(svg.len() < 150_000, "{} bytes", svg.len());
    }

    #[test]
    fn page_map_uses_the_base_maps_frame() {
        let view = mali();
        let base = base_map_svg(&view);
        let page = map_svg(
            &view,
            Some("/maps/ml.svg"),
            &[mark(12.64, -8.0, false, "Bamako")],
            "Mali",
        );
        let base_doc = roxmltree::Document::parse(&base).unwrap();
        let page_doc = roxmltree::Document::parse(&page).unwrap();
        let view_box =
            |doc: &roxmltree::Document| doc.root_element().attribute("viewBox").map(str::to_string);
        assert_eq!(view_box(&base_doc), view_box(&page_doc));
        let image = page_doc
            .descendants()
            .find(|n| n.has_tag_name("image"))
            .unwrap();
        assert_eq!(image.attribute("href"), Some("/maps/ml.svg"));
        assert!(!page.contains("map-land"), "outlines come from the image");
        let inline = map_svg(&view, None, &[], "Mali");
        assert!(inline.contains("map-focus") && !inline.contains("<image"));
    }

    #[test]
    fn approximate_marks_are_hollow_and_exact_ones_solid() {
        let marks = [
            mark(12.64, -8.0, false, "Bamako"),
            mark(16.77, -3.0, true, "Tombouctou region"),
        ];
        let svg = map_svg(&mali(), None, &marks, "Mali");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let circles: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .collect();
        assert_eq!(circles.len(), 2);
        let approximate = circles
            .iter()
            .find(|c| c.attribute("class") == Some("map-ring"))
            .unwrap();
        assert_eq!(approximate.attribute("fill"), Some("none"));
        let exact = circles
            .iter()
            .find(|c| c.attribute("class") == Some("map-dot"))
            .unwrap();
        assert_eq!(exact.attribute("fill"), Some(MARK));
        let link_title = approximate.parent().unwrap().first_child().unwrap();
        assert_eq!(
            link_title.text(),
            Some("Tombouctou region (approximate place)")
        );
    }

    #[test]
    fn every_mark_is_a_titled_link_and_the_map_is_labelled() {
        let svg = map_svg(
            &mali(),
            None,
            &[mark(12.64, -8.0, false, "Bamako")],
            "Incidents in Mali",
        );
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("group"));
        let id = root.attribute("aria-labelledby").unwrap();
        let title = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(id))
            .unwrap();
        assert_eq!(title.text(), Some("Incidents in Mali"));
        let link = doc.descendants().find(|n| n.has_tag_name("a")).unwrap();
        assert_eq!(link.attribute("href"), Some("/incidents/x/"));
        assert_eq!(link.first_child().unwrap().text(), Some("Bamako"));
        let empty = map_svg(&mali(), None, &[], "Incidents in Mali");
        assert!(empty.contains(r#"role="img""#));
    }

    #[test]
    fn hostile_labels_and_links_are_escaped() {
        let hostile = Mark {
            href: "\"><script>alert(1)</script>".to_string(),
            ..mark(12.64, -8.0, false, "<script>\"'&\u{1}")
        };
        let svg = map_svg(&mali(), Some("x\"y"), &[hostile], "<b>'T'&</b>");
        assert!(!svg.contains("<script") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;&quot;&#39;&amp;</title>"));
        assert!(svg.contains(r#"href="x&quot;y""#));
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let link = doc.descendants().find(|n| n.has_tag_name("a")).unwrap();
        assert_eq!(link.attribute("href"), Some("\"><script>alert(1)</script>"));
    }

    #[test]
    fn five_thousand_marks_in_one_spot_make_one_mark() {
        let marks: Vec<Mark> = (0..5000)
            .map(|n| Mark {
                href: format!("/incidents/{n}/"),
                ..mark(14.35, -3.6, false, "Mopti")
            })
            .collect();
        let svg = map_svg(&mali(), Some("/maps/ml.svg"), &marks, "Mali");
        assert_eq!(svg.matches("<a ").count(), 1);
        assert!(svg.contains(
            r#"<a class="map-mark" href="/incidents/0/"><title>5000 incidents near Mopti</title>"#
        ));
        assert!(svg.contains("5000 incidents at 1 place."));
    }

    #[test]
    fn output_is_deterministic() {
        let marks: Vec<Mark> = (0..300)
            .map(|n| {
                mark(
                    10.0 + (n % 17) as f64 * 0.7,
                    -12.0 + (n % 23) as f64 * 0.7,
                    n % 3 == 0,
                    "P",
                )
            })
            .collect();
        let view = mali();
        assert_eq!(
            map_svg(&view, None, &marks, "M"),
            map_svg(&view, None, &marks, "M")
        );
        assert_eq!(base_map_svg(&view), base_map_svg(&view));
    }

    #[test]
    fn path_numbers_are_short() {
        assert_eq!(tenths(0), "0");
        assert_eq!(tenths(-5), "-0.5");
        assert_eq!(tenths(123), "12.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(799.96), "800");
    }

    #[test]
    fn rings_are_clipped_to_the_frame() {
        let ring = vec![
            (-500.0, -500.0),
            (1500.0, -500.0),
            (1500.0, 1500.0),
            (-500.0, 1500.0),
        ];
        let clipped = clip_to_frame(ring, 600.0);
        let near_frame = |v: f64, high: f64| (-20.001..=high + 20.001).contains(&v);
        assert!(clipped
            .iter()
            .all(|&(x, y)| near_frame(x, 800.0) && near_frame(y, 600.0)));
        assert_eq!(clipped.len(), 4);
    }
}
