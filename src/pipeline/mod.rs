//! The build, as the list of its stages. `run` reads top to bottom in the order the
//! stages run, each timed as one lap for `--timings`:
//!
//! settings → load → index → prepare → the pass over reports → list pages → search index
//! → base maps → feeds → sitemap → static files → commit.
//!
//! `build`, `check` and the dev server's full builds all run this one function. After a
//! save, the dev server (`serve/session.rs`) runs the same stages over the smaller
//! [`crate::publish::Scope`] that [`reach`] works out.

mod language;
mod outcome;
pub mod pass;
pub mod prepare;
pub mod reach;

use std::path::Path;
use std::time::Instant;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::domain::index::{build_index, SiteIndex};
use crate::domain::Site;
use crate::load::{load_site, Bodies};
use crate::output::{check_output, finish_interrupted_swap, HostLimits, PageSink, Staging};
use crate::render::pages::{sitemap_entries, PageParts};
use crate::render::Renderer;
use crate::settings::{BuildOptions, Settings, SettingsError};
use crate::static_files::{find_static_files, StaticFile};
use crate::timings::Laps;
use language::{Language, Made};
pub(crate) use outcome::joined;
pub use outcome::{BuildFailure, BuildSummary};
use pass::Exports;

/// Builds the site into its output folder, swapping it in only if every page rendered.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, BuildFailure> {
    run(options, Mode::Build).map(|(summary, _)| summary)
}

/// Like [`build`], and hands back what the dev server keeps between saves.
pub fn build_for_serve(options: &BuildOptions) -> Result<(BuildSummary, Kept), BuildFailure> {
    run(options, Mode::Serve)
}

/// Validates everything a build reads and renders every page, writing nothing.
pub fn check(options: &BuildOptions) -> Result<BuildSummary, BuildFailure> {
    run(options, Mode::Check).map(|(summary, _)| summary)
}

/// Like [`check`], and hands back the site it loaded, for checks that go further
/// (`check --links`).
pub fn check_keeping_site(options: &BuildOptions) -> Result<(BuildSummary, Site), BuildFailure> {
    run(options, Mode::Check).map(|(summary, kept)| (summary, kept.site))
}

/// What a run does with what it makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Writes the site and swaps it in.
    Build,
    /// Renders everything and writes nothing.
    Check,
    /// Writes the site and keeps the bodies and export records for later saves.
    Serve,
}

/// What a build keeps for the dev server, so that a save re-renders only what it reaches.
pub struct Kept {
    /// Every report, validated.
    pub site: Site,
    /// Its lists.
    pub index: SiteIndex,
    /// Its templates, loaded.
    pub renderer: Renderer,
    /// What its pages share: cards, maps, list summaries, the data files' sizes.
    pub parts: PageParts,
    /// Incident i's serialised data for the exports.
    pub data: Vec<crate::publish::ReportData>,
    /// What each further language's stages made, in the order of `languages`; empty for
    /// a site in one language.
    pub further: Vec<Further>,
}

/// What the dev server keeps of one further language between saves: the site as that
/// language shows it, and what its pages share, so that a save re-renders its pages too
/// without running its stages again.
pub struct Further {
    /// The language's code (`en`); its pages are under `/en/`.
    pub lang: String,
    /// The site in this language ([`Site::in_language`]).
    pub site: Site,
    /// Its templates, loaded with this language's words and URLs.
    pub renderer: Renderer,
    /// Its cards, maps and list summaries; the downloads in its words.
    pub parts: PageParts,
}

/// Runs every stage in order; see the module's documentation.
fn run(options: &BuildOptions, mode: Mode) -> Result<(BuildSummary, Kept), BuildFailure> {
    let started = Instant::now();
    let mut laps = Laps::start();
    let settings = Settings::resolve(options)?;
    let limits = HostLimits::from_env().map_err(SettingsError::BadValue)?;
    let output = settings.output.clone();
    let mut notes = ready_output(&settings, mode)?;
    laps.done("settings");
    let (site, warnings, static_files) = load(settings, mode, options.strict)?;
    laps.done("load");
    let index = build_index(&site);
    laps.done("index");
    let staging = match mode {
        Mode::Check => None,
        Mode::Build | Mode::Serve => Some(Staging::create(&output).map_err(io(&output))?),
    };
    let stop = Stop {
        staging: staging.as_ref(),
        output: &output,
        warnings: &warnings,
    };
    let sink = staging.as_ref().map(|s| s as &dyn PageSink);
    let exports = match mode {
        Mode::Serve => Exports::WriteAndKeep,
        Mode::Build | Mode::Check => Exports::Write,
    };
    let first = Language {
        site: &site,
        index: &index,
        sink,
        stop: &stop,
        exports,
        shared: None,
    };
    let made = first.run(&mut laps)?;
    let (further_pages, further) =
        further_languages(&site, &index, sink, &stop, mode == Mode::Serve, &made)?;
    let pages = made.pages.len() + further_pages;
    laps.done("further languages");
    let cx = made.renderer.view(&site, &index);
    crate::publish::sitemap::write(&cx, sitemap_entries(&cx, &made.pages), sink)
        .map_err(|p| stop.at(p))?;
    laps.done("sitemap");
    let static_count = match &staging {
        Some(staging) => write_site_files(staging, &static_files, &stop)?,
        None => 0,
    };
    laps.done("static files");
    let written = staging.as_ref().map(Staging::written);
    let mut warnings = warnings;
    if let Some(written) = written {
        // Past a host's limit the site builds, but will not publish there: under --strict
        // (CI) that fails the build before the swap, so the last good site stays.
        let over = limits.warnings(&output, written);
        let fail = options.strict && !over.is_empty();
        warnings.extend(over);
        if fail {
            return Err(BuildFailure::Strict(warnings));
        }
    }
    if let Some(staging) = staging {
        notes.extend(staging.commit().map_err(io(&output))?);
        laps.done("commit");
    }
    let summary = BuildSummary {
        incidents: site.incidents.len(),
        pages,
        static_files: static_count,
        written,
        output: (mode != Mode::Check).then_some(output),
        warnings,
        notes,
        elapsed: started.elapsed(),
        stages: laps.into_stages(),
    };
    let Made {
        renderer,
        parts,
        data,
        ..
    } = made;
    let kept = Kept {
        site,
        index,
        renderer,
        parts,
        data,
        further,
    };
    Ok((summary, kept))
}

