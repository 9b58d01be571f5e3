//! Warnings of likely duplicates ([`crate::domain::duplicates`]), each naming both files
//! at the line of their titles, and of `not_duplicate_of` entries that name no report.

use std::path::Path;

use rustc_hash::FxHashSet;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::domain::duplicates::likely_duplicates;
use crate::domain::model::Incident;
use crate::domain::Registry;

use super::cross_checks::locate_in_file;

/// Warns of every likely duplicate among `incidents`, on the later of the two files.
pub(super) fn warn_of_duplicates(
    incidents: &[Incident],
    registry: &Registry,
    root: &Path,
    diagnostics: &mut Diagnostics,
) {
    for pair in likely_duplicates(incidents) {
        let (first, second) = (&incidents[pair.first], &incidents[pair.second]);
        let (first_line, _) = locate_in_file(root, &first.path, "title", "");
        let (line, column) = locate_in_file(root, &second.path, "title", "");
        let region = &registry.region(pair.region).name;
        let group = &registry.groups[pair.group].name;
        diagnostics.push(
            Diagnostic::error(
                &second.path,
                line,
                column,
                format!(
                    "likely a duplicate of {}:{first_line} ('{}'): same country, region \
                     {region} and group {group}, overlapping dates, similar titles",
                    first.path.display(),
                    first.title
                ),
            )
            .warning()
            .with_help(format!(
                "if both tell one event, merge them and retract one; if they are two events, \
                 add `not_duplicate_of: [{}]` to this report",
                first.id
            )),
        );
    }
    warn_of_unknown_names(incidents, root, diagnostics);
}

/// A `not_duplicate_of` entry must be the id or slug of a report of the site.
fn warn_of_unknown_names(incidents: &[Incident], root: &Path, diagnostics: &mut Diagnostics) {
    if incidents.iter().all(|i| i.not_duplicate_of.is_empty()) {
        return;
    }
    let names: FxHashSet<&str> = incidents
        .iter()
        .flat_map(|i| [i.id.as_str(), i.slug.as_str()])
        .collect();
    for incident in incidents {
        for name in &incident.not_duplicate_of {
            if names.contains(name.as_str()) {
                continue;
            }
            let (line, column) = locate_in_file(root, &incident.path, "not_duplicate_of", name);
            let help = match crate::diagnostics::did_you_mean(name, names.iter().copied()) {
                Some(near) => format!("did you mean '{near}'?"),
                None => "name another report by its id or slug".into(),
            };
            diagnostics.push(
                Diagnostic::error(
                    &incident.path,
                    line,
                    column,
                    format!("not_duplicate_of names '{name}', which is no report of the site"),
                )
                .warning()
                .with_help(help),
            );
        }
    }
}
