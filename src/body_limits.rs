//! Bounds on what one report's body may hold, checked at load in one pass each, so that
//! the worst file under the 4 MB limit is still handled in about a second: the sanitiser's
//! time grows with the square of the HTML nesting, and a million footnote references made
//! a 54 MB page. Each bound is far past what a real report needs, and the error says which
//! was passed and where.

use std::path::Path;

use crate::diagnostics::Diagnostic;

/// Open HTML elements inside each other in a body.
pub const MAX_HTML_DEPTH: usize = 100;
/// Block quotes and list items opened on one line (`> > >`, `- - -`, `1. 1. 1.`): each is
/// an element inside the last, to render, hold and, with raw HTML about, sanitise.
pub const MAX_BLOCK_DEPTH: usize = 100;
/// Footnote references (`[^…]`) in a body.
pub const MAX_FOOTNOTES: usize = 5_000;
/// Links (`](`) in a body.
pub const MAX_LINKS: usize = 20_000;

/// HTML elements that never hold others, so never nest.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Every bound `body` passes; `first_line` is its first line in the file. The HTML bound
/// applies only where raw HTML is sanitised: kept as written, it costs nothing.
pub fn check_body(body: &str, first_line: usize, sanitised: bool, path: &Path) -> Vec<Diagnostic> {
    let at = |offset: usize, message: String, help: &str| {
        let before = &body[..offset];
        let line = first_line + before.matches('\n').count();
        let column = before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        Diagnostic::error(path, line, column, message).with_help(help)
    };
    let mut problems = Vec::new();
    let bytes = body.as_bytes();
    if let Some(offset) = memchr::memmem::find_iter(bytes, "[^").nth(MAX_FOOTNOTES) {
        problems.push(at(
            offset,
            format!("more than {MAX_FOOTNOTES} footnote references"),
            "a report needs far fewer; split it, or cite sources in the sources list",
        ));
    }
    if let Some(offset) = memchr::memmem::find_iter(bytes, "](").nth(MAX_LINKS) {
        problems.push(at(
            offset,
            format!("more than {MAX_LINKS} links"),
            "a report needs far fewer; split it, or move long link lists to a data file",
        ));
    }
    if let Some(offset) = blocks_too_deep_at(body) {
        problems.push(at(
            offset,
            format!("block quotes or lists nested more than {MAX_BLOCK_DEPTH} deep"),
            "a quote or list inside another needs a few levels at most",
        ));
    }
    // Most bodies have too few `<` to nest that deep: one fast count settles it.
    let many_tags = memchr::memchr_iter(b'<', bytes)
        .nth(MAX_HTML_DEPTH)
        .is_some();
    if sanitised && many_tags {
        if let Some(offset) = html_too_deep_at(body) {
            problems.push(at(
                offset,
                format!("HTML elements nested more than {MAX_HTML_DEPTH} deep"),
                "close the elements you open; a report needs a few levels at most",
            ));
        }
    }
    problems
}

/// The byte offset of the first block marker past [`MAX_BLOCK_DEPTH`] at the start of a
/// line: `>`, a bullet (`-`, `*`, `+`) or an ordinal (`1.`, `1)`), each followed by a space.
/// Each line is looked at only up to its first character that is no marker.
fn blocks_too_deep_at(body: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let (mut at, mut depth) = (0, 0);
        loop {
            while bytes.get(at).is_some_and(|b| *b == b' ' || *b == b'\t') {
                at += 1;
            }
            let marker_end = match bytes.get(at) {
                Some(b'>' | b'-' | b'*' | b'+') => at + 1,
                Some(b'0'..=b'9') => {
                    let digits = bytes[at..]
                        .iter()
                        .take_while(|b| b.is_ascii_digit())
                        .count();
                    match bytes.get(at + digits) {
                        Some(b'.' | b')') if digits <= 9 => at + digits + 1,
                        _ => break,
                    }
                }
                _ => break,
            };
            // A bullet or ordinal needs a space after it; `>` does not.
            let spaced = bytes
                .get(marker_end)
                .is_none_or(|b| b.is_ascii_whitespace());
            if bytes[at] != b'>' && !spaced {
                break;
            }
            depth += 1;
            if depth > MAX_BLOCK_DEPTH {
                return Some(line_start + at);
            }
            at = marker_end;
        }
        line_start += line.len();
    }
    None
}

/// The byte offset of the first opening tag past [`MAX_HTML_DEPTH`] levels, counting each
/// `<name` as one level in and each `</name` as one out. It never looks ahead for the `>`,
/// so a body of unclosed `<a<a<a` costs no more than one pass.
fn html_too_deep_at(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    for (at, _) in body.match_indices('<') {
        let rest = &bytes[at + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name = &rest[..name_len];
        if VOID.iter().any(|v| v.as_bytes().eq_ignore_ascii_case(name)) {
            continue;
        }
        depth += 1;
        if depth > MAX_HTML_DEPTH {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_bodies_pass() {
        let body = "<table><tr><td>1<br><img src=x></td></tr></table>\n\n[a](b) x[^1]\n\n[^1]: n\n";
        assert!(check_body(body, 10, true, Path::new("r.md")).is_empty());
    }

    #[test]
    fn deep_html_is_refused_where_it_passes_the_bound() {
        let body = format!(
            "Intro.\n{}{}",
            "<div>".repeat(200_000),
            "</div>".repeat(200_000)
        );
        let problems = check_body(&body, 10, true, Path::new("r.md"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            (problems[0].line, problems[0].column),
            (11, 5 * MAX_HTML_DEPTH + 1)
        );
        assert!(
            check_body(&body, 10, false, Path::new("r.md")).is_empty(),
            "kept as written"
        );
        let siblings = "<p>x</p>".repeat(100_000);
        assert!(check_body(&siblings, 1, true, Path::new("r.md")).is_empty());
    }

    #[test]
    fn deep_block_quotes_and_lists_are_refused() {
        for marker in ["> ", ">", "- ", "* ", "1. ", "2) "] {
            let body = format!("x\n{}y", marker.repeat(1_000_000));
            let problems = check_body(&body, 1, false, Path::new("r.md"));
            let column = marker.len() * MAX_BLOCK_DEPTH + 1;
            assert_eq!(
                (problems[0].line, problems[0].column),
                (2, column),
                "{marker:?}"
            );
        }
        let ordinary =
            "> > quoted\n>> twice\n- a\n  - b\n    1. c\n-5 degrees\n2025. A year.\n**bold**";
        assert!(check_body(ordinary, 1, false, Path::new("r.md")).is_empty());
    }

    #[test]
    fn too_many_footnotes_and_links_are_refused() {
        let notes = "x[^1]".repeat(MAX_FOOTNOTES + 1);
        let problems = check_body(&notes, 1, true, Path::new("r.md"));
        assert!(
            problems[0].message.contains("footnote references"),
            "{problems:?}"
        );
        let links = "[a](b)".repeat(MAX_LINKS + 1);
        assert!(check_body(&links, 1, true, Path::new("r.md"))[0]
            .message
            .contains("links"));
    }
}
