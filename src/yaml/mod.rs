//! The one module that touches `serde_yaml`.
//!
//! `serde_yaml` is archived upstream, so it stays behind this boundary: callers hand in
//! YAML text and the file line it starts on, and get back a typed value or a
//! [`Diagnostic`] whose position is counted in the file (not in the YAML block) and whose
//! message an editor can act on.

mod nesting;

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{did_you_mean, Diagnostic};

/// Whether `text` may hold a control character other than a tab or line break, looked for
/// byte by byte (C1 controls are `0xC2 0x80`–`0x9F` in UTF-8).
fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// The 0-based line, 1-based column and character of the first control character other
/// than a tab or line break; a byte scan settles nearly every text first.
fn first_control_char(text: &str) -> Option<(usize, usize, char)> {
    if !has_control(text) {
        return None;
    }
    text.lines().enumerate().find_map(|(line, chars)| {
        let (column, c) = chars
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && *c != '\t')?;
        Some((line, column + 1, c))
    })
}

/// The error for text nested deeper than any report needs, or holding a control character
/// YAML forbids, found before parsing: the parser's own message for the second gives a
/// byte offset instead of the character's line and column.
fn refused_before_parsing(text: &str, first_line: usize, path: &Path) -> Option<Diagnostic> {
    if let Some((line, column, c)) = first_control_char(text) {
        return Some(
            Diagnostic::error(
                path,
                first_line + line,
                column,
                format!(
                    "an invisible control character ({}) is not allowed here",
                    c.escape_unicode()
                ),
            )
            .with_help("delete it: it may have come in with text pasted from elsewhere"),
        );
    }
    let (line, column) = nesting::too_deep_at(text)?;
    Some(
        Diagnostic::error(
            path,
            first_line + line,
            column,
            "the front matter nests too deeply",
        )
        .with_help(format!(
            "reports need no more than a few levels of nesting; this is past {}",
            nesting::MAX_DEPTH
        )),
    )
}

/// Parses one YAML document into `T`, stopping at the first problem.
///
/// `first_line` is the 1-based line of the file on which `text` begins, so that a report's
/// front matter (which starts after the opening `---`) reports file lines.
pub fn parse_document<T: DeserializeOwned>(
    text: &str,
    first_line: usize,
    path: &Path,
) -> Result<T, Diagnostic> {
    if let Some(problem) = refused_before_parsing(text, first_line, path) {
        return Err(problem);
    }
    serde_yaml::from_str(text).map_err(|err| {
        let err = syntax_error(text).unwrap_or(err);
        to_diagnostic(&err, text, first_line, path)
    })
}

/// The syntax error in `text`, if any. serde reports a wrong type met before a syntax error
/// further on, which would send an editor after the wrong problem.
fn syntax_error(text: &str) -> Option<serde_yaml::Error> {
    serde_yaml::from_str::<serde_yaml::Value>(text).err()
}

/// What [`parse_collecting`] found: the value if one could be read, and every problem.
#[derive(Debug)]
pub struct Collected<T> {
    /// The document without its faulty top-level keys, if what remains still makes a `T`.
    pub value: Option<T>,
    /// Every problem found, at most one per top-level key, in the order found.
    pub problems: Vec<Diagnostic>,
}

/// More top-level keys than any report has: bounds the re-parsing below.
const MAX_PROBLEMS: usize = 40;

