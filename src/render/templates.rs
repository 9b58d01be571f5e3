//! The templates: built into the binary from the repository's `templates/`, each
//! replaceable by a file of the same name in a site's own `templates/`.

use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};

use crate::diagnostics::Diagnostic;
use crate::i18n::Catalogue;

/// The built-in templates, by name.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("card.html", include_str!("../../templates/card.html")),
    ("cards.html", include_str!("../../templates/cards.html")),
    ("row.html", include_str!("../../templates/row.html")),
    (
        "pagination.html",
        include_str!("../../templates/pagination.html"),
    ),
    ("home.html", include_str!("../../templates/home.html")),
    (
        "incident.html",
        include_str!("../../templates/incident.html"),
    ),
    ("figures.html", include_str!("../../templates/figures.html")),
    (
        "incidents.html",
        include_str!("../../templates/incidents.html"),
    ),
    ("regions.html", include_str!("../../templates/regions.html")),
    ("country.html", include_str!("../../templates/country.html")),
    ("region.html", include_str!("../../templates/region.html")),
    ("groups.html", include_str!("../../templates/groups.html")),
    ("group.html", include_str!("../../templates/group.html")),
    ("alias.html", include_str!("../../templates/alias.html")),
    ("types.html", include_str!("../../templates/types.html")),
    ("type.html", include_str!("../../templates/type.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    ("year.html", include_str!("../../templates/year.html")),
    ("about.html", include_str!("../../templates/about.html")),
    ("data.html", include_str!("../../templates/data.html")),
    ("columns.html", include_str!("../../templates/columns.html")),
    (
        "downloads.html",
        include_str!("../../templates/downloads.html"),
    ),
    (
        "map_block.html",
        include_str!("../../templates/map_block.html"),
    ),
    (
        "list_map.html",
        include_str!("../../templates/list_map.html"),
    ),
    ("map.html", include_str!("../../templates/map.html")),
    ("stats.html", include_str!("../../templates/stats.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
];

/// The site's templates, loaded.
pub struct Templates {
    /// Every template, built-in or the site's own.
    pub tera: Tera,
    /// Whether any template is the site's own: a changed built-in one or a partial of its
    /// own. Only then can a template read the cards' data, which the built-in templates
    /// never do.
    pub customised: bool,
}

/// Loads the built-in templates with the site's overrides in their place.
///
/// A template error is reported against the site's file when the site overrides it.
/// `words` gives templates `t` and `plural()`, which must exist before any template that
/// calls them is compiled.
pub fn load_templates(root: &Path, words: &Catalogue) -> Result<Templates, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut sources: Vec<(String, String, PathBuf)> = Vec::new();
    let boundary = crate::site_boundary::SiteBoundary::of(root).ok();
    for (name, built_in) in BUILT_IN {
        let relative = PathBuf::from("templates").join(name);
        let link_out = boundary
            .as_ref()
            .and_then(|b| b.check_link(&root.join(&relative), &relative));
        if let Some(problem) = link_out {
            problems.push(problem);
            continue;
        }
        let text = match std::fs::read_to_string(root.join(&relative)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => built_in.to_string(),
            Err(e) => {
                problems.push(Diagnostic::file_error(
                    &relative,
                    format!("cannot read the template: {e}"),
                ));
                built_in.to_string()
            }
        };
        sources.push((name.to_string(), text, relative));
    }
    sources.extend(site_partials(root, boundary.as_ref(), &mut problems));
    if !problems.is_empty() {
        return Err(problems);
    }
    let customised = sources.iter().any(|(name, text, _)| {
        BUILT_IN
            .iter()
            .find(|(built_in, _)| built_in == name)
            .is_none_or(|(_, built_in)| built_in != text)
    });
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    interface_words(&mut tera, words);
    let compiled: Vec<(&str, String)> = sources
        .iter()
        .map(|(name, text, _)| {
            (
                name.as_str(),
                super::inline_words::inline_words(text, words),
            )
        })
        .collect();
    tera.add_raw_templates(compiled.iter().map(|(name, text)| (*name, text.as_str())))
        .map_err(|err| vec![template_diagnostic(&err, &sources)])?;
    Ok(Templates { tera, customised })
}

/// The site's own templates beyond the built-in names (`templates/partials/note.html`,
/// named `partials/note.html`), for its overrides to include or extend.
fn site_partials(
    root: &Path,
    boundary: Option<&crate::site_boundary::SiteBoundary>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<(String, String, PathBuf)> {
    // Without the site's own path no link could be checked: no partial is read.
    let Some(boundary) = boundary else {
        return Vec::new();
    };
    let folder = root.join("templates");
    let mut partials = Vec::new();
    let visit = |entry: walkdir::Result<walkdir::DirEntry>| {
        let Ok(entry) = entry else { return };
        let Ok(inside) = entry.path().strip_prefix(&folder) else {
            return;
        };
        let name = inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let is_template = name.ends_with(".html") || name.ends_with(".xml");
        let built_in = BUILT_IN.iter().any(|(built_in, _)| *built_in == name);
        if !entry.file_type().is_file() || !is_template || built_in {
            return;
        }
        let relative = PathBuf::from("templates").join(inside);
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => partials.push((name, text, relative)),
            Err(e) => problems.push(Diagnostic::file_error(
                &relative,
                format!("cannot read the template: {e}"),
            )),
        }
    };
    let refused = boundary.walk(&folder, root, visit);
    problems.extend(refused);
    partials
}

/// Turns a Tera error into a diagnostic naming the template file, line and column.
pub fn template_diagnostic(err: &tera::Error, sources: &[(String, String, PathBuf)]) -> Diagnostic {
    let path_of = |name: &str| {
        sources.iter().find(|(n, _, _)| n == name).map_or_else(
            || PathBuf::from("templates").join(name),
            |(_, _, p)| p.clone(),
        )
    };
    match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            Diagnostic::error(
                &path_of(report.filename()),
                span.start_line,
                span.start_col + 1,
                format!("template error: {}", report.message()),
            )
        }
        ErrorKind::MissingParent { current, parent } => Diagnostic::file_error(
            &path_of(current),
            format!("template extends '{parent}', which does not exist"),
        ),
        other => Diagnostic::file_error(Path::new("templates"), format!("template error: {other}")),
    }
}

/// A rendering error of one page, reported against its template.
pub fn render_diagnostic(err: &tera::Error, template: &str) -> Diagnostic {
    match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            let name = if report.filename().is_empty() {
                template
            } else {
                report.filename()
            };
            Diagnostic::error(
                &PathBuf::from("templates").join(name),
                span.start_line,
                span.start_col + 1,
                format!("template error: {}", report.message()),
            )
        }
        other => Diagnostic::file_error(
            &PathBuf::from("templates").join(template),
            format!("template error: {other}"),
        ),
    }
}

/// The catalogue as templates see it: `t`, the strings, and `plural(key=…, n=…)`, the form
/// of a plural message for a number.
fn interface_words(tera: &mut Tera, words: &Catalogue) {
    tera.global_context().insert("t", &words.tree);
    let words = std::sync::Arc::new(words.clone());
    tera.register_function("plural", move |kwargs: tera::Kwargs, _: &tera::State| {
        let key: &str = kwargs.must_get("key")?;
        let n: i64 = kwargs.must_get("n")?;
        words
            .plural(key, n.max(0) as u64)
            .ok_or_else(|| tera::Error::message(format!("no plural message '{key}'")))
    });
}
