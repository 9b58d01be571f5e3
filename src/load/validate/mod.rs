//! Turns parsed front matter into a domain [`Incident`], resolving every name through the
//! registries and collecting every problem with its position, not just the first.

mod attribution;
mod checker;
mod dates;
mod fields;
mod places;
mod trust;

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::domain::grades::Grades;
use crate::domain::model::{Body, Incident};
use crate::domain::registry::Registry;
use crate::load::schema::FrontMatter;
use crate::locate::YamlText;

use attribution::{resolve_actors, resolve_claims, resolve_figures, resolve_sources};
use checker::Checker;
use fields::{check_dates, check_id, check_related, check_slug, check_texts, resolve_revisions};
use places::{resolve_country, resolve_locations, resolve_regions};
use trust::resolve_confidence;

pub use dates::parse_date;

/// What validation needs besides the front matter itself.
pub struct ReportContext<'a> {
    /// The report's path relative to the site root, for messages.
    pub path: &'a Path,
    /// The front matter text, to point at values.
    pub yaml: YamlText<'a>,
    /// Both registries.
    pub registry: &'a Registry,
    /// What the site's settings ask of every report.
    pub rules: Rules<'a>,
}

/// What `site.yaml` asks of every report: the grades `confidence:` may name, and whether
/// every source on the web needs an archived copy.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The site's confidence grades.
    pub grades: &'a Grades,
    /// `require_archive: true`: a source with a `url` and no `archive_url` is an error.
    pub require_archive: bool,
}

impl Rules<'_> {
    /// The rules of a site that sets none: the built-in grades, no archive required.
    pub fn built_in() -> Rules<'static> {
        Rules {
            grades: Grades::built_in(),
            require_archive: false,
        }
    }

    /// The rules `settings` set.
    pub fn of(settings: &crate::settings::Settings) -> Rules<'_> {
        Rules {
            grades: &settings.config.confidence,
            require_archive: settings.config.require_archive,
        }
    }
}

/// Checks `front` and resolves it into an [`Incident`] (with an empty body) and its
/// warnings, or lists every problem found in it, warnings included.
///
/// Each part is checked in the order of the front matter, so problems are listed as an
/// editor reads the file.
pub fn validate(
    front: FrontMatter,
    file_stem: &str,
    cx: &ReportContext,
) -> Result<(Incident, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut ck = Checker {
        cx,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let slug = check_slug(&mut ck, &front, file_stem);
    check_id(&mut ck, &front);
    check_texts(&mut ck, &front);
    let (date, end_date, updated) = check_dates(&mut ck, &front);
    let country = resolve_country(&mut ck, &front);
    let regions = resolve_regions(&mut ck, &front, country);
    let locations = resolve_locations(&mut ck, front.locations, country, &regions);
    let actors = resolve_actors(&mut ck, &front.groups);
    if front.sources.is_empty() {
        ck.error(
            "sources",
            "",
            "sources is empty".into(),
            Some("name at least one source".into()),
        );
    }
    let sources = resolve_sources(&mut ck, front.sources);
    let confidence = resolve_confidence(&mut ck, front.confidence.as_deref());

    let fatalities = front
        .fatalities
        .map(|f| resolve_figures(&mut ck, "fatalities", f, &sources));
    let injured = front
        .injured
        .map(|f| resolve_figures(&mut ck, "injured", f, &sources));
    let assertions = resolve_claims(&mut ck, front.claims, &sources);
    let revisions = resolve_revisions(&mut ck, front.revisions);
    check_related(&mut ck, &front.related);

    let (Some(date), Some(country), true) = (date, country, ck.problems.is_empty()) else {
        ck.problems.append(&mut ck.warnings);
        return Err(ck.problems);
    };
    let incident = Incident {
        path: cx.path.to_path_buf(),
        id: front.id.unwrap_or_else(|| slug.clone()),
        slug,
        title: front.title,
        date,
        end_date,
        precision: front.date_precision,
        country,
        regions,
        locations,
        actors,
        event_type: front.event_type,
        fatalities,
        injured,
        assertions,
        sources,
        confidence,
        not_duplicate_of: front.not_duplicate_of,
        summary: front.summary,
        tags: front.tags,
        related: front.related,
        status: front.status,
        updated,
        revisions,
        // Read from git for the whole site at once, after every report is loaded.
        first_committed: None,
        body: Body::InFile,
        site_links: Vec::new(),
        translations: Vec::new(),
        shown_in: None,
    };
    Ok((incident, ck.warnings))
}
