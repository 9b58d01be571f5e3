//! A loaded site: its settings, its registries and its reports, validated, and the same
//! site as the pages of a further language show it.

use super::model::{Body, Incident, Translation};
use super::registry::Registry;
use crate::settings::Settings;

/// Everything a site holds, validated.
#[derive(Debug, Clone)]
pub struct Site {
    /// Settings resolved by the first stage.
    pub settings: Settings,
    /// Countries, regions and groups.
    pub registry: Registry,
    /// Every report that is built (drafts only with `--drafts`), in path order.
    pub incidents: Vec<Incident>,
}

impl Site {
    /// The site as the pages in `lang` show it: the site's title and description, the
    /// registry's names and each report's text in `lang` where a translation gives them.
    /// A report with no translation into `lang` keeps its text and says so in
    /// [`Incident::shown_in`]. Slugs, facts and `settings.languages` are unchanged, so
    /// `settings.languages[0]` is still the default language. Pure: reads no file.
    pub fn in_language(&self, lang: &str) -> Site {
        let mut settings = self.settings.clone();
        if let Some(strings) = settings.config.translations.get(lang).cloned() {
            if let Some(title) = strings.title {
                settings.config.title = title;
            }
            if let Some(description) = strings.description {
                settings.config.description = description;
            }
        }
        let default = self.settings.config.language.clone();
        settings.config.language = lang.to_string();
        let incidents = self
            .incidents
            .iter()
            .map(|incident| incident_in(incident, lang, &default))
            .collect();
        Site {
            settings,
            registry: self.registry.in_language(lang),
            incidents,
        }
    }

    /// Incident `i` as the pages in `lang` show it: the one report of
    /// [`Site::in_language`], for the dev server, which keeps each language's site and
    /// translates again only the reports a save touched.
    pub fn incident_in_language(&self, i: usize, lang: &str) -> Incident {
        incident_in(&self.incidents[i], lang, &self.settings.config.language)
    }
}

/// `incident` with its text in `lang`, or in `default` and marked so when it has no
/// translation into `lang`.
fn incident_in(incident: &Incident, lang: &str, default: &str) -> Incident {
    let mut copy = incident.clone();
    if lang == default {
        copy.shown_in = None;
        return copy;
    }
    match incident.translations.iter().find(|t| t.lang == lang) {
        Some(translation) => apply(&mut copy, translation),
        None => {
            copy.shown_in = Some(default.to_string());
            // A body held since the load links to the default language's pages; one
            // with such links is rendered again from its file, as this language's pages
            // link ([`crate::settings::Settings::pages_base_path`]), as a build does.
            if !copy.site_links.is_empty() {
                copy.body = Body::InFile;
            }
        }
    }
    copy
}

/// Puts the text of `translation` in place of the report's own.
fn apply(incident: &mut Incident, translation: &Translation) {
    incident.title.clone_from(&translation.title);
    incident.summary.clone_from(&translation.summary);
    if let Some(tags) = &translation.tags {
        incident.tags.clone_from(tags);
    }
    // The load checked that a translation gives every claim's text or none.
    if translation.claim_texts.len() == incident.assertions.len() {
        for (assertion, text) in incident.assertions.iter_mut().zip(&translation.claim_texts) {
            assertion.text.clone_from(text);
        }
    }
    incident.body = translation.body.clone();
    incident.site_links.clone_from(&translation.site_links);
    // A body left in its file is read from the translation's file, not the report's.
    incident.path.clone_from(&translation.path);
    incident.shown_in = None;
}

#[cfg(test)]
mod tests;
