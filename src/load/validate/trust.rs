//! How sure a report is and how its sources can be checked: its confidence grade, each
//! source's archive, hash and last check, each claim's credibility.

use crate::domain::grades::{Credibility, GradeId};
use crate::load::schema::RawSource;

use super::checker::Checker;

/// The grade `confidence:` names among the site's grades; an unknown one is reported.
pub(super) fn resolve_confidence(ck: &mut Checker, raw: Option<&str>) -> Option<GradeId> {
    let raw = raw?;
    let grades = ck.cx.rules.grades;
    if let Some(grade) = grades.find(raw) {
        return Some(grade);
    }
    let ids: Vec<&str> = grades.ids().collect();
    let help = match crate::diagnostics::did_you_mean(raw, ids.iter().copied()) {
        Some(near) => format!(
            "did you mean '{near}'? the site's grades: {}",
            ids.join(", ")
        ),
        None => format!(
            "use one of the site's grades: {} (site.yaml's confidence: lists them)",
            ids.join(", ")
        ),
    };
    ck.error(
        "confidence",
        raw,
        format!("unknown confidence grade '{raw}'"),
        Some(help),
    );
    None
}

/// The provenance a source gives beyond its name and links: the day it was last
/// checked and the hash of its archived copy (in lower case), each checked.
pub(super) struct Provenance {
    pub(super) last_verified: Option<jiff::civil::Date>,
    pub(super) sha256: Option<String>,
}

/// Checks source `i`'s `last_verified` and `sha256`.
pub(super) fn check_provenance(ck: &mut Checker, i: usize, raw: &RawSource) -> Provenance {
    let last_verified = raw
        .last_verified
        .as_deref()
        .and_then(|text| ck.date("sources", text));
    let sha256 = raw.sha256.as_deref().and_then(|hash| {
        let hash = hash.trim();
        if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(hash.to_ascii_lowercase());
        }
        let length = hash.chars().count();
        ck.error(
            "sources",
            hash,
            format!("sources[{i}].sha256 is not a SHA-256 hash ({length} characters)"),
            Some(
                "write the 64 hex digits `sha256sum FILE` prints for the archived copy, or \
                 leave the key out"
                    .into(),
            ),
        );
        None
    });
    Provenance {
        last_verified,
        sha256,
    }
}

/// Under `require_archive: true`, a source on the web with no `archive_url` is an error.
pub(super) fn require_archive(ck: &mut Checker, i: usize, url: &str, has_archive: bool) {
    if !ck.cx.rules.require_archive || has_archive {
        return;
    }
    ck.error(
        "sources",
        url,
        format!("sources[{i}] has no archive_url, and site.yaml sets require_archive: true"),
        Some(
            "archive the page (e.g. with the Wayback Machine's \"Save Page Now\") and give \
             the copy's address as archive_url"
                .into(),
        ),
    );
}

/// A claim's `credibility:`, which must be 1 to 6.
pub(super) fn credibility(ck: &mut Checker, value: Option<u8>) -> Option<Credibility> {
    let value = value?;
    let credibility = Credibility::new(value);
    if credibility.is_none() {
        ck.error(
            "claims",
            &format!("credibility: {value}"),
            format!("claims: credibility {value} is not on the scale of 1 to 6"),
            Some(
                "1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, \
                 5 improbable, 6 cannot be judged"
                    .into(),
            ),
        );
    }
    credibility
}
