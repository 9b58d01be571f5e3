//! Every URL of the site is built here, in exactly one function per kind of page, so the
//! base path and the layout of SPEC.md section 3 live in one place.

/// Builds site URLs under one base path (`/` or `/repo/`).
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
}

impl Urls {
    /// URLs under `base_path`, which starts and ends with `/`.
    pub fn new(base_path: &str) -> Self {
        Urls {
            base: base_path.to_string(),
        }
    }

    /// The base path itself: the home page.
    pub fn home(&self) -> String {
        self.base.clone()
    }

    /// Any path under the base, given without a leading slash (`static/style.css`).
    pub fn path(&self, relative: &str) -> String {
        format!("{}{}", self.base, relative.trim_start_matches('/'))
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

    /// The method page.
    pub fn about(&self) -> String {
        format!("{}about/", self.base)
    }

    /// The file a page URL is written to, relative to the output folder.
    ///
    /// `/repo/incidents/x/` gives `incidents/x/index.html`; URLs ending in a file name
    /// are written as that file.
    pub fn output_file(&self, url: &str) -> String {
        let relative = url
            .strip_prefix(&self.base)
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
    fn output_files_sit_under_the_output_folder() {
        let urls = Urls::new("/repo/");
        assert_eq!(urls.output_file("/repo/"), "index.html");
        assert_eq!(
            urls.output_file("/repo/groups/jnim/"),
            "groups/jnim/index.html"
        );
        assert_eq!(urls.output_file("/repo/404.html"), "404.html");
    }
}
