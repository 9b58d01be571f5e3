//! The two axes of a column chart: values up the left with gridlines, and the labels
//! (months or categories) along the bottom.

use std::fmt::Write;

use crate::draw::charts::scale::Tick;
use crate::draw::charts::svg::{escape, num, text_width, FONT, WIDTH};

pub(super) fn value_axis(ticks: &[u64], plot_left: f64, y_of: &impl Fn(u64) -> f64) -> String {
    let mut grid =
        String::from("<g class=\"chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.2\">");
    let mut labels = String::from(
        "<g class=\"chart-axis chart-label\" fill=\"currentColor\" text-anchor=\"end\">",
    );
    for &tick in ticks {
        let y = num(y_of(tick));
        let _ = write!(
            grid,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>",
            num(plot_left),
            num(WIDTH)
        );
        let _ = write!(
            labels,
            "<text x=\"{}\" y=\"{}\">{tick}</text>",
            num(plot_left - 5.0),
            num(y_of(tick) + FONT * 0.35)
        );
    }
    grid.push_str("</g>");
    labels.push_str("</g>");
    grid + &labels
}
pub(super) fn category_axis(ticks: &[Tick], plot_left: f64, band: f64, plot_bottom: f64) -> String {
    let mut out = format!(
        "<g class=\"chart-axis\" stroke=\"currentColor\"><line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>",
        num(plot_left),
        num(WIDTH),
        y = num(plot_bottom)
    );
    let mut labels = String::from(
        "<g class=\"chart-axis chart-label\" fill=\"currentColor\" text-anchor=\"middle\">",
    );
    for tick in ticks {
        let x = plot_left + (tick.index as f64 + 0.5) * band;
        let tick_length = if tick.text.is_some() { 5.0 } else { 3.0 };
        let _ = write!(
            out,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\"/>",
            num(plot_bottom),
            num(plot_bottom + tick_length),
            x = num(x)
        );
        if let Some(text) = &tick.text {
            // Labels at the very ends would hang off the viewBox; nudge them inside.
            let half = text_width(text, FONT) / 2.0;
            let x = x.clamp(half, WIDTH - half);
            let _ = write!(
                labels,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                num(x),
                num(plot_bottom + 5.0 + FONT),
                escape(text)
            );
        }
    }
    out.push_str("</g>");
    labels.push_str("</g>");
    out + &labels
}
