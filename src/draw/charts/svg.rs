//! The SVG pieces every chart shares: escaping, number formatting, the accessible frame,
//! series styles (colour plus pattern), the legend and the "No data" chart.

use std::fmt::Write;

pub(super) use crate::xml::escape;

use super::words::ChartWords;
use super::Series;

/// The viewBox width of every chart. Charts are drawn at `width="100%"`, so this sets how
/// big the text is relative to the screen: at a 320 px phone (about 290 px for the chart)
/// 13-unit text is about 10.5 px, still readable.
pub(super) const WIDTH: f64 = 360.0;
/// Axis, label, legend and value text size, in viewBox units.
pub(super) const FONT: f64 = 13.0;
const TITLE_FONT: f64 = 15.0;
/// Vertical room for the visible title line.
const TITLE_HEIGHT: f64 = 22.0;
const LEGEND_ROW: f64 = 18.0;
const SWATCH: f64 = 12.0;

/// Light-mode fallbacks by series position, each at least 4.8:1 on white so marks pass
/// the 3:1 WCAG minimum for graphics even where the stylesheet sets nothing. The site's
/// stylesheet overrides them per class, which is how dark mode gets lighter tints.
const FALLBACK_COLOURS: [&str; 4] = ["#1f5f99", "#b35806", "#5e3c99", "#1b7837"];

/// A coordinate with at most two decimals and no trailing zeros, so output is short and
/// identical from run to run.
pub(super) fn num(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// An estimate of rendered text width. The chart cannot measure fonts at build time, so
/// it assumes a generous [`CHAR_EM`] per character, which overestimates most sans-serif
/// text.
pub(super) fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * CHAR_EM
}

/// Width of a character in ems, as wide as capitals of the broad sans-serifs Linux
/// desktops fall back to (DejaVu Sans), so labels are not clipped there.
const CHAR_EM: f64 = 0.7;

/// Shortens text to fit `max_width`, ending it with an ellipsis; the full text is kept
/// by callers in a tooltip.
pub(super) fn fit_text(text: &str, max_width: f64, font: f64) -> String {
    if text_width(text, font) <= max_width {
        return text.to_string();
    }
    let keep = ((max_width / (font * CHAR_EM)) as usize).saturating_sub(1);
    let mut short: String = text.chars().take(keep).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

/// A series' class suffix reduced to characters that are safe in a class name, so a
/// stray space cannot split it into two classes.
pub(super) fn class_suffix(class: &str) -> String {
    let cleaned: String = class
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' | '_' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    if cleaned.is_empty() {
        "series".to_string()
    } else {
        cleaned
    }
}

/// The value of series `series` at position `index`; a series shorter than the labels
/// counts as zero there, and so does an unknown value, which marks its place without
/// taking room on the scale.
pub(super) fn value_at(series: &Series, index: usize) -> u64 {
    if is_unknown(series, index) {
        return 0;
    }
    series.values.get(index).copied().unwrap_or(0)
}

/// Whether the value of `series` at `index` is not known.
pub(super) fn is_unknown(series: &Series, index: usize) -> bool {
    series.unknown.get(index).copied().unwrap_or(false)
}

/// Whether any series has an unknown value among the first `len` labels.
pub(super) fn any_unknown(series: &[Series], len: usize) -> bool {
    series
        .iter()
        .any(|s| (0..len).any(|index| is_unknown(s, index)))
}

/// Where a stacked mark of series `position` starts at `index`: the sum of the series
/// drawn before it there.
pub(super) fn stacked_base(series: &[Series], position: usize, index: usize) -> u64 {
    series[..position]
        .iter()
        .map(|other| value_at(other, index))
        .fold(0, u64::saturating_add)
}

/// True when there is nothing to draw: no categories, no series, or only zeros and no
/// unknown value (which is something to show).
pub(super) fn has_no_data(labels: &[String], series: &[Series]) -> bool {
    labels.is_empty()
        || (0..labels.len()).all(|i| {
            series
                .iter()
                .all(|s| value_at(s, i) == 0 && !is_unknown(s, i))
        })
}

