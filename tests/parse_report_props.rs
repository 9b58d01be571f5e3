//! Property tests of `parse_report`: whatever the bytes, it never panics, and what it
//! returns holds together. The fuzz target in fuzz/ explores further; these run with
//! `cargo test` and stay within a few seconds in debug builds.

use std::path::Path;
use std::sync::OnceLock;

use incidex::diagnostics::{Diagnostic, Severity};
use incidex::domain::model::Incident;
use incidex::domain::registry::Registry;
use incidex::load::parse_report;
use incidex::markdown::MarkdownSettings;
use proptest::prelude::*;
use proptest::test_runner::Config;

const REPORT_PATH: &str = "content/incidents/2025/2025-08-01-generated-report.md";

fn fixture() -> &'static Path {
    static ROOT: OnceLock<std::path::PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"))
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        Registry::load(fixture())
            .unwrap_or_else(|problems| panic!("the fixture registries must load: {problems:?}"))
    })
}

fn parse(bytes: &[u8]) -> (Option<Incident>, Vec<Diagnostic>) {
    let markdown = MarkdownSettings {
        base_path: "/watch/".to_string(),
        allow_raw_html: false,
    };
    parse_report(Path::new(REPORT_PATH), bytes, registry(), &markdown)
}

/// Lines as YAML and editors count them (LF, CRLF or a lone CR ends one); a last line
/// without a final line break counts too.
fn line_count(bytes: &[u8]) -> usize {
    // LF, CRLF and a lone CR each end a line, for YAML and for editors alike.
    let breaks = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    breaks + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n") && !bytes.ends_with(b"\r"))
}

/// What every result must hold: an incident comes with warnings only, and every problem
/// points into the file (1-based, at most one line past its end).
fn check_result(bytes: &[u8], incident: Option<&Incident>, problems: &[Diagnostic]) {
    if incident.is_some() {
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(
            errors.is_empty(),
            "an incident came with errors: {errors:#?}"
        );
    }
    let last_line = line_count(bytes) + 1;
    for problem in problems {
        assert_eq!(problem.path, Path::new(REPORT_PATH));
        assert!(
            problem.line >= 1 && problem.column >= 1,
            "not 1-based: {problem:?}"
        );
        assert!(
            problem.line <= last_line,
            "line {} is past the end of a {}-line file: {problem:?}",
            problem.line,
            last_line - 1
        );
    }
}

fn parse_and_check(bytes: &[u8]) -> (Option<Incident>, Vec<Diagnostic>) {
    let (incident, problems) = parse(bytes);
    check_result(bytes, incident.as_ref(), &problems);
    (incident, problems)
}

/// Failures are kept as plain `#[test]`s at the end of this file, not in a
/// proptest-regressions folder.
fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

/// A YAML double-quoted scalar that reads back as exactly `text`, whatever it holds.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// A valid report whose title, summary, region and group come from the arguments.
fn report_with(title: &str, summary: &str, region: &str, group: &str) -> String {
    format!(
        "---\ntitle: {}\ndate: 2025-08-01\ncountry: Mali\nregion: {}\ngroups:\n  - group: {}\n    \
         role: perpetrator\nevent_type: attack\nsources:\n  - {{id: s1, name: Wire, type: news}}\n\
         summary: {}\n---\nBody text.\n",
        yaml_quoted(title),
        yaml_quoted(region),
        yaml_quoted(group),
        yaml_quoted(summary),
    )
}

/// Text of any kind, often with the characters YAML and Markdown give meaning to.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~\t\n]{0,40}",
        "[-:#&*!|>'\"%@`{}\\[\\], \n\t]{0,20}",
    ]
}

fn region_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["Kayes", "kayes", "Dioïla", "Ségou", "Segou Region"])
            .prop_map(String::from),
        any_text(),
    ]
}

fn group_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["JNIM", "GSIM", "FAMa", "Forces Armées Maliennes"])
            .prop_map(String::from),
        any_text(),
    ]
}

/// Raw bytes, or any text between the two front matter fences.
fn any_report_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        (any_text(), any_text())
            .prop_map(|(front, body)| format!("---\n{front}\n---\n{body}").into_bytes()),
    ]
}

