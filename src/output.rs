//! The write stage's file system side: a fresh staging folder beside the output, swapped
//! in only when every page was written, so a failed build leaves the old site untouched.

use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rustc_hash::FxHashSet;

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
}

impl Staging {
    /// Creates an empty staging folder beside `target`.
    pub fn create(target: &Path) -> io::Result<Staging> {
        let dir = sibling(target, "new")?;
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
            made: Mutex::default(),
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
        std::fs::write(self.prepare(relative)?, contents)
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

    /// Replaces the target folder with the staging folder.
    pub fn commit(mut self) -> io::Result<()> {
        let old = sibling(&self.target, "old")?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        let had_target = self.target.exists();
        if had_target {
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_target {
                // Put the previous site back so a failed swap changes nothing.
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.committed = true;
        if had_target {
            remove_dir_parallel(&old)?;
        }
        Ok(())
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
}

impl PageSink for Staging {
    fn write_page(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
        self.write(relative, contents)
    }

    fn open_file(&self, relative: &str, append: bool) -> io::Result<std::fs::File> {
        open_file(self.prepare(relative)?, append)
    }
}

/// The output folder itself, written in place: only the dev server does this, between
/// full builds, where a half-updated site for a moment is harmless.
#[derive(Debug, Clone)]
pub struct InPlace {
    /// The output folder.
    pub dir: PathBuf,
}

impl PageSink for InPlace {
    fn write_page(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
        write_inside(&self.dir, relative, contents)
    }

    fn open_file(&self, relative: &str, append: bool) -> io::Result<std::fs::File> {
        open_inside(&self.dir, relative, append)
    }
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
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes a folder tree using every core: deleting a previous build of thousands of pages
/// one file at a time would otherwise cost as much as rendering them.
fn remove_dir_parallel(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            entries.extend(
                std::fs::read_dir(entry.path())?
                    .filter_map(Result::ok)
                    .map(|e| e.path()),
            );
        } else {
            entries.push(entry.path());
        }
    }
    // The second level is where the thousands of page folders are; the empty first-level
    // folders left behind are removed at the end.
    entries.par_iter().for_each(|path| {
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(path)
        } else {
            std::fs::remove_file(path)
        };
    });
    std::fs::remove_dir_all(dir)
}

/// A hidden folder next to `target`, named after it, for staging or for the old build.
fn sibling(target: &Path, what: &str) -> io::Result<PathBuf> {
    let name = target.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("the output folder '{}' has no name", target.display()),
        )
    })?;
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.incidex-{what}", name.to_string_lossy())))
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
