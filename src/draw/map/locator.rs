//! A report's locator map as plain HTML: the shared base map of its view as an `<img>`,
//! and each place as an element positioned in percent over it.
//!
//! A report page used to carry an inline `<svg>` of about 1.4 KB for one dot. The base
//! map is already a file every page of its country shares, so all a page needs is where
//! its marks fall, in percent of the map's width and height, which scale with the image
//! at any size. The stylesheet draws the marks (`.locator-dot`, `.locator-ring`).

use std::fmt::Write;

use crate::xml::escape;

use super::marks::merge;
use super::projection::MAP_WIDTH;
use super::view::MapView;
use super::Mark;

/// The locator of `marks` over the base map of `view` found at `base_href`: a
/// `<div class="locator-map">` named by `title` for assistive technology (`role="img"`),
/// holding the base map and one mark per place, or per group of places closer than a
/// mark's width (as [`super::map_svg`] merges them). Each mark's `title` (its tooltip) is
/// its places' labels. Marks outside the view are left out. Everything is escaped.
pub fn locator_html(view: &MapView, base_href: &str, marks: &[Mark], title: &str) -> String {
    let projection = view.projection();
    let merged = merge(marks, &projection);
    let mut out = String::with_capacity(256 + merged.len() * 96);
    let _ = write!(
        out,
        r#"<div class="locator-map" role="img" aria-label="{}"><img src="{}" alt="" width="{}" height="{}">"#,
        escape(title),
        escape(base_href),
        MAP_WIDTH.round(),
        projection.height.round(),
    );
    for mark in &merged {
        let class = if mark.first.approximate {
            "locator-ring"
        } else {
            "locator-dot"
        };
        let mut labels: Vec<&str> = mark.members.iter().map(|m| m.label.as_str()).collect();
        labels.dedup();
        let _ = write!(
            out,
            r#"<i class="{class}" style="left:{}%;top:{}%" title="{}"></i>"#,
            percent(mark.x, MAP_WIDTH),
            percent(mark.y, projection.height),
            escape(&labels.join(", ")),
        );
    }
    out.push_str("</div>");
    out
}

/// `part` as a percentage of `whole`, to a hundredth: a hundredth of a percent is under a
/// pixel on any screen, and fixed rounding keeps the output the same between runs.
fn percent(part: f64, whole: f64) -> String {
    let hundredths = (part / whole * 10_000.0).round() as i64;
    let text = format!("{}.{:02}", hundredths / 100, hundredths % 100);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(lat: f64, lon: f64, approximate: bool, label: &str) -> Mark {
        Mark {
            lat,
            lon,
            approximate,
            href: "/incidents/a/".to_string(),
            label: label.to_string(),
        }
    }

    #[test]
    fn percent_is_rounded_to_hundredths_without_trailing_zeros() {
        assert_eq!(percent(400.0, 800.0), "50");
        assert_eq!(percent(1.0, 3.0), "33.33");
        assert_eq!(percent(644.9, 800.0), "80.61");
        assert_eq!(percent(80.0, 800.0), "10");
        assert_eq!(percent(0.4, 800.0), "0.05");
    }

    #[test]
    fn a_mark_sits_where_the_svg_map_draws_it() {
        let view = MapView::for_countries(&["ML"]).unwrap();
        let (x, y) = view.project(12.64, -8.0);
        let html = locator_html(
            &view,
            "/maps/ml.svg",
            &[mark(12.64, -8.0, false, "Bamako")],
            "Where",
        );
        let style = format!(
            "left:{}%;top:{}%",
            percent(x, MAP_WIDTH),
            percent(y, view.height())
        );
        assert!(html.contains(&style), "{html}");
        assert!(html.contains(r#"class="locator-dot""#), "{html}");
        assert!(html.contains(r#"<img src="/maps/ml.svg" alt="""#), "{html}");
        assert!(html.contains(r#"title="Bamako""#), "{html}");
    }

    #[test]
    fn approximate_places_are_rings_and_outside_ones_are_left_out() {
        let view = MapView::for_countries(&["ML"]).unwrap();
        let marks = [
            mark(16.77, -3.0, true, "Tombouctou"),
            mark(48.85, 2.35, false, "Paris"),
        ];
        let html = locator_html(&view, "/maps/ml.svg", &marks, "Where");
        assert_eq!(html.matches("<i ").count(), 1, "{html}");
        assert!(html.contains(r#"class="locator-ring""#), "{html}");
    }

    #[test]
    fn words_and_links_are_escaped() {
        let view = MapView::for_countries(&["ML"]).unwrap();
        let marks = [mark(12.64, -8.0, false, "<b>\"x\"</b>")];
        let html = locator_html(&view, "/m\"aps/ml.svg", &marks, "<script>");
        assert!(
            !html.contains("<b>") && !html.contains("<script>"),
            "{html}"
        );
        assert!(!html.contains("m\"aps"), "{html}");
    }
}
