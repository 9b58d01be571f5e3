//! What a static host accepts: GitHub Pages refuses a site over 1 GB, GitLab Pages one of
//! more than 200,000 files. A build says so when its output passes either, from the totals
//! the staging folder counted as it was written, so that an editor learns it from the
//! build and not from a failed deploy.

use std::fmt;
use std::path::Path;

use crate::diagnostics::Diagnostic;

/// Names the variable that lowers or raises the size limit, in bytes.
pub const MAX_BYTES_VAR: &str = "INCIDEX_MAX_BYTES";
/// Names the variable that lowers or raises the file limit.
pub const MAX_FILES_VAR: &str = "INCIDEX_MAX_FILES";

/// How much a build wrote into its output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Bytes of every file, as written (not the disk blocks they take).
    pub bytes: u64,
    /// Files, each counted once however often it was appended to.
    pub files: u64,
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} files, {}", grouped(self.files), size(self.bytes))
    }
}

/// The most a host takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostLimits {
    /// Bytes of the whole site.
    pub bytes: u64,
    /// Files in the whole site.
    pub files: u64,
}

impl HostLimits {
    /// GitHub Pages' size limit and GitLab Pages' file limit, the lower of the two hosts'
    /// each. GitHub says "1 GB"; counting it in decimal warns a little early rather than
    /// a little late.
    pub const PAGES: HostLimits = HostLimits {
        bytes: 1_000_000_000,
        files: 200_000,
    };

    /// [`HostLimits::PAGES`], with either limit replaced by [`MAX_BYTES_VAR`] or
    /// [`MAX_FILES_VAR`] when set: for a host with other limits, and for tests, which
    /// cannot write a gigabyte.
    pub fn from_env() -> Result<HostLimits, String> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// Like [`HostLimits::from_env`], reading variables through `var`.
    fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<HostLimits, String> {
        let read = |name: &str, default: u64| match var(name) {
            None => Ok(default),
            Some(text) => text.trim().parse::<u64>().map_err(|_| {
                format!(
                    "{name} must be a whole number (the most the host takes), not '{}'",
                    crate::diagnostics::printable(&text)
                )
            }),
        };
        Ok(HostLimits {
            bytes: read(MAX_BYTES_VAR, Self::PAGES.bytes)?,
            files: read(MAX_FILES_VAR, Self::PAGES.files)?,
        })
    }

    /// A warning, on the output folder `output`, for each limit `written` passes.
    pub fn warnings(&self, output: &Path, written: Written) -> Vec<Diagnostic> {
        self.passed_by(written)
            .into_iter()
            .map(|passed| {
                Diagnostic::file_error(output, passed)
                    .warning()
                    .with_help(OVER_LIMIT_HELP)
            })
            .collect()
    }

    /// A sentence for each limit `written` passes; none when the site fits.
    pub fn passed_by(&self, written: Written) -> Vec<String> {
        let mut passed = Vec::new();
        if written.bytes > self.bytes {
            passed.push(format!(
                "the site is {}, over {}: GitHub Pages refuses sites over 1 GB",
                size(written.bytes),
                size(self.bytes)
            ));
        }
        if written.files > self.files {
            passed.push(format!(
                "the site has {} files, over {}: GitLab Pages refuses sites of more than \
                 200,000 files",
                grouped(written.files),
                grouped(self.files)
            ));
        }
        passed
    }
}

/// The help that goes with a limit passed.
const OVER_LIMIT_HELP: &str = "the build is complete, but the host will refuse to publish \
     it; for a host with other limits, set INCIDEX_MAX_BYTES or INCIDEX_MAX_FILES to them";

/// Bytes in the decimal units hosts state their limits in.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b if b < 1_000_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b => format!("{:.2} GB", b as f64 / 1e9),
    }
}

/// `n` with its thousands grouped, as `24,654`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGES: HostLimits = HostLimits::PAGES;

    #[test]
    fn a_site_within_both_limits_passes_none() {
        let at_limits = Written {
            bytes: 1_000_000_000,
            files: 200_000,
        };
        assert!(PAGES.passed_by(at_limits).is_empty());
    }

    #[test]
    fn each_limit_passed_is_said_with_the_host_that_refuses_it() {
        let bytes = PAGES.passed_by(Written {
            bytes: 1_000_000_001,
            files: 10,
        });
        assert_eq!(
            bytes,
            ["the site is 1.00 GB, over 1.00 GB: GitHub Pages refuses sites over 1 GB"]
        );
        let both = PAGES.passed_by(Written {
            bytes: 4_242_000_000,
            files: 234_274,
        });
        assert_eq!(both.len(), 2);
        assert!(both[0].starts_with("the site is 4.24 GB"), "{}", both[0]);
        assert!(
            both[1].starts_with("the site has 234,274 files, over 200,000: "),
            "{}",
            both[1]
        );
        assert!(both[1].contains("GitLab Pages refuses sites of more than 200,000 files"));
    }

    #[test]
    fn the_variables_replace_either_limit_and_refuse_what_is_not_a_number() {
        let vars = |bytes: Option<&str>, files: Option<&str>| {
            HostLimits::from_vars(move |name| match name {
                MAX_BYTES_VAR => bytes.map(str::to_string),
                MAX_FILES_VAR => files.map(str::to_string),
                _ => None,
            })
        };
        assert_eq!(vars(None, None), Ok(PAGES));
        assert_eq!(
            vars(Some("1000"), None),
            Ok(HostLimits {
                bytes: 1000,
                files: 200_000
            })
        );
        assert_eq!(vars(None, Some(" 20000 ")).map(|l| l.files), Ok(20_000));
        let refused = vars(Some("1GB"), None).unwrap_err();
        assert_eq!(
            refused,
            "INCIDEX_MAX_BYTES must be a whole number (the most the host takes), not '1GB'"
        );
    }

    #[test]
    fn totals_read_as_an_editor_would_write_them() {
        let written = Written {
            bytes: 455_040_000,
            files: 24_654,
        };
        assert_eq!(written.to_string(), "24,654 files, 455.0 MB");
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(size(999), "999 bytes");
    }
}
