//! Feeds arbitrary bytes to `incidex::load::parse_report` as the content of one report.
//!
//! Beyond "never panics", it holds the result to what the build relies on:
//! - a report that yields an incident carries no error, only warnings;
//! - every problem names the file it was given and points at a real position: line and
//!   column from 1, and a line no further than the one just past the end of the file.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use incidex::diagnostics::Severity;
use incidex::load::parse_report;
use incidex::markdown::MarkdownSettings;
use incidex::domain::registry::Registry;
use libfuzzer_sys::fuzz_target;

/// The fixture site whose registries every input is checked against.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/minimal");

/// Where the report would sit in a site; its stem gives the slug when there is no `slug:`.
const REPORT_PATH: &str = "content/incidents/2025/2025-08-01-fuzzed-report.md";

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        Registry::load(Path::new(FIXTURE))
            .unwrap_or_else(|problems| panic!("the fixture registries must load: {problems:?}"))
    })
}

fn markdown() -> &'static MarkdownSettings {
    static MARKDOWN: OnceLock<MarkdownSettings> = OnceLock::new();
    MARKDOWN.get_or_init(|| MarkdownSettings {
        base_path: "/watch/".to_string(),
        allow_raw_html: false,
    })
}

/// Lines as YAML counts them (LF, CRLF or a lone CR ends a line); a last line without a
/// final line break counts too.
fn line_count(bytes: &[u8]) -> usize {
    let breaks = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n") && !bytes.ends_with(b"\r"))
}

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new(REPORT_PATH);
    let (incident, problems) = parse_report(path, bytes, registry(), markdown());

    if incident.is_some() {
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(
            errors.is_empty(),
            "an incident came back together with errors: {errors:#?}"
        );
    }

    let last_line = line_count(bytes) + 1;
    for problem in &problems {
        assert_eq!(
            problem.path, path,
            "a problem names another file: {problem:?}"
        );
        assert!(
            problem.line >= 1 && problem.column >= 1,
            "a position is not 1-based: {problem:?}"
        );
        assert!(
            problem.line <= last_line,
            "line {} is past the end of a {}-line file: {problem:?}",
            problem.line,
            last_line - 1
        );
    }
});
