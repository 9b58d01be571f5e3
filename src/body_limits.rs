//! Bounds on what one report's body may hold, checked at load in one pass each, so that
//! the worst file under the 4 MB limit is still handled in about a second: the sanitiser's
//! time grows with the square of the HTML nesting, and a million footnote references made
//! a 54 MB page. Each bound is far past what a real report needs, and the error says which
//! was passed and where.

use std::path::Path;

use crate::diagnostics::Diagnostic;

/// Open HTML elements inside each other in a body.
pub const MAX_HTML_DEPTH: usize = 100;
/// Block quotes inside each other (`> > >`): each level is an element to render and hold.
pub const MAX_QUOTE_DEPTH: usize = 100;
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
    // Most bodies have too few `>` and `<` to nest that deep: one fast count settles it.
    let few = |byte, bound| memchr::memchr_iter(byte, bytes).nth(bound).is_none();
    let quotes = if few(b'>', MAX_QUOTE_DEPTH) {
        None
    } else {
        quotes_too_deep_at(body)
    };
    if let Some(offset) = quotes {
        problems.push(at(
            offset,
            format!("block quotes nested more than {MAX_QUOTE_DEPTH} deep"),
            "a quote inside a quote needs a few '>' at most",
        ));
    }
    if sanitised && !few(b'<', MAX_HTML_DEPTH) {
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

/// The byte offset of the first `>` past [`MAX_QUOTE_DEPTH`] at the start of a line.
fn quotes_too_deep_at(body: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let mut depth = 0;
        for (at, c) in line.char_indices() {
            match c {
                '>' => depth += 1,
                ' ' | '\t' => {}
                _ => break,
            }
            if depth > MAX_QUOTE_DEPTH {
                return Some(line_start + at);
            }
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
    fn deep_block_quotes_are_refused() {
        let body = format!("x\n{}", "> ".repeat(1_000_000));
        let problems = check_body(&body, 1, false, Path::new("r.md"));
        assert_eq!(
            (problems[0].line, problems[0].column),
            (2, 2 * MAX_QUOTE_DEPTH + 1)
        );
        assert!(check_body("> > quoted\n>> twice", 1, false, Path::new("r.md")).is_empty());
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
