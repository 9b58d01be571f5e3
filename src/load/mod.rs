//! The load stage: read the registries and every report under `content/incidents/`,
//! in parallel, into the domain model, collecting every problem of every file.

mod cross_checks;
mod files;
mod misplaced;
pub mod schema;
pub mod split;
pub mod validate;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::locate::YamlText;
use crate::markdown::{self, MarkdownSettings};
use crate::model::{Body, Incident};
use crate::registry::Registry;
use crate::settings::Settings;
use crate::vocabulary::Status;
use crate::yaml;

use cross_checks::{check_related, check_report_links, check_unique};
use files::{is_report, read_report, report_files};

/// Whether a load holds every report's body as HTML or leaves it in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// Render each body at load and hold it ([`Body::Held`]): the dev server's choice.
    Held,
    /// Only read each body's links at load ([`Body::InFile`]): a build's choice, which
    /// renders each body when it writes the report's page.
    InFiles,
}

/// Everything a site holds, validated.
#[derive(Debug)]
pub struct Site {
    /// Settings resolved by the first stage.
    pub settings: Settings,
    /// Countries, regions and groups.
    pub registry: Registry,
    /// Every report that is built (drafts only with `--drafts`), in path order.
    pub incidents: Vec<Incident>,
}

/// Loads the registries and every report. Needs [`Settings::resolve`] to have run.
///
/// Returns the site, or every problem found; warnings come back in both cases.
pub fn load_site(settings: Settings, bodies: Bodies) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let registry = Registry::load(&settings.root)
        .map_err(|problems| problems.into_iter().collect::<Diagnostics>())?;
    let files = report_files(&settings.root, &mut diagnostics);
    misplaced::warn_of_misplaced_reports(&settings.root, &mut diagnostics);
    let markdown = markdown_settings(&settings);
    let results: Vec<Loaded> = files
        .par_iter()
        .map(|path| load_report(&settings.root, path, &registry, &markdown, bodies))
        .collect();
    let mut incidents = Vec::with_capacity(results.len());
    let mut drafts = FxHashSet::default();
    let failed = sort_out(results, &mut incidents, &mut diagnostics, &mut drafts);
    finish(settings, registry, incidents, failed, diagnostics, drafts)
}

/// Moves sound reports into `incidents` and problems into `diagnostics`; returns what the
/// reports that failed refer to.
fn sort_out(
    results: Vec<Loaded>,
    incidents: &mut Vec<Incident>,
    diagnostics: &mut Diagnostics,
    drafts: &mut FxHashSet<PathBuf>,
) -> Vec<References> {
    let mut failed = Vec::new();
    for loaded in results {
        if loaded.draft {
            drafts.insert(loaded.references.path.clone());
        }
        diagnostics.extend(loaded.problems);
        match loaded.incident {
            Some(incident) => incidents.push(incident),
            None => failed.push(loaded.references),
        }
    }
    failed
}

/// Loads again only the reports at `changed` (paths relative to the root; added, edited or
/// deleted) and keeps every other report of `previous` as it was: what the dev server does
/// on a save, so one edit costs one report, not the whole folder.
///
/// The registries and settings are kept; a change to them needs [`load_site`]. Bodies are
/// held, as the dev server needs them.
pub fn reload_reports(
    previous: Site,
    changed: &[PathBuf],
) -> Result<(Site, Diagnostics), Diagnostics> {
    let Site {
        settings,
        registry,
        incidents,
    } = previous;
    let markdown = markdown_settings(&settings);
    let changed: FxHashSet<&Path> = changed.iter().map(PathBuf::as_path).collect();
    let mut kept: Vec<Incident> = incidents
        .into_iter()
        .filter(|i| !changed.contains(i.path.as_path()))
        .collect();
    let boundary = crate::site_boundary::SiteBoundary::of(&settings.root).ok();
    let leaves_site = |path: &Path| {
        boundary
            .as_ref()
            .and_then(|b| b.check_path(&settings.root.join(path), path))
    };
    let mut diagnostics = Diagnostics::default();
    let mut reports = Vec::new();
    for path in changed.iter().copied() {
        if !settings.root.join(path).is_file() || !is_report(path.as_os_str()) {
            continue;
        }
        match leaves_site(path) {
            Some(refused) => diagnostics.push(refused),
            None => reports.push(path),
        }
    }
    let fresh: Vec<Loaded> = reports
        .par_iter()
        .map(|path| load_report(&settings.root, path, &registry, &markdown, Bodies::Held))
        .collect();
    let mut reloaded = Vec::new();
    let mut drafts = FxHashSet::default();
    let failed = sort_out(fresh, &mut reloaded, &mut diagnostics, &mut drafts);
    // The kept reports are still in path order: each reloaded one goes in its place,
    // which costs far less than sorting ten thousand paths again.
    for incident in reloaded {
        let at = kept.partition_point(|k| k.path < incident.path);
        kept.insert(at, incident);
    }
    finish(settings, registry, kept, failed, diagnostics, drafts)
}

