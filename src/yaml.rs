//! The one module that touches `serde_yaml`.
//!
//! `serde_yaml` is archived upstream, so it stays behind this boundary: callers hand in
//! YAML text and the file line it starts on, and get back a typed value or a
//! [`Diagnostic`] whose position is counted in the file (not in the YAML block) and whose
//! message an editor can act on.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{did_you_mean, Diagnostic};

/// Parses one YAML document into `T`.
///
/// `first_line` is the 1-based line of the file on which `text` begins, so that a report's
/// front matter (which starts after the opening `---`) reports file lines.
pub fn parse_document<T: DeserializeOwned>(
    text: &str,
    first_line: usize,
    path: &Path,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|err| {
        let (line, column) = err
            .location()
            .map_or((1, 1), |loc| (loc.line(), loc.column()));
        let (message, help) = explain(&err.to_string());
        Diagnostic::error(path, line + first_line - 1, column, message).with_optional_help(help)
    })
}

/// Rewrites a serde_yaml message into words for editors, with a hint where one helps.
fn explain(raw: &str) -> (String, Option<String>) {
    let raw = strip_position(raw);
    let (field, rest) = split_field_path(raw);
    let (message, help) = explain_problem(rest);
    let message = match field {
        Some(field) => format!("{field}: {message}"),
        None => message,
    };
    (message, help)
}

fn strip_position(raw: &str) -> &str {
    match raw.rfind(" at line ") {
        Some(i) if raw[i..].contains(" column ") => &raw[..i],
        _ => raw,
    }
}

/// Splits `fatalities.best: invalid type …` into the key path and the problem.
fn split_field_path(raw: &str) -> (Option<&str>, &str) {
    if let Some((head, tail)) = raw.split_once(": ") {
        let is_path = !head.is_empty()
            && head
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'));
        if is_path {
            return (Some(head), tail);
        }
    }
    (None, raw)
}

fn explain_problem(problem: &str) -> (String, Option<String>) {
    if let Some(rest) = problem.strip_prefix("unknown field ") {
        let (name, expected) = backticked_and_choices(rest);
        let help = hint(&name, &expected, "known keys");
        return (format!("unknown key '{name}'"), help);
    }
    if let Some(rest) = problem.strip_prefix("unknown variant ") {
        let (name, expected) = backticked_and_choices(rest);
        let help = hint(&name, &expected, "expected one of");
        return (format!("unknown value '{name}'"), help);
    }
    if let Some(rest) = problem.strip_prefix("missing field ") {
        let name = rest.trim_matches('`');
        return (
            format!("missing required key '{name}'"),
            Some(format!("add '{name}:' with a value")),
        );
    }
    if let Some(rest) = problem.strip_prefix("duplicate field ") {
        let name = rest.trim_matches('`');
        return (
            format!("key '{name}' appears twice"),
            Some("keep one of them".into()),
        );
    }
    if let Some(rest) = problem.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return (
                format!(
                    "expected {}, found {}",
                    friendly_expected(expected),
                    friendly_found(found)
                ),
                None,
            );
        }
    }
    if let Some(rest) = problem.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return (
                format!(
                    "expected {}, found {}",
                    friendly_expected(expected),
                    friendly_found(found)
                ),
                None,
            );
        }
    }
    (problem.to_string(), None)
}

/// From "`titel`, expected one of `title`, `date`" takes "titel" and ["title", "date"].
fn backticked_and_choices(rest: &str) -> (String, Vec<String>) {
    let mut parts = rest.split('`').skip(1).step_by(2).map(str::to_string);
    let name = parts.next().unwrap_or_default();
    (name, parts.collect())
}

fn hint(name: &str, expected: &[String], label: &str) -> Option<String> {
    if expected.is_empty() {
        return None;
    }
    let list = expected.join(", ");
    Some(
        match did_you_mean(name, expected.iter().map(String::as_str)) {
            Some(best) => format!("did you mean '{best}'? ({label}: {list})"),
            None => format!("{label}: {list}"),
        },
    )
}

fn friendly_expected(expected: &str) -> String {
    let words = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" => "text",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        _ if expected.starts_with("struct ") || expected == "a map" => {
            "a mapping (key: value lines)"
        }
        _ if expected.starts_with("an array of length") => {
            return format!("a list of two numbers ({})", &expected[3..])
        }
        _ => expected,
    };
    words.to_string()
}

fn friendly_found(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("'{}'", text.trim_matches('"'));
    }
    for prefix in ["integer ", "floating point ", "boolean "] {
        if let Some(value) = found.strip_prefix(prefix) {
            return value.trim_matches('`').to_string();
        }
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" => "nothing".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        #[serde(default)]
        best: Option<u32>,
    }

    fn error_of(text: &str, first_line: usize) -> Diagnostic {
        parse_document::<Doc>(text, first_line, Path::new("x.md")).unwrap_err()
    }

    #[test]
    fn positions_count_from_the_first_line_of_the_block() {
        let d = error_of("title: a\nbest: many\n", 2);
        assert_eq!((d.line, d.column), (3, 7));
        assert_eq!(d.message, "best: expected a whole number, found 'many'");
    }

    #[test]
    fn unknown_keys_suggest_the_nearest_known_key() {
        let d = error_of("titel: a\n", 2);
        assert_eq!(d.message, "unknown key 'titel'");
        assert!(d.help.unwrap().starts_with("did you mean 'title'?"));
    }

    #[test]
    fn missing_keys_are_named() {
        let d = error_of("best: 3\n", 2);
        assert_eq!(d.message, "missing required key 'title'");
    }
}
