//! A build replaces its output folder whole, so it must never be pointed at anything but
//! its own output: not the site, its sources, a folder above them, a stranger's folder, a
//! file or a link. Nor may a link in the site carry a file from outside into what is
//! published. Each case runs the real binary on a copy of the minimal fixture.

mod common;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use common::{copy_fixture, files_under};

fn incidex(root: &Path) -> Command {
    let mut command = Command::cargo_bin("incidex").expect("the binary is built");
    command.current_dir(root).env("NO_COLOR", "1");
    command
}

fn build(root: &Path, args: &[&str]) -> Output {
    incidex(root).arg("build").args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the build refused with exit status 2, saying `why`, and returns its message.
fn assert_refused(output: &Output, why: &str) -> String {
    let said = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("refusing to write the site to"), "{said}");
    assert!(said.contains(why), "expected '{why}' in:\n{said}");
    said
}

#[test]
fn an_output_that_is_or_holds_the_site_or_its_sources_is_refused_and_nothing_is_lost() {
    let site = copy_fixture("minimal");
    let root = site.path();
    let before = files_under(root);
    for (output, why) in [
        ("content", "it is the site's content/ folder"),
        (
            "content/incidents",
            "it is inside the site's content/ folder",
        ),
        ("static", "it is the site's static/ folder"),
        ("templates", "it is the site's templates/ folder"),
        (".", "it is the site folder itself"),
        ("..", "it holds the site folder"),
    ] {
        let said = assert_refused(&build(root, &["--output", output]), why);
        assert!(
            said.contains(&format!("'{output}'")),
            "names the folder: {said}"
        );
    }
    let from_elsewhere = build(
        Path::new("/"),
        &[
            "--root",
            &root.display().to_string(),
            "--output",
            &root.display().to_string(),
        ],
    );
    assert_refused(&from_elsewhere, "the site folder itself");
    assert_eq!(
        files_under(root),
        before,
        "a refused build changed the site"
    );
}

#[test]
fn a_folder_incidex_did_not_make_is_refused_until_it_is_empty_or_ours() {
    let site = copy_fixture("minimal");
    let root = site.path();
    let stranger = root.join("notes");
    std::fs::create_dir(&stranger).unwrap();
    std::fs::write(stranger.join("todo.txt"), "keep me").unwrap();
    assert_refused(&build(root, &["--output", "notes"]), "not empty");
    assert_eq!(
        std::fs::read_to_string(stranger.join("todo.txt")).unwrap(),
        "keep me"
    );

    let ours = build(root, &["--output", "out"]);
    assert!(ours.status.success(), "{}", stderr(&ours));
    assert!(
        root.join("out/.incidex-output").is_file(),
        "outputs are marked"
    );
    let again = build(root, &["--output", "out"]);
    assert!(
        again.status.success(),
        "a marked output is rebuilt: {}",
        stderr(&again)
    );
}

#[test]
fn an_output_from_before_the_marker_is_still_rebuilt() {
    let site = copy_fixture("minimal");
    let root = site.path();
    assert!(build(root, &[]).status.success());
    // As such an output was: no marker, and the records in a plain incidents.json.
    std::fs::remove_file(root.join("public/.incidex-output")).unwrap();
    let data = root.join("public/data");
    std::fs::rename(data.join("incidents.json.gz"), data.join("incidents.json")).unwrap();
    let again = build(root, &[]);
    assert!(again.status.success(), "{}", stderr(&again));
}

#[test]
fn an_output_path_that_is_a_file_is_refused_not_moved() {
    let site = copy_fixture("minimal");
    let root = site.path();
    std::fs::write(root.join("public"), "a file").unwrap();
    assert_refused(&build(root, &[]), "it is a file, not a folder");
    assert_eq!(
        std::fs::read_to_string(root.join("public")).unwrap(),
        "a file"
    );
    assert!(!root.join(".public.incidex-old").exists());
}

#[test]
fn a_public_folder_that_is_a_link_is_refused_and_its_target_kept() {
    let site = copy_fixture("minimal");
    let elsewhere = tempfile::tempdir().unwrap();
    let pages = elsewhere.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(pages.join("CNAME"), "monitor.example.org").unwrap();
    std::fs::write(pages.join(".incidex-output"), "").unwrap();
    std::os::unix::fs::symlink(&pages, site.path().join("public")).unwrap();
    let said = assert_refused(&build(site.path(), &[]), "symbolic link");
    assert!(
        said.contains("pass the folder itself as --output"),
        "{said}"
    );
    assert!(
        pages.join("CNAME").is_file(),
        "the link's target was emptied"
    );
    assert!(site.path().join("public").is_symlink());
}

