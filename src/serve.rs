//! `incidex serve`: builds the site for the dev server's own address into a folder of its
//! own (never `build`'s output, which is what gets published), serves it on the loopback
//! interface, watches the sources, rebuilds what a save touches and tells open pages to
//! reload (or shows them the errors) over server-sent events. It starts even when the site
//! has errors, showing them in place of the site until a save fixes them.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use notify_debouncer_full::notify::RecursiveMode;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

use crate::build::{BuildFailure, BuildReport};
use crate::dev_pages::{drafts_page, problems_page, DRAFTS_PATH};
use crate::live::{DraftPage, Session, Update};
use crate::settings::BuildOptions;

/// How many ports after the asked one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;
/// Editors write a file in several steps (truncate, write, rename); changes this close
/// together are one save.
const DEBOUNCE: Duration = Duration::from_millis(40);
/// Where the live-reload script and event stream live; no site page can be there.
const LIVE_PREFIX: &str = "/__incidex/";

/// What `serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The address to listen on; loopback unless the editor asks otherwise.
    pub bind: IpAddr,
    /// The first port to try.
    pub port: u16,
    /// Build drafts too.
    pub drafts: bool,
}

/// Why serving stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The first build could not start (its output was refused).
    #[error("{0}")]
    Build(#[from] BuildFailure),
    /// No port could be opened.
    #[error("cannot listen on {bind} ports {first}–{last}: {source}")]
    Bind {
        /// The address.
        bind: IpAddr,
        /// First port tried.
        first: u16,
        /// Last port tried.
        last: u16,
        /// The last failure.
        source: std::io::Error,
    },
    /// The file watcher could not start.
    #[error("cannot watch {path} for changes: {message}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The server failed while running.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// What the terminal is told while serving.
pub trait ServeListener: Send + 'static {
    /// The server is up at `url` after the first build, which wrote into `folder` and gave
    /// `drafts`, or failed.
    fn ready(
        &mut self,
        url: &str,
        folder: &Path,
        first: &Result<BuildReport, BuildFailure>,
        drafts: &[DraftPage],
    );
    /// A save was handled; `drafts` are the drafts among the changed files.
    fn updated(&mut self, changed: &[PathBuf], update: &Update, drafts: &[DraftPage]);
}

/// What open pages are told.
#[derive(Debug, Clone)]
enum Notice {
    Reload,
    Problems(String),
}

#[derive(Clone)]
struct AppState {
    output: PathBuf,
    canonical_output: PathBuf,
    notices: broadcast::Sender<Notice>,
    /// The problems of the last update, for pages opened while the site is broken.
    problems: Arc<Mutex<Option<String>>>,
    /// The drafts of the last good build, for the drafts page.
    drafts: Arc<Mutex<Vec<DraftPage>>>,
    /// Whether drafts are built at all.
    with_drafts: bool,
}

/// Opens the first free port from `options.port` on, builds the site for that address,
/// serves it and rebuilds on every save until Ctrl-C.
pub fn serve(options: &ServeOptions, mut listener: impl ServeListener) -> Result<(), ServeError> {
    let socket = open_listener(options.bind, options.port)?;
    let address = socket.local_addr()?;
    let url = format!("http://{}/", display_addr(address));
    // Pages built for this address must never reach the folder that gets published; the
    // folder goes when the server stops.
    let scratch = tempfile::Builder::new()
        .prefix("incidex-serve-")
        .tempdir()?;
    let output = scratch.path().join("site");
    let (session, first) = Session::start(BuildOptions {
        root: options.root.clone(),
        output: Some(output.clone()),
        base_url: Some(url.clone()),
        drafts: options.drafts,
        strict: false,
    });
    if let Err(failure @ BuildFailure::Refused(_)) = first {
        return Err(failure.into());
    }
    let drafts = session.drafts();
    listener.ready(&url, &output, &first, &drafts);
    // Served even when the first build failed: it shows the problems until a good save.
    std::fs::create_dir_all(&output)?;
    let (notices, _) = broadcast::channel(16);
    let state = AppState {
        canonical_output: output.canonicalize()?,
        output,
        notices: notices.clone(),
        problems: Arc::new(Mutex::new(first.as_ref().err().map(describe))),
        drafts: Arc::new(Mutex::new(drafts)),
        with_drafts: options.drafts,
    };
    let _watcher = watch(&options.root, session, state.clone(), listener)?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        socket.set_nonblocking(true)?;
        let socket = tokio::net::TcpListener::from_std(socket)?;
        let app = axum::Router::new()
            .route("/__incidex/events", axum::routing::get(events))
            .route("/__incidex/live.js", axum::routing::get(live_script))
            .fallback(serve_file)
            .with_state(state);
        axum::serve(socket, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })?;
    Ok(())
}

