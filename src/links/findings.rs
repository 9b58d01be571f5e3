//! What the fetched links mean for each report: a warning at the address in the front
//! matter for each dead or moved link, and for each web source with no archived copy.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::domain::model::{Incident, Source};
use crate::domain::Site;
use crate::load::split::split_report;
use crate::locate::YamlText;

use super::probe::Outcome;

/// Every link problem of `site`, given what each address answered.
pub(super) fn findings(
    site: &Site,
    outcome_of: &dyn Fn(&str) -> Option<Outcome>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for incident in &site.incidents {
        let mut found: Vec<(String, Finding)> = Vec::new();
        for (i, source) in incident.sources.iter().enumerate() {
            found.extend(of_source(i, source, outcome_of));
        }
        if found.is_empty() {
            continue;
        }
        let front = front_matter(&site.settings.root, &incident.path);
        let yaml = YamlText::new(&front.0, front.1);
        for (needle, finding) in found {
            let (line, column) = yaml.find_in_key("sources", &needle);
            problems.push(finding.at(incident, line, column));
        }
    }
    problems
}

/// A problem with one link, before it is placed in its file.
struct Finding {
    message: String,
    help: &'static str,
}

impl Finding {
    fn at(self, incident: &Incident, line: usize, column: usize) -> Diagnostic {
        Diagnostic::error(&incident.path, line, column, self.message)
            .warning()
            .with_help(self.help)
    }
}

/// The problems of source `i`, each with the text to point at.
fn of_source(
    i: usize,
    source: &Source,
    outcome_of: &dyn Fn(&str) -> Option<Outcome>,
) -> Vec<(String, Finding)> {
    let mut found = Vec::new();
    for (key, url) in [("url", &source.url), ("archive_url", &source.archive_url)] {
        let Some(url) = url else { continue };
        let Some(finding) = outcome_of(url).and_then(|o| of_outcome(i, key, url, &o)) else {
            continue;
        };
        found.push((url.clone(), finding));
    }
    if source.lacks_archive() {
        let url = source.url.clone().unwrap_or_default();
        found.push((
            url,
            Finding {
                message: format!("sources[{i}] ({}) has no archive_url", source.name),
                help: "archive the page (e.g. with the Wayback Machine's \"Save Page Now\") and \
                       give the copy's address as archive_url, so readers can check the source \
                       once the page is gone",
            },
        ));
    }
    found
}

/// The problem `outcome` is for link `key` of source `i`, if it is one.
fn of_outcome(i: usize, key: &str, url: &str, outcome: &Outcome) -> Option<Finding> {
    let (message, help) = match outcome {
        Outcome::Live => return None,
        Outcome::Dead { status } => (
            format!(
                "sources[{i}].{key} {url} answers {status}{}",
                reason(*status)
            ),
            "find where the story moved, or cite an archived copy as archive_url",
        ),
        Outcome::Elsewhere { to } => (
            format!("sources[{i}].{key} {url} redirects to another host: {to}"),
            "open it: if the new page still tells the story, cite that address instead",
        ),
        Outcome::Unreachable { reason } => (
            format!("sources[{i}].{key} {url} could not be reached: {reason}"),
            "check the address; if the site is gone for good, cite an archived copy",
        ),
    };
    Some(Finding { message, help })
}

/// The words for the statuses a dead link most often answers.
fn reason(status: u16) -> &'static str {
    match status {
        400 => " (Bad Request)",
        401 => " (Unauthorized)",
        403 => " (Forbidden)",
        404 => " (Not Found)",
        410 => " (Gone)",
        429 => " (Too Many Requests)",
        500 => " (Internal Server Error)",
        502 => " (Bad Gateway)",
        503 => " (Service Unavailable)",
        _ => "",
    }
}

/// The front matter of the report at `path` and its first line; empty when the file
/// changed so much it no longer splits (then every problem points at line 1).
fn front_matter(root: &Path, path: &Path) -> (String, usize) {
    let text = std::fs::read(root.join(path))
        .ok()
        .and_then(|bytes| crate::yaml::decode(&bytes).ok())
        .unwrap_or_default();
    match split_report(&text) {
        Ok(parts) => (parts.front_matter.to_string(), parts.front_matter_line),
        Err(_) => (String::new(), 1),
    }
}
