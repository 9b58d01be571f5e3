//! Report bodies: CommonMark with tables, footnotes and strikethrough, turned into HTML
//! that is safe to publish.
//!
//! Raw HTML is sanitised unless the site opts in. Sanitising parses the whole page, so it
//! runs only on bodies that hold raw HTML; in the rest, link targets are the only way in
//! for script, and those are checked here.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

/// How bodies are rendered for one site.
#[derive(Debug, Clone)]
pub struct MarkdownSettings {
    /// The base URL's path, put before links that start with `/`.
    pub base_path: String,
    /// Keep raw HTML as written.
    pub allow_raw_html: bool,
}

/// Renders one body to HTML.
pub fn render(markdown: &str, settings: &MarkdownSettings) -> String {
    render_collecting_links(markdown, settings, &mut Vec::new())
}

/// Renders one body to HTML and adds its site-absolute link targets (`/incidents/x/`, as
/// written, before the base path is put in front) to `site_links`, so they can be checked.
pub fn render_collecting_links(
    markdown: &str,
    settings: &MarkdownSettings,
    site_links: &mut Vec<String>,
) -> String {
    let mut has_raw_html = false;
    let events = Parser::new_ext(markdown, OPTIONS).map(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => {
            has_raw_html = true;
            event
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: {
                if is_site_absolute(&dest_url) {
                    site_links.push(dest_url.to_string());
                }
                rewrite_url(dest_url, &settings.base_path)
            },
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: rewrite_url(dest_url, &settings.base_path),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    if has_raw_html && !settings.allow_raw_html {
        sanitise(&out)
    } else {
        out
    }
}

/// The Markdown extensions bodies are written with.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// Adds the site-absolute link targets of one body to `site_links`, as
/// [`render_collecting_links`] would, without rendering it: what a build checks at load,
/// rendering the body only when it writes the page.
pub fn collect_links(markdown: &str, site_links: &mut Vec<String>) {
    if !may_have_site_links(markdown) {
        return;
    }
    for event in Parser::new_ext(markdown, OPTIONS) {
        if let Event::Start(Tag::Link { dest_url, .. }) = event {
            if is_site_absolute(&dest_url) {
                site_links.push(dest_url.into_string());
            }
        }
    }
}

/// Whether a link of `markdown` may point at a site-absolute address. Every link target
/// follows `](` or, in a reference definition, `]:`; one that starts with a letter or digit
/// (`https:`, `mailto:`, `notes.html`) cannot, so most bodies are never parsed at load.
fn may_have_site_links(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    markdown.match_indices(']').any(|(at, _)| {
        let rest = &bytes[at + 1..];
        if !matches!(rest.first(), Some(b'(' | b':')) {
            return false;
        }
        let target = rest[1..]
            .iter()
            .find(|&&b| !b.is_ascii_whitespace() && b != b'<');
        !target.is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Strips script, event handlers and unsafe URLs from HTML, keeping ordinary markup. Of
/// `style`, only a table cell's alignment is kept (anything else could cover the page or
/// fetch a tracker); an `id` the page itself uses is dropped, so a report cannot take the
/// place of the page's own search form or headings.
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .attribute_filter(|_, attribute, value| match attribute {
            "style" => cell_alignment(value).map(Into::into),
            "id" if is_page_id(value) => None,
            _ => Some(value.into()),
        })
        .clean(html)
        .to_string()
}

/// `text-align: left|center|right`, as the table syntax writes it, and nothing else.
fn cell_alignment(style: &str) -> Option<String> {
    let (property, value) = style.trim().trim_end_matches(';').split_once(':')?;
    let value = value.trim().to_ascii_lowercase();
    (property.trim().eq_ignore_ascii_case("text-align")
        && matches!(value.as_str(), "left" | "center" | "right"))
    .then(|| format!("text-align: {value}"))
}

/// Ids the built-in templates and the dev server give their own elements.
fn is_page_id(id: &str) -> bool {
    const PAGE_IDS: [&str; 6] = [
        "main",
        "casualties",
        "corrections",
        "method",
        "vocabulary",
        "incidex-problems",
    ];
    PAGE_IDS.contains(&id)
        || id.starts_with("search-")
        || id.ends_with("-heading")
        || id.ends_with("-columns")
}

/// Puts the base path before site-absolute links and neutralises script URLs.
fn rewrite_url<'a>(url: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    if is_unsafe_scheme(&url) {
        return CowStr::Borrowed("#");
    }
    if is_site_absolute(&url) && base_path != "/" {
        return CowStr::Boxed(format!("{}{}", base_path.trim_end_matches('/'), url).into());
    }
    url
}

fn is_site_absolute(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}

fn is_unsafe_scheme(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| compact.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Reading links without rendering finds what rendering finds, whatever the text.
        #[test]
        fn collecting_links_alone_finds_what_rendering_finds(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "[a](", "[a]: ", "[a]", "](", "]:", "[", "]", "(", ")", "<", ">", " ", "\n",
                "\n\n", "\\", "&#47;", "/incidents/x/", "https://e.org/", "x", "`", "*",
                "> ", "- ", "    ", "!",
            ]), 0..24)
        ) {
            let markdown = pieces.concat();
            let mut rendered = Vec::new();
            render_collecting_links(&markdown, &settings("/", false), &mut rendered);
            let mut collected = Vec::new();
            collect_links(&markdown, &mut collected);
            prop_assert_eq!(collected, rendered);
        }
    }

    #[test]
    fn only_bodies_with_a_target_not_starting_with_a_letter_are_parsed_for_links() {
        assert!(!may_have_site_links(
            "See [the report](https://example.org/x)."
        ));
        assert!(!may_have_site_links(
            "[a]: mailto:desk@example.org\n[^1]: A note."
        ));
        assert!(!may_have_site_links("No links [at all] here."));
        assert!(may_have_site_links("[a](/incidents/x/)"));
        assert!(may_have_site_links("[a]( \n </incidents/x/>)"));
        assert!(may_have_site_links("[a]:\n  /incidents/x/"));
        assert!(may_have_site_links("[a](&#47;incidents/x/)"));
        let mut links = Vec::new();
        collect_links("[a](&#47;incidents/x/) [b](\\/y)", &mut links);
        assert_eq!(links, ["/incidents/x/", "/y"]);
    }

    fn settings(base_path: &str, allow_raw_html: bool) -> MarkdownSettings {
        MarkdownSettings {
            base_path: base_path.into(),
            allow_raw_html,
        }
    }

    #[test]
    fn renders_tables_footnotes_and_strikethrough() {
        let html = render(
            "| a |\n|---|\n| 1 |\n\n~~x~~ y[^1]\n\n[^1]: n\n",
            &settings("/", false),
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>x</del>"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn prefixes_site_links_with_the_base_path() {
        let html = render(
            "[r](/incidents/x/) [e](https://e.org/)",
            &settings("/repo/", false),
        );
        assert!(html.contains(r#"href="/repo/incidents/x/""#));
        assert!(html.contains(r#"href="https://e.org/""#));
    }

    #[test]
    fn collects_site_links_as_written() {
        let mut links = Vec::new();
        render_collecting_links(
            "[a](/incidents/x/) [b](https://e.org/) [c](//cdn.example/)",
            &settings("/repo/", false),
            &mut links,
        );
        assert_eq!(links, vec!["/incidents/x/".to_string()]);
    }

    #[test]
    fn only_cell_alignment_is_kept_of_styles_and_page_ids_are_dropped() {
        let hostile = "<table><tr><td style=\"position:fixed;inset:0;background:url(https://tracker.example/x)\">x</td>\
                       <th style=\"text-align: right\">y</th></tr></table>\
                       <p id=\"search-form\">a</p><p id=\"main\">b</p><h2 id=\"background\">c</h2>";
        let safe = render(hostile, &settings("/", false));
        assert!(
            !safe.contains("position") && !safe.contains("tracker"),
            "{safe}"
        );
        assert!(safe.contains("<th style=\"text-align: right\">"), "{safe}");
        assert!(
            !safe.contains("id=\"search-form\"") && !safe.contains("id=\"main\""),
            "{safe}"
        );
        assert!(safe.contains("id=\"background\""), "{safe}");

        // Markdown tables keep their alignment and footnotes their links when sanitised.
        let table = render(
            "<b>raw</b>\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\nNote[^n].\n\n[^n]: Text.\n",
            &settings("/", false),
        );
        assert!(table.contains("style=\"text-align: center\""), "{table}");
        assert!(table.contains("style=\"text-align: right\""), "{table}");
        let target = table
            .split("href=\"#")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap();
        assert!(
            table.contains(&format!("id=\"{target}\"")),
            "footnote link target kept: {table}"
        );
    }

    #[test]
    fn removes_script_unless_the_site_opts_in() {
        let body =
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))";
        let safe = render(body, &settings("/", false));
        assert!(!safe.contains("<script"));
        assert!(!safe.contains("onerror"));
        assert!(!safe.contains("javascript:"));
        let raw = render("<b onclick=x>hi</b>", &settings("/", true));
        assert!(raw.contains("onclick"));
    }
}
