//! A full disk, said once: how much the build had written, how much room is left, and
//! how much the previous build (which stays until the swap) takes.

use std::path::{Path, PathBuf};

use super::Staging;

/// The disk filled while a build was written.
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "the disk holding {} is full: the build had written {} when it ran out, {} {} free, \
     and the previous build takes {}\n  help: a build needs room for the new site beside the \
     previous one until it replaces it; free some space and build again",
    .output.display(), size(*.written), size(.free.unwrap_or(0)),
    if .free.is_some() { "is" } else { "may be" }, size(*.previous)
)]
pub struct DiskFull {
    /// The output folder.
    pub output: PathBuf,
    /// Bytes of the new build written before the disk filled.
    pub written: u64,
    /// Bytes free on that disk now, where the system says.
    pub free: Option<u64>,
    /// Bytes of the previous build.
    pub previous: u64,
}

impl Staging {
    /// What to tell the editor when [`Staging::disk_full`] is true.
    pub fn disk_full_report(&self, output: &Path) -> DiskFull {
        DiskFull {
            output: output.to_path_buf(),
            written: bytes_under(self.dir()),
            free: free_space(self.dir()),
            previous: bytes_under(output),
        }
    }
}

fn bytes_under(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Sizes in the decimal units file managers show.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000_000 => format!("{:.0} KB", b as f64 / 1e3),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

#[cfg(unix)]
fn free_space(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `path` is NUL-terminated and `stats` is written in full when the call succeeds.
    let status = unsafe { libc::statvfs(path.as_ptr(), stats.as_mut_ptr()) };
    (status == 0).then(|| {
        // SAFETY: the call succeeded, so every field is set.
        let stats = unsafe { stats.assume_init() };
        // Both fields are narrower than 64 bits on some platforms.
        #[allow(clippy::unnecessary_cast)]
        let free = stats.f_bavail as u64 * stats.f_frsize as u64;
        free
    })
}

#[cfg(not(unix))]
fn free_space(_: &Path) -> Option<u64> {
    None
}
