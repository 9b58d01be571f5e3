//! serde_yaml's messages turned into words an editor can act on, at file positions.

use std::path::Path;

use crate::diagnostics::{did_you_mean, Diagnostic};

/// The problem `err` is, as a diagnostic at its line and column in the file.
pub(super) fn to_diagnostic(
    err: &serde_yaml::Error,
    text: &str,
    first_line: usize,
    path: &Path,
) -> Diagnostic {
    let (line, column) = err
        .location()
        .map_or((1, 1), |loc| (loc.line(), loc.column()));
    let raw = err.to_string();
    let (line, column) = opening_position(&raw).unwrap_or((line, column));
    let (message, help) = if char_at(text, line, column) == Some('\t') {
        explain_syntax("found a tab character").unwrap_or_default()
    } else {
        explain_syntax(&raw).unwrap_or_else(|| explain(&raw))
    };
    let message = shift_positions(&message, first_line);
    Diagnostic::error(path, line + first_line - 1, column, message).with_optional_help(help)
}

/// The character at 1-based `line` and `column` of `text`.
fn char_at(text: &str, line: usize, column: usize) -> Option<char> {
    text.lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(column.checked_sub(1)?)
}

/// What the YAML parser's syntax errors mean for someone writing front matter by hand.
const SYNTAX: &[(&str, &str, &str)] = &[
    (
        "mapping values are not allowed",
        "a ': ' inside a value, or a line indented more than the key above it",
        "put a value holding ': ' in quotes (title: \"Attack: what is known\"), \
         or line the key up with the others",
    ),
    (
        "found a tab character",
        "a tab is used for indentation",
        "indent with spaces; YAML does not allow tabs there",
    ),
    (
        "found unknown escape character",
        "unknown backslash escape inside a double-quoted value",
        "use single quotes for text with backslashes, or write \\\\ for one backslash",
    ),
    (
        "did not find expected ',' or ']'",
        "a list opened with '[' is not closed",
        "close it with ']' on the same line, or write one item per line starting with '- '",
    ),
    (
        "did not find expected ',' or '}'",
        "a mapping opened with '{' is not closed",
        "close it with '}' on the same line",
    ),
    (
        "unknown anchor",
        "'*' starts a YAML alias here, and no anchor '&' of that name exists",
        "put the value in quotes if the '*' is part of the text",
    ),
    (
        "found unexpected end of stream",
        "a quoted value is never closed",
        "end the value with the same quote mark it starts with",
    ),
    (
        "did not find expected '-' indicator",
        "a list item and a key are mixed at the same indentation",
        "indent the list items under their key",
    ),
    (
        "did not find expected key",
        "this line does not fit the keys around it",
        "a quote inside a single-quoted value is written twice ('it''s'); \
         otherwise check the indentation",
    ),
    (
        "could not find expected ':'",
        "a line that is neither 'key: value' nor part of the value above it",
        "write 'key: value', or indent the line to continue the value above",
    ),
    (
        "found character that cannot start any token",
        "a value cannot start with this character",
        "put the value in quotes",
    ),
    (
        "did not find expected comment or line break",
        "text follows '|' or '>' on the same line",
        "start the text on the next line, indented",
    ),
    (
        "recursion limit exceeded",
        "the front matter nests too deeply",
        "reports need no more than a few levels of nesting",
    ),
    (
        "repetition limit exceeded",
        "the front matter repeats aliases too often",
        "reports need no YAML anchors (&) or aliases (*)",
    ),
];

fn explain_syntax(raw: &str) -> Option<(String, Option<String>)> {
    if let Some(rest) = raw.strip_prefix("duplicate entry with key ") {
        let key = rest
            .split(" at line ")
            .next()
            .unwrap_or(rest)
            .trim_matches('"');
        return Some((
            format!("key '{key}' appears twice"),
            Some("keep one of them".into()),
        ));
    }
    SYNTAX
        .iter()
        .find(|(prefix, _, _)| raw.starts_with(prefix))
        .map(|(_, message, help)| (message.to_string(), Some(help.to_string())))
}

/// Where an unclosed list, mapping or quote opens: the parser notices the problem only where
/// the text stops making sense, often lines later, but the fix belongs at the opening.
fn opening_position(raw: &str) -> Option<(usize, usize)> {
    let unclosed = [
        "did not find expected ',' or",
        "found unexpected end of stream",
    ];
    if !unclosed.iter().any(|p| raw.starts_with(p)) {
        return None;
    }
    let context = &raw[raw.find(", while ")?..];
    let at = &context[context.find(" at line ")? + " at line ".len()..];
    let (line, rest) = at.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// Rewrites any "line N" the parser left inside a message so it counts file lines.
pub(super) fn shift_positions(message: &str, first_line: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("line ") {
        out.push_str(&rest[..i + 5]);
        rest = &rest[i + 5..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        match rest[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&(n + first_line - 1).to_string()),
            Err(_) => out.push_str(&rest[..digits]),
        }
        rest = &rest[digits..];
    }
    out.push_str(rest);
    out
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

pub(super) fn strip_position(raw: &str) -> &str {
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
