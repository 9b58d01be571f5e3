//! Drawing, free of the site: SVG maps from country outlines ([`map`]) and SVG charts
//! ([`charts`]). The render stage decides which maps and charts a page gets
//! (`render::maps`, `render::stats`) and hands them numbers and places; nothing here knows
//! what a report is.

pub mod charts;
pub mod map;
