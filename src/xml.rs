//! Escaping for the XML the build writes by hand: feeds, sitemaps, maps and charts.

/// Escapes text for XML element content and attribute values alike, dropping the
/// characters XML 1.0 cannot carry at all (most control characters), which would make a
/// whole feed or SVG file unreadable. Everything from reports goes through here.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn specials_are_escaped_and_illegal_characters_dropped() {
        assert_eq!(
            escape("a<b>&\"'c\n\u{1}\u{FFFF}é"),
            "a&lt;b&gt;&amp;&quot;&#39;c\né"
        );
    }
}
