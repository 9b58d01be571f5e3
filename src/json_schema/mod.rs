//! The JSON Schema (draft 2020-12) of a report's front matter, for editors' tools: VS
//! Code's YAML extension flags an unknown key, a wrong type or a word outside a
//! vocabulary as the editor types.
//!
//! Built from what the validator reads: the closed vocabularies' own lists
//! ([`crate::domain::vocabulary`]), the site's confidence grades and, for a site, its
//! registries' countries, regions and groups. A unit test holds its keys to the
//! front matter structs' (`load::schema`), so neither can gain a key the other lacks.
//!
//! What it cannot say, `check` still does: that a region is in the report's country,
//! that a date is a real day, that a claim's source is one of the report's, that low is
//! not above high.

mod file;
mod parts;
#[cfg(test)]
mod tests;

use serde_json::{json, Map, Value};

use crate::domain::grades::Grades;
use crate::domain::registry::Registry;
use crate::domain::vocabulary::{DatePrecision, EventType, Status};

use parts::{claim, figures, group_entry, location, revision, source};

pub use file::{modeline, site_schema, write_schema_file, SchemaError};

/// The front matter line that points YAML tools at a schema file.
pub const MODELINE_PREFIX: &str = "# yaml-language-server: $schema=";

/// Where `init` and `new` keep the site's schema, relative to the site's root.
pub const SCHEMA_FILE: &str = ".incidex/schema.json";

/// The names a site's reports may use for its places and groups: every spelling the
/// registries list.
pub struct SiteNames<'a> {
    /// The countries, regions and groups.
    pub registry: &'a Registry,
}

/// The schema of a report's front matter under `grades`, with `names` as enumerations
/// when given.
pub fn front_matter_schema(grades: &Grades, names: Option<SiteNames>) -> Value {
    let spellings = names.map(|n| Spellings::of(n.registry));
    let name_of = |list: Option<&Vec<String>>, what: &str| match list {
        Some(list) => json!({"type": "string", "enum": list, "description": what}),
        None => json!({"type": "string", "minLength": 1, "description": what}),
    };
    let names = Names {
        country: name_of(
            spellings.as_ref().map(|s| &s.countries),
            "A country of content/regions.yaml.",
        ),
        region: name_of(
            spellings.as_ref().map(|s| &s.regions),
            "A region of the report's country.",
        ),
        group: name_of(
            spellings.as_ref().map(|s| &s.groups),
            "A group of content/groups.yaml.",
        ),
    };
    let mut properties = Map::new();
    what_and_where(&mut properties, names);
    who_says_so(&mut properties, grades);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "incidex report front matter",
        "description": "The YAML between a report's two --- lines (SPEC.md section 1).",
        "type": "object",
        "properties": properties,
        "required": ["title", "date", "country", "region", "sources", "summary"],
        "additionalProperties": false,
    })
}

/// The schemas of a country, a region and a group name.
struct Names {
    country: Value,
    region: Value,
    group: Value,
}

/// The keys that say what happened, when, where and by whom.
fn what_and_where(properties: &mut Map<String, Value>, names: Names) {
    let mut put = |key: &str, value: Value| properties.insert(key.to_string(), value);
    put("title", text("The headline."));
    put("date", date("The earliest possible day, YYYY-MM-DD."));
    put(
        "end_date",
        nullable(date("The last day, for events over several days.")),
    );
    put(
        "date_precision",
        words(
            DatePrecision::ALL.iter().map(|p| p.as_str()),
            "How exactly the date is known.",
        ),
    );
    let region = names.region;
    put("country", names.country);
    put(
        "region",
        json!({"oneOf": [region, {"type": "array", "items": region, "minItems": 1}]}),
    );
    put("locations", list(location(&region)));
    put("groups", list(group_entry(&names.group)));
    put(
        "event_type",
        nullable(words(
            EventType::ALL.iter().map(|t| t.as_str()),
            "What kind of event.",
        )),
    );
    put("fatalities", nullable(figures("People killed")));
    put("injured", nullable(figures("People injured")));
}

