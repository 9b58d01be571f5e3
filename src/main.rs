//! The `incidex` command: parses arguments, calls one library function, prints what
//! happened and returns the exit status SPEC.md section 2 gives.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use std::io::IsTerminal;
use std::path::Path;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Builds allocate and free millions of small strings on every core; mimalloc's
/// per-thread heaps make that markedly cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use incidex::build::{self, BuildFailure, BuildReport};
use incidex::dev_pages::DRAFTS_PATH;
use incidex::diagnostics::{Diagnostics, Severity};
use incidex::init_site::init_site;
use incidex::live::{DraftPage, Update};
use incidex::new_report::{new_report, NewError, NewReport, COMMAND_LINE};
use incidex::report::{self, Format};
use incidex::serve::{self, ServeError, ServeListener, ServeOptions};
use incidex::settings::{BuildOptions, SettingsError};

/// Builds browsable sites from incident reports.
#[derive(Debug, Parser)]
#[command(name = "incidex", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How problems are printed: full (the line, marked) or short (one line each).
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Full)]
    message_format: MessageFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MessageFormat {
    Full,
    Short,
}

/// Where and how problems are printed.
#[derive(Clone)]
struct Printer {
    root: PathBuf,
    format: Format,
}

impl Printer {
    fn new(root: &Path, format: MessageFormat) -> Printer {
        Printer {
            root: root.to_path_buf(),
            format: match format {
                MessageFormat::Short => Format::Short,
                MessageFormat::Full => Format::for_terminal(std::io::stderr().is_terminal()),
            },
        }
    }

    fn print(&self, diagnostics: &Diagnostics) {
        for diagnostic in diagnostics.sorted() {
            eprintln!("{}", report::render(diagnostic, &self.root, self.format));
            if self.format != Format::Short {
                eprintln!();
            }
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into public/ (or --output).
    Build(BuildArgs),
    /// Check everything a build reads, writing nothing.
    Check(CheckArgs),
    /// Build the site and serve it on this machine.
    Serve(ServeArgs),
    /// Write a new report with every field listed, ready to fill in.
    New(NewArgs),
    /// Make a new site in an empty folder.
    Init(InitArgs),
}

#[derive(Debug, Args)]
struct NewArgs {
    /// The report's title.
    title: String,
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The day of the event, YYYY-MM-DD [default: today].
    #[arg(long)]
    date: Option<String>,
    /// The country: a name, ISO code or alias from content/regions.yaml.
    #[arg(long)]
    country: Option<String>,
    /// The region, within that country.
    #[arg(long, requires = "country")]
    region: Option<String>,
    /// A group that carried it out, attribution confirmed (repeat for several).
    #[arg(long = "group")]
    groups: Vec<String>,
    /// A group attacked (repeat for several).
    #[arg(long = "target")]
    targets: Vec<String>,
    /// A group that responded (repeat for several).
    #[arg(long = "responder")]
    responders: Vec<String>,
    /// The page's address, instead of one made from the title.
    #[arg(long)]
    slug: Option<String>,
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The folder to make the site in; it must be missing or empty.
    dir: PathBuf,
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site [default: ROOT/public].
    #[arg(long)]
    output: Option<PathBuf>,
    /// Publish under this URL instead of site.yaml's base_url.
    #[arg(long)]
    base_url: Option<String>,
    /// Also build reports whose status is draft.
    #[arg(long)]
    drafts: bool,
    /// Print how long each stage took.
    #[arg(long)]
    timings: bool,
    /// Fail on warnings too (for CI).
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Also check reports whose status is draft.
    #[arg(long)]
    drafts: bool,
    /// Fail on warnings too (for CI).
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// The site folder (holds site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The first port to try; the next free one is used if it is taken.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Also build reports whose status is draft.
    #[arg(long)]
    drafts: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let printer = Printer::new(&args.root, cli.message_format);
            let result = build::build(&BuildOptions {
                root: args.root,
                output: args.output,
                base_url: args.base_url,
                drafts: args.drafts,
                strict: args.strict,
            });
            if let (true, Ok(report)) = (args.timings, &result) {
                for stage in &report.stages {
                    let peak = stage
                        .peak_kib
                        .map(|kib| format!("{:>6} MB peak", kib / 1024))
                        .unwrap_or_default();
                    eprintln!(
                        "{:>8.1} ms  {peak}  {}",
                        stage.took.as_secs_f64() * 1000.0,
                        stage.name
                    );
                }
            }
            finish(&printer, result, false)
        }
        Command::Check(args) => {
            let printer = Printer::new(&args.root, cli.message_format);
            let result = build::check(&BuildOptions {
                root: args.root,
                drafts: args.drafts,
                strict: args.strict,
                ..BuildOptions::default()
            });
            finish(&printer, result, true)
        }
        Command::Serve(args) => {
            let printer = Printer::new(&args.root, cli.message_format);
            run_serve(&printer, args)
        }
        Command::New(args) => run_new(args),
        Command::Init(args) => run_init(&args.dir),
    }
}

