//! What reports say about each other, checked once every report is loaded: unique slugs
//! and ids, `related` slugs and links to other reports that exist.

use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::domain::model::Incident;
use crate::locate::YamlText;
use crate::yaml;

use super::{split, Refs};

/// Slugs and ids must be unique across the site; both files are named.
pub(super) fn check_unique(incidents: &[Incident], diagnostics: &mut Diagnostics) {
    for (what, key) in [("slug", 0), ("id", 1)] {
        let mut seen: FxHashMap<&str, &Path> =
            FxHashMap::with_capacity_and_hasher(incidents.len(), Default::default());
        for incident in incidents {
            let value = if key == 0 {
                &incident.slug
            } else {
                &incident.id
            };
            if let Some(first) = seen.insert(value, &incident.path) {
                diagnostics.push(
                    Diagnostic::file_error(
                        &incident.path,
                        format!("{what} '{value}' is also used by {}", first.display()),
                    )
                    .with_help(match what {
                        "slug" => "rename one of the two files, or give one of them another \
                                   `slug:` in its front matter"
                            .to_string(),
                        _ => "give one of the two reports another `id:`".to_string(),
                    }),
                );
            }
        }
    }
}

/// Every `related:` slug must name a report of the site.
pub(super) fn check_related(
    incidents: &[Refs],
    slugs: &FxHashSet<&str>,
    diagnostics: &mut Diagnostics,
    root: &Path,
) {
    for incident in incidents {
        for related in incident.related {
            if !slugs.contains(related.as_str()) {
                let (line, column) = locate_in_file(root, incident.path, "related", related);
                let suggestion = crate::diagnostics::did_you_mean(related, slugs.iter().copied());
                diagnostics.push(
                    Diagnostic::error(
                        incident.path,
                        line,
                        column,
                        format!("related report '{related}' does not exist"),
                    )
                    .with_help(match suggestion {
                        Some(s) => format!("did you mean '{s}'?"),
                        None => {
                            "name another report by its slug (its file name without .md)".into()
                        }
                    }),
                );
            }
        }
    }
}

/// Links in bodies to `/incidents/SLUG/` must name a report of the site.
pub(super) fn check_report_links(
    incidents: &[Refs],
    slugs: &FxHashSet<&str>,
    diagnostics: &mut Diagnostics,
    root: &Path,
) {
    for incident in incidents {
        for link in incident.site_links {
            let Some(rest) = link.strip_prefix("/incidents/") else {
                continue;
            };
            let slug = rest.split(['/', '#', '?']).next().unwrap_or_default();
            if slug.is_empty() || slug == "page" || slugs.contains(slug) {
                continue;
            }
            let (line, column) = locate_text_in_file(root, incident.path, link);
            let suggestion = crate::diagnostics::did_you_mean(slug, slugs.iter().copied());
            diagnostics.push(
                Diagnostic::error(
                    incident.path,
                    line,
                    column,
                    format!("link to report '{slug}', which does not exist"),
                )
                .with_help(match suggestion {
                    Some(s) => format!("did you mean '/incidents/{s}/'?"),
                    None => "link to a report by its slug: /incidents/SLUG/".into(),
                }),
            );
        }
    }
}

/// Re-reads a file to find the first line holding `needle`; only used on the error path.
fn locate_text_in_file(root: &Path, path: &Path, needle: &str) -> (usize, usize) {
    let text = std::fs::read(root.join(path))
        .ok()
        .and_then(|b| yaml::decode(&b).ok())
        .unwrap_or_default();
    YamlText::new(&text, 1)
        .find_from(needle, 1)
        .unwrap_or((1, 1))
}

/// Re-reads a report to point at a value; only used on the error path.
pub(super) fn locate_in_file(root: &Path, path: &Path, key: &str, needle: &str) -> (usize, usize) {
    let text = std::fs::read(root.join(path))
        .ok()
        .and_then(|b| yaml::decode(&b).ok())
        .unwrap_or_default();
    match split::split_report(&text) {
        Ok(parts) => {
            YamlText::new(parts.front_matter, parts.front_matter_line).find_in_key(key, needle)
        }
        Err(_) => (1, 1),
    }
}
