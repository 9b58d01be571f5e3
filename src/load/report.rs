//! Loading one report: its bytes decoded and split, its body checked against its bounds and
//! rendered or read for links, its front matter parsed and validated into an [`Incident`].
//! Every problem is collected, and what the report refers to is kept even when it fails,
//! so links to a broken report are not reported as broken too.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::domain::model::{Body, Incident, Translation};
use crate::domain::registry::Registry;
use crate::locate::YamlText;
use crate::markdown::{self, MarkdownSettings};
use crate::yaml;

use super::files::read_report;
use super::split::{self, SplitError, SplitReport};
use super::validate::Rules;
use super::{schema, validate, Bodies};

/// What loading one report gave: the incident if it is sound, every problem, and what it
/// refers to, so a broken report's links are checked and links to it are not reported.
pub(super) struct Loaded {
    pub(super) incident: Option<Incident>,
    pub(super) problems: Vec<Diagnostic>,
    pub(super) references: References,
    /// The front matter says `status: draft`, whether or not the rest of it parses.
    pub(super) draft: bool,
}

impl Loaded {
    /// A report that failed before its front matter could be read, with its one problem.
    fn unread(problem: Diagnostic, references: References) -> Loaded {
        Loaded {
            incident: None,
            problems: vec![problem],
            references,
            draft: false,
        }
    }
}

/// What a report points at and answers to, sound or not.
pub(super) struct References {
    pub(super) path: PathBuf,
    slug: String,
    related: Vec<String>,
    site_links: Vec<String>,
}

impl References {
    /// A report nothing could be read from: other reports may still link to its slug.
    fn unparsed(path: &Path) -> References {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        References {
            path: path.to_path_buf(),
            slug: crate::domain::slugs::slugify(stem),
            related: Vec::new(),
            site_links: Vec::new(),
        }
    }

    /// Takes the slug (when valid) and related reports the front matter gives, which hold
    /// even if the report goes on to fail validation.
    fn take_front_matter(&mut self, front: &schema::FrontMatter) {
        if let Some(slug) = front
            .slug
            .as_deref()
            .filter(|s| crate::domain::slugs::is_valid_slug(s))
        {
            self.slug = slug.to_string();
        }
        self.related.clone_from(&front.related);
    }

    /// These references borrowed, as the checks across reports take them.
    pub(super) fn view(&self) -> Refs<'_> {
        Refs {
            path: &self.path,
            slug: &self.slug,
            related: &self.related,
            site_links: &self.site_links,
        }
    }
}

/// [`References`] borrowed from a report, sound or not, for the checks across reports.
pub(super) struct Refs<'a> {
    pub(super) path: &'a Path,
    pub(super) slug: &'a str,
    pub(super) related: &'a [String],
    pub(super) site_links: &'a [String],
}

