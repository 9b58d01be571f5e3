//! The checker one report is validated with: where its problems are collected, and how
//! a problem is pointed at the value that is wrong.

use crate::diagnostics::Diagnostic;
use crate::domain::model::Party;
use crate::domain::registry::NoMatch;

use jiff::civil::Date;

use super::dates::{date_help, parse_date};
use super::ReportContext;

/// Collects problems while one report is checked.
pub(super) struct Checker<'a> {
    pub(super) cx: &'a ReportContext<'a>,
    pub(super) problems: Vec<Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub(super) fn error(&mut self, key: &str, needle: &str, message: String, help: Option<String>) {
        let (line, column) = self.cx.yaml.find_in_key(key, needle);
        self.problems
            .push(Diagnostic::error(self.cx.path, line, column, message).with_optional_help(help));
    }

    /// The position of a location's coordinates: the first `[` after `coordinates` at or
    /// after the place's name, so the mark sits on the value that is wrong.
    pub(super) fn coordinates_of(&self, name: &str) -> (usize, usize) {
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

    pub(super) fn date(&mut self, key: &str, text: &str) -> Option<Date> {
        match parse_date(text) {
            Ok(date) => Some(date),
            Err(why) => {
                self.error(key, text, format!("{key}: {why}"), Some(date_help(text)));
                None
            }
        }
    }

    pub(super) fn party(&self, name: &str) -> Party {
        match self.cx.registry.find_group(name) {
            Some(group) => Party::Group(group),
            None => Party::Named(name.to_string()),
        }
    }

    /// Checks a link found under top-level `key`; `label` names it in the message.
    pub(super) fn http_url(
        &mut self,
        key: &str,
        label: &str,
        url: Option<String>,
    ) -> Option<String> {
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

pub(super) fn unknown_help(no: &NoMatch, registry_file: &str) -> Option<String> {
    Some(match &no.suggestion {
        Some(s) => format!("did you mean '{s}'? (or add it to {registry_file})"),
        None => format!("add it to {registry_file}"),
    })
}