#[test]
fn a_static_link_to_a_file_outside_the_site_is_an_error_and_not_published() {
    let site = copy_fixture("minimal");
    let root = site.path();
    let secrets = tempfile::tempdir().unwrap();
    std::fs::write(secrets.path().join("token"), "CI_TOKEN=hunter2").unwrap();
    std::os::unix::fs::symlink(secrets.path().join("token"), root.join("static/env.txt")).unwrap();
    std::os::unix::fs::symlink(secrets.path(), root.join("static/vault")).unwrap();
    // A link to another file of the site is fine.
    std::os::unix::fs::symlink(
        root.join("static/img/note.txt"),
        root.join("static/note.txt"),
    )
    .unwrap();
    let failed = build(root, &["--message-format", "short"]);
    let said = stderr(&failed);
    assert_eq!(failed.status.code(), Some(1), "{said}");
    for link in ["static/env.txt:1:1", "static/vault:1:1"] {
        assert!(said.contains(link), "{link} not named:\n{said}");
    }
    assert!(said.contains("outside the site folder"), "{said}");
    assert!(!root.join("public").exists());
    let checked = incidex(root).arg("check").output().unwrap();
    assert_eq!(checked.status.code(), Some(1), "check finds it too");

    std::fs::remove_file(root.join("static/env.txt")).unwrap();
    std::fs::remove_file(root.join("static/vault")).unwrap();
    let built = build(root, &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(root.join("public/note.txt").is_file());
}

#[test]
fn a_report_reached_through_a_link_out_of_the_site_is_an_error() {
    let site = copy_fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    let report = std::fs::read(
        site.path()
            .join("content/incidents/2025/2025-07-02-curfew-in-dioila.md"),
    )
    .unwrap();
    std::fs::write(outside.path().join("elsewhere.md"), report).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("elsewhere.md"),
        site.path().join("content/incidents/linked.md"),
    )
    .unwrap();
    let failed = build(site.path(), &["--message-format", "short"]);
    let said = stderr(&failed);
    assert_eq!(failed.status.code(), Some(1), "{said}");
    assert!(said.contains("content/incidents/linked.md:1:1"), "{said}");
}

#[test]
fn static_files_may_not_replace_generated_pages_and_data() {
    let site = copy_fixture("minimal");
    let root = site.path();
    std::fs::create_dir_all(root.join("static/data")).unwrap();
    std::fs::write(root.join("static/index.html"), "<p>mine</p>").unwrap();
    std::fs::write(root.join("static/data/incidents.csv"), "a,b").unwrap();
    std::fs::write(root.join("static/style.css"), "body{}").unwrap();
    std::fs::write(root.join("static/CNAME"), "monitor.example.org").unwrap();
    let failed = build(root, &["--message-format", "short"]);
    let said = stderr(&failed);
    assert_eq!(failed.status.code(), Some(1), "{said}");
    assert!(said.contains("static/index.html:1:1: error: this file would replace index.html"));
    assert!(said.contains("static/data/incidents.csv:1:1"), "{said}");
    assert!(
        !said.contains("static/style.css"),
        "style.css may be replaced: {said}"
    );

    std::fs::remove_file(root.join("static/index.html")).unwrap();
    std::fs::remove_file(root.join("static/data/incidents.csv")).unwrap();
    let built = build(root, &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert_eq!(
        std::fs::read_to_string(root.join("public/style.css")).unwrap(),
        "body{}"
    );
    assert!(root.join("public/CNAME").is_file());
}

#[test]
fn a_swap_stopped_half_way_is_put_right_by_the_next_build() {
    let site = copy_fixture("minimal");
    let root = site.path();
    assert!(build(root, &[]).status.success());
    // What a kill between the two renames of a swap leaves: no public/, the old site aside.
    std::fs::rename(root.join("public"), root.join(".public.incidex-old")).unwrap();
    std::fs::write(
        root.join("content/incidents/broken.md"),
        "---\ntitle: [\n---\n",
    )
    .unwrap();
    let failed = build(root, &[]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        root.join("public/index.html").is_file(),
        "the previous site is back even though this build failed"
    );
    std::fs::remove_file(root.join("content/incidents/broken.md")).unwrap();
    std::fs::rename(root.join("public"), root.join(".public.incidex-old")).unwrap();
    let built = build(root, &[]);
    assert!(built.status.success());
    assert!(
        stderr(&built).contains("note: restored"),
        "{}",
        stderr(&built)
    );
    assert!(!root.join(".public.incidex-old").exists());
}

/// A small disk of its own, where the machine lets this test make one (root, Linux).
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount(bytes: usize) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}

