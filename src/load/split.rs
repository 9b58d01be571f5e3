//! Splits a report file into its YAML front matter and its Markdown body.

/// A report's text cut in two, with the file line each part starts on.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitReport<'a> {
    /// The YAML between the two `---` lines.
    pub front_matter: &'a str,
    /// The 1-based file line on which the front matter starts.
    pub front_matter_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
}

/// Why a file could not be split; each variant carries the 1-based line to point at.
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// Nothing but white space.
    Empty,
    /// The first line is not `---`.
    NoOpeningFence,
    /// No `---` line closes the front matter.
    NoClosingFence,
}

impl SplitError {
    /// A message that says what is wrong and what would be right.
    pub fn explain(&self) -> (&'static str, &'static str) {
        match self {
            SplitError::Empty => (
                "the file is empty",
                "a report starts with a '---' line, its front matter, and another '---' line",
            ),
            SplitError::NoOpeningFence => (
                "the report does not start with front matter",
                "put a line '---' first, then the YAML keys (title, date, ...), then '---'",
            ),
            SplitError::NoClosingFence => (
                "the front matter is never closed",
                "add a line '---' after the last front matter key, before the text",
            ),
        }
    }
}

/// Cuts `text` (UTF-8, byte-order mark and CRLF already dealt with) at its `---` fences.
pub fn split_report(text: &str) -> Result<SplitReport<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Err(SplitError::NoOpeningFence);
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if line.trim_end() == "---" {
            return Ok(SplitReport {
                front_matter: &text[start..offset],
                front_matter_line: 2,
                body: &text[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(SplitError::NoClosingFence)
}

// Decoding moved to the yaml module, which every reader of site files already goes
// through; this path stays for callers of the library.
pub use crate::yaml::decode;

/// Whether the front matter sets `status: draft`, read from its lines without parsing it:
/// a half-written draft may not parse, and is still a draft.
pub fn says_draft(front_matter: &str) -> bool {
    front_matter.lines().any(|line| {
        line.strip_prefix("status:").is_some_and(|value| {
            let value = value.split(" #").next().unwrap_or_default().trim();
            value.trim_matches(['"', '\'']) == "draft"
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_known_from_its_status_line_alone() {
        assert!(says_draft(
            "title: [unfinished\nstatus: draft   # draft | published\n"
        ));
        assert!(says_draft("status: \"draft\""));
        assert!(!says_draft("status: published\n"));
        assert!(!says_draft("summary: status: draft\n"));
        assert!(!says_draft("  status: draft\n"));
    }

    #[test]
    fn splits_front_matter_and_body() {
        let split = split_report("---\ntitle: x\n---\nBody\n").unwrap();
        assert_eq!(split.front_matter, "title: x\n");
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.front_matter_line, 2);
    }

    #[test]
    fn accepts_an_empty_body_without_final_newline() {
        let split = split_report("---\ntitle: x\n---").unwrap();
        assert_eq!(split.body, "");
    }

    #[test]
    fn reports_missing_fences() {
        assert_eq!(split_report("  \n"), Err(SplitError::Empty));
        assert_eq!(split_report("title: x\n"), Err(SplitError::NoOpeningFence));
        assert_eq!(
            split_report("---\ntitle: x\n"),
            Err(SplitError::NoClosingFence)
        );
    }
}
