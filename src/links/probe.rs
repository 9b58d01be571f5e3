//! One link fetched: HEAD first, GET when a server refuses HEAD, redirects followed by
//! hand so a move to another host is seen, every request bounded in time.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use ureq::http::Uri;

/// What fetching a link found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// It answered 2xx, on its own host (after any redirects within it).
    Live,
    /// It answered 4xx or 5xx (after any redirects).
    Dead {
        /// The status code.
        status: u16,
    },
    /// It answered, but only after a redirect to another host.
    Elsewhere {
        /// Where it ended.
        to: String,
    },
    /// No answer: a time-out, a name that does not resolve, a refused connection, a
    /// failed TLS handshake, a redirect loop.
    Unreachable {
        /// Why, in words.
        reason: String,
    },
}

/// Redirects followed before a link is called unreachable.
const MAX_REDIRECTS: usize = 10;

/// Statuses of servers that refuse HEAD but may answer GET.
const HEAD_REFUSED: [u16; 3] = [403, 405, 501];

/// Fetches links with one connection pool and one time limit per request.
pub struct Prober {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Prober {
    /// A prober whose every request (connect, send, answer) ends after `timeout`.
    pub fn new(timeout: Duration) -> Prober {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // Followed by hand, to see each host on the way.
            .max_redirects(0)
            .max_redirects_will_error(false)
            .timeout_global(Some(timeout))
            .user_agent(concat!(
                "incidex/",
                env!("CARGO_PKG_VERSION"),
                " (link check)"
            ))
            .build();
        Prober {
            agent: config.into(),
            timeout,
        }
    }

    /// Fetches `url` and says what it found.
    pub fn probe(&self, url: &str) -> Outcome {
        let Some(start_host) = host_of(url) else {
            return Outcome::Unreachable {
                reason: "the address has no host".into(),
            };
        };
        let mut current = url.to_string();
        for _ in 0..=MAX_REDIRECTS {
            let status = match self.status_of(&current) {
                Ok(status) => status,
                Err(reason) => return Outcome::Unreachable { reason },
            };
            match status {
                Answer::Final(status) if status >= 400 => return Outcome::Dead { status },
                Answer::Final(_) if same_host(&start_host, &current) => return Outcome::Live,
                Answer::Final(_) => return Outcome::Elsewhere { to: current },
                Answer::Redirect(location) => current = resolve(&current, &location),
            }
        }
        Outcome::Unreachable {
            reason: format!("more than {MAX_REDIRECTS} redirects"),
        }
    }

    /// One request to `url`: HEAD, or GET when HEAD is refused.
    fn status_of(&self, url: &str) -> Result<Answer, String> {
        let head = self.agent.head(url).call().map_err(|e| self.explain(e))?;
        let response = if HEAD_REFUSED.contains(&head.status().as_u16()) {
            // The body is never read: dropping the response closes the connection.
            self.agent.get(url).call().map_err(|e| self.explain(e))?
        } else {
            head
        };
        let status = response.status();
        if status.is_redirection() {
            if let Some(location) = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
            {
                return Ok(Answer::Redirect(location.to_string()));
            }
        }
        Ok(Answer::Final(status.as_u16()))
    }

    /// Why a request failed, in an editor's words.
    fn explain(&self, error: ureq::Error) -> String {
        match error {
            ureq::Error::Timeout(_) => format!(
                "no answer within {} s",
                self.timeout
                    .as_secs_f64()
                    .to_string()
                    .trim_end_matches(".0")
            ),
            ureq::Error::HostNotFound => "the host name does not resolve (DNS)".into(),
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                "the connection was refused".into()
            }
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => "timed out".into(),
            other => other.to_string(),
        }
    }
}

/// What one request answered.
enum Answer {
    /// A status that ends the chain.
    Final(u16),
    /// A 3xx with where to go next, as the server wrote it.
    Redirect(String),
}

/// The host of an absolute http(s) URL, lower case.
pub fn host_of(url: &str) -> Option<String> {
    let uri: Uri = url.parse().ok()?;
    uri.host().map(str::to_ascii_lowercase)
}

/// Whether `url` is on `host`, counting `www.example.org` as `example.org`: sites move
/// between the two every day, and a reader finds the same page.
fn same_host(host: &str, url: &str) -> bool {
    let bare = |h: &str| h.strip_prefix("www.").unwrap_or(h).to_string();
    host_of(url).is_some_and(|other| bare(&other) == bare(host))
}

/// `location` (absolute, scheme-relative, or relative) resolved against `base`.
fn resolve(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(authority_and_path) = location.strip_prefix("//") {
        return format!("{scheme}://{authority_and_path}");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    // Relative to the base's folder.
    let path = rest[authority.len()..]
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{scheme}://{authority}{folder}{location}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_targets_are_resolved_against_the_page() {
        let base = "https://example.org/news/story?id=1";
        assert_eq!(resolve(base, "https://other.org/x"), "https://other.org/x");
        assert_eq!(resolve(base, "//cdn.org/x"), "https://cdn.org/x");
        assert_eq!(resolve(base, "/x"), "https://example.org/x");
        assert_eq!(resolve(base, "other"), "https://example.org/news/other");
    }

    #[test]
    fn www_is_the_same_host_and_case_does_not_matter() {
        assert!(same_host("example.org", "https://WWW.example.org/a"));
        assert!(!same_host("example.org", "https://example.com/a"));
        assert_eq!(
            host_of("http://127.0.0.1:8080/x").as_deref(),
            Some("127.0.0.1")
        );
    }
}
