//! `incidex serve`: builds the site for the dev server's own address and serves the output
//! folder on the loopback interface, so an editor can read the site as readers will.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;

use tower_http::services::{ServeDir, ServeFile};

use crate::build::{build, BuildFailure, BuildReport};
use crate::settings::BuildOptions;

/// How many ports after the asked one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;

/// What `serve` needs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Where the site is written; default `ROOT/public`.
    pub output: Option<PathBuf>,
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
    /// The first build failed.
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
    /// The server failed while running.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// Opens the first free port from `options.port` on, builds the site for that address and
/// serves it until Ctrl-C. `on_ready` is told the URL and the build's report.
pub fn serve(
    options: &ServeOptions,
    on_ready: impl FnOnce(&str, &BuildReport),
) -> Result<(), ServeError> {
    let listener = open_listener(options.bind, options.port)?;
    let address = listener.local_addr()?;
    let url = format!("http://{}/", display_addr(address));
    let report = build(&BuildOptions {
        root: options.root.clone(),
        output: options.output.clone(),
        base_url: Some(url.clone()),
        drafts: options.drafts,
        strict: false,
    })?;
    let output = report
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"));
    on_ready(&url, &report);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let files = ServeDir::new(&output)
            .append_index_html_on_directories(true)
            .not_found_service(ServeFile::new(output.join("404.html")));
        let app = axum::Router::new().fallback_service(files);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })?;
    Ok(())
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
