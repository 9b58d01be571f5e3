//! What the site's history tells of its report files: the day each report was first
//! committed (when it was added, for `changes.csv`), and the day each translation last
//! changed, to tell one older than its report's last revision.
//!
//! A translation's day is that of the last commit that touched it when the site is in a
//! git work tree, today when it has changes not yet committed, and else its file's
//! modification time. A report's first commit is followed through renames; outside git,
//! in the first commit of a shallow clone (which holds every file at once) or for a file
//! never committed it is unknown. Git is asked at most three times per load, each time
//! for the whole site and never once per file, and a missing or failing git only means
//! falling back: it never fails the build.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use rustc_hash::{FxHashMap, FxHashSet};

/// The site's history, read from git the first time something asks and then kept for the
/// rest of the load.
pub(super) struct History<'a> {
    root: &'a Path,
    log: OnceCell<Option<GitLog>>,
}

/// What one `git log` of the reports folder gives, by each file's path today.
#[derive(Debug, Default)]
struct GitLog {
    /// The day of the newest commit that touched each file.
    last: FxHashMap<PathBuf, Date>,
    /// The day of the commit that added each file, under whatever name it had then.
    first: FxHashMap<PathBuf, Date>,
}

impl<'a> History<'a> {
    /// The history of the site at `root`, not read yet.
    pub(super) fn of(root: &'a Path) -> History<'a> {
        History {
            root,
            log: OnceCell::new(),
        }
    }

    fn log(&self) -> Option<&GitLog> {
        self.log.get_or_init(|| git_log(self.root)).as_ref()
    }

    /// The day the file at `path` (relative to the root) was first committed, when git
    /// can tell.
    pub(super) fn first_committed(&self, path: &Path) -> Option<Date> {
        self.log()?.first.get(path).copied()
    }

    /// The day each of `paths` (relative to the root) last changed, where it can be told.
    pub(super) fn last_changed(&self, paths: &[&Path]) -> FxHashMap<PathBuf, Date> {
        let mut dates = FxHashMap::default();
        if paths.is_empty() {
            return dates;
        }
        let wanted: FxHashSet<&Path> = paths.iter().copied().collect();
        if let Some(committed) = self.git_dates(&wanted) {
            dates = committed;
        }
        for path in paths {
            if dates.contains_key(*path) {
                continue;
            }
            if let Some(date) = modified(&self.root.join(path)) {
                dates.insert(path.to_path_buf(), date);
            }
        }
        dates
    }

    /// The dates git gives: the last commit touching each wanted file, or today for one
    /// with uncommitted changes. `None` when git is missing or the root is in no work
    /// tree.
    fn git_dates(&self, wanted: &FxHashSet<&Path>) -> Option<FxHashMap<PathBuf, Date>> {
        let log = self.log()?;
        let mut dates: FxHashMap<PathBuf, Date> = wanted
            .iter()
            .filter_map(|&path| Some((path.to_path_buf(), *log.last.get(path)?)))
            .collect();
        let status = git(
            self.root,
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
        // Porcelain paths are relative to the repository's top, which may be above the
        // root. `get`, not indexing: a rename's second entry is a bare path, maybe not cut
        // at a character's boundary.
        for changed in status.split('\0').filter_map(|e| e.get(3..)) {
            let changed = Path::new(changed);
            for path in wanted.iter().filter(|p| changed.ends_with(p)) {
                dates.insert(path.to_path_buf(), today);
            }
        }
        Some(dates)
    }
}

/// Reads the history of the reports folder in one `git log`; `None` when git is missing
/// or the root is in no work tree.
fn git_log(root: &Path) -> Option<GitLog> {
    // `%x01` marks a commit's line apart from the files below it, with the commit's day
    // and parents; `--relative` gives the names relative to the root even when the
    // repository starts above it; `-M` shows a renamed report as renamed, not as a file
    // deleted and another added.
    let text = git(
        root,
        &[
            "log",
            "--format=%x01%cs %P",
            "--name-status",
            "-M",
            "--relative",
            "--",
            "content/incidents",
        ],
    )?;
    let (mut log, from_roots) = parse_log(&text);
    // A shallow clone's oldest commit has no parents and adds every file it holds: its
    // day says when the clone was cut, not when the reports were added.
    if !from_roots.is_empty() && is_shallow(root) {
        log.first.retain(|path, _| !from_roots.contains(path));
    }
    Some(log)
}

/// Reads `git log --name-status` output, newest commit first; returns the dates by each
/// file's path today, and the files whose addition was in a commit without parents.
fn parse_log(text: &str) -> (GitLog, FxHashSet<PathBuf>) {
    let mut log = GitLog::default();
    let mut from_roots = FxHashSet::default();
    // The name a file has today, by a name it had before a rename met further down.
    let mut renamed: FxHashMap<PathBuf, PathBuf> = FxHashMap::default();
    let mut commit: Option<(Date, bool)> = None;
    for line in text.lines() {
        if let Some(head) = line.strip_prefix('\u{1}') {
            let mut words = head.split_whitespace();
            let day = words.next().and_then(|d| d.parse::<Date>().ok());
            let is_root = words.next().is_none();
            commit = day.map(|day| (day, is_root));
            continue;
        }
        let (Some((day, is_root)), Some((status, names))) = (commit, line.split_once('\t')) else {
            continue;
        };
        let (before, name) = match names.split_once('\t') {
            Some((old, new)) => (Some(old), new),
            None => (None, names),
        };
        let today = renamed
            .get(Path::new(name))
            .cloned()
            .unwrap_or_else(|| PathBuf::from(name));
        // Newest commits come first: the first day met is the last change, and each
        // addition met further down is older than the one before.
        log.last.entry(today.clone()).or_insert(day);
        match (status.as_bytes().first(), before) {
            (Some(b'R'), Some(old)) => {
                renamed.insert(PathBuf::from(old), today);
            }
            (Some(b'A' | b'C'), _) => {
                if is_root {
                    from_roots.insert(today.clone());
                } else {
                    from_roots.remove(&today);
                }
                log.first.insert(today, day);
            }
            _ => {}
        }
    }
    (log, from_roots)
}

/// Whether the repository holding `root` is a shallow clone (as a CI checkout often is).
fn is_shallow(root: &Path) -> bool {
    git(root, &["rev-parse", "--is-shallow-repository"]).is_some_and(|out| out.trim() == "true")
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
mod tests;
