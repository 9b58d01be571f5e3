//! Markdown that will not be built: a report saved outside `content/incidents/`, or with
//! an extension that is nearly `.md`. Each is a warning naming the file and where reports
//! go, so no editor's work is silently left off the site (`--strict` fails on them).

use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// Where reports go, for the hints.
const REPORTS: &str = "content/incidents/";

/// Warns of Markdown files under `content/` (outside `content/incidents/`) and in an
/// `incidents/` folder at the site's root.
pub fn warn_of_misplaced_reports(root: &Path, diagnostics: &mut Diagnostics) {
    let reports = root.join("content/incidents");
    for folder in [root.join("content"), root.join("incidents")] {
        let walker = WalkDir::new(&folder)
            .into_iter()
            .filter_entry(|e| e.path() != reports && !is_hidden(e.file_name()));
        for entry in walker.filter_map(Result::ok) {
            if !entry.file_type().is_file() || !looks_like_markdown(entry.file_name()) {
                continue;
            }
            let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
            diagnostics.push(
                Diagnostic::file_error(
                    shown,
                    format!(
                        "this Markdown file is not built: reports are read from {REPORTS} only"
                    ),
                )
                .with_help(format!(
                    "move it to {REPORTS}{}, or out of the site if it is not a report",
                    entry.file_name().to_string_lossy()
                ))
                .warning(),
            );
        }
    }
}

/// Warns of a report in `content/incidents/` whose extension is nearly `.md`.
pub fn near_miss(path: &Path) -> Option<Diagnostic> {
    let name = path.file_name()?.to_str()?;
    if name.ends_with(".md") || !looks_like_markdown(path.file_name()?) {
        return None;
    }
    let stem = name
        .strip_suffix(".txt")
        .unwrap_or(name)
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem);
    Some(
        Diagnostic::file_error(
            path,
            "this report is not built: only files ending in .md (lower case) are reports",
        )
        .with_help(format!("rename it to {stem}.md"))
        .warning(),
    )
}

/// `.md` in any case, `.markdown`, `.mdown`, `.mkd`, and any of these followed by `.txt`
/// (what some editors add on save). Editors' backup and lock files are not.
fn looks_like_markdown(name: &std::ffi::OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    if name.starts_with('#') || name.ends_with('~') {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".txt").unwrap_or(&lower);
    [".md", ".markdown", ".mdown", ".mkd"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_named_with_the_name_they_should_have() {
        let said = |name: &str| near_miss(Path::new(name)).map(|d| d.help.unwrap_or_default());
        assert_eq!(said("a.MD").as_deref(), Some("rename it to a.md"));
        assert_eq!(said("a.markdown").as_deref(), Some("rename it to a.md"));
        assert_eq!(said("a.md.txt").as_deref(), Some("rename it to a.md"));
        assert_eq!(said("a.md"), None);
        assert_eq!(said("a.md~"), None);
        assert_eq!(said("notes.txt"), None);
    }
}
