//! `incidex check --links` against servers this test starts on the loopback addresses:
//! live, dead, HEAD-refusing, redirecting (to the same and to another host) and silent
//! links, the cache that makes a rerun cheap, `--strict` and `require_archive`. No other
//! address is ever contacted: the site holds only links to these servers, and proxies
//! are switched off for the binary.

mod common;

use std::net::{SocketAddr, TcpListener};
use std::path::Path;

use axum::http::{header, Method, StatusCode};
use axum::response::IntoResponse;
use axum::routing::any;
use axum::Router;

use common::copy_fixture;

const REPORT: &str = "content/incidents/2025/2025-08-01-links.md";

/// The routes of the main server; `away` redirects to the second server's `/ok`.
fn routes(other: SocketAddr) -> Router {
    let status = |code: StatusCode| any(move || async move { code });
    Router::new()
        .route("/ok", status(StatusCode::OK))
        .route("/gone", status(StatusCode::NOT_FOUND))
        .route(
            "/no-head",
            any(|method: Method| async move {
                match method {
                    Method::HEAD => StatusCode::METHOD_NOT_ALLOWED,
                    _ => StatusCode::OK,
                }
            }),
        )
        .route(
            "/moved",
            any(|| async { (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, "/ok")]) }),
        )
        .route(
            "/away",
            any(move || async move {
                let to = format!("http://{other}/ok");
                (StatusCode::FOUND, [(header::LOCATION, to)]).into_response()
            }),
        )
}

/// Servers on 127.0.0.1 and 127.0.0.2, plus a port that accepts connections and never
/// answers; they live as long as the test process.
struct Servers {
    main: SocketAddr,
    silent: SocketAddr,
    _silent: TcpListener,
}

fn start_servers() -> Servers {
    let main = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let other = std::net::TcpListener::bind("127.0.0.2:0").expect("a second loopback address");
    // Bound and never accepted from: the kernel completes the handshake, nobody answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let (main_addr, other_addr) = (main.local_addr().unwrap(), other.local_addr().unwrap());
    for listener in [&main, &other] {
        listener.set_nonblocking(true).unwrap();
    }
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_io()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let main = tokio::net::TcpListener::from_std(main).unwrap();
            let other = tokio::net::TcpListener::from_std(other).unwrap();
            let second = tokio::spawn(async move {
                axum::serve(other, Router::new().route("/ok", any(|| async { "ok" })))
                    .await
                    .ok()
            });
            axum::serve(main, routes(other_addr)).await.ok();
            second.abort();
        });
    });
    Servers {
        main: main_addr,
        silent: silent.local_addr().unwrap(),
        _silent: silent,
    }
}

/// The minimal fixture with its reports replaced by one citing the test servers.
fn site_citing(servers: &Servers) -> tempfile::TempDir {
    let site = copy_fixture("minimal");
    std::fs::remove_dir_all(site.path().join("content/incidents")).unwrap();
    let m = servers.main;
    let s = servers.silent;
    let report = format!(
        "---
title: Links of every kind
date: 2025-08-01
country: Mali
region: Kayes
sources:
  - {{id: s1, name: Live, url: 'http://{m}/ok', archive_url: 'http://{m}/moved'}}
  - {{id: s2, name: Gone, url: 'http://{m}/gone', archive_url: 'http://{m}/no-head'}}
  - {{id: s3, name: Away, url: 'http://{m}/away', archive_url: 'http://{m}/ok'}}
  - {{id: s4, name: Silent, url: 'http://{s}/silent', archive_url: 'http://{m}/ok'}}
  - {{id: s5, name: Unarchived, url: 'http://{m}/ok?unarchived'}}
summary: Every answer a server can give.
---
Body.
"
    );
    let path = site.path().join(REPORT);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, report).unwrap();
    assert_only_loopback_links(site.path());
    site
}

/// Every address in the site's content is on the loopback range: the test's guard that
/// it contacts nothing else.
fn assert_only_loopback_links(root: &Path) {
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for (i, _) in text.match_indices("://") {
            let host = &text[i + 3..];
            assert!(host.starts_with("127.0.0."), "{}", entry.path().display());
        }
    }
}

/// Runs `incidex check --links` on `site` with proxies off: exit status and stderr.
fn check_links(site: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut command = assert_cmd::Command::cargo_bin("incidex").unwrap();
    command
        .args(["check", "--message-format", "short", "--links", "--root"])
        .arg(site)
        .args(["--link-timeout", "1"])
        .args(extra)
        .env("NO_COLOR", "1");
    for proxy in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        command.env_remove(proxy);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_kind_of_link_problem_is_a_warning_at_its_address() {
    let servers = start_servers();
    let site = site_citing(&servers);
    let (code, stdout, stderr) = check_links(site.path(), &[]);
    assert_eq!(code, 0, "warnings fail nothing without --strict:\n{stderr}");
    let m = servers.main;
    let at = |line: usize| format!("{REPORT}:{line}:");
    let expected = [
        (
            at(8),
            format!("sources[1].url http://{m}/gone answers 404 (Not Found)"),
        ),
        (at(9), "sources[2].url".to_string()),
        (
            at(9),
            "redirects to another host: http://127.0.0.2:".to_string(),
        ),
        (at(10), "sources[3].url".to_string()),
        (
            at(10),
            "could not be reached: no answer within 1 s".to_string(),
        ),
        (
            at(11),
            "sources[4] (Unarchived) has no archive_url".to_string(),
        ),
    ];
    for (place, words) in &expected {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(place.as_str()) && l.contains(words.as_str())),
            "missing {place} … {words} in:\n{stderr}"
        );
    }
    for fine in ["/moved", "/no-head", "sources[0]"] {
        assert!(
            !stderr
                .lines()
                .any(|l| l.contains(fine) && l.contains("warning")),
            "{fine} is fine:\n{stderr}"
        );
    }
    assert!(stdout.contains("4 warnings"), "{stdout}");
    assert!(stderr.contains("fetched 7 of 7 links"), "{stderr}");
}

#[test]
fn a_rerun_takes_answers_from_the_cache_and_strict_fails_on_warnings() {
    let servers = start_servers();
    let site = site_citing(&servers);
    check_links(site.path(), &[]);
    let cache = std::fs::read_to_string(site.path().join(".incidex-links.json")).unwrap();
    assert!(cache.contains("/gone"), "{cache}");
    assert!(
        !cache.contains("/silent"),
        "unreachable links are tried again:\n{cache}"
    );

    let (code, _, stderr) = check_links(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("fetched 1 of 7 links (6 known from .incidex-links.json)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("answers 404"),
        "the cached answer is still reported"
    );

    let (code, _, stderr) = check_links(site.path(), &["--strict"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--strict fails on warnings"), "{stderr}");
}

#[test]
fn require_archive_makes_a_missing_archive_an_error_without_fetching() {
    let servers = start_servers();
    let site = site_citing(&servers);
    let settings = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, text + "require_archive: true\n").unwrap();
    let root = site.path().to_str().unwrap();
    let (code, _, stderr) = common::run_in(
        site.path(),
        &["check", "--message-format", "short", "--root", root],
    );
    assert_eq!(code, 1, "{stderr}");
    let expected = format!("{REPORT}:11:38: error: sources[4] has no archive_url");
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(stderr.contains("require_archive: true"), "{stderr}");
    let (code, _, _) = check_links(site.path(), &[]);
    assert_eq!(code, 1);
    assert!(!site.path().join(".incidex-links.json").exists());
}
