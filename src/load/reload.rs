//! The dev server's load after a save: only the reports a change touches are read again,
//! a translation's change counting as its report's, and every other report is kept.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostics::Diagnostics;
use crate::domain::model::Incident;
use crate::domain::Site;

use super::files::is_report;
use super::last_changed::History;
use super::pairing::{pair_translations, Reports};
use super::report::{load_report, Loaded};
use super::translation::{language_of, load_translation, report_of, LoadedTranslation};
use super::{finish, markdown_settings, sort_out, Bodies};

/// Loads again only the reports at `changed` (paths relative to the root; added, edited or
/// deleted) and keeps every other report of `previous` as it was: what the dev server does
/// on a save, so one edit costs one report, not the whole folder. A changed translation
/// (`x.fr.md`) loads its report (`x.md`) again, and a report loaded again comes with every
/// translation beside it.
///
/// The registries and settings are kept; a change to them needs [`super::load_site`].
/// Bodies are held, as the dev server needs them.
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
    let rules = super::validate::Rules::of(&settings);
    let touched = touched_reports(changed);
    // A report read again was added when it was first, which git is not asked again for
    // on every save: a new file has no commit yet.
    let mut first_committed: FxHashMap<PathBuf, Date> = FxHashMap::default();
    let mut kept: Vec<Incident> = Vec::with_capacity(incidents.len());
    for incident in incidents {
        if !touched.contains(incident.path.as_path()) {
            kept.push(incident);
        } else if let Some(day) = incident.first_committed {
            first_committed.insert(incident.path, day);
        }
    }
    let boundary = crate::site_boundary::SiteBoundary::of(&settings.root).ok();
    let leaves_site = |path: &Path| {
        boundary
            .as_ref()
            .and_then(|b| b.check_path(&settings.root.join(path), path))
    };
    let mut diagnostics = Diagnostics::default();
    let mut reports = Vec::new();
    let mut translations = Vec::new();
    let candidates = touched
        .iter()
        .map(|report| (report.clone(), false))
        .chain(translations_beside(&settings.root, &touched).map(|t| (t, true)));
    for (path, is_translation) in candidates {
        if !settings.root.join(&path).is_file() {
            continue;
        }
        match leaves_site(&path) {
            Some(refused) => diagnostics.push(refused),
            None if is_translation => translations.push(path),
            None => reports.push(path),
        }
    }
    let fresh: Vec<Loaded> = reports
        .par_iter()
        .map(|path| {
            load_report(
                &settings.root,
                path,
                (&registry, rules),
                &markdown,
                Bodies::Held,
            )
        })
        .collect();
    let fresh_translations: Vec<LoadedTranslation> = translations
        .par_iter()
        .map(|path| {
            load_translation(
                &settings.root,
                path,
                &settings.languages,
                &markdown,
                Bodies::Held,
            )
        })
        .collect();
    let mut reloaded = Vec::new();
    let mut drafts = FxHashSet::default();
    let failed = sort_out(fresh, &mut reloaded, &mut diagnostics, &mut drafts);
    for incident in &mut reloaded {
        incident.first_committed = first_committed.get(&incident.path).copied();
    }
    let history = History::of(&settings.root);
    let paired = Reports {
        history: &history,
        files: reports.iter().map(PathBuf::as_path).collect(),
        languages: &settings.languages,
    };
    pair_translations(
        fresh_translations,
        &paired,
        &mut reloaded,
        &mut drafts,
        &mut diagnostics,
    );
    drop(paired);
    drop(history);
    // The kept reports are still in path order: each reloaded one goes in its place,
    // which costs far less than sorting ten thousand paths again.
    for incident in reloaded {
        let at = kept.partition_point(|k| k.path < incident.path);
        kept.insert(at, incident);
    }
    finish(settings, registry, kept, failed, diagnostics, drafts)
}

/// The reports a change to `changed` touches: each changed report, and the report of each
/// changed translation.
pub fn touched_reports(changed: &[PathBuf]) -> FxHashSet<PathBuf> {
    changed
        .iter()
        .filter(|path| is_report(path.as_os_str()))
        .map(|path| match language_of(path) {
            Some(_) => report_of(path),
            None => path.clone(),
        })
        .collect()
}

/// Every translation file beside the reports `touched`, whether or not the report still
/// exists (a translation left without its report is an error), in path order.
fn translations_beside(root: &Path, touched: &FxHashSet<PathBuf>) -> impl Iterator<Item = PathBuf> {
    let folders: FxHashSet<&Path> = touched.iter().filter_map(|p| p.parent()).collect();
    let mut found = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = folder.join(entry.file_name());
            if is_report(entry.file_name().as_os_str())
                && language_of(&path).is_some()
                && touched.contains(&report_of(&path))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found.into_iter()
}
