//! Prints diagnostics for people: in the style of rustc, with the offending line and a
//! mark under the value, through miette; or one line each for editors' quickfix lists and
//! CI logs.

use std::fmt;
use std::path::Path;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan, ThemeCharacters,
    ThemeStyles,
};

use crate::diagnostics::{printable, Diagnostic, Severity};
use crate::text_file;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The message, the source line with the value marked, and the hint; coloured or not.
    Full {
        /// Use terminal colours.
        colour: bool,
    },
    /// `path:line:column: error: message`, then the hint on its own line.
    Short,
}

impl Format {
    /// Full output, coloured only on a terminal and when `NO_COLOR` is unset.
    pub fn for_terminal(is_terminal: bool) -> Format {
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        Format::Full {
            colour: is_terminal && !no_colour,
        }
    }
}

/// Renders one diagnostic; `root` is the site folder its path is relative to.
pub fn render(diagnostic: &Diagnostic, root: &Path, format: Format) -> String {
    match format {
        Format::Short => diagnostic.to_string(),
        Format::Full { colour } => {
            let source = std::fs::read(root.join(&diagnostic.path))
                .ok()
                .and_then(|bytes| text_file::decode(&bytes).ok());
            let shown = Shown::new(diagnostic, source);
            let mut out = String::new();
            // The position is given in the source's name, in characters as the short
            // format and an editor count it; miette's own counts bytes.
            let handler = GraphicalReportHandler::new_themed(theme(colour))
                .with_context_lines(1)
                .with_width(100)
                .without_primary_span_start();
            if handler.render_report(&mut out, &shown).is_err() {
                return diagnostic.to_string();
            }
            out.trim_end().to_string()
        }
    }
}

fn theme(colour: bool) -> GraphicalTheme {
    let mut characters = if colour {
        ThemeCharacters::unicode()
    } else {
        ThemeCharacters::ascii()
    };
    // rustc's words rather than symbols: an editor reading a CI log knows what "error:" means.
    characters.error = "error:".into();
    characters.warning = "warning:".into();
    characters.advice = "note:".into();
    GraphicalTheme {
        characters,
        styles: if colour {
            ThemeStyles::ansi()
        } else {
            ThemeStyles::none()
        },
    }
}

/// A [`Diagnostic`] with its file's text, as miette wants it.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: NamedSource<String>,
    span: Option<SourceSpan>,
    /// For problems without a text to point into, the location goes in the message.
    message: String,
}

impl<'a> Shown<'a> {
    fn new(diagnostic: &'a Diagnostic, text: Option<String>) -> Self {
        let name = printable(&diagnostic.path.display().to_string()).into_owned();
        // Shown lines are the file's: one replacement character for each control
        // character keeps every column where it was.
        let text = text.map(|t| {
            t.chars()
                .map(|c| {
                    if c.is_control() && c != '\n' && c != '\t' {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect::<String>()
        });
        let span = text
            .as_deref()
            .and_then(|t| span_at(t, diagnostic.line, diagnostic.column));
        let message = if span.is_some() {
            printable(&diagnostic.message).into_owned()
        } else {
            format!(
                "{}\n  --> {}:{}:{}",
                printable(&diagnostic.message),
                name,
                diagnostic.line,
                diagnostic.column
            )
        };
        let located = format!("{name}:{}:{}", diagnostic.line, diagnostic.column);
        Shown {
            diagnostic,
            source: NamedSource::new(located, text.unwrap_or_default()),
            span,
            message,
        }
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning | Severity::InDraft => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_deref()
            .map(|h| Box::new(printable(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.span.map(|_| &self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, span),
        )))
    }
}

/// The bytes of the value starting at 1-based `line` and character `column`: a quoted
/// string to its closing quote, otherwise up to the next YAML delimiter on the line.
fn span_at(text: &str, line: usize, column: usize) -> Option<SourceSpan> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let line_text = text[line_start..].split('\n').next()?;
    let offset = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    let rest = &line_text[offset..];
    let length = match rest.chars().next() {
        None => 0,
        Some(quote @ ('"' | '\'')) => rest[1..].find(quote).map_or(rest.len(), |end| end + 2),
        Some(_) => rest
            .find([',', ']', '}', '#'])
            .map_or(rest.len(), |end| end)
            .min(rest.find(": ").unwrap_or(usize::MAX)),
    };
    let length = rest[..length]
        .trim_end()
        .len()
        .max(1)
        .min(rest.len().max(1));
    Some(SourceSpan::new((line_start + offset).into(), length))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn diagnostic(line: usize, column: usize) -> Diagnostic {
        Diagnostic::error(Path::new("x.md"), line, column, "unknown group 'JNMI'")
            .with_help("did you mean 'JNIM'?")
    }

    #[test]
    fn spans_cover_the_value_only() {
        let text = "---\ngroups:\n  - {group: JNMI, role: target}\ntitle: \"a, b\"\nkey: x\n";
        let at = |l, c| {
            let s = span_at(text, l, c).unwrap();
            &text[s.offset()..s.offset() + s.len()]
        };
        assert_eq!(at(3, 13), "JNMI");
        assert_eq!(at(4, 8), "\"a, b\"");
        assert_eq!(at(5, 1), "key");
    }

    #[test]
    fn full_output_shows_the_line_and_marks_the_value() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("x.md"),
            "---\ntitle: t\ngroups:\n  - {group: JNMI, role: target}\n---\n",
        )
        .unwrap();
        let out = render(
            &diagnostic(4, 13),
            dir.path(),
            Format::Full { colour: false },
        );
        assert!(
            out.trim_start().starts_with("error: unknown group 'JNMI'"),
            "{out}"
        );
        assert!(out.contains("[x.md:4:13]"), "{out}");
        assert!(
            out.contains(" 4 |   - {group: JNMI, role: target}"),
            "{out}"
        );
        assert!(out.contains(":             ^^^^\n"), "{out}");
        assert!(out.contains("help: did you mean 'JNIM'?"), "{out}");
    }

    #[test]
    fn without_the_file_the_location_is_still_given() {
        let mut d = diagnostic(2, 3);
        d.path = PathBuf::from("gone.md");
        let out = render(
            &d,
            Path::new("/nonexistent"),
            Format::Full { colour: false },
        );
        assert!(out.contains("--> gone.md:2:3"), "{out}");
    }
}
