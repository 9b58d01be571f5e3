//! The dev server's accept loop: each connection gets a few seconds to send its request's
//! headers (a client that opens a connection and says nothing is dropped), and Ctrl-C stops
//! everything at once: open event streams are ended, connections get about a second to
//! finish, and a second Ctrl-C does not wait even for that.

use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// How long a client has to send a request's headers.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(5);
/// How long connections may take to finish once the server is told to stop.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

/// Ctrl-C, or on Unix the SIGTERM a script or process manager stops a server with. Made
/// before the server says it is up, so a stop asked the moment after is never missed (the
/// system's default would end the process without removing its folder).
pub(super) struct StopSignals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl StopSignals {
    /// Takes over both signals; needs the runtime entered.
    pub(super) fn install() -> std::io::Result<StopSignals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(StopSignals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(StopSignals {})
    }

    /// Waits for the next stop.
    async fn next(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Serves `app` on `listener` until a stop is asked; `stopping` is set then, for the
/// streams that must end with the server.
pub(super) async fn serve_until_stopped(
    listener: TcpListener,
    app: axum::Router,
    stopping: watch::Sender<bool>,
    mut signals: StopSignals,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = signals.next() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(stream, app.clone(), stopping.subscribe()));
                }
                // Out of file handles, say: a pause instead of a loop that eats a core.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            // Reap finished connections so the set does not grow over a long session.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    let _ = stopping.send(true);
    let finished = async { while connections.join_next().await.is_some() {} };
    tokio::select! {
        _ = finished => {}
        _ = tokio::time::sleep(SHUTDOWN_GRACE) => {}
        _ = signals.next() => {}
    }
    connections.abort_all();
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    app: axum::Router,
    mut stopping: watch::Receiver<bool>,
) {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app));
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => return,
        _ = stopping.wait_for(|stopping| *stopping) => {}
    }
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}
