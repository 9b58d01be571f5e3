//! The write stage's file system side: a fresh staging folder beside the output, swapped
//! in only when every page was written, so a failed build leaves the old site untouched.

mod disk;
mod guard;
mod host_limits;
mod swap;
mod tally;

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use rustc_hash::FxHashSet;

pub use disk::DiskFull;
pub use guard::{check_output, OutputRefused, MARKER, MARKER_TEXT};
pub use host_limits::{HostLimits, Written, MAX_BYTES_VAR, MAX_FILES_VAR};
pub use swap::finish_interrupted_swap;

/// A folder being filled with a new build of the site.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// Folders already made inside `dir`: most files go into a folder an earlier file
    /// made (a report's JSON beside its page, a list's data files reopened per chunk), and
    /// asking the kernel again costs two system calls that walk the whole path.
    made: Mutex<FxHashSet<PathBuf>>,
    /// The first write that failed: one full disk is one problem, not one per file, and
    /// once the disk is full no further write is tried.
    failed: OnceLock<WriteFailure>,
    /// What has been written, for the build's summary and the hosts' limits.
    tally: tally::Tally,
}

impl Staging {
    /// Creates an empty staging folder beside `target`.
    pub fn create(target: &Path) -> io::Result<Staging> {
        let dir = swap::sibling(target, "new")?;
        swap::remove_tree(&dir).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot remove {}, left by an earlier build: {e}; remove it by hand",
                    dir.display()
                ),
            )
        })?;
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
            made: Mutex::default(),
            failed: OnceLock::new(),
            tally: tally::Tally::default(),
        })
    }

    /// The staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `contents` to `relative` inside the staging folder, creating folders.
    ///
    /// Refuses any path that could leave the folder (`..`, absolute paths).
    pub fn write(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
        self.noting_failure(relative, || {
            std::fs::write(self.prepare(relative)?, contents)?;
            self.tally.wrote(contents.len());
            Ok(())
        })
    }

    /// Copies the file `source` to `relative` inside the staging folder, creating folders;
    /// it may replace a file already written there. Returns the bytes copied.
    pub fn copy_in(&self, source: &Path, relative: &str) -> io::Result<u64> {
        self.noting_failure(relative, || {
            let target = self.prepare(relative)?;
            let replaced = std::fs::metadata(&target).ok().map(|m| m.len());
            let copied = std::fs::copy(source, &target)?;
            self.tally.replaced(copied, replaced);
            Ok(copied)
        })
    }

    /// How many files and bytes the build has written so far.
    pub fn written(&self) -> Written {
        self.tally.totals()
    }

    /// Runs one write of `relative`, remembering the first failure; after a full disk,
    /// fails at once.
    fn noting_failure<T>(
        &self,
        relative: &str,
        write: impl FnOnce() -> io::Result<T>,
    ) -> io::Result<T> {
        if self.disk_full() {
            return Err(io::ErrorKind::StorageFull.into());
        }
        write().inspect_err(|e| self.write_failed(relative, e))
    }

    /// Whether a write ran out of disk space (or quota): then the build's problem is that.
    pub fn disk_full(&self) -> bool {
        self.failed.get().is_some_and(|f| {
            matches!(
                f.kind,
                io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
            )
        })
    }

    /// The first write that failed, if one did: a problem of the output, not of content,
    /// so it is said once, with the file, instead of as a problem of every page.
    pub fn first_failure(&self) -> Option<WriteFailure> {
        self.failed.get().cloned()
    }

    /// The path of `relative` inside the staging folder, with its folders made. Nothing
    /// else removes folders from a staging folder, so one made stays made.
    fn prepare(&self, relative: &str) -> io::Result<PathBuf> {
        let path = inside(&self.dir, relative)?;
        if let Some(parent) = path.parent() {
            if !self.made().contains(parent) {
                std::fs::create_dir_all(parent)?;
                self.made().insert(parent.to_path_buf());
            }
        }
        Ok(path)
    }

    fn made(&self) -> std::sync::MutexGuard<'_, FxHashSet<PathBuf>> {
        // A panic elsewhere while holding the lock leaves the set as sound as before.
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The absolute path of `relative` inside the staging folder, if it stays inside.
    pub fn inside(&self, relative: &str) -> io::Result<PathBuf> {
        inside(&self.dir, relative)
    }

    /// Replaces the target folder with the staging folder, then removes the previous
    /// build. Returns a note for the editor when that removal failed: the new site is in
    /// place all the same.
    pub fn commit(mut self) -> io::Result<Option<String>> {
        let previous = swap::swap_in(&self.dir, &self.target)?;
        self.committed = true;
        let Some(previous) = previous else {
            return Ok(None);
        };
        Ok(swap::remove_tree(&previous).err().map(|e| {
            format!(
                "the site was built, but the previous build, moved aside to {}, could not be \
                 removed ({e}); remove that folder by hand",
                previous.display()
            )
        }))
    }
}

