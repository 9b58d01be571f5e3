//! How sure a report is, in the page's words: its confidence grade with the grade's
//! definition, and the Admiralty code's letter of a source and figure of a claim, each with
//! its meaning, so that no reader has to look a code up to read it.
//!
//! The built-in grades are the binary's, written in English in `site.yaml`'s absence; a
//! page in another language shows them from its catalogue (`grades.ID`). A site that lists
//! its own grades wrote them in its own words, which are shown as written.

use serde::Serialize;

use crate::domain::grades::{Credibility, GradeId, Grades};
use crate::domain::vocabulary::Reliability;
use crate::site_context::SiteContext;

/// A confidence grade as readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct GradeView {
    /// The id reports and the exports write (`weak`): the search filter's value.
    pub id: String,
    /// What readers see (`Weak`).
    pub label: String,
    /// What it means.
    pub definition: String,
}

/// An Admiralty code with its meaning: `C`, "fairly reliable".
#[derive(Debug, Clone, Serialize)]
pub struct RatingView {
    /// The letter or figure as written.
    pub code: String,
    /// Its meaning in the page's language.
    pub meaning: String,
}

/// The vague words of `site.yaml`'s `vague_counts` with the number each is read as.
#[derive(Debug, Clone, Serialize)]
pub struct VagueCountView {
    /// The word a source uses (`dozens`).
    pub word: String,
    /// The number the desk reads it as.
    pub number: u32,
}

/// Everything the about page's section on confidence shows.
#[derive(Debug, Clone, Serialize)]
pub struct TrustScale {
    /// The site's grades, most confident first.
    pub grades: Vec<GradeView>,
    /// Reliability A to F, each with its meaning.
    pub reliability: Vec<RatingView>,
    /// Credibility 1 to 6, each with its meaning.
    pub credibility: Vec<RatingView>,
    /// The vague words the site reads as numbers; empty when it has none.
    pub vague_counts: Vec<VagueCountView>,
}

impl SiteContext<'_> {
    /// The site's grades.
    fn grades(&self) -> &Grades {
        &self.site.settings.config.confidence
    }

    /// Grade `id` in the page's words.
    pub fn grade(&self, id: GradeId) -> GradeView {
        let grade = self.grades().get(id);
        let translated = |field: &str| -> Option<String> {
            if self.grades() != Grades::built_in() {
                return None;
            }
            let text = self.words.text(&format!("grades.{}.{field}", grade.id));
            (!text.is_empty()).then(|| text.to_string())
        };
        GradeView {
            id: grade.id.clone(),
            label: translated("label").unwrap_or_else(|| grade.label.clone()),
            definition: translated("definition").unwrap_or_else(|| grade.definition.clone()),
        }
    }

    /// A source's reliability with its meaning.
    pub fn reliability(&self, reliability: Reliability) -> RatingView {
        let code = reliability.as_str();
        RatingView {
            code: code.to_string(),
            meaning: self.words.text(&format!("vocab.reliability.{code}")).into(),
        }
    }

    /// A claim's credibility with its meaning.
    pub fn credibility(&self, credibility: Credibility) -> RatingView {
        let code = credibility.value().to_string();
        RatingView {
            meaning: self.words.text(&format!("vocab.credibility.{code}")).into(),
            code,
        }
    }

    /// The whole scale, for the about page.
    pub fn trust_scale(&self) -> TrustScale {
        TrustScale {
            grades: (0..self.grades().0.len())
                .map(|g| self.grade(GradeId(g)))
                .collect(),
            reliability: Reliability::ALL
                .iter()
                .map(|&r| self.reliability(r))
                .collect(),
            credibility: Credibility::RANGE
                .filter_map(Credibility::new)
                .map(|c| self.credibility(c))
                .collect(),
            vague_counts: self
                .site
                .settings
                .config
                .vague_counts
                .0
                .iter()
                .map(|(word, &number)| VagueCountView {
                    word: word.clone(),
                    number,
                })
                .collect(),
        }
    }
}
