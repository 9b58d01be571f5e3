//! Tests of bar charts, read back as SVG: links, printed values, lengths and escaping.

use super::*;

fn series(name: &str, class: &str, values: Vec<u64>) -> Series {
    Series {
        name: name.into(),
        class: class.into(),
        values,
        unknown: Vec::new(),
    }
}

#[test]
fn a_chart_with_links_is_a_group_not_an_image() {
    let labels = vec!["JNIM".to_string()];
    let values = [series("incidents", "incidents", vec![3])];
    let linked = bar_chart(
        "By group",
        &labels,
        &[Some("/g/".into())],
        &values,
        false,
        &ChartWords::default(),
    );
    assert!(linked.contains(r#"role="group""#) && !linked.contains(r#"role="img""#));
    let plain = bar_chart(
        "By group",
        &labels,
        &[None],
        &values,
        false,
        &ChartWords::default(),
    );
    assert!(plain.contains(r#"role="img""#));
}

fn groups() -> (Vec<String>, Vec<Option<String>>, Vec<Series>) {
    let labels = vec![
        "JNIM".to_string(),
        "Islamic State Sahel Province".into(),
        "FAMa".into(),
    ];
    let hrefs = vec![
        Some("/groups/jnim/".to_string()),
        None,
        Some("/groups/fama/".into()),
    ];
    let data = vec![
        series("independent", "independent", vec![40, 25, 0]),
        series("claimed", "claimed", vec![12, 0, 3]),
    ];
    (labels, hrefs, data)
}

fn widths(svg: &str) -> Vec<f64> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("chart-mark"))
        .map(|n| n.attribute("width").unwrap().parse().unwrap())
        .collect()
}

#[test]
fn labels_link_where_an_href_is_given() {
    let (labels, hrefs, data) = groups();
    let svg = bar_chart(
        "Fatalities by group",
        &labels,
        &hrefs,
        &data,
        true,
        &ChartWords::default(),
    );
    assert!(svg.contains("<a class=\"chart-link\" href=\"/groups/jnim/\""));
    assert_eq!(svg.matches("<a ").count(), 2);
}

#[test]
fn stacked_values_list_each_part() {
    let (labels, hrefs, data) = groups();
    let svg = bar_chart(
        "Fatalities by group",
        &labels,
        &hrefs,
        &data,
        true,
        &ChartWords::default(),
    );
    assert!(svg.contains(">40 + 12</text>"));
    assert!(svg.contains(">0 + 3</text>"));
    assert!(svg.contains("<title>JNIM: 12 claimed</title>"));
}

#[test]
fn stacked_bar_lengths_are_proportional() {
    let (labels, hrefs, data) = groups();
    let w = widths(&bar_chart(
        "t",
        &labels,
        &hrefs,
        &data,
        true,
        &ChartWords::default(),
    ));
    // Marks: independent 40, 25; claimed 12, 3. The longest row (52) spans the plot.
    let unit = (w[0] + w[2]) / 52.0;
    for (width, value) in w.iter().zip([40.0, 25.0, 12.0, 3.0]) {
        assert!((width - value * unit).abs() < 0.03, "{width} vs {value}");
    }
}

#[test]
fn side_by_side_bars_each_print_their_value() {
    let (labels, hrefs, data) = groups();
    let svg = bar_chart("t", &labels, &hrefs, &data, false, &ChartWords::default());
    assert_eq!(svg.matches("class=\"chart-value\"").count(), 6);
    assert_eq!(widths(&svg).len(), 4);
}

#[test]
fn long_names_are_shortened_but_kept_as_a_tooltip() {
    let (labels, hrefs, data) = groups();
    let svg = bar_chart("t", &labels, &hrefs, &data, true, &ChartWords::default());
    assert!(svg.contains("<title>Islamic State Sahel Province</title>"));
    assert!(svg.contains('…'));
}

#[test]
fn hostile_names_and_hrefs_are_escaped() {
    let labels = vec!["<b onmouseover='x'>&".to_string()];
    let hrefs = vec![Some("\"><script>alert(1)</script>".to_string())];
    let data = vec![series("<i>", "c", vec![1])];
    let svg = bar_chart("<t>", &labels, &hrefs, &data, false, &ChartWords::default());
    assert!(!svg.contains("<script") && !svg.contains("<b ") && !svg.contains("<i>"));
    assert!(svg.contains("href=\"&quot;&gt;&lt;script&gt;"));
    roxmltree::Document::parse(&svg).expect("still well-formed");
}

#[test]
fn empty_data_says_no_data() {
    let svg = bar_chart("By region", &[], &[], &[], false, &ChartWords::default());
    assert!(svg.contains(">No data<") && svg.contains("role=\"img\""));
    let zeros = bar_chart(
        "By region",
        &["Gao".into()],
        &[None],
        &[series("a", "a", vec![0])],
        false,
        &ChartWords::default(),
    );
    assert!(zeros.contains(">No data<"));
}

#[test]
fn output_is_deterministic_with_legend_and_classes() {
    let (labels, hrefs, data) = groups();
    let a = bar_chart(
        "By group",
        &labels,
        &hrefs,
        &data,
        true,
        &ChartWords::default(),
    );
    assert_eq!(
        a,
        bar_chart(
            "By group",
            &labels,
            &hrefs,
            &data,
            true,
            &ChartWords::default()
        )
    );
    for needle in [
        "chart-series-independent",
        "chart-series-claimed",
        "chart-axis",
        "chart-label",
        ">independent<",
        ">claimed<",
    ] {
        assert!(a.contains(needle), "missing {needle}");
    }
    assert_ne!(
        chart_id("bar", "By group", &labels, &data),
        chart_id("bar", "By region", &labels, &data)
    );
}

#[test]
fn an_unknown_value_gets_no_bar_and_says_not_known() {
    let labels = vec!["Kayes".to_string(), "Ségou".to_string()];
    let killed = Series {
        unknown: vec![false, true],
        ..series("killed", "independent", vec![40, 7])
    };
    let words = ChartWords::default();
    let svg = bar_chart("Killed", &labels, &[None, None], &[killed], false, &words);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let bars = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("chart-mark"))
        .count();
    assert_eq!(bars, 1, "only Kayes has a bar");
    let values: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("chart-value"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(values, ["40", "not known"]);
    assert!(svg.contains("Ségou: killed, number not known."), "{svg}");
    assert!(!svg.contains("Ségou: 0") && !svg.contains(">7<"));
}
