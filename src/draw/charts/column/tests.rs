//! Tests of column charts, read back as SVG: marks, ticks, tooltips and descriptions.

use crate::draw::charts::{month_label, month_range};

use super::*;

fn months(from: (i16, i8), to: (i16, i8)) -> Vec<String> {
    month_range(from, to)
        .into_iter()
        .map(|(y, m)| month_label(y, m, &ChartWords::default()))
        .collect()
}

fn series(name: &str, class: &str, values: Vec<u64>) -> Series {
    Series {
        name: name.into(),
        class: class.into(),
        values,
        unknown: Vec::new(),
    }
}

fn fatalities(n: usize) -> Vec<Series> {
    vec![
        series(
            "independent",
            "independent",
            (0..n as u64).map(|i| i * 7 % 23).collect(),
        ),
        series(
            "claimed by a party",
            "claimed",
            (0..n as u64).map(|i| i * 5 % 11).collect(),
        ),
    ]
}

/// A data mark as drawn: x, y, height, its series' class and its tooltip.
struct Mark {
    x: String,
    y: f64,
    height: f64,
    class: String,
    tooltip: String,
}

fn marks(svg: &str) -> Vec<Mark> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("chart-mark"))
        .map(|n| {
            let f = |a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            Mark {
                x: n.attribute("x").unwrap().to_string(),
                y: f("y"),
                height: f("height"),
                class: n.parent().unwrap().attribute("class").unwrap().to_string(),
                tooltip: n.first_element_child().unwrap().text().unwrap().to_string(),
            }
        })
        .collect()
}

#[test]
fn ten_years_of_months_label_far_fewer_than_120_ticks() {
    let labels = months((2016, 1), (2025, 12));
    let svg = column_chart(
        "Incidents per month",
        &labels,
        &fatalities(120),
        false,
        &ChartWords::default(),
    );
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let axis_texts: Vec<&str> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("text")
                && n.parent().unwrap().attribute("class") == Some("chart-axis chart-label")
        })
        .filter_map(|n| n.text())
        .filter(|t| t.len() == 4 && t.starts_with("20"))
        .collect();
    assert!(
        !axis_texts.is_empty() && axis_texts.len() <= 10,
        "{axis_texts:?}"
    );
    assert!(!svg.contains(">Mar 2016<"));
    assert!(svg.contains("<title>March 2016: "));
}

#[test]
fn stacked_parts_add_up_to_the_scale() {
    let labels = months((2024, 1), (2025, 12));
    let data = fatalities(labels.len());
    let svg = column_chart(
        "Fatalities per month",
        &labels,
        &data,
        true,
        &ChartWords::default(),
    );
    let highest = (0..labels.len())
        .map(|i| value_at(&data[0], i) + value_at(&data[1], i))
        .max()
        .unwrap();
    let top = *nice_ticks(highest).last().unwrap() as f64;
    let marks = marks(&svg);
    let xs: std::collections::BTreeSet<&String> = marks.iter().map(|m| &m.x).collect();
    assert_eq!(
        xs.len(),
        labels.len() - 1,
        "one month is all zeros and has no column"
    );
    for x in xs {
        let parts: Vec<&Mark> = marks.iter().filter(|m| &m.x == x).collect();
        let month = month_range((2024, 1), (2025, 12))
            .into_iter()
            .position(|(y, m)| {
                parts[0].tooltip.starts_with(&format!(
                    "{}: ",
                    month_long_label(y, m, &ChartWords::default())
                ))
            })
            .expect("tooltip names its month");
        let total: f64 = parts.iter().map(|p| p.height).sum();
        let expected =
            (value_at(&data[0], month) + value_at(&data[1], month)) as f64 / top * PLOT_HEIGHT;
        assert!(
            (total - expected).abs() < 0.02,
            "{}: {total} vs {expected}",
            labels[month]
        );
        if let [bottom, upper] = parts.as_slice() {
            assert!(bottom.class.ends_with("chart-series-independent"));
            assert!(upper.class.ends_with("chart-series-claimed"));
            assert!(
                (upper.y + upper.height - bottom.y).abs() < 1e-9,
                "parts must touch"
            );
        }
    }
}

#[test]
fn stacked_column_heights_match_values_exactly() {
    let labels = months((2025, 1), (2025, 2));
    let data = vec![
        series("independent", "independent", vec![30, 10]),
        series("claimed", "claimed", vec![20, 0]),
    ];
    let svg = column_chart("t", &labels, &data, true, &ChartWords::default());
    let heights: Vec<f64> = marks(&svg).iter().map(|m| m.height).collect();
    // Scale 0–50: 30 + 20 fill the plot, 10 is a fifth of it.
    assert_eq!(heights, vec![90.0, 30.0, 60.0]);
}

#[test]
fn every_series_has_a_legend_entry_and_its_class() {
    let labels = months((2025, 1), (2025, 6));
    let mut data = fatalities(6);
    data.push(series("unknown source", "unsourced", vec![0; 6]));
    let svg = column_chart("Fatalities", &labels, &data, true, &ChartWords::default());
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let legend = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("chart-legend"))
        .unwrap();
    let names: Vec<&str> = legend
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        names,
        vec!["independent", "claimed by a party", "unknown source"]
    );
    for class in [
        "chart-series-independent",
        "chart-series-claimed",
        "chart-series-unsourced",
        "chart-axis",
        "chart-grid",
        "chart-label",
    ] {
        assert!(svg.contains(class), "missing {class}");
    }
}

