//! Turns parsed front matter into a domain [`Incident`], resolving every name through the
//! registries and collecting every problem with its position, not just the first.

use std::path::Path;

use jiff::civil::Date;

use crate::diagnostics::Diagnostic;
use crate::load::schema::{FrontMatter, RawFigures, RawSource};
use crate::locate::YamlText;
use crate::model::{
    Actor, Assertion, Body, CasualtyClaim, Figures, Incident, Location, Party, Revision, Source,
};
use crate::registry::{NoMatch, RegionRef, Registry};
use crate::slugs::{is_valid_slug, slugify};

/// What validation needs besides the front matter itself.
pub struct ReportContext<'a> {
    /// The report's path relative to the site root, for messages.
    pub path: &'a Path,
    /// The front matter text, to point at values.
    pub yaml: YamlText<'a>,
    /// Both registries.
    pub registry: &'a Registry,
}

/// Collects problems while one report is checked.
struct Checker<'a> {
    cx: &'a ReportContext<'a>,
    problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, key: &str, needle: &str, message: String, help: Option<String>) {
        let (line, column) = self.cx.yaml.find_in_key(key, needle);
        self.problems
            .push(Diagnostic::error(self.cx.path, line, column, message).with_optional_help(help));
    }

    /// The position of a location's coordinates: the first `[` after `coordinates` at or
    /// after the place's name, so the mark sits on the value that is wrong.
    fn coordinates_of(&self, name: &str) -> (usize, usize) {
        let (line, column) = self.cx.yaml.find_in_key("locations", name);
        let Some((key_line, key_column)) = self.cx.yaml.find_from("coordinates", line) else {
            return (line, column);
        };
        let offset = self
            .cx
            .yaml
            .text
            .lines()
            .nth(key_line - self.cx.yaml.first_line)
            .and_then(|text| {
                let after: String = text.chars().skip(key_column - 1).collect();
                after.find('[').map(|at| after[..at].chars().count())
            })
            .unwrap_or(0);
        (key_line, key_column + offset)
    }

    fn date(&mut self, key: &str, text: &str) -> Option<Date> {
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(why) => {
                self.error(key, text, format!("{key}: {why}"), Some(date_help(text)));
                None
            }
        }
    }

    fn party(&self, name: &str) -> Party {
        match self.cx.registry.find_group(name) {
            Some(group) => Party::Group(group),
            None => Party::Named(name.to_string()),
        }
    }

    /// Checks a link found under top-level `key`; `label` names it in the message.
    fn http_url(&mut self, key: &str, label: &str, url: Option<String>) -> Option<String> {
        let url = url?;
        if url.starts_with("https://") || url.starts_with("http://") {
            Some(url)
        } else {
            self.error(
                key,
                &url,
                format!("{label}: '{url}' is not a web address"),
                Some("links must start with https:// or http://".into()),
            );
            None
        }
    }
}

