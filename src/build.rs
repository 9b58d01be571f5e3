//! The whole pipeline, one named stage after another: settings, load, index, render, write.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::build_index;
use crate::load::{load_site, Bodies};
use crate::output::Staging;
use crate::render::{render_site, STYLESHEET};
use crate::settings::{BuildOptions, Settings, SettingsError};

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
    /// The output could not be written: exit status 1.
    #[error("cannot write the site to {path}: {source}")]
    Output {
        /// The output folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl BuildFailure {
    /// The process exit status SPEC.md section 2 gives this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildFailure::Settings(_) => 2,
            BuildFailure::Content(_) | BuildFailure::Strict(_) | BuildFailure::Output { .. } => 1,
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
    // The dev server renders pages again after each save and holds the bodies; a build
    // renders each body once, when it writes the report's page.
    let bodies = if keep { Bodies::Held } else { Bodies::InFiles };
    let (site, warnings) = load_site(settings, bodies).map_err(BuildFailure::Content)?;
    if options.strict && !warnings.is_empty() {
        return Err(BuildFailure::Strict(warnings));
    }
    laps.done("load");
    let index = build_index(&site);
    laps.done("index");
    let staging = if write {
        Some(
            Staging::create(&output).map_err(|source| BuildFailure::Output {
                path: output.clone(),
                source,
            })?,
        )
    } else {
        None
    };
    let rendered = render_site(&site, &index, staging.as_ref(), keep).map_err(|problems| {
        let mut all = warnings.clone();
        all.extend(problems);
        BuildFailure::Content(all)
    })?;
    laps.add(&rendered.stages);
    let mut static_files = 0;
    if let Some(staging) = staging {
        let io = |source| BuildFailure::Output {
            path: output.clone(),
            source,
        };
        staging.write(".nojekyll", b"").map_err(io)?;
        staging
            .write("style.css", STYLESHEET.as_bytes())
            .map_err(io)?;
        static_files = copy_static(&site.settings.root.join("static"), &staging)
            .map_err(|d| BuildFailure::Content(std::iter::once(d).collect()))?;
        laps.done("copy static");
        staging.commit().map_err(io)?;
        laps.done("swap in");
    }
    let report = BuildReport {
        incidents: site.incidents.len(),
        pages: rendered.pages,
        static_files,
        output: write.then_some(output),
        warnings,
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

/// Copies `static/` as is to the output root; hidden files are skipped.
fn copy_static(dir: &Path, staging: &Staging) -> Result<usize, Diagnostic> {
    if !dir.is_dir() {
        return Ok(0);
    }
    let mut copied = 0;
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            Diagnostic::file_error(Path::new("static"), format!("cannot read: {e}"))
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let shown = Path::new("static").join(relative);
        let target = staging
            .inside(&relative.to_string_lossy())
            .map_err(|e| Diagnostic::file_error(&shown, e.to_string()))?;
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::file_error(&shown, format!("cannot copy: {e}")))?;
        }
        std::fs::copy(entry.path(), &target)
            .map_err(|e| Diagnostic::file_error(&shown, format!("cannot copy: {e}")))?;
        copied += 1;
    }
    Ok(copied)
}
