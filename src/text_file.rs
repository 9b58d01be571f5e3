//! Site files' bytes as text: the one decoding every reader of a report or registry
//! shares, so that the line and column of every problem count the same characters.

/// Decodes a file's bytes: UTF-8 only, a leading byte-order mark dropped, CRLF and lone CR
/// made LF (YAML counts a lone CR as a line break; so must every position we give).
///
/// On failure gives the 1-based line and column of the first byte that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<String, (usize, usize)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains('\r') => Ok(text.replace("\r\n", "\n").replace('\r', "\n")),
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err((line, column))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_drops_bom_and_crlf_and_locates_bad_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBF---\r\nx\r\n").unwrap(), "---\nx\n");
        assert_eq!(decode(b"a\rb\r\nc").unwrap(), "a\nb\nc");
        assert_eq!(decode(b"ab\ncd\xFFe"), Err((2, 3)));
    }
}