/// Checks `front` and resolves it into an [`Incident`] (with an empty body) and its
/// warnings, or lists every problem found in it, warnings included.
pub fn validate(
    front: FrontMatter,
    file_stem: &str,
    cx: &ReportContext,
) -> Result<(Incident, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut ck = Checker {
        cx,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    let registry = cx.registry;

    let slug = match &front.slug {
        Some(slug) if is_valid_slug(slug) => slug.clone(),
        Some(slug) => {
            ck.error(
                "slug",
                slug,
                format!("slug '{slug}' may only hold lower-case letters, digits and '-'"),
                Some(format!("try '{}'", slugify(slug))),
            );
            slugify(slug)
        }
        None => slugify(file_stem),
    };
    if slug.is_empty() {
        ck.error(
            "title",
            "",
            "the file name gives an empty slug".into(),
            Some("rename the file, e.g. 2025-07-01-place-event.md".into()),
        );
    } else if let Err(why) = crate::slugs::fits_every_file_system(&slug) {
        let key = if front.slug.is_some() {
            "slug"
        } else {
            "title"
        };
        ck.error(
            key,
            front.slug.as_deref().unwrap_or_default(),
            format!("slug '{slug}' {why}"),
            Some("give the file a shorter or other name, or set `slug:`".into()),
        );
    }
    if let Some(id) = front
        .id
        .as_deref()
        .filter(|id| id.chars().any(char::is_control))
    {
        ck.error(
            "id",
            "",
            format!("id '{}' holds a control character", id.escape_debug()),
            Some("ids are plain text, e.g. ML-2025-0001".into()),
        );
    }

    for (key, text) in [("title", &front.title), ("summary", &front.summary)] {
        if text.trim().is_empty() {
            ck.error(
                key,
                "",
                format!("{key} is empty"),
                Some(format!("write the {key}")),
            );
        }
    }

    let date = ck.date("date", &front.date);
    let end_date = front
        .end_date
        .as_deref()
        .and_then(|t| ck.date("end_date", t));
    if let (Some(start), Some(end)) = (date, end_date) {
        if end < start {
            ck.error(
                "end_date",
                front.end_date.as_deref().unwrap_or_default(),
                format!("end_date {end} is before date {start}"),
                Some("end_date is the last day of the event; it cannot come before date".into()),
            );
        }
    }
    let updated = front.updated.as_deref().and_then(|t| ck.date("updated", t));

    let country = match registry.resolve_country(&front.country) {
        Ok(c) => Some(c),
        Err(_) if front.country.trim().is_empty() => {
            ck.error(
                "country",
                "",
                "country is empty".into(),
                Some("name the country, as content/regions.yaml names it".into()),
            );
            None
        }
        Err(no) => {
            ck.error(
                "country",
                &front.country,
                format!("unknown country '{}'", front.country),
                unknown_help(&no, "content/regions.yaml"),
            );
            None
        }
    };

    let mut regions = Vec::new();
    if front.region.0.is_empty() {
        ck.error(
            "region",
            "",
            "region is empty".into(),
            Some("name at least one region".into()),
        );
    }
    if let Some(country) = country {
        for name in &front.region.0 {
            if let Some(region) = resolve_region(&mut ck, "region", country, name) {
                if !regions.contains(&region) {
                    regions.push(region);
                }
            }
        }
    }

    let mut locations = Vec::new();
    for raw in front.locations {
        let region = match (country, &raw.region) {
            (Some(country), Some(name)) => resolve_region(&mut ck, "locations", country, name),
            _ => None,
        };
        if let Some([lat, lon]) = raw.coordinates {
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                let (line, column) = ck.coordinates_of(&raw.name);
                ck.problems.push(
                    Diagnostic::error(
                        ck.cx.path,
                        line,
                        column,
                        format!(
                            "coordinates of '{}' are out of range: [{lat}, {lon}]",
                            raw.name
                        ),
                    )
                    .with_help(
                        "write [latitude, longitude]: latitude within ±90, longitude within ±180",
                    ),
                );
            } else if let Some(bounds) = country.and_then(|c| registry.countries[c].bounds) {
                let [[south, west], [north, east]] = bounds;
                if !(south..=north).contains(&lat) || !(west..=east).contains(&lon) {
                    let country_name = &registry.countries[country.unwrap_or_default()].name;
                    let (line, column) = ck.coordinates_of(&raw.name);
                    ck.warnings.push(
                        Diagnostic::error(
                            ck.cx.path,
                            line,
                            column,
                            format!(
                                "coordinates of '{}' [{lat}, {lon}] lie outside {country_name}",
                                raw.name
                            ),
                        )
                        .with_help(
                            "check the order: [latitude, longitude], with west and south negative",
                        )
                        .warning(),
                    );
                }
            }
        }
        locations.push(Location {
            name: raw.name,
            region,
            coordinates: raw.coordinates,
            precision: raw.precision,
        });
    }

    let mut actors = Vec::new();
    for raw in &front.groups {
        match registry.resolve_group(&raw.group) {
            Ok(group) => actors.push(Actor {
                group,
                role: raw.role,
                attribution: raw.attribution,
            }),
            Err(no) => ck.error(
                "groups",
                &raw.group,
                format!("unknown group '{}'", raw.group),
                unknown_help(&no, "content/groups.yaml"),
            ),
        }
    }

    if front.sources.is_empty() {
        ck.error(
            "sources",
            "",
            "sources is empty".into(),
            Some("name at least one source".into()),
        );
    }
    let sources = resolve_sources(&mut ck, front.sources);

    let fatalities = front
        .fatalities
        .map(|f| resolve_figures(&mut ck, "fatalities", f, &sources));
    let injured = front
        .injured
        .map(|f| resolve_figures(&mut ck, "injured", f, &sources));

    let mut assertions = Vec::new();
    for raw in front.claims {
        let by = ck.party(&raw.by);
        let source = raw
            .source
            .as_deref()
            .and_then(|id| source_index(&mut ck, "claims", id, &sources));
        assertions.push(Assertion {
            by,
            text: raw.text,
            source,
            disputed: raw.disputed,
        });
    }

    let mut revisions = Vec::new();
    for raw in front.revisions {
        if let Some(date) = ck.date("revisions", &raw.date) {
            revisions.push(Revision {
                date,
                note: raw.note,
            });
        }
    }

    for related in &front.related {
        if !is_valid_slug(related) {
            ck.error(
                "related",
                related,
                format!("related report '{related}' is not a slug"),
                Some(format!(
                    "use the report's file name without .md, e.g. '{}'",
                    slugify(related)
                )),
            );
        }
    }

    let (Some(date), Some(country), true) = (date, country, ck.problems.is_empty()) else {
        ck.problems.append(&mut ck.warnings);
        return Err(ck.problems);
    };
    let incident = Incident {
        path: cx.path.to_path_buf(),
        id: front.id.unwrap_or_else(|| slug.clone()),
        slug,
        title: front.title,
        date,
        end_date,
        precision: front.date_precision,
        country,
        regions,
        locations,
        actors,
        event_type: front.event_type,
        fatalities,
        injured,
        assertions,
        sources,
        summary: front.summary,
        tags: front.tags,
        related: front.related,
        status: front.status,
        updated,
        revisions,
        body: Body::InFile,
        site_links: Vec::new(),
    };
    Ok((incident, ck.warnings))
}

