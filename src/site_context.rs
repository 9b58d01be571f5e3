//! The site-wide context every stage after indexing reads: the loaded site, its index and
//! its URLs, with the links and dates that pages, feeds and data files all show the same way.
//! It sits outside `render` and `publish` so that each can use it without the other.

use jiff::civil::Date;
use serde::Serialize;

use crate::domain::index::SiteIndex;
use crate::domain::model::Party;
use crate::domain::vocabulary::{DatePrecision, EventType};
use crate::domain::Site;
use crate::i18n::Catalogue;
use crate::urls::Urls;

/// The site with its index and URLs: what every stage after indexing reads to look
/// things up and build links.
pub struct SiteContext<'a> {
    /// The loaded site.
    pub site: &'a Site,
    /// Its index.
    pub index: &'a SiteIndex,
    /// Its URLs.
    pub urls: &'a Urls,
    /// The interface's words in the site's language.
    pub words: &'a Catalogue,
    /// Every language the site is published in, the default first.
    pub languages: &'a [crate::languages::Language],
}

/// A link with its text.
#[derive(Debug, Serialize)]
pub struct Link {
    /// What the reader sees.
    pub name: String,
    /// Where it goes; empty for plain text.
    pub url: String,
}

/// A link with a count, for index lists.
#[derive(Debug, Serialize)]
pub struct CountedLink {
    /// What the reader sees.
    pub name: String,
    /// Where it goes.
    pub url: String,
    /// How many incidents.
    pub count: usize,
}

/// A date shown to readers, with its machine-readable form.
#[derive(Debug, Serialize)]
pub struct DateView {
    /// `2025-07-01`, for `<time datetime>`.
    pub iso: String,
    /// `1 July 2025`, `week of 1 July 2025` or `July 2025`, in the site's language.
    pub label: String,
}

impl SiteContext<'_> {
    /// True while making the pages of the site's default language, the one that also
    /// writes what every language shares (data files, scripts, base maps).
    pub fn is_default_language(&self) -> bool {
        self.languages
            .first()
            .is_none_or(|l| l.code == self.site.settings.config.language)
    }

    /// The page at `url` in every language the site publishes (none for a site in one).
    pub fn alternates(&self, url: &str) -> Vec<crate::languages::Alternate> {
        crate::languages::alternates(
            self.languages,
            self.urls,
            &self.site.settings.config.language,
            url,
        )
    }

    /// A date with the precision it is known to, in the site's language.
    pub fn date(&self, date: Date, precision: DatePrecision) -> DateView {
        DateView {
            iso: date.to_string(),
            label: self.words.date(date, precision),
        }
    }

    /// An event type as a word in running text and badges, in the site's language
    /// ("attack", "attaque").
    pub fn event_type_word(&self, event_type: EventType) -> &str {
        let key = format!("vocab.event_type.{}", event_type.as_str());
        match self.words.text(&key) {
            "" => event_type.as_str(),
            word => word,
        }
    }

    /// An event type as headings and titles show it: its word with a capital first letter.
    pub fn event_type_name(&self, event_type: EventType) -> String {
        let word = self.event_type_word(event_type);
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().collect::<String>() + chars.as_str()
        })
    }

    /// The name of a month (1 to 12) in the site's language.
    pub fn month(&self, month: i8) -> &str {
        self.words.month(month)
    }

    /// A link to a country's page.
    pub fn country_link(&self, country: usize) -> Link {
        let c = &self.site.registry.countries[country];
        Link {
            name: c.name.clone(),
            url: self.urls.country(&c.slug),
        }
    }

    /// A link to a region's page.
    pub fn region_link(&self, (country, region): (usize, usize)) -> Link {
        let c = &self.site.registry.countries[country];
        let r = &c.regions[region];
        Link {
            name: r.name.clone(),
            url: self.urls.region(&c.slug, &r.slug),
        }
    }

    /// A link to a group's page.
    pub fn group_link(&self, group: usize) -> Link {
        let g = &self.site.registry.groups[group];
        Link {
            name: g.name.clone(),
            url: self.urls.group(&g.slug),
        }
    }

    /// A claimant: linked when it is a registry group.
    pub fn party(&self, party: &Party) -> Link {
        match party {
            Party::Group(g) => self.group_link(*g),
            Party::Named(name) => Link {
                name: name.clone(),
                url: String::new(),
            },
        }
    }
}
