//! `content/groups.yaml`: the actors, each entered in the name tables under its name and
//! aliases.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::domain::slugs::slugify;
use crate::domain::vocabulary::GroupKind;
use crate::locate::YamlText;

use super::keys::insert_key;
use super::translations::{self, GroupTranslation};
use crate::domain::registry::{Group, Registry};

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupsFile {
    pub(super) groups: Vec<GroupEntry>,
}

/// One group as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GroupEntry {
    name: String,
    #[serde(default)]
    full_name: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    kind: GroupKind,
    #[serde(default)]
    affiliation: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    translations: BTreeMap<String, GroupTranslation>,
}

impl Registry {
    /// Adds a group, reporting names that clash with others.
    pub(super) fn add_group(
        &mut self,
        entry: GroupEntry,
        path: &Path,
        yaml: &YamlText,
        problems: &mut Vec<Diagnostic>,
    ) {
        let index = self.groups.len();
        let entry_line = yaml
            .find_from(&format!("name: {}", entry.name), 1)
            .map_or(1, |p| p.0);
        let translations = translations::of_group(entry.translations);
        let translated = translations::names(&translations);
        let names = std::iter::once(&entry.name)
            .chain(entry.aliases.iter())
            .chain(translated.iter());
        for name in names {
            insert_key(
                &mut self.group_keys,
                name,
                index,
                "group",
                path,
                yaml,
                entry_line,
                problems,
            );
        }
        self.groups.push(Group {
            slug: slugify(&entry.name),
            name: entry.name,
            full_name: entry.full_name,
            aliases: entry.aliases,
            kind: entry.kind,
            affiliation: entry.affiliation,
            description: entry.description,
            translations,
        });
    }
}