/// The keys that say who says so and how sure the desk is, and the report's own keys.
fn who_says_so(properties: &mut Map<String, Value>, grades: &Grades) {
    let mut put = |key: &str, value: Value| properties.insert(key.to_string(), value);
    put("claims", list(claim()));
    put(
        "sources",
        json!({"type": "array", "items": source(), "minItems": 1}),
    );
    put(
        "confidence",
        nullable(words(
            grades.ids(),
            "How sure the desk is: one of site.yaml's grades.",
        )),
    );
    put("summary", text("One or two neutral sentences."));
    put("tags", list(json!({"type": "string"})));
    put(
        "related",
        list(json!({"type": "string", "description": "The slug of another report."})),
    );
    put(
        "status",
        words(
            Status::ALL.iter().map(|s| s.as_str()),
            "published, draft or retracted.",
        ),
    );
    put("updated", nullable(date("The last revision's day.")));
    put("revisions", list(revision()));
    put("id", nullable(json!({"type": "string", "minLength": 1})));
    put(
        "slug",
        nullable(json!({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})),
    );
    let other = "The id or slug of a report that is another event.";
    put(
        "not_duplicate_of",
        list(json!({"type": "string", "description": other})),
    );
}

/// Every spelling of the registries' names, sorted and each once.
struct Spellings {
    countries: Vec<String>,
    regions: Vec<String>,
    groups: Vec<String>,
}

impl Spellings {
    fn of(registry: &Registry) -> Spellings {
        let mut countries = Vec::new();
        let mut regions = Vec::new();
        for country in &registry.countries {
            let translated = country
                .translations
                .values()
                .filter_map(|t| t.name.as_ref());
            countries.extend(spellings(
                &country.name,
                country.iso.as_ref(),
                &country.aliases,
                translated,
            ));
            for region in &country.regions {
                let translated = region.translations.values().filter_map(|t| t.name.as_ref());
                regions.extend(spellings(
                    &region.name,
                    region.iso.as_ref(),
                    &region.aliases,
                    translated,
                ));
            }
        }
        let mut groups = Vec::new();
        for group in &registry.groups {
            let translated = group.translations.values().filter_map(|t| t.name.as_ref());
            groups.extend(spellings(&group.name, None, &group.aliases, translated));
        }
        Spellings {
            countries: sorted(countries),
            regions: sorted(regions),
            groups: sorted(groups),
        }
    }
}

/// A registry entry's name, ISO code, aliases and translated names, each also in lower
/// case and without accents: the spellings editors type. (`check` matches any case,
/// accents, spacing and punctuation; a schema can only list.)
fn spellings<'a>(
    name: &'a String,
    iso: Option<&'a String>,
    aliases: &'a [String],
    translated: impl Iterator<Item = &'a String>,
) -> Vec<String> {
    std::iter::once(name)
        .chain(iso)
        .chain(aliases)
        .chain(translated)
        .flat_map(|s| {
            let plain = without_accents(s);
            [s.to_lowercase(), plain.to_lowercase(), plain, s.clone()]
        })
        .collect()
}

/// `name` with each accented Latin letter as its plain one, case kept (`Dioïla` →
/// `Dioila`); letters of other scripts stay.
fn without_accents(name: &str) -> String {
    name.chars()
        .map(|c| {
            // Latin-1 Supplement to Latin Extended-B: the accented Latin letters.
            if !('\u{C0}'..='\u{24F}').contains(&c) {
                return c.to_string();
            }
            match crate::domain::slugs::slugify(&c.to_string()) {
                plain if plain.is_empty() || plain.len() > 2 => c.to_string(),
                plain if c.is_uppercase() => plain.to_uppercase(),
                plain => plain,
            }
        })
        .collect()
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names.dedup();
    names
}

/// A required text: not empty or blank.
fn text(what: &str) -> Value {
    json!({"type": "string", "pattern": "\\S", "description": what})
}

/// A date as `YYYY-MM-DD` (whether it is a real day, `check` says).
fn date(what: &str) -> Value {
    json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": what})
}

/// One word of a closed list.
fn words<'a>(all: impl Iterator<Item = &'a str>, what: &str) -> Value {
    json!({"type": "string", "enum": all.collect::<Vec<_>>(), "description": what})
}

/// A list of `item`s.
fn list(item: Value) -> Value {
    json!({"type": "array", "items": item})
}

/// `schema`, or nothing written after the key (`end_date:`), which the front matter
/// reads as absent.
fn nullable(schema: Value) -> Value {
    json!({"anyOf": [schema, {"type": "null"}]})
}