/// A stable id for a chart's title, description and patterns, unique between the
/// different charts of one page. A hash of the content rather than a counter keeps the
/// output deterministic without the caller passing ids around.
pub(super) fn chart_id(kind: &str, title: &str, labels: &[String], series: &[Series]) -> String {
    // FNV-1a: tiny, and stable across Rust releases, unlike std's default hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain([0xff].iter()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(kind.as_bytes());
    feed(title.as_bytes());
    labels.iter().for_each(|l| feed(l.as_bytes()));
    for s in series {
        feed(s.name.as_bytes());
        feed(s.class.as_bytes());
        s.values.iter().for_each(|v| feed(&v.to_le_bytes()));
        s.unknown.iter().for_each(|&u| feed(&[u8::from(u)]));
    }
    format!("chart-{hash:016x}")
}

/// Opens the `<svg>` with what assistive technology reads (title and description), and
/// draws the visible title; the caller appends the body and closes with `</svg>`.
///
/// A chart is one image to assistive technology, unless it holds links: then it is a
/// group, as an image's content is hidden from screen readers yet its links would still
/// take keyboard focus.
pub(super) fn open_svg(
    id: &str,
    kind: &str,
    height: f64,
    title: &str,
    desc: &str,
    has_links: bool,
) -> String {
    let role = if has_links { "group" } else { "img" };
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{kind}\" viewBox=\"0 0 {w} {h}\" \
width=\"100%\" role=\"{role}\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" \
font-size=\"{font}\">\
<title id=\"{id}-title\">{title_text}</title><desc id=\"{id}-desc\">{desc}</desc>\
<text class=\"chart-title chart-label\" x=\"0\" y=\"{ty}\" font-size=\"{tf}\" font-weight=\"bold\" fill=\"currentColor\">{shown}</text>",
        w = num(WIDTH),
        h = num(height.ceil()),
        font = num(FONT),
        title_text = escape(title),
        desc = escape(desc),
        ty = num(TITLE_FONT),
        tf = num(TITLE_FONT),
        shown = escape(&fit_text(title, WIDTH, TITLE_FONT)),
    );
    out
}

/// How one series is painted, as attributes for its marks and swatch. The first series
/// is solid; later ones are hatched and outlined, so stacked parts differ in texture and
/// not by colour alone. `outline` is the stroke width: thin columns need a thinner one, or
/// the outline alone would fill them and overlap their neighbours.
pub(super) fn mark_paint(id: &str, position: usize, outline: f64) -> String {
    if position == 0 {
        "fill=\"currentColor\"".to_string()
    } else {
        format!(
            "fill=\"url(#{id}-pattern-{position})\" stroke=\"currentColor\" stroke-width=\"{}\"",
            num(outline)
        )
    }
}

/// Opens the group that gives a series its class and colour. Marks paint with
/// `currentColor`, so a stylesheet restyles a series (dark mode included) by setting
/// `color` on `.chart-series-CLASS`; the `color` attribute is the unstyled fallback.
pub(super) fn open_series_group(series: &Series, position: usize) -> String {
    format!(
        "<g class=\"chart-series chart-series-{}\" color=\"{}\">",
        class_suffix(&series.class),
        FALLBACK_COLOURS[position % FALLBACK_COLOURS.len()]
    )
}

/// The hatch patterns of every series after the first. Each sits inside its series'
/// group because pattern content inherits colour from where the pattern is defined, not
/// from the mark that uses it.
pub(super) fn pattern_defs(id: &str, series: &[Series]) -> String {
    let mut out = String::new();
    for (position, s) in series.iter().enumerate().skip(1) {
        let angle = [45, -45, 0, 90][(position - 1) % 4];
        let _ = write!(
            out,
            "{}<defs><pattern id=\"{id}-pattern-{position}\" patternUnits=\"userSpaceOnUse\" \
width=\"4\" height=\"4\" patternTransform=\"rotate({angle})\">\
<rect width=\"4\" height=\"4\" fill=\"currentColor\" fill-opacity=\"0.3\"/>\
<rect width=\"2\" height=\"4\" fill=\"currentColor\"/></pattern></defs></g>",
            open_series_group(s, position)
        );
    }
    out
}

