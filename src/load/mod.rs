//! The load stage: read the registries and every report under `content/incidents/`,
//! in parallel, into the domain model, collecting every problem of every file.

mod misplaced;
pub mod schema;
pub mod split;
pub mod validate;

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::locate::YamlText;
use crate::markdown::{self, MarkdownSettings};
use crate::model::{Body, Incident};
use crate::registry::Registry;
use crate::settings::Settings;
use crate::vocabulary::Status;
use crate::yaml;

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

/// Reports larger than this are refused rather than parsed: no real report comes close.
const MAX_REPORT_BYTES: u64 = 4 * 1024 * 1024;

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

/// Every report file under `content/incidents/`, relative to the root, sorted.
fn report_files(root: &Path, diagnostics: &mut Diagnostics) -> Vec<PathBuf> {
    let dir = root.join("content/incidents");
    let mut files = Vec::new();
    let visit = |entry: walkdir::Result<walkdir::DirEntry>| match entry {
        Ok(entry) if entry.file_type().is_file() && is_report(entry.file_name()) => {
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            files.push(relative.to_path_buf());
        }
        Ok(entry) if entry.file_type().is_file() => {
            let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
            diagnostics.extend(misplaced::near_miss(relative));
        }
        Ok(_) => {}
        Err(err)
            if err
                .io_error()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
                && err.depth() == 0 => {}
        Err(err) => {
            let path = err.path().unwrap_or(&dir);
            let relative = path.strip_prefix(root).unwrap_or(path);
            let why = if err.loop_ancestor().is_some() {
                "a symbolic link here points back to a folder above it (a loop); it is skipped"
                    .to_string()
            } else {
                format!("cannot read: {err}")
            };
            diagnostics.push(Diagnostic::file_error(relative, why).warning());
        }
    };
    match crate::site_boundary::SiteBoundary::of(root) {
        Ok(boundary) => {
            let refused = boundary.walk(&dir, root, visit);
            diagnostics.extend(refused);
        }
        Err(e) => diagnostics.push(Diagnostic::file_error(
            Path::new("content/incidents"),
            format!("cannot read: {e}"),
        )),
    }
    files
}

/// A Markdown file that is not an editor's backup or lock file.
fn is_report(name: &std::ffi::OsStr) -> bool {
    let Some(name) = Path::new(name).file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with(".md") && !name.starts_with('.') && !name.starts_with('#')
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
    let text = match split::decode(bytes) {
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
    let text = split::decode(&bytes).map_err(|_| changed())?;
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

/// The bytes of one report, refusing files too large to be reports.
fn read_report(root: &Path, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let full = root.join(path);
    let cannot_read =
        |e: std::io::Error| Diagnostic::file_error(path, format!("cannot read the file: {e}"));
    // One open and one look at the open file: reading 100,000 reports, every system call
    // that walks the path again counts.
    let file = std::fs::File::open(&full).map_err(cannot_read)?;
    let size = file.metadata().map_err(cannot_read)?.len();
    if size > MAX_REPORT_BYTES {
        return Err(Diagnostic::file_error(
            path,
            format!(
                "the file is {:.1} MB ({} bytes); reports are limited to 4 MiB ({MAX_REPORT_BYTES} \
                 bytes)",
                size as f64 / 1e6,
                size
            ),
        )
        .with_help("split the report, or move large tables to a linked data file"));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Through `take`, which reads into the room made instead of asking the size again.
    file.take(MAX_REPORT_BYTES)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    Ok(bytes)
}

/// Slugs and ids must be unique across the site; both files are named.
fn check_unique(incidents: &[Incident], diagnostics: &mut Diagnostics) {
    for (what, key) in [("slug", 0), ("id", 1)] {
        let mut seen: FxHashMap<&str, &Path> =
            FxHashMap::with_capacity_and_hasher(incidents.len(), Default::default());
        for incident in incidents {
            let value = if key == 0 {
                &incident.slug
            } else {
                &incident.id
            };
            if let Some(first) = seen.insert(value, &incident.path) {
                diagnostics.push(
                    Diagnostic::file_error(
                        &incident.path,
                        format!("{what} '{value}' is also used by {}", first.display()),
                    )
                    .with_help(match what {
                        "slug" => "rename one of the two files, or give one of them another \
                                   `slug:` in its front matter"
                            .to_string(),
                        _ => "give one of the two reports another `id:`".to_string(),
                    }),
                );
            }
        }
    }
}

/// Every `related:` slug must name a report of the site.
fn check_related(
    incidents: &[Refs],
    slugs: &FxHashSet<&str>,
    diagnostics: &mut Diagnostics,
    root: &Path,
) {
    for incident in incidents {
        for related in incident.related {
            if !slugs.contains(related.as_str()) {
                let (line, column) = locate_in_file(root, incident.path, "related", related);
                let suggestion = crate::diagnostics::did_you_mean(related, slugs.iter().copied());
                diagnostics.push(
                    Diagnostic::error(
                        incident.path,
                        line,
                        column,
                        format!("related report '{related}' does not exist"),
                    )
                    .with_help(match suggestion {
                        Some(s) => format!("did you mean '{s}'?"),
                        None => {
                            "name another report by its slug (its file name without .md)".into()
                        }
                    }),
                );
            }
        }
    }
}

/// Links in bodies to `/incidents/SLUG/` must name a report of the site.
fn check_report_links(
    incidents: &[Refs],
    slugs: &FxHashSet<&str>,
    diagnostics: &mut Diagnostics,
    root: &Path,
) {
    for incident in incidents {
        for link in incident.site_links {
            let Some(rest) = link.strip_prefix("/incidents/") else {
                continue;
            };
            let slug = rest.split(['/', '#', '?']).next().unwrap_or_default();
            if slug.is_empty() || slug == "page" || slugs.contains(slug) {
                continue;
            }
            let (line, column) = locate_text_in_file(root, incident.path, link);
            let suggestion = crate::diagnostics::did_you_mean(slug, slugs.iter().copied());
            diagnostics.push(
                Diagnostic::error(
                    incident.path,
                    line,
                    column,
                    format!("link to report '{slug}', which does not exist"),
                )
                .with_help(match suggestion {
                    Some(s) => format!("did you mean '/incidents/{s}/'?"),
                    None => "link to a report by its slug: /incidents/SLUG/".into(),
                }),
            );
        }
    }
}

/// Re-reads a file to find the first line holding `needle`; only used on the error path.
fn locate_text_in_file(root: &Path, path: &Path, needle: &str) -> (usize, usize) {
    let text = std::fs::read(root.join(path))
        .ok()
        .and_then(|b| split::decode(&b).ok())
        .unwrap_or_default();
    YamlText::new(&text, 1)
        .find_from(needle, 1)
        .unwrap_or((1, 1))
}

/// Re-reads a report to point at a value; only used on the error path.
fn locate_in_file(root: &Path, path: &Path, key: &str, needle: &str) -> (usize, usize) {
    let text = std::fs::read(root.join(path))
        .ok()
        .and_then(|b| split::decode(&b).ok())
        .unwrap_or_default();
    match split::split_report(&text) {
        Ok(parts) => {
            YamlText::new(parts.front_matter, parts.front_matter_line).find_in_key(key, needle)
        }
        Err(_) => (1, 1),
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
