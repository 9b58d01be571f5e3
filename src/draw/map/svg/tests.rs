//! Tests of the SVG a map is written as: parsed back and measured, not compared as text.

use super::countries::clip_to_frame;
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
    let svg = base_map_svg(&view, &MapWords::default());
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
    let svg = base_map_svg(&mali(), &MapWords::default());
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
    let base = base_map_svg(&view, &MapWords::default());
    let page = map_svg(
        &view,
        Some("/maps/ml.svg"),
        &[mark(12.64, -8.0, false, "Bamako")],
        "Mali",
        &MapWords::default(),
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
    let inline = map_svg(&view, None, &[], "Mali", &MapWords::default());
    assert!(inline.contains("map-focus") && !inline.contains("<image"));
}

#[test]
fn approximate_marks_are_hollow_and_exact_ones_solid() {
    let marks = [
        mark(12.64, -8.0, false, "Bamako"),
        mark(16.77, -3.0, true, "Tombouctou region"),
    ];
    let svg = map_svg(&mali(), None, &marks, "Mali", &MapWords::default());
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
        &MapWords::default(),
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
    let empty = map_svg(
        &mali(),
        None,
        &[],
        "Incidents in Mali",
        &MapWords::default(),
    );
    assert!(empty.contains(r#"role="img""#));
}

#[test]
fn hostile_labels_and_links_are_escaped() {
    let hostile = Mark {
        href: "\"><script>alert(1)</script>".to_string(),
        ..mark(12.64, -8.0, false, "<script>\"'&\u{1}")
    };
    let svg = map_svg(
        &mali(),
        Some("x\"y"),
        &[hostile],
        "<b>'T'&</b>",
        &MapWords::default(),
    );
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
    let svg = map_svg(
        &mali(),
        Some("/maps/ml.svg"),
        &marks,
        "Mali",
        &MapWords::default(),
    );
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
        map_svg(&view, None, &marks, "M", &MapWords::default()),
        map_svg(&view, None, &marks, "M", &MapWords::default())
    );
    assert_eq!(
        base_map_svg(&view, &MapWords::default()),
        base_map_svg(&view, &MapWords::default())
    );
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

#[test]
fn a_map_speaks_the_words_it_is_given() {
    let words = MapWords {
        outline_of_one: "Fond de carte : {country} et pays voisins",
        marks_at: "{incidents} en {places}.",
        near: "{incidents} dans ce secteur — {label}",
        approximate_many: " (lieux approximatifs)",
        incidents: Box::new(|n| format!("{n} incidents")),
        places: Box::new(|n| format!("{n} lieu")),
        ..MapWords::default()
    };
    let base = base_map_svg(&mali(), &words);
    assert!(base.contains("<title>Fond de carte : Mali et pays voisins</title>"));
    let marks = [
        mark(16.77, -3.0, true, "Tombouctou"),
        Mark {
            href: "/incidents/y/".into(),
            ..mark(16.77, -3.0, true, "Tombouctou")
        },
    ];
    let svg = map_svg(&mali(), None, &marks, "Incidents : Mali", &words);
    assert!(svg.contains("2 incidents en 1 lieu."), "{svg}");
    assert!(svg.contains("2 incidents dans ce secteur — Tombouctou (lieux approximatifs)"));
    assert!(!svg.contains(" near ") && !svg.contains(" at 1 place"));
}

#[test]
fn one_incident_at_two_places_is_counted_once() {
    let marks = [
        mark(14.54, -9.19, false, "Diéma"),
        mark(15.23, -9.59, false, "Nioro du Sahel"),
    ];
    let svg = map_svg(&mali(), None, &marks, "Mali", &MapWords::default());
    assert!(svg.contains("1 incident at 2 places."), "{svg}");
    assert!(
        !svg.contains("Larger marks"),
        "no mark stands for several incidents"
    );

    let close = [
        mark(14.54, -9.19, false, "Diéma"),
        mark(14.55, -9.19, false, "Diéma east"),
    ];
    let svg = map_svg(&mali(), None, &close, "Mali", &MapWords::default());
    assert!(svg.contains("1 incident at 2 places."), "{svg}");
    assert!(
        svg.contains("<title>Diéma</title>"),
        "one incident's merged places are titled as that incident: {svg}"
    );
    assert!(!svg.contains("incidents near"), "{svg}");

    let two_reports_one_town = [
        mark(14.54, -9.19, false, "Diéma"),
        Mark {
            href: "/incidents/y/".into(),
            ..mark(14.54, -9.19, false, "Diéma")
        },
    ];
    let svg = map_svg(
        &mali(),
        None,
        &two_reports_one_town,
        "Mali",
        &MapWords::default(),
    );
    assert!(svg.contains("2 incidents at 1 place."), "{svg}");
    assert!(svg.contains("2 incidents near Diéma"), "{svg}");
}