/// The legend, laid out in rows under the title; returns the markup and the height it
/// takes. Every series gets an entry, even one that is all zeros, so readers know what
/// the chart would show; with `unknown`, a last entry shows how an unknown value is
/// marked and what it means.
pub(super) fn legend(id: &str, series: &[Series], unknown: Option<&str>) -> (String, f64) {
    let mut out = String::from("<g class=\"chart-legend\">");
    let top = TITLE_HEIGHT + 4.0;
    let (mut x, mut row) = (0.0, 0usize);
    let mut place = |text: &str| {
        let name = fit_text(text, WIDTH - SWATCH - 6.0, FONT);
        let item_width = SWATCH + 5.0 + text_width(&name, FONT) + 14.0;
        if x > 0.0 && x + item_width > WIDTH {
            x = 0.0;
            row += 1;
        }
        let at = (x, top + row as f64 * LEGEND_ROW);
        x += item_width;
        (name, at)
    };
    for (position, s) in series.iter().enumerate() {
        let (name, (x, y)) = place(&s.name);
        let _ = write!(
            out,
            "{}<rect class=\"chart-swatch\" x=\"{}\" y=\"{}\" width=\"{SWATCH}\" height=\"{SWATCH}\" {}/></g>",
            open_series_group(s, position),
            num(x + 0.5),
            num(y + 0.5),
            mark_paint(id, position, 1.0),
        );
        legend_text(&mut out, &name, (x, y));
    }
    if let Some(text) = unknown {
        let (name, (x, y)) = place(text);
        // In the first series' colour, as the chart's own outlines are.
        let (open, close) = match series.first() {
            Some(first) => (open_series_group(first, 0), "</g>"),
            None => (String::new(), ""),
        };
        let _ = write!(
            out,
            "{open}<rect class=\"chart-swatch chart-unknown\" x=\"{}\" y=\"{}\" width=\"{inner}\" height=\"{inner}\" {UNKNOWN_PAINT}/>{close}",
            num(x + 1.0),
            num(y + 1.0),
            inner = num(SWATCH - 1.0),
        );
        legend_text(&mut out, &name, (x, y));
    }
    out.push_str("</g>");
    let rows = if series.is_empty() && unknown.is_none() {
        0
    } else {
        row + 1
    };
    (out, top + rows as f64 * LEGEND_ROW)
}

/// How a mark of an unknown value is painted: a dashed outline with nothing inside, so it
/// cannot be read as a small value.
pub(super) const UNKNOWN_PAINT: &str = "fill=\"none\" stroke=\"currentColor\" stroke-width=\"1\" \
stroke-dasharray=\"2 2\" pointer-events=\"all\"";

/// A legend entry's words, right of its swatch at `(x, y)`.
fn legend_text(out: &mut String, name: &str, (x, y): (f64, f64)) {
    let _ = write!(
        out,
        "<text class=\"chart-label\" x=\"{}\" y=\"{}\" fill=\"currentColor\">{}</text>",
        num(x + SWATCH + 5.0),
        num(y + SWATCH - 1.0),
        escape(name)
    );
}

/// A small chart that says there is nothing to show, so an empty site or a filter with
/// no matches still renders a sensible page.
pub(super) fn no_data_chart(kind: &str, title: &str, words: &ChartWords) -> String {
    let id = chart_id(kind, title, &[], &[]);
    let mut out = open_svg(&id, kind, TITLE_HEIGHT + 34.0, title, words.no_data, false);
    let _ = write!(
        out,
        "<text class=\"chart-label chart-empty\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" \
fill=\"currentColor\">{}</text></svg>",
        num(WIDTH / 2.0),
        num(TITLE_HEIGHT + 22.0),
        escape(words.no_data)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_all_five_specials() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
    }

    #[test]
    fn class_suffixes_cannot_inject_classes_or_markup() {
        assert_eq!(class_suffix("Claimed by\"x"), "claimed-by-x");
        assert_eq!(class_suffix(""), "series");
    }

    #[test]
    fn long_text_is_shortened_with_an_ellipsis() {
        let short = fit_text("Islamic State Sahel Province", 100.0, FONT);
        assert!(short.ends_with('…'));
        assert!(text_width(&short, FONT) <= 100.0);
        assert_eq!(fit_text("JNIM", 100.0, FONT), "JNIM");
    }
}
