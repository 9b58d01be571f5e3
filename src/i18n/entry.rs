//! A catalogue as it is written: a tree of maps whose leaves are strings, lists of
//! strings (the month names) or plural messages (a map of CLDR categories).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The plural categories CLDR gives languages; a map of only these is one message.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One node of a catalogue.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Entry {
    /// A string templates print.
    Text(String),
    /// A list of strings, such as the month names.
    List(Vec<String>),
    /// A section of keys, or a plural message keyed by category.
    Map(BTreeMap<String, Entry>),
}

impl Entry {
    /// Whether this is a plural message: a map of plural categories only, `other` among them.
    pub fn is_plural(&self) -> bool {
        match self {
            Entry::Map(forms) => {
                forms.contains_key("other")
                    && forms
                        .keys()
                        .all(|k| PLURAL_CATEGORIES.contains(&k.as_str()))
            }
            _ => false,
        }
    }

    /// The entry at the dotted `path` (`titles.regions`).
    pub fn at(&self, path: &str) -> Option<&Entry> {
        self.at_keys(path.split('.'))
    }

    /// The entry under `keys`, one per level: for keys that hold dots themselves
    /// (`data.files` is keyed by file name).
    pub fn at_keys<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> Option<&Entry> {
        keys.into_iter().try_fold(self, |entry, key| match entry {
            Entry::Map(children) => children.get(key),
            _ => None,
        })
    }

    /// The string at `path`, if there is one.
    pub fn text(&self, path: &str) -> Option<&str> {
        match self.at(path)? {
            Entry::Text(text) => Some(text),
            _ => None,
        }
    }

    /// `over` laid over this entry: its strings replace these, key by key, and sections
    /// are merged, so a site's file need only hold the strings it changes.
    pub fn overlay(&mut self, over: Entry) {
        match (self, over) {
            (Entry::Map(mine), Entry::Map(theirs)) if !theirs.is_empty() => {
                for (key, value) in theirs {
                    match mine.get_mut(&key) {
                        Some(existing) if !value.is_plural() => existing.overlay(value),
                        _ => {
                            mine.insert(key, value);
                        }
                    }
                }
            }
            (mine, over) => *mine = over,
        }
    }

    /// Every leaf's keys, one per level, with its entry; a plural message is one leaf.
    pub fn leaves(&self) -> Vec<(Vec<&str>, &Entry)> {
        let mut leaves = Vec::new();
        self.collect_leaves(Vec::new(), &mut leaves);
        leaves
    }

    fn collect_leaves<'a>(
        &'a self,
        prefix: Vec<&'a str>,
        leaves: &mut Vec<(Vec<&'a str>, &'a Entry)>,
    ) {
        match self {
            Entry::Map(children) if !self.is_plural() && !children.is_empty() => {
                for (key, child) in children {
                    let mut path = prefix.clone();
                    path.push(key);
                    child.collect_leaves(path, leaves);
                }
            }
            _ => leaves.push((prefix, self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Entry {
        crate::yaml::parse_document(yaml, 1, std::path::Path::new("t.yaml")).unwrap()
    }

    #[test]
    fn a_site_file_replaces_strings_key_by_key() {
        let mut built_in = parse("nav: {home: Home, map: Map}\ncounts: {n: {one: a, other: b}}\n");
        built_in.overlay(parse("nav: {map: Carte}\ncounts: {n: {other: c}}\n"));
        assert_eq!(built_in.text("nav.home"), Some("Home"));
        assert_eq!(built_in.text("nav.map"), Some("Carte"));
        assert_eq!(
            built_in.at("counts.n"),
            Some(&parse("{other: c}")),
            "a plural message is replaced whole, not form by form"
        );
    }

    #[test]
    fn plural_messages_are_leaves() {
        let entry = parse("a: {b: x, c: {one: y, other: z}}\nd: [m, n]\n");
        let paths: Vec<String> = entry
            .leaves()
            .into_iter()
            .map(|(p, _)| p.join("."))
            .collect();
        assert_eq!(paths, ["a.b", "a.c", "d"]);
    }
}
