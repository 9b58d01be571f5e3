//! How sure a site is of a report: the confidence grades `site.yaml` lists (or the
//! built-in five), and the Admiralty code's letters and numbers for a source's record
//! and a claim's credibility.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// One confidence grade a report may carry, as `site.yaml`'s `confidence:` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// What reports write (`confidence: fair`).
    pub id: String,
    /// What readers see.
    pub label: String,
    /// What the grade means, for the method page.
    pub definition: String,
}

/// A report's grade: its position in the site's [`Grades`], most confident first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GradeId(pub usize);

/// The grades of a site, in the order `site.yaml` gives them (most confident first).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Grades(pub Vec<Grade>);

/// The built-in scale, after the five levels conflict monitors such as Airwars grade
/// incidents on; a site that says nothing of `confidence:` uses it.
const BUILT_IN: [(&str, &str, &str); 5] = [
    (
        "confirmed",
        "Confirmed",
        "A party to the event accepted responsibility, or the desk saw conclusive evidence.",
    ),
    (
        "fair",
        "Fair",
        "Two or more credible sources, independent of each other, report it.",
    ),
    (
        "weak",
        "Weak",
        "A single source reports it, or several that all repeat one account.",
    ),
    (
        "contested",
        "Contested",
        "Parties give competing accounts of who did it or of what happened.",
    ),
    (
        "discounted",
        "Discounted",
        "Reported, but the desk judges it did not happen as told.",
    ),
];

static DEFAULT: LazyLock<Grades> = LazyLock::new(|| {
    Grades(
        BUILT_IN
            .iter()
            .map(|(id, label, definition)| Grade {
                id: (*id).into(),
                label: (*label).into(),
                definition: (*definition).into(),
            })
            .collect(),
    )
});

impl Default for Grades {
    fn default() -> Self {
        DEFAULT.clone()
    }
}

impl Grades {
    /// The built-in five, borrowed: what a report is checked against when no site is read.
    pub fn built_in() -> &'static Grades {
        &DEFAULT
    }

    /// The grade written `id`, matched exactly: ids are short words editors copy.
    pub fn find(&self, id: &str) -> Option<GradeId> {
        self.0.iter().position(|g| g.id == id).map(GradeId)
    }

    /// The grade a report carries.
    pub fn get(&self, id: GradeId) -> &Grade {
        &self.0[id.0]
    }

    /// Every id, in order, for messages and the schema.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|g| g.id.as_str())
    }

    /// What is wrong with the list `site.yaml` gives, as (the id to point at, message):
    /// an empty list, an id that is not a short lower-case word, an id listed twice, an
    /// empty label or definition.
    pub fn problem(&self) -> Option<(String, String)> {
        if self.0.is_empty() {
            return Some((
                String::new(),
                "confidence lists no grade: list at least one, or remove the key to use the \
                 built-in five"
                    .into(),
            ));
        }
        for (i, grade) in self.0.iter().enumerate() {
            if !is_grade_id(&grade.id) {
                return Some((
                    grade.id.clone(),
                    format!(
                        "confidence: '{}' is not a grade id: write lower-case letters, digits \
                         and '-' (fair, very-likely)",
                        grade.id
                    ),
                ));
            }
            if self.0[..i].iter().any(|g| g.id == grade.id) {
                return Some((
                    grade.id.clone(),
                    format!(
                        "confidence: '{}' is listed twice: give each grade its own id",
                        grade.id
                    ),
                ));
            }
            if grade.label.trim().is_empty() || grade.definition.trim().is_empty() {
                return Some((
                    grade.id.clone(),
                    format!(
                        "confidence: '{}' needs a label and a definition: readers see both",
                        grade.id
                    ),
                ));
            }
        }
        None
    }
}

/// Whether `id` can be a grade id: what a YAML plain scalar and a URL filter both carry.
fn is_grade_id(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A claim's credibility on the Admiralty code's scale: 1 (confirmed by other sources)
/// to 6 (truth cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Credibility(u8);

impl Credibility {
    /// The lowest and highest values.
    pub const RANGE: std::ops::RangeInclusive<u8> = 1..=6;

    /// The credibility `value`, when it is on the scale.
    pub fn new(value: u8) -> Option<Credibility> {
        Self::RANGE.contains(&value).then_some(Credibility(value))
    }

    /// The number written.
    pub fn value(self) -> u8 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_scale_is_sound_and_ordered() {
        let grades = Grades::default();
        assert_eq!(grades.problem(), None);
        let ids: Vec<&str> = grades.ids().collect();
        assert_eq!(
            ids,
            ["confirmed", "fair", "weak", "contested", "discounted"]
        );
        assert_eq!(grades.find("weak"), Some(GradeId(2)));
        assert_eq!(grades.find("Weak"), None);
    }

    #[test]
    fn a_bad_scale_is_named() {
        let grade = |id: &str| Grade {
            id: id.into(),
            label: "L".into(),
            definition: "D".into(),
        };
        assert!(Grades(vec![]).problem().is_some());
        let twice = Grades(vec![grade("a"), grade("a")]).problem().unwrap();
        assert!(twice.1.contains("listed twice"), "{twice:?}");
        let bad = Grades(vec![grade("Very Sure")]).problem().unwrap();
        assert_eq!(bad.0, "Very Sure");
    }

    #[test]
    fn credibility_is_one_to_six() {
        assert!(Credibility::new(0).is_none());
        assert_eq!(Credibility::new(4).map(Credibility::value), Some(4));
        assert!(Credibility::new(7).is_none());
    }
}
