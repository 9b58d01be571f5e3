//! Each mark as a titled link, and the words that describe the marks to assistive
//! technology.

use std::collections::HashSet;
use std::fmt::Write;

use crate::xml::escape;

use super::{num, MARK, MARK_EDGE};
use crate::draw::map::marks::{distinct_reports, MergedMark};
use crate::draw::map::words::{fill, MapWords};

/// What the map shows, in words: how many incidents at how many places, then how to read
/// its marks. Incidents are told apart by their links and places by their coordinates, so
/// one report with two places is "1 incident at 2 places", and two reports at one town
/// are "2 incidents at 1 place".
pub(super) fn description(merged: &[MergedMark], words: &MapWords) -> String {
    if merged.is_empty() {
        return words.no_marks.to_string();
    }
    let marks = || merged.iter().flat_map(|mark| mark.members.iter().copied());
    let incidents = distinct_reports(marks());
    let mut spots = HashSet::new();
    let places = marks()
        .filter(|mark| spots.insert((mark.lat.to_bits(), mark.lon.to_bits())))
        .count();
    let mut text = fill(
        words.marks_at,
        &[
            ("incidents", &(words.incidents)(incidents)),
            ("places", &(words.places)(places)),
        ],
    );
    let exact = merged.iter().any(|mark| !mark.first.approximate);
    let approximate = merged.iter().any(|mark| mark.first.approximate);
    let mut add = |sentence: &str| {
        text.push(' ');
        text.push_str(sentence);
    };
    if exact {
        add(words.exact);
    }
    if approximate {
        add(words.approximate);
    }
    if merged.iter().any(|mark| mark.reports > 1) {
        add(words.clusters);
    }
    text
}

pub(super) fn write_mark(out: &mut String, mark: &MergedMark, words: &MapWords) {
    let label = &mark.first.label;
    let mut title = if mark.reports == 1 {
        label.clone()
    } else {
        fill(
            words.near,
            &[
                ("incidents", &(words.incidents)(mark.reports)),
                ("label", label),
            ],
        )
    };
    if mark.first.approximate {
        title.push_str(if mark.members.len() == 1 {
            words.approximate_one
        } else {
            words.approximate_many
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
