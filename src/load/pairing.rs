//! Each translation put with its report, once both are loaded: a translation without its
//! report, or with another count of claims, is an error; one older than its report's last
//! revision is a warning; a draft's translation follows the draft's rules.

use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::domain::model::{Incident, Translation};

use super::last_changed::History;
use super::translation::{report_name, report_of, LoadedTranslation};

/// What pairing needs to know of the reports loaded alongside the translations.
pub(super) struct Reports<'a> {
    /// The site's history, for reading when files last changed.
    pub(super) history: &'a History<'a>,
    /// Every report file of the load, sound or not: a translation of a broken report is
    /// not one without its report.
    pub(super) files: FxHashSet<&'a Path>,
    /// The site's languages, the default first, which order each report's translations.
    pub(super) languages: &'a [String],
}

/// Attaches each sound translation to its incident and records every problem; the
/// translations of drafts are added to `drafts`, so their problems are set aside with the
/// draft's.
pub(super) fn pair_translations(
    loaded: Vec<LoadedTranslation>,
    reports: &Reports,
    incidents: &mut [Incident],
    drafts: &mut FxHashSet<PathBuf>,
    diagnostics: &mut Diagnostics,
) {
    if loaded.is_empty() {
        return;
    }
    let sound: Vec<&Path> = loaded
        .iter()
        .filter(|t| t.translation.is_some())
        .map(|t| t.path.as_path())
        .collect();
    let dates = reports.history.last_changed(&sound);
    let by_path: FxHashMap<PathBuf, usize> = incidents
        .iter()
        .enumerate()
        .map(|(i, incident)| (incident.path.clone(), i))
        .collect();
    for mut translation in loaded {
        let report = report_of(&translation.path);
        if drafts.contains(&report) {
            drafts.insert(translation.path.clone());
        }
        diagnostics.extend(std::mem::take(&mut translation.problems));
        if !reports.files.contains(report.as_path()) {
            diagnostics.push(no_report(&translation.path, &report));
            continue;
        }
        // A report that failed has its own errors; its translation waits for it.
        let Some(&i) = by_path.get(&report) else {
            continue;
        };
        let incident = &mut incidents[i];
        if let Some(problem) = check_claims(&translation, incident) {
            diagnostics.push(problem);
            continue;
        }
        let Some(mut sound) = translation.translation else {
            continue;
        };
        sound.last_changed = dates.get(&sound.path).copied();
        diagnostics.extend(check_stale(&sound, incident));
        incident.translations.push(sound);
    }
    for incident in incidents {
        incident
            .translations
            .sort_by_key(|t| reports.languages.iter().position(|l| *l == t.lang));
    }
}

/// The error of a translation whose report does not exist.
fn no_report(path: &Path, report: &Path) -> Diagnostic {
    Diagnostic::file_error(
        path,
        format!(
            "this translation has no report: {} does not exist",
            report.display()
        ),
    )
    .with_help(
        "a translation x.LANG.md sits beside its report x.md: rename it after its report, or \
         delete it",
    )
}

/// The error of a translation that gives the text of another number of claims than its
/// report has.
fn check_claims(translation: &LoadedTranslation, incident: &Incident) -> Option<Diagnostic> {
    let (given, wanted) = (translation.claims_given?, incident.assertions.len());
    if given == 0 || given == wanted {
        return None;
    }
    let (line, column) = translation.claims_at.unwrap_or((1, 1));
    let report = incident.path.display();
    let count = |n: usize| {
        if n == 1 {
            "1 claim".to_string()
        } else {
            format!("{n} claims")
        }
    };
    Some(
        Diagnostic::error(
            &translation.path,
            line,
            column,
            format!(
                "claims gives the text of {}, but {report} has {}",
                count(given),
                count(wanted)
            ),
        )
        .with_help(format!(
            "give the text of each of the {} of {report}, in its order, or leave claims out to \
             show them untranslated",
            count(wanted)
        )),
    )
}

/// The warning of a translation last changed before its report's last revision: it may
/// no longer say what the report says.
fn check_stale(translation: &Translation, incident: &Incident) -> Option<Diagnostic> {
    let changed = translation.last_changed?;
    let revision = incident.last_revision();
    if changed >= revision {
        return None;
    }
    Some(
        Diagnostic::file_error(
            &translation.path,
            format!(
                "{} was last changed on {changed}, before {}'s revision of {revision}: check \
                 that the translation still says what the report says",
                translation.path.display(),
                report_name(&translation.path),
            ),
        )
        .warning()
        .with_help("once it does, save it again (or commit it) so its date follows the report's"),
    )
}