/// Checks what reports say about each other and assembles the site. Without `--drafts`,
/// the problems of `drafts` (paths of reports whose status is draft) are set aside.
fn finish(
    settings: Settings,
    registry: Registry,
    mut incidents: Vec<Incident>,
    failed: Vec<References>,
    mut diagnostics: Diagnostics,
    drafts: FxHashSet<PathBuf>,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let references: Vec<Refs> = incidents
        .iter()
        .map(Refs::of)
        .chain(failed.iter().map(References::view))
        .collect();
    check_unique(&incidents, &mut diagnostics);
    let slugs: FxHashSet<&str> = references.iter().map(|r| r.slug).collect();
    check_related(&references, &slugs, &mut diagnostics, &settings.root);
    check_report_links(&references, &slugs, &mut diagnostics, &settings.root);
    drop(slugs);
    drop(references);
    if !settings.drafts {
        incidents.retain(|i| i.status != Status::Draft);
        diagnostics.set_aside_drafts(&drafts);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok((
        Site {
            settings,
            registry,
            incidents,
        },
        diagnostics,
    ))
}

/// What loading one report gave: the incident if it is sound, every problem, and what it
/// refers to, so a broken report's links are checked and links to it are not reported.
struct Loaded {
    incident: Option<Incident>,
    problems: Vec<Diagnostic>,
    references: References,
    /// The front matter says `status: draft`, whether or not the rest of it parses.
    draft: bool,
}

/// What a report points at and answers to, sound or not.
struct References {
    path: PathBuf,
    slug: String,
    related: Vec<String>,
    site_links: Vec<String>,
}

impl References {
    /// A report nothing could be read from: other reports may still link to its slug.
    fn unparsed(path: &Path) -> References {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        References {
            path: path.to_path_buf(),
            slug: crate::slugs::slugify(stem),
            related: Vec::new(),
            site_links: Vec::new(),
        }
    }

    fn view(&self) -> Refs<'_> {
        Refs {
            path: &self.path,
            slug: &self.slug,
            related: &self.related,
            site_links: &self.site_links,
        }
    }
}

/// [`References`] borrowed from a report, sound or not, for the checks across reports.
struct Refs<'a> {
    path: &'a Path,
    slug: &'a str,
    related: &'a [String],
    site_links: &'a [String],
}

impl<'a> Refs<'a> {
    fn of(incident: &'a Incident) -> Refs<'a> {
        Refs {
            path: &incident.path,
            slug: &incident.slug,
            related: &incident.related,
            site_links: &incident.site_links,
        }
    }
}

/// Reads one report from disk and loads it, collecting every problem.
fn load_report(
    root: &Path,
    path: &Path,
    registry: &Registry,
    markdown: &MarkdownSettings,
    bodies: Bodies,
) -> Loaded {
    match read_report(root, path) {
        Ok(bytes) => load_report_bytes(path, &bytes, registry, markdown, bodies),
        Err(problem) => Loaded {
            incident: None,
            problems: vec![problem],
            references: References::unparsed(path),
            draft: false,
        },
    }
}

/// Loads one report from its bytes, as [`load_site`] does: the incident if it is sound,
/// and every problem (errors and warnings) found in it. Never panics, whatever the bytes;
/// the fuzz target holds it to that.
pub fn parse_report(
    path: &Path,
    bytes: &[u8],
    registry: &Registry,
    markdown: &MarkdownSettings,
) -> (Option<Incident>, Vec<Diagnostic>) {
    let loaded = load_report_bytes(path, bytes, registry, markdown, Bodies::Held);
    (loaded.incident, loaded.problems)
}

/// Decodes, splits, parses, validates and renders one report.
fn load_report_bytes(
    path: &Path,
    bytes: &[u8],
    registry: &Registry,
    markdown: &MarkdownSettings,
    bodies: Bodies,
) -> Loaded {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let mut references = References::unparsed(path);
    let text = match yaml::decode(bytes) {
        Ok(text) => text,
        Err((line, column)) => {
            let problem = Diagnostic::error(path, line, column, "the file is not valid UTF-8")
                .with_help(
                    "save the file with UTF-8 encoding; incidex does not guess other encodings",
                );
            return Loaded {
                incident: None,
                problems: vec![problem],
                references,
                draft: false,
            };
        }
    };
    let parts = match split::split_report(&text) {
        Ok(parts) => parts,
        Err(e) => {
            let (message, help) = e.explain();
            return Loaded {
                incident: None,
                problems: vec![Diagnostic::file_error(path, message).with_help(help)],
                references,
                draft: false,
            };
        }
    };
    let draft = split::says_draft(parts.front_matter);
    let body_line = parts.front_matter_line + parts.front_matter.matches('\n').count() + 1;
    let bounds =
        crate::body_limits::check_body(parts.body, body_line, !markdown.allow_raw_html, path);
    // A body past its bounds is not rendered: that is the work the bounds are there to cap.
    let within_bounds = bounds.is_empty();
    let mut site_links = Vec::new();
    let body = match bodies {
        _ if !within_bounds => Body::InFile,
        Bodies::Held => {
            let mut html = markdown::render_collecting_links(parts.body, markdown, &mut site_links);
            // Held for the whole session: no spare room.
            html.shrink_to_fit();
            Body::Held(html)
        }
        Bodies::InFiles => {
            markdown::collect_links(parts.body, &mut site_links);
            Body::InFile
        }
    };
    references.site_links.clone_from(&site_links);

    let parsed = yaml::parse_collecting::<schema::FrontMatter>(
        parts.front_matter,
        parts.front_matter_line,
        path,
    );
    let mut problems = bounds;
    problems.extend(parsed.problems);
    let Some(front) = parsed.value else {
        return Loaded {
            incident: None,
            problems,
            references,
            draft,
        };
    };
    if let Some(slug) = front
        .slug
        .as_deref()
        .filter(|s| crate::slugs::is_valid_slug(s))
    {
        references.slug = slug.to_string();
    }
    references.related.clone_from(&front.related);
    let cx = validate::ReportContext {
        path,
        yaml: YamlText::new(parts.front_matter, parts.front_matter_line),
        registry,
    };
    let incident = match validate::validate(front, stem, &cx) {
        Ok((mut incident, warnings)) if problems.is_empty() => {
            problems = warnings;
            incident.body = body;
            incident.site_links = site_links;
            Some(incident)
        }
        Ok((_, warnings)) => {
            problems.extend(warnings);
            None
        }
        Err(more) => {
            problems.extend(more);
            None
        }
    };
    Loaded {
        incident,
        problems,
        references,
        draft,
    }
}

impl Site {
    /// The body of incident `i` as safe HTML: borrowed when held, else read from its file
    /// and rendered, which fails only if the file changed since it was loaded.
    pub fn body(&self, i: usize) -> Result<Cow<'_, str>, Diagnostic> {
        let incident = &self.incidents[i];
        match &incident.body {
            Body::Held(html) => Ok(Cow::Borrowed(html)),
            Body::InFile => render_body(&self.settings, &incident.path).map(Cow::Owned),
        }
    }
}