/// A file of the output that could not be written, and why: a problem of the disk or
/// its permissions, which the build reports once as `BuildFailure::Output`
/// with the file and the system's error, never as a problem of the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteFailure {
    /// The file, relative to the output folder.
    pub file: String,
    /// What kind of failure the system gave.
    pub kind: io::ErrorKind,
    /// The system's words for it.
    pub message: String,
}

impl WriteFailure {
    /// The system's error again, for a failure that carries it on.
    pub fn io_error(&self) -> io::Error {
        io::Error::new(self.kind, self.message.clone())
    }
}

/// Where rendered pages go: a staging folder for a build, or the live output folder when the
/// dev server updates a few pages in place.
pub trait PageSink: Sync {
    /// Writes one file, `relative` to the folder.
    fn write_page(&self, relative: &str, contents: &[u8]) -> io::Result<()>;

    /// Opens one file, `relative` to the folder, for a caller that writes it piece by
    /// piece rather than hold it whole in memory: emptied first, or with `append` added to.
    fn open_file(&self, relative: &str, append: bool) -> io::Result<std::fs::File>;

    /// Told of a write to `relative`, a file from [`PageSink::open_file`], that failed, so
    /// that a full disk is seen however the file was written.
    fn write_failed(&self, _relative: &str, _error: &io::Error) {}
}

impl PageSink for Staging {
    fn write_page(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
        self.write(relative, contents)
    }

    fn open_file(&self, relative: &str, append: bool) -> io::Result<std::fs::File> {
        self.noting_failure(relative, || {
            let path = self.prepare(relative)?;
            let file = open_file(path.clone(), append)?;
            self.tally.opened(path);
            Ok(file)
        })
    }

    fn write_failed(&self, relative: &str, error: &io::Error) {
        note_failure(&self.failed, relative, error);
    }
}

/// The output folder itself, written in place: only the dev server does this, between
/// full builds, where a half-updated site for a moment is harmless.
#[derive(Debug)]
pub struct InPlace {
    /// The output folder.
    pub dir: PathBuf,
    failed: OnceLock<WriteFailure>,
}

impl InPlace {
    /// Writes into the folder `dir`.
    pub fn new(dir: PathBuf) -> InPlace {
        InPlace {
            dir,
            failed: OnceLock::new(),
        }
    }

    /// The first write that failed, if one did: like [`Staging::first_failure`].
    pub fn first_failure(&self) -> Option<WriteFailure> {
        self.failed.get().cloned()
    }
}

impl PageSink for InPlace {
    fn write_page(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
        write_inside(&self.dir, relative, contents).inspect_err(|e| self.write_failed(relative, e))
    }

    fn open_file(&self, relative: &str, append: bool) -> io::Result<std::fs::File> {
        open_inside(&self.dir, relative, append).inspect_err(|e| self.write_failed(relative, e))
    }

    fn write_failed(&self, relative: &str, error: &io::Error) {
        note_failure(&self.failed, relative, error);
    }
}

/// Keeps the first failed write in `failed`; a path refused for leaving the folder is
/// the content's problem, said as such, not the output's.
fn note_failure(failed: &OnceLock<WriteFailure>, relative: &str, error: &io::Error) {
    if error.kind() == io::ErrorKind::InvalidInput {
        return;
    }
    let _ = failed.set(WriteFailure {
        file: relative.to_string(),
        kind: error.kind(),
        message: error.to_string(),
    });
}

