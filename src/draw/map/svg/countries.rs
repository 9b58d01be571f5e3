//! The country outlines as SVG paths: layered, clipped to the frame and written in short
//! relative steps, since they are most of a base map's bytes.

use std::fmt::Write;

use super::{num, tenths, FOCUS, FOCUS_BORDER, LAND, LAND_BORDER, SEA};
use crate::draw::map::outlines::{self, Outline};
use crate::draw::map::projection::{Projection, MAP_WIDTH};
use crate::draw::map::view::MapView;

/// Outlines are clipped this far outside the frame, so the clip's own edges never show.
const CLIP_PAD: f64 = 20.0;
/// Points closer than this (in tenths of an SVG unit) to the last one kept are dropped:
/// below a pixel, they would only add bytes.
const MIN_STEP_TENTHS: i64 = 5;

/// Sea, then neighbours, then the highlighted countries on top, so their stronger
/// borders are not overdrawn by a neighbour's.
pub(super) fn write_outlines(out: &mut String, view: &MapView) {
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
pub(super) fn clip_to_frame(ring: Vec<(f64, f64)>, height: f64) -> Vec<(f64, f64)> {
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
