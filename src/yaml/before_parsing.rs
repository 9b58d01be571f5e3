//! A look at YAML text before it is parsed, in one pass each: the parser takes time that
//! grows with the square of the nesting (`title: [[[[…]]]]` 100,000 deep took 38 s before it
//! refused), so text nested past any report's needs is refused at the first level too deep;
//! and a control character, which the parser names only by byte offset, is named at its
//! line and column.

use std::path::Path;

use crate::diagnostics::Diagnostic;

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
pub(super) fn refused_before_parsing(
    text: &str,
    first_line: usize,
    path: &Path,
) -> Option<Diagnostic> {
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
    let (line, column) = too_deep_at(text)?;
    Some(
        Diagnostic::error(
            path,
            first_line + line,
            column,
            "the front matter nests too deeply",
        )
        .with_help(format!(
            "reports need no more than a few levels of nesting; this is past {}",
            MAX_DEPTH
        )),
    )
}

/// Deeper than any report or registry needs; the parser's own limit is 128.
pub const MAX_DEPTH: usize = 64;

/// The 0-based line and 1-based character column where `text` first nests deeper than
/// [`MAX_DEPTH`], counting flow brackets (`[`, `{`) and block sequences started on one line
/// (`- - - x`); `None` when it never does.
pub fn too_deep_at(text: &str) -> Option<(usize, usize)> {
    // Too few brackets and dashes to nest that deep, as nearly all text has: one fast count.
    let openers = memchr::memchr3_iter(b'[', b'{', b'-', text.as_bytes());
    if openers.take(MAX_DEPTH + 1).count() <= MAX_DEPTH {
        return None;
    }
    let mut flow = 0usize;
    let mut quote: Option<char> = None;
    for (line_index, line) in text.lines().enumerate() {
        let mut previous = ' ';
        let mut dashes = 0usize;
        // Only indentation and `- ` markers so far on this line.
        let mut in_markers = true;
        let mut chars = line.chars().enumerate().peekable();
        while let Some((column, c)) = chars.next() {
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                }
                Some(open) if c == open => quote = None,
                Some(_) => {}
                None => match c {
                    '#' if previous.is_whitespace() => break,
                    '"' | '\'' if starts_token(previous) => quote = Some(c),
                    '[' | '{' => flow += 1,
                    ']' | '}' => flow = flow.saturating_sub(1),
                    '-' if flow == 0
                        && in_markers
                        && chars.peek().is_none_or(|(_, next)| next.is_whitespace()) =>
                    {
                        dashes += 1
                    }
                    _ => {}
                },
            }
            in_markers &= c == '-' || c.is_whitespace();
            if flow > MAX_DEPTH || dashes > MAX_DEPTH {
                return Some((line_index, column + 1));
            }
            previous = c;
        }
        // A plain scalar's apostrophe is no quote; a real quoted scalar spanning lines is
        // rare enough in front matter to be read as ending here.
        if quote == Some('\'') && flow == 0 {
            quote = None;
        }
    }
    None
}

/// Quotes open a scalar only where a token can start.
fn starts_token(previous: char) -> bool {
    previous.is_whitespace() || matches!(previous, '[' | '{' | ',' | ':' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_front_matter_is_not_too_deep() {
        let text = "title: \"It's [big] {x}\"\nregion: [Kayes, 'Ségou']\ngroups:\n  - {group: \
                    JNIM, role: perpetrator}\nsummary: it's a [link](x) # [[[[\n";
        assert_eq!(too_deep_at(text), None);
    }

    #[test]
    fn flow_nesting_is_refused_at_the_first_level_too_deep() {
        let text = format!("title: x\ntags: {}", "[".repeat(100_000));
        assert_eq!(too_deep_at(&text), Some((1, 6 + MAX_DEPTH + 1)));
        let quoted = format!("title: \"{}\"", "[".repeat(1000));
        assert_eq!(too_deep_at(&quoted), None);
    }

    #[test]
    fn block_sequences_on_one_line_are_counted() {
        let text = format!("tags:\n  {}x", "- ".repeat(100_000));
        assert!(too_deep_at(&text).is_some());
        assert_eq!(too_deep_at("tags:\n  - - a\n  - b\n"), None);
    }
}