/// Reads the report at `path` again and renders its body, as its load would have.
fn render_body(settings: &Settings, path: &Path) -> Result<String, Diagnostic> {
    let bytes = read_report(&settings.root, path)?;
    let changed = || {
        Diagnostic::file_error(path, "the file changed while the site was being built")
            .with_help("build again once the file is saved")
    };
    let text = yaml::decode(&bytes).map_err(|_| changed())?;
    let parts = split::split_report(&text).map_err(|_| changed())?;
    Ok(markdown::render(parts.body, &markdown_settings(settings)))
}

/// How the site's bodies are rendered.
fn markdown_settings(settings: &Settings) -> MarkdownSettings {
    MarkdownSettings {
        base_path: settings.base_path.clone(),
        allow_raw_html: settings.config.allow_raw_html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::BuildOptions;

    /// The minimal fixture copied to a scratch folder, loaded with `bodies`.
    fn loaded(bodies: Bodies) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        let from = Path::new("tests/fixtures/minimal");
        for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
            let to = dir.path().join(entry.path().strip_prefix(from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        let options = BuildOptions {
            root: dir.path().to_path_buf(),
            ..BuildOptions::default()
        };
        let settings = Settings::resolve(&options).expect("fixture settings");
        let (site, _) = load_site(settings, bodies).expect("fixture loads");
        (dir, site)
    }

    #[test]
    fn a_body_left_in_its_file_renders_as_a_held_one_did() {
        let (_held_dir, held) = loaded(Bodies::Held);
        let (_dir, in_files) = loaded(Bodies::InFiles);
        assert!(matches!(in_files.incidents[0].body, Body::InFile));
        for i in 0..held.incidents.len() {
            assert_eq!(held.body(i).unwrap(), in_files.body(i).unwrap());
        }
        assert!(held.body(0).unwrap().contains("<p>"));
    }

    #[test]
    fn a_report_gone_since_load_is_named_not_rendered_empty() {
        let (dir, site) = loaded(Bodies::InFiles);
        let path = site.incidents[0].path.clone();
        std::fs::remove_file(dir.path().join(&path)).unwrap();
        let problem = site.body(0).expect_err("the file is gone");
        assert_eq!(problem.path, path);
        assert!(
            problem.message.contains("cannot read"),
            "{}",
            problem.message
        );
        let (held_dir, held) = loaded(Bodies::Held);
        std::fs::remove_file(held_dir.path().join(&path)).unwrap();
        assert!(held.body(0).is_ok());
    }
}
