//! The `translations:` of registry entries as written: a place may give only its `name` in
//! another language (nothing else of a place is shown in words), a group any of its
//! name, long name, description and affiliation.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::domain::registry::EntryTranslation;

/// A country's or region's `translations.LANG` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlaceTranslation {
    #[serde(default)]
    name: Option<String>,
}

/// A group's `translations.LANG` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupTranslation {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    full_name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    affiliation: Option<String>,
}

/// A place's translations as the domain keeps them.
pub(super) fn of_place(
    written: BTreeMap<String, PlaceTranslation>,
) -> BTreeMap<String, EntryTranslation> {
    written
        .into_iter()
        .map(|(lang, t)| {
            let entry = EntryTranslation {
                name: t.name,
                ..EntryTranslation::default()
            };
            (lang, entry)
        })
        .collect()
}

/// A group's translations as the domain keeps them.
pub(super) fn of_group(
    written: BTreeMap<String, GroupTranslation>,
) -> BTreeMap<String, EntryTranslation> {
    written
        .into_iter()
        .map(|(lang, t)| {
            let entry = EntryTranslation {
                name: t.name,
                full_name: t.full_name,
                description: t.description,
                affiliation: t.affiliation,
            };
            (lang, entry)
        })
        .collect()
}

/// The translated names of an entry, which reports may use like aliases.
pub(super) fn names(translations: &BTreeMap<String, EntryTranslation>) -> Vec<String> {
    translations
        .values()
        .filter_map(|t| t.name.clone())
        .collect()
}

/// A warning for each registry translation into a language the site does not publish
/// (`languages`, the default first), which no page would ever show: most often a
/// misspelt code. The files are read again only to point at the code.
pub(crate) fn unpublished_languages(
    root: &std::path::Path,
    registry: &crate::domain::Registry,
    languages: &[String],
) -> Vec<crate::diagnostics::Diagnostic> {
    let places = registry.countries.iter().flat_map(|country| {
        std::iter::once((&country.name, &country.translations)).chain(
            country
                .regions
                .iter()
                .map(|region| (&region.name, &region.translations)),
        )
    });
    let groups = registry.groups.iter().map(|g| (&g.name, &g.translations));
    let files = [
        ("content/regions.yaml", places.collect::<Vec<_>>()),
        ("content/groups.yaml", groups.collect()),
    ];
    let mut problems = Vec::new();
    for (file, entries) in files {
        let path = std::path::Path::new(file);
        let mut text = None;
        for (name, translations) in entries {
            for lang in translations.keys() {
                if languages[1..].contains(lang) {
                    continue;
                }
                let text = text.get_or_insert_with(|| {
                    std::fs::read(root.join(path))
                        .ok()
                        .and_then(|bytes| crate::yaml::decode(&bytes).ok())
                        .unwrap_or_default()
                });
                let yaml = crate::locate::YamlText::new(text, 1);
                let entry_line = yaml.find_from(name, 1).map_or(1, |p| p.0);
                let (line, column) = yaml
                    .find_from(&format!("{lang}:"), entry_line)
                    .unwrap_or((entry_line, 1));
                problems.push(
                    crate::diagnostics::Diagnostic::error(
                        path,
                        line,
                        column,
                        format!(
                            "the translation of '{name}' into '{lang}' is never shown: '{lang}' \
                             is not one of the site's further languages ({})",
                            languages[1..].join(", ")
                        ),
                    )
                    .warning()
                    .with_help(
                        "write it under one of those codes, or add the language to languages \
                         in site.yaml",
                    ),
                );
            }
        }
    }
    problems
}
