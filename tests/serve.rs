//! `incidex serve` as an editor uses it: pages served with live reload, a save shows up
//! within a second, a broken save shows its errors on open pages, and nothing outside the
//! output folder can be fetched.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `incidex serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
    _site: tempfile::TempDir,
    root: std::path::PathBuf,
    /// The folder it serves from, as it printed it.
    folder: std::path::PathBuf,
    /// What it printed before it was up.
    said: String,
}

impl Drop for Server {
    /// Stops it as an editor would, so it removes its folder; kills it if that fails.
    fn drop(&mut self) {
        if self.signal("INT") && self.exited_within(Duration::from_secs(5)).is_some() {
            return;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Sends the process signal `name` (`INT`, `TERM`); whether it was sent.
    fn signal(&self, name: &str) -> bool {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .is_ok_and(|s| s.success())
    }

    /// How the process ended, if it did within `within`.
    fn exited_within(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn start(port: u16) -> Server {
    start_on(common::copy_fixture("minimal"), port, &[])
}

/// Starts `incidex serve` on `site` with `args`, once it has printed where it serves from.
fn start_on(site: tempfile::TempDir, port: u16, args: &[&str]) -> Server {
    let root = site.path().to_path_buf();
    let mut child = Command::new(env!("CARGO_BIN_EXE_incidex"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(&root)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let mut said = String::new();
    let mut address = String::new();
    let folder = loop {
        let line = lines.next().expect("serve printed its folder").unwrap();
        said.push_str(&line);
        said.push('\n');
        if let Some(rest) = line.strip_prefix("Serving the site at http://") {
            address = rest.split('/').next().unwrap().to_string();
        }
        if let Some(rest) = line.strip_prefix("Pages for this address are kept in ") {
            break std::path::PathBuf::from(rest.split(" and never").next().unwrap());
        }
    };
    for line in lines.by_ref() {
        let line = line.unwrap();
        let last = line.starts_with("Watching");
        said.push_str(&line);
        said.push('\n');
        if last {
            break;
        }
    }
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server {
        child,
        address,
        _site: site,
        root,
        folder,
        said,
    }
}

/// Sends a raw GET (the path exactly as given) and returns the status and body.
fn get(server: &Server, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_string())
}

/// Opens the event stream; the returned reader yields its lines.
fn events(server: &Server) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET /__incidex/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
        server.address
    )
    .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    BufReader::new(stream)
}

/// Reads the event stream until an `event:` line of that name, failing after 5 s.
fn wait_for_event(stream: &mut BufReader<TcpStream>, name: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut data = String::new();
    let mut current = String::new();
    while Instant::now() < deadline {
        let mut line = String::new();
        if stream.read_line(&mut line).unwrap_or(0) == 0 {
            continue;
        }
        let line = line.trim_end();
        if let Some(event) = line.strip_prefix("event: ") {
            current = event.to_string();
            data.clear();
        } else if let Some(d) = line.strip_prefix("data: ") {
            data.push_str(d);
            data.push('\n');
        } else if line.is_empty() && current == name {
            return data;
        }
    }
    panic!("no '{name}' event within 5 s");
}

fn edit(root: &Path, report: &str, from: &str, to: &str) {
    let path = root.join(report);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

const CURFEW: &str = "content/incidents/2025/2025-07-02-curfew-in-dioila.md";

#[test]
fn pages_are_served_with_live_reload_and_right_types() {
    let server = start(4311);
    let (status, head, body) = get(&server, "/incidents/2025-07-02-curfew-in-dioila/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(
        body.contains("/__incidex/live.js"),
        "live reload is injected"
    );
    assert!(
        body.contains("href=\"/incidents/\""),
        "links work at the server's root"
    );
    let (status, head, _) = get(&server, "/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/css"), "{head}");
    let (status, _, body) = get(&server, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("<h1"), "the site's 404 page");
    let (status, head, _) = get(&server, "/incidents");
    assert_eq!(status, 301);
    assert!(head.contains("location: /incidents/"), "{head}");
}

#[test]
fn nothing_outside_the_output_folder_is_served() {
    let server = start(4331);
    std::fs::write(server.root.join("secret.txt"), "secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        server.root.join("secret.txt"),
        server.folder.join("link.txt"),
    )
    .unwrap();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/incidents/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "//etc/passwd",
        "/link.txt",
    ] {
        let (status, _, body) = get(&server, path);
        assert!(!body.contains("secret"), "{path} leaked: {status}");
        assert!(matches!(status, 400 | 403 | 404), "{path}: {status}");
    }
}

#[test]
fn a_save_is_served_within_a_second_and_pages_reload() {
    let server = start(4351);
    let mut stream = events(&server);
    std::thread::sleep(Duration::from_millis(200));
    let saved = Instant::now();
    edit(
        &server.root,
        CURFEW,
        "The governor ordered a night curfew.",
        "A curfew from dusk.",
    );
    wait_for_event(&mut stream, "reload");
    let (_, _, body) = get(&server, "/incidents/");
    assert!(
        body.contains("A curfew from dusk."),
        "the list shows the new summary"
    );
    let (_, _, body) = get(&server, "/regions/mali/dioila/");
    assert!(body.contains("A curfew from dusk."), "the region page too");
    assert!(
        saved.elapsed() < Duration::from_secs(1),
        "{:?}",
        saved.elapsed()
    );
}

#[test]
fn a_broken_save_shows_its_errors_until_fixed() {
    let server = start(4371);
    let mut stream = events(&server);
    std::thread::sleep(Duration::from_millis(200));
    edit(&server.root, CURFEW, "region: Dioila", "region: Dioilla");
    let problems = wait_for_event(&mut stream, "problems");
    assert!(problems.contains("unknown region 'Dioilla'"), "{problems}");
    assert!(
        problems.contains("2025-07-02-curfew-in-dioila.md:5:9"),
        "{problems}"
    );
    let (status, _, _) = get(&server, "/incidents/2025-07-02-curfew-in-dioila/");
    assert_eq!(status, 200, "the last good page is still served");

    // A page opened now is told at once.
    let mut late = events(&server);
    assert!(wait_for_event(&mut late, "problems").contains("Dioilla"));

    edit(&server.root, CURFEW, "region: Dioilla", "region: Dioila");
    wait_for_event(&mut stream, "reload");
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let _blocker = std::net::TcpListener::bind("127.0.0.1:4391").unwrap();
    let server = start(4391);
    assert_ne!(server.address, "127.0.0.1:4391");
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "loopback by default"
    );
}

#[test]
fn serve_leaves_the_published_folder_as_build_left_it() {
    let site = common::copy_fixture("minimal");
    let built = common::run_in(site.path(), &["build"]);
    assert_eq!(built.0, 0, "{}", built.2);
    let public = site.path().join("public");
    let before = common::files_under(&public);
    let server = start_on(site, 4411, &[]);
    assert!(
        !server.folder.starts_with(&server.root),
        "{}",
        server.folder.display()
    );
    let mut stream = events(&server);
    std::thread::sleep(Duration::from_millis(200));
    edit(
        &server.root,
        CURFEW,
        "The governor ordered a night curfew.",
        "A curfew from dusk.",
    );
    wait_for_event(&mut stream, "reload");
    assert_eq!(
        common::files_under(&public),
        before,
        "serve touched public/"
    );
    let feed = std::fs::read_to_string(public.join("atom.xml")).unwrap();
    assert!(!feed.contains("127.0.0.1"), "a localhost feed in public/");
    let served = std::fs::read_to_string(server.folder.join("atom.xml")).unwrap();
    assert!(
        served.contains(&server.address),
        "the served feed is for the server"
    );
}

#[test]
fn serve_starts_on_a_broken_site_and_recovers_on_a_good_save() {
    let site = common::copy_fixture("minimal");
    edit(site.path(), CURFEW, "region: Dioila", "region: Dioilla");
    let server = start_on(site, 4431, &[]);
    assert!(
        server
            .said
            .contains("Serving a page that lists these problems"),
        "{}",
        server.said
    );
    for path in ["/", "/incidents/"] {
        let (status, _, body) = get(&server, path);
        assert_eq!(status, 500, "{path}");
        assert!(body.contains("unknown region &#39;Dioilla&#39;"), "{body}");
        assert!(body.contains("/__incidex/live.js"), "it reloads when fixed");
    }
    let mut stream = events(&server);
    std::thread::sleep(Duration::from_millis(200));
    edit(&server.root, CURFEW, "region: Dioilla", "region: Dioila");
    wait_for_event(&mut stream, "reload");
    let (status, _, body) = get(&server, "/incidents/");
    assert_eq!(status, 200);
    assert!(body.contains("Curfew declared"), "{body}");
}

#[test]
fn drafts_are_printed_with_their_address_and_listed_at_drafts() {
    let server = start_on(common::copy_fixture("minimal"), 4451, &["--drafts"]);
    let draft = "content/incidents/2024/2024-12-01-draft-report.md";
    assert!(
        server.said.contains(&format!(
            "Draft: {draft} at http://{}/incidents/",
            server.address
        )),
        "{}",
        server.said
    );
    let (status, _, body) = get(&server, "/drafts/");
    assert_eq!(status, 200);
    assert!(
        body.contains("<a href=\"/incidents/2024-12-01-draft-report/\">"),
        "{body}"
    );
    let (status, _, _) = get(&server, "/incidents/2024-12-01-draft-report/");
    assert_eq!(status, 200);

    let without = start(4471);
    let (_, _, body) = get(&without, "/drafts/");
    assert!(body.contains("incidex serve --drafts"), "{body}");
}

/// Sends `request` as written and returns the whole answer (head and body).
fn raw(server: &Server, request: &str) -> String {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
}

#[test]
fn ctrl_c_stops_the_server_at_once_with_an_event_stream_open() {
    let mut server = start(4491);
    let mut stream = events(&server);
    // The stream is open: its headers have come.
    let mut line = String::new();
    stream.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    let folder = server.folder.clone();
    let signalled = Instant::now();
    assert!(server.signal("INT"));
    let status = server
        .exited_within(Duration::from_secs(10))
        .expect("serve still running 10 s after Ctrl-C");
    assert!(status.success(), "{status:?}");
    assert!(
        signalled.elapsed() < Duration::from_secs(5),
        "{:?}",
        signalled.elapsed()
    );
    assert!(!folder.exists(), "its own folder is removed when it stops");
}

#[test]
fn a_client_that_sends_no_headers_is_dropped() {
    let server = start(4511);
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let opened = Instant::now();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    assert!(
        opened.elapsed() < Duration::from_secs(15),
        "held {:?}",
        opened.elapsed()
    );
}

#[test]
fn a_folder_redirect_never_names_another_host() {
    let server = start(4531);
    for path in ["//incidents", "///incidents", "/incidents"] {
        let response = raw(
            &server,
            &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        );
        let location = response
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("location: ")
                    .map(String::from)
            })
            .unwrap_or_else(|| panic!("{path}: no redirect:\n{response}"));
        assert_eq!(location, "/incidents/", "{path}");
    }
}

#[test]
fn only_get_and_head_are_answered() {
    let server = start(4551);
    for method in ["POST", "PUT", "DELETE", "PATCH", "TRACE"] {
        let response = raw(
            &server,
            &format!("{method} /style.css HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
        );
        assert!(response.starts_with("HTTP/1.1 405"), "{method}: {response}");
        assert!(
            response.to_ascii_lowercase().contains("allow: get, head"),
            "{response}"
        );
        assert!(!response.contains("body"), "{method} got the file");
    }
    let head = raw(
        &server,
        "HEAD /style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head.ends_with("\r\n\r\n"), "HEAD has no body: {head}");
}

#[test]
fn a_polite_kill_stops_the_server_and_removes_its_folder() {
    let mut server = start(4571);
    let folder = server.folder.clone();
    assert!(folder.exists());
    assert!(server.signal("TERM"));
    assert!(
        server.exited_within(Duration::from_secs(10)).is_some(),
        "serve still running 10 s after SIGTERM"
    );
    assert!(!folder.exists(), "{}", folder.display());
}