type Watcher = notify_debouncer_full::Debouncer<
    notify_debouncer_full::notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Starts the watcher; each debounced batch of changes updates the session on the
/// watcher's thread, then tells open pages.
fn watch(
    root: &Path,
    mut session: Session,
    state: AppState,
    mut listener: impl ServeListener,
) -> Result<Watcher, ServeError> {
    let output = state.canonical_output.clone();
    let root = root.canonicalize()?;
    let canonical_root = root.clone();
    let watch_error = |path: &Path| {
        let path = path.to_path_buf();
        move |e: notify_debouncer_full::notify::Error| ServeError::Watch {
            path,
            message: e.to_string(),
        }
    };
    let mut debouncer = notify_debouncer_full::new_debouncer(
        DEBOUNCE,
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            let Ok(events) = result else { return };
            let mut changed: Vec<PathBuf> = events
                .iter()
                .filter(|e| changes_content(&e.event.kind))
                .flat_map(|e| e.paths.iter())
                .filter(|p| !p.starts_with(&output) && is_source(p))
                .map(|p| p.strip_prefix(&canonical_root).unwrap_or(p).to_path_buf())
                .collect();
            changed.sort();
            changed.dedup();
            if changed.is_empty() {
                return;
            }
            let update = session.update(&changed);
            let drafts = session.drafts();
            let changed_drafts: Vec<DraftPage> = drafts
                .iter()
                .filter(|d| changed.contains(&d.file))
                .cloned()
                .collect();
            let notice = match &update {
                Update::Rebuilt { .. } => {
                    *state.problems.lock().unwrap_or_else(|e| e.into_inner()) = None;
                    *state.drafts.lock().unwrap_or_else(|e| e.into_inner()) = drafts;
                    Notice::Reload
                }
                Update::Failed(failure) => {
                    let text = describe(failure);
                    *state.problems.lock().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
                    Notice::Problems(text)
                }
            };
            listener.updated(&changed, &update, &changed_drafts);
            let _ = state.notices.send(notice);
            // After the reload: pages first; feeds, exports and the search index a moment later.
            if let Err(failure) = session.catch_up() {
                let text = describe(&failure);
                *state.problems.lock().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
                let _ = state.notices.send(Notice::Problems(text));
            }
        },
    )
    .map_err(watch_error(&root))?;
    for (name, mode) in [
        ("site.yaml", RecursiveMode::NonRecursive),
        ("content", RecursiveMode::Recursive),
        ("templates", RecursiveMode::Recursive),
        ("static", RecursiveMode::Recursive),
    ] {
        let path = root.join(name);
        if path.exists() {
            debouncer.watch(&path, mode).map_err(watch_error(&path))?;
        }
    }
    Ok(debouncer)
}

