//! `incidex new`: writes a report skeleton with every key of the schema, the required ones
//! filled from the arguments and the optional ones commented out, ready for an editor.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

mod ids;
mod skeleton;

use crate::diagnostics::Diagnostic;
use crate::domain::registry::Registry;
use crate::domain::slugs::{is_valid_slug, slugify};
use ids::next_id;
use skeleton::{skeleton, Skeleton};

/// What the editor gave on the command line.
#[derive(Debug, Clone, Default)]
pub struct NewReport {
    /// The site folder.
    pub root: PathBuf,
    /// The report's title.
    pub title: String,
    /// The day of the event; today when not given.
    pub date: Option<String>,
    /// A registry name, ISO code or alias.
    pub country: Option<String>,
    /// A region of that country.
    pub region: Option<String>,
    /// Groups that carried it out (attribution confirmed until the editor says otherwise).
    pub groups: Vec<String>,
    /// Groups attacked.
    pub targets: Vec<String>,
    /// Groups that responded.
    pub responders: Vec<String>,
    /// The page's slug, when the title's is not wanted.
    pub slug: Option<String>,
}

/// Why no report was written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// A name or date given on the command line is wrong, or the registries are.
    #[error("{}", .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
    /// The folder holds no site.
    #[error("cannot read {}: {source}{}", .path.display(), crate::settings::no_site_hint(source))]
    NoSite {
        /// The `site.yaml` looked for.
        path: PathBuf,
        /// Why it could not be read.
        source: std::io::Error,
    },
    /// A report is already at that path.
    #[error("{0} already exists; choose another title or date, or edit that report")]
    Exists(PathBuf),
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The report's path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The path of diagnostics about the arguments rather than a file.
pub const COMMAND_LINE: &str = "command line";

/// Writes the new report and returns its path relative to the root.
pub fn new_report(request: &NewReport) -> Result<PathBuf, NewError> {
    require_site(&request.root)?;
    let registry = Registry::load(&request.root).map_err(NewError::Invalid)?;
    // Every argument is checked before any is refused, so the editor sees all the
    // problems at once.
    let mut problems = Vec::new();
    let date = report_date(request.date.as_deref(), &mut problems);
    let country = country_of(&registry, request.country.as_deref(), &mut problems);
    let region = region_of(&registry, country, request.region.as_deref(), &mut problems);
    let groups = groups_of(&registry, request, &mut problems);
    let from_title = request
        .slug
        .is_none()
        .then(|| title_slug(&request.title))
        .flatten();
    let country_name = country.map(|c| registry.countries[c].name.as_str());
    let slug = slug_of(
        request.slug.as_deref(),
        from_title.as_deref(),
        region.as_deref().or(country_name),
        &mut problems,
    );
    let Some(date) = date.filter(|_| problems.is_empty()) else {
        return Err(NewError::Invalid(problems));
    };

    let made_up = request.slug.is_none() && from_title.is_none();
    let relative = free_path(&request.root, date, &slug, made_up);
    let iso = country.and_then(|c| registry.countries[c].iso.clone());
    let id = next_id(&request.root, iso.as_deref(), date);
    let depth = relative.parent().map_or(0, |p| p.components().count());
    let text = skeleton(&Skeleton {
        modeline: &crate::json_schema::modeline(depth),
        title: &request.title,
        slug: request.slug.as_deref(),
        date,
        country: country_name,
        region: region.as_deref(),
        groups: &groups,
        id: id.as_deref(),
    });
    write_new(&request.root, relative, &text)
}

/// Refuses a folder with no `site.yaml`, before the registries are looked for.
fn require_site(root: &Path) -> Result<(), NewError> {
    let settings = root.join("site.yaml");
    match std::fs::metadata(&settings) {
        Ok(_) => Ok(()),
        Err(source) => Err(NewError::NoSite {
            path: settings,
            source,
        }),
    }
}

/// The day `--date` gives, or today; `None` after noting why it is not a day.
fn report_date(text: Option<&str>, problems: &mut Vec<Diagnostic>) -> Option<Date> {
    match text {
        Some(text) => match crate::load::validate::parse_date(text) {
            Ok(date) => Some(date),
            Err(why) => {
                problems.push(Diagnostic::file_error(
                    Path::new(COMMAND_LINE),
                    format!("--date: {why}"),
                ));
                None
            }
        },
        None => Some(jiff::ZonedDateTime::now().date()),
    }
}

/// The country `--country` names, if it names one.
fn country_of(
    registry: &Registry,
    name: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let name = name?;
    registry
        .resolve_country(name)
        .map_err(|no| {
            problems.push(unknown(
                Path::new(COMMAND_LINE),
                "country",
                name,
                no.suggestion,
            ));
        })
        .ok()
}

/// The registry name of the region `--region` names in `country`, if it names one.
fn region_of(
    registry: &Registry,
    country: Option<usize>,
    name: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    match (country, name) {
        (Some(c), Some(name)) => match registry.resolve_region(c, name) {
            Ok(r) => Some(registry.region(r).name.clone()),
            Err(no) => {
                problems.push(unknown(
                    Path::new(COMMAND_LINE),
                    "region",
                    name,
                    no.suggestion,
                ));
                None
            }
        },
        _ => None,
    }
}

