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
pub fn sitemaps(
    pages: &[(String, Option<Date>)],
    absolute: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    if pages.len() <= URLS_PER_SITEMAP {
        return vec![("sitemap.xml".to_string(), urlset(pages))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in pages.chunks(URLS_PER_SITEMAP).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let lastmod = chunk.iter().filter_map(|(_, d)| *d).max();
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

fn urlset(pages: &[(String, Option<Date>)]) -> String {
    let mut xml = String::with_capacity(pages.len() * 100 + 200);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in pages {
        xml.push_str("<url><loc>");
        xml.push_str(&xml_escape(url));
        xml.push_str("</loc>");
        if let Some(date) = lastmod {
            xml.push_str(&format!("<lastmod>{date}</lastmod>"));
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
    let entries: Vec<(String, Option<Date>)> = entries
        .into_iter()
        .map(|(url, date)| (cx.urls.absolute(&url), date))
        .collect();
    let absolute = |file: &str| cx.urls.absolute(&cx.urls.path(file));
    let mut files = sitemaps(&entries, absolute);
    files.push(("robots.txt".to_string(), robots(&absolute("sitemap.xml"))));
    crate::output::write_all(sink, files, "cannot write the file").map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_site_gets_a_sitemap_index() {
        let pages: Vec<(String, Option<Date>)> = (0..URLS_PER_SITEMAP + 1)
            .map(|n| (format!("https://e.org/p{n}/"), None))
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
        let pages = vec![(
            "https://e.org/a&b/".to_string(),
            Some(Date::constant(2025, 7, 3)),
        )];
        let files = sitemaps(&pages, |f| f.to_string());
        assert!(files[0]
            .1
            .contains("<loc>https://e.org/a&amp;b/</loc><lastmod>2025-07-03</lastmod>"));
    }
}
