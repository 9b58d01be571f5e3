//! How every command prints what happened: problems in the chosen format, the one-line
//! outcome of a build or check, and the exit status that goes with it.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use incidex::diagnostics::print::{self, Format};
use incidex::diagnostics::{Diagnostics, Severity};
use incidex::pipeline::{BuildFailure, BuildSummary};
use incidex::settings::SettingsError;

/// How problems are printed, as `--message-format` names it.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MessageFormat {
    /// The line, marked.
    Full,
    /// One line each.
    Short,
}

/// Where and how problems are printed.
#[derive(Clone)]
pub struct Printer {
    root: PathBuf,
    format: Format,
}

impl Printer {
    /// Prints problems of the site at `root` in `format`.
    pub fn new(root: &Path, format: MessageFormat) -> Printer {
        Printer {
            root: root.to_path_buf(),
            format: match format {
                MessageFormat::Short => Format::Short,
                MessageFormat::Full => Format::for_terminal(std::io::stderr().is_terminal()),
            },
        }
    }

    /// Prints every problem, sorted.
    pub fn print(&self, diagnostics: &Diagnostics) {
        for diagnostic in diagnostics.sorted() {
            eprintln!("{}", print::render(diagnostic, &self.root, self.format));
            if self.format != Format::Short {
                eprintln!();
            }
        }
    }
}

/// Prints the outcome of a build or check and gives its exit status.
pub fn finish(
    printer: &Printer,
    result: Result<BuildSummary, BuildFailure>,
    checking: bool,
) -> ExitCode {
    match result {
        Ok(report) => {
            print_success(printer, &report);
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_failure(printer, &failure, checking);
            ExitCode::from(failure.exit_code() as u8)
        }
    }
}

/// Prints warnings, notes and the one-line outcome of a build or check.
pub fn print_success(printer: &Printer, report: &BuildSummary) {
    printer.print(&report.warnings);
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let seconds = report.elapsed.as_secs_f64();
    match &report.output {
        Some(output) => println!(
            "Built {} into {} pages in {seconds:.2} s: {}{}",
            plural(report.incidents, "report"),
            report.pages,
            output.display(),
            report
                .written
                .map(|written| format!(" ({written})"))
                .unwrap_or_default()
        ),
        None => {
            let mut found = "no errors".to_string();
            match report.warnings.count(Severity::Warning) {
                0 => {}
                n => found.push_str(&format!(", {}", plural(n, "warning"))),
            }
            match report.warnings.count(Severity::InDraft) {
                0 => {}
                n => found.push_str(&format!(", {} in drafts", plural(n, "problem"))),
            }
            println!(
                "Checked {} and {} pages in {seconds:.2} s: {found}",
                plural(report.incidents, "report"),
                report.pages
            )
        }
    }
}

/// `n word`, with an `s` unless `n` is 1.
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Prints every problem of a failed run, then one line saying what it means: the site was
/// not built, or (for `check`, which builds nothing) what the check found.
pub fn print_failure(printer: &Printer, failure: &BuildFailure, checking: bool) {
    let outcome = |summary: &str| match checking {
        true => format!("error: the check found {summary}"),
        false => format!("error: the site was not built: {summary}"),
    };
    match failure {
        BuildFailure::Content(diagnostics) => {
            printer.print(diagnostics);
            eprintln!("{}", outcome(&diagnostics.summary()));
        }
        BuildFailure::Strict(warnings) => {
            printer.print(warnings);
            eprintln!("{}", outcome(&failure.to_string()));
        }
        BuildFailure::Settings(SettingsError::Invalid(diagnostic)) => {
            let one: Diagnostics = std::iter::once(diagnostic.clone()).collect();
            printer.print(&one);
            eprintln!("{}", outcome(&one.summary()));
        }
        other => eprintln!("error: {other}"),
    }
}
