//! The interface's plain strings written into the templates before they are compiled.
//!
//! `{{ t.nav.regions }}` prints the same words on every page of a build, but Tera looks
//! them up again on each of them: three map lookups and an escape per string, some
//! twenty thousand times per thousand pages. Replacing each such plain print with its
//! escaped text once, when the templates load, makes the words cost nothing per page.
//! Anything else that reads `t` (a filter, a subscript, `plural()`) is left to Tera.

use crate::i18n::{Catalogue, Entry};

/// `source` with every `{{ t.a.b }}` whose key holds a plain string replaced by that
/// string, escaped as Tera escapes it; `{% raw %}` blocks are left as they are.
pub fn inline_words(source: &str, words: &Catalogue) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find("{{") {
        if let Some(raw) = rest[..open].find("{% raw %}") {
            let end = rest[raw..]
                .find("{% endraw %}")
                .map_or(rest.len(), |e| raw + e);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find("}}") else {
            break;
        };
        let expression = &rest[open..open + close + 2];
        match plain_word(expression, words) {
            Some(text) => out.push_str(&escaped(text)),
            None => out.push_str(expression),
        }
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    out
}

/// The string `{{ t.path }}` prints, when `expression` is just that and `path` holds one.
fn plain_word<'w>(expression: &str, words: &'w Catalogue) -> Option<&'w str> {
    let inner = expression.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let path = inner.strip_prefix("t.")?;
    let plain = path
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
    if !plain || path.ends_with("_html") {
        return None;
    }
    // A string of several lines would move every later line of the template, and a
    // template error's line with it.
    match words.tree.at(path)? {
        Entry::Text(text) if !text.contains('\n') => Some(text),
        _ => None,
    }
}

/// `text` escaped for HTML exactly as Tera's autoescape writes it.
fn escaped(text: &str) -> String {
    let mut buffer = Vec::with_capacity(text.len() + 8);
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(text, &mut buffer);
    String::from_utf8(buffer).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_prints_become_text_and_the_rest_is_left_to_tera() {
        let words = Catalogue::built_in("en").unwrap();
        let source =
            "<a>{{ t.titles.regions }}</a>{{t.titles.year | replace(from=\"{year}\", to=y)}}\
                      {% raw %}{{ t.titles.groups }}{% endraw %}{{ t.nope.x }}{{ page_title }}";
        assert_eq!(
            inline_words(source, &words),
            "<a>Regions</a>{{t.titles.year | replace(from=\"{year}\", to=y)}}\
             {% raw %}{{ t.titles.groups }}{% endraw %}{{ t.nope.x }}{{ page_title }}"
        );
    }

    #[test]
    fn the_text_is_escaped_as_tera_would() {
        let mut words = Catalogue::built_in("en").unwrap();
        words.tree.overlay(
            crate::yaml::parse_document(
                "titles: {regions: \"A & B's <x>\"}",
                1,
                std::path::Path::new("t"),
            )
            .unwrap(),
        );
        assert_eq!(
            inline_words("{{ t.titles.regions }}", &words),
            "A &amp; B&#39;s &lt;x&gt;"
        );
    }
}
