//! The name tables: each name, ISO code and alias entered under its match key (case and
//! accents ignored), names resolved against them, and the nearest name when none matches.

use crate::diagnostics::did_you_mean;
use crate::domain::slugs::match_key;

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
