//! Where reports are found and how each is read: the walk of `content/incidents/` (links
//! kept inside the site, near-miss names warned of) and one bounded read per file.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};

use super::misplaced;

/// Reports larger than this are refused rather than parsed: no real report comes close.
pub(super) const MAX_REPORT_BYTES: u64 = 4 * 1024 * 1024;

/// Every report file under `content/incidents/`, relative to the root, sorted.
pub(super) fn report_files(root: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let dir = root.join("content/incidents");
    let mut files = Vec::new();
    let visit = |entry: walkdir::Result<walkdir::DirEntry>| match entry {
        Ok(entry) if entry.file_type().is_file() && is_report(entry.file_name()) => {
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            files.push(relative.to_path_buf());
        }
        Ok(entry) if entry.file_type().is_file() => {
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            diagnostics.extend(misplaced::near_miss(relative));
        }
        Ok(_) => {}
        Err(err)
            if err
                .io_error()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
                && err.depth() == 0 => {}
        Err(err) => {
            let path = err.path().unwrap_or(&dir);
            let relative = path.strip_prefix(root).unwrap_or(path);
            let why = if err.loop_ancestor().is_some() {
                "a symbolic link here points back to a folder above it (a loop); it is skipped"
                    .to_string()
            } else {
                format!("cannot read: {err}")
            };
            diagnostics.push(Diagnostic::file_error(relative, why).warning());
        }
    };
    match crate::site_boundary::SiteBoundary::of(root) {
        Ok(boundary) => {
            let refused = boundary.walk(&dir, root, visit);
            diagnostics.extend(refused);
        }
        Err(e) => diagnostics.push(Diagnostic::file_error(
            Path::new("content/incidents"),
            format!("cannot read: {e}"),
        )),
    }
    files
}

/// A Markdown file that is not an editor's backup or lock file.
pub(super) fn is_report(name: &std::ffi::OsStr) -> bool {
    let Some(name) = Path::new(name).file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with(".md") && !name.starts_with('.') && !name.starts_with('#')
}

/// The bytes of one report, refusing files too large to be reports.
pub(super) fn read_report(root: &Path, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let full = root.join(path);
    let cannot_read =
        |e: std::io::Error| Diagnostic::file_error(path, format!("cannot read the file: {e}"));
    // One open and one look at the open file: reading 100,000 reports, every system call
    // that walks the path again counts.
    let file = std::fs::File::open(&full).map_err(cannot_read)?;
    let size = file.metadata().map_err(cannot_read)?.len();
    if size > MAX_REPORT_BYTES {
        return Err(Diagnostic::file_error(
            path,
            format!(
                "the file is {:.1} MB ({} bytes); reports are limited to 4 MiB ({MAX_REPORT_BYTES} \
                 bytes)",
                size as f64 / 1e6,
                size
            ),
        )
        .with_help("split the report, or move large tables to a linked data file"));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Through `take`, which reads into the room made instead of asking the size again.
    file.take(MAX_REPORT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    Ok(bytes)
}
