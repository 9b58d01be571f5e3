//! The interface in the site's language: every word a page prints that is not a report's
//! own, from a catalogue per language.
//!
//! English, French and Arabic are built in (`i18n/en.yaml`, `fr.yaml`, `ar.yaml` in this
//! repository). A site changes any string, or adds a language, in its own
//! `i18n/LANG.yaml`, which is laid over the built-in file key by key. Every key of the
//! English catalogue must be there in the end: a missing one fails the build, naming the
//! key and the language. Messages are YAML, the format editors already write front matter
//! in; plurals follow CLDR's rules through `intl_pluralrules`.

mod entry;
mod plural;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::domain::vocabulary::DatePrecision;
use crate::locate::YamlText;
pub use crate::placeholders::fill;
pub use entry::Entry;
pub use plural::Plurals;

/// The catalogues built into the binary, by language code.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("en", include_str!("../../i18n/en.yaml")),
    ("fr", include_str!("../../i18n/fr.yaml")),
    ("ar", include_str!("../../i18n/ar.yaml")),
];

/// Which way a language is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

/// One language's interface strings, complete and checked.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// The language code, as `site.yaml` gives it.
    pub language: String,
    /// Which way it is written.
    pub direction: Direction,
    /// Every string, as templates see them in `t`.
    pub tree: Entry,
    months: Vec<String>,
    plurals: Plurals,
}

impl Catalogue {
    /// The catalogue of `language` for the site at `root`: the built-in one, with the
    /// site's `i18n/LANGUAGE.yaml` laid over it. Returns every problem of the site's file
    /// and every missing string.
    pub fn load(root: &Path, language: &str) -> Result<Catalogue, Vec<Diagnostic>> {
        let site_file = PathBuf::from("i18n").join(format!("{language}.yaml"));
        let built_in = BUILT_IN.iter().find(|(code, _)| *code == language);
        let own = read_site_file(root, &site_file)?;
        let mut tree = match built_in {
            Some((_, text)) => parse_built_in(language, text)?,
            None if own.is_some() => Entry::Map(Default::default()),
            None => {
                let known: Vec<&str> = BUILT_IN.iter().map(|(code, _)| *code).collect();
                return Err(vec![Diagnostic::file_error(
                    Path::new("site.yaml"),
                    format!("no interface strings for language '{language}'"),
                )
                .with_help(format!(
                    "the built-in languages are {}; for another, copy i18n/en.yaml from \
                     incidex's repository to {} and translate it",
                    known.join(", "),
                    site_file.display()
                ))]);
            }
        };
        let mut problems = Vec::new();
        if let Some((entry, text)) = own {
            problems.extend(unknown_keys(&entry, &text, &site_file));
            tree.overlay(entry);
        }
        problems.extend(missing_keys(&tree, language, &site_file));
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Catalogue::from_tree(language, tree))
    }

    /// The built-in catalogue of `language`, with no site's changes; `None` for a
    /// language without one.
    pub fn built_in(language: &str) -> Option<Catalogue> {
        let (_, text) = BUILT_IN.iter().find(|(code, _)| *code == language)?;
        let tree = parse_built_in(language, text).ok()?;
        Some(Catalogue::from_tree(language, tree))
    }

    /// A checked tree as a catalogue.
    fn from_tree(language: &str, tree: Entry) -> Catalogue {
        let direction = match tree.text("language.direction") {
            Some("rtl") => Direction::Rtl,
            _ => Direction::Ltr,
        };
        let months = match tree.at("date.months") {
            Some(Entry::List(names)) => names.clone(),
            _ => Vec::new(),
        };
        Catalogue {
            language: language.to_string(),
            direction,
            months,
            plurals: Plurals::for_language(language),
            tree,
        }
    }

    /// The string at `path`; empty when there is none, which [`Catalogue::load`] rules out
    /// for every key the English catalogue has.
    pub fn text(&self, path: &str) -> &str {
        self.tree.text(path).unwrap_or_default()
    }

    /// The string at `path` with each `{name}` replaced by its value.
    pub fn fill(&self, path: &str, values: &[(&str, &str)]) -> String {
        fill(self.text(path), values)
    }

    /// The name of `month` (1 to 12).
    pub fn month(&self, month: i8) -> &str {
        let at = (month.clamp(1, 12) - 1) as usize;
        self.months.get(at).map_or("", String::as_str)
    }

    /// A date as readers see it, to the precision it is known.
    pub fn date(&self, date: Date, precision: DatePrecision) -> String {
        let day = match date.day() {
            1 => self.text("date.first_day").to_string(),
            day => day.to_string(),
        };
        let year = date.year().to_string();
        let values = [
            ("day", day.as_str()),
            ("month", self.month(date.month())),
            ("year", year.as_str()),
        ];
        match precision {
            DatePrecision::Day => self.fill("date.day", &values),
            DatePrecision::Week => self.fill("date.week", &values),
            DatePrecision::Month => self.fill("date.month", &values),
            DatePrecision::Year => year.clone(),
        }
    }

    /// The plural message at `path` for `n`, with `{n}` filled in.
    pub fn plural(&self, path: &str, n: u64) -> Option<String> {
        let Some(Entry::Map(forms)) = self.tree.at(path) else {
            return self
                .tree
                .text(path)
                .map(|text| fill(text, &[("n", &n.to_string())]));
        };
        let form = forms
            .get(self.plurals.category(n))
            .or_else(|| forms.get("other"))?;
        match form {
            Entry::Text(text) => Some(fill(text, &[("n", &n.to_string())])),
            _ => None,
        }
    }
}

