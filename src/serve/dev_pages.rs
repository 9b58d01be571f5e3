//! Pages only the dev server shows, never written to a built site: the list of drafts, and
//! the page that stands in for the site while it has errors. Both read without JavaScript
//! and carry the live-reload script, so they turn into the site on the next good save.

use super::session::DraftPage;
use crate::xml::escape;

/// Where the drafts page is served.
pub const DRAFTS_PATH: &str = "/drafts/";

/// The page listing every draft, each linked to its page.
pub fn drafts_page(drafts: &[DraftPage], built: bool) -> String {
    let mut body = String::from("<h1>Drafts</h1>\n");
    if !built {
        body.push_str(
            "<p>This server was started without <code>--drafts</code>, so drafts are not \
             built. Stop it and run <code>incidex serve --drafts</code> to see them.</p>\n",
        );
    } else if drafts.is_empty() {
        body.push_str("<p>No report has <code>status: draft</code>.</p>\n");
    } else {
        body.push_str(
            "<p>Reports with <code>status: draft</code>: shown here only; a build leaves them \
             out until their status is <code>published</code>.</p>\n<ul>\n",
        );
        for draft in drafts {
            body.push_str(&format!(
                "<li><a href=\"{}\">{}</a> <small>{}</small></li>\n",
                escape(&draft.url_path),
                escape(&draft.title),
                escape(&draft.file.display().to_string())
            ));
        }
        body.push_str("</ul>\n");
    }
    page("Drafts", &body)
}

/// The page served for every address while the site has never built: its problems, one
/// per line, as the terminal shows them.
pub fn problems_page(problems: &str) -> String {
    let body = format!(
        "<h1>The site has errors</h1>\n<p>Fix these and save: this page reloads into the \
         site.</p>\n<pre>{}</pre>\n",
        escape(problems)
    );
    page("The site has errors", &body)
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta \
         name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} \
         · incidex serve</title>\n<style>body{{font:16px/1.5 system-ui,sans-serif;\
         max-width:60rem;margin:2rem auto;padding:0 1rem}}pre{{white-space:pre-wrap;\
         background:#f4f4f4;padding:1rem}}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_escape_what_content_put_in_them() {
        let draft = DraftPage {
            title: "<script>x</script>".into(),
            file: "content/incidents/a.md".into(),
            url_path: "/incidents/a/".into(),
        };
        let html = drafts_page(&[draft], true);
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
        assert!(html.contains("<a href=\"/incidents/a/\">"), "{html}");
        assert!(problems_page("bad <b>").contains("bad &lt;b&gt;"));
        assert!(drafts_page(&[], false).contains("--drafts"));
    }
}
