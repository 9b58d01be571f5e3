//! A report's front matter as plain JSON, untyped: what a JSON Schema validator sees of it,
//! for tests and tools that hold reports to `incidex schema`.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::yaml;

use super::split::split_report;

/// The front matter of the report text `text` (from the file at `path`, for messages) as
/// JSON, or why it could not be read.
pub fn front_matter_json(text: &str, path: &Path) -> Result<serde_json::Value, Diagnostic> {
    let parts = split_report(text).map_err(|e| {
        let (message, help) = e.explain();
        Diagnostic::file_error(path, message).with_help(help)
    })?;
    yaml::parse_document(parts.front_matter, parts.front_matter_line, path)
}
