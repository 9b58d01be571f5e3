//! Every URL of the site is built here, in exactly one function per kind of page, so the
//! base path and the layout of SPEC.md section 3 live in one place.

/// Builds site URLs under one base path (`/` or `/repo/`), for the pages of one language.
///
/// Pages of the default language sit at the root; those of another under `/LANG/`
/// (`base`). What all languages share (data files, the stylesheet, scripts, base maps)
/// stays under the root (`root`), and every output file is named from the root.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
    root: String,
    origin: String,
}

impl Urls {
    /// URLs under `base_path`, which starts and ends with `/`, with no known origin.
    pub fn new(base_path: &str) -> Self {
        Urls {
            base: base_path.to_string(),
            root: base_path.to_string(),
            origin: String::new(),
        }
    }

    /// URLs of a site published at `base_url` (`https://host/repo/`), whose path part is
    /// `base_path`: pages link by path, feeds and sitemaps by absolute URL.
    pub fn for_site(base_url: &str, base_path: &str) -> Self {
        let trimmed = base_url.trim_end_matches('/');
        let origin = trimmed
            .strip_suffix(base_path.trim_end_matches('/'))
            .filter(|o| o.starts_with("http://") || o.starts_with("https://"))
            .unwrap_or("");
        Urls {
            base: base_path.to_string(),
            root: base_path.to_string(),
            origin: origin.to_string(),
        }
    }

    /// The URLs of the pages of a further language, under `/LANG/` (`lang` is `en`); with
    /// `None`, those of the default language, at the root.
    pub fn for_language(&self, lang: Option<&str>) -> Urls {
        let base = match lang {
            Some(lang) => format!("{}{lang}/", self.root),
            None => self.root.clone(),
        };
        Urls {
            base,
            root: self.root.clone(),
            origin: self.origin.clone(),
        }
    }

    /// `url`, a page of this language, as the same page in `lang` (`None`: the default
    /// language): what a language switch and `hreflang` links point at. A URL outside
    /// this language's pages is returned as it is.
    pub fn same_page_in(&self, url: &str, lang: Option<&str>) -> String {
        match url.strip_prefix(&self.base) {
            Some(rest) => format!("{}{rest}", self.for_language(lang).base),
            None => url.to_string(),
        }
    }

    /// `url`, under this language's pages, moved to the root: where a file all languages
    /// share (a list's CSV beside its page) is found.
    pub fn shared(&self, url: &str) -> String {
        self.same_page_in(url, None)
    }