fn run_new(args: NewArgs) -> ExitCode {
    let request = NewReport {
        root: args.root,
        title: args.title,
        date: args.date,
        country: args.country,
        region: args.region,
        groups: args.groups,
        targets: args.targets,
        responders: args.responders,
        slug: args.slug,
    };
    match new_report(&request) {
        Ok(path) => {
            println!("{}", path.display());
            eprintln!("Fill in the summary and a source, then run `incidex check`.");
            ExitCode::SUCCESS
        }
        Err(NewError::Invalid(problems)) => {
            for problem in problems {
                // Problems with the arguments have no file to point into.
                if problem.path == Path::new(COMMAND_LINE) {
                    eprintln!("error: {}", problem.message);
                    if let Some(help) = &problem.help {
                        eprintln!("  help: {help}");
                    }
                } else {
                    eprintln!("{problem}");
                }
            }
            ExitCode::from(2)
        }
        Err(other) => {
            eprintln!("error: {other}");
            ExitCode::from(1)
        }
    }
}

fn run_init(dir: &Path) -> ExitCode {
    match init_site(dir) {
        Ok(files) => {
            println!(
                "Made a new site in {} ({} files).",
                dir.display(),
                files.len()
            );
            println!("Next: cd {} && incidex serve", dir.display());
            println!(
                "To publish on GitHub Pages: choose \"GitHub Actions\" under the repository's \
                 Settings -> Pages, set INCIDEX_GIT in .github/workflows/pages.yml to the \
                 repository incidex is installed from, and push to main (README.md in the site \
                 says more)."
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(1)
        }
    }
}

/// Prints the outcome of a build or check and gives its exit status.
fn finish(
    printer: &Printer,
    result: Result<BuildReport, BuildFailure>,
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

fn run_serve(printer: &Printer, args: ServeArgs) -> ExitCode {
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
    };
    let terminal = Terminal {
        printer: printer.clone(),
        asked_port: args.port,
        url: String::new(),
    };
    let result = serve::serve(&options, terminal);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(ServeError::Build(failure)) => {
            print_failure(printer, &failure, false);
            ExitCode::from(failure.exit_code() as u8)
        }
        Err(other) => {
            eprintln!("error: {other}");
            ExitCode::from(2)
        }
    }
}

/// What `serve` prints as it goes.
struct Terminal {
    printer: Printer,
    asked_port: u16,
    /// The server's address, once it is up.
    url: String,
}

impl ServeListener for Terminal {
    fn ready(
        &mut self,
        url: &str,
        folder: &Path,
        first: &Result<BuildReport, BuildFailure>,
        drafts: &[DraftPage],
    ) {
        match first {
            Ok(report) => print_success(&self.printer, report),
            Err(failure) => {
                print_failure(&self.printer, failure, false);
                println!("Serving a page that lists these problems until a save fixes them.");
            }
        }
        let asked = self.asked_port;
        if !url.ends_with(&format!(":{asked}/")) {
            println!("Port {asked} is taken; using the next free one.");
        }
        self.url = url.to_string();
        println!("Serving the site at {url} (Ctrl-C to stop)");
        println!(
            "Pages for this address are kept in {} and never in the folder `build` writes.",
            folder.display()
        );
        print_drafts(url, drafts);
        println!("Watching site.yaml, content/, templates/ and static/ for changes.");
    }

    fn updated(&mut self, changed: &[PathBuf], update: &Update, drafts: &[DraftPage]) {
        let what = match changed {
            [one] => one.display().to_string(),
            many => format!("{} files", many.len()),
        };
        match update {
            Update::Rebuilt {
                pages,
                took,
                incremental,
                warnings,
            } => {
                self.printer.print(warnings);
                let how = if *incremental { "updated" } else { "rebuilt" };
                println!(
                    "{what} changed: {how} {pages} pages in {} ms",
                    took.as_millis()
                );
                let url = self.url.clone();
                print_drafts(&url, drafts);
            }
            Update::Failed(failure) => {
                println!("{what} changed:");
                print_failure(&self.printer, failure, false);
                println!("The pages keep their last good state; the next good save updates them.");
            }
        }
    }
}

/// One line per draft with the address of its page; the list of all is at `/drafts/`.
fn print_drafts(url: &str, drafts: &[DraftPage]) {
    let root = url.trim_end_matches('/');
    for draft in drafts {
        println!(
            "Draft: {} at {root}{}",
            draft.file.display(),
            draft.url_path
        );
    }
    if !drafts.is_empty() {
        println!("Every draft is listed at {root}{DRAFTS_PATH}");
    }
}

fn print_success(printer: &Printer, report: &BuildReport) {
    printer.print(&report.warnings);
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let seconds = report.elapsed.as_secs_f64();
    match &report.output {
        Some(output) => println!(
            "Built {} into {} pages in {seconds:.2} s: {}",
            plural(report.incidents, "report"),
            report.pages,
            output.display()
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

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// Prints every problem of a failed run, then one line saying what it means: the site was
/// not built, or (for `check`, which builds nothing) what the check found.
fn print_failure(printer: &Printer, failure: &BuildFailure, checking: bool) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
