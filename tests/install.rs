//! What a new user installs and what `init` sets up for publishing: the CI files `init`
//! writes pin the running incidex and publish `public/` on each host; `--version`,
//! `completions` and `man` print what packagers and shells take in.

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use serde_yaml::Value;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Runs incidex in `dir`, expecting success, and returns its standard output.
fn incidex(dir: &Path, args: &[&str]) -> String {
    let output = Command::cargo_bin("incidex")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {stdout}{stderr}");
    stdout
}

/// `init` with `args` in a new temporary folder; returns the folder and the output.
fn init(args: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = incidex(dir.path(), &[&["init", "site"], args].concat());
    (dir, out)
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

#[test]
fn the_github_workflow_pins_the_running_version_and_keys_its_cache_on_it() {
    let (dir, out) = init(&[]);
    let path = dir.path().join("site/.github/workflows/pages.yml");
    let workflow = yaml(&path);
    assert_eq!(workflow["env"]["INCIDEX_VERSION"].as_str(), Some(VERSION));
    let steps = workflow["jobs"]["build"]["steps"].as_sequence().unwrap();
    let cache = steps
        .iter()
        .find(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .expect("a cache step");
    let key = cache["with"]["key"].as_str().unwrap();
    assert!(key.contains("${{ env.INCIDEX_VERSION }}"), "{key}");

    let text = std::fs::read_to_string(&path).unwrap();
    for needle in [
        "releases/download/v$INCIDEX_VERSION/",
        "sha256sum -c",
        "cargo install \"incidex@$INCIDEX_VERSION\" --locked",
        "INCIDEX_REPOSITORY: \"https://",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from\n{text}");
    }
    assert!(
        !text.contains("@VERSION@") && !text.contains("@REPOSITORY@"),
        "placeholders left"
    );
    assert!(
        out.contains(&format!("downloads incidex {VERSION} from")),
        "{out}"
    );
}

/// The strings of a YAML sequence, in order.
fn strings(sequence: &Value) -> Vec<&str> {
    let items = sequence.as_sequence().expect("a sequence");
    items.iter().filter_map(Value::as_str).collect()
}

#[test]
fn the_github_workflow_runs_on_main_or_master_and_by_hand() {
    let (dir, _) = init(&["--host", "github"]);
    let workflow = yaml(&dir.path().join("site/.github/workflows/pages.yml"));
    let on = &workflow["on"];
    let branches = strings(&on["push"]["branches"]);
    assert_eq!(branches, ["main", "master"]);
    assert!(on.get("workflow_dispatch").is_some(), "manual runs");
    let only_default = workflow["jobs"]["build"]["if"].as_str().unwrap();
    assert!(
        only_default.contains("github.event.repository.default_branch"),
        "{only_default}"
    );
}

#[test]
fn init_for_gitlab_writes_a_pages_job_that_publishes_public() {
    let (dir, out) = init(&["--host", "gitlab"]);
    let site = dir.path().join("site");
    assert!(
        !site.join(".github").exists(),
        "no GitHub workflow for GitLab"
    );
    let ci = yaml(&site.join(".gitlab-ci.yml"));
    assert_eq!(ci["variables"]["INCIDEX_VERSION"].as_str(), Some(VERSION));
    let job = &ci["pages"];
    let published = strings(&job["artifacts"]["paths"]);
    assert_eq!(published, ["public"]);
    assert_eq!(
        job["rules"][0]["if"].as_str(),
        Some("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
    );
    assert!(job["cache"]["key"]
        .as_str()
        .unwrap()
        .contains("$INCIDEX_VERSION"));
    let script = serde_yaml::to_string(&job["script"]).unwrap();
    assert!(script.contains("--base-url \"$CI_PAGES_URL/\""), "{script}");

    assert!(out.contains("To publish on GitLab Pages"), "{out}");
    assert!(
        out.contains("INCIDEX_REPOSITORY in .gitlab-ci.yml"),
        "{out}"
    );
    let guide = std::fs::read_to_string(site.join("README.md")).unwrap();
    assert!(
        guide.contains("GitLab Pages") && guide.contains("200,000 files"),
        "{guide}"
    );
    assert!(!guide.contains("@PUBLISHING@") && !guide.contains("@VERSION@"));
}

#[test]
fn bash_completions_are_a_script_bash_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let script = incidex(dir.path(), &["completions", "bash"]);
    assert!(script.contains("incidex"), "{script}");
    let path = dir.path().join("incidex.bash");
    std::fs::write(&path, &script).unwrap();
    let check = Process::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    for shell in ["zsh", "fish", "powershell"] {
        assert!(!incidex(dir.path(), &["completions", shell]).is_empty());
    }
}

#[test]
fn version_names_the_release_and_the_commit() {
    let dir = tempfile::tempdir().unwrap();
    let out = incidex(dir.path(), &["--version"]);
    let commit = Process::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8(output.stdout).unwrap().trim().to_string());
    match commit {
        Some(commit) => assert_eq!(out, format!("incidex {VERSION} (commit {commit})\n")),
        // Outside a checkout (an unpacked crate) the commit is recorded or unknown.
        None => assert!(
            out.starts_with(&format!("incidex {VERSION} (commit ")),
            "{out}"
        ),
    }
}

#[test]
fn man_prints_a_page_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let page = incidex(dir.path(), &["man"]);
    assert!(page.contains(".TH incidex 1"), "{page}");
    assert!(page.contains("completions"), "{page}");
    incidex(dir.path(), &["man", "--dir", "pages"]);
    for name in ["incidex.1", "incidex-build.1", "incidex-init.1"] {
        assert!(dir.path().join("pages").join(name).is_file(), "{name}");
    }
}
