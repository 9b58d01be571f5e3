//! The registries as pages in a further language show them: every name, long name,
//! description and affiliation a translation gives put in place of the default one.

use super::{EntryTranslation, Registry};

impl Registry {
    /// A copy whose names, long names, descriptions and affiliations are those the entries'
    /// `translations` give in `lang`, where they give one. Slugs, aliases, ISO codes and
    /// the name tables are kept, so URLs and the names reports use do not change with the
    /// language of the page.
    pub fn in_language(&self, lang: &str) -> Registry {
        let mut copy = self.clone();
        for country in &mut copy.countries {
            if let Some(name) = name_in(&country.translations, lang) {
                country.name = name;
            }
            for region in &mut country.regions {
                if let Some(name) = name_in(&region.translations, lang) {
                    region.name = name;
                }
            }
        }
        for group in &mut copy.groups {
            let Some(translation) = group.translations.get(lang) else {
                continue;
            };
            let translation = translation.clone();
            if let Some(name) = translation.name {
                group.name = name;
            }
            // A translated field replaces the default one only when given: a missing
            // translation shows the default text, never nothing.
            group.full_name = translation.full_name.or(group.full_name.take());
            group.description = translation.description.or(group.description.take());
            group.affiliation = translation.affiliation.or(group.affiliation.take());
        }
        copy
    }
}

/// The name an entry's `translations` give in `lang`, if any.
fn name_in(
    translations: &std::collections::BTreeMap<String, EntryTranslation>,
    lang: &str,
) -> Option<String> {
    translations.get(lang).and_then(|t| t.name.clone())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::{Country, Group, Region};
    use super::*;
    use crate::domain::vocabulary::GroupKind;

    fn translated(lang: &str, entry: EntryTranslation) -> BTreeMap<String, EntryTranslation> {
        BTreeMap::from([(lang.to_string(), entry)])
    }

    fn named(name: &str) -> EntryTranslation {
        EntryTranslation {
            name: Some(name.to_string()),
            ..EntryTranslation::default()
        }
    }

    fn registry() -> Registry {
        let region = Region {
            name: "Ségou".into(),
            slug: "segou".into(),
            iso: None,
            aliases: Vec::new(),
            center: None,
            translations: translated("ar", named("سيغو")),
        };
        let country = Country {
            name: "Mali".into(),
            slug: "mali".into(),
            iso: Some("ML".into()),
            aliases: Vec::new(),
            regions: vec![region],
            bounds: None,
            translations: translated("ar", named("مالي")),
        };
        let group = Group {
            name: "JNIM".into(),
            slug: "jnim".into(),
            full_name: Some("Jama'at Nusrat al-Islam wal-Muslimin".into()),
            aliases: vec!["GSIM".into()],
            kind: GroupKind::default(),
            affiliation: Some("al-Qaeda".into()),
            description: Some("A coalition.".into()),
            translations: translated(
                "fr",
                EntryTranslation {
                    full_name: Some("Groupe de soutien à l'islam et aux musulmans".into()),
                    description: Some("Une coalition.".into()),
                    ..EntryTranslation::default()
                },
            ),
        };
        Registry {
            countries: vec![country],
            groups: vec![group],
            ..Registry::default()
        }
    }

    #[test]
    fn a_translation_replaces_only_what_it_gives() {
        let french = registry().in_language("fr");
        let jnim = &french.groups[0];
        assert_eq!(jnim.name, "JNIM", "no translated name: the default stays");
        assert_eq!(jnim.slug, "jnim");
        assert_eq!(jnim.description.as_deref(), Some("Une coalition."));
        assert_eq!(
            jnim.full_name.as_deref(),
            Some("Groupe de soutien à l'islam et aux musulmans")
        );
        assert_eq!(jnim.affiliation.as_deref(), Some("al-Qaeda"));
        assert_eq!(jnim.aliases, ["GSIM"]);
        assert_eq!(french.countries[0].name, "Mali");
    }

    #[test]
    fn places_take_their_translated_names_and_keep_their_slugs() {
        let arabic = registry().in_language("ar");
        assert_eq!(arabic.countries[0].name, "مالي");
        assert_eq!(arabic.countries[0].slug, "mali");
        assert_eq!(arabic.countries[0].regions[0].name, "سيغو");
        assert_eq!(arabic.countries[0].regions[0].slug, "segou");
        assert_eq!(
            arabic.groups[0].description.as_deref(),
            Some("A coalition.")
        );
    }
}
