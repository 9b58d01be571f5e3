//! Helpers the integration tests share: build a fixture site into a temporary folder, read
//! its pages as parsed HTML, and walk every link of the output.

#![allow(dead_code)] // each test binary uses a different subset

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use incidex::pipeline::{build, BuildFailure, BuildSummary};
use incidex::settings::BuildOptions;
use scraper::{Html, Selector};
use walkdir::WalkDir;

/// The folder of a fixture site under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of a fixture in a temporary folder, for tests that change the content.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_tree(&fixture(name), dir.path());
    dir
}

/// Copies every file of `from` into `to`, keeping relative paths.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A site built into a temporary folder, kept alive as long as the value.
pub struct Built {
    /// The temporary folder holding the output.
    _dir: tempfile::TempDir,
    /// The output folder.
    pub out: PathBuf,
    /// What the build reported.
    pub report: BuildSummary,
}

impl Built {
    /// The parsed page at a URL path relative to the base (`incidents/x/`).
    pub fn page(&self, relative_url: &str) -> Html {
        let file = self.out.join(output_file(relative_url));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("page {relative_url} ({}): {e}", file.display()));
        Html::parse_document(&text)
    }

    /// The raw text of the page or file at a URL path relative to the base, gunzipped
    /// when its name ends in `.gz`.
    pub fn text(&self, relative_url: &str) -> String {
        read_text(&self.out.join(output_file(relative_url)))
    }

    /// Whether a page or file exists at a URL path relative to the base.
    pub fn exists(&self, relative_url: &str) -> bool {
        self.out.join(output_file(relative_url)).is_file()
    }

    /// Every HTML file of the output, relative to it, with `/` separators.
    pub fn html_files(&self) -> Vec<String> {
        files_under(&self.out)
            .into_keys()
            .filter(|f| f.ends_with(".html"))
            .collect()
    }
}

/// The text of a file, gunzipped when its name ends in `.gz` (the data files beside
/// list pages), as a reader's tool would show it.
pub fn read_text(path: &Path) -> String {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        text
    } else {
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// Writes `text` to `path`, gzip-compressed when its name ends in `.gz`, as incidex
/// writes its data files: for tests that break a built file on purpose.
pub fn write_text(path: &Path, text: &str) {
    use std::io::Write;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text.as_bytes()).unwrap();
        gz.finish().unwrap()
    } else {
        text.as_bytes().to_vec()
    };
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The file a relative URL is written to.
pub fn output_file(relative_url: &str) -> String {
    if relative_url.is_empty() || relative_url.ends_with('/') {
        format!("{relative_url}index.html")
    } else {
        relative_url.to_string()
    }
}

/// Options to build `root` into `out` with the site's own settings.
pub fn options(root: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: Some(out.to_path_buf()),
        ..BuildOptions::default()
    }
}

/// Builds `root` with `adjust` applied to the options; panics with every error on failure.
pub fn build_with(root: &Path, adjust: impl FnOnce(&mut BuildOptions)) -> Built {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("public");
    let mut opts = options(root, &out);
    adjust(&mut opts);
    let report =
        build(&opts).unwrap_or_else(|failure| panic!("build failed:\n{}", explain(&failure)));
    Built {
        _dir: dir,
        out,
        report,
    }
}

/// Builds a fixture site with its own settings.
pub fn build_fixture(name: &str) -> Built {
    build_with(&fixture(name), |_| {})
}

/// Every diagnostic of a failure, one per line, as the CLI prints them.
pub fn explain(failure: &BuildFailure) -> String {
    match failure {
        BuildFailure::Content(diagnostics) => diagnostics
            .sorted()
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

/// Every file under `root`, relative path to contents.
pub fn files_under(root: &Path) -> BTreeMap<String, Vec<u8>> {
    WalkDir::new(root)
        .into_iter()
        .map(|e| e.expect("readable output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap();
            let key = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            (key, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Text of every element matching `selector`, whitespace collapsed.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("valid selector");
    html.select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The `attr` attribute of every element matching `selector`.
pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("valid selector");
    html.select(&selector)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Every `href` and `src` in a page.
pub fn links(html: &Html) -> Vec<String> {
    let mut all = attrs(html, "[href]", "href");
    all.extend(attrs(html, "[src]", "src"));
    all
}

/// Runs the real binary in `dir` with `args`, without colour; gives the exit status,
/// standard output and standard error.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = assert_cmd::Command::cargo_bin("incidex")
        .expect("the binary is built")
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        output.status.code().expect("an exit status"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs a script of `tests/support/` with python3 and gives the JSON it prints: how the
/// tests read the exports as a researcher's own script would.
pub fn python(script: &str, args: &[&str]) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/support")
        .join(script);
    let output = std::process::Command::new("python3")
        .arg(&script)
        .args(args)
        .output()
        .expect("these tests need python3 on the PATH");
    assert!(
        output.status.success(),
        "{} failed:\n{}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the script prints JSON")
}

/// Where tests put the report they add to a fixture.
pub const NEW_REPORT: &str = "content/incidents/2025/2025-08-01-new-report.md";

/// A report that passes every check, to be broken one way at a time.
pub const GOOD_REPORT: &str = "---
title: A new report
date: 2025-08-01
country: Mali
region: Kayes
locations:
  - {name: Kéniéba, coordinates: [12.84, -11.24]}
groups:
  - {group: JNIM, role: perpetrator}
event_type: attack
sources:
  - {id: s1, name: Wire, type: news}
summary: Something happened.
---
Body.
";

/// The minimal fixture with `files` (path relative to the site, content) written into it.
pub fn minimal_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let site = copy_fixture("minimal");
    for (path, content) in files {
        let file = site.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, content).unwrap();
    }
    site
}

/// `incidex check --message-format short` on `site`: exit status and stderr.
pub fn check_short(site: &Path) -> (i32, String) {
    let root = site.to_str().unwrap();
    let (code, _, stderr) = run_in(
        site,
        &["check", "--message-format", "short", "--root", root],
    );
    (code, stderr)
}