#[test]
fn claimed_figures_are_told_apart_by_more_than_colour() {
    let labels = months((2025, 1), (2025, 3));
    let svg = column_chart(
        "Fatalities",
        &labels,
        &fatalities(3),
        true,
        &ChartWords::default(),
    );
    assert!(svg.contains("<pattern id="));
    assert!(svg.contains("fill=\"url(#chart-"));
}

#[test]
fn is_accessible_and_scales_to_the_screen() {
    let labels = months((2025, 1), (2025, 3));
    let svg = column_chart(
        "Incidents",
        &labels,
        &fatalities(3),
        false,
        &ChartWords::default(),
    );
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("width"), Some("100%"));
    assert!(root.attribute("viewBox").is_some());
    for (attribute, tag) in [("aria-labelledby", "title"), ("aria-describedby", "desc")] {
        let target = root.attribute(attribute).unwrap();
        let node = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(target))
            .unwrap();
        assert!(node.has_tag_name(tag));
    }
    assert!(svg.contains("<title>February 2025: "));
}

#[test]
fn empty_data_says_no_data() {
    for svg in [
        column_chart("Incidents", &[], &[], false, &ChartWords::default()),
        column_chart(
            "Incidents",
            &months((2025, 1), (2025, 2)),
            &[],
            true,
            &ChartWords::default(),
        ),
        column_chart(
            "Incidents",
            &months((2025, 1), (2025, 2)),
            &[series("a", "a", vec![0, 0])],
            true,
            &ChartWords::default(),
        ),
    ] {
        assert!(svg.contains(">No data<"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        roxmltree::Document::parse(&svg).unwrap();
    }
}

#[test]
fn output_is_deterministic_and_free_of_non_numbers() {
    let labels = months((2016, 1), (2025, 12));
    let a = column_chart(
        "Fatalities",
        &labels,
        &fatalities(120),
        true,
        &ChartWords::default(),
    );
    let b = column_chart(
        "Fatalities",
        &labels,
        &fatalities(120),
        true,
        &ChartWords::default(),
    );
    assert_eq!(a, b);
    assert!(!a.contains("NaN") && !a.contains("inf"));
}

#[test]
fn hostile_names_are_escaped() {
    let labels = vec![
        "<script>alert(1)</script>".to_string(),
        "a'b\"c&d".to_string(),
    ];
    let data = vec![series(
        "<img src=x onerror=alert(1)>",
        "x\" onload=\"alert(1)",
        vec![1, 2],
    )];
    let svg = column_chart(
        "</title><script>",
        &labels,
        &data,
        false,
        &ChartWords::default(),
    );
    assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("onload=\""));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(svg.contains("a&#39;b&quot;c&amp;d"));
    roxmltree::Document::parse(&svg).expect("still well-formed");
}

#[test]
fn a_chart_speaks_the_words_it_is_given() {
    let words = ChartWords {
        months_short: [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ],
        months: [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        columns: "{columns}, {first} – {last}.",
        column_count: Box::new(|n| format!("{n} colonnes")),
        ..ChartWords::default()
    };
    let labels: Vec<String> = month_range((2025, 6), (2025, 8))
        .into_iter()
        .map(|(y, m)| month_label(y, m, &words))
        .collect();
    assert_eq!(labels[1], "juil. 2025");
    let svg = column_chart("Incidents par mois", &labels, &fatalities(3), false, &words);
    assert!(svg.contains(">juil. 2025</text>"), "{svg}");
    assert!(svg.contains("3 colonnes, juin 2025 – août 2025."));
    assert!(svg.contains("<title>juillet 2025: "));
    assert!(!svg.contains("Jul"));
}

#[test]
fn an_unknown_value_is_outlined_and_said_never_drawn_as_zero() {
    let labels = months((2025, 1), (2025, 3));
    let killed = Series {
        unknown: vec![false, true, false],
        ..series("killed", "independent", vec![4, 99, 0])
    };
    let svg = column_chart("Killed", &labels, &[killed], false, &ChartWords::default());
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let outlines: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("chart-mark chart-unknown"))
        .collect();
    assert_eq!(outlines.len(), 1, "February alone is not known");
    assert_eq!(outlines[0].attribute("fill"), Some("none"));
    let tooltip = outlines[0].first_element_child().unwrap().text().unwrap();
    assert_eq!(tooltip, "February 2025: killed, number not known.");
    assert_eq!(
        marks(&svg).len(),
        1,
        "January's 4 is drawn; March's 0 is not"
    );
    assert!(
        !svg.contains(">99<") && !svg.contains("Scale 0 to 100"),
        "the ignored value sets no scale"
    );
    assert!(svg.contains("killed: number not known in February 2025."));
    assert!(svg.contains("class=\"chart-swatch chart-unknown\""));
    assert!(
        svg.contains(">not known</text>"),
        "the legend says what it means"
    );
}

#[test]
fn a_chart_of_only_unknown_values_is_not_an_empty_chart() {
    let labels = months((2025, 1), (2025, 2));
    let killed = Series {
        unknown: vec![true, true],
        ..series("killed", "independent", vec![0, 0])
    };
    let words = ChartWords::default();
    let svg = column_chart("Killed", &labels, &[killed], false, &words);
    assert!(!svg.contains(words.no_data), "{svg}");
    assert!(
        !svg.contains("killed: none."),
        "not known is not none: {svg}"
    );
    assert!(svg.contains("not known in January 2025, February 2025."));
}
