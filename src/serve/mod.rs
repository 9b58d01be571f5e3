//! `incidex serve`: builds the site for the dev server's own address into a folder of its
//! own (never `build`'s output, which is what gets published), serves it on the loopback
//! interface, watches the sources, rebuilds what a save touches and tells open pages to
//! reload (or shows them the errors) over server-sent events. It starts even when the site
//! has errors, showing them in place of the site until a save fixes them.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_debouncer_full::notify::RecursiveMode;
use tokio::sync::{broadcast, watch};

use crate::pipeline::{BuildFailure, BuildSummary};
use crate::settings::BuildOptions;
use session::{DraftPage, Session, Update};

mod connections;
pub mod dev_pages;
mod files;
mod languages;
mod scratch;
pub mod session;

pub use files::safe_relative_path;

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
        first: &Result<BuildSummary, BuildFailure>,
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
    /// Set when the server is stopping, which ends the event streams.
    stopping: watch::Receiver<bool>,
}

/// Opens the first free port from `options.port` on, builds the site for that address,
/// serves it and rebuilds on every save until Ctrl-C.
pub fn serve(options: &ServeOptions, mut listener: impl ServeListener) -> Result<(), ServeError> {
    let socket = open_listener(options.bind, options.port)?;
    let address = socket.local_addr()?;
    let url = format!("http://{}/", display_addr(address));
    // Pages built for this address must never reach the folder that gets published; the
    // folder goes when the server stops.
    let scratch = scratch::make()?;
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
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let signals = {
        let _entered = runtime.enter();
        connections::StopSignals::install()?
    };
    let drafts = session.drafts();
    listener.ready(&url, &output, &first, &drafts);
    // Served even when the first build failed: it shows the problems until a good save.
    std::fs::create_dir_all(&output)?;
    let (notices, _) = broadcast::channel(16);
    let (stopping, stopping_rx) = watch::channel(false);
    let state = AppState {
        canonical_output: output.canonicalize()?,
        output,
        notices: notices.clone(),
        problems: Arc::new(Mutex::new(first.as_ref().err().map(describe))),
        drafts: Arc::new(Mutex::new(drafts)),
        with_drafts: options.drafts,
        stopping: stopping_rx,
    };
    let _watcher = watch(&options.root, session, state.clone(), listener)?;

    let served = runtime.block_on(async move {
        socket.set_nonblocking(true)?;
        let socket = tokio::net::TcpListener::from_std(socket)?;
        connections::serve_until_stopped(socket, files::router(state), stopping, signals).await;
        Ok::<_, std::io::Error>(())
    });
    // Reading files runs on blocking threads; a stop must not wait for a slow disk.
    runtime.shutdown_timeout(Duration::from_millis(200));
    served?;
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
