//! When each translation last changed, to tell one older than its report's last revision:
//! the day of the last commit that touched it when the site is in a git work tree, today
//! when it has changes not yet committed, and else its file's modification time. Git is
//! asked twice for the whole site, never once per file, and a missing or failing git only
//! means falling back to modification times: it never fails the build.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use rustc_hash::{FxHashMap, FxHashSet};

/// The day each of `paths` (relative to `root`) last changed, where it can be told.
pub(super) fn last_changed(root: &Path, paths: &[&Path]) -> FxHashMap<PathBuf, Date> {
    let mut dates = FxHashMap::default();
    if paths.is_empty() {
        return dates;
    }
    let wanted: FxHashSet<&Path> = paths.iter().copied().collect();
    if let Some(committed) = git_dates(root, &wanted) {
        dates = committed;
    }
    for path in paths {
        if dates.contains_key(*path) {
            continue;
        }
        if let Some(date) = modified(&root.join(path)) {
            dates.insert(path.to_path_buf(), date);
        }
    }
    dates
}

/// The dates git gives: the last commit touching each wanted file, or today for one with
/// uncommitted changes. `None` when git is missing or the root is in no work tree.
fn git_dates(root: &Path, wanted: &FxHashSet<&Path>) -> Option<FxHashMap<PathBuf, Date>> {
    // `%x01` marks a commit's line apart from the file names below it; `--relative` gives
    // the names relative to the root even when the repository starts above it.
    let log = git(
        root,
        &[
            "log",
            "--format=%x01%cs",
            "--name-only",
            "--relative",
            "--",
            "content/incidents",
        ],
    )?;
    let mut dates = FxHashMap::default();
    let mut commit_date = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\u{1}') {
            commit_date = date.trim().parse::<Date>().ok();
        } else if let Some(date) = commit_date {
            let path = Path::new(line);
            // Newest commits come first: the first date seen is the last change.
            if wanted.contains(path) && !dates.contains_key(path) {
                dates.insert(path.to_path_buf(), date);
            }
        }
    }
    let status = git(
        root,
        &[
            "status",
            "--porcelain",
            "-z",
            "--untracked-files=all",
            "--",
            "content/incidents",
        ],
    )?;
    let today = TimeZone::UTC.to_datetime(jiff::Timestamp::now()).date();
    // Porcelain paths are relative to the repository's top, which may be above the root.
    // `get`, not indexing: a rename's second entry is a bare path, maybe not cut at a
    // character's boundary.
    for changed in status.split('\0').filter_map(|e| e.get(3..)) {
        let changed = Path::new(changed);
        for path in wanted.iter().filter(|p| changed.ends_with(p)) {
            dates.insert(path.to_path_buf(), today);
        }
    }
    Some(dates)
}

/// What `git ARGS` prints in `root`, or `None` if it cannot run or fails.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8(output.stdout).ok()
}

/// The day (UTC) a file was last modified.
fn modified(path: &Path) -> Option<Date> {
    let time = std::fs::metadata(path).ok()?.modified().ok()?;
    let timestamp = jiff::Timestamp::try_from(time).ok()?;
    Some(TimeZone::UTC.to_datetime(timestamp).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_git_the_modification_time_tells() {
        let dir = tempfile::tempdir().unwrap();
        let path = Path::new("content/incidents/x.fr.md");
        std::fs::create_dir_all(dir.path().join("content/incidents")).unwrap();
        let file = std::fs::File::create(dir.path().join(path)).unwrap();
        let day = std::time::UNIX_EPOCH + std::time::Duration::from_secs(86_400 * 365);
        file.set_modified(day).unwrap();
        let dates = last_changed(dir.path(), &[path]);
        assert_eq!(dates[path], jiff::civil::date(1971, 1, 1));
    }

    /// `git ARGS` in `dir`, committing as a fixed person on 2025-07-02.
    fn run_git(dir: &Path, args: &[&str]) -> bool {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .env("GIT_COMMITTER_DATE", "2025-07-02T12:00:00Z")
            .env("GIT_AUTHOR_DATE", "2025-07-02T12:00:00Z")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    #[test]
    fn in_git_the_last_commit_tells_and_uncommitted_changes_are_today() {
        let repo = tempfile::tempdir().unwrap();
        if !run_git(repo.path(), &["init", "-q"]) {
            return; // no git here: the fallback is tested above
        }
        // The site in a folder of the repository, as a monorepo would hold it.
        let root = repo.path().join("site");
        let (committed, edited) = (
            Path::new("content/incidents/a.fr.md"),
            Path::new("content/incidents/b.fr.md"),
        );
        std::fs::create_dir_all(root.join("content/incidents")).unwrap();
        for path in [committed, edited] {
            std::fs::write(root.join(path), "---\ntitle: x\n---\n").unwrap();
        }
        assert!(run_git(repo.path(), &["add", "."]));
        assert!(run_git(repo.path(), &["commit", "-q", "-m", "Reports"]));
        std::fs::write(root.join(edited), "---\ntitle: y\n---\n").unwrap();
        let dates = last_changed(&root, &[committed, edited]);
        assert_eq!(dates[committed], jiff::civil::date(2025, 7, 2));
        let today = TimeZone::UTC.to_datetime(jiff::Timestamp::now()).date();
        assert_eq!(dates[edited], today);
    }
}
