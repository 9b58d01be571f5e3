use super::*;

#[test]
fn outside_git_the_modification_time_tells() {
    let dir = tempfile::tempdir().unwrap();
    let path = Path::new("content/incidents/x.fr.md");
    std::fs::create_dir_all(dir.path().join("content/incidents")).unwrap();
    let file = std::fs::File::create(dir.path().join(path)).unwrap();
    let day = std::time::UNIX_EPOCH + std::time::Duration::from_secs(86_400 * 365);
    file.set_modified(day).unwrap();
    let history = History::of(dir.path());
    let dates = history.last_changed(&[path]);
    assert_eq!(dates[path], jiff::civil::date(1971, 1, 1));
    assert_eq!(history.first_committed(path), None);
}

/// `git ARGS` in `dir`, committing as a fixed person on `day` (YYYY-MM-DD).
fn run_git_on(dir: &Path, day: &str, args: &[&str]) -> bool {
    let when = format!("{day}T12:00:00Z");
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_COMMITTER_DATE", &when)
        .env("GIT_AUTHOR_DATE", &when)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run_git(dir: &Path, args: &[&str]) -> bool {
    run_git_on(dir, "2025-07-02", args)
}

/// Writes `text` into the file at `path` under `root`, with its folders.
fn write(root: &Path, path: &str, text: &str) {
    let file = root.join(path);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
}

/// Commits everything under `repo` on `day`.
fn commit_all(repo: &Path, day: &str) {
    assert!(run_git_on(repo, day, &["add", "-A", "."]));
    assert!(run_git_on(repo, day, &["commit", "-q", "-m", day]));
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
    let dates = History::of(&root).last_changed(&[committed, edited]);
    assert_eq!(dates[committed], jiff::civil::date(2025, 7, 2));
    let today = TimeZone::UTC.to_datetime(jiff::Timestamp::now()).date();
    assert_eq!(dates[edited], today);
}

#[test]
fn a_report_was_added_by_its_first_commit_whatever_its_name_then() {
    let repo = tempfile::tempdir().unwrap();
    if !run_git(repo.path(), &["init", "-q"]) {
        return;
    }
    let root = repo.path();
    write(root, "content/incidents/old-name.md", "first\n");
    write(root, "README.md", "outside the reports\n");
    commit_all(root, "2025-01-10");
    write(root, "content/incidents/old-name.md", "first, edited\n");
    write(root, "content/incidents/later.md", "second\n");
    commit_all(root, "2025-02-20");
    std::fs::create_dir_all(root.join("content/incidents/2025")).unwrap();
    assert!(run_git_on(
        root,
        "2025-03-30",
        &[
            "mv",
            "content/incidents/old-name.md",
            "content/incidents/2025/new-name.md"
        ]
    ));
    commit_all(root, "2025-03-30");
    write(root, "content/incidents/never-committed.md", "third\n");
    let history = History::of(root);
    let day = |path: &str| history.first_committed(Path::new(path));
    assert_eq!(
        day("content/incidents/2025/new-name.md"),
        Some(jiff::civil::date(2025, 1, 10))
    );
    assert_eq!(
        day("content/incidents/later.md"),
        Some(jiff::civil::date(2025, 2, 20))
    );
    assert_eq!(day("content/incidents/never-committed.md"), None);
    assert_eq!(
        day("content/incidents/old-name.md"),
        None,
        "no file has that name today"
    );
}

#[test]
fn a_shallow_clone_does_not_date_every_report_by_its_one_commit() {
    let origin = tempfile::tempdir().unwrap();
    if !run_git(origin.path(), &["init", "-q"]) {
        return;
    }
    write(origin.path(), "content/incidents/a.md", "a\n");
    commit_all(origin.path(), "2025-01-10");
    write(origin.path(), "content/incidents/b.md", "b\n");
    commit_all(origin.path(), "2025-02-20");
    write(origin.path(), "content/incidents/c.md", "c\n");
    commit_all(origin.path(), "2025-03-30");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.path().display());
    let target = clone.path().join("site");
    let target_name = target.to_string_lossy().into_owned();
    if !run_git(
        clone.path(),
        &["clone", "-q", "--depth", "2", &url, &target_name],
    ) {
        return; // a git that cannot clone shallow: nothing to test
    }
    let history = History::of(&target);
    let day = |path: &str| history.first_committed(Path::new(path));
    assert_eq!(
        day("content/incidents/c.md"),
        Some(jiff::civil::date(2025, 3, 30))
    );
    assert_eq!(
        day("content/incidents/a.md"),
        None,
        "added before the clone's history"
    );
    assert_eq!(
        day("content/incidents/b.md"),
        None,
        "the clone's first commit adds b with a"
    );
}

#[test]
fn the_log_is_read_newest_first_through_renames() {
    let text = "\u{1}2025-03-30 abc\n\nR100\tcontent/incidents/x.md\tcontent/incidents/y.md\n\
                \u{1}2025-02-20 def\n\nM\tcontent/incidents/x.md\nA\tcontent/incidents/z.md\n\
                \u{1}2025-01-10 \n\nA\tcontent/incidents/x.md\n";
    let (log, from_roots) = parse_log(text);
    let y = Path::new("content/incidents/y.md");
    let z = Path::new("content/incidents/z.md");
    assert_eq!(log.last[y], jiff::civil::date(2025, 3, 30));
    assert_eq!(log.first[y], jiff::civil::date(2025, 1, 10));
    assert_eq!(log.first[z], jiff::civil::date(2025, 2, 20));
    assert!(from_roots.contains(y) && !from_roots.contains(z));
    assert!(!log.first.contains_key(Path::new("content/incidents/x.md")));
}