/// Writes, creations, renames and removals; a build reading a file (access) or touching
/// its times must not set off another build.
fn changes_content(kind: &notify_debouncer_full::notify::EventKind) -> bool {
    use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Files a build reads; editors' swap and backup files are not.
fn is_source(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    !(name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp"))
}

/// The problems of a failed update as plain text, one per line, for the browser overlay.
fn describe(failure: &BuildFailure) -> String {
    match failure {
        BuildFailure::Content(problems) | BuildFailure::Strict(problems) => {
            let mut text: Vec<String> = problems.sorted().iter().map(|d| d.to_string()).collect();
            text.push(format!("the site was not rebuilt: {}", problems.summary()));
            text.join("\n")
        }
        other => other.to_string(),
    }
}

async fn events(State(state): State<AppState>) -> impl IntoResponse {
    let current = state
        .problems
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let first = tokio_stream::iter(current.map(Notice::Problems));
    let later = BroadcastStream::new(state.notices.subscribe()).filter_map(Result::ok);
    let stream = first.chain(later).map(|notice| {
        Ok::<_, std::convert::Infallible>(match notice {
            Notice::Reload => Event::default().event("reload").data("reload"),
            Notice::Problems(text) => Event::default().event("problems").data(text),
        })
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn live_script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("live.js"),
    )
}

/// Serves a file of the output folder, and nothing outside it.
async fn serve_file(State(state): State<AppState>, uri: Uri) -> Response {
    let Some(relative) = safe_relative_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    if let Some(page) = dev_page(&state, &relative).await {
        return page;
    }
    let mut path = state.output.join(&relative);
    if path.is_dir() {
        if !uri.path().ends_with('/') {
            let location = format!("{}/", uri.path());
            return (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
        path.push("index.html");
    }
    // A symbolic link inside the output may point anywhere: follow it, then check again.
    match tokio::fs::canonicalize(&path).await {
        Ok(real) if real.starts_with(&state.canonical_output) => {
            match tokio::fs::read(&real).await {
                Ok(bytes) => file_response(StatusCode::OK, &real, bytes),
                Err(_) => not_found(&state).await,
            }
        }
        Ok(_) => (StatusCode::FORBIDDEN, "outside the site").into_response(),
        Err(_) => not_found(&state).await,
    }
}

/// The drafts page, and the problems page in place of a site that has never built.
async fn dev_page(state: &AppState, relative: &Path) -> Option<Response> {
    let html = |status, text: String| {
        let body = with_live_reload(text.into_bytes());
        let headers = [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ];
        Some((status, headers, body).into_response())
    };
    if relative == Path::new(DRAFTS_PATH.trim_matches('/')) {
        let drafts = state
            .drafts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        return html(StatusCode::OK, drafts_page(&drafts, state.with_drafts));
    }
    let problems = state
        .problems
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()?;
    let never_built = tokio::fs::metadata(state.output.join("index.html"))
        .await
        .is_err();
    never_built.then(|| html(StatusCode::INTERNAL_SERVER_ERROR, problems_page(&problems)))?
}

async fn not_found(state: &AppState) -> Response {
    let page = state.output.join("404.html");
    match tokio::fs::read(&page).await {
        Ok(bytes) => file_response(StatusCode::NOT_FOUND, &page, bytes),
        Err(_) => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn file_response(status: StatusCode, path: &Path, bytes: Vec<u8>) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let content_type = if mime.type_() == "text" || mime.essence_str() == "application/javascript" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    let body = if is_html {
        Body::from(with_live_reload(bytes))
    } else {
        Body::from(bytes)
    };
    (
        status,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// Adds the live-reload script to a page, before `</body>` (or at the end).
fn with_live_reload(mut html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{LIVE_PREFIX}live.js\" defer></script>");
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
}

/// The request path as a path relative to the output folder, or `None` when it tries to
/// leave it: `..` (also percent-encoded), backslashes, NUL bytes or drive prefixes.
pub fn safe_relative_path(request: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(request)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\0', '\\']) {
        return None;
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." || segment.contains(':') {
            return None;
        }
        relative.push(segment);
    }
    Some(relative)
}

fn open_listener(bind: IpAddr, first: u16) -> Result<TcpListener, ServeError> {
    let last = first.saturating_add(PORT_ATTEMPTS - 1);
    let mut failure = None;
    for port in first..=last {
        match TcpListener::bind(SocketAddr::new(bind, port)) {
            Ok(listener) => return Ok(listener),
            Err(e) => failure = Some(e),
        }
    }
    Err(ServeError::Bind {
        bind,
        first,
        last,
        source: failure.unwrap_or_else(|| std::io::Error::other("no port tried")),
    })
}

fn display_addr(address: SocketAddr) -> String {
    match address.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_cannot_leave_the_output() {
        assert_eq!(
            safe_relative_path("/incidents/x/"),
            Some(PathBuf::from("incidents/x"))
        );
        assert_eq!(safe_relative_path("/"), Some(PathBuf::new()));
        for bad in [
            "/../x",
            "/a/%2e%2e/%2e%2e/x",
            "/a/%2E%2E/x",
            "/..%2fx",
            "/a\\..\\b",
            "/c:/x",
            "/%00",
        ] {
            assert_eq!(safe_relative_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_reload_script_goes_before_the_body_ends() {
        let html = with_live_reload(b"<html><body><p>x</p></body></html>".to_vec());
        let html = String::from_utf8(html).unwrap();
        assert!(
            html.ends_with("live.js\" defer></script></body></html>"),
            "{html}"
        );
    }
}