/// The stages of every further language of the site, each over its translated view,
/// after the default language's `made`. Returns how many pages they made and, for the
/// dev server (`keep`), what each keeps; a build would hold every language's cards.
fn further_languages(
    site: &Site,
    index: &SiteIndex,
    sink: Option<&dyn PageSink>,
    stop: &Stop,
    keep: bool,
    made: &Made,
) -> Result<(usize, Vec<Further>), BuildFailure> {
    let mut maps_written = made.parts.maps.base_names();
    let mut pages = 0;
    let mut kept = Vec::new();
    for lang in site.settings.languages.iter().skip(1) {
        let view = site.in_language(lang);
        let further = Language {
            site: &view,
            index,
            sink,
            stop,
            exports: Exports::Skip,
            shared: Some((&made.parts.downloads, &mut maps_written)),
        };
        let Made {
            renderer,
            parts,
            pages: its_pages,
            ..
        } = further.run(&mut Laps::start())?;
        pages += its_pages.len();
        if keep {
            kept.push(Further {
                lang: lang.clone(),
                site: view,
                renderer,
                parts,
            });
        }
    }
    Ok((pages, kept))
}

/// The settings stage's check of the output: a build refuses a folder it may not replace,
/// and finishes a swap an earlier build was stopped in. Returns what it did, for notes.
fn ready_output(settings: &Settings, mode: Mode) -> Result<Vec<String>, BuildFailure> {
    if mode == Mode::Check {
        return Ok(Vec::new());
    }
    check_output(&settings.root, &settings.output)?;
    let finished = finish_interrupted_swap(&settings.output).map_err(io(&settings.output))?;
    Ok(finished.into_iter().collect())
}

/// The load stage: every report, the registries and the static files, with every problem
/// of all of them in one failure; under `strict`, warnings fail it too.
fn load(
    settings: Settings,
    mode: Mode,
    strict: bool,
) -> Result<(Site, Diagnostics, Vec<StaticFile>), BuildFailure> {
    let mut static_problems = Diagnostics::default();
    let static_files = find_static_files(&settings.root, &mut static_problems);
    // The dev server renders pages again after each save and holds the bodies; a build
    // renders each body once, when it writes the report's page.
    let bodies = match mode {
        Mode::Serve => Bodies::Held,
        Mode::Build | Mode::Check => Bodies::InFiles,
    };
    let (site, warnings) = match load_site(settings, bodies) {
        Ok(loaded) if static_problems.is_empty() => loaded,
        Ok((_, warnings)) => return Err(BuildFailure::Content(joined(warnings, static_problems))),
        Err(problems) => return Err(BuildFailure::Content(joined(problems, static_problems))),
    };
    if strict && warnings.has_warnings() {
        return Err(BuildFailure::Strict(warnings));
    }
    Ok((site, warnings, static_files))
}

/// The static files stage: the files every site has (`.nojekyll`, the output's marker,
/// the built-in stylesheet and citation script), then the site's `static/` over them.
fn write_site_files(
    staging: &Staging,
    static_files: &[StaticFile],
    stop: &Stop,
) -> Result<usize, BuildFailure> {
    let written = [
        (".nojekyll", &b""[..]),
        (crate::output::MARKER, crate::output::MARKER_TEXT.as_bytes()),
        ("style.css", crate::render::STYLESHEET.as_bytes()),
        (
            crate::render::CITE_SCRIPT_FILE,
            crate::render::CITE_SCRIPT.as_bytes(),
        ),
    ]
    .into_iter()
    .try_for_each(|(name, bytes)| staging.write(name, bytes));
    if let Err(e) = written {
        return Err(stop.write_failure().unwrap_or_else(|| io(stop.output)(e)));
    }
    crate::static_files::copy_static_files(static_files, staging).map_err(BuildFailure::Content)
}

/// How a stage that failed stops the run.
struct Stop<'a> {
    staging: Option<&'a Staging>,
    output: &'a Path,
    warnings: &'a Diagnostics,
}

impl Stop<'_> {
    /// The failure of a stage that met `problems`: a failed write to the output when there
    /// was one (a full disk fails every page; it is said once), else the problems, with
    /// the warnings found before them.
    fn at(&self, problems: Vec<Diagnostic>) -> BuildFailure {
        self.write_failure().unwrap_or_else(|| {
            BuildFailure::Content(joined(
                self.warnings.clone(),
                problems.into_iter().collect(),
            ))
        })
    }

    /// The build's failure when writing the output failed: a full disk said once with the
    /// room it needs, any other failure once with its file; not a content problem per page.
    fn write_failure(&self) -> Option<BuildFailure> {
        let staging = self.staging?;
        if staging.disk_full() {
            return Some(BuildFailure::DiskFull(
                staging.disk_full_report(self.output),
            ));
        }
        staging
            .first_failure()
            .map(|failure| BuildFailure::write(self.output, &failure))
    }
}

/// A failure to prepare or swap in the output folder at `output`.
fn io(output: &Path) -> impl Fn(std::io::Error) -> BuildFailure + '_ {
    move |source| BuildFailure::Output {
        path: output.to_path_buf(),
        source,
    }
}
