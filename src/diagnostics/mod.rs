//! Problems found in a site, each tied to a file and a position, so an editor can fix
//! every one of them from the message alone.

pub mod print;

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot produce a correct site.
    Error,
    /// Worth fixing, but the site still builds.
    Warning,
    /// A problem in a draft that is not being built: shown, so the editor sees what is left
    /// to do, and failing nothing, not even `--strict`: one editor's unfinished report must
    /// never stop the site's deploy.
    InDraft,
}

/// One problem in one file, with a 1-based line and column and an optional hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line in the file (not in the front matter block).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What would be right, when we can tell.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
            help: None,
        }
    }

    /// An error about a whole file, reported at its first line.
    pub fn file_error(path: &Path, message: impl Into<String>) -> Self {
        Self::error(path, 1, 1, message)
    }

    /// Turns this into a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Adds a hint saying what would be right.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a hint only when there is one.
    pub fn with_optional_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// The sort key that lists problems by file, then position.
    fn sort_key(&self) -> (&Path, usize, usize, &str) {
        (&self.path, self.line, self.column, &self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning | Severity::InDraft => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {label}: {}",
            printable(&self.path.display().to_string()),
            self.line,
            self.column,
            printable(&self.message)
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// `text` with every control character written as an escape (`\u{1b}`), so a value or file
/// name from content can never move the cursor, recolour or retitle an editor's terminal.
/// Line breaks stay, as messages are laid out in lines.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\n".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// Every problem found in a run, kept in file and line order for printing.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records many problems.
    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(more);
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// True when at least one problem is a warning that `--strict` fails on (problems in
    /// drafts not being built are not).
    pub fn has_warnings(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Warning)
    }

    /// Turns every problem of the files in `drafts` into [`Severity::InDraft`], saying so.
    pub fn set_aside_drafts(&mut self, drafts: &rustc_hash::FxHashSet<PathBuf>) {
        if drafts.is_empty() {
            return;
        }
        for item in &mut self.items {
            if drafts.contains(&item.path) && item.severity != Severity::InDraft {
                item.severity = Severity::InDraft;
                item.message.push_str(
                    " (in a draft, which is not built: this fails nothing until it is \
                     published or built with --drafts)",
                );
            }
        }
    }

    /// All problems, sorted by path, line and column.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        items.dedup_by(|a, b| a == b);
        items
    }

    /// Number of problems of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// A one-line summary such as "3 errors in 2 files".
    pub fn summary(&self) -> String {
        let errors = self.count(Severity::Error);
        let warnings = self.count(Severity::Warning) + self.count(Severity::InDraft);
        let mut files: Vec<&Path> = self.items.iter().map(|d| d.path.as_path()).collect();
        files.sort();
        files.dedup();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let counts = match (errors, warnings) {
            (_, 0) => plural(errors, "error"),
            (0, _) => plural(warnings, "warning"),
            _ => format!(
                "{} and {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            ),
        };
        format!("{counts} in {}", plural(files.len(), "file"))
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(items: I) -> Self {
        let mut all = Diagnostics::default();
        all.extend(items);
        all
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The closest of `candidates` to `input`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let needle = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&needle, &c.to_lowercase()), c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(1) + 1)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_candidate() {
        assert_eq!(did_you_mean("JNMI", ["JNIM", "ISSP", "FAMa"]), Some("JNIM"));
        assert_eq!(did_you_mean("titel", ["title", "date"]), Some("title"));
        assert_eq!(did_you_mean("zzzzzz", ["JNIM", "ISSP"]), None);
    }

    #[test]
    fn summary_counts_files_once() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::error(Path::new("a.md"), 1, 1, "x"));
        all.push(Diagnostic::error(Path::new("a.md"), 2, 1, "y"));
        all.push(Diagnostic::error(Path::new("b.md"), 1, 1, "z").warning());
        assert_eq!(all.summary(), "2 errors and 1 warning in 2 files");
    }
}