fn write_inside(dir: &Path, relative: &str, contents: &[u8]) -> io::Result<()> {
    let path = prepare(dir, relative)?;
    std::fs::write(&path, contents)
}

fn open_inside(dir: &Path, relative: &str, append: bool) -> io::Result<std::fs::File> {
    open_file(prepare(dir, relative)?, append)
}

/// Opens `path` emptied, or with `append` to add to it.
fn open_file(path: PathBuf, append: bool) -> io::Result<std::fs::File> {
    if append {
        std::fs::OpenOptions::new().append(true).open(path)
    } else {
        std::fs::File::create(path)
    }
}

/// The path of `relative` inside `dir`, with its folders created.
fn prepare(dir: &Path, relative: &str) -> io::Result<PathBuf> {
    let path = inside(dir, relative)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    Ok(path)
}

/// `dir/relative`, refusing any `relative` that could leave `dir`.
pub fn inside(dir: &Path, relative: &str) -> io::Result<PathBuf> {
    let relative = Path::new(relative);
    let escapes = relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)));
    if escapes || relative.as_os_str().is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "refusing to write outside the output folder: {}",
                relative.display()
            ),
        ));
    }
    Ok(dir.join(relative))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = swap::remove_tree(&self.dir);
        }
    }
}

/// Writes `(name, contents)` files into `sink` in parallel; returns their names, or every
/// failure, each saying `what` could not be written.
pub fn write_all<T: AsRef<[u8]> + Sync>(
    sink: &dyn PageSink,
    files: Vec<(String, T)>,
    what: &str,
) -> Result<Vec<String>, Vec<crate::diagnostics::Diagnostic>> {
    use rayon::prelude::*;
    let problems: Vec<crate::diagnostics::Diagnostic> = files
        .par_iter()
        .filter_map(|(name, contents)| {
            sink.write_page(name, contents.as_ref()).err().map(|e| {
                crate::diagnostics::Diagnostic::file_error(Path::new(name), format!("{what}: {e}"))
            })
        })
        .collect();
    if problems.is_empty() {
        Ok(files.into_iter().map(|(name, _)| name).collect())
    } else {
        Err(problems)
    }
}

/// Deletes the files under the output's `folder` that an update did not write: a new
/// report can change how the search index is split into files.
pub fn remove_unwritten(output: &Path, folder: &str, written: &[String]) {
    let written: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
    for entry in walkdir::WalkDir::new(output.join(folder))
        .into_iter()
        .flatten()
        .filter(|entry| entry.file_type().is_file())
    {
        let Ok(relative) = entry.path().strip_prefix(output) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        if !written.contains(name.as_str()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::create(&tmp.path().join("public")).unwrap();
        assert!(staging.write("../x", b"no").is_err());
        assert!(staging.write("/etc/x", b"no").is_err());
        assert!(staging.write("a/b/index.html", b"yes").is_ok());
    }

    #[test]
    fn the_first_failed_write_is_kept_with_its_file() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::create(&tmp.path().join("public")).unwrap();
        staging.write("a", b"a file").unwrap();
        assert!(staging.write("a/b/index.html", b"x").is_err());
        assert!(staging.write("a/c", b"x").is_err());
        let failure = staging.first_failure().expect("a failure is kept");
        assert_eq!(failure.file, "a/b/index.html");
        assert!(!staging.disk_full());
    }

    #[test]
    fn commit_replaces_and_drop_discards() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("old.html"), "old").unwrap();
        {
            let staging = Staging::create(&target).unwrap();
            staging.write("new.html", b"new").unwrap();
        }
        assert!(
            target.join("old.html").exists(),
            "an uncommitted build changes nothing"
        );
        let staging = Staging::create(&target).unwrap();
        staging.write("new.html", b"new").unwrap();
        staging.commit().unwrap();
        assert!(target.join("new.html").exists());
        assert!(!target.join("old.html").exists());
    }
}
