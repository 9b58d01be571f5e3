//! The load stage: read the registries and every report under `content/incidents/`,
//! in parallel, into the domain model, collecting every problem of every file.

mod as_json;
mod cross_checks;
mod duplicates;
mod files;
mod last_changed;
mod misplaced;
mod pairing;
mod registry;
mod reload;
mod report;
pub mod schema;
pub mod split;
mod translation;
pub mod validate;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::domain::model::{Body, Incident};
use crate::domain::vocabulary::Status;
use crate::domain::Registry;
use crate::domain::Site;
use crate::markdown::{self, MarkdownSettings};
use crate::settings::Settings;
use crate::yaml;

pub use as_json::front_matter_json;
pub use report::parse_report;

use cross_checks::{check_related, check_report_links, check_unique};
use files::{read_report, report_files};
use last_changed::History;
use pairing::{pair_translations, Reports};
use report::{load_report, Loaded, References, Refs};
use translation::{language_of, load_translation, LoadedTranslation};

pub use reload::{reload_reports, touched_reports};

/// Whether a load holds every report's body as HTML or leaves it in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// Render each body at load and hold it ([`Body::Held`]): the dev server's choice.
    Held,
    /// Only read each body's links at load ([`Body::InFile`]): a build's choice, which
    /// renders each body when it writes the report's page.
    InFiles,
}

/// Loads the registries and every report. Needs [`Settings::resolve`] to have run.
///
/// Returns the site, or every problem found; warnings come back in both cases.
pub fn load_site(settings: Settings, bodies: Bodies) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    let registry = Registry::load(&settings.root)
        .map_err(|problems| problems.into_iter().collect::<Diagnostics>())?;
    diagnostics.extend(registry::unpublished_languages(
        &settings.root,
        &registry,
        &settings.languages,
    ));
    let (translations, files): (Vec<PathBuf>, Vec<PathBuf>) =
        report_files(&settings.root, &mut diagnostics)
            .into_iter()
            .partition(|path| language_of(path).is_some());
    misplaced::warn_of_misplaced_reports(&settings.root, &mut diagnostics);
    let markdown = markdown_settings(&settings);
    let rules = validate::Rules::of(&settings);
    let results: Vec<Loaded> = files
        .par_iter()
        .map(|path| load_report(&settings.root, path, (&registry, rules), &markdown, bodies))
        .collect();
    let translations = load_translations(&settings, &translations, &markdown, bodies);
    let mut incidents = Vec::with_capacity(results.len());
    let mut drafts = FxHashSet::default();
    let failed = sort_out(results, &mut incidents, &mut diagnostics, &mut drafts);
    let history = History::of(&settings.root);
    for incident in &mut incidents {
        incident.first_committed = history.first_committed(&incident.path);
    }
    let reports = Reports {
        history: &history,
        files: files.iter().map(PathBuf::as_path).collect(),
        languages: &settings.languages,
    };
    pair_translations(
        translations,
        &reports,
        &mut incidents,
        &mut drafts,
        &mut diagnostics,
    );
    drop(reports);
    drop(history);
    finish(settings, registry, incidents, failed, diagnostics, drafts)
}

/// Loads the translations at `paths`, in parallel, each on its own: pairing them with
/// their reports comes after.
fn load_translations(
    settings: &Settings,
    paths: &[PathBuf],
    markdown: &MarkdownSettings,
    bodies: Bodies,
) -> Vec<LoadedTranslation> {
    paths
        .par_iter()
        .map(|path| load_translation(&settings.root, path, &settings.languages, markdown, bodies))
        .collect()
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
        .flat_map(|incident| {
            let translations = incident.translations.iter();
            std::iter::once(Refs::of(incident))
                .chain(translations.map(move |t| Refs::of_translation(incident, t)))
        })
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
    // Among the reports built only: a draft not built duplicates nothing on the site yet.
    duplicates::warn_of_duplicates(&incidents, &registry, &settings.root, &mut diagnostics);
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

// The body's file is read here, in the stage that reads files: the domain's `Site` holds
// no I/O of its own.
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
        base_path: settings.pages_base_path(&settings.config.language),
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