fn resolve_region(ck: &mut Checker, key: &str, country: usize, name: &str) -> Option<RegionRef> {
    match ck.cx.registry.resolve_region(country, name) {
        Ok(region) => Some(region),
        Err(no) => {
            let registry = ck.cx.registry;
            let country_name = &registry.countries[country].name;
            let elsewhere = registry.countries_with_region(name);
            let help = if elsewhere.is_empty() {
                unknown_help(&no, "content/regions.yaml")
            } else {
                Some(format!("'{name}' is a region of {}", elsewhere.join(", ")))
            };
            ck.error(
                key,
                name,
                format!("unknown region '{name}' in {country_name}"),
                help,
            );
            None
        }
    }
}

fn resolve_sources(ck: &mut Checker, raw: Vec<RawSource>) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    for (i, raw) in raw.into_iter().enumerate() {
        let id = raw.id.unwrap_or_else(|| format!("s{}", i + 1));
        if raw.name.trim().is_empty() {
            ck.error(
                "sources",
                "name",
                format!("sources[{i}].name is empty"),
                Some("name who published it: an outlet, an agency, an official body".into()),
            );
        }
        if sources.iter().any(|s| s.id == id) {
            ck.error(
                "sources",
                &id,
                format!("source id '{id}' is used twice"),
                Some("give each source its own id".into()),
            );
        }
        let published = raw.published.as_deref().and_then(|t| ck.date("sources", t));
        let url = ck.http_url("sources", &format!("sources[{i}].url"), raw.url);
        let archive_url = ck.http_url(
            "sources",
            &format!("sources[{i}].archive_url"),
            raw.archive_url,
        );
        sources.push(Source {
            id,
            name: raw.name,
            url,
            archive_url,
            published,
            kind: raw.kind,
        });
    }
    sources
}

fn source_index(ck: &mut Checker, key: &str, id: &str, sources: &[Source]) -> Option<usize> {
    let found = sources.iter().position(|s| s.id == id);
    if found.is_none() {
        let ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        ck.error(
            key,
            id,
            format!("source '{id}' is not among this report's sources"),
            Some(format!("known source ids: {}", ids.join(", "))),
        );
    }
    found
}

fn resolve_figures(ck: &mut Checker, key: &str, raw: RawFigures, sources: &[Source]) -> Figures {
    if let (Some(low), Some(high)) = (raw.low, raw.high) {
        if low > high {
            ck.error(
                key,
                "low",
                format!("{key}: low ({low}) is above high ({high})"),
                None,
            );
        }
    }
    if let Some(best) = raw.best {
        if raw.low.is_some_and(|low| best < low) || raw.high.is_some_and(|high| best > high) {
            ck.error(
                key,
                "best",
                format!("{key}: best ({best}) lies outside low–high"),
                None,
            );
        }
    }
    let claims = raw
        .claims
        .into_iter()
        .map(|c| CasualtyClaim {
            count: c.count,
            who: c.who,
            by: ck.party(&c.by),
            source: c
                .source
                .as_deref()
                .and_then(|id| source_index(ck, key, id, sources)),
        })
        .collect();
    Figures {
        best: raw.best,
        low: raw.low,
        high: raw.high,
        claims,
    }
}

fn unknown_help(no: &NoMatch, registry_file: &str) -> Option<String> {
    Some(match &no.suggestion {
        Some(s) => format!("did you mean '{s}'? (or add it to {registry_file})"),
        None => format!("add it to {registry_file}"),
    })
}

/// What would make `text` a date: its month's length when only the day is impossible.
fn date_help(text: &str) -> String {
    let month = text
        .get(..7)
        .and_then(|ym| format!("{ym}-01").parse::<Date>().ok());
    match month {
        Some(first) if text.len() == 10 => format!(
            "{} {} has {} days",
            first.strftime("%B"),
            first.year(),
            first.days_in_month()
        ),
        _ => "write dates as YYYY-MM-DD, e.g. 2025-07-01; for a month or year only, \
              give its first day and set date_precision"
            .into(),
    }
}

/// Parses `YYYY-MM-DD`, saying what is wrong in words an editor understands.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!("'{text}' is not a date in the form YYYY-MM-DD"));
    }
    text.parse::<Date>()
        .map_err(|_| format!("'{text}' is not a real calendar date"))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_must_be_well_formed_and_real() {
        assert!(parse_date("2025-07-01").is_ok());
        assert!(parse_date("2025-7-1").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse_date("2025-02-30").unwrap_err().contains("not a real"));
        assert!(parse_date("01/07/2025").is_err());
        assert_eq!(super::date_help("2025-02-30"), "February 2025 has 28 days");
        assert!(super::date_help("2025-13-01").contains("YYYY-MM-DD"));
    }
}
