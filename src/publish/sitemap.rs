//! `sitemap.xml` (the sitemaps.org protocol) and `robots.txt`, for search engines.

use jiff::civil::Date;

use crate::diagnostics::Diagnostic;
use crate::output::PageSink;
use crate::site_context::SiteContext;
use crate::xml::escape as xml_escape;

/// The protocol allows at most this many URLs in one sitemap file.
const URLS_PER_SITEMAP: usize = 50_000;

/// The sitemap files for `pages` (absolute URL, last change): one `sitemap.xml`, or when
/// there are more URLs than one file may hold, `sitemap.xml` as an index of
/// `sitemap-N.xml` files. `absolute` turns a file name at the site root into its URL.
pub fn sitemaps(pages: &[Entry], absolute: impl Fn(&str) -> String) -> Vec<(String, String)> {
    if pages.len() <= URLS_PER_SITEMAP {
        return vec![("sitemap.xml".to_string(), urlset(pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in pages.chunks(URLS_PER_SITEMAP).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let lastmod = chunk.iter().filter_map(|e| e.lastmod).max();
        index.push_str(&format!(
            "<sitemap><loc>{}</loc>{}</sitemap>\n",
            xml_escape(&absolute(&name)),
            lastmod
                .map(|d| format!("<lastmod>{d}</lastmod>"))
                .unwrap_or_default()
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".to_string(), index));
    files
}

fn urlset(pages: &[Entry]) -> String {
    let mut xml = String::with_capacity(pages.len() * 100 + 200);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if pages.iter().any(|p| !p.alternates.is_empty()) {
        xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    xml.push_str(">\n");
    for page in pages {
        xml.push_str("<url><loc>");
        xml.push_str(&xml_escape(&page.url));
        xml.push_str("</loc>");
        if let Some(date) = page.lastmod {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        for (code, url) in &page.alternates {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                xml_escape(code),
                xml_escape(url)
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n")
}

/// The sitemap stage: writes `sitemap.xml` (or a sitemap index and its parts) listing
/// `entries` (each page's URL and when it last changed), and `robots.txt` pointing at it.
/// Without a sink (`check`) it writes nothing.
pub fn write(
    cx: &SiteContext,
    entries: Vec<(String, Option<Date>)>,
    sink: Option<&dyn PageSink>,
) -> Result<(), Vec<Diagnostic>> {
    let Some(sink) = sink else {
        return Ok(());
    };
    let entries = in_every_language(cx, entries);
    let absolute = |file: &str| cx.urls.absolute(&cx.urls.path(file));
    let mut files = sitemaps(&entries, absolute);
    files.push(("robots.txt".to_string(), robots(&absolute("sitemap.xml"))));
    crate::output::write_all(sink, files, "cannot write the file").map(drop)
}

/// One URL of a sitemap, with the same page in every language the site publishes.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The page's absolute URL.
    pub url: String,
    /// Its last change.
    pub lastmod: Option<Date>,
    /// `(hreflang, absolute URL)` of the page in each language, itself included, and
    /// `x-default`; empty for a site in one language.
    pub alternates: Vec<(String, String)>,
}

/// The default language's pages (`entries`, paths made with the default language's
/// `cx`), each as an entry per language that names all the others: search engines want
/// every language's URL listed, each with the full set of alternates.
fn in_every_language(cx: &SiteContext, entries: Vec<(String, Option<Date>)>) -> Vec<Entry> {
    let mut out = Vec::with_capacity(entries.len() * cx.languages.len().max(1));
    for (url, lastmod) in entries {
        let same = cx.alternates(&url);
        if same.is_empty() {
            out.push(Entry {
                url: cx.urls.absolute(&url),
                lastmod,
                alternates: Vec::new(),
            });
            continue;
        }
        let alternates: Vec<(String, String)> = same
            .iter()
            .map(|a| (a.code.clone(), a.absolute.clone()))
            .chain(std::iter::once((
                "x-default".to_string(),
                same[0].absolute.clone(),
            )))
            .collect();
        out.extend(same.iter().map(|a| Entry {
            url: a.absolute.clone(),
            lastmod,
            alternates: alternates.clone(),
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_site_gets_a_sitemap_index() {
        let pages: Vec<Entry> = (0..URLS_PER_SITEMAP + 1)
            .map(|n| Entry {
                url: format!("https://e.org/p{n}/"),
                lastmod: None,
                alternates: Vec::new(),
            })
            .collect();
        let files = sitemaps(&pages, |f| format!("https://e.org/{f}"));
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert!(files[2]
            .1
            .contains("<loc>https://e.org/sitemap-2.xml</loc>"));
    }

    #[test]
    fn urls_are_escaped_and_dated() {
        let pages = vec![Entry {
            url: "https://e.org/a&b/".to_string(),
            lastmod: Some(Date::constant(2025, 7, 3)),
            alternates: vec![("fr".to_string(), "https://e.org/fr/a&b/".to_string())],
        }];
        let files = sitemaps(&pages, |f| f.to_string());
        assert!(files[0]
            .1
            .contains("<loc>https://e.org/a&amp;b/</loc><lastmod>2025-07-03</lastmod>"));
        assert!(files[0].1.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://e.org/fr/a&amp;b/\"/>"
        ));
        assert!(files[0].1.contains("xmlns:xhtml="));
    }
}
