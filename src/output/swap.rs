//! Putting a new build in the old one's place, and clearing away the old one, without a
//! moment where the output folder is missing and without following any link.

use std::io;
use std::path::{Path, PathBuf};

/// A hidden folder next to `target`, named after it: the staging folder (`new`) or a
/// previous build waiting to be removed (`old`).
pub fn sibling(target: &Path, what: &str) -> io::Result<PathBuf> {
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

/// Puts the previous build back when a build was stopped between the two renames of a
/// swap (where the platform has no one-step exchange): `target` missing, its old copy
/// beside it. Returns what was done, for the editor.
pub fn finish_interrupted_swap(target: &Path) -> io::Result<Option<String>> {
    let old = sibling(target, "old")?;
    let is_folder = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
    if std::fs::symlink_metadata(target).is_err() && is_folder(&old) {
        std::fs::rename(&old, target)?;
        return Ok(Some(format!(
            "restored {} from {}, where a build stopped part-way through its swap left it",
            target.display(),
            old.display()
        )));
    }
    Ok(None)
}

/// Replaces `target` with `fresh`, and returns where the previous build now lies (to be
/// removed), if there was one.
pub fn swap_in(fresh: &Path, target: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(target).is_err() {
        std::fs::rename(fresh, target)?;
        return Ok(None);
    }
    if exchange(fresh, target)? {
        return Ok(Some(fresh.to_path_buf()));
    }
    let old = sibling(target, "old")?;
    remove_tree(&old)?;
    std::fs::rename(target, &old)?;
    if let Err(e) = std::fs::rename(fresh, target) {
        // Put the previous site back so a failed swap changes nothing.
        let _ = std::fs::rename(&old, target);
        return Err(e);
    }
    Ok(Some(old))
}

/// Swaps two folders in one step; `false` where the platform or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL byte in a path"))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths that live across the call.
    let status = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Removes a folder tree of incidex's own making, if it is there, using every core:
/// deleting a previous build of thousands of pages one file at a time would cost as much
/// as rendering them. Links inside are removed, never followed. A tree someone made
/// read-only is made writable first: it is a build's, and in the way of the next.
pub fn remove_tree(dir: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
        Ok(meta) if !meta.is_dir() => return std::fs::remove_file(dir),
        Ok(_) => {}
    }
    match remove_parallel(dir) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_writable(dir);
            remove_parallel(dir)
        }
        other => other,
    }
}

fn remove_parallel(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            entries.extend(
                std::fs::read_dir(entry.path())?
                    .filter_map(Result::ok)
                    .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir()))),
            );
        } else {
            entries.push((entry.path(), false));
        }
    }
    // The second level is where the thousands of page folders are; the empty first-level
    // folders left behind are removed at the end.
    entries.par_iter().for_each(|(path, is_dir)| {
        let _ = if *is_dir {
            std::fs::remove_dir_all(path)
        } else {
            std::fs::remove_file(path)
        };
    });
    std::fs::remove_dir_all(dir)
}

/// Gives the owner write access to every folder of the tree, links left alone.
fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_dir() {
            if let Ok(meta) = entry.metadata() {
                let mut permissions = meta.permissions();
                permissions.set_mode(permissions.mode() | 0o700);
                let _ = std::fs::set_permissions(entry.path(), permissions);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_stopped_between_its_renames_is_undone_by_the_next_build() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let old = sibling(&target, "old").unwrap();
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("index.html"), "previous").unwrap();
        let said = finish_interrupted_swap(&target).unwrap().unwrap();
        assert!(said.contains("restored"), "{said}");
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "previous"
        );
        assert!(finish_interrupted_swap(&target).unwrap().is_none());
    }

    #[test]
    fn swapping_keeps_the_old_build_aside_until_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let fresh = sibling(&target, "new").unwrap();
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("a"), "old").unwrap();
        std::fs::create_dir(&fresh).unwrap();
        std::fs::write(fresh.join("a"), "new").unwrap();
        let aside = swap_in(&fresh, &target).unwrap().unwrap();
        assert_eq!(std::fs::read_to_string(target.join("a")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(aside.join("a")).unwrap(), "old");
        remove_tree(&aside).unwrap();
        assert!(!aside.exists());
    }

    #[test]
    fn removing_a_tree_never_follows_its_links() {
        let tmp = tempfile::tempdir().unwrap();
        let precious = tmp.path().join("precious");
        std::fs::create_dir(&precious).unwrap();
        std::fs::write(precious.join("CNAME"), "example.org").unwrap();
        let tree = tmp.path().join("tree");
        std::fs::create_dir_all(tree.join("sub")).unwrap();
        std::os::unix::fs::symlink(&precious, tree.join("link")).unwrap();
        std::os::unix::fs::symlink(&precious, tree.join("sub/link")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert!(precious.join("CNAME").exists());
    }

    #[test]
    fn a_read_only_tree_of_ours_is_still_removed() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let tree = tmp.path().join("tree");
        std::fs::create_dir_all(tree.join("incidents/x")).unwrap();
        std::fs::write(tree.join("incidents/x/index.html"), "x").unwrap();
        for dir in [
            tree.join("incidents/x"),
            tree.join("incidents"),
            tree.clone(),
        ] {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
    }
}
