//! `static/`: files copied as they are to the root of the output, after every page is
//! written. Found at load, so `check` reports their problems too; copied by the write
//! stage, where a file that would replace a generated page is refused.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Staging;
use crate::site_boundary::SiteBoundary;

/// Generated files a site may replace with its own on purpose.
pub const OVERRIDABLE: [&str; 4] = ["style.css", "cite.js", "favicon.ico", "CNAME"];

/// One file of `static/` to publish.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Where it is read from.
    pub source: PathBuf,
    /// Its path in the output, with `/` separators.
    pub relative: String,
}

/// Every file of `ROOT/static/` to publish, hidden ones left out; a link that leads out of
/// the site, or cannot be read, is an error naming it.
pub fn find_static_files(root: &Path, diagnostics: &mut Diagnostics) -> Vec<StaticFile> {
    let dir = root.join("static");
    if std::fs::symlink_metadata(&dir).is_err() {
        return Vec::new();
    }
    let boundary = match SiteBoundary::of(root) {
        Ok(boundary) => boundary,
        Err(e) => {
            diagnostics.push(Diagnostic::file_error(
                Path::new("static"),
                format!("cannot read: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    let refused = boundary.walk(&dir, root, |entry| match entry {
        Ok(entry) if entry.file_type().is_file() => {
            let relative = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            files.push(StaticFile {
                source: entry.path().to_path_buf(),
                relative: relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            });
        }
        Ok(_) => {}
        Err(e) => {
            let path = e.path().unwrap_or(&dir);
            let shown = path.strip_prefix(root).unwrap_or(path);
            diagnostics.push(Diagnostic::file_error(shown, format!("cannot read: {e}")));
        }
    });
    diagnostics.extend(refused);
    files
}

/// Copies `files` into the staging folder, after the generated pages: a file that would
/// replace one of them is an error naming both, unless it is one sites replace on purpose.
/// Returns how many were copied, or every problem.
pub fn copy_static_files(files: &[StaticFile], staging: &Staging) -> Result<usize, Diagnostics> {
    let mut problems = Diagnostics::default();
    for file in files {
        let shown = Path::new("static").join(&file.relative);
        let target = match staging.inside(&file.relative) {
            Ok(target) => target,
            Err(e) => {
                problems.push(Diagnostic::file_error(&shown, e.to_string()));
                continue;
            }
        };
        if target.exists() && !OVERRIDABLE.contains(&file.relative.as_str()) {
            problems.push(
                Diagnostic::file_error(
                    &shown,
                    format!(
                        "this file would replace {}, which the build generates",
                        file.relative
                    ),
                )
                .with_help(format!(
                    "rename or move it; to change a generated page, override its template in \
                     templates/ (files a site may replace: {})",
                    OVERRIDABLE.join(", ")
                )),
            );
            continue;
        }
        if let Err(e) = staging.copy_in(&file.source, &file.relative) {
            problems.push(Diagnostic::file_error(&shown, format!("cannot copy: {e}")));
        }
    }
    if problems.is_empty() {
        Ok(files.len())
    } else {
        Err(problems)
    }
}
