//! Each mark as a titled link, and the words that describe the marks to assistive
//! technology.

use std::fmt::Write;

use crate::xml::escape;

use super::{num, MARK, MARK_EDGE};
use crate::draw::map::marks::MergedMark;

pub(super) fn description(merged: &[MergedMark]) -> String {
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

pub(super) fn write_mark(out: &mut String, mark: &MergedMark) {
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
