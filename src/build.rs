//! The whole pipeline, one named stage after another: settings, load, index, render, write.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostics;
use crate::index::build_index;
use crate::load::{load_site, Bodies};
use crate::output::{check_output, finish_interrupted_swap, OutputRefused, Staging};
use crate::render::{render_site, STYLESHEET};
use crate::settings::{BuildOptions, Settings, SettingsError};
use crate::static_files::{copy_static_files, find_static_files};

/// What a successful build or check did.
#[derive(Debug)]
pub struct BuildReport {
    /// Reports built.
    pub incidents: usize,
    /// Pages rendered.
    pub pages: usize,
    /// Files copied from `static/`.
    pub static_files: usize,
    /// Where the site was written (`None` for `check`).
    pub output: Option<PathBuf>,
    /// Warnings, which do not fail the build.
    pub warnings: Diagnostics,
    /// What the build did to the output beyond writing it (an interrupted swap finished,
    /// a previous build it could not remove), for the editor to read.
    pub notes: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
    /// Wall time of each stage, in order, for `--timings`.
    pub stages: Vec<crate::timings::Stage>,
}

/// Why a build failed, each with its exit status.
#[derive(Debug, thiserror::Error)]
pub enum BuildFailure {
    /// Settings or usage: exit status 2.
    #[error("{0}")]
    Settings(#[from] SettingsError),
    /// Content errors, every one of them: exit status 1.
    #[error("{}", .0.summary())]
    Content(Diagnostics),
    /// Warnings under `--strict`: exit status 1.
    #[error("{} (--strict fails on warnings)", .0.summary())]
    Strict(Diagnostics),
    /// The output is not a folder a build may replace: exit status 2.
    #[error("{0}")]
    Refused(#[from] OutputRefused),
    /// The output could not be written: exit status 1.
    #[error("cannot write the site to {path}: {source}")]
    Output {
        /// The output folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The disk filled while the site was written: one problem, whatever the number of
    /// files that could not be written. Exit status 1.
    #[error("{0}")]
    DiskFull(crate::output::DiskFull),
}

impl BuildFailure {
    /// The process exit status SPEC.md section 2 gives this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildFailure::Settings(_) | BuildFailure::Refused(_) => 2,
            BuildFailure::Content(_)
            | BuildFailure::Strict(_)
            | BuildFailure::Output { .. }
            | BuildFailure::DiskFull(_) => 1,
        }
    }
}

/// Builds the site into its output folder, swapping it in only if every page rendered.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    run(options, true, false).map(|(report, _)| report)
}

/// Like [`build`], and hands back the loaded site and its index for the dev server to keep.
pub fn build_keeping(options: &BuildOptions) -> Result<(BuildReport, Built), BuildFailure> {
    run(options, true, true)
}

/// Validates everything a build reads and renders every page, writing nothing.
pub fn check(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    run(options, false, false).map(|(report, _)| report)
}

/// A site as loaded, indexed and rendered by a build.
pub struct Built {
    /// Every report, validated.
    pub site: crate::load::Site,
    /// Its lists.
    pub index: crate::index::SiteIndex,
    /// Its templates, loaded.
    pub renderer: crate::render::Renderer,
    /// What its pages shared: cards, maps, list summaries, the data files' sizes.
    pub shared: crate::render::pages::Shared,
    /// Incident i's serialised data for the exports.
    pub data: Vec<crate::publish::ReportData>,
}

/// `keep`: hand back every report's export records for the dev server; a plain build
/// drops them as soon as the exports are written, which lowers its peak memory.
fn run(
    options: &BuildOptions,
    write: bool,
    keep: bool,
) -> Result<(BuildReport, Built), BuildFailure> {
    let started = Instant::now();
    let mut laps = crate::timings::Laps::start();
    let settings = Settings::resolve(options)?;
    let output = settings.output.clone();
    let io = |source| BuildFailure::Output {
        path: output.clone(),
        source,
    };
    let mut notes = Vec::new();
    if write {
        check_output(&settings.root, &output)?;
        notes.extend(finish_interrupted_swap(&output).map_err(io)?);
    }
    let mut static_problems = Diagnostics::default();
    let static_files = find_static_files(&settings.root, &mut static_problems);
    // The dev server renders pages again after each save and holds the bodies; a build
    // renders each body once, when it writes the report's page.
    let bodies = if keep { Bodies::Held } else { Bodies::InFiles };
    let (site, warnings) = match load_site(settings, bodies) {
        Ok(loaded) if static_problems.is_empty() => loaded,
        Ok((_, warnings)) => return Err(BuildFailure::Content(joined(warnings, static_problems))),
        Err(problems) => return Err(BuildFailure::Content(joined(problems, static_problems))),
    };
    if options.strict && warnings.has_warnings() {
        return Err(BuildFailure::Strict(warnings));
    }
    laps.done("load");
    let index = build_index(&site);
    laps.done("index");
    let staging = if write {
        Some(Staging::create(&output).map_err(io)?)
    } else {
        None
    };
    let rendered = render_site(&site, &index, staging.as_ref(), keep).map_err(|problems| {
        staging
            .as_ref()
            .and_then(|staging| write_failure(staging, &output))
            .unwrap_or_else(|| {
                BuildFailure::Content(joined(warnings.clone(), problems.into_iter().collect()))
            })
    })?;
    laps.add(&rendered.stages);
    let mut static_count = 0;
    if let Some(staging) = staging {
        let written = [
            (".nojekyll", &b""[..]),
            (crate::output::MARKER, crate::output::MARKER_TEXT.as_bytes()),
            ("style.css", STYLESHEET.as_bytes()),
        ]
        .into_iter()
        .try_for_each(|(name, bytes)| staging.write(name, bytes));
        if let Err(e) = written {
            return Err(write_failure(&staging, &output).unwrap_or_else(|| io(e)));
        }
        static_count = copy_static_files(&static_files, &staging).map_err(BuildFailure::Content)?;
        laps.done("copy static");
        notes.extend(staging.commit().map_err(io)?);
        laps.done("swap in");
    }
    let report = BuildReport {
        incidents: site.incidents.len(),
        pages: rendered.pages,
        static_files: static_count,
        output: write.then_some(output),
        warnings,
        notes,
        elapsed: started.elapsed(),
        stages: laps.into_stages(),
    };
    let built = Built {
        site,
        index,
        renderer: rendered.renderer,
        shared: rendered.shared,
        data: rendered.data,
    };
    Ok((report, built))
}

/// The build's failure when writing the output failed: a full disk said once with the
/// room it needs, any other failure once with its file; not a content problem per page.
fn write_failure(staging: &Staging, output: &std::path::Path) -> Option<BuildFailure> {
    if staging.disk_full() {
        return Some(BuildFailure::DiskFull(staging.disk_full_report(output)));
    }
    let failure = staging.first_failure()?;
    Some(BuildFailure::Output {
        path: output.join(&failure.file),
        source: std::io::Error::new(failure.kind, failure.message),
    })
}

/// Two sets of problems as one, for a run that reports every problem at once.
fn joined(mut first: Diagnostics, second: Diagnostics) -> Diagnostics {
    first.extend(second);
    first
}
