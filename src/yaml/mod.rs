//! The one module that touches `serde_yaml`.
//!
//! `serde_yaml` is archived upstream, so it stays behind this boundary: callers hand in
//! YAML text and the file line it starts on, and get back a typed value or a
//! [`Diagnostic`] whose position is counted in the file (not in the YAML block) and whose
//! message an editor can act on. It re-exports [`decode()`] (from `text_file.rs`), the
//! decoding of a file's bytes every reader of YAML starts with.

mod before_parsing;
mod explain;

pub use crate::text_file::decode;

use before_parsing::refused_before_parsing;
use explain::{strip_position, to_diagnostic};

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;

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

#[cfg(test)]
mod tests {
    use super::explain::shift_positions;
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