fn parse_built_in(language: &str, text: &str) -> Result<Entry, Vec<Diagnostic>> {
    let path = PathBuf::from("i18n").join(format!("{language}.yaml"));
    crate::yaml::parse_document(text, 1, &path).map_err(|problem| vec![problem])
}

/// The site's own catalogue file with its text, if it has one.
fn read_site_file(
    root: &Path,
    relative: &Path,
) -> Result<Option<(Entry, String)>, Vec<Diagnostic>> {
    let bytes = match std::fs::read(root.join(relative)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(vec![Diagnostic::file_error(
                relative,
                format!("cannot read the file: {e}"),
            )])
        }
    };
    let text = crate::text_file::decode(&bytes).map_err(|(line, column)| {
        vec![
            Diagnostic::error(relative, line, column, "the file is not valid UTF-8")
                .with_help("save the file with UTF-8 encoding"),
        ]
    })?;
    let entry = crate::yaml::parse_document(&text, 1, relative).map_err(|problem| vec![problem])?;
    Ok(Some((entry, text)))
}

/// The reference every catalogue is checked against: the built-in English one, parsed
/// once (a test holds it to parse).
fn english() -> &'static Entry {
    static ENGLISH: std::sync::OnceLock<Entry> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| {
        parse_built_in("en", BUILT_IN[0].1).unwrap_or(Entry::Map(Default::default()))
    })
}

/// A key of the site's file that no catalogue has: most likely a typo.
fn unknown_keys(entry: &Entry, text: &str, path: &Path) -> Vec<Diagnostic> {
    let reference = english();
    let known: Vec<String> = reference
        .leaves()
        .into_iter()
        .map(|(keys, _)| keys.join("."))
        .collect();
    let yaml = YamlText::new(text, 1);
    entry
        .leaves()
        .into_iter()
        .filter(|(keys, _)| !keys.is_empty() && !has_key(reference, keys))
        .map(|(keys, _)| {
            let key = keys.join(".");
            let last = keys.last().copied().unwrap_or_default();
            let (line, column) = yaml.find_from(last, 1).unwrap_or((1, 1));
            let help = match did_you_mean(&key, known.iter().map(String::as_str)) {
                Some(near) => format!("did you mean '{near}'?"),
                None => "the keys are those of i18n/en.yaml in incidex's repository".to_string(),
            };
            Diagnostic::error(
                path,
                line,
                column,
                format!("unknown interface string '{key}'"),
            )
            .with_help(help)
        })
        .collect()
}

/// Whether `reference` has `keys`, or a plural message that the last key is a form of.
fn has_key(reference: &Entry, keys: &[&str]) -> bool {
    if reference.at_keys(keys.iter().copied()).is_some() {
        return true;
    }
    match keys.split_last() {
        Some((_, parent)) => reference
            .at_keys(parent.iter().copied())
            .is_some_and(Entry::is_plural),
        None => false,
    }
}

/// Every key of the English catalogue that `tree` lacks, as an error naming the key and
/// the language.
fn missing_keys(tree: &Entry, language: &str, path: &Path) -> Vec<Diagnostic> {
    english()
        .leaves()
        .into_iter()
        .filter(|(keys, english)| match tree.at_keys(keys.iter().copied()) {
            None => true,
            Some(entry) => {
                english.is_plural() && !(entry.is_plural() || matches!(entry, Entry::Text(_)))
            }
        })
        .map(|(keys, english)| {
            let example = match english {
                Entry::Text(text) => format!(" (in English: '{text}')"),
                _ => String::new(),
            };
            Diagnostic::file_error(
                path,
                format!(
                    "missing interface string '{}' for language '{language}'",
                    keys.join(".")
                ),
            )
            .with_help(format!("add it to {}{example}", path.display()))
        })
        .collect()
}

#[cfg(test)]
mod tests;
