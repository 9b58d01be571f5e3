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