/// Every group the arguments name, by registry name, with its role.
fn groups_of(
    registry: &Registry,
    request: &NewReport,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, &'static str)> {
    let mut groups = Vec::new();
    for (names, role) in [
        (&request.groups, "perpetrator"),
        (&request.targets, "target"),
        (&request.responders, "responder"),
    ] {
        for name in names {
            match registry.resolve_group(name) {
                Ok(g) => groups.push((registry.groups[g].name.clone(), role)),
                Err(no) => {
                    let flag = if role == "perpetrator" { "group" } else { role };
                    problems.push(unknown(Path::new(COMMAND_LINE), flag, name, no.suggestion))
                }
            }
        }
    }
    groups
}

/// The report's slug: `--slug` when it is a valid one, else the title's, else the
/// place's (`place` is the region's name, else the country's), else `report`.
fn slug_of(
    given: Option<&str>,
    from_title: Option<&str>,
    place: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> String {
    match given {
        Some(slug) if is_valid_slug(slug) => slug.to_string(),
        Some(slug) => {
            problems.push(
                Diagnostic::file_error(
                    Path::new(COMMAND_LINE),
                    format!("--slug: '{slug}' may only hold lower-case letters, digits and '-'"),
                )
                .with_help(format!("try '{}'", slugify(slug))),
            );
            String::new()
        }
        None => from_title
            .map(str::to_string)
            .or_else(|| place.map(slugify))
            .unwrap_or_else(|| "report".to_string()),
    }
}

/// Writes `text` at `relative` under `root`, never over a report already there.
fn write_new(root: &Path, relative: PathBuf, text: &str) -> Result<PathBuf, NewError> {
    let path = root.join(&relative);
    let write = |source| NewError::Write {
        path: relative.clone(),
        source,
    };
    std::fs::create_dir_all(path.parent().unwrap_or(root)).map_err(write)?;
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(NewError::Exists(relative))
        }
        Err(e) => return Err(write(e)),
    };
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(write)?;
    Ok(relative)
}

/// Where the report goes: `YYYY/DATE-SLUG.md`, or, for a slug `new` made up from the place
/// that an earlier report of the same day already took, the first free `DATE-SLUG-N.md`. A
/// slug from the title or the editor is kept as given, so a clash is said, not worked around.
fn free_path(root: &Path, date: Date, slug: &str, made_up: bool) -> PathBuf {
    let at = |name: &str| {
        PathBuf::from(format!(
            "content/incidents/{}/{date}-{name}.md",
            date.year()
        ))
    };
    let first = at(slug);
    if !made_up {
        return first;
    }
    std::iter::once(first)
        .chain((2..100).map(|n| at(&format!("{slug}-{n}"))))
        .find(|path| !root.join(path).exists())
        .unwrap_or_else(|| at(slug))
}

/// The slug of a title written in Latin letters. A title in another script (Arabic, say)
/// would give only its consonants, unreadable in a URL: `None`, and the report is named
/// after its place instead.
fn title_slug(title: &str) -> Option<String> {
    let is_latin = |c: char| {
        c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic()
    };
    let mut slug = slugify(title);
    // A long headline makes a long address: cut at a word, well inside the slug limit.
    if slug.len() > 60 {
        let cut = slug[..60].rfind('-').unwrap_or(60);
        slug.truncate(cut);
    }
    (title.chars().any(is_latin) && !slug.is_empty()).then_some(slug)
}

fn unknown(args: &Path, what: &str, name: &str, suggestion: Option<String>) -> Diagnostic {
    let registry = match what {
        "country" | "region" => "regions",
        _ => "groups",
    };
    let help = match suggestion {
        Some(s) => format!("did you mean '{s}'?"),
        None => format!("names come from content/{registry}.yaml"),
    };
    Diagnostic::file_error(args, format!("--{what}: unknown {what} '{name}'")).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_target_or_responder_points_to_the_groups_file() {
        for flag in ["group", "target", "responder"] {
            let help = unknown(Path::new("args"), flag, "X", None).help;
            assert_eq!(help.as_deref(), Some("names come from content/groups.yaml"));
        }
        let help = unknown(Path::new("args"), "region", "X", None).help;
        assert_eq!(
            help.as_deref(),
            Some("names come from content/regions.yaml")
        );
    }

    #[test]
    fn titles_without_latin_letters_give_no_slug_of_consonants() {
        assert_eq!(
            title_slug("Attaque à Dioïla").as_deref(),
            Some("attaque-a-dioila")
        );
        assert_eq!(title_slug("هجوم على مركز للجيش في كايس"), None);
        assert_eq!(title_slug("هجوم JNIM").as_deref(), Some("hjwm-jnim"));
        assert_eq!(title_slug("2025"), None);
    }

    #[test]
    fn a_long_title_gives_a_slug_cut_at_a_word() {
        let title = "Attack on a convoy carrying fuel and food between Nioro du Sahel and the \
                     border, with many vehicles burnt";
        let slug = title_slug(title).unwrap();
        assert!(slug.len() <= 60, "{slug}");
        assert!(!slug.ends_with('-') && title.to_lowercase().starts_with(&slug.replace('-', " ")));
        assert!(
            crate::domain::slugs::fits_every_file_system(&format!("2025-08-01-{slug}")).is_ok()
        );
    }
}