/// Parses one YAML mapping into `T`, reporting a problem in each faulty top-level key
/// instead of only the first.
///
/// serde stops at its first error, so after each one the top-level key holding it is
/// blanked out (its lines kept, empty, so positions stay true) and the text is parsed again.
/// Syntax errors end the search: past one, the rest of the text means nothing certain.
pub fn parse_collecting<T: DeserializeOwned>(
    text: &str,
    first_line: usize,
    path: &Path,
) -> Collected<T> {
    if let Some(problem) = refused_before_parsing(text, first_line, path) {
        return Collected {
            value: None,
            problems: vec![problem],
        };
    }
    let first_attempt = match serde_yaml::from_str::<T>(text) {
        Ok(value) => {
            return Collected {
                value: Some(value),
                problems: Vec::new(),
            }
        }
        Err(err) => err,
    };
    let mut problems = Vec::new();
    if let Some(err) = syntax_error(text) {
        problems.push(to_diagnostic(&err, text, first_line, path));
        return Collected {
            value: None,
            problems,
        };
    }
    let mut lines: Vec<&str> = text.lines().collect();
    let mut blanked: Vec<String> = Vec::new();
    let mut attempt = Err(first_attempt);
    while problems.len() < MAX_PROBLEMS {
        let err = match attempt {
            Ok(value) => {
                return Collected {
                    value: Some(value),
                    problems,
                }
            }
            Err(err) => err,
        };
        if let Some(key) = missing_key(&err) {
            // A required key we blanked out ourselves, or one an unknown key was already
            // said to be a misspelling of, would only repeat an error given above.
            let suggested = format!("did you mean '{key}'?");
            let repeats = blanked.contains(&key)
                || problems
                    .iter()
                    .any(|p| p.help.as_deref().is_some_and(|h| h.starts_with(&suggested)));
            if !repeats {
                problems.push(to_diagnostic(&err, text, first_line, path));
            }
            break;
        }
        problems.push(to_diagnostic(&err, text, first_line, path));
        let Some(block) = err
            .location()
            .and_then(|loc| top_level_block(&lines, loc.line()))
        else {
            break;
        };
        blanked.push(block.key.to_string());
        for line in &mut lines[block.start..block.end] {
            *line = "";
        }
        attempt = serde_yaml::from_str::<T>(&lines.join("\n"));
    }
    Collected {
        value: None,
        problems,
    }
}

fn to_diagnostic(
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
fn shift_positions(message: &str, first_line: usize) -> String {
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

/// The top-level key a "missing field" error names.
fn missing_key(err: &serde_yaml::Error) -> Option<String> {
    let text = err.to_string();
    let rest = strip_position(&text).strip_prefix("missing field `")?;
    Some(rest.strip_suffix('`')?.to_string())
}

/// The lines `start..end` (0-based) of the top-level key whose block holds 1-based `line`.
struct Block<'a> {
    key: &'a str,
    start: usize,
    end: usize,
}

fn top_level_block<'a>(lines: &[&'a str], line: usize) -> Option<Block<'a>> {
    let is_key_line = |l: &str| {
        l.chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '#' | '-'))
    };
    let at = line.checked_sub(1)?.min(lines.len().checked_sub(1)?);
    let start = (0..=at).rev().find(|&i| is_key_line(lines[i]))?;
    let end = (start + 1..lines.len())
        .find(|&i| is_key_line(lines[i]))
        .unwrap_or(lines.len());
    let key = lines[start].split(':').next()?.trim();
    Some(Block { key, start, end })
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
    fn every_faulty_top_level_key_is_reported() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Report {
            title: String,
            #[serde(default)]
            best: Option<u32>,
            #[serde(default)]
            low: Option<u32>,
        }
        let text = "titel: a\nbest: many\nlow:\n  - 3\ntitle: ok\n";
        let found = parse_collecting::<Report>(text, 2, Path::new("x.md"));
        let at: Vec<_> = found.problems.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(2, 1), (3, 7), (5, 3)], "{:?}", found.problems);
        assert!(found.value.is_some(), "the rest still parses");
    }

    #[test]
    fn a_required_key_blanked_for_its_own_error_is_not_reported_missing() {
        let text = "title: [a, b]\nbest: 2\n";
        let found = parse_collecting::<Doc>(text, 1, Path::new("x.md"));
        assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
        assert!(found.value.is_none());
    }

    #[test]
    fn a_syntax_error_stops_the_search() {
        let found = parse_collecting::<Doc>("title: [a\nbest: x: y\n", 1, Path::new("x.md"));
        assert_eq!(found.problems.len(), 1);
    }

    #[test]
    fn syntax_errors_are_explained_in_file_lines() {
        let d = error_of("title: [a\nbest: 3\n", 5);
        assert_eq!(d.message, "a list opened with '[' is not closed");
        assert_eq!((d.line, d.column), (5, 8), "points at the '['");
        let d = error_of("title: Attack: at dawn\n", 2);
        assert_eq!((d.line, d.column), (2, 14));
        assert!(d.help.unwrap().contains("quotes"));
        assert_eq!(
            shift_positions("at line 3 column 2", 10),
            "at line 12 column 2"
        );
    }

    #[test]
    fn missing_keys_are_named() {
        let d = error_of("best: 3\n", 2);
        assert_eq!(d.message, "missing required key 'title'");
    }
}
