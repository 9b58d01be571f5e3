//! What the dev server answers: files of its own output folder and nothing outside it, the
//! pages only it shows, the live-reload script and the event stream that drives it.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio_stream::wrappers::{BroadcastStream, WatchStream};
use tokio_stream::StreamExt;

use super::dev_pages::{drafts_page, problems_page, DRAFTS_PATH};
use super::{AppState, Notice, LIVE_PREFIX};

/// Every route of the dev server.
pub(super) fn router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route("/__incidex/events", axum::routing::get(events))
        .route("/__incidex/live.js", axum::routing::get(live_script))
        .fallback(serve_file)
        .with_state(state)
}

/// The reload and problem notices, until the server stops: an open stream must not keep
/// a stopping server (and the editor's Ctrl-C) waiting.
async fn events(State(state): State<AppState>) -> impl IntoResponse {
    let current = state
        .problems
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let first = tokio_stream::iter(current.map(Notice::Problems));
    let later = BroadcastStream::new(state.notices.subscribe()).filter_map(Result::ok);
    let stopping = WatchStream::new(state.stopping.clone())
        .filter(|stopping| *stopping)
        .map(|_| None);
    let stream = first
        .chain(later)
        .map(Some)
        .merge(stopping)
        .take_while(Option::is_some)
        .filter_map(|notice| notice)
        .map(|notice| {
            Ok::<_, std::convert::Infallible>(match notice {
                Notice::Reload => Event::default().event("reload").data("reload"),
                Notice::Problems(text) => Event::default().event("problems").data(text),
            })
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The script that reloads pages and shows problems over them.
async fn live_script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("live.js"),
    )
}

/// Serves a file of the output folder, and nothing outside it; reads only.
async fn serve_file(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
            "the dev server only reads",
        )
            .into_response();
    }
    let Some(relative) = safe_relative_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    if let Some(page) = dev_page(&state, &relative).await {
        return page;
    }
    let mut path = state.output.join(&relative);
    if path.is_dir() {
        if !uri.path().ends_with('/') {
            // One leading slash: `//incidents/` would send the browser to a host of that name.
            let location = format!("/{}/", uri.path().trim_start_matches('/'));
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
        (status, headers, body).into_response()
    };
    if relative == Path::new(DRAFTS_PATH.trim_matches('/')) {
        let drafts = state
            .drafts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        return Some(html(
            StatusCode::OK,
            drafts_page(&drafts, state.with_drafts),
        ));
    }
    let problems = state
        .problems
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()?;
    let never_built = tokio::fs::metadata(state.output.join("index.html"))
        .await
        .is_err();
    never_built.then(|| html(StatusCode::INTERNAL_SERVER_ERROR, problems_page(&problems)))
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