/// The valid fixture reports that the mutations start from.
fn valid_reports() -> &'static [String] {
    static REPORTS: OnceLock<Vec<String>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        [
            "2024/2024-11-20-sahel-ambush.md",
            "2025/2025-03-report-from-segou.md",
            "2025/2025-07-01-attack-on-kayes-post.md",
            "2025/2025-07-02-curfew-in-dioila.md",
        ]
        .iter()
        .map(|name| {
            let path = fixture().join("content/incidents").join(name);
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
    })
}

/// One edit an editor might make by mistake. Indices are taken modulo the line count and
/// the line's length, so every edit applies to whatever the previous ones left.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Insert(usize, usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (
            any::<usize>(),
            any::<usize>(),
            prop::sample::select(vec![':', '[', '\t'])
        )
            .prop_map(|(line, column, c)| Mutation::Insert(line, column, c)),
    ]
}

fn mutate(report: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = report.lines().map(String::from).collect();
    for mutation in mutations {
        if lines.is_empty() {
            break;
        }
        match *mutation {
            Mutation::Delete(i) => {
                lines.remove(i % lines.len());
            }
            Mutation::Duplicate(i) => {
                let i = i % lines.len();
                let copy = lines[i].clone();
                lines.insert(i, copy);
            }
            Mutation::Insert(i, column, c) => {
                let i = i % lines.len();
                let line = &mut lines[i];
                let boundaries: Vec<usize> = line
                    .char_indices()
                    .map(|(at, _)| at)
                    .chain([line.len()])
                    .collect();
                line.insert(boundaries[column % boundaries.len()], c);
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

proptest! {
    #![proptest_config(config())]

    /// (a) Whatever the bytes, parsing returns.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in any_report_bytes()) {
        parse_and_check(&bytes);
    }

    /// (b) Names and texts of any kind in an otherwise valid report: no panic, and an
    /// incident keeps its title exactly as written.
    #[test]
    fn arbitrary_front_matter_strings_never_panic_and_keep_the_title(
        title in any_text(),
        summary in any_text(),
        region in region_name(),
        group in group_name(),
    ) {
        let report = report_with(&title, &summary, &region, &group);
        let (incident, _) = parse_and_check(report.as_bytes());
        if let Some(incident) = incident {
            prop_assert_eq!(incident.title, title);
        }
    }

    /// (c) A valid report with lines deleted or repeated, or a ':', '[' or tab typed
    /// somewhere: no panic, and every problem is at a line of the file.
    #[test]
    fn mutated_reports_never_panic_and_point_into_the_file(
        which in 0..4usize,
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let report = mutate(&valid_reports()[which], &mutations);
        parse_and_check(report.as_bytes());
    }
}

/// Property (b) is not empty: its template with plain values gives an incident.
#[test]
fn the_generated_report_template_is_valid() {
    let title = "Attack on a \"post\" — Kéniéba: 3 killed # not a comment";
    let report = report_with(title, "Fighters attacked.", "Kayes", "JNIM");
    let (incident, problems) = parse_and_check(report.as_bytes());
    let incident = incident.unwrap_or_else(|| panic!("{report}\n{problems:#?}"));
    assert_eq!(incident.title, title);
}

/// Each fixture report parses, and so does every report with no mutation.
#[test]
fn the_unmutated_fixture_reports_are_valid() {
    for report in valid_reports() {
        let (incident, problems) = parse_and_check(mutate(report, &[]).as_bytes());
        assert!(incident.is_some(), "{report}\n{problems:#?}");
    }
}

/// Found by the fuzz target: lone carriage returns (`\r` not before `\n`) in the front
/// matter. serde_yaml counts each as a line break; incidex counted lines by `\n` only, so
/// YAML errors landed past the end of the file. `split::decode` now makes a lone `\r` a
/// line break too.
#[test]
fn lone_carriage_returns_keep_yaml_errors_inside_the_file() {
    parse_and_check(b"---\nt:\r\rl\n---");
}

/// The same, with the lone `\r`s among the lines of a real report.
#[test]
fn lone_carriage_returns_in_a_report_keep_yaml_errors_inside_the_file() {
    let mut report = valid_reports()[0].clone();
    report.insert_str(report.find("sources:").unwrap(), &"\r".repeat(40));
    report.insert_str(report.find("summary:").unwrap(), "[\n");
    parse_and_check(report.as_bytes());
}
