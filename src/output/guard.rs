//! What a build may replace. A build swaps its output folder out whole, so before it
//! starts it makes sure that folder is one incidex made (or an empty or missing one), and
//! never the site, its sources, a folder holding them or whatever a link points at.

use std::path::{Component, Path, PathBuf};

/// The file every output holds, so a later build knows the folder is its own to replace.
pub const MARKER: &str = ".incidex-output";

/// What [`MARKER`] says to whoever opens it.
pub const MARKER_TEXT: &str =
    "This folder was written by `incidex build`; the next build replaces it whole.\n";

/// The site's source folders, which no output may be, hold or sit in.
const SOURCE_FOLDERS: [&str; 3] = ["content", "static", "templates"];

/// Why a build will not write to the output it was given: exit status 2.
#[derive(Debug, Clone, thiserror::Error)]
#[error("refusing to write the site to '{}': {why}\n  help: {help}", .output.display())]
pub struct OutputRefused {
    /// The output folder, as given.
    pub output: PathBuf,
    /// What is wrong with it.
    pub why: String,
    /// What would be right.
    pub help: String,
}

/// Checks that `output` is a folder a build of the site at `root` may replace.
pub fn check_output(root: &Path, output: &Path) -> Result<(), OutputRefused> {
    let refuse = |why: String, help: &str| OutputRefused {
        output: output.to_path_buf(),
        why,
        help: help.to_string(),
    };
    let own_folder = "use the default (public/ in the site folder) or a new folder of its own";
    if let Ok(meta) = std::fs::symlink_metadata(output) {
        if meta.file_type().is_symlink() {
            let target = std::fs::read_link(output).unwrap_or_default();
            return Err(refuse(
                format!(
                    "it is a symbolic link (to '{}'); a build replaces its output folder \
                     whole and will not empty what a link points at",
                    target.display()
                ),
                "pass the folder itself as --output, or remove the link",
            ));
        }
        if !meta.is_dir() {
            return Err(refuse(
                "it is a file, not a folder".to_string(),
                "pass a folder (a missing one is made), or move the file away",
            ));
        }
    }
    let site = real_path(root).map_err(|e| refuse(format!("cannot resolve the site: {e}"), ""))?;
    let target = real_path(output).map_err(|e| refuse(format!("cannot resolve it: {e}"), ""))?;
    if target == site {
        return Err(refuse(
            "it is the site folder itself; the build would delete site.yaml and every report"
                .to_string(),
            own_folder,
        ));
    }
    if site.starts_with(&target) {
        return Err(refuse(
            format!(
                "it holds the site folder ({}); the build would delete the site",
                site.display()
            ),
            own_folder,
        ));
    }
    for name in SOURCE_FOLDERS {
        let Ok(source) = real_path(&root.join(name)) else {
            continue;
        };
        let relation = if target == source {
            "it is"
        } else if target.starts_with(&source) {
            "it is inside"
        } else if source.starts_with(&target) {
            "it holds"
        } else {
            continue;
        };
        return Err(refuse(
            format!("{relation} the site's {name}/ folder, which the build would delete"),
            own_folder,
        ));
    }
    if !is_replaceable(&target) {
        return Err(refuse(
            format!(
                "the folder is not empty and no build of incidex wrote it (it has no {MARKER} \
                 file); a build replaces its output folder whole"
            ),
            "choose a new or empty folder, or empty this one yourself if nothing in it is needed",
        ));
    }
    Ok(())
}

/// Missing, empty, marked as an output, or written by an incidex from before the marker.
fn is_replaceable(folder: &Path) -> bool {
    let mut entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => return e.kind() == std::io::ErrorKind::NotFound,
    };
    if entries.next().is_none() || folder.join(MARKER).is_file() {
        return true;
    }
    // Outputs written before the marker existed: these three together are incidex's.
    [".nojekyll", "data/incidents.json", "search"]
        .iter()
        .all(|name| folder.join(name).exists())
}

/// The absolute path with every link and `..` resolved, for a path that may not exist
/// yet: each existing part is resolved as the walk reaches it, so a `..` after a link
/// climbs from where the link leads, as the file system would.
fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    let mut real = PathBuf::new();
    for component in std::path::absolute(path)?.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => {
                real.push(name);
                if std::fs::symlink_metadata(&real).is_ok() {
                    real = std::fs::canonicalize(&real)?;
                }
            }
            Component::RootDir | Component::Prefix(_) => real.push(component),
        }
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for folder in SOURCE_FOLDERS {
            std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        }
        std::fs::write(dir.path().join("site.yaml"), "title: T\n").unwrap();
        dir
    }

    #[test]
    fn the_default_output_and_new_folders_are_allowed() {
        let site = site();
        let root = site.path();
        assert!(check_output(root, &root.join("public")).is_ok());
        assert!(check_output(root, &root.join("out/deeper")).is_ok());
        std::fs::create_dir(root.join("empty")).unwrap();
        assert!(check_output(root, &root.join("empty")).is_ok());
    }

    #[test]
    fn the_site_its_sources_and_folders_above_it_are_refused() {
        let site = site();
        let root = site.path();
        for (output, says) in [
            (root.to_path_buf(), "the site folder itself"),
            (root.join("."), "the site folder itself"),
            (root.join("content/.."), "the site folder itself"),
            (root.join(".."), "holds the site folder"),
            (root.join("content"), "it is the site's content/"),
            (root.join("content/incidents"), "inside the site's content/"),
            (root.join("static/new"), "inside the site's static/"),
            (root.join("templates"), "it is the site's templates/"),
        ] {
            let refused = check_output(root, &output).expect_err(&output.display().to_string());
            assert!(
                refused.why.contains(says),
                "{}: {}",
                output.display(),
                refused.why
            );
        }
    }

    #[test]
    fn a_stranger_folder_a_file_and_a_link_are_refused() {
        let site = site();
        let root = site.path();
        let stranger = root.join("notes");
        std::fs::create_dir(&stranger).unwrap();
        std::fs::write(stranger.join("todo.txt"), "keep me").unwrap();
        assert!(check_output(root, &stranger)
            .unwrap_err()
            .why
            .contains("not empty"));
        std::fs::write(stranger.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check_output(root, &stranger).is_ok());

        std::fs::write(root.join("file"), "x").unwrap();
        assert!(check_output(root, &root.join("file"))
            .unwrap_err()
            .why
            .contains("a file"));

        std::os::unix::fs::symlink(&stranger, root.join("public")).unwrap();
        let refused = check_output(root, &root.join("public")).unwrap_err();
        assert!(refused.why.contains("symbolic link"), "{}", refused.why);
    }

    #[test]
    fn real_path_resolves_what_does_not_exist_yet() {
        let site = site();
        let root = std::fs::canonicalize(site.path()).unwrap();
        assert_eq!(real_path(&root.join("a/b/../c")).unwrap(), root.join("a/c"));
        assert_eq!(
            real_path(&root.join("content/../x")).unwrap(),
            root.join("x")
        );
    }
}