    /// `url` (a path from this struct) as an absolute URL; a path still when the site's
    /// base URL names no host.
    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.origin)
    }

    /// A file beside a page: `/regions/mali/` and `atom.xml` give `/regions/mali/atom.xml`.
    pub fn beside(&self, page: &str, file: &str) -> String {
        format!("{page}{file}")
    }

    /// The site's main Atom feed.
    pub fn atom(&self) -> String {
        format!("{}atom.xml", self.base)
    }

    /// The downloads page; in the default language, data files sit in the same folder.
    pub fn data(&self) -> String {
        format!("{}data/", self.base)
    }

    /// One of the data files every language links to (`incidents.csv`), under the root.
    pub fn data_file(&self, name: &str) -> String {
        format!("{}data/{name}", self.root)
    }

    /// The base path itself: the home page.
    pub fn home(&self) -> String {
        self.base.clone()
    }

    /// Any file every language shares, given without a leading slash (`style.css`): it
    /// sits under the root.
    pub fn path(&self, relative: &str) -> String {
        format!("{}{}", self.root, relative.trim_start_matches('/'))
    }

    /// One incident's page.
    pub fn incident(&self, slug: &str) -> String {
        format!("{}incidents/{slug}/", self.base)
    }

    /// The list of all incidents.
    pub fn incidents(&self) -> String {
        format!("{}incidents/", self.base)
    }

    /// Page `n` (1-based) of a paginated list whose first page is at `first`.
    pub fn page(&self, first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}page/{n}/")
        }
    }

    /// Every country with its regions.
    pub fn regions(&self) -> String {
        format!("{}regions/", self.base)
    }

    /// One country.
    pub fn country(&self, country: &str) -> String {
        format!("{}regions/{country}/", self.base)
    }

    /// One region of a country.
    pub fn region(&self, country: &str, region: &str) -> String {
        format!("{}regions/{country}/{region}/", self.base)
    }

    /// Every group.
    pub fn groups(&self) -> String {
        format!("{}groups/", self.base)
    }

    /// One group, or the redirect page of one alias.
    pub fn group(&self, group: &str) -> String {
        format!("{}groups/{group}/", self.base)
    }

    /// Incidents of one event type.
    pub fn event_type(&self, event_type: &str) -> String {
        format!("{}types/{event_type}/", self.base)
    }

    /// Every event type.
    pub fn types(&self) -> String {
        format!("{}types/", self.base)
    }

    /// Years and months.
    pub fn timeline(&self) -> String {
        format!("{}timeline/", self.base)
    }

    /// One year.
    pub fn year(&self, year: i16) -> String {
        format!("{}timeline/{year}/", self.base)
    }

    /// The search page; its index files sit in `index/` below it.
    pub fn search(&self) -> String {
        format!("{}search/", self.base)
    }

    /// The map of every located incident.
    pub fn map(&self) -> String {
        format!("{}map/", self.base)
    }

    /// The charts page.
    pub fn stats(&self) -> String {
        format!("{}stats/", self.base)
    }

    /// The method page.
    pub fn about(&self) -> String {
        format!("{}about/", self.base)
    }

    /// The file a page URL is written to, relative to the output folder.
    ///
    /// `/repo/incidents/x/` gives `incidents/x/index.html`, `/repo/en/incidents/x/`
    /// `en/incidents/x/index.html`; URLs ending in a file name are written as that file.
    pub fn output_file(&self, url: &str) -> String {
        let relative = url
            .strip_prefix(&self.root)
            .unwrap_or(url.trim_start_matches('/'));
        if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_url_carries_the_base_path() {
        let urls = Urls::new("/repo/");
        assert_eq!(urls.incident("x"), "/repo/incidents/x/");
        assert_eq!(urls.region("mali", "dioila"), "/repo/regions/mali/dioila/");
        assert_eq!(urls.page(&urls.incidents(), 2), "/repo/incidents/page/2/");
        assert_eq!(urls.page(&urls.incidents(), 1), "/repo/incidents/");
        assert_eq!(urls.path("static/style.css"), "/repo/static/style.css");
    }

    #[test]
    fn absolute_urls_keep_the_origin_of_the_base_url() {
        let urls = Urls::for_site("https://example.org/sub/", "/sub/");
        assert_eq!(
            urls.absolute(&urls.atom()),
            "https://example.org/sub/atom.xml"
        );
        let root = Urls::for_site("https://example.org", "/");
        assert_eq!(root.absolute(&root.home()), "https://example.org/");
        let bare = Urls::for_site("/sub/", "/sub/");
        assert_eq!(bare.absolute(&bare.home()), "/sub/");
    }

    #[test]
    fn output_files_sit_under_the_output_folder() {
        let urls = Urls::new("/repo/");
        assert_eq!(urls.output_file("/repo/"), "index.html");
        assert_eq!(
            urls.output_file("/repo/groups/jnim/"),
            "groups/jnim/index.html"
        );
        assert_eq!(urls.output_file("/repo/404.html"), "404.html");
    }

    #[test]
    fn a_further_language_has_its_pages_under_its_code_and_shares_the_rest() {
        let root = Urls::for_site("https://example.org/repo/", "/repo/");
        let english = root.for_language(Some("en"));
        assert_eq!(english.incident("x"), "/repo/en/incidents/x/");
        assert_eq!(english.data_file("events.csv"), "/repo/data/events.csv");
        assert_eq!(english.path("style.css"), "/repo/style.css");
        assert_eq!(
            english.output_file(&english.region("mali", "kayes")),
            "en/regions/mali/kayes/index.html"
        );
        let page = english.group("jnim");
        assert_eq!(english.same_page_in(&page, None), "/repo/groups/jnim/");
        assert_eq!(root.same_page_in(&root.home(), Some("en")), "/repo/en/");
        assert_eq!(
            english.shared(&english.beside(&page, "incidents.csv")),
            "/repo/groups/jnim/incidents.csv"
        );
    }
}
