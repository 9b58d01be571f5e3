//! Loading one translation (`x.fr.md` beside `x.md`): its file name read for its language,
//! its front matter screened for keys only a report may set, parsed like a report's so
//! positions are the file's own, and its body checked and rendered like a report's.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::domain::model::Translation;
use crate::markdown::MarkdownSettings;
use crate::settings::is_language_tag;
use crate::yaml;

use super::files::read_report;
use super::report::{not_split, not_utf8, read_body};
use super::{split, Bodies};

/// A translation's front matter as written; every other key is refused before parsing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationFront {
    title: String,
    summary: String,
    #[serde(default)]
    tags: Option<Vec<String>>,
    #[serde(default)]
    claims: Vec<ClaimText>,
}

/// One entry of a translation's `claims:`: only what the claim says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimText {
    text: String,
}

/// The keys a translation may set, as the messages list them.
const ALLOWED: [&str; 4] = ["title", "summary", "tags", "claims"];

/// What loading one translation gave: the translation if it is sound, every problem, and
/// where its `claims:` key is, to point at when the count differs from the report's.
pub(super) struct LoadedTranslation {
    /// The translation's file, relative to the root.
    pub(super) path: PathBuf,
    /// The translation, when its file has no problem of its own.
    pub(super) translation: Option<Translation>,
    /// Every problem of the file.
    pub(super) problems: Vec<Diagnostic>,
    /// The line and column of `claims:`, when the front matter has it.
    pub(super) claims_at: Option<(usize, usize)>,
    /// How many claims' texts the front matter gives, when it could be read: checked
    /// against the report's even when the file has other problems.
    pub(super) claims_given: Option<usize>,
}

/// The language of a translation's file name (`fr` for `x.fr.md`), or `None` when the file
/// is a report: `foo.v2.md` is a report, since `v2` is no language code.
pub(super) fn language_of(path: &Path) -> Option<&str> {
    let stem = path.file_name()?.to_str()?.strip_suffix(".md")?;
    let (report, lang) = stem.rsplit_once('.')?;
    (!report.is_empty() && is_language_tag(lang)).then_some(lang)
}

/// The report a translation translates: `x.fr.md` gives `x.md`, in the same folder.
pub(super) fn report_of(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let report = stem.rsplit_once('.').map_or(stem, |(report, _)| report);
    path.with_file_name(format!("{report}.md"))
}

/// Reads one translation from disk and loads it, collecting every problem; `languages`
/// are the site's, the default first.
pub(super) fn load_translation(
    root: &Path,
    path: &Path,
    languages: &[String],
    markdown: &MarkdownSettings,
    bodies: Bodies,
) -> LoadedTranslation {
    let mut loaded = LoadedTranslation {
        path: path.to_path_buf(),
        translation: None,
        problems: Vec::new(),
        claims_at: None,
        claims_given: None,
    };
    let lang = language_of(path).unwrap_or_default().to_string();
    loaded
        .problems
        .extend(check_language(path, &lang, languages));
    let bytes = match read_report(root, path) {
        Ok(bytes) => bytes,
        Err(problem) => {
            loaded.problems.push(problem);
            return loaded;
        }
    };
    let text = match yaml::decode(&bytes) {
        Ok(text) => text,
        Err((line, column)) => {
            loaded.problems.push(not_utf8(path, line, column));
            return loaded;
        }
    };
    let parts = match split::split_report(&text) {
        Ok(parts) => parts,
        Err(e) => {
            loaded.problems.push(not_split(path, &e));
            return loaded;
        }
    };
    let markdown = MarkdownSettings {
        base_path: format!("{}{lang}/", markdown.base_path),
        ..markdown.clone()
    };
    let body = read_body(&parts, path, &markdown, bodies);
    let screened = screen_keys(parts.front_matter, parts.front_matter_line, path);
    loaded.claims_at = screened.claims_at;
    loaded.problems.extend(screened.problems);
    loaded.problems.extend(body.problems);
    let parsed =
        yaml::parse_collecting::<TranslationFront>(&screened.text, parts.front_matter_line, path);
    loaded
        .problems
        .extend(parsed.problems.into_iter().map(explain_claims));
    let Some(front) = parsed.value else {
        return loaded;
    };
    loaded.claims_given = Some(front.claims.len());
    loaded.problems.extend(empty_texts(
        &front,
        &screened.text,
        parts.front_matter_line,
        path,
    ));
    if loaded.problems.is_empty() {
        loaded.translation = Some(Translation {
            lang,
            path: path.to_path_buf(),
            title: front.title,
            summary: front.summary,
            tags: front.tags,
            claim_texts: front.claims.into_iter().map(|c| c.text).collect(),
            body: body.body,
            site_links: body.site_links,
            last_changed: None,
        });
    }
    loaded
}

