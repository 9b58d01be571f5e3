//! The site folder is the edge of what a build reads: a symbolic link inside it may lead
//! to another file of the site, but never out of it, or a link to `/proc/self/environ`
//! or `~/.ssh` would publish the machine's secrets with the site.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::diagnostics::Diagnostic;

/// The site folder, resolved once, against which links are checked.
#[derive(Debug, Clone)]
pub struct SiteBoundary {
    real_root: PathBuf,
}

impl SiteBoundary {
    /// The boundary of the site at `root`.
    pub fn of(root: &Path) -> std::io::Result<SiteBoundary> {
        Ok(SiteBoundary {
            real_root: std::fs::canonicalize(root)?,
        })
    }

    /// Walks `dir` in name order, hidden entries below it left out, following links that
    /// lead inside the site and never entering one that leads out. `visit` gets every other
    /// entry and every error of the walk; the links refused come back at the end, each an
    /// error naming it (relative to `root`). Only entries the walk saw as links are
    /// checked: the rest cost no system call.
    pub fn walk(
        &self,
        dir: &Path,
        root: &Path,
        mut visit: impl FnMut(walkdir::Result<DirEntry>),
    ) -> Vec<Diagnostic> {
        let refused = RefCell::new(Vec::new());
        let walker = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
                if e.depth() > 0 && hidden {
                    return false;
                }
                if !e.path_is_symlink() {
                    return true;
                }
                let shown = e.path().strip_prefix(root).unwrap_or(e.path());
                let problem = self.check_path(e.path(), shown);
                let inside = problem.is_none();
                refused.borrow_mut().extend(problem);
                inside
            });
        walker.for_each(&mut visit);
        refused.into_inner()
    }

    /// `None` when `path` (shown to the editor as `shown`) is no link or leads to a file
    /// inside the site; otherwise the error to report.
    pub fn check_link(&self, path: &Path, shown: &Path) -> Option<Diagnostic> {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        is_link.then(|| self.check_path(path, shown)).flatten()
    }

    /// `None` when `path`, with every link on the way resolved, lies inside the site;
    /// otherwise the error to report. For a file met alone (a save the dev server is
    /// told of), where no walk checked the folders above it.
    pub fn check_path(&self, path: &Path, shown: &Path) -> Option<Diagnostic> {
        let problem = match std::fs::canonicalize(path) {
            Ok(real) if real.starts_with(&self.real_root) => return None,
            Ok(real) => format!(
                "this leads through a symbolic link to '{}', outside the site folder; a \
                 build publishes only what is inside the site",
                real.display()
            ),
            Err(e) => format!(
                "this is a symbolic link to '{}', which cannot be read: {e}",
                std::fs::read_link(path).unwrap_or_default().display()
            ),
        };
        Some(
            Diagnostic::file_error(shown, problem).with_help(
                "copy the file into the site instead of linking to it, or remove the link",
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_inside_the_site_pass_and_links_out_of_it_do_not() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "token").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::write(root.join("logo.svg"), "<svg/>").unwrap();
        std::os::unix::fs::symlink(root.join("logo.svg"), root.join("inside")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), root.join("out")).unwrap();
        std::os::unix::fs::symlink(root.join("gone"), root.join("dangling")).unwrap();
        let boundary = SiteBoundary::of(root).unwrap();
        let check = |name: &str| boundary.check_link(&root.join(name), Path::new(name));
        assert!(check("logo.svg").is_none());
        assert!(check("inside").is_none());
        let out = check("out").expect("a link out of the site is refused");
        assert!(
            out.message.contains("outside the site folder"),
            "{}",
            out.message
        );
        assert!(check("dangling")
            .unwrap()
            .message
            .contains("cannot be read"));
    }
}
