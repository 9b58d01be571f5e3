//! The name tables: each name, ISO code and alias entered under its match key (case and
//! accents ignored), names resolved against them, and the nearest name when none matches.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::locate::YamlText;
use crate::slugs::match_key;

use super::{NoMatch, Region, RegionRef, Registry};

impl Registry {
    /// The country a report's `country:` names.
    pub fn resolve_country(&self, name: &str) -> Result<usize, NoMatch> {
        self.country_keys
            .get(&match_key(name))
            .copied()
            .ok_or_else(|| NoMatch {
                suggestion: suggest(name, self.countries.iter().map(|c| (&c.name, &c.aliases))),
            })
    }

    /// A region of `country` by name, ISO code or alias.
    pub fn resolve_region(&self, country: usize, name: &str) -> Result<RegionRef, NoMatch> {
        match self.region_keys[country].get(&match_key(name)) {
            Some(&region) => Ok((country, region)),
            None => Err(NoMatch {
                suggestion: suggest(
                    name,
                    self.countries[country]
                        .regions
                        .iter()
                        .map(|r| (&r.name, &r.aliases)),
                ),
            }),
        }
    }

    /// Countries other than `country` that have a region of this name, for hints.
    pub fn countries_with_region(&self, name: &str) -> Vec<&str> {
        let key = match_key(name);
        self.region_keys
            .iter()
            .enumerate()
            .filter(|(_, keys)| keys.contains_key(&key))
            .map(|(c, _)| self.countries[c].name.as_str())
            .collect()
    }

    /// A group by name or alias, or `None`; unlike [`Registry::resolve_group`] it works out
    /// no suggestion, for names that may rightly be something else (a claim's party).
    pub fn find_group(&self, name: &str) -> Option<usize> {
        self.group_keys.get(&match_key(name)).copied()
    }

    /// A group by name or alias.
    pub fn resolve_group(&self, name: &str) -> Result<usize, NoMatch> {
        self.group_keys
            .get(&match_key(name))
            .copied()
            .ok_or_else(|| NoMatch {
                suggestion: suggest(name, self.groups.iter().map(|g| (&g.name, &g.aliases))),
            })
    }

    /// The region a [`RegionRef`] points at.
    pub fn region(&self, (country, region): RegionRef) -> &Region {
        &self.countries[country].regions[region]
    }
}

/// Enters `name` for entry `index` in `keys`, reporting a name with nothing to match on
/// or one another entry already has; `entry_line` is where to start looking for it.
#[allow(clippy::too_many_arguments)]
pub(super) fn insert_key(
    keys: &mut HashMap<String, usize>,
    name: &str,
    index: usize,
    what: &str,
    path: &Path,
    yaml: &YamlText,
    entry_line: usize,
    problems: &mut Vec<Diagnostic>,
) {
    let key = match_key(name);
    let (line, column) = yaml.find_from(name, entry_line).unwrap_or((entry_line, 1));
    if key.is_empty() {
        problems.push(Diagnostic::error(
            path,
            line,
            column,
            format!("{what} name '{name}' has no letters or digits"),
        ));
        return;
    }
    match keys.get(&key) {
        Some(&other) if other != index => problems.push(
            Diagnostic::error(
                path,
                line,
                column,
                format!("{what} name '{name}' is already used by another entry"),
            )
            .with_help("names, ISO codes and aliases must be unique (ignoring case and accents)"),
        ),
        _ => {
            keys.insert(key, index);
        }
    }
}

/// The known name or alias nearest to `name`, if one is near enough to be meant.
fn suggest<'a>(
    name: &str,
    entries: impl Iterator<Item = (&'a String, &'a Vec<String>)>,
) -> Option<String> {
    let names: Vec<&str> = entries
        .flat_map(|(n, aliases)| {
            std::iter::once(n.as_str()).chain(aliases.iter().map(String::as_str))
        })
        .collect();
    did_you_mean(name, names).map(str::to_string)
}
