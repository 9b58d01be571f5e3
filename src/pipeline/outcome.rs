//! What a run of the pipeline ends with: a summary for the editor, or the one failure that
//! stopped it, with the exit status SPEC.md section 2 gives it.

use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::Diagnostics;
use crate::output::OutputRefused;
use crate::settings::SettingsError;

/// What a successful build or check did.
#[derive(Debug)]
pub struct BuildSummary {
    /// Reports built.
    pub incidents: usize,
    /// Pages rendered.
    pub pages: usize,
    /// Files copied from `static/`.
    pub static_files: usize,
    /// Files and bytes written into the output, counted as they were written (`None`
    /// for `check`, which writes nothing).
    pub written: Option<crate::output::Written>,
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
    /// The failure of a build whose write of a file into `output` failed.
    pub fn write(output: &std::path::Path, failure: &crate::output::WriteFailure) -> BuildFailure {
        BuildFailure::Output {
            path: output.join(&failure.file),
            source: failure.io_error(),
        }
    }

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

/// Two sets of problems as one, for a run that reports every problem at once.
pub(crate) fn joined(mut first: Diagnostics, second: Diagnostics) -> Diagnostics {
    first.extend(second);
    first
}
