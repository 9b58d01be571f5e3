//! Finds where a value sits in YAML text, so problems found after parsing (an unknown
//! group, a bad date) can point at a line and column even though typed values carry none.

/// A block of YAML text and the file line it starts on.
#[derive(Debug, Clone, Copy)]
pub struct YamlText<'a> {
    /// The YAML itself.
    pub text: &'a str,
    /// The 1-based file line of the text's first line.
    pub first_line: usize,
}

impl<'a> YamlText<'a> {
    /// Wraps `text`, which starts on file line `first_line`.
    pub fn new(text: &'a str, first_line: usize) -> Self {
        YamlText { text, first_line }
    }

    /// The position of `needle` inside the value of top-level key `key`, or of the key
    /// itself when the needle is not found, or of the block's start when neither is.
    pub fn find_in_key(&self, key: &str, needle: &str) -> (usize, usize) {
        let lines: Vec<&str> = self.text.lines().collect();
        let Some(start) = lines.iter().position(|l| is_top_level_key(l, key)) else {
            return (self.first_line, 1);
        };
        let end = lines[start + 1..]
            .iter()
            .position(|l| starts_top_level_entry(l))
            .map_or(lines.len(), |i| start + 1 + i);
        let key_line_value_start = key.len() + 1;
        for (i, line) in lines.iter().enumerate().take(end).skip(start) {
            let from = if i == start { key_line_value_start } else { 0 };
            if let Some(column) = find_column(line, needle, from) {
                return (self.first_line + i, column);
            }
        }
        (self.first_line + start, 1)
    }

    /// The position of the first occurrence of `needle` at or after file line `from_line`.
    pub fn find_from(&self, needle: &str, from_line: usize) -> Option<(usize, usize)> {
        let skip = from_line.saturating_sub(self.first_line);
        self.text
            .lines()
            .enumerate()
            .skip(skip)
            .find_map(|(i, line)| find_column(line, needle, 0).map(|c| (self.first_line + i, c)))
    }
}

fn is_top_level_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

fn starts_top_level_entry(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
}

/// 1-based character column of `needle` in `line`, searching from byte `from`.
fn find_column(line: &str, needle: &str, from: usize) -> Option<usize> {
    if needle.is_empty() || from > line.len() || !line.is_char_boundary(from) {
        return None;
    }
    line[from..]
        .find(needle)
        .map(|i| line[..from + i].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRONT: &str = "title: JNIM raid\ncountry: Mali\ngroups:\n  - JNMI\n  - {group: FAMa, role: target}\nsummary: x\n";

    #[test]
    fn finds_a_value_in_its_key_block() {
        let y = YamlText::new(FRONT, 2);
        assert_eq!(y.find_in_key("groups", "JNMI"), (5, 5));
        assert_eq!(y.find_in_key("groups", "FAMa"), (6, 13));
        assert_eq!(y.find_in_key("country", "Mali"), (3, 10));
    }

    #[test]
    fn falls_back_to_the_key_then_the_block() {
        let y = YamlText::new(FRONT, 2);
        assert_eq!(y.find_in_key("summary", "nothing"), (7, 1));
        assert_eq!(y.find_in_key("nokey", "x"), (2, 1));
    }
}