impl<'a> Refs<'a> {
    /// The references of a sound report.
    pub(super) fn of(incident: &'a Incident) -> Refs<'a> {
        Refs {
            path: &incident.path,
            slug: &incident.slug,
            related: &incident.related,
            site_links: &incident.site_links,
        }
    }

    /// The references of a translation of a sound report: the links of its body, under
    /// the report's slug.
    pub(super) fn of_translation(incident: &'a Incident, translation: &'a Translation) -> Self {
        Refs {
            path: &translation.path,
            slug: &incident.slug,
            related: &[],
            site_links: &translation.site_links,
        }
    }
}

/// Reads one report from disk and loads it, collecting every problem.
pub(super) fn load_report(
    root: &Path,
    path: &Path,
    site: (&Registry, Rules),
    markdown: &MarkdownSettings,
    bodies: Bodies,
) -> Loaded {
    match read_report(root, path) {
        Ok(bytes) => load_report_bytes(path, &bytes, site, markdown, bodies),
        Err(problem) => Loaded::unread(problem, References::unparsed(path)),
    }
}

/// Loads one report from its bytes, as [`super::load_site`] does: the incident if it is
/// sound, and every problem (errors and warnings) found in it, under the rules of a site
/// that sets none ([`Rules::built_in`]). Never panics, whatever the bytes; the fuzz
/// target holds it to that.
pub fn parse_report(
    path: &Path,
    bytes: &[u8],
    registry: &Registry,
    markdown: &MarkdownSettings,
) -> (Option<Incident>, Vec<Diagnostic>) {
    let site = (registry, Rules::built_in());
    let loaded = load_report_bytes(path, bytes, site, markdown, Bodies::Held);
    (loaded.incident, loaded.problems)
}

/// Decodes, splits, parses, validates and renders one report.
fn load_report_bytes(
    path: &Path,
    bytes: &[u8],
    (registry, rules): (&Registry, Rules),
    markdown: &MarkdownSettings,
    bodies: Bodies,
) -> Loaded {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let mut references = References::unparsed(path);
    let text = match yaml::decode(bytes) {
        Ok(text) => text,
        Err((line, column)) => return Loaded::unread(not_utf8(path, line, column), references),
    };
    let parts = match split::split_report(&text) {
        Ok(parts) => parts,
        Err(e) => return Loaded::unread(not_split(path, &e), references),
    };
    let draft = split::says_draft(parts.front_matter);
    let body = read_body(&parts, path, markdown, bodies);
    references.site_links.clone_from(&body.site_links);

    let parsed = yaml::parse_collecting::<schema::FrontMatter>(
        parts.front_matter,
        parts.front_matter_line,
        path,
    );
    let mut problems = body.problems;
    problems.extend(parsed.problems);
    let Some(front) = parsed.value else {
        return Loaded {
            incident: None,
            problems,
            references,
            draft,
        };
    };
    references.take_front_matter(&front);
    let cx = validate::ReportContext {
        path,
        yaml: YamlText::new(parts.front_matter, parts.front_matter_line),
        registry,
        rules,
    };
    let incident = validated(front, stem, &cx, &mut problems, body.body, body.site_links);
    Loaded {
        incident,
        problems,
        references,
        draft,
    }
}

/// The problem of a file that is not UTF-8, at its first bad byte.
pub(super) fn not_utf8(path: &Path, line: usize, column: usize) -> Diagnostic {
    Diagnostic::error(path, line, column, "the file is not valid UTF-8")
        .with_help("save the file with UTF-8 encoding; incidex does not guess other encodings")
}

/// The problem of a file that does not split into front matter and body.
pub(super) fn not_split(path: &Path, e: &SplitError) -> Diagnostic {
    let (message, help) = e.explain();
    Diagnostic::file_error(path, message).with_help(help)
}

/// A report's body as its load leaves it, with the links it makes and the bounds it breaks.
pub(super) struct ReadBody {
    pub(super) body: Body,
    pub(super) site_links: Vec<String>,
    pub(super) problems: Vec<Diagnostic>,
}

/// Checks the body against its bounds, then renders it ([`Bodies::Held`]) or only reads its
/// links ([`Bodies::InFiles`]).
pub(super) fn read_body(
    parts: &SplitReport,
    path: &Path,
    markdown: &MarkdownSettings,
    bodies: Bodies,
) -> ReadBody {
    let body_line = parts.front_matter_line + parts.front_matter.matches('\n').count() + 1;
    let problems =
        crate::body_limits::check_body(parts.body, body_line, !markdown.allow_raw_html, path);
    // A body past its bounds is not rendered: that is the work the bounds are there to cap.
    let within_bounds = problems.is_empty();
    let mut site_links = Vec::new();
    let body = match bodies {
        _ if !within_bounds => Body::InFile,
        Bodies::Held => {
            let mut html = markdown::render_collecting_links(parts.body, markdown, &mut site_links);
            // Held for the whole session: no spare room.
            html.shrink_to_fit();
            Body::Held(html)
        }
        Bodies::InFiles => {
            markdown::collect_links(parts.body, &mut site_links);
            Body::InFile
        }
    };
    ReadBody {
        body,
        site_links,
        problems,
    }
}

/// Validates the front matter into the incident, given its body, when the report has no
/// problem so far; `problems` then holds only the validation's warnings, else every problem.
fn validated(
    front: schema::FrontMatter,
    stem: &str,
    cx: &validate::ReportContext,
    problems: &mut Vec<Diagnostic>,
    body: Body,
    site_links: Vec<String>,
) -> Option<Incident> {
    match validate::validate(front, stem, cx) {
        Ok((mut incident, warnings)) if problems.is_empty() => {
            *problems = warnings;
            incident.body = body;
            incident.site_links = site_links;
            Some(incident)
        }
        Ok((_, warnings)) => {
            problems.extend(warnings);
            None
        }
        Err(more) => {
            problems.extend(more);
            None
        }
    }
}