#[test]
fn a_full_disk_is_one_error_naming_the_folder_and_the_room_needed() {
    let Some(disk) = SmallDisk::mount(64 * 1024) else {
        eprintln!("skipped: this machine does not let the test mount a small disk");
        return;
    };
    let site = copy_fixture("minimal");
    let output = disk.0.path().join("public");
    let failed = build(site.path(), &["--output", &output.display().to_string()]);
    let said = stderr(&failed);
    assert_eq!(failed.status.code(), Some(1), "{said}");
    assert_eq!(
        said.matches("error").count(),
        1,
        "one error, not one per file:\n{said}"
    );
    assert!(said.contains("is full"), "{said}");
    assert!(said.contains(&output.display().to_string()), "{said}");
    assert!(said.contains("B is free"), "{said}");
    assert!(!output.exists());
}

/// Runs the binary as an ordinary user (nobody), for the cases root's rights would hide.
fn build_as_nobody(root: &Path) -> Option<Output> {
    let binary = assert_cmd::cargo::cargo_bin("incidex");
    std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(binary)
        .arg("build")
        .current_dir(root)
        .env("NO_COLOR", "1")
        .output()
        .ok()
}

#[test]
fn a_read_only_output_is_replaced_and_later_builds_still_work() {
    use std::os::unix::fs::PermissionsExt;
    let site = copy_fixture("minimal");
    let root = site.path();
    for entry in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        let mode = if entry.file_type().is_dir() {
            0o777
        } else {
            0o666
        };
        let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode));
    }
    match build_as_nobody(root) {
        Some(first) if first.status.success() => {}
        _ => {
            eprintln!("skipped: cannot run the binary as another user here");
            return;
        }
    }
    for entry in walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let mode = if entry.file_type().is_dir() {
            0o555
        } else {
            0o444
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
    for _ in 0..2 {
        let again = build_as_nobody(root).unwrap();
        assert!(again.status.success(), "{}", stderr(&again));
    }
    let leftovers: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("incidex-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Every file under `dir` and their bytes, as a host would count them.
fn walked(dir: &Path) -> (u64, u64) {
    let files = files_under(dir);
    let bytes = files.values().map(|b| b.len() as u64).sum();
    (files.len() as u64, bytes)
}

#[test]
fn the_build_says_what_it_wrote_counted_as_it_wrote_it() {
    let site = copy_fixture("minimal");
    std::fs::create_dir_all(site.path().join("static/docs")).unwrap();
    std::fs::write(site.path().join("static/docs/a.txt"), "eleven byte").unwrap();
    std::fs::write(site.path().join("static/style.css"), "body{}").unwrap();
    let output = build(site.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (files, bytes) = walked(&site.path().join("public"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mb = format!("{:.1} MB", bytes as f64 / 1e6);
    let kb = format!("{:.1} KB", bytes as f64 / 1e3);
    assert!(
        stdout.contains(&format!("({files} files, ")),
        "the summary counts {files} files, every one written and copied: {stdout}"
    );
    assert!(
        stdout.contains(&mb) || stdout.contains(&kb),
        "the summary weighs {bytes} bytes: {stdout}"
    );
}

#[test]
fn a_site_past_a_hosts_limits_is_a_warning_and_under_strict_an_error_that_keeps_the_old_site() {
    let site = copy_fixture("minimal");
    let root = site.path();
    let first = build(root, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        !stderr(&first).contains("Pages refuses"),
        "a small site fits: {}",
        stderr(&first)
    );
    let before = files_under(&root.join("public"));

    let lowered = |strict: bool| {
        let mut command = incidex(root);
        command
            .args(["build", "--message-format", "short"])
            .env("INCIDEX_MAX_BYTES", "1000")
            .env("INCIDEX_MAX_FILES", "3");
        if strict {
            command.arg("--strict");
        }
        command.output().unwrap()
    };

    let warned = lowered(false);
    let said = stderr(&warned);
    assert_eq!(
        warned.status.code(),
        Some(0),
        "a warning fails nothing: {said}"
    );
    assert!(
        said.contains("warning: the site is ")
            && said.contains(", over 1.0 KB: GitHub Pages refuses sites over 1 GB"),
        "{said}"
    );
    assert!(
        said.contains(" files, over 3: GitLab Pages refuses sites of more than 200,000 files"),
        "{said}"
    );
    assert!(
        said.contains("INCIDEX_MAX_BYTES"),
        "the help names the knob: {said}"
    );

    let built = files_under(&root.join("public"));
    let failed = lowered(true);
    let said = stderr(&failed);
    assert_eq!(failed.status.code(), Some(1), "--strict fails: {said}");
    assert!(
        said.contains("GitHub Pages refuses sites over 1 GB"),
        "{said}"
    );
    assert!(said.contains("(--strict fails on warnings)"), "{said}");
    assert_eq!(
        files_under(&root.join("public")),
        built,
        "a build failed under --strict leaves the last site as it was"
    );
    assert_eq!(before.len(), built.len());

    let bad = incidex(root)
        .arg("build")
        .env("INCIDEX_MAX_FILES", "lots")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("INCIDEX_MAX_FILES must be a whole number"),
        "{}",
        stderr(&bad)
    );
}