/// The problem with a translation into `lang`, if the site does not publish it or it is
/// the default language, which the report itself is written in.
fn check_language(path: &Path, lang: &str, languages: &[String]) -> Option<Diagnostic> {
    let report = report_name(path);
    let message = if languages.first().is_some_and(|d| d == lang) {
        format!(
            "'{lang}' is the site's default language, the language of {report} itself: a \
             translation is into one of the site's other languages"
        )
    } else if !languages.iter().any(|l| l == lang) {
        format!(
            "'{lang}' is not one of the site's languages ({}): add it to languages in \
             site.yaml or rename the file",
            languages.join(", ")
        )
    } else {
        return None;
    };
    let others: Vec<&str> = languages.iter().skip(1).map(String::as_str).collect();
    let help = match others.as_slice() {
        [] => {
            "the site has one language: add `languages:` to site.yaml to publish others".to_string()
        }
        _ => format!(
            "name the file {}, LANG one of {}",
            translation_name(path),
            others.join(", ")
        ),
    };
    Some(Diagnostic::file_error(path, message).with_help(help))
}

/// The file name of the report a translation belongs to (`x.md`).
pub(super) fn report_name(path: &Path) -> String {
    let report = report_of(path);
    report
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How a translation of the same report is named, with `LANG` in place of the language.
fn translation_name(path: &Path) -> String {
    let report = report_name(path);
    format!("{}.LANG.md", report.strip_suffix(".md").unwrap_or(&report))
}

/// The front matter with every top-level key a translation may not set blanked out (its
/// lines kept, so positions stay true), a problem for each, and where `claims:` is.
struct Screened {
    text: String,
    problems: Vec<Diagnostic>,
    claims_at: Option<(usize, usize)>,
}

/// Refuses, before parsing, each top-level key only a report may set, with a message that
/// says where the facts live; serde would only call it unknown.
fn screen_keys(front_matter: &str, first_line: usize, path: &Path) -> Screened {
    let report = report_of(path);
    let mut screened = Screened {
        text: String::with_capacity(front_matter.len()),
        problems: Vec::new(),
        claims_at: None,
    };
    let mut blanking = false;
    for (i, line) in front_matter.lines().enumerate() {
        if let Some(key) = top_level_key(line) {
            blanking = !ALLOWED.contains(&key);
            if key == "claims" {
                screened.claims_at = Some((first_line + i, 1));
            }
            if blanking {
                screened.problems.push(
                    Diagnostic::error(
                        path,
                        first_line + i,
                        1,
                        format!(
                            "'{key}' cannot be set in a translation: the facts live in {}; a \
                             translation holds only title, summary, tags and the text of claims",
                            report.display()
                        ),
                    )
                    .with_help(format!(
                        "remove '{key}' here; set it in {}",
                        report.display()
                    )),
                );
            }
        }
        if !blanking {
            screened.text.push_str(line);
        }
        screened.text.push('\n');
    }
    screened
}

/// The key a line starts at the top level of the mapping, if it starts one.
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '{' | '[') {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    Some(key.trim().trim_matches(['"', '\'']))
}

/// A problem inside `claims:` told in a translation's terms: only the text is translated.
fn explain_claims(problem: Diagnostic) -> Diagnostic {
    if !problem.message.starts_with("claims") {
        return problem;
    }
    problem.with_help(
        "a translation's claims are [{text: ...}, ...]: the text of each of the report's claims, \
         in its order; who made each claim and its source stay in the report",
    )
}

/// A title or summary left empty, which pages would show as nothing.
fn empty_texts(
    front: &TranslationFront,
    text: &str,
    first_line: usize,
    path: &Path,
) -> Vec<Diagnostic> {
    let yaml_text = crate::locate::YamlText::new(text, first_line);
    [("title", &front.title), ("summary", &front.summary)]
        .into_iter()
        .filter(|(_, value)| value.trim().is_empty())
        .map(|(key, _)| {
            let (line, column) = yaml_text.find_in_key(key, "");
            Diagnostic::error(path, line, column, format!("{key} is empty"))
                .with_help(format!("write the report's {key} in this file's language"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_code_before_md_makes_a_translation() {
        assert_eq!(language_of(Path::new("a/x.fr.md")), Some("fr"));
        assert_eq!(language_of(Path::new("a/x.pt-BR.md")), Some("pt-BR"));
        assert_eq!(language_of(Path::new("a/foo.v2.md")), None);
        assert_eq!(language_of(Path::new("a/x.md")), None);
        assert_eq!(language_of(Path::new("a/.fr.md")), None);
        assert_eq!(report_of(Path::new("a/x.y.fr.md")), Path::new("a/x.y.md"));
    }

    #[test]
    fn keys_of_the_report_are_blanked_with_their_blocks() {
        let front = "title: T\ndate: 2025-07-01\nsources:\n  - {name: x}\nsummary: S\nclaims: []\n";
        let screened = screen_keys(front, 2, Path::new("c/x.fr.md"));
        assert_eq!(screened.text, "title: T\n\n\n\nsummary: S\nclaims: []\n");
        let at: Vec<_> = screened.problems.iter().map(|p| p.line).collect();
        assert_eq!(at, [3, 4]);
        assert!(screened.problems[0]
            .message
            .starts_with("'date' cannot be set in a translation: the facts live in c/x.md;"));
        assert_eq!(screened.claims_at, Some((7, 1)));
    }
}
