//! `incidex new`: writes a report skeleton with every key of the schema, the required ones
//! filled from the arguments and the optional ones commented out, ready for an editor.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use walkdir::WalkDir;

mod skeleton;

use crate::diagnostics::Diagnostic;
use crate::registry::Registry;
use crate::slugs::{is_valid_slug, slugify};
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
    let settings = request.root.join("site.yaml");
    if let Err(source) = std::fs::metadata(&settings) {
        return Err(NewError::NoSite {
            path: settings,
            source,
        });
    }
    let registry = Registry::load(&request.root).map_err(NewError::Invalid)?;
    let args = Path::new(COMMAND_LINE);
    let mut problems = Vec::new();
    let date = match &request.date {
        Some(text) => match crate::load::validate::parse_date(text) {
            Ok(date) => Some(date),
            Err(why) => {
                problems.push(Diagnostic::file_error(args, format!("--date: {why}")));
                None
            }
        },
        None => Some(jiff::ZonedDateTime::now().date()),
    };
    let country = request.country.as_deref().map(|name| {
        registry.resolve_country(name).map_err(|no| {
            problems.push(unknown(args, "country", name, no.suggestion));
        })
    });
    let country = country.and_then(Result::ok);
    let region = match (country, request.region.as_deref()) {
        (Some(c), Some(name)) => match registry.resolve_region(c, name) {
            Ok(r) => Some(registry.region(r).name.clone()),
            Err(no) => {
                problems.push(unknown(args, "region", name, no.suggestion));
                None
            }
        },
        _ => None,
    };
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
                    problems.push(unknown(args, flag, name, no.suggestion))
                }
            }
        }
    }
    let from_title = request
        .slug
        .is_none()
        .then(|| title_slug(&request.title))
        .flatten();
    let slug = match &request.slug {
        Some(slug) if is_valid_slug(slug) => slug.clone(),
        Some(slug) => {
            problems.push(
                Diagnostic::file_error(
                    args,
                    format!("--slug: '{slug}' may only hold lower-case letters, digits and '-'"),
                )
                .with_help(format!("try '{}'", slugify(slug))),
            );
            String::new()
        }
        None => from_title
            .clone()
            .or_else(|| region.as_deref().map(slugify))
            .or_else(|| country.map(|c| slugify(&registry.countries[c].name)))
            .unwrap_or_else(|| "report".to_string()),
    };
    let Some(date) = date.filter(|_| problems.is_empty()) else {
        return Err(NewError::Invalid(problems));
    };

    let made_up = request.slug.is_none() && from_title.is_none();
    let relative = free_path(&request.root, date, &slug, made_up);
    let path = request.root.join(&relative);
    let iso = country.and_then(|c| registry.countries[c].iso.clone());
    let id = next_id(&request.root, iso.as_deref(), date);
    let text = skeleton(&Skeleton {
        title: &request.title,
        slug: request.slug.as_deref(),
        date,
        country: country.map(|c| registry.countries[c].name.as_str()),
        region: region.as_deref(),
        groups: &groups,
        id: id.as_deref(),
    });
    let write = |source| NewError::Write {
        path: relative.clone(),
        source,
    };
    std::fs::create_dir_all(path.parent().unwrap_or(&request.root)).map_err(write)?;
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
    let registry = if what == "group" { "groups" } else { "regions" };
    let help = match suggestion {
        Some(s) => format!("did you mean '{s}'?"),
        None => format!("names come from content/{registry}.yaml"),
    };
    Diagnostic::file_error(args, format!("--{what}: unknown {what} '{name}'")).with_help(help)
}

/// The next id in the site's own scheme, if its reports carry ids.
///
/// Sites that number reports `ML-2025-0001` (country, year, sequence) get the next number for
/// this country and year; sites with other `PREFIX-0001` ids get the next number after the
/// largest; sites without ids get none, and the slug serves.
fn next_id(root: &Path, iso: Option<&str>, date: Date) -> Option<String> {
    let ids = existing_ids(root);
    let numbered: Vec<(&str, &str)> = ids.iter().filter_map(|id| split_number(id)).collect();
    if numbered.is_empty() {
        return None;
    }
    let country_year = |prefix: &str| {
        let parts: Vec<&str> = prefix.trim_end_matches('-').split('-').collect();
        parts.len() == 2 && parts[0].len() == 2 && parts[1].len() == 4
    };
    let prefix = match iso {
        Some(iso) if numbered.iter().all(|(p, _)| country_year(p)) => {
            format!("{iso}-{}-", date.year())
        }
        _ => numbered.iter().map(|(p, _)| *p).max()?.to_string(),
    };
    let width = numbered.iter().map(|(_, n)| n.len()).max().unwrap_or(4);
    let next = numbered
        .iter()
        .filter(|(p, _)| *p == prefix)
        .filter_map(|(_, n)| n.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    Some(format!("{prefix}{next:0width$}"))
}

/// `ML-2025-0007` gives (`ML-2025-`, `0007`).
fn split_number(id: &str) -> Option<(&str, &str)> {
    let digits = id.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (prefix, number) = id.split_at(id.len() - digits);
    (!number.is_empty() && prefix.ends_with('-')).then_some((prefix, number))
}

/// The `id:` of every report, read from the front matter lines without a full parse, so a
/// site with a broken report can still get new ones.
fn existing_ids(root: &Path) -> Vec<String> {
    WalkDir::new(root.join("content/incidents"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|text| {
            text.lines()
                .skip(1)
                .take_while(|l| l.trim_end() != "---")
                .find_map(|l| l.strip_prefix("id:"))
                .map(|v| v.trim().trim_matches(['"', '\'']).to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(crate::slugs::fits_every_file_system(&format!("2025-08-01-{slug}")).is_ok());
    }

    #[test]
    fn ids_follow_the_site_scheme() {
        assert_eq!(split_number("ML-2025-0007"), Some(("ML-2025-", "0007")));
        assert_eq!(split_number("report"), None);
        assert_eq!(split_number("2025"), None);
    }
}
